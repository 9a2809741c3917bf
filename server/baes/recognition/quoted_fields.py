"""A field's rename or removal said with the names in quotes, however the sentence around them goes.

"our Event has 'expected guests' but we call it 'headcount' everywhere, could you rename that?", "my
mentor said 'kind' is vague so can we call it 'species' instead? that's on Catch": people quote the
old name and the new one and surround them with reasons. The quotes say exactly which words are the
names, so the request is read from the text as written: two quoted names, a word of renaming, and
one entity of the app named outside the quotes (whose field it is); "we'd prefer 'Child' rather than
'Kid'" renames the app's entity Kid. "the Order table has 'gift wrap' and 'gift message' but we stopped
doing that, can you remove both?" removes the quoted fields the same way.
"""

from __future__ import annotations

import re

from baes.recognition.entity_renames import new_entity_name
from baes.recognition.model import Draft
from baes.recognition.request_tokens import Known, entity_key
from baes.scaffold.spec import EntitySpec, snake_case

#: A quoted name: opened after a blank or a mark (not the apostrophe of "they're"), closed before one.
_QUOTED = re.compile(r"(?:(?<=[\s(:,])|^)[`'\"\u2018\u201c](?P<name>[A-Za-z][\w .-]{0,38}?)[`'\"\u2019\u201d](?=[\s.,;:!?)]|$)")
#: Words that ask for a new name.
_RENAMING = re.compile(
    r"\b(?:rename[ds]?|renaming|re-?label(?:led|ed|s)?|call(?:ed)?[ \t]+(?:it|that|this)|change[ \t]+(?:it|that|this)[ \t]+to"
    r"|(?:be|been|get|gets|got)[ \t]+(?:called|named|renamed))\b",
    re.I,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")
#: Words between the names that put the new one first ("'arrival' not 'check in'", "'mobile' instead of 'phone'").
_NEW_FIRST = re.compile(r"\b(?:not|instead[ \t]+of|rather[ \t]+than)\b", re.I)
#: Words that prefer one name to the other, asking for a rename as well ("we'd prefer 'Child' rather than 'Kid'").
_PREFERRING = re.compile(r"\b(?:prefer(?:s|red)?|rather[ \t]+than|instead[ \t]+of)\b", re.I)


def quoted_change(request: str, known: Known) -> Draft | None:
    """The rename or removal of fields written as quoted names (see the module docstring), or None."""
    found = list(_QUOTED.finditer(request))
    if not found:
        return None
    return _rename(request, found, known) or _renamed_to_said(request, found, known) or _removal(request, found, known)


def _rename(request: str, found: list[re.Match[str]], known: Known) -> Draft | None:
    """Two quoted names and a word of renaming (or an arrow between them): the first is renamed to the second."""
    names = _renamed_pair(request, found, arrow=True)
    if names is None:
        return None
    old, new = (field_name(n) for n in names)
    if not old or not new or old == new or any(known.get(entity_key(n)) for n in names):
        return None  # an entity's rename is read by ``entity_renames``, or by ``quoted_entity_rename``
    owner = _only_owner(request, known)
    if owner is None:
        return None
    return Draft("rename_attribute", EntitySpec(owner), renamed_from=old, renamed_to=new)


def _renamed_pair(request: str, found: list[re.Match[str]], *, arrow: bool) -> list[str] | None:
    """The two quoted names, the old one first, of a request that asks for a new name: a word of renaming or of
    preferring, or (``arrow``) an arrow between them; "we say 'arrival' not 'check in'" says the new name first."""
    if len(found) != 2:
        return None
    between = request[found[0].end() : found[1].start()]
    old_words, new_words = ({*m.group("name").lower().split()} for m in found)
    said_to_be = (  # a name, not a value ("'status' should be 'open'"): two words, or a word of the old name
        _SHOULD_BE.fullmatch(between) is not None
        and _NOTHING_AFTER.fullmatch(_SENTENCE_END.split(request[found[1].end() :], maxsplit=1)[0]) is not None
        and (len(new_words) >= 2 or bool(old_words & new_words) or "_" in found[1].group("name"))
    )
    words = _QUOTED.sub(" ", request)  # "remove 'preferred shift' and …": the names' own words ask for nothing
    if not (_RENAMING.search(words) or _PREFERRING.search(words) or (arrow and _ARROW.search(between)) or said_to_be):
        return None
    names = [m.group("name").strip() for m in found]
    return names[::-1] if _NEW_FIRST.search(between) else names


#: "Applicant 'ucas no' should be 'ucas id'": a name said to be another, with nothing after it (not "… by default").
_SHOULD_BE = re.compile(
    r"[ \t]+(?:should|must|needs?[ \t]+to|has[ \t]+to|ought[ \t]+to|could|can)[ \t]+(?:now[ \t]+)?(?:be|become)[ \t]+", re.I
)
#: Where the sentence with the names ends: what follows is another sentence ("… 'fault_description'. All the …").
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s|\n")
_NOTHING_AFTER = re.compile(r"[ \t]*(?:please|pls|instead|now)?[ \t]*[.!]*[ \t]*", re.I)
#: An arrow between two names: "the 'pax' column → 'number of guests'".
_ARROW = re.compile(r"->|=>|\u2192")
#: The new name said after one quoted name: "'lvl' - rename to cefr_level", "'dep' as a column header, can it be
#: deposit_amount", "the 'agent' field … rename to agent_phone".
_SAID_NEW = re.compile(
    r"\b(?:rename(?:d)?(?:[ \t]+(?:it|this|that))?[ \t]+(?:to|as)|can[ \t]+(?:it|we[ \t]+make[ \t]+it)[ \t]+be"
    r"|call[ \t]+it|(?:it[ \t]+|should[ \t]+)?be[ \t]+(?:called|named|renamed(?:[ \t]+to)?))[ \t]+"
    r"[`'\"]?(?P<new>[A-Za-z][\w]*(?:[ \t](?!(?:on|in|for|of)\b)[a-z]\w*){0,2}?)"
    r"[`'\"]?(?=[ \t]*(?:$|[.,;!?(\n]|[ \t](?:pls|please|instead|thanks|thx)\b|[ \t](?:on|in|for)[ \t]))",
    re.I,
)


#: What "can it be …" says of a field that is no new name ("can it be removed?").
_NOT_NEW_NAMES = frozenset({"removed", "deleted", "dropped", "optional", "required", "empty", "blank", "null", "hidden"})


def _renamed_to_said(request: str, found: list[re.Match[str]], known: Known) -> Draft | None:
    """One quoted name, then a word of renaming and the new name unquoted: that field of the one entity named."""
    if len(found) != 1:
        return None
    said = _SAID_NEW.search(request, found[0].end())
    old = field_name(found[0].group("name"))
    new = field_name(said.group("new")) if said else ""
    if (
        not old
        or not new
        or old == new
        or new in _NOT_NEW_NAMES
        or known.get(entity_key(found[0].group("name")))
        or known.get(entity_key(new))
    ):
        return None
    owner = _only_owner(request, known)
    return Draft("rename_attribute", EntitySpec(owner), renamed_from=old, renamed_to=new) if owner else None


def quoted_entity_rename(request: str, known: Known) -> Draft | None:
    """Two quoted names, the first of an entity of the app once the new-first words are read, and a word of
    renaming or preferring: the entity renamed ("we'd prefer 'Child' rather than 'Kid' in the app"). Asked only
    of a request no rule reads, whose other sentences would otherwise be noted as left out."""
    names = _renamed_pair(request, list(_QUOTED.finditer(request)), arrow=False)
    if names is None:
        return None
    old = known.get(entity_key(names[0]))
    new = new_entity_name(names[1], old, known) if old and not known.get(entity_key(names[1])) else None
    return Draft("rename_entity", EntitySpec(old), renamed_from=old, renamed_to=new) if old and new else None


#: A removal that points back at the quoted names ("can you remove both?", "please drop them", "get rid of it").
_REMOVING_THEM = re.compile(
    r"\b(?:remove|delete|drop|get[ \t]+rid[ \t]+of|take[ \t]+out)[ \t]+(?:both(?:[ \t]+of[ \t]+them)?|them|it|those|these)\b",
    re.I,
)


#: A removal said of the quoted names with the entity they leave: "could 'coach seat' be taken out of Pupil?",
#: "the 'handover notes' field could come off Shift", "'fax' can be removed from Supplier".
_TAKEN_OFF = re.compile(
    r"\b(?:(?:be|been|get|gets|got|is|are)[ \t]+(?:taken[ \t]+(?:out[ \t]+of|off|away[ \t]+from)|removed[ \t]+from"
    r"|deleted[ \t]+from|dropped[ \t]+from)|come[ \t]+(?:off|out[ \t]+of))[ \t]+(?:the[ \t]+)?(?P<owner>[A-Za-z]\w*)",
    re.I,
)
#: Words that ask for something new besides: not only a removal ("add 'gift note' and take 'fax' out of Order").
_ADDING = re.compile(r"\b(?:add|adding|include|new|rename|call)\b", re.I)


def _removal(request: str, found: list[re.Match[str]], known: Known) -> Draft | None:
    """Up to three quoted names and a removal pointing back at them after the last, or saying the entity they
    leave."""
    after = request[found[-1].end() :]
    taken_off = _TAKEN_OFF.search(after) if not _ADDING.search(_QUOTED.sub(" ", request)) else None
    if len(found) > 3 or not (_REMOVING_THEM.search(after) or taken_off):
        return None
    names = [field_name(m.group("name")) for m in found]
    owner = (_owner(taken_off["owner"], known) if taken_off else None) or _only_owner(request, known)
    if owner is None or any(known.get(entity_key(n)) for n in names):
        return None
    return Draft("remove_attributes", EntitySpec(owner), removed=tuple(names))


def field_name(quoted: str) -> str:
    """ "expected guests", "Drink-by" → ``expected_guests``, ``drink_by``."""
    return snake_case(re.sub(r"[ .-]+", "_", quoted.strip())).lower()


def _only_owner(request: str, known: Known) -> str | None:
    """The one entity of the app named outside the quotes."""
    owners = {found for word in _WORD.findall(_QUOTED.sub(" ", request)) if (found := _owner(word, known))}
    return owners.pop() if len(owners) == 1 else None


def _owner(word: str, known: Known) -> str | None:
    return known.get(entity_key(word)) if word[:1].isupper() or len(word) > 3 else None
