"""Renames: "rename cost to unit price in Product", "the Lead entity should be renamed to Prospect",
"call the temp field on readings temperature_celsius", "On Athlete, change dob to date_of_birth",
"rename the Client entity to Customer".

Reads the canonical tokens like the other rules; the owner and attribute words are read with the
helpers of ``baes.recognition.evolution_phrases``.
"""

from __future__ import annotations

from collections.abc import Sequence

from baes.recognition import vocabulary as vocab
from baes.recognition.evolution_phrases import (
    FIELD_WORDS,
    NOISE,
    OWNER_PREPOSITIONS,
    attribute_name,
    entity_of,
    main_clause,
    name_words,
    owner_split,
    words_of,
)
from baes.recognition.model import Draft, RecognitionError
from baes.recognition.request_tokens import (
    MODALS,
    Known,
    Tok,
    clause_end,
    compound,
    entity_key,
    verb_stems,
    word_token,
)
from baes.scaffold.spec import EntitySpec, SpecError, pascal_case


def try_rename(toks: list[Tok], known: Known) -> Draft | None:
    """ "rename A to B [in E]", "rename the E field A to B", "change the name of A of E to B", "E is renamed to F"."""
    end = clause_end(toks, 0)
    lows = [t.low for t in toks[:end]]
    toks = _as_rename(_colon_arrow(main_clause(_pronoun_rename(toks[:end])), known), known)
    end, lows = len(toks), [t.low for t in toks]
    trigger = next((i for i, low in enumerate(lows) if low in {"rename", "renamed", "renaming"}), None)
    if trigger is None:
        change = next((i for i, low in enumerate(lows) if low in {"change", "update", "modify", "switch"}), None)
        name_at = (
            next((i for i in range(change + 1, min(change + 4, end)) if lows[i] == "name"), None) if change is not None else None
        )
        if name_at is not None and change is not None and not all(_names_whose(t, known) for t in toks[change + 1 : name_at]):
            name_at = None  # "change middle name to label": a field called "middle name", not "the name of"
        if change is not None and name_at is None and _changes_a_name(toks, change):
            trigger, prefix_hint, start = change, [], 0  # "On Athlete, change dob to date_of_birth"
        elif change is None or name_at is None:
            return None
        else:
            trigger = name_at
            prefix_hint = toks[change + 1 : name_at]
            start = name_at + 1  # "change the entity name Shop to Store": nothing before names the entity
            if not any(t.word for t in toks[start : next((i for i in range(start, end) if lows[i] == "to"), end)]):
                toks = [*toks[:start], *prefix_hint, *toks[start:]]  # "change the Weapon entity name to Gear"
                end, lows = len(toks), [t.low for t in toks]
            context = [t for t in toks[:change] if t.word and t.low not in {"in", "on", "for"} | MODALS | _ASKING]
    else:
        prefix_hint, start = [], 0
    if not start:
        context = []
    to = next((i for i in range(trigger + 1, end) if lows[i] in _TO_WORDS), None)
    if to is None:  # "change the name of the field position in hanging position": "in" a name, not an entity
        to = next(
            (i for i in range(trigger + 2, end - 1) if lows[i] in {"in", "as"} and not _names_owner(toks[i + 1 :], known)), None
        )
    if to is None:
        raise RecognitionError(
            "rename what to what? Say e.g. 'rename cost to unit price in Product' or 'rename the Client entity to Customer'"
        )
    source = toks[trigger + 1 : to]
    if source and source[0].low in {"of", "from"}:
        source = source[1:]  # "change the attribute name of Slip from boat_len into boat_length"
    new_words = _new_name([t for t in toks[to + 1 : end] if t.low != ":"])
    target, tail = owner_split(new_words, known)
    if tail and known.by_key and not known.get(entity_key(entity_of(tail, known) or "")):
        target, tail = new_words, []  # "to check in date": "in" is part of the new name, no entity follows
    before = (
        [t for t in toks[:trigger] if t.low not in {"in", "on", "for", ",", ":"} | MODALS | _ASKING] if not start else context
    )
    if before and before[-1].low == "to":
        before = before[:-1]  # "the entity Keepers we want to rename to Caretakers"
    if lows[trigger] == "renamed":  # "the Lead entity should be renamed to Prospect"
        source = _trim_when(
            [t for t in toks[:trigger] if t.low not in {"is", "be", "get", "was"} | MODALS and not t.low.endswith("ly")]
        )  # "asking price on Listing should be renamed …": "on" names the owner there
        comma = next((i for i, t in enumerate(source) if t.low == ","), None)
        before = []
        if comma is not None:  # "In the Permit entity, the field exp should be called ..."
            before = [t for t in source[:comma] if t.low not in {"in", "on", "for", ":"} | MODALS]
            source = source[comma + 1 :]
        elif len(source) > 2 and source[0].low in {"in", "on", "for"} and known.get(source[1].sing):
            before, source = [source[1]], source[2:]  # "on reservations the name should be called …"
        while len(source) > 1 and source[0].low in _ASKING | {"need", "needs"}:
            source = source[1:]  # "in Session I need 'fee' renamed to 'amount paid'"
    entity_hint = any(t.low in vocab.STRUCTURE_WORDS - {"record", "type", "object"} for t in list(source) + list(prefix_hint))
    field_hint = any(t.low in FIELD_WORDS for t in source)
    old, owner = owner_split(source, known)
    if old and old[0].low == "from":
        old = old[1:]  # "the attribute name of Slip from boat_len into …"
    if owner and tail and entity_of(owner, known) != entity_of(tail, known):
        target, tail = new_words, []  # "rename pax in Booking to number of guests": the owner is said, "of" is the name's
    owner = owner or tail or before
    if not owner and not field_hint:
        words = words_of(old)
        single = entity_of(old, known) if len(words) <= 2 else None
        if single is not None and (entity_hint or known.get(vocab.singularize("_".join(t.low.lower() for t in words)))):
            return _entity_rename(single, target)
    if not owner and len(words_of(old)) >= 2:  # "rename the Customer field phone", "rename Order note"
        words = [t for t in old if t.low not in NOISE or t.low in FIELD_WORDS]
        first = words[0]
        if known.get(first.sing) or (len(words) > 2 and words[1].low in FIELD_WORDS):
            owner, old = [first], words[1:]
    if not owner:
        raise RecognitionError(
            f"rename {' '.join(t.text for t in words_of(old))!r} in which entity? Say e.g. 'rename cost to unit price in Product'"
        )
    entity = entity_of(owner, known)
    old_name, new_name = attribute_name(old), attribute_name(target)
    if entity is None or old_name is None or new_name is None:
        raise RecognitionError(
            "could not tell the entity, the old and the new name apart; say e.g. 'rename cost to unit price in Product'"
        )
    return Draft("rename_attribute", EntitySpec(entity), renamed_from=old_name, renamed_to=new_name)


