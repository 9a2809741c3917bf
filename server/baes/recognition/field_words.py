"""The words of a list item that name its field.

"booked for" and "ready for pickup" keep their "for", "…, field size" keeps
"field" where it qualifies a noun, "whether the patient checked in" → checked_in, and a relation word
makes an item a reference only where it says so ("link to customer", not "github link").
"""

from __future__ import annotations

from collections.abc import Sequence

from baes.recognition import vocabulary as vocab
from baes.recognition.normalize import verb_base
from baes.recognition.participles import is_participle
from baes.recognition.request_tokens import LINKED_PARTICIPLES, MODALS, REFERENCE_VERBS, RELATION_WORDS, Known, Tok, word_token
from baes.recognition.state_words import FOR_STATES, WILLING_WORDS, is_state_word, takes_preposition
from baes.scaffold.spec import pascal_case

#: Forms of "be".
BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been"})
_NAME_SKIP = frozenset({"with", "for", "to"})
#: Filler words that are an attribute when they stand alone in an item of a list ("crop, field, kilos"); "add a
#: field to Service" names none.
_LONE_NOUNS = frozenset({"field", "value", "property"})
#: Filler words that qualify the next noun when they open a later item of a list ("…, field size"), or the first
#: item of several when one of ``_NAMED_PARTS`` follows ("field name, crop, …").
_QUALIFYING_NOUNS = frozenset({"field", "property", "value", "extra"})
#: What a field or property has as a thing of the domain ("field name", "property address").
_NAMED_PARTS = frozenset({"name", "code", "size", "number", "id", "ref", "location", "address", "area", "type", "owner", "value"})


def _state_before(word: str) -> bool:
    """Whether ``word`` takes "for"/"to" as part of the field's name ("booked for", "ready for pickup"),
    not "assigned to", "linked to" (references)."""
    return takes_preposition(word) and word not in LINKED_PARTICIPLES


#: Words a number after which is a value or a count, not part of a name ("at least 2", "up to 4").
_NOT_NUMBERED = frozenset(
    {
        "least",
        "most",
        "to",
        "max",
        "min",
        "maximum",
        "minimum",
        "than",
        "default",
        "defaults",
        "of",
        "each",
        "every",
        "only",
        "just",
        "exactly",
        "is",
        "are",
        "be",
        "about",
        "around",
        "x",
    }
)
#: Words naming a place for a value, whose "for" says what it holds ("a field for notes", "space for a photo").
# fmt: off
_HOLDERS = frozenset({
    "field", "column", "attribute", "property", "flag", "space", "place", "slot", "box", "spot", "room", "checkbox",
    "toggle", "option", "something", "thing", "one", "entry", "table", "list", "record", "log", "sheet", "form", "app",
    "system", "tool", "page"
})
# fmt: on
#: Words after "for" that say whose or which rows, not what the value is ("for each patient", "for the form").
# fmt: off
_FOR_WHOM = frozenset({
    "each", "every", "all", "the", "a", "an", "our", "my", "their", "his", "her", "its", "this", "that", "these",
    "those", "one", "any", "some", "them", "it", "us", "me", "you", "him"
})
# fmt: on
#: Verbs whose "to" points at another thing ("belong to Hive"), and what is still to come ("details to follow").
_POINTING = REFERENCE_VERBS | {"refers", "point", "points", "ref", "fks", "go", "goes"}
_STILL_TO_COME = frozenset({"follow", "come", "be", "confirm", "decide"})
#: Number words that end a name ("player one", "plus one").
_NAME_NUMBERS = frozenset({"one", "two", "three", "four", "1", "2", "3", "4", "5", "6", "7", "8", "9", "18", "21"})


def numbered(words: Sequence[Tok], tok: Tok) -> bool:
    """``tok`` is a number ending a name right after a word: "line 2 (optional)", not "max 8 guests" or "(1-5)"."""
    i = next((k for k, t in enumerate(words) if t is tok), -1)
    ends = i == len(words) - 1 or words[i + 1].low == "("
    return 0 < i and ends and tok.low in _NAME_NUMBERS and words[i - 1].word and words[i - 1].low not in _NOT_NUMBERED


