"""The data the recognizers produce: a ``Draft`` (what was asked) and the final ``Recognition``.

Kept apart from ``recognition`` so the offline and LLM recognizers can build drafts without
importing the orchestration (and each other).
"""
from __future__ import annotations

from dataclasses import dataclass
from baes.scaffold.classification import EntityType
from baes.scaffold.spec import EntitySpec

INTENTS: tuple[str, ...] = ("create", "add_attributes", "relationship", "delete")


class RecognitionError(ValueError):
    """A request that names no entity or asks for something baes cannot do (message says which)."""


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

    def __post_init__(self) -> None:
        if self.intent not in INTENTS:
            raise RecognitionError(f"unknown intent {self.intent!r}; expected one of {', '.join(INTENTS)}")
        if self.intent == "relationship" and not self.related_entity:
            raise RecognitionError("a relationship needs the related entity")


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

    @property
    def requires_custom_logic(self) -> bool:
        return self.entity_type is EntityType.CUSTOM

    @property
    def tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    @property
    def from_cache(self) -> bool:
        return self.source.startswith("cache:")