#: Verbs that say how a name reads ("dob on Patient is unclear", "ts looks cryptic").
_FIELD_NAMES = frozenset({"field", "column", "attribute", "property"})
_JUDGING = frozenset({"is", "looks", "seems", "sounds", "feels", "reads"})
_PRONOUNS = frozenset({"it", "this", "that", "them"})
#: Verbs after which a clause says more than a name ("the Visit model needs a better name").
_SAYING_MORE = MODALS | {"need", "needs", "have", "has", "was", "were", "are", "isn", "doesn", "does", "do"}


def _pronoun_rename(toks: list[Tok]) -> list[Tok]:
    """ "dob on Patient is unclear, call it date_of_birth" / "…, rename it to …": the pronoun is the
    name judged in the clause before; read as "rename dob on Patient to date_of_birth"."""
    lows = [t.low for t in toks]
    said = [i for i, low in enumerate(lows) if low == ","]
    said += [i for i in range(2, len(toks) - 2) if lows[i] in {"make", "call"} and lows[i + 1] in _PRONOUNS and i - 1 not in said]
    for comma in said:  # "…, call it top_cone"; "cone on kiln please make it top cone" (the verb is the break)
        verb = next((i for i in range(comma + 1, len(toks)) if lows[i] not in _ASKING), None) if lows[comma] == "," else comma
        if verb is None or lows[verb] not in {"call", "rename", "make"} or verb + 2 >= len(toks):
            continue
        if lows[verb] == "make" and (lows[verb + 1] not in _PRONOUNS or not any(low in _FIELD_NAMES for low in lows[:comma])):
            continue  # "the kiln page, make it blue": only a field said to be one is given a name by "make it"
        if lows[verb + 1] not in _PRONOUNS and lows[verb + 1] not in vocab.STRUCTURE_WORDS:
            continue  # "…, rename it to …", "…, rename the model to …"
        judged = next(
            (i for i in range(comma) if (lows[i] in _JUDGING or lows[i] in _SAYING_MORE) and lows[i] not in {"have", "has"}), None
        )
        stop = judged if judged is not None else comma
        colon = max((i for i in range(stop) if lows[i] == ":"), default=-1)  # "naming: dob on … is unclear"
        source = [t for t in toks[colon + 1 : stop] if t.low not in _ASKING]
        while source and source[-1].low in {"that", "which", "who"}:
            source = source[:-1]  # "a bio that is unclear"
        if len(source) >= 3 and source[1].low == "." and source[0].word and source[2].word:
            source = [*source[2:], word_token("in"), source[0]]  # "Kiln.cone is vague": cone in Kiln
        have = next((i for i, t in enumerate(source) if t.low in {"have", "has"}), None)
        if have:  # "Tutor has a field bio, rename it to about": the field in the entity
            source = [*source[have + 1 :], word_token("in"), *source[:have]]
        new = toks[verb + 2 :] if lows[verb + 2] != "to" else toks[verb + 3 :]
        if source and any(t.word for t in new):
            return [word_token("rename"), *source, word_token("to"), *new]
    return toks


