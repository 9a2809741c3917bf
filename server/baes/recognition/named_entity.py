"""The entity a create request names outright: "new entity LeaveRequest", "a Refuel entity", "model
`Supplier`", "a new thing called patient".

The rules read the entity from the sentence's shape, and a ticket's framing ("Arch review comment:",
"Handover: ops asked for …", "PR checklist:") or an opening verb ("Please prepare entity Case") can
take its place. When the user named exactly one new entity outright and the reading created another,
the named one is the entity: the attributes read stay, the name is the user's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from difflib import SequenceMatcher

from baes.recognition.attribute_types import attribute_type
from baes.recognition.model import Draft, OutOfScope, RecognitionError
from baes.recognition.normalize import normalize_request
from baes.recognition.request_tokens import Known, entity_key
from baes.scaffold.spec import AttributeSpec, EntitySpec, SpecError, pascal_case

_STRUCTURE = r"(?:entity|model|object|resource)"
_STOPS = (
    r"(?:with|having|that|which|to|for|and|where|so|of|in|on|is|the|called|named|anymore|now|too|please|pls|"
    r"entity|model|object|resource|table|name|number)\b"
)
_WORD = rf"(?!{_STOPS})[a-z][a-z0-9_]*"
_NAME = rf"({_WORD})"
#: "entity case with …", "new model supplier (…)": the name right after the structure word, then the list.
_AFTER = re.compile(rf"(?:^|\s)(?:{_STRUCTURE}|table)\s+{_NAME}(?=\s*(?:$|with\b|having\b|:|\.|,|\(|;))")
#: "spin up refuel entity", "need incident object": a name between a verb or "new" and the structure word.
_BEFORE = re.compile(
    rf"(?:^|[\s:,.])(?:new|up|need|want|create|add|make|build|prepare|like|missing|another|get|have)\s+{_NAME}\s+{_STRUCTURE}\b"
)
#: "thing called culture plate with …", "something named tutor".
_CALLED = re.compile(
    rf"\b(?:thing|something|entity|table|model|object)\s+(?:called|named)\s+({_WORD}(?:\s+{_WORD}){{0,2}})"
    rf"(?=\s+{_STOPS}|\s*[,:;.(]|\s*$)"
)


#: "… Call it Vehicle.", "Kindly name the table MortuaryAdmission", "Call it Shift Report. The clipboard …": the
#: name said in a sentence of its own, one word or a Title Case name of up to three.
_CALL_IT = re.compile(
    r"(?:^|[.!?\n]\s*|,[ \t]*(?=[^\n]*$))(?:(?:please|pls|kindly|just|and|so|let's|lets|we|i)\s+){0,2}"
    r"(?:(?:can|could|would|will)\s+)?(?:you\s+)?"
    r"(?:(?:call|name)\s+(?:it|this|them|(?:the\s+)?(?:entity|table|model|thing|record|list|register|object))"
    r"\s+[\"'`]?((?-i:[A-Z][a-z]\w*(?:[ \t]+[A-Z][a-z]\w*){1,2})|[A-Za-z]\w*)[\"'`]?"
    r"|make\s+(?:it|this|them)\s+(?:an?\s+)?((?-i:[A-Z][a-z]\w*(?:[ \t]+[A-Z][a-z]\w*){0,2}))(?:\s+(?:entity|table|model))?"
    r"|(?:the\s+)?entity(?:\s+name)?\s*:?\s+((?-i:[A-Z][a-z]\w*(?:[ \t]+[A-Z][a-z]\w*){0,2})))"
    r"\s*(?:please\s*)?(?:[.!]+(?=\s|$)|$)",
    re.IGNORECASE,
)


def called_it(request: str) -> tuple[str, str] | None:
    """``(request without it, name)`` when a sentence of the request names the entity ("… For every item:
    description, condition. Please call it Equipment."), else None."""
    match = _CALL_IT.search(request)
    if match is None:
        return None
    group = next(g for g in (1, 2, 3) if match[g] is not None)  # "call it X", "make it X" or "entity X"
    if match.start(group) == 0:
        return None
    before, after = request[: match.start()].rstrip(), request[match.end() :].strip()
    rest = " ".join(part for part in (before if before.endswith((".", "!", "?")) else before + ".", after) if part)
    if not before or match[group].lower() in {"that", "something", "whatever", "what", "so", "like"}:
        return None
    if match[0].startswith(",") and not match[group][:1].isupper():
        return None  # "on the rota slots, role is confusing people, please call it job": a field's new name
    return rest, match[group]


def read_with_name_said(request: str, known: Known, read: Callable[[str, str], Draft]) -> Draft:
    """``read(text, said)`` of a request that may name its entity in a sentence of its own ("… Please call it
    Equipment."): the rest is read and the name is the user's (``as_named``). When the rest names no entity
    the rules read ("We lend out chess sets. For every item: …"), it is read as a create of that name. A
    request that mentions an entity of the app ("'Thing' is no name. Call it Asset.") is a rename, read whole."""
    called = called_it(request)
    if called is None or any(known.get(entity_key(w)) for w in (called[1], *re.findall(r"[A-Za-z]\w*", called[0]))):
        return read(request, request)
    try:
        return read(called[0], request)
    except OutOfScope:
        raise
    except RecognitionError:
        listed = _LISTED.search(called[0])
        if listed is None:
            return read(f"Create {called[1]}. {called[0]}", request)
        # "… at the end of each shift: their name, …, and their finish time. … Call it Shift Report.": the list
        # said after a colon is what the named entity holds (one more reading at most: a long request is read twice)
        return read(f"Create {called[1]} with {listed[1]}.", request)


#: The list after a colon, or after "we write", "it has", "columns are", to the end of its sentence, when it holds at
#: least two commas (or semicolons).
_LISTED = re.compile(
    r"(?::|\b(?:we|i)\s+(?:write|note|record|put|take|fill\s+in)(?:\s+down)?|\b(?:it|they|the\s+\w+)\s+(?:has|have|holds)"
    r"|\bcolumns?\s+(?:are|is|were))\s*([^.!?:]*[,;][^.!?:]*[,;][^.!?:]*)[.!?]?",
    re.I,
)


def named_entity(request: str) -> str | None:
    """The one entity name ``request`` gives outright, or None (none or more than one). Read from the
    request's canonical words (its cache key), so a request and its key get one answer; a capitalised name
    of several words is one word there ("maintenance_contract"). A name said in a sentence of its own ("…
    Call it Vehicle.") is read from the words as written, and only its letters decide it, so the key agrees."""
    called = called_it(request)
    if called is not None:
        return pascal_case(entity_key(called[1]))
    key = normalize_request(request)
    header = re.split(r"\s*[,(;]|\s:\s(?!entity\b)|\s(?=with\s)", key, maxsplit=1)[0]  # "entity case with …": before the list
    found = [*_AFTER.finditer(header), *_BEFORE.finditer(key), *_CALLED.finditer(key)]
    names = {re.sub(r"\s+", "_", m.group(1)) for m in found}
    keys = {entity_key(name) for name in names}
    return pascal_case(keys.pop()) if len(keys) == 1 else None


def _said_apart(named: str, read: str, request: str) -> bool:
    """Whether the reading's entity is other words the request says ("a KeyLoan entity? Store the key label, …"),
    not the named one misspelt."""
    words = entity_key(read).split("_")
    listed = re.search(r"\b" + r"\W+".join(words) + r"\s*,", request.lower())  # "the key label, holder name, …"
    return len(words) > 1 and entity_key(named) != entity_key(read) and listed is not None


def _alike(named: str, read: str) -> bool:
    """Whether the reading's entity is the named one with a slip mended ("Reservaton" read as
    Reservation). A reading that holds more or fewer words than the name ("KilnRefill" for "a Refill
    entity", "Holder" for "a thing called season ticket holder") is not."""
    a, b = entity_key(named), entity_key(read)
    slip = abs(len(a) - len(b)) <= 2 and SequenceMatcher(None, a, b).ratio() >= 0.8  # "Employe" read as Employee
    return a == b or slip


def as_named(draft: Draft, request: str, known: Known) -> Draft:
    """A create of another entity than the one the user named outright, as a create of that one."""
    if draft.intent != "create":
        return draft
    named = named_entity(request)
    if named is not None:  # "… form -> entity PatientTransport. Fields: …": the name said is no field
        fields = tuple(a for a in draft.entity.attributes if a.name != "entity_" + entity_key(named))
        draft = replace(draft, entity=replace(draft.entity, attributes=fields)) if fields else draft
    if (
        named is None
        or (_alike(named, draft.entity.name) and not _said_apart(named, draft.entity.name, request))
        or known.get(entity_key(named))
        or known.get(entity_key(draft.entity.name))
    ):
        return draft
    if any(entity_key(r.target) == entity_key(named) for r in draft.entity.relationships):
        return draft  # "… linked to the Customer entity": named as what it links to
    try:
        return renamed_entity(draft, EntitySpec(named).name, request)
    except SpecError:
        return draft


def renamed_entity(draft: Draft, name: str, request: str) -> Draft:
    """``draft`` creating ``name`` instead; the words its entity was read from, when the request lists them as an item
    ("… a KeyLoan entity? Store the key label, holder name, …"), become its first field."""
    old = entity_key(draft.entity.name)
    attributes = draft.entity.attributes
    said = r"\W+".join(old.split("_"))
    if "_" in old and all(a.name != old for a in attributes) and re.search(rf"\b{said}\s*,", request.lower()):
        attributes = (AttributeSpec(old, attribute_type(old)), *attributes)
    return replace(draft, entity=replace(draft.entity, name=name, attributes=attributes))