def field_name_words(words: list[Tok], later_item: bool = False, listed: bool = False) -> list[Tok]:
    """The words of an item that make its name: no articles, fillers, modals or "with"/"for"/"to", but
    "to" after a participle at the end ("lent to", "shipped to") and "value" after a noun ("market value").
    ``listed``: the item is one of several, where "field name" first ("field name, crop, …") is a name."""
    plain = [t for t in words if t.word or numbered(words, t)]
    said = [t.low for t in plain if t.low not in {"a", "an"}]
    named = len(said) == 2 and said[0] in _QUALIFYING_NOUNS and said[1] in _NAMED_PARTS  # not "the field (of) depth"
    later_item = later_item or (listed and named)
    kept = []
    for i, t in enumerate(plain):
        last = i == len(plain) - 1
        if t.low == "to" and last and i > 0 and is_participle(plain[i - 1].low) and plain[i - 1].low not in LINKED_PARTICIPLES:
            kept.append(t)
        elif t.low in {"for", "to", "with"} and i > 0 and _state_before(plain[i - 1].low) and len(kept) == i:
            kept.append(t)  # "booked for", "ready for pickup", "reported to police", "shared with neighbours"
        elif t.low == "for" and last and i > 0 and plain[i - 1].low in vocab.COUNT_NOUNS and len(kept) == i:
            kept.append(t)  # "goals for, goals against", "points for": the side they count
        elif t.low == "for" and i == 0 and len(plain) == 2 and plain[1].low in FOR_STATES:
            kept.append(t)  # "for sale", "for hire": a state, named with its "for"
        elif t.low == "for" and len(kept) == 1 and kept[0].low in _HOLDERS and not last:
            kept.clear()  # "a field for remarks", "a box for comments": what it holds is the name
        elif t.low == "for" and kept and not last and plain[i - 1] is kept[-1] and plain[i + 1].low not in _FOR_WHOM:
            kept.append(t)  # "reason for visit", "note for kitchen": one name
        elif t.low == "to" and i > 0 and plain[i - 1].low in WILLING_WORDS and not last:
            kept.append(t)  # "willing to relocate"
        elif (
            t.low == "to"
            and 0 < i < len(plain) - 1
            and len(kept) == i
            and plain[i - 1].low not in LINKED_PARTICIPLES | RELATION_WORDS | vocab.ATTRIBUTE_FILLERS | _POINTING
            and plain[i + 1].low not in vocab.ATTRIBUTE_FILLERS | _STILL_TO_COME
        ):
            kept.append(t)  # "days to maturity", "safe to use", "relationship to child": one name
        elif t.low == "to" and i == 0 and len(plain) == 2 and plain[1].low not in vocab.ATTRIBUTE_FILLERS:
            kept.append(t)  # "from branch, to branch": where it goes, beside where it comes from
        elif (t.low == "value" and last) or (t.low in _LONE_NOUNS and len(plain) == 1 and (listed or t.low == "value")):
            kept.append(t)
        elif last and i > 0 and numbered(plain, t) and kept:
            kept.append(t)  # "address line 1", "player two", "plus one": the number tells two fields apart
        elif later_item and i == 0 and not last and t.low in _QUALIFYING_NOUNS and plain[1].low not in _QUALIFYING_NOUNS:
            kept.append(t)  # "name, field size, property address": a noun of the domain, not "the field X"
        elif t.low not in vocab.ATTRIBUTE_FILLERS and t.low not in MODALS and t.low not in _NAME_SKIP:
            kept.append(t)
    return kept


_PRONOUNS = frozenset({"it", "its", "they", "he", "she", "this", "there", "them", "one"})


#: Subjects after which a verb is in its base form: "whether they own a boat".
_PLURAL_SUBJECTS = frozenset({"they", "we", "you", "i"})


def _base_verb(word: str) -> bool:
    """Whether ``word`` after "they" reads as a verb in its base form (not "they usually", "they cloudy")."""
    past = word.endswith("ed") and not word.endswith("eed")  # "they need", "they feed" are verbs
    return word.isalpha() and not word.endswith(("s", "ing", "ly")) and not past and not is_state_word(word)


#: Adverbs of time that are no part of a flag's name ("whether they're still active" → active).
_TIME_ADVERBS = frozenset({"still", "currently", "already", "ever", "yet", "now"})
#: Phrases at the end of a flag that say it is about the present ("… right now", "… at the moment").
_NOW_SAID = (("right", "now"), ("at", "moment"), ("at", "present"), ("these", "days"), ("at", "this", "point"))


