"""Recognition by an LLM (any OpenAI-compatible endpoint), validated strictly, offline as the fallback.

The model is asked for one JSON object (``response_format: json_object`` and the schema in
the prompt). The answer is checked field by field (known keys only, right types, intents
from the list, names through ``baes.scaffold.spec``); anything else (bad JSON, wrong shape,
HTTP error, timeout after the configured retries) falls back to the offline recognizer, and
the reason is recorded in the result's notes. Token counts are those the endpoint reported,
including for answers that were then rejected (they were paid for).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from baes.generation.llm_client import LLMClient, LLMConfig, LLMError
from baes.recognition.model import INTENTS, Draft, RecognitionError, canonical_intent
from baes.recognition.offline import recognize_offline
from baes.recognition.request_tokens import entity_key
from baes.scaffold.spec import (
    SUPPORTED_TYPES,
    AttributeSpec,
    EntitySpec,
    RelationshipSpec,
    SpecError,
    check_identifier,
    pascal_case,
    snake_case,
)

#: Bump when the prompt, the validation or the classification changes: cached LLM answers are keyed by it.
#: 2: classification ignores words the spec already covers.
#: 3: removals, renames, defaults and the relationship kind (many_to_one / many_to_many).
PROMPT_VERSION = 3
MAX_COMPLETION_TOKENS = 800

_TOP_KEYS = frozenset(
    {
        "intent",
        "entity",
        "attributes",
        "related_entity",
        "relationship_required",
        "relationship_kind",
        "removed",
        "renamed_from",
        "renamed_to",
        "defaults",
    }
)
_ATTRIBUTE_KEYS = frozenset({"name", "type", "required"})

SYSTEM_PROMPT = f"""You turn a developer's request about a CRUD application (FastAPI + SQLite + Streamlit)
into one JSON object, and nothing else. Schema (all keys required):
{{
  "intent": one of {json.dumps(list(INTENTS))},
  "entity": "PascalCase singular name of the entity created, changed or deleted",
  "attributes": [{{"name": "snake_case", "type": one of {json.dumps(list(SUPPORTED_TYPES))}, "required": true|false}}],
  "related_entity": "PascalCase singular name" or null,
  "relationship_required": true|false,
  "relationship_kind": "many_to_one" or "many_to_many",
  "removed": ["snake_case attribute names to remove"],
  "renamed_from": "old name" or null, "renamed_to": "new name" or null,
  "defaults": {{"attribute_name": "value for existing rows"}}
}}
Rules:
- "create": a new entity with its attributes. "add_attributes": new attributes for an existing entity
  (only the new ones). "delete_entity": remove the entity (attributes []). "relationship": "entity" gets a
  reference (a foreign key) to "related_entity"; attributes []. "remove_attributes": "removed" lists the
  attributes to drop from "entity". "rename_attribute": renamed_from/renamed_to are the old/new attribute
  names (snake_case) of "entity". "rename_entity": "entity" is the current name, renamed_from/renamed_to
  the old/new entity names (PascalCase).
- "X can VERB many Ys" (other than "have") or both sides having many is many_to_many: entity = X,
  related_entity = Y, relationship_kind "many_to_many".
- "add X to Y" where X is an entity means Y references X: entity = Y, related_entity = X.
  "X has many Ys" means each Y references X: entity = Y, related_entity = X.
- Never include an "id" attribute (every entity has one). Infer types from names: email -> email,
  price/gpa -> float, age/count/year -> int, dates -> date, *_at/timestamps -> datetime, is_*/active -> bool.
- Words like "optional" or "may have" mean "required": false.
- related_entity is null unless intent is "relationship"; relationship_required is false when the
  reference is optional."""


@dataclass(frozen=True)
class LLMOutcome:
    """The draft, who produced it ("llm" or "offline" after a fallback), why, and the LLM's usage."""

    draft: Draft
    source: str
    notes: tuple[str, ...]
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_s: float = 0.0
    fallback_reason: str | None = None


_clients: dict[LLMConfig, LLMClient] = {}
_clients_lock = threading.Lock()


