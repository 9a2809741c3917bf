"""Requests that delete a whole entity: "delete the Course entity", "get rid of the Coupon model",
"the Sponsor entity can go", "we no longer track parking spots, remove them".

Part of the offline recognizer (``baes.recognition.offline`` runs ``try_delete`` first among its rules).
A delete verb asks for a deletion only as a command or a passive ("should be deleted"): negated ("no
longer track") it asks for nothing, and as a participle of its own ("discarded yes/no", "removed on")
it names a state. The entity is the one named after the verb, a stale adjective before it left out
("the legacy Fax entity"), or what a pronoun refers to ("…, delete it").
"""

from __future__ import annotations

from baes.recognition import vocabulary as vocab
from baes.recognition.evolution_phrases import FIELD_WORDS, attribute_name, try_remove
from baes.recognition.model import Draft, RecognitionError
from baes.recognition.referred_fields import field_before
from baes.recognition.request_tokens import (
    BE_WORDS,
    MAX_NAME_WORDS,
    PRONOUNS,
    REFERRING,
    SKIP_IN_NOUNS,
    SUBJECT_SKIP,
    Known,
    Tok,
    clause_end,
    command_stems,
    compound,
    entity_key,
    entity_name,
    index_of,
    noun_after,
    verb_stems,
)
from baes.recognition.stopped_doing import object_before
from baes.scaffold.spec import EntitySpec


def try_delete(toks: list[Tok], known: Known) -> Draft | None:
    verbs = command_stems()
    lows = [t.low for t in toks]
    rid = next((i + 2 for i in range(len(toks) - 2) if lows[i : i + 3] == ["get", "rid", "of"]), None)
    first_verb = (
        rid
        if rid is not None
        else next(
            (i for i, t in enumerate(toks) if t.word and t.stem in verbs and not _negated_or_adjective(toks, i)),
            None,
        )
    )  # "we do not track parking spots anymore, remove them": the negated verb asks for nothing
    if rid is not None:  # "get rid of the Coupon model"
        end = clause_end(toks, rid + 1)
        return _deleted(toks, rid, end, known)
    if first_verb is None or toks[first_verb].stem not in verb_stems("delete"):
        return _can_go(toks, known)
    end = clause_end(toks, first_verb + 1)
    return _deleted(toks, first_verb, end, known)


_NEGATING = vocab.NEGATION_WORDS | {"longer"}  # "no longer track"


def _negated_or_adjective(toks: list[Tok], i: int) -> bool:
    """ "no longer track", a participle naming a state ("discarded yes/no"), not a passive ("be deleted"),
    or "drop off" ("drop off time": a noun, never a removal)."""
    before = toks[i - 1].low if i > 0 else ""
    after = toks[i + 1].low if i + 1 < len(toks) else ""
    return before in _NEGATING or (toks[i].low.endswith("ed") and before not in BE_WORDS) or after in {"off", "offs"}


#: Words opening why, right after "can go" ("Battery can go not needed"): not "can go in many Kilns".
_WHY_AFTER = frozenset({"not", "no", "we", "i", "its", "it", "nobody", "as", "since", "because", "cause", "coz", "never"})
_WHY_AFTER |= {"please", "pls", "thanks"}
#: What may follow "can go" when the entity is to go: the sentence's end, "now", "too", "entirely", or why.
_GOES_AFTER = frozenset({".", ",", ";", ":", "!", "now", "too", "away", "entirely", "completely"}) | _WHY_AFTER


def _can_go(toks: list[Tok], known: Known) -> Draft | None:
    """ "the Sponsor entity can go", "coupons can be removed": an existing entity that may go."""
    lows = [t.low for t in toks]
    for i in range(1, len(toks) - 1):
        if lows[i] not in {"can", "may", "should", "must"}:
            continue
        after = lows[i + 2] if i + 2 < len(lows) else "."
        # "can go", "can go now", "can go not needed"; not "a Glaze can go in many Kilns"
        goes = lows[i + 1 : i + 2] == ["go"] and after in _GOES_AFTER
        removed = lows[i + 1 : i + 2] == ["be"] and i + 2 < len(toks) and toks[i + 2].stem in verb_stems("delete")
        if not (goes or removed):
            continue
        subject = next((j for j in range(i - 1, -1, -1) if toks[j].word and known.get(toks[j].sing)), None)
        if subject is not None and all(t.low in SUBJECT_SKIP or t.low in vocab.STRUCTURE_WORDS for t in toks[subject + 1 : i]):
            return Draft("delete_entity", EntitySpec(entity_name(toks[subject], known)))
    return None


