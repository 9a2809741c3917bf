"""The data the recognizers produce: a ``Draft`` (what was asked) and the final ``Recognition``.

Kept apart from ``recognition`` so the offline and LLM recognizers can build drafts without
importing the orchestration (and each other).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from baes.scaffold.classification import EntityType
from baes.scaffold.spec import EntitySpec

#: What a request asks for, named for what it does (the evolution planner's contract).
INTENTS: tuple[str, ...] = (
    "create",
    "add_attributes",
    "remove_attributes",
    "rename_attribute",
    "rename_entity",
    "relationship",
    "delete_entity",
)
#: Older names still read from cache rows and LLM answers.
INTENT_ALIASES: dict[str, str] = {"delete": "delete_entity"}


def canonical_intent(intent: str) -> str:
    """``intent`` under its current name ("delete" → "delete_entity"); unknown names are returned as given."""
    return INTENT_ALIASES.get(intent, intent)


class RecognitionError(ValueError):
    """A request that names no entity or asks for something baes cannot do (message says which)."""


class OutOfScope(RecognitionError):
    """A request understood as something baes does not do (a screen, a job, another language): no part
    of it is read on its own as a change."""


@dataclass(frozen=True)
class Draft:
    """What a recognizer understood, before classification.

    For ``add_attributes`` the entity holds only the new attributes; for ``relationship`` it holds
    the new reference (``entity.relationships``) and ``related_entity`` names its target.
    """

    intent: str
    entity: EntitySpec
    related_entity: str | None = None
    notes: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    renamed_from: str | None = None
    renamed_to: str | None = None
    defaults: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "intent", canonical_intent(self.intent))
        if self.intent not in INTENTS:
            raise RecognitionError(f"unknown intent {self.intent!r}; expected one of {', '.join(INTENTS)}")
        if self.intent == "relationship" and not self.related_entity:
            raise RecognitionError("a relationship needs the related entity")
        if self.intent == "remove_attributes" and not self.removed:
            raise RecognitionError("which attributes should be removed?")
        if self.intent in ("rename_attribute", "rename_entity") and not (self.renamed_from and self.renamed_to):
            raise RecognitionError("a rename needs the old and the new name")


@dataclass(frozen=True)
class Recognition:
    """A recognized request: intent, entity, STANDARD/CUSTOM with reasons, and where it came from.

    ``source`` is "offline", "llm", "cache:memory" or "cache:persistent"; token counts and latency
    are the LLM's (zero otherwise); ``notes`` say what was skipped or why the LLM was not used.
    """

    intent: str
    entity: EntitySpec
    related_entity: str | None
    entity_type: EntityType
    custom_logic_reasons: tuple[str, ...]
    source: str
    notes: tuple[str, ...] = ()
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_s: float = 0.0
    removed: tuple[str, ...] = ()
    renamed_from: str | None = None
    renamed_to: str | None = None
    defaults: tuple[tuple[str, str], ...] = ()

    @property
    def requires_custom_logic(self) -> bool:
        return self.entity_type is EntityType.CUSTOM

    @property
    def tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    @property
    def from_cache(self) -> bool:
        return self.source.startswith("cache:")


def recognition_to_json(recognition: Recognition | Draft) -> dict[str, Any]:
    """The ``spec`` object of ``baes scaffold --dry-run --format json`` (the shared contract's shape)."""
    entity = recognition.entity
    return {
        "entity": entity.name,
        "attributes": [{"name": a.name, "type": a.type, "required": a.required} for a in entity.attributes],
        "relationships": [
            {"field": r.field_name, "target": r.target, "kind": r.kind, "required": r.required} for r in entity.relationships
        ],
        "removed": list(recognition.removed),
        "renamed_from": recognition.renamed_from,
        "renamed_to": recognition.renamed_to,
        "defaults": dict(recognition.defaults),
    }