#: Words after a new name that only say when: "call them Members from now on", "… instead".
_WHEN_WORDS = frozenset(
    {
        "now",
        "instead",
        "on",
        "from",
        "going",
        "forward",
        "onwards",
        "anymore",
        "please",
        "everywhere",
        "henceforth",
        "too",
        "again",
    }
)
#: Words that start a clause after the new name: "to distance_km so it is clear", "to Employee across the app".
_AFTER_NAME = frozenset(
    {"so", "because", "cause", "coz", "cuz", "since", "across", "throughout", "everywhere", "as", ",", "to", "its", "it", "("}
)


def _as_rename(toks: Sequence[Tok], known: Known) -> list[Tok]:
    """ "A should be called B" / "call A B instead" read as "rename A to B" (same tokens otherwise).

    "called"/"named" after a form of "be" is a rename of what comes before; "call A B" at the start
    names A (an existing entity, or words ending in a field word: "the temp field on readings")
    and then its new name. Words that only say when ("from now on", "instead") are dropped.
    """
    lows = [t.low for t in toks]
    if "," in lows[:5] and " ".join(lows[: lows.index(",")]) in _FROM_NOW:
        toks, lows = toks[lows.index(",") + 1 :], lows[lows.index(",") + 1 :]  # "From now on, Visits should be …"
    rename, to = word_token("renamed"), word_token("to")
    becomes = next(
        (
            i
            for i in range(1, len(toks) - 1)
            if lows[i] in {"becomes", "become"}
            and known.get(toks[i - 1].sing)
            and not any(low in OWNER_PREPOSITIONS or low in FIELD_WORDS for low in lows[:i])
        ),
        None,
    )
    if becomes is not None:  # "We would like that Mooring becomes Berth"
        return [word_token("rename"), toks[becomes - 1], to, *toks[becomes + 1 :]]
    for i in range(2, len(toks) - 1):
        modal = i - 2 if lows[i - 1] in _HEDGES else i - 1  # "should really be"
        if lows[i] == "be" and modal >= 0 and lows[modal] in {"should", "must"}:
            new = toks[i + 1 : clause_end(toks, i + 1)]
            new = new[: next((k for k, t in enumerate(new) if t.low == ","), len(new))]
            if _is_new_name(new, toks[:modal], known):  # "the column ts in Visit should be visited_at"
                if lows[1] == ":" and known.get(toks[0].sing):  # "Tenant: rent should be monthly rent"
                    return [word_token("rename"), *toks[2:modal], to, *new, word_token("in"), toks[0]]
                return [*toks[:modal], rename, to, *new]
    for i in range(1, len(toks) - 1):
        now = lows[i - 1] in {"now", "actually"} and i > 1 and lows[i - 2] in {"be", "is"}  # "X is now called Y"
        if lows[i] in {"called", "named"} and (lows[i - 1] in {"be", "is", "get"} or now):
            before = list(toks[: i - 2 if now else i - 1])
            while before and before[-1].low in {"to"} | MODALS:
                before.pop()  # "change gift cards to be called vouchers"
            if before and before[0].low in {"change", "make", "set"}:
                before = before[1:]
            return _trim_when([*before, rename, to, *toks[i + 1 :]])
    first = next((i for i, low in enumerate(lows) if low not in _ASKING | {","}), None)
    if first is None or lows[first] != "call" or first + 2 >= len(toks):
        return list(toks)
    field = next((i for i in range(first + 1, len(toks)) if lows[i] in FIELD_WORDS), None)
    if field is not None:  # "call the temp field on readings temperature_celsius"
        split = field + 1
        if split + 1 < len(toks) and lows[split] in OWNER_PREPOSITIONS:
            split += 2
    elif toks[first + 1].word:
        split = first + 2  # "call applicants candidates"
        for size in (3, 2):  # "call waitlist signups leads": a known entity of several words
            words = toks[first + 1 : first + 1 + size]
            if first + 1 + size < len(toks) and all(t.word for t in words) and known.get(compound(words, size - 1).sing):
                split = first + 1 + size
                break
    else:
        return list(toks)
    return _trim_when([word_token("rename"), *toks[first + 1 : split], to, *toks[split:]])