def _deleted(toks: list[Tok], first_verb: int, end: int, known: Known) -> Draft:
    """The entity named after the delete verb at ``first_verb`` (or a pronoun's antecedent)."""
    source = index_of(toks[:end], {"from"}, first_verb + 1)
    named = noun_after(toks[:end], first_verb + 1)
    if source is not None and named is not None and known.get(toks[named].sing) and _reason_between(toks, named, source):
        source = None  # "delete the TempUpload model entirely, nothing reads from it": the reason's "from"
    owner = source + 1 if source is not None and source + 1 < end else None
    if owner is not None and toks[first_verb + 1].low in REFERRING and known.get(toks[owner].sing):
        what = object_before(toks[:first_verb])  # "we no longer use the cone rating, remove it from Kiln"
        name = attribute_name(what) if what else None
        if name is not None:
            return Draft("remove_attributes", EntitySpec(entity_name(toks[owner], known)), removed=(name,))
    if owner is not None and toks[source - 1].low in REFERRING and known.get(toks[owner].sing):
        comma = index_of(toks[:source], {","}, first_verb + 1)  # "remove fax number anymore, drop it from Contact"
        what = [t for t in toks[first_verb + 1 : comma] if t.low not in {"anymore", "any", "more", "now"}] if comma else []
        name = attribute_name(what) if what and not any(known.get(t.sing) for t in what) else None
        if name is not None:
            return Draft("remove_attributes", EntitySpec(entity_name(toks[owner], known)), removed=(name,))
    if source is not None:
        raise RecognitionError(
            "remove what from which entity? Say e.g. 'remove fax from Supplier', "
            "or 'delete the Supplier entity' for the whole entity"
        )
    referring = PRONOUNS | REFERRING | {"all"}
    target = noun_after(toks[:end], first_verb + 1)
    if first_verb + 1 < end and toks[first_verb + 1].low in referring | {",", ";"}:
        target = None  # "delete it, it is just clutter", "Bracket entity please delete, …": the object is before
    if target is None or toks[target].low in referring:
        field = field_before(toks, first_verb, known)  # "we do not use the nickname field on players, get rid of it"
        if field is not None:
            return field
        said = _removal_before(toks, first_verb, known)  # "Cab no longer needs the fax, get rid of it"
        if said is not None:
            return said
        owned = next(
            (
                t
                for i, t in enumerate(toks[1:first_verb], 1)
                if t.word and known.get(t.sing) and toks[i - 1].low in {"on", "of", "in"}
            ),
            None,
        )
        if owned is not None and not any(t.low in vocab.STRUCTURE_WORDS for t in toks[:first_verb]):
            name = entity_name(owned, known)  # "… must not be kept on Carer, take it out": a field of Carer, unread
            raise RecognitionError(f"remove which field from {name}? Say e.g. 'remove <field> from {name}'")
        if any(t.low in FIELD_WORDS for t in toks[:first_verb]):
            raise RecognitionError(  # "The Book table has columns 'pages' and 'dimensions' …, get rid of those two"
                "remove which fields from which entity? Say e.g. 'remove pages and dimensions from Book'"
            )
        target = _mentioned_before(toks, first_verb, known)  # "I no longer want the Course entity, delete it"
    if target is None:
        raise RecognitionError("which entity should be deleted? (e.g. 'delete the Course entity')")
    owned_field = _field_after(toks, target, known)
    if owned_field is not None:
        return owned_field
    head = target  # "delete the gift cards table": the name runs to the structure word
    while (
        not known.get(toks[target].sing)  # "remove the whole greenhouse thing": the entity the app has
        and head + 1 < end
        and toks[head + 1].word
        and toks[head + 1].low not in SKIP_IN_NOUNS
        and not toks[head + 1].low.endswith("ly")
        and head + 1 - target < MAX_NAME_WORDS
    ):
        head += 1
    while target < head and toks[target].low in vocab.STALE_WORDS and known.get(toks[head].sing):
        target += 1  # "delete the legacy Fax entity": the app's Fax, said to be old
    if toks[target].low in _VAGUE and not known.get(toks[head].sing):  # "remove the thing we added", "delete the old table"
        raise RecognitionError("which entity should be deleted? (e.g. 'delete the Course entity')")
    name = entity_name(compound(toks, head, target), known)
    if known.by_key and not known.get(entity_key(name)):
        have = sorted(known.by_key.values())
        raise RecognitionError(
            f"{name} is not an entity of this app (it has {', '.join(have)}): to remove an attribute say e.g. "
            f"'remove {' '.join(t.text for t in toks[target : head + 1])} from {have[0]}'"
        )
    return Draft("delete_entity", EntitySpec(name))


