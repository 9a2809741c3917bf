"""Requests that change an existing entity's shape: remove attributes, rename an attribute or an
entity, and the default value for existing rows of a new required attribute.

* remove:  "remove the fax number from Supplier", "drop nickname and avatar from Player",
           "get rid of the discount attribute on Invoice", "take the notes field out of Appointment",
           "Customer no longer needs a fax", "Student does not need the gpa anymore";
* rename:  "rename cost to unit price in Product", "rename the Customer field phone to mobile",
           "In Employee, rename surname to last name", "change the name of the title field of Book to
           headline", "rename the Client entity to Customer", "the Lead entity should be renamed to Prospect";
* default: "… with default 0", "…, default unknown", "… with a default of 'pending'".

Reads the same canonical tokens as ``baes.recognition.offline`` (the cache key), so one key gets
one answer. Names are snake_case for attributes and PascalCase singular for entities; an entity is
named by its existing spelling when the project has it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from baes.recognition import vocabulary as vocab
from baes.recognition.model import Draft, RecognitionError
from baes.recognition.request_tokens import (
    MODALS,
    SEPARATORS,
    SUBJECT_SKIP,
    Known,
    Tok,
    clause_end,
    compound,
    entity_key,
    entity_name,
    verb_stems,
)
from baes.scaffold.spec import AttributeSpec, EntitySpec, SpecError, check_identifier, pascal_case

#: Prepositions that introduce the entity an attribute belongs to ("from Supplier", "of Book").
_OWNER_PREPOSITIONS = frozenset({"from", "of", "on", "in", "for", "at"})
#: Words that carry no name: articles, field words, structure words, politeness, modals.
_NOISE = (
    vocab.ATTRIBUTE_FILLERS
    | vocab.STRUCTURE_WORDS
    | SUBJECT_SKIP
    | MODALS
    | frozenset(
        {
            "whole",
            "entire",
            "existing",
            "current",
            "i",
            "we",
            "would",
            "like",
            "want",
            "anymore",
            "longer",
            "please",
            "named",
            "called",
            "instead",
            "it",
            "them",
        }
    )
)
#: Words that say a name is an attribute, not an entity.
_FIELD_WORDS = frozenset({"field", "fields", "attribute", "attributes", "column", "columns", "property", "properties"})


def _words(toks: Sequence[Tok]) -> list[Tok]:
    return [t for t in toks if t.word and t.low not in _NOISE]


def _attribute_name(toks: Sequence[Tok]) -> str | None:
    words = _words(toks)
    if not words or len(words) > 4:
        return None
    name = "_".join(t.low for t in words)
    try:
        return check_identifier(name, "attribute name")
    except SpecError:
        return None


def _entity(toks: Sequence[Tok], known: Known) -> str | None:
    """The entity named by ``toks`` ("the Parcel entity", "purchase orders"), or None."""
    words = _words(toks)
    if not words or len(words) > 3:
        return None
    tok = compound(words, len(words) - 1) if len(words) > 1 else words[0]
    if len(words) > 1 and tok.sing != "_".join([t.low for t in words[:-1]] + [words[-1].sing]):
        return None  # not one compound name ("title field of book" is read elsewhere)
    return entity_name(tok, known)


def _owner_split(toks: Sequence[Tok]) -> tuple[list[Tok], list[Tok]]:
    """ "title field of book" → (title field, book): the part before the first owner preposition and after it."""
    for i, tok in enumerate(toks):
        if tok.low in _OWNER_PREPOSITIONS and i > 0:
            rest = list(toks[i + 1 :])
            if rest and rest[0].low == "of":  # "out of"
                rest = rest[1:]
            return list(toks[:i]), rest
    return list(toks), []


def _items(toks: Sequence[Tok]) -> list[list[Tok]]:
    items: list[list[Tok]] = [[]]
    for tok in toks:
        if tok.low in SEPARATORS or tok.low == "or":
            items.append([])
        else:
            items[-1].append(tok)
    return [i for i in items if _words(i)]


def _removed_names(toks: Sequence[Tok], entity: str, known: Known) -> tuple[str, ...]:
    names: list[str] = []
    for item in _items(toks):
        words = _words(item)
        name: str | None
        if len(words) == 1 and known.get(words[0].sing) and known.get(words[0].sing) != entity:
            name = f"{words[0].sing}_id"  # "remove customer from Order": its reference
        else:
            name = _attribute_name(item)
        if name is None:
            raise RecognitionError(f"{' '.join(t.text for t in item)!r} is not an attribute name of {entity}")
        if name not in names:
            names.append(name)
    return tuple(names)


def _removal(what: Sequence[Tok], owner: Sequence[Tok], known: Known) -> Draft:
    entity = _entity(owner, known)
    if entity is None:
        raise RecognitionError("remove the attribute from which entity? Say e.g. 'remove fax from Supplier'")
    removed = _removed_names(what, entity, known)
    if not removed:
        raise RecognitionError(f"which attributes should be removed from {entity}? Say e.g. 'remove fax from {entity}'")
    return Draft("remove_attributes", EntitySpec(entity), removed=removed)


def try_remove(toks: list[Tok], known: Known) -> Draft | None:
    """ "remove X from Y", "get rid of X on Y", "take X out of Y", "Y no longer needs X"."""
    end = clause_end(toks, 0)
    lows = [t.low for t in toks[:end]]
    start = verb_at = None
    for i, tok in enumerate(toks[:end]):
        verb_at = i
        if tok.word and tok.stem in verb_stems("delete"):
            start = i + 1
        elif lows[i : i + 3] == ["get", "rid", "of"]:
            start = i + 3
        elif tok.low == "take" and "out" in lows[i + 1 :]:
            start = i + 1
        if start is not None:
            break
    if start is not None:
        rest = toks[start:end]
        what, owner = _owner_split(rest)
        if owner and any(t.low in _OWNER_PREPOSITIONS for t in rest[: len(what) + 1]):
            if what and what[-1].low == "out":
                what = what[:-1]
            if owner and not _words(what):
                return None  # "remove from Supplier": nothing named
            return _removal(what, owner, known)
        prefix = _leading_owner(toks[:verb_at])
        if prefix:  # "In Booking, remove the notes attribute"
            return _removal(rest, prefix, known)
        return None
    return _no_longer(toks[:end], known)


def _leading_owner(toks: Sequence[Tok]) -> list[Tok]:
    """The entity named before the verb: "In Booking, …", "On the Room entity, …", "Ticket: …"."""
    if toks and toks[0].low in {"in", "on", "for", "from"} and any(t.low == "," for t in toks):
        return [t for t in toks[1:] if t.low != ","]
    if len(toks) >= 2 and toks[-1].low == ":":
        return list(toks[:-1])
    return []


def _no_longer(toks: list[Tok], known: Known) -> Draft | None:
    """ "Customer no longer needs a fax", "Student does not need the gpa anymore"."""
    lows = [t.low for t in toks]
    for i in range(1, len(toks) - 1):
        if lows[i] in {"need", "require", "have", "want"} and (
            lows[i - 2 : i] in (["no", "longer"], ["do", "not"]) or lows[i - 1 : i] == ["not"]
        ):
            subject_end = i - 2 if lows[i - 2 : i] in (["no", "longer"], ["do", "not"]) else i - 1
            while subject_end > 0 and lows[subject_end - 1] in MODALS:
                subject_end -= 1
            if lows[i + 1 : i + 2] == ["to"]:
                return None  # "does not need to ..." is no removal
            owner = toks[:subject_end]
            if _entity(owner, known) is None:
                # "We don't need the Badge entity anymore": a person no longer needs an existing entity
                return _entity_no_longer_needed(owner, toks[i + 1 : clause_end(toks, i + 1)], known)
            return _removal(toks[i + 1 :], owner, known)
    return None


_PEOPLE = frozenset({"we", "i", "you", "they", "the", "team", "users", "our", "my"})


def _entity_no_longer_needed(subject: Sequence[Tok], rest: Sequence[Tok], known: Known) -> Draft | None:
    """A delete when people (not an entity) no longer need an entity the app has; None otherwise.

    Only an existing entity is deleted this way: an unknown name is not read as anything.
    """
    if not subject or any(t.word and t.low not in _PEOPLE for t in subject):
        return None
    name = _entity(rest, known)
    if name is None or known.get(entity_key(name)) is None:
        return None
    return Draft("delete_entity", EntitySpec(name))


def try_rename(toks: list[Tok], known: Known) -> Draft | None:
    """ "rename A to B [in E]", "rename the E field A to B", "change the name of A of E to B", "E is renamed to F"."""
    end = clause_end(toks, 0)
    lows = [t.low for t in toks[:end]]
    toks = _as_rename(toks[:end])
    end, lows = len(toks), [t.low for t in toks]
    trigger = next((i for i, low in enumerate(lows) if low in {"rename", "renamed", "renaming"}), None)
    if trigger is None:
        change = next((i for i, low in enumerate(lows) if low in {"change", "update", "modify", "switch"}), None)
        name_at = (
            next((i for i in range(change + 1, min(change + 4, end)) if lows[i] == "name"), None) if change is not None else None
        )
        if change is not None and name_at is None and _changes_a_name(toks, change):
            trigger, prefix_hint, start = change, [], 0  # "On Athlete, change dob to date_of_birth"
        elif change is None or name_at is None:
            return None
        else:
            trigger = name_at
            prefix_hint = toks[change + 1 : name_at]
            start = name_at + 1  # "change the entity name Shop to Store": nothing before names the entity
    else:
        prefix_hint, start = [], 0
    to = next((i for i in range(trigger + 1, end) if lows[i] == "to"), None)
    if to is None:
        raise RecognitionError(
            "rename what to what? Say e.g. 'rename cost to unit price in Product' or 'rename the Client entity to Customer'"
        )
    source = toks[trigger + 1 : to]
    if source and source[0].low == "of":
        source = source[1:]
    target, tail = _owner_split([t for t in toks[to + 1 : end] if t.low not in {",", ":"}])
    before = [t for t in toks[:trigger] if t.low not in {"in", "on", "for", ",", ":"} | MODALS] if not start else []
    if lows[trigger] == "renamed":  # "the Lead entity should be renamed to Prospect"
        source = [t for t in toks[:trigger] if t.low not in {"is", "be", "get", "was"} and not t.low.endswith("ly")]
        comma = next((i for i, t in enumerate(source) if t.low == ","), None)
        before = []
        if comma is not None:  # "In the Permit entity, the field exp should be called ..."
            before = [t for t in source[:comma] if t.low not in {"in", "on", "for", ":"} | MODALS]
            source = source[comma + 1 :]
    entity_hint = any(t.low in vocab.STRUCTURE_WORDS - {"record", "type", "object"} for t in list(source) + list(prefix_hint))
    field_hint = any(t.low in _FIELD_WORDS for t in source)
    old, owner = _owner_split(source)
    owner = owner or tail or before
    if not owner and not field_hint:
        words = _words(old)
        single = _entity(old, known) if len(words) <= 2 else None
        if single is not None and (entity_hint or known.get(vocab.singularize("_".join(t.low for t in words)))):
            return _entity_rename(single, target)
    if not owner and len(_words(old)) >= 2:  # "rename the Customer field phone", "rename Order note"
        words = [t for t in old if t.low not in _NOISE or t.low in _FIELD_WORDS]
        first = words[0]
        if known.get(first.sing) or (len(words) > 2 and words[1].low in _FIELD_WORDS):
            owner, old = [first], words[1:]
    if not owner:
        raise RecognitionError(
            f"rename {' '.join(t.text for t in _words(old))!r} in which entity? Say e.g. 'rename cost to unit price in Product'"
        )
    entity = _entity(owner, known)
    old_name, new_name = _attribute_name(old), _attribute_name(target)
    if entity is None or old_name is None or new_name is None:
        raise RecognitionError(
            "could not tell the entity, the old and the new name apart; say e.g. 'rename cost to unit price in Product'"
        )
    return Draft("rename_attribute", EntitySpec(entity), renamed_from=old_name, renamed_to=new_name)


#: Words after a new name that only say when: "call them Members from now on", "… instead".
_WHEN_WORDS = frozenset({"now", "instead", "on", "from", "going", "forward", "onwards", "anymore", "please"})


def _as_rename(toks: Sequence[Tok]) -> list[Tok]:
    """ "A should be called B" / "call A B instead" read as "rename A to B" (same tokens otherwise).

    "called"/"named" after a form of "be" is a rename of what comes before; "call A B" at the start
    names A (an existing entity, or words ending in a field word: "the temp field on readings")
    and then its new name. Words that only say when ("from now on", "instead") are dropped.
    """
    lows = [t.low for t in toks]
    rename, to = _token("renamed"), _token("to")
    for i in range(1, len(toks) - 1):
        if lows[i] in {"called", "named"} and lows[i - 1] in {"be", "is", "get"}:
            return _trim_when([*toks[: i - 1], rename, to, *toks[i + 1 :]])
    first = next((i for i, low in enumerate(lows) if low not in {"let", "us", "we", "please", ","}), None)
    if first is None or lows[first] != "call" or first + 2 >= len(toks):
        return list(toks)
    field = next((i for i in range(first + 1, len(toks)) if lows[i] in _FIELD_WORDS), None)
    if field is not None:  # "call the temp field on readings temperature_celsius"
        split = field + 1
        if split + 1 < len(toks) and lows[split] in _OWNER_PREPOSITIONS:
            split += 2
    elif toks[first + 1].word:
        split = first + 2  # "call applicants candidates"
    else:
        return list(toks)
    return _trim_when([_token("rename"), *toks[first + 1 : split], to, *toks[split:]])


def _trim_when(toks: list[Tok]) -> list[Tok]:
    while toks and (toks[-1].low in _WHEN_WORDS or not toks[-1].word):
        toks = toks[:-1]
    return toks


def _token(word: str) -> Tok:
    return Tok(word, word, word, word, True)


def _changes_a_name(toks: Sequence[Tok], change: int) -> bool:
    """ "change A to B" renames A when B is a name, not a type ("change price to float") or a value."""
    to = next((i for i in range(change + 2, len(toks)) if toks[i].low == "to"), None)
    if to is None or to + 1 >= len(toks):
        return False
    new = [t for t in toks[to + 1 :] if t.word and t.low not in vocab.ATTRIBUTE_FILLERS]
    return bool(new) and new[0].low not in vocab.TYPE_WORDS and not new[0].low[:1].isdigit()


def _entity_rename(current: str, target: Sequence[Tok]) -> Draft:
    words = _words(_trim_when(list(target)))
    if not words or len(words) > 3:
        raise RecognitionError(f"rename {current} to what? Say e.g. 'rename the {current} entity to NewName'")
    new = compound(words, len(words) - 1) if len(words) > 1 else words[0]
    try:
        name = EntitySpec(pascal_case(new.sing)).name
    except SpecError as exc:
        raise RecognitionError(f"{new.text!r} cannot be an entity name: {exc}") from exc
    return Draft("rename_entity", EntitySpec(current), renamed_from=current, renamed_to=name)


#: Spellings of "default" that introduce the value ("defaulting to 'open'", "defaults to 0").
_DEFAULT_WORDS = frozenset({"default", "defaults", "defaulting", "defaulted"})
#: What may stand between the default word and its value, or before a "… by default" value.
_DEFAULT_LINKS = frozenset({"of", "to", "value", "is", "=", ":", "set"})
_LITERAL_END = (SEPARATORS - {"/"}) | {"."}  # "default N/A"


def take_default(toks: Sequence[Tok]) -> tuple[list[Tok], str | None]:
    """``toks`` without a "with default 0" / ", defaulting to unknown" / ", true by default" phrase,
    and the default's literal text."""
    lows = [t.low for t in toks]
    at = next((i for i, low in enumerate(lows) if low in _DEFAULT_WORDS), None)
    if at is None:
        return list(toks), None
    if at > 0 and lows[at - 1] == "by" and (at + 1 == len(lows) or lows[at + 1] in _LITERAL_END):
        first = at - 1  # "a status, open by default": the value is before "by default"
        while first > 0 and lows[first - 1] not in _LITERAL_END | _DEFAULT_LINKS:
            first -= 1
        start = first
        while start > 0 and lows[start - 1] in _DEFAULT_LINKS | {","}:
            start -= 1
        literal = " ".join(t.text for t in toks[first : at - 1]).strip()
        if not literal or first == 0:
            return list(toks), None
        return list(toks[:start]) + list(toks[at + 1 :]), literal
    start = at
    while start > 0 and lows[start - 1] in {"with", ",", "and", "a", "its", "as", "of", "by"}:
        start -= 1
    i = at + 1
    while i < len(toks) and lows[i] in _DEFAULT_LINKS:
        i += 1
    stop = i
    while stop < len(toks) and lows[stop] not in _LITERAL_END:
        stop += 1
    literal = " ".join(t.text for t in toks[i:stop]).strip()
    if not literal:
        return list(toks), None
    return list(toks[:start]) + list(toks[stop:]), literal