_HEDGES = frozenset({"really", "rather", "actually", "probably", "instead"})
#: Openings that only say when a rename holds.
_FROM_NOW = frozenset({"from now on", "going forward", "henceforth", "from today", "from now", "in future"})
#: Words after "should be" that say how a field is, not what it is called.
_HOW_WORDS = frozenset(
    {
        "unique",
        "hidden",
        "visible",
        "editable",
        "readonly",
        "longer",
        "shorter",
        "bigger",
        "smaller",
        "more",
        "less",
        "empty",
        "blank",
        "null",
        "set",
        "filled",
        "shown",
        "removed",
        "deleted",
    }
)

_NOT_NEW_NAMES = vocab.OPTIONAL_WORDS | vocab.REQUIRED_WORDS | _HOW_WORDS


def _is_new_name(after: Sequence[Tok], before: Sequence[Tok], known: Known) -> bool:
    """Whether "X should be <after>" names X anew: X is said to be a field ("the column ts in Visit",
    "Tenant: rent") and <after> is one to three words of a name, not a type, a presence or a state.
    ("The Kid entity should be Student" is not read: the words are read lower-case, and "should be
    simpler" would read the same.)"""
    words = [t for t in after if t.word]
    return (
        (
            any(t.low in FIELD_WORDS for t in before)
            or (len(before) > 2 and before[1].low == ":" and bool(known.get(before[0].sing)))
        )
        and 0 < len(words) <= 3
        and len(words) == len(after)
        and not any(
            t.low in vocab.TYPE_WORDS or t.low in _NOT_NEW_NAMES or t.low in _RENAME_WORDS or t.low[:1].isdigit() for t in words
        )
        and not words[-1].low.endswith(("ed", "ly"))
    )


#: Words that only ask ("let us rename …", "can we call …").
_ASKING = frozenset(
    {"let", "lets", "us", "we", "i", "please", "can", "could", "should", "shall", "you", "maybe", "actually", "perhaps"}
    | {"want", "would", "like"}  # "the entity Keepers we want to rename to Caretakers"
)
_RENAME_WORDS = frozenset({"rename", "renamed", "renaming", "change", "switch", "call", "called", "named"})


def _colon_arrow(toks: list[Tok], known: Known) -> list[Tok]:
    """ "Vehicle: km -> odometer_km" (the arrow reads as "to"): rename km to odometer_km in Vehicle."""
    lows = [t.low for t in toks]
    if len(toks) < 5:
        return toks
    if lows[0] in {"in", "on", "for"} and lows[2] == ",":
        owner, rest = toks[1], toks[3:]  # "In Loan, principal amount -> principal"
    elif lows[1] == ":":
        owner, rest = toks[0], toks[2:]  # "Vehicle: km -> odometer_km"
    elif _bare_field_arrow(toks, known):
        owner, rest = toks[0], toks[1:]  # "Order qty → quantity": the arrow between two names of the entity's field
    else:
        return toks
    if not known.get(owner.sing):
        return toks
    if [t.low for t in rest].count("to") != 1 or "many" in [t.low for t in rest]:
        return toks  # "Author - Book: many to many" is a relationship
    verbs = verb_stems("create") | verb_stems("add") | verb_stems("delete")
    if any(t.word and (t.stem in verbs or t.low in _RENAME_WORDS) for t in rest):
        return toks  # "Ticket: rename desc to description" is read by the rename words themselves
    to = [t.low for t in rest].index("to")
    rest = rest[: next((i for i in range(to + 1, len(rest)) if rest[i].low == ","), len(rest))]  # "…, for consistency"
    return [word_token("rename"), *rest, word_token("in"), owner]


