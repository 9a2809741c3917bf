"""Where a create request's name and list begin when no "with" or ":" says so.

"Create a building permit entity": every word between the creating verb and the structure word is
the name's. "make a Gadget model, name, email, bio": a comma after the name opens the list.
"""

from __future__ import annotations

from baes.recognition import vocabulary as vocab
from baes.recognition.normalize import stem
from baes.recognition.request_tokens import (
    HAVE,
    HEAD_QUALIFIERS,
    MAX_NAME_WORDS,
    MODALS,
    PREPOSITIONS,
    PRONOUNS,
    REFERRING,
    RELATIVE,
    SUBJECT_SKIP,
    Tok,
    command_stems,
    joined,
    verb_stems,
)
from baes.recognition.verb_folding import ARTICLES


def creating_verbs() -> frozenset[str]:
    """Verbs that create an entity here: "create/make/..." and, once no rule before this one read
    the request as a change of an existing entity, "add" too ("add a Book with title and author").

    Only "add" itself: the other add-verbs (give, extend, attach, assign...) never name a new entity.
    """
    return verb_stems("create") | {stem("add")}


def framed_name(toks: list[Tok], index: int) -> Tok | None:
    """ "Create a building permit entity", "make a fixed asset model": between a creating verb and a
    structure word every word is the name's, verb forms too."""
    if index + 1 >= len(toks) or toks[index + 1].low not in vocab.STRUCTURE_WORDS:
        return None
    verb = next((i for i in range(index - 1, -1, -1) if toks[i].word and toks[i].stem in creating_verbs()), None)
    if verb is None:
        return None
    words = toks[verb + 1 : index + 1]
    while words and (words[0].low in ARTICLES or words[0].low in SUBJECT_SKIP or words[0].low in {"new", "another"}):
        words = words[1:]
    if not 1 < len(words) <= MAX_NAME_WORDS or not all(t.word and t.low not in NOT_IN_NAMES for t in words):
        return None
    if any(t.low in vocab.NOUN_QUALIFIERS and t.low not in HEAD_QUALIFIERS for t in words):
        return None  # "create a simple book entity", "our library app": a qualifier is no part of the name
    return joined(words)


def comma_after_name(toks: list[Tok], index: int, end: int) -> int | None:
    """The comma of "create a Gadget (model), name, email, bio": after a creating verb, the entity and
    its structure word, a comma before a list of at least two items opens that list."""
    wished = not _field_word(toks[index].sing)  # "need an Event, …" names it; "I need name, email" lists fields
    verbs = [i for i in range(index) if toks[i].word and (toks[i].stem in creating_verbs() or (wished and _wish_opens(toks, i)))]
    if not verbs or any(not t.word or t.low in NOT_IN_NAMES for t in toks[verbs[-1] + 1 : index]):
        return None  # "Store their name, email": what follows the verb is no entity's name
    after = index + 1
    while after < end and toks[after].low in vocab.STRUCTURE_WORDS:
        after += 1
    if (
        after + 2 < end
        and toks[after].low == ","
        and toks[after + 1].low not in NOT_IN_NAMES
        and any(t.low in {",", "and"} for t in toks[after + 2 : end])
    ):
        return after
    return None


def _wish_opens(toks: list[Tok], i: int) -> bool:
    """ "need an Event, organiser name, …", "we want a Tool, name, size": a wish that opens the request names
    the entity as a creating verb does (not "I need name, email, …": a field's word is the list's first item)."""
    return toks[i].low in {"need", "want"} and (i == 0 or (i == 1 and toks[0].low in {"i", "we"}))


def _field_word(word: str) -> bool:
    """ "name", "code", "email", "arrival date": a word that names a field sooner than a thing kept."""
    if word in vocab.ENTITY_NOUNS:
        return False
    return word in vocab.STANDALONE_FIELDS or word in vocab.TEXT_OVERRIDES or vocab.infer_type(word) != "str"


#: Words that start a clause or point at something said before, never a part of a name or a field.
NOT_IN_NAMES = PRONOUNS | REFERRING | RELATIVE | frozenset({"their", "his", "her", "its", "our", "my", "your"})


#: Most words of a heading that names its entity ("Out Of Hours Call: caller name, …").
_HEADING_MOST_WORDS = 4
#: Small words that join a heading's nouns ("Bill of Lading", "Move In Checklist", "Out Of Hours Call").
_HEADING_JOINERS = frozenset({"of", "in", "out"})
#: Qualifiers that say which, whose or where, never a part of a heading's name ("new members:", "canteen
#: menu items:", "Farm shop product:" name a member, a menu item and a product).
_HEADING_FILLERS = vocab.NOUN_QUALIFIERS - {"of"}
#: Places a heading may open with, saying where its records are kept ("canteen menu items:").
_PLACES = HEAD_QUALIFIERS & vocab.NOUN_QUALIFIERS
#: Words that make the words before a colon a sentence, not a heading ("Let's have plots:", "Following up
#: on standup:", "Concert should also return …").
_NOT_IN_HEADINGS = HAVE | MODALS | vocab.ASKING_WORDS | (PREPOSITIONS - _HEADING_JOINERS) | {"up", "off"}
#: Every word no heading's name holds.
_NO_HEADING_WORD = NOT_IN_NAMES | SUBJECT_SKIP | ARTICLES | _HEADING_FILLERS | _NOT_IN_HEADINGS


def heading_name(toks: list[Tok], index: int, marker: int) -> Tok | None:
    """ "Bill of Lading: shipper, …", "Out Of Hours Call — caller name, …": a request that opens with a
    heading of up to four nouns and then its list is named by the whole heading, a joining word ("of",
    "in") too; a place it opens with says where ("canteen menu items:" are menu items). Not "log
    batteries: …", "new members: …" nor "Let's have plots: …": a command, a filler or a sentence makes
    no heading."""
    if not 2 <= marker <= _HEADING_MOST_WORDS or index >= marker or marker >= len(toks) or toks[marker].low != ":":
        return None
    if not any(t.low == "," for t in toks[marker + 1 :]):
        return None  # a list follows the heading
    words = toks[:marker]
    while len(words) > 2 and words[0].low in _PLACES:
        words = words[1:]
    if words[0].low in vocab.KEEPING_VERBS | vocab.NEED_VERBS or words[0].low in {"of", "in"}:
        return None
    for i, t in enumerate(words):
        if not t.word or t.stem in command_stems() or t.low in _NO_HEADING_WORD:
            return None
        if t.low in vocab.STRUCTURE_WORDS and t.low not in HEAD_QUALIFIERS:
            return None
        if i == len(words) - 1 or t.sing == t.low or t.low in _HEADING_JOINERS:
            continue
        if not ((i > 0 and words[i - 1].low in _HEADING_JOINERS) or words[i + 1].low in _HEADING_JOINERS):
            return None  # "patients visits:": a plural before the noun is no part of a name
    return joined(words)
