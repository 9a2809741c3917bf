"""A recognized request in the compact form the recognition tests compare: what the dry run shows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from baes.recognition.model import recognition_to_json
from baes.recognition.recognize import recognize


def reading(request: str, existing: Sequence[str] = ()) -> dict[str, Any]:
    """What the dry run shows (offline: no cache, no LLM configured), in a compact form."""
    recognition = recognize(request, existing_entities=tuple(existing))
    spec = recognition_to_json(recognition)
    return {
        "intent": recognition.intent,
        "entity": spec["entity"],
        "attributes": [(a["name"], a["type"], a["required"]) for a in spec["attributes"]],
        "relationships": [(r["target"], r["kind"]) for r in spec["relationships"]],
        **{key: spec[key] for key in ("renamed_from", "renamed_to", "removed", "defaults") if spec.get(key)},
    }


def created(request: str) -> tuple[str, str, list[tuple[str, str, bool]]]:
    """The intent, entity and attributes a create request is read as."""
    got = reading(request)
    return got["intent"], got["entity"], got["attributes"]


def reading_of(request: str, existing: Sequence[str], keys: Iterable[str]) -> dict[str, Any]:
    """The parts ``keys`` of the reading of a change (an absent list is empty, an absent name None)."""
    got = reading(request, existing)
    return {key: got.get(key, [] if key in ("attributes", "relationships") else None) for key in keys}


def one_line(request: str, existing: Sequence[str] | None) -> str:
    """The reading as one line: "intent Entity name:type name:type? ->Target:kind -removed old->new field=value"."""
    got = recognize(request, existing_entities=existing)
    parts = [got.intent, got.entity.name]
    parts += [f"{a.name}:{a.type}{'' if a.required else '?'}" for a in got.entity.attributes]
    parts += [f"->{r.target}:{r.kind}" for r in got.entity.relationships]
    parts += [f"-{name}" for name in got.removed]
    if got.renamed_from:
        parts.append(f"{got.renamed_from}->{got.renamed_to}")
    parts += [f"{name}={value}" for name, value in got.defaults]
    return " ".join(parts)