def _bare_field_arrow(toks: list[Tok], known: Known) -> bool:
    """ "Order qty -> quantity": only an entity, one or two words, the arrow (read as "to") and up to three words."""
    lows = [t.low for t in toks]
    at = lows.index("to") if "to" in lows[2:4] else 0
    return (
        at > 0
        and 1 <= len(toks) - at - 1 <= 3
        and all(t.word for t in toks)
        and not any(known.get(t.sing) or t.stem in verb_stems("create") for t in toks[1:])
    )


def _trim_when(toks: list[Tok]) -> list[Tok]:
    """``toks`` without the words after a name that only say when ("… from now on", "… instead");
    "on" only after "now": "last serviced on" keeps it."""
    while toks and (toks[-1].low in _WHEN_WORDS or not toks[-1].word):
        if toks[-1].low == "on" and (len(toks) < 2 or toks[-2].low != "now"):
            break
        toks = toks[:-1]
    return toks


def _new_name(toks: list[Tok]) -> list[Tok]:
    """The words of a new name, without a clause after it ("distance_km so it is clear") or "… now"."""
    cut = next(
        (
            i
            for i, t in enumerate(toks)
            if i > 0
            and t.low in _AFTER_NAME
            and not (t.low in {",", "("} and i + 1 < len(toks) and toks[i + 1].low in OWNER_PREPOSITIONS)
        ),
        len(toks),
    )
    reason = next(
        (i for i in range(1, cut - 1) if toks[i].low == "for" and toks[i + 1].low.endswith(("ity", "ness", "ance", "ence"))), cut
    )  # "to claimed_amount for readability": why, not the name
    return _trim_when(toks[:reason])


#: Words between an old name and its new one ("rename dob into birth date", "change dob become birth date").
_TO_WORDS = frozenset({"to", "into", "become", "becomes"})


def _changes_a_name(toks: Sequence[Tok], change: int) -> bool:
    """ "change A to B" renames A when B is a name, not a type ("change price to float") or a value."""
    to = next((i for i in range(change + 2, len(toks)) if toks[i].low in _TO_WORDS), None)
    if to is None or to + 1 >= len(toks):
        return False
    new = [t for t in toks[to + 1 :] if t.word and t.low not in vocab.ATTRIBUTE_FILLERS]
    return bool(new) and new[0].low not in vocab.TYPE_WORDS and not new[0].low[:1].isdigit()


def _names_owner(toks: Sequence[Tok], known: Known) -> bool:
    """Whether ``toks`` (after "in") name an entity of the app or a structure ("in the Visit table")."""
    words = [t for t in toks if t.word and t.low not in NOISE]
    return not words or any(known.get(t.sing) or t.low in vocab.STRUCTURE_WORDS for t in words)


def _names_whose(tok: Tok, known: Known) -> bool:
    """Whether a word between "change" and "name" says whose name it is ("the Weapon entity name", "the field name")."""
    return tok.low in vocab.STRUCTURE_WORDS or tok.low in FIELD_WORDS or bool(known.get(tok.sing)) or tok.low in {"its", "their"}


def _entity_rename(current: str, target: Sequence[Tok]) -> Draft:
    words = name_words(_new_name(list(target))) or [t for t in _new_name(list(target)) if t.word]  # "to Field"
    if not words or len(words) > 3:
        raise RecognitionError(f"rename {current} to what? Say e.g. 'rename the {current} entity to NewName'")
    new = compound(words, len(words) - 1) if len(words) > 1 else words[0]
    try:
        name = EntitySpec(pascal_case(new.sing)).name
    except SpecError as exc:
        raise RecognitionError(f"{new.text!r} cannot be an entity name: {exc}") from exc
    return Draft("rename_entity", EntitySpec(current), renamed_from=current, renamed_to=name)
