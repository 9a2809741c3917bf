"""Requests that remove attributes from an existing entity or say it is no longer needed, and the
helpers that read owners and attribute names, shared with ``rename_phrases``.

* remove:  "remove the fax number from Supplier", "drop nickname and avatar from Player",
           "get rid of the discount attribute on Invoice", "take the notes field out of Appointment",
           "Customer no longer needs a fax", "Student does not need the gpa anymore";
(renames: ``baes.recognition.rename_phrases``; defaults: ``baes.recognition.defaults``).

Reads the same canonical tokens as ``baes.recognition.offline`` (the cache key), so one key gets
one answer. Names are snake_case for attributes and PascalCase singular for entities; an entity is
named by its existing spelling when the project has it.
"""

from __future__ import annotations

from collections.abc import Sequence

from baes.recognition import vocabulary as vocab
from baes.recognition.field_words import numbered
from baes.recognition.model import Draft, RecognitionError
from baes.recognition.reason_clauses import REASON_OPENERS, without_reason
from baes.recognition.request_tokens import (
    MODALS,
    PRONOUNS,
    REFERRING,
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
from baes.recognition.stopped_doing import object_before
from baes.scaffold.spec import EntitySpec, SpecError, check_identifier

#: Prepositions that introduce the entity an attribute belongs to ("from Supplier", "of Book").
OWNER_PREPOSITIONS = frozenset({"from", "of", "on", "in", "for", "at"})
#: Words that carry no name: articles, field words, structure words, politeness, modals.
NOISE = (
    vocab.ATTRIBUTE_FILLERS
    | vocab.STRUCTURE_WORDS
    | SUBJECT_SKIP
    | MODALS
    | frozenset(
        "whole entire existing current i we would like want anymore longer please named called instead it them".split()
        + "unused obsolete deprecated redundant useless outdated more both".split()  # "the unused X", "need more the X"
    )
)
#: Words that say a name is an attribute, not an entity.
FIELD_WORDS = frozenset(
    {"field", "fields", "attribute", "attributes", "column", "columns", "property", "properties", "col", "cols"}
    | {"flag"}  # "get rid of the archived flag on Project"
)


#: Noise words that are part of an attribute's name: "animal type", "lifetime value", "medical record",
#: "property address" (around an entity's name they only say "entity": ``words_of`` drops them there).
NAME_NOUNS = frozenset({"value", "type", "record", "class", "object", "property", "data", "info", "details", "list", "model"})


def words_of(toks: Sequence[Tok]) -> list[Tok]:
    return [t for t in toks if t.word and t.low not in NOISE]


def name_words(toks: Sequence[Tok]) -> list[Tok]:
    """The words of a new or named attribute: ``words_of``, keeping ``NAME_NOUNS`` ("the value" is one too),
    a structure word that qualifies the next word ("table number", "class name") and a number that ends the
    name ("address line 2")."""
    return [
        t
        for i, t in enumerate(toks)
        if (
            t.word
            and (
                t.low not in NOISE
                or t.low in NAME_NOUNS
                or (t.low in vocab.STRUCTURE_WORDS and i + 1 < len(toks) and toks[i + 1].word and toks[i + 1].low not in NOISE)
            )
        )
        or numbered(toks, t)  # "address line 2"
    ]


def attribute_name(toks: Sequence[Tok]) -> str | None:
    words = name_words(toks)
    if not words or vocab.name_length([t.low for t in words]) > 4:
        return None
    name = "_".join(t.low for t in words)
    try:
        return check_identifier(name, "attribute name")
    except SpecError:
        return None


def entity_of(toks: Sequence[Tok], known: Known) -> str | None:
    """The entity named by ``toks`` ("the Parcel entity", "purchase orders"), or None."""
    words = words_of(toks)
    if not words or len(words) > 3:
        return None
    tok = compound(words, len(words) - 1) if len(words) > 1 else words[0]
    if len(words) > 1 and tok.sing != "_".join([t.low for t in words[:-1]] + [words[-1].sing]):
        return None  # not one compound name ("title field of book" is read elsewhere)
    return entity_name(tok, known)


def owner_split(toks: Sequence[Tok], known: Known | None = None) -> tuple[list[Tok], list[Tok]]:
    """ "title field of book" → (title field, book): the part before the first owner preposition and after it.

    A preposition that ends the words is the name's ("starts at", "last watered on"). Given the
    project's entities, only a preposition before one of them splits ("move in date" is one name).
    """
    cuts = []
    for i, tok in enumerate(toks):
        if tok.low in OWNER_PREPOSITIONS and 0 < i < len(toks) - 1:
            rest = list(toks[i + 1 :])
            if rest and rest[0].low == "of":  # "out of"
                rest = rest[1:]
            cuts.append((list(toks[:i]), rest))
    if known is not None and known.by_key:
        named = (
            (head, _owner_words(rest)) for head, rest in cuts if known.get(entity_key(entity_of(_owner_words(rest), known) or ""))
        )
        return next(named, (list(toks), []))
    return cuts[0] if cuts else (list(toks), [])


def _owner_words(rest: Sequence[Tok]) -> list[Tok]:
    """The words naming an owner, up to a mark and without an afterthought ("Collection anymore, remove")."""
    words = list(rest[: next((i for i, t in enumerate(rest) if not t.word), len(rest))])
    while words and words[-1].low in _AFTERTHOUGHTS:
        words.pop()
    return words


def _items(toks: Sequence[Tok]) -> list[list[Tok]]:
    items: list[list[Tok]] = [[]]
    for tok in toks:
        if tok.low in SEPARATORS or tok.low in {"or", "nor"}:
            items.append([])
        else:
            items[-1].append(tok)
    return [i for i in items if words_of(i)]


#: Verbs that make a later list item a clause of its own.
_CLAUSE_VERBS = frozenset({"have", "has", "is", "are", "was", "were", "had"})


def _as_named(name: str) -> str:
    """A removed field under the name a create gives it: "is recurring" is ``recurring``, "has balcony"
    (read "have balcony") ``has_balcony``, "strip out twitter_handle" ``twitter_handle``."""
    head, _, rest = name.partition("_")
    if rest and (head == "is" or (head == "out" and not rest.startswith("of_"))):  # not "out of stock"
        return rest
    return f"has_{rest}" if rest and head == "have" else name


def _removed_names(toks: Sequence[Tok], entity: str, known: Known) -> tuple[str, ...]:
    names: list[str] = []
    for index, item in enumerate(_items(toks)):
        if index and any(t.low in _CLAUSE_VERBS for t in item):
            break  # "…, studio have no heater now": a reason after the list, not a field
        words = words_of(item)
        name: str | None
        if len(words) == 1 and known.get(words[0].sing) and known.get(words[0].sing) != entity:
            name = f"{words[0].sing}_id"  # "remove customer from Order": its reference
        else:  # "the archived flag", "the 'Recorded' property": the field's name
            named = name_words(item)
            name = attribute_name(named[:-1] if len(named) > 1 and named[-1].low in FIELD_WORDS else item)
        if name is None:
            raise RecognitionError(f"{' '.join(t.text for t in item)!r} is not an attribute name of {entity}")
        name = _as_named(name)
        if name not in names:
            names.append(name)
    return tuple(names)


_FIELDS_WORDS = frozenset({"columns", "fields", "attributes", "properties", "ones"})
_REASON_STARTS = frozenset({"we", "i", "they", "nobody", "because", "since", "it", "as"})  # "… off the job we dont track that"


def _removal(what: Sequence[Tok], owner: Sequence[Tok], known: Known) -> Draft:
    colon = next((i for i, t in enumerate(owner) if t.low == ":"), None)
    if colon is not None and what and what[-1].low in _FIELDS_WORDS and words_of(owner[colon + 1 :]):
        what, owner = owner[colon + 1 :], owner[:colon]  # "remove the old contact columns from Sponsor: a, b, c"
    cut = next((i for i, t in enumerate(owner) if i and (t.low in _REASON_STARTS or t.low == ",")), len(owner))
    entity = entity_of(owner, known) if cut == len(owner) else entity_of(owner[:cut], known) or entity_of(owner, known)
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
    not_needed = _not_needed(toks, known)  # "X is not needed anymore in Machine, please delete it"
    if not_needed is not None:
        return not_needed
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
        rest = main_clause(toks[start:end])
        passive = _removed_passively(toks[:verb_at], rest, known)
        if passive is not None:
            return passive
        what, owner = _removal_split(rest, known)
        if owner and any(t.low in OWNER_PREPOSITIONS for t in rest[: len(what) + 1]):
            if what and what[-1].low == "out":
                what = what[:-1]
            if owner and not words_of(what):
                return None  # "remove from Supplier": nothing named
            if all(t.low in REFERRING | PRONOUNS for t in what if t.word):
                what = object_before(toks[:verb_at]) or what  # "we don't do table numbers anymore, take that off guests"
            return _removal(what, owner, known)
        prefix = _leading_owner(toks[:verb_at])
        if prefix:  # "In Booking, remove the notes attribute"
            return _removal(rest, prefix, known)
        if all(t.low in REFERRING | PRONOUNS | OWNER_PREPOSITIONS for t in rest if t.word):
            return _no_longer(toks[:verb_at], known)  # "Household doesn't need 'pets' any more, take it off"
        return None
    return _no_longer(toks[:end], known)


#: Words that open an opinion, not a name: "imo", "I think", "honestly".
_OPINION_OPENERS = frozenset({"imo", "imho", "tbh", "honestly", "i", "think", "guess", "so", "ok", "okay", "also", "and"})
#: Words before a participle that make it passive ("should be removed", "can get dropped").
_PASSIVE_AUX = frozenset({"be", "is", "are", "been", "get", "gets", "got"})


def _removed_passively(before: Sequence[Tok], after: Sequence[Tok], known: Known) -> Draft | None:
    """ "start time and end time should be removed from the registration record", "Registration: phone can be
    dropped": what is removed is the subject; its owner follows "from"/"on", or labels the request."""
    if not before or before[-1].low not in _PASSIVE_AUX:
        return None
    subject = [t for t in before[:-1] if t.low not in MODALS and t.low != "are"]
    while subject and subject[0].low in _OPINION_OPENERS:
        subject = subject[1:]  # "imo start time should be removed …", "I think the fax can be dropped"
    owner = list(after[1:]) if after and after[0].low in OWNER_PREPOSITIONS | {"off"} else []
    labelled = _leading_owner(subject[: next((i + 1 for i, t in enumerate(subject) if t.low == ":"), 0)])
    if labelled and not owner:
        owner, subject = labelled, subject[len(labelled) + 1 :]
    if not owner or not words_of(subject) or not entity_of(owner, known):
        return None
    return _removal(subject, owner, known)


#: Words that end a removal without naming anything.
_AFTERTHOUGHTS = frozenset({"anymore", "too", "now", "either", "please", "pls", "thanks"})


def main_clause(toks: Sequence[Tok]) -> list[Tok]:
    """``toks`` up to a comma that starts a reason ("remove fax from Supplier, nobody faxes now",
    "…, finance keeps it elsewhere": a clause about the removed field)."""
    for i in range(len(toks) - 1):
        if (
            toks[i].low == ","
            and (
                toks[i + 1].low in REASON_OPENERS
                or any(t.low in {"it", "them", "that", "this"} for t in toks[i + 2 : i + 5])  # "…, accounting keeps that"
                or (  # "…, members complained we keep asking for it"; not "…, can we rename the entity?"
                    any(t.low in {"we", "they"} for t in toks[i + 2 : i + 4])
                    and not any(t.low in {"rename", "remove", "delete", "drop", "add", "create"} for t in toks[i + 1 :])
                )
                or any(t.low in {"is", "are", "was", "were"} for t in toks[i + 2 : i + 4])  # "…, everything is free now"
            )
            and not any(t.low in {"called", "named"} for t in toks[i + 1 :])
        ):  # "in Gadget, size is now called width"
            return list(toks[:i])
    return list(toks)


def _removal_split(toks: Sequence[Tok], known: Known) -> tuple[list[Tok], list[Tok]]:
    """What is removed and its owner: at the last "from" when there is one ("strip date of birth
    and home address from volunteers": "of" is part of a name there), else at an owner preposition
    before one of the app's entities ("get rid of number of carriages on Wagon")."""
    cut = max((i for i, t in enumerate(toks) if t.low == "from" and i > 0), default=None)
    if cut is not None:
        return list(toks[:cut]), list(toks[cut + 1 :])
    return owner_split(toks, known)


def _leading_owner(toks: Sequence[Tok]) -> list[Tok]:
    """The entity named before the verb: "In Booking, …", "On the Room entity, …", "Ticket: …"."""
    if toks and toks[0].low in {"in", "on", "for", "from"} and any(t.low == "," for t in toks):
        return [t for t in toks[1:] if t.low != ","]
    if len(toks) >= 2 and toks[0].low in {"in", "on", "for"} and all(t.low in vocab.ASKING_WORDS for t in toks[2:]):
        return [toks[1]]  # "In TranslationJob we can take away …"
    if 2 <= len(toks) <= 4 and toks[-1].low == ":":  # not "we no longer run the newsletter: delete Subscriber"
        return list(toks[:-1])
    return []


def _not_needed(toks: list[Tok], known: Known) -> Draft | None:
    """ "The attribute commissioning date is not needed anymore in Machine", "no need to store the
    phone for tenants": an attribute of an existing entity nobody needs."""
    lows = [t.low for t in toks]
    for i in range(1, len(toks)):
        negated = lows[i - 1] == "not" or lows[max(0, i - 2) : i] == ["no", "longer"]
        if lows[i] in {"needed", "required", "used", "necessary"} and negated:
            subject_end = next((j for j in range(i - 1, -1, -1) if lows[j] in {"is", "are"}), None)
            if subject_end is None or lows[subject_end - 1 : subject_end] in (["it"], ["they"], ["this"], ["that"]):
                return None  # "delete fax from Client, it is not needed": the reason for a removal said before
            what, owner = _removal_split(toks[:subject_end], known)
            if not owner:
                rest = [t for t in toks[i + 1 :] if t.low not in {"anymore", "any", "more", "now"}]
                owner = rest[1:] if rest and rest[0].low in OWNER_PREPOSITIONS else []
                owner = owner[: next((k for k, t in enumerate(owner) if not t.word), len(owner))]
            return _removal(what, owner, known) if owner and entity_of(owner, known) else None
        if lows[i - 1 : i + 1] == ["no", "need"] and (i < 2 or lows[i - 2] != "longer"):
            rest = toks[i + 1 : clause_end(toks, i + 1)]
            if rest[:1] and rest[0].low == "to":
                rest = rest[2:]  # "no need to store/keep/track …"
            what, owner = _removal_split(rest, known)
            return _removal(what, owner, known) if owner and entity_of(owner, known) else None
    return None


def _no_longer(toks: list[Tok], known: Known) -> Draft | None:
    """ "Customer no longer needs a fax", "Student does not need the gpa anymore"."""
    lows = [t.low for t in toks]
    for i in range(1, len(toks) - 1):
        if lows[i] in _KEEPING_VERBS and (lows[i - 2 : i] in (["no", "longer"], ["do", "not"]) or lows[i - 1 : i] == ["not"]):
            subject_end = i - 2 if lows[i - 2 : i] in (["no", "longer"], ["do", "not"]) else i - 1
            while subject_end > 0 and lows[subject_end - 1] in MODALS:
                subject_end -= 1
            if lows[i + 1 : i + 2] == ["to"]:
                return None  # "does not need to ..." is no removal
            owner = toks[:subject_end]
            if entity_of(owner, known) is None:
                # "We don't need the Badge entity anymore": a person no longer needs an existing entity
                return _entity_no_longer_needed(owner, toks[i + 1 : clause_end(toks, i + 1)], known)
            said = without_reason(main_clause(toks[i + 1 :]))  # "…, nobody fills it in": the reason
            return _removal(said, owner, known)
    return None


#: Verbs of an entity keeping a field: "Kiln no longer needs / stores / tracks the brand".
_KEEPING_VERBS = vocab.KEEPING_VERBS | {"need", "require", "have", "want", "use"}


_PEOPLE = frozenset({"we", "i", "you", "they", "the", "team", "users", "our", "my"})


def _entity_no_longer_needed(subject: Sequence[Tok], rest: Sequence[Tok], known: Known) -> Draft | None:
    """A delete when people (not an entity) no longer need an entity the app has; None otherwise.

    Only an existing entity is deleted this way: an unknown name is not read as anything.
    """
    if not subject or any(t.word and t.low not in _PEOPLE for t in subject):
        return None
    what, owner = _removal_split([t for t in rest if t.low not in {"anymore", "now"}], known)
    owning = entity_of(owner, known) if what and owner else None
    if owning is not None and known.get(entity_key(owning)):
        return _removal(what, owner, known)  # "we don't need owner email on appointments anymore"
    name = entity_of(rest, known)
    if name is None or known.get(entity_key(name)) is None:
        return None
    return Draft("delete_entity", EntitySpec(name))


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