#: Words after an entity that end its clause without naming anything of it ("remove Pet please").
_CLOSING = frozenset({"please", "pls", "plz", "now", "too", "also", "entirely", "completely", "altogether"})


#: Words after an entity's name that say how or why it goes, or name the whole of it, never one of its fields.
_NOT_FIELD_WORDS = (
    vocab.NEGATION_WORDS
    | {"the", "a", "an", "and", "or", "but", "before", "after", "from", "in", "on", "of", "to", "for", "with", "as"}
    | {"it", "its", "all", "everything", "anymore", "needed", "used", "stuff", "feature", "features", "sheet", "sheets"}
    | {"thing", "things", "data", "module", "section", "page", "pages", "screen", "tab", "part", "area", "functionality"}
    | {"down", "up", "out", "off", "away", "over"}  # "remove tool loans the shed closed down": a reason's particle
)


def _field_after(toks: list[Tok], target: int, known: Known) -> Draft | None:
    """ "remove the Pet's microchip number": an entity the app has, followed by the words of a field
    (the possessive is gone from the tokens) up to the clause's end, asks to remove that field of it,
    never to delete the entity; None when the entity stands alone or the words are not a field's."""
    if not known.get(toks[target].sing):
        return None
    end = target + 1
    while end < len(toks) and toks[end].word and not {toks[end].low, toks[end].sing} & (SKIP_IN_NOUNS | _CLOSING):
        end += 1
    rest = [t for t in toks[end:] if t.low not in _CLOSING]
    if end == target + 1 or (rest and rest[0].low not in FIELD_WORDS | {".", ",", ";", ":", "!"}):
        return None
    words = toks[target + 1 : end]
    if any(t.low in _NOT_FIELD_WORDS or t.low.endswith("ly") or not t.low.isalpha() for t in words):
        return None  # "delete TestEntity before the demo", "drop the Wishlist feature", "remove FaxLog fully"
    if known.get(compound(toks, end - 1, target).sing) or any(known.get(t.sing) for t in words):
        return None  # "delete Purchase Order": the app's entity, named in two words
    name = attribute_name(words)
    return None if name is None else Draft("remove_attributes", EntitySpec(entity_name(toks[target], known)), removed=(name,))


def _removal_before(toks: list[Tok], verb: int, known: Known) -> Draft | None:
    """The removal the clause before a "delete it" already said, or None."""
    start = verb - 1
    while start > 0 and toks[start].low in {"get", "rid", "of", "so", "just", "and", ","}:
        start -= 1
    if start <= 0:
        return None
    try:
        draft = try_remove(toks[: start + 1], known)
    except RecognitionError:
        return None
    return draft if draft is not None and draft.intent == "remove_attributes" else None


_SUBJECTS = frozenset({"nothing", "nobody", "they", "it", "we", "i", "which", "that", "because", "since", "as"})


#: Words that name no entity when deleted: "the thing", "the old table", "that stuff".
_VAGUE = frozenset({"thing", "things", "stuff", "old", "new", "one", "ones", "table", "tables", "entity", "everything"})


def _reason_between(toks: list[Tok], named: int, source: int) -> bool:
    """Whether a comma or a new subject comes between the entity named and a later "from"."""
    return any(t.low in {",", ";", "."} or t.low in _SUBJECTS for t in toks[named + 1 : source])


def _mentioned_before(toks: list[Tok], stop: int, known: Known) -> int | None:
    """The entity a pronoun refers to: a known entity (one called a table/model/entity first: "the
    AuditShadow table duplicates Event. Delete it."), else a noun named as an entity/model/table."""
    for i in range(stop - 1):
        if toks[i].word and known.get(toks[i].sing) and toks[i + 1].low in vocab.STRUCTURE_WORDS:
            return i
    for i in range(stop - 1, -1, -1):
        if toks[i].word and known.get(toks[i].sing):
            return i
    for i in range(stop - 1, 0, -1):
        if toks[i].low in vocab.STRUCTURE_WORDS and toks[i - 1].word and toks[i - 1].low not in SKIP_IN_NOUNS:
            return i - 1
    return None