def with_default(draft: Draft, default: str | None, known: Known) -> Draft:
    """``draft`` with the request's "default …" value on its one new attribute.

    A value is no reference: "add country to Address with default 'NL'" adds the text attribute
    ``country`` even though "country" could name an entity, unless that entity exists in the app.
    """
    if default is None:
        return draft
    draft = _reference_as_value(draft, known)
    attributes = draft.entity.attributes
    if draft.intent == "relationship":
        raise RecognitionError(
            f"{draft.related_entity} is an entity of this app: a reference to it takes no default value. "
            f"For a text field say e.g. 'add {vocab.singularize(str(draft.related_entity).lower())} name to "
            f"{draft.entity.name} with default {default}'"
        )
    if draft.intent not in ("create", "add_attributes") or len(attributes) != 1:
        raise RecognitionError(
            f"which attribute gets the default {default!r}? Add one attribute per request, "
            f"e.g. 'add priority to Ticket with default {default}'"
        )
    return replace(draft, defaults=((attributes[0].name, default),))


def _reference_as_value(draft: Draft, known: Known) -> Draft:
    """A lone new reference to an entity the app does not have, read as the attribute of that name."""
    entity = draft.entity
    if draft.intent not in ("relationship", "add_attributes") or entity.attributes or len(entity.relationships) != 1:
        return draft
    target = entity.relationships[0]
    if target.kind != "many_to_one" or known.get(entity_key(target.target)) is not None:
        return draft
    name = entity_key(target.target)
    attribute = AttributeSpec(name, vocab.infer_type(name), target.required)
    return replace(
        draft, intent="add_attributes", related_entity=None, entity=replace(entity, attributes=(attribute,), relationships=())
    )


