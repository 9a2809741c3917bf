"""Asking to keep one more field on an entity the app has: "can we also store the vin on vehicles?",
"also track the colour for Vehicle", "we want to record the vin on vehicles too", "can we get a region
column on Vacancy?", "the league wants jersey number and position for every player this season".

"store", "track", "record" usually create an entity ("track vehicles with …"); said of a field and
then one of the app's entities after "on", "for" or "in", they ask to add that field to it. Without
the entity being one of the app's, the words stay for the other rules ("track invoices for clients"
creates an Invoice).
"""

from __future__ import annotations

from baes.recognition import vocabulary as vocab
from baes.recognition.request_tokens import Known, Tok, command_stems, word_token

_HOLDER = frozenset({"on", "for", "in", "to"})
_ENDING = frozenset({"too", "also", "as", "well", "."})


def kept_on_existing(toks: list[Tok], known: Known) -> list[Tok]:
    """``toks`` as "add X to E" when they ask to keep X on E, an entity of the app; else unchanged."""
    start = next((i for i, t in enumerate(toks) if t.low not in vocab.ASKING_WORDS), len(toks))
    named = _named_field(toks[start:], known)
    if named is not None:
        return named
    wished = _wished_for_each(toks, known)
    if wished is not None:
        return wished
    if start >= len(toks) - 3 or toks[start].low not in vocab.KEEPING_VERBS:
        return toks
    for at in range(start + 2, len(toks) - 1):
        if toks[at].low not in _HOLDER:
            continue
        owner = at + 2 if toks[at + 1].low in {"each", "every", "all"} else at + 1  # "… on each vehicle"
        if (
            owner < len(toks)
            and toks[owner].word
            and known.get(toks[owner].sing)
            and all(t.low in _ENDING for t in toks[owner + 1 :])
        ):
            return [word_token("add"), *toks[start + 1 : at], word_token("to"), toks[owner]]
    return toks


_FIELD_WORDS = frozenset({"field", "column", "attribute", "property", "flag"})
#: Words of a command before a field's name: "get rid of", "put", "kill", "drop".
_NOT_NAMES = frozenset({"rid", "put", "kill", "drop", "delete", "remove", "add", "give", "lose", "rename", "change"})


def _named_field(toks: list[Tok], known: Known) -> list[Tok] | None:
    """ "(get) a region column on Vacancy": a field named with its field word on an entity of the app."""
    if toks and toks[0].low in {"get", "have"}:
        toks = toks[1:]
    field = next((i for i, t in enumerate(toks) if t.low in _FIELD_WORDS), None)
    if not field or field + 2 >= len(toks) or toks[field + 1].low not in _HOLDER:
        return None
    owner = toks[field + 2]
    if not owner.word or not known.get(owner.sing) or not all(t.low in _ENDING for t in toks[field + 3 :]):
        return None
    if not all(t.word and t.stem not in command_stems() and t.low not in _NOT_NAMES for t in toks[:field]):
        return None  # "add a notes field to E", "get rid of the notes field on E": a command of its own
    return [word_token("add"), *toks[:field], word_token("to"), owner]


#: Verbs of a wish said by someone of the domain ("the league wants", "our reviewers need", "the clinic would like").
_WISHING = frozenset({"want", "wants", "need", "needs", "like", "asked", "asks", "requires", "require"})
#: Words that may end such a wish after its entity: "… for every player this season", "… on each sample from now on".
_LATER = _ENDING | {"this", "next", "season", "year", "term", "month", "from", "now", "on", "going", "forward"}
#: Most words of the one who wishes ("the league", "our grant reviewers").
_MOST_SUBJECT_WORDS = 4


def _wished_for_each(toks: list[Tok], known: Known) -> list[Tok] | None:
    """ "The league wants jersey number and position for every player this season", "the clinic also wants to store
    emergency contact name and phone for each Patient": fields wished for each row of an entity of the app, as
    "add … to E". Not "we want a Booking with date for each guest": a structure word, "with" or a colon in the
    fields makes them something else."""
    wish = next((i for i, t in enumerate(toks[: _MOST_SUBJECT_WORDS + 2]) if t.low in _WISHING), None)
    if not wish or not all(t.word and t.stem not in command_stems() for t in toks[:wish]):
        return None
    body = wish + 1
    while body < len(toks) and (toks[body].low in {"to", "also", "now"} or toks[body].low in vocab.KEEPING_VERBS):
        body += 1
    for at in range(body + 1, len(toks) - 2):
        if toks[at].low not in {"for", "on"} or toks[at + 1].low not in {"each", "every"}:
            continue
        owner = toks[at + 2]
        fields = toks[body:at]
        if (
            owner.word
            and known.get(owner.sing)
            and all(t.low in _LATER for t in toks[at + 3 :])
            and not any(t.low in vocab.STRUCTURE_WORDS or t.low in {"with", ":"} or known.get(t.sing) for t in fields)
        ):
            return [word_token("add"), *fields, word_token("to"), owner]
    return None
