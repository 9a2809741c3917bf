"""Where a create request's name and list begin when no "with" or ":" says so.

"Create a building permit entity": every word between the creating verb and the structure word is
the name's. "make a Gadget model, name, email, bio": a comma after the name opens the list.
"""

from __future__ import annotations

from baes.recognition import vocabulary as vocab
from baes.recognition.normalize import stem
from baes.recognition.request_tokens import (
    HEAD_QUALIFIERS,
    MAX_NAME_WORDS,
    PRONOUNS,
    REFERRING,
    RELATIVE,
    SUBJECT_SKIP,
    Tok,
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
    verbs = [i for i in range(index) if toks[i].word and toks[i].stem in creating_verbs()]
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


#: Words that start a clause or point at something said before, never a part of a name or a field.
NOT_IN_NAMES = PRONOUNS | REFERRING | RELATIVE | frozenset({"their", "his", "her", "its", "our", "my", "your"})