#: A quoted literal after "default" ("default 'N/A'", 'defaulting to "In progress"').
_QUOTED_DEFAULT = re.compile(r"\bdefault\w*\b[^'\"\n]{0,24}?(['\"])(.+?)\1", re.IGNORECASE)


def original_case(request: str, value: str) -> str:
    """``value`` (a literal read from the lower-cased canonical tokens) as the request wrote it.

    The canonical form is lower case and drops marks and articles, so "default 'NL'" reads as ``nl``
    and "default 'N/A'" as ``n``: a quoted literal after "default" whose words start with the value's
    is taken whole; otherwise the value's words are found again in ``request`` case-insensitively,
    with any non-word characters between them (``value`` if not found).
    """
    words = re.findall(r"\w+", value)
    quoted = _QUOTED_DEFAULT.search(request)
    if quoted and words and re.findall(r"\w+", quoted.group(2).lower())[: len(words)] == [w.lower() for w in words]:
        return quoted.group(2)
    if not words:
        return value
    pattern = r"(?<!\w)" + r"\W*".join(re.escape(w) for w in words) + r"(?!\w)"
    found = re.search(pattern, request, flags=re.IGNORECASE)
    return found.group(0) if found else value


def no_longer_wanted(toks: Sequence[Tok]) -> bool:
    """The request says something is no longer needed ("we don't need X anymore", "no longer want X"),
    and no creating verb says otherwise ("create a task list that doesn't need a due date")."""
    if any(t.word and t.stem in verb_stems("create") for t in toks):
        return False
    lows = [t.low for t in toks]
    if "anymore" in lows or any(lows[i : i + 2] == ["no", "longer"] for i in range(len(lows) - 1)):
        return True
    return any(
        low in {"not", "n't", "dont"} and nxt in {"need", "want", "require"} for low, nxt in zip(lows, lows[1:], strict=False)
    )
