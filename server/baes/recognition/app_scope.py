"""The whole app named as the place of a change is no part of it: "remove the entity X from the system".

"rename it across the codebase", "delete Coupon from the database as well": every change happens in the
app, so the words that say so are dropped before a sentence is read (unless the app has an entity of
that name: "remove phone from Project").
"""

from __future__ import annotations

from baes.recognition.request_tokens import Known, Tok, verb_stems

#: The whole app, as a place: "remove the entity X from the system", "rename it across the codebase".
_APP_WORDS = frozenset({"system", "app", "application", "database", "db", "codebase", "project", "schema", "backend"})


#: Where the records an app keeps are, as people call the whole of them: "add Periodicals to the catalogue", "could
#: you add Batches to the inventory?" ask for a new entity, not a change of one named Catalogue.
_COLLECTION_WORDS = frozenset(
    {"catalogue", "catalog", "inventory", "collection", "stock", "roster", "rota", "directory", "register", "archive"}
)


def without_app_scope(toks: list[Tok], known: Known) -> list[Tok]:
    """``toks`` without "from/in/across the system/app/database": the app is where every change happens
    (unless the app has an entity of that name: "remove phone from Project"); without "to the catalogue" after
    "add X" (see ``_COLLECTION_WORDS``)."""
    toks = _without_collection(_without_somewhere(toks), known)
    for i in range(len(toks) - 1):
        at = i + 1
        while at + 1 < len(toks) and toks[at].low in {"all", "whole", "entire", "the"}:
            at += 1  # "in all the app", "across the whole system"
        if toks[i].low in {"from", "in", "across", "throughout"} and toks[at].low in _APP_WORDS and not known.get(toks[at].sing):
            after = next((j for j in range(at + 1, len(toks)) if not toks[j].word or toks[j].low not in _ALSO_SAID), len(toks))
            if after == len(toks) or not toks[after].word:  # "from the system (as well)", not "in the app settings"
                return [*toks[:i], *toks[after:]]
    return toks


#: Words after "in the system" that only say the change is wanted there too ("… in the system as well").
_ALSO_SAID = frozenset({"as", "well", "too", "also", "now", "please"})


def _without_somewhere(toks: list[Tok]) -> list[Tok]:
    """ "print orders should be saved somewhere too", "machines in here too": where, said of the app, at a clause's end."""
    for i in range(len(toks)):
        size = _somewhere_said(toks, i)
        if size:
            after = next((j for j in range(i + size, len(toks)) if not toks[j].word or toks[j].low not in _ALSO_SAID), len(toks))
            if after == len(toks) or not toks[after].word:
                return [*toks[:i], *toks[after:]]
    return toks


def _somewhere_said(toks: list[Tok], i: int) -> int:
    """How many words at ``i`` say the app as a place ("somewhere", "in here", "on here"); 0 when none do."""
    if toks[i].low == "somewhere":
        return 1
    return 2 if toks[i].low in {"in", "on"} and [t.low for t in toks[i + 1 : i + 2]] == ["here"] else 0


def _without_collection(toks: list[Tok], known: Known) -> list[Tok]:
    """ "add Batches to the inventory, …" → "add Batches, …": the one thing added after an add verb."""
    for i in range(2, len(toks) - 1):
        at = i + 1 + (toks[i + 1].low in {"the", "our"})
        if (
            toks[i].low in {"to", "into"}
            and at < len(toks)
            and toks[at].low in _COLLECTION_WORDS
            and not known.get(toks[at].sing)
            and toks[i - 2].stem in verb_stems("add")
            and toks[i - 1].word
            and not known.get(toks[i - 1].sing)
        ):
            return [*toks[:i], *toks[at + 1 :]]
    return toks
