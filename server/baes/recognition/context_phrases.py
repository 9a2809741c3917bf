"""The entity before a context phrase: "sponsors for the club: …", "doses on the ward: …", "the cakes I sell".

A request often names what it keeps and then where or for whom it is kept ("batteries for our
drones", "children in our foster program", "deliveries from growers"). The noun before the
preposition is the entity; the phrase after it is context. Not when the word before the
preposition is a container ("a place for receipts", "a table for students", "a form for
repairs", "tracking for shipments"): then the noun after it is what is kept.
"""

from __future__ import annotations

from collections.abc import Sequence

from baes.recognition import vocabulary as vocab
from baes.recognition.normalize import verb_base
from baes.recognition.participles import is_participle
from baes.recognition.request_tokens import PRONOUNS, SKIP_IN_NOUNS, SUBJECT_SKIP, Tok

#: Prepositions that open a context phrase ("of" does not: "a record of repairs" keeps repairs).
CONTEXT_PREPOSITIONS = frozenset({"for", "on", "at", "in", "from"})
#: Words that hold what the request is about rather than name it.
CONTAINERS = frozenset(
    {"place", "way", "spot", "space", "somewhere", "something", "anything", "thing", "things", "stuff"}
    | {"system", "app", "application", "tool", "page", "screen", "form", "section", "module", "feature", "tab"}
    | {"list", "log", "logbook", "register", "registry", "database", "db", "spreadsheet", "sheet", "tracker"}
    | {"support", "management", "data", "info", "information", "details", "backend", "view", "dashboard"}
    | {"portal", "site", "website", "crud", "api", "endpoint", "endpoints", "storage", "store", "inventory"}
)


def _holds_the_entity(tok: Tok) -> bool:
    return (
        tok.word
        and any(c.isalpha() for c in tok.low)
        and tok.low not in SKIP_IN_NOUNS
        and tok.low not in PRONOUNS
        and tok.low not in SUBJECT_SKIP
        and tok.low not in CONTAINERS
        and tok.low not in vocab.STRUCTURE_WORDS
        and (verb_base(tok.low) is None or tok.sing in vocab.ENTITY_NOUNS)
    )


#: Plurals before "of" that count or group what follows ("lots of orders", "kinds of cheese").
_PLURAL_QUANTITIES = frozenset(
    {"lots", "loads", "tons", "kinds", "types", "sorts", "hundreds", "dozens", "thousands", "millions", "records"}
    | {"details", "names", "lists", "piles", "bunches", "groups", "sets", "collections", "numbers", "pairs", "copies"}
    | {"amounts", "units", "batches", "pieces", "boxes", "bags", "bottles", "crates", "packs", "rows", "entries"}
)


def _owned_plural(tok: Tok) -> bool:
    """ "rooms" in "the rooms of my building": a plural that is kept, before whose it is; not a count or a group."""
    return tok.sing != tok.low and tok.low not in _PLURAL_QUANTITIES and _holds_the_entity(tok)


#: Subjects of a relative clause after the entity ("the cakes I sell", "bikes we rent out").
_CLAUSE_SUBJECTS = frozenset({"i", "we", "you", "they"})


#: -ing words that name things ("guests booking" is rare, "client meetings" is a noun): no modifier.
_ING_NOUNS = frozenset(
    {"booking", "meeting", "listing", "building", "painting", "wedding", "recording", "reading", "training", "setting"}
    | {"posting", "offering", "saving", "filing", "billing", "shipping", "clothing", "housing", "parking", "funding"}
    | {"bedding", "seating", "pricing", "rating", "ranking", "sighting", "tasting", "fitting", "hearing", "landing"}
)


def _opens_a_modifier(tok: Tok, before: Tok | None = None) -> bool:
    """A relative clause ("cakes I sell"), a participle ("children enrolled at …", "each vaccination
    given") or, after a plural, an -ing form ("children going on the trip", "volunteers helping at …")."""
    if tok.low in _CLAUSE_SUBJECTS or (is_participle(tok.low) and tok.sing not in vocab.ENTITY_NOUNS):
        return True
    plural = before is not None and before.sing != before.low
    return plural and tok.low.endswith("ing") and len(tok.low) > 5 and tok.low not in _ING_NOUNS


def before_context(toks: Sequence[Tok], start: int, head: int) -> int:
    """``head``, or the noun before the first context preposition, participle or relative clause
    between ``start`` and ``head`` (the head itself may be the participle: "each vaccination given:")."""
    in_context = toks[start].low in CONTEXT_PREPOSITIONS  # "For the canteen I need Meal": the opening is context
    for p in range(start + 1, head + 1):
        tok = toks[p]
        if p < head and tok.low in CONTEXT_PREPOSITIONS:
            return p - 1 if _holds_the_entity(toks[p - 1]) else head
        if p < head and tok.low == "of" and _owned_plural(toks[p - 1]):
            return p - 1  # "the rooms of my building", "students of piano": what is kept, then whose
        if not in_context and _opens_a_modifier(tok, toks[p - 1]) and _holds_the_entity(toks[p - 1]):
            return p - 1
        if not tok.word:
            return head
    return head


def named_last(toks: Sequence[Tok], index: int, marker: int) -> bool:
    """Whether the noun at ``index`` ends the words before the list, or only a context phrase follows it."""
    return index == marker - 1 or (index + 1 < marker and toks[index + 1].low in CONTEXT_PREPOSITIONS)