def whether_name(words: list[Tok], entity_name: str | None) -> list[Tok]:
    """The flag in "whether …": "whether it is done" → done, "whether it has a projector" → has_projector,
    "whether an inspection is required" → inspection_required, "whether it is wheelchair accessible" →
    wheelchair_accessible. A subject that is a pronoun or the entity itself is left out."""
    kept = [t for t in words if t.low != "the"]
    for said in _NOW_SAID:  # "whether it's on the menu right now" → on_menu
        if len(kept) > len(said) and tuple(t.low for t in kept[-len(said) :]) == said:
            words = kept[: -len(said)]
            break
    plain = [t for t in words if t.word and t.low not in vocab.ATTRIBUTE_FILLERS | _TIME_ADVERBS and t.low != "whether"]
    verbs = [i for i, t in enumerate(plain) if t.low in BE_FORMS | {"have", "has", "had"}]
    if not verbs:
        if len(plain) >= 3 and plain[0].low in _PRONOUNS and plain[1].low in {"got", "get", "gets", "received"}:
            return plain[2:]  # "whether they got a distinction" → distinction
        if len(plain) >= 3 and plain[0].low in _PRONOUNS and plain[1].low in {"can", "could"}:
            return [word_token("can"), *plain[2:]]  # "whether they can drive the truck" → can_drive_truck
        if len(plain) >= 2 and plain[0].low in _PLURAL_SUBJECTS and _base_verb(plain[1].low):
            return [word_token(vocab.third_person(plain[1].low)), *plain[2:]]  # "whether they own a boat" → owns_boat
        if len(plain) >= 2 and plain[0].low in {"it", "he", "she"} and verb_base(plain[1].low) == plain[1].low:
            return [word_token(vocab.third_person(plain[1].low)), *plain[2:]]  # "whether it needs repair" (read "need")
        return [t for t in plain if t.low not in _PRONOUNS]
    verb = verbs[-1]
    after = [t for t in plain[verb + 1 :] if t.low not in BE_FORMS]
    if plain[verb].low in {"have", "has", "had"}:
        return [word_token("has"), *after] if after else []
    subject = [t for t in plain[:verb] if t.low not in _PRONOUNS | BE_FORMS | MODALS | {"have", "has", "had"}]  # "have been"
    if entity_name and "".join(t.sing for t in subject) == entity_name.lower():
        subject = []
    return [*subject, *after]


#: Relation words that, standing alone in a list, name a field ("emergency contact: name, relationship, phone").
_FIELD_NAMING_RELATION_WORDS = frozenset({"relationship", "relation", "link"})


def said_to_relate(words: list[Tok], name_words: list[Tok], known: Known) -> bool:
    """Whether a relation word makes the item a reference: "link to customer", "foreign key", "fk";
    not "github link" or "reference range" (a field named by the word) unless the other word names a
    known entity ("customer link")."""
    lows = [t.low for t in words if t.word]
    if any(low in LINKED_PARTICIPLES for low in lows) and any(known.get(t.sing) for t in name_words):
        return True  # "deliveries need a courier assigned": the app's Courier, assigned to each
    for i, low in enumerate(lows):
        if low not in RELATION_WORDS:
            continue
        if low == "key" and (i == 0 or lows[i - 1] != "foreign"):  # "api key", "key safe code": a field named by the word
            return any(
                known.get(t.sing) for t in name_words if t.low not in RELATION_WORDS
            )  # "customer key" in an app with Customer
        if low in {"foreign", "key", "fk"} or (i + 1 < len(lows) and lows[i + 1] in {"to", "with", "for"}):
            return True
        if any(known.get(t.sing) for t in name_words if t.low not in RELATION_WORDS):
            return True
        # "reference" alone names no field of its own; a contact's "relationship" or a document's "link" does
        return len(name_words) == 1 and low not in _FIELD_NAMING_RELATION_WORDS
    return False


def relationship_target(core: list[Tok], known: Known, relation: bool) -> str | None:
    """The entity an item's name words ``core`` refer to: one the app has, or a new one when a relation word said so."""
    if len(core) > 1:  # "course enrollment reference" → CourseEnrollment when known (or said to be a reference)
        if len(core) > 3 or not all(t.word for t in core):
            return None
        if len(core) == 2 and core[1].low == "id" and known.get(core[0].sing):
            return known.get(core[0].sing)  # "User ID" as "user_id": the app's User
        joined = "_".join(t.low for t in core[:-1]) + "_" + core[-1].sing
        named = {name for t in core if (name := known.get(t.sing))}
        if relation and not known.get(joined) and len(named) == 1:
            return named.pop()  # "a proper reference to Sensor", "the responsible Lawyer": the app's entity
        return known.get(joined) or (pascal_case(joined) if relation else None)
    if not core:
        return None
    tok = core[0]
    if tok.sing.endswith("_id") and len(tok.sing) > 3:
        base = tok.sing[:-3]
        if known.get(base) or base in vocab.ENTITY_NOUNS:
            return known.get(base) or pascal_case(base)
        return None
    if known.get(tok.sing):
        return known.get(tok.sing)
    if relation and tok.word:
        return pascal_case(tok.sing)
    return None
