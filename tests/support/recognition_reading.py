"""A recognized request in the compact form the recognition tests compare: what the dry run shows."""

from __future__ import annotations

from collections.abc import Sequence
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
