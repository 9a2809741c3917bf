"""``recognize``: a request → a ``Recognition`` (cache first, then the LLM or the offline recognizer).

The order: the recognition cache (when one is given and ``ENABLE_RECOGNITION_CACHE`` is on),
then the LLM recognizer when an LLM is configured (it falls back to the offline recognizer by
itself), else the offline recognizer. STANDARD vs CUSTOM comes from
``baes.scaffold.classification`` for every source, so a cached, an LLM and an offline answer
are classified the same way. Fallback answers are not cached (the LLM may work next time).

The cache context names everything else that changes the answer: the recognizer and its
version, the LLM endpoint and model, and the existing entities (for the offline recognizer
only those the request mentions, since it looks at no others).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from baes.generation.llm_client import LLMConfig
from baes.recognition import vocabulary as vocab
from baes.recognition.cache import CachedRecognition, RecognitionCache
from baes.recognition.capitalised_names import capital_context
from baes.recognition.defaults import original_case
from baes.recognition.model import INTENTS, Draft, Recognition, RecognitionError, canonical_intent
from baes.recognition.named_entity import called_it
from baes.recognition.normalize import canonical_tokens
from baes.recognition.offline import recognize_offline
from baes.recognition.request_tokens import Known
from baes.scaffold.classification import EntityType, classify
from baes.scaffold.spec import AttributeSpec, EntitySpec, RelationshipSpec, SpecError
from baes.settings.config import FeatureFlags, current_flags

__all__ = [
    "INTENTS",
    "OFFLINE_VERSION",
    "Recognition",
    "RecognitionError",
    "cache_context",
    "recognize",
    "to_cached",
    "from_cached",
]

log = logging.getLogger(__name__)

#: Bump when the offline recognizer's answers change (including the STANDARD/CUSTOM
#: classification it stores): cached offline answers are keyed by it, so old ones become misses.
#: 2: classification ignores words the spec already covers (attribute, entity and reference names).
#: 3: a list item is one attribute ("tax rate" → tax_rate), "X is attached to Y" is a reference, "add" creates.
#: 4: verb forms used as nouns keep their spelling ("tracking number"), every listed reference target is
#:    kept ("associated with customers and products"), "has projector" is the flag has_projector.
#: 5: removals, renames, defaults, has-many and many-to-many, multi-word names, typos, types of counts and money.
#: 6: typos in command words, entity names and ordinary words ("creat", "Reciept", "fisrt"), with notes.
#: 7: the rounds of reading work since 6 (layout, notation, user stories, Title Case names, context phrases,
#:    types said in parentheses): 6 was not bumped while they changed answers, so a cache kept since could
#:    serve an old reading.
#: 8: round 9: requests inside their frame, "each one has", renames in everyday words, optional references,
#:    flags and amounts named by phrases.
#: 9: round 10: one list reads the same in every frame (comma after the name, "the following fields:",
#:    semicolons after "with", "add a, b to X"), states with "for"/"to", keyword names with "_", link words
#:    as field words ("github link").
#: 10: round 11: relationships read the same in every frame ("one X, many Ys", "update X to reference Y",
#:    "X needs a reference to Y"), a task's label is no entity, one-line blocks and dots open a list.
#: 11: round 12: renames said as "X should be Y", "…, call it Y" and "from now on, …", removals said as
#:    "E no longer stores X" and "we should not store X on E", commit types and review labels, shell-style
#:    commands ("mk", "rm"), "(text, optional)", units in parentheses ("(m2)"), "ADD COLUMN a, ADD COLUMN b",
#:    a create of an existing entity refused, a dotted rename inside a note, a many-to-many asked for after it
#:    is described.
#: 12: round 17: a change of an entity the app lacks and a create that talks about one it has without using
#:     it are refused; flags said as "if it is X" or named before their type; "date paid" is a date; a size
#:     is a label; "capturing"/"comprising"/"holding" open a list; sentence adverbs are fillers.
#: 13: round 18: typed lists, "as a date" items, one-to-many said as something to add, entities written joined
#:     or after a qualifier, "X can go in many Ys" deletes nothing.
#: 14: rounds 19 and 20: schema code, the field before "remove it" (never the entity deleted), the entity a
#:     create names outright, a create that read none of its fields refused, permission rules and advice
#:     questions refused, "drop off" is no removal, priority and rank are labels.
#: 15: rounds 21 and 22: the step of a conversation, the things kept (not their keeper), spreadsheet tabs and
#:     headers, dev labels, many-to-many said as sharing, which side holds the key, a place that is the only
#:     noun, bounds and averages typed by what they bound, no entity renamed to another the app has; round 23:
#:     pasted definitions parsed (JSON, Python, TypeScript, SQL, YAML), a flag "is_x" named x; round 24: tables of
#:     fields, JSON Schemas, CSV samples.
#: 16: round 25: requests relayed from a client or a manager, e-mail quotes, GraphQL types, OpenAPI schemas in
#:     YAML, tables aligned by tabs or spaces or typed by examples, the entity named around a pasted block;
#:     a grade is text; round 26: lists said aloud, self-corrections, backlog shapes, office column types; round
#:     27: classes from Go, C#, Java, Kotlin and Zod, DBML, Mermaid and dataframe schemas.
#: 17: rounds 28 and 29: guessed lists refused, the talk around a change of an app that holds data, places.
#: 18: round 30: units a name cannot hold, counted participles, Title Case names ending on Record, integrations
#:     refused, Greek plurals, British participles, a later clause naming the optional field.
#: 19, 20: rounds 31 and 32 (see docs/recognition.md).
#: 21: round 33: a heading names its entity whole, "<activity> record" is one name, known misspellings (codespell).
#: 22: round 34: an app with no entities is changed by no removal, rename or deletion; "drop-in" is one word.
#: 23: round 35: words that name no thing never name an entity, fields listed below a ticket, team-chat changes.
#: 24: round 36: second-language writers (a capitalised entity inside a sentence, false friends, word order).
OFFLINE_VERSION = 25


def _entity_keys(names: Sequence[str]) -> list[str]:
    """The existing entities as the recognizer looks them up, in a stable order for the key."""
    return sorted(Known(names).by_key)


def cache_context(request: str, existing_entities: Sequence[str] | None = (), llm: LLMConfig | None = None) -> str:
    """What besides the request's words decides the answer, as a cache-key context. Offline, only the app's
    entities the request mentions matter, and whether the app has any (an app with none is changed by no removal,
    rename or deletion); unknown entities (``None``) are a context of their own."""
    existing = _entity_keys(existing_entities or ())
    if llm is not None and llm.enabled:
        from baes.recognition.llm import PROMPT_VERSION

        return f"llm/{PROMPT_VERSION}|{llm.identity}|entities={','.join(existing)}"
    mentioned = {vocab.singularize(t) for t in canonical_tokens(request)}
    app = (
        "unknown"
        if existing_entities is None
        else "new"
        if not existing
        else "entities=" + ",".join(k for k in existing if k in mentioned or k.rpartition("_")[2] in mentioned)
    )  # an entity named by its last word ("the tickets" of LaundryTicket) is mentioned
    capitals = capital_context(request)  # "keep Stay of each dog: …" and "keep stay of each dog: …" share a key
    called = called_it(request)  # "… make it EggSale": a name said at the end, as written
    return f"offline/{OFFLINE_VERSION}|{app}" + (f"|{capitals}" if capitals else "") + (f"|called={called[1]}" if called else "")


def recognize(
    request: str,
    *,
    existing_entities: Sequence[str] | None = None,
    llm: LLMConfig | None = None,
    cache: RecognitionCache | None = None,
    flags: FeatureFlags | None = None,
) -> Recognition:
    """Understand ``request``; raise ``RecognitionError`` (a ``ValueError``) when it names no entity.

    ``existing_entities``: the app's entities (``[]`` for an app with none, which no removal, rename or deletion
    can change); ``None`` when they are not known, so nothing is checked against them."""
    if not isinstance(request, str) or not request.strip():
        raise RecognitionError("the request is empty")
    existing = None if existing_entities is None else tuple(e for e in existing_entities if isinstance(e, str))
    active_flags = flags if flags is not None else current_flags()
    use_cache = cache is not None and active_flags.ENABLE_RECOGNITION_CACHE
    use_llm = llm is not None and llm.enabled
    context = cache_context(request, existing, llm if use_llm else None) if use_cache else ""
    if use_cache:
        assert cache is not None
        found = cache.lookup(request, context=context)
        if found is not None:
            recognition = from_cached(found[0], source=f"cache:{found[1]}")
            if recognition is not None:
                return _as_written(request, recognition)
    recognition, cacheable = _recognize_fresh(request, existing, llm if use_llm else None)
    recognition = _as_written(request, recognition)
    if use_cache and cacheable:
        assert cache is not None
        cache.put(to_cached(request, recognition), context=context)
    return recognition


def _as_written(request: str, recognition: Recognition) -> Recognition:
    """Default values in the request's own case: a cache key is lower case, "default 'NL'" is not; a flag's
    true or false stays lower case ("has_locker: bool = False" defaults to false)."""
    if not recognition.defaults:
        return recognition
    flags = {a.name for a in recognition.entity.attributes if a.type == "bool"}
    defaults = tuple(
        (name, value if name in flags and value in {"true", "false"} else original_case(request, value))
        for name, value in recognition.defaults
    )
    return replace(recognition, defaults=defaults)


def _recognize_fresh(request: str, existing: Sequence[str] | None, llm: LLMConfig | None) -> tuple[Recognition, bool]:
    try:
        if llm is not None:
            from baes.recognition.llm import recognize_with_llm  # lazy: only with an LLM configured

            outcome = recognize_with_llm(request, existing or (), llm)
            return (
                _finish(
                    request,
                    outcome.draft,
                    outcome.source,
                    outcome.notes,
                    outcome.prompt_tokens,
                    outcome.completion_tokens,
                    outcome.latency_s,
                ),
                outcome.fallback_reason is None,
            )
        draft = recognize_offline(request, existing)
        return _finish(request, draft, "offline", draft.notes), True
    except RecognitionError:
        raise
    except Exception as exc:  # a bug must not take the server down; say what happened
        log.exception("recognition failed for %r", request)
        raise RecognitionError(f"could not understand the request (internal error: {exc})") from exc


#: Intents that generate code (the others only remove or rename: always STANDARD, nothing to classify).
_GENERATING_INTENTS = frozenset({"create", "add_attributes", "relationship"})


def _finish(
    request: str,
    draft: Draft,
    source: str,
    notes: Sequence[str],
    prompt_tokens: int = 0,
    completion_tokens: int = 0,
    latency_s: float = 0.0,
) -> Recognition:
    reasons: tuple[str, ...]
    if draft.intent not in _GENERATING_INTENTS:
        entity_type, reasons = EntityType.STANDARD, ()
    else:
        classification = classify(request, draft.entity)
        entity_type, reasons = classification.entity_type, classification.reasons
    return Recognition(
        intent=draft.intent,
        entity=draft.entity,
        related_entity=draft.related_entity,
        entity_type=entity_type,
        custom_logic_reasons=tuple(reasons),
        source=source,
        notes=tuple(notes),
        prompt_tokens=prompt_tokens,
        completion_tokens=completion_tokens,
        latency_s=latency_s,
        removed=draft.removed,
        renamed_from=draft.renamed_from,
        renamed_to=draft.renamed_to,
        defaults=draft.defaults,
    )


def to_cached(request: str, recognition: Recognition) -> CachedRecognition:
    """The cache entry of a recognition (the reference's fields plus intent and relationships)."""
    entity = recognition.entity
    return CachedRecognition(
        user_request=request,
        normalized_key="",  # the cache computes it
        entity_name=entity.name,
        attributes=[a.to_context() for a in entity.attributes],
        entity_type=recognition.entity_type.name,
        requires_custom_logic=recognition.entity_type is EntityType.CUSTOM,
        custom_logic_reasons=list(recognition.custom_logic_reasons),
        cached_at=datetime.now().isoformat(),
        intent=recognition.intent,
        related_entity=recognition.related_entity,
        relationships=[{"target": r.target, "required": r.required, "kind": r.kind} for r in entity.relationships],
        description=entity.description,
        notes=list(recognition.notes),
        removed=list(recognition.removed),
        renamed_from=recognition.renamed_from,
        renamed_to=recognition.renamed_to,
        defaults=dict(recognition.defaults),
    )


def from_cached(entry: CachedRecognition, source: str) -> Recognition | None:
    """A recognition from a cache entry, or None when the entry does not validate (treated as a miss)."""
    try:
        intent = canonical_intent(str(entry.intent))
        intent = intent if intent in INTENTS else "create"
        attributes = tuple(_attribute(a) for a in entry.attributes)
        relationships = tuple(
            RelationshipSpec(str(r["target"]), bool(r.get("required", True)), str(r.get("kind", "many_to_one")))
            for r in (entry.relationships or [])
        )
        entity = EntitySpec(str(entry.entity_name), attributes, relationships, str(entry.description or ""))
        entity_type = _entity_type(entry.entity_type, entry.requires_custom_logic)
        draft = Draft(
            intent,
            entity,
            related_entity=entry.related_entity or None,
            notes=_strings(entry.notes),
            removed=_strings(entry.removed),
            renamed_from=_optional_string(entry.renamed_from),
            renamed_to=_optional_string(entry.renamed_to),
            defaults=tuple((str(k), str(v)) for k, v in dict(entry.defaults or {}).items()),
        )
    except (SpecError, RecognitionError, KeyError, TypeError, ValueError, AttributeError) as exc:
        log.warning("recognition cache: ignoring an invalid entry for %r (%s)", entry.user_request, exc)
        return None
    return Recognition(
        intent=draft.intent,
        entity=draft.entity,
        related_entity=draft.related_entity,
        entity_type=entity_type,
        custom_logic_reasons=tuple(str(r) for r in entry.custom_logic_reasons),
        source=source,
        notes=draft.notes,
        removed=draft.removed,
        renamed_from=draft.renamed_from,
        renamed_to=draft.renamed_to,
        defaults=draft.defaults,
    )


def _strings(value: Any) -> tuple[str, ...]:
    """A stored list of strings (None or a missing field in an old row: empty); anything else is invalid."""
    if value is None:
        return ()
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise TypeError(f"expected a list of strings, got {value!r}")
    return tuple(value)


def _optional_string(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value or None
    raise TypeError(f"expected a string, got {value!r}")


def _attribute(data: Mapping[str, Any]) -> AttributeSpec:
    return AttributeSpec(name=str(data["name"]), type=str(data.get("type", "str")), required=bool(data.get("required", True)))


def _entity_type(value: Any, requires_custom_logic: bool) -> EntityType:
    text = str(getattr(value, "value", value) or "").strip().lower()
    for member in EntityType:
        if text in (member.value, member.name.lower()):
            return member
    return EntityType.CUSTOM if requires_custom_logic else EntityType.STANDARD