def client_for(config: LLMConfig) -> LLMClient:
    """One client per configuration, so connections are reused between requests."""
    with _clients_lock:
        client = _clients.get(config)
        if client is None:
            client = _clients[config] = LLMClient(config)
        return client


def build_messages(request: str, existing_entities: Sequence[str]) -> list[dict[str, str]]:
    existing = (
        ", ".join(sorted({pascal_case(snake_case(e.strip())) for e in existing_entities if isinstance(e, str) and e.strip()}))
        or "(none yet)"
    )
    user = f"Existing entities: {existing}\nRequest: {request.strip()}\nAnswer with the JSON object only."
    return [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": user}]


def recognize_with_llm(
    request: str, existing_entities: Sequence[str], config: LLMConfig, client: LLMClient | None = None
) -> LLMOutcome:
    """Ask the LLM; on any failure use the offline recognizer and say why."""
    if not isinstance(request, str) or not request.strip():
        raise RecognitionError("the request is empty")
    if not config.enabled:
        return _fallback(request, existing_entities, "no LLM configured")
    llm = client or client_for(config)
    messages = build_messages(request, existing_entities)
    try:
        reply = llm.complete(messages, response_format_json=True, max_tokens=MAX_COMPLETION_TOKENS)
    except LLMError as exc:
        if not _rejects_json_mode(exc):
            return _fallback(request, existing_entities, f"LLM call failed ({exc})")
        try:  # an endpoint without JSON mode: the prompt alone asks for JSON
            reply = llm.complete(messages, response_format_json=False, max_tokens=MAX_COMPLETION_TOKENS)
        except LLMError as again:
            return _fallback(request, existing_entities, f"LLM call failed ({again})")
    try:
        draft = parse_answer(reply.content)
    except RecognitionError as exc:
        return _fallback(
            request,
            existing_entities,
            f"LLM answer rejected ({exc})",
            reply.prompt_tokens,
            reply.completion_tokens,
            reply.latency_s,
        )
    return LLMOutcome(draft, "llm", draft.notes, reply.prompt_tokens, reply.completion_tokens, reply.latency_s)


def _rejects_json_mode(error: LLMError) -> bool:
    """A 400/422 that names ``response_format``: the endpoint has no JSON mode (asked once more without it)."""
    return error.kind == "status" and error.status in (400, 422) and "response_format" in str(error)


def _unfence(content: str) -> str:
    """The JSON inside one Markdown code fence (```json ... ```), which some models add; else the text."""
    text = content.strip()
    if text.startswith("```") and text.endswith("```") and text.count("```") == 2:
        first, _, rest = text[3:-3].partition("\n")
        return rest if not first.strip() or first.strip().isalpha() else text[3:-3]
    return text


def _fallback(
    request: str,
    existing_entities: Sequence[str],
    reason: str,
    prompt_tokens: int = 0,
    completion_tokens: int = 0,
    latency_s: float = 0.0,
) -> LLMOutcome:
    draft = recognize_offline(request, existing_entities)
    note = f"{reason}; used the offline recognizer"
    return LLMOutcome(
        draft, "offline", (note,) + draft.notes, prompt_tokens, completion_tokens, latency_s, fallback_reason=reason
    )


def _entity_name(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise RecognitionError(f"{what} must be a non-empty string, got {value!r}")
    try:
        check_identifier(value.strip(), what)
        return EntitySpec(pascal_case(entity_key(value))).name
    except SpecError as exc:
        raise RecognitionError(str(exc)) from exc


def _attributes(value: Any) -> tuple[AttributeSpec, ...]:
    if not isinstance(value, list):
        raise RecognitionError(f"attributes must be a list, got {type(value).__name__}")
    result: list[AttributeSpec] = []
    for item in value:
        if not isinstance(item, Mapping):
            raise RecognitionError(f"each attribute must be an object, got {item!r}")
        extra = set(item) - _ATTRIBUTE_KEYS
        if extra or "name" not in item:
            raise RecognitionError(f"attribute {dict(item)!r} must have name, type, required and nothing else")
        name, type_name, required = item.get("name"), item.get("type", "str"), item.get("required", True)
        if not isinstance(name, str) or not isinstance(type_name, str) or not isinstance(required, bool):
            raise RecognitionError(f"attribute {dict(item)!r}: name and type must be strings, required a boolean")
        if name.strip().lower() == "id":
            continue  # every entity has its integer id already
        try:
            result.append(AttributeSpec(name=snake_case(name.strip()), type=type_name, required=required))
        except SpecError as exc:
            raise RecognitionError(str(exc)) from exc
    return tuple(result)


def parse_answer(content: str) -> Draft:
    """Validate the LLM's JSON answer strictly and turn it into a ``Draft``."""
    try:
        data = json.loads(_unfence(content) if isinstance(content, str) else content)
    except (TypeError, ValueError) as exc:
        raise RecognitionError(f"not JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise RecognitionError(f"expected a JSON object, got {type(data).__name__}")
    extra = set(data) - _TOP_KEYS
    if extra:
        raise RecognitionError(f"unexpected keys {sorted(extra)}")
    given = data.get("intent")
    intent = canonical_intent(given) if isinstance(given, str) else given
    if intent not in INTENTS:
        raise RecognitionError(f"intent must be one of {', '.join(INTENTS)}, got {intent!r}")
    name = _entity_name(data.get("entity"), "entity name")
    attributes = _attributes(data.get("attributes", []))
    related = data.get("related_entity")
    required = data.get("relationship_required", True)
    if not isinstance(required, bool):
        raise RecognitionError("relationship_required must be a boolean")
    if intent == "relationship":
        target = _entity_name(related, "related entity name")
        if target == name:
            raise RecognitionError(f"{name} cannot reference itself")
        if attributes:
            raise RecognitionError("a relationship answer must have no attributes")
        kind = data.get("relationship_kind") or "many_to_one"
        try:
            spec = EntitySpec(name, relationships=(RelationshipSpec(target, required=required, kind=kind),))
        except SpecError as exc:
            raise RecognitionError(str(exc)) from exc
        return Draft("relationship", spec, related_entity=target)
    if related not in (None, ""):
        raise RecognitionError(f"related_entity must be null for intent {intent!r}")
    if intent == "add_attributes" and not attributes:
        raise RecognitionError("add_attributes needs at least one attribute")
    if intent == "delete_entity":
        return Draft("delete_entity", EntitySpec(name))
    if intent == "remove_attributes":
        removed = data.get("removed")
        if not isinstance(removed, list) or not removed or not all(isinstance(r, str) for r in removed):
            raise RecognitionError('remove_attributes needs "removed": a list of attribute names')
        return Draft(intent, EntitySpec(name), removed=tuple(_checked(snake_case(r.strip())) for r in removed))
    if intent in ("rename_attribute", "rename_entity"):
        old, new = data.get("renamed_from"), data.get("renamed_to")
        if not isinstance(old, str) or not isinstance(new, str):
            raise RecognitionError(f"{intent} needs renamed_from and renamed_to")
        if intent == "rename_entity":
            return Draft(intent, EntitySpec(name), renamed_from=name, renamed_to=_entity_name(new, "new entity name"))
        return Draft(
            intent, EntitySpec(name), renamed_from=_checked(snake_case(old.strip())), renamed_to=_checked(snake_case(new.strip()))
        )
    defaults = data.get("defaults") or {}
    if not isinstance(defaults, dict) or not all(
        isinstance(k, str) and isinstance(v, (str, int, float, bool)) for k, v in defaults.items()
    ):
        raise RecognitionError("defaults must map attribute names to values")
    try:
        spec = EntitySpec(name, attributes=attributes)
    except SpecError as exc:
        raise RecognitionError(str(exc)) from exc
    return Draft(intent, spec, defaults=tuple((snake_case(k), str(v)) for k, v in defaults.items()))


def _checked(name: str) -> str:
    try:
        return check_identifier(name, "attribute name")
    except SpecError as exc:
        raise RecognitionError(str(exc)) from exc
