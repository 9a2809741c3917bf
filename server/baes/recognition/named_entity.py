"""The entity a create request names outright: "new entity LeaveRequest", "a Refuel entity", "model
`Supplier`", "a new thing called patient".

The rules read the entity from the sentence's shape, and a ticket's framing ("Arch review comment:",
"Handover: ops asked for …", "PR checklist:") or an opening verb ("Please prepare entity Case") can
take its place. When the user named exactly one new entity outright and the reading created another,
the named one is the entity: the attributes read stay, the name is the user's.
"""

from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher

from baes.recognition.model import Draft
from baes.recognition.request_tokens import Known, entity_key
from baes.scaffold.spec import EntitySpec, SpecError, pascal_case

_STRUCTURE = r"(?:entity|model|table|object|resource)"
_STRUCTURE_WORDS = (["entity"], ["model"], ["table"], ["object"], ["resource"])
#: "entity LeaveRequest", "new model `Supplier`" (a capitalised name right after the structure word).
_AFTER = re.compile(rf"\b(?i:{_STRUCTURE})\s+`?([A-Z][A-Za-z0-9]*)`?(?![\w`])")
#: "a Refuel entity", "`Incident` object".
_BEFORE = re.compile(rf"(?<![\w`])`?([A-Z][A-Za-z0-9]*)`?\s+(?i:{_STRUCTURE})\b")
#: "a thing called patient", "something named Tutor", "an entity called kiln log".
_STOPS = r"(?:with|having|that|which|to|for|and|where|so)\b"
_CALLED = re.compile(
    rf"\b(?:thing|something|entity|table|model|object)\s+(?:called|named)\s+((?!{_STOPS})[A-Za-z]\w*(?:\s+(?!{_STOPS})[A-Za-z]\w*){{0,2}})"
    rf"(?=\s+{_STOPS}|\s*[,:;.(\n]|\s*$)",
    re.I,
)
#: Words a structure word follows that are no entity's name ("The entity", "New model").
_NOT_NAMES = frozenset(
    {"the", "a", "an", "new", "this", "that", "one", "each", "every", "our", "my", "your", "data"}
    | {"create", "add", "make", "build", "generate", "scaffold", "define", "need", "want", "prepare", "delete", "remove"}
    | {"rename", "drop", "alter", "please", "pls"}
)


def named_entity(request: str) -> str | None:
    """The one entity name ``request`` gives outright, or None (none, more than one, or a name of
    several words: "a Maintenance Contract entity" is read whole by the rules)."""
    names: set[str] = set()
    for pattern in (_AFTER, _BEFORE, _CALLED):
        for match in pattern.finditer(request):
            before, after = request[: match.start(1)].split(), request[match.end(1) :].split()
            if pattern is not _AFTER and before and before[-1][:1].isupper() and before[-1].lower() not in _NOT_NAMES:
                return None  # "Room Inspection entity"
            if pattern is _AFTER and after and after[0][:1].isupper():
                return None  # "entity Impression Case"
            if pattern is _BEFORE and request[match.end() :].split()[:1] in _STRUCTURE_WORDS:
                return None  # "a Loot Table entity": the structure word is part of the name
            names.add(re.sub(r"\s+", "_", match.group(1)))
    keys = {entity_key(name) for name in names if name.lower() not in _NOT_NAMES and not name.isupper()}
    return pascal_case(keys.pop()) if len(keys) == 1 else None


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
    if named is None or _alike(named, draft.entity.name) or known.get(entity_key(named)):
        return draft
    if any(entity_key(r.target) == entity_key(named) for r in draft.entity.relationships):
        return draft  # "… linked to the Customer entity": named as what it links to
    try:
        return replace(draft, entity=replace(draft.entity, name=EntitySpec(named).name))
    except SpecError:
        return draft
