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
