"""The whole app named as the place of a change is no part of it: "remove the entity X from the system".

"rename it across the codebase", "delete Coupon from the database as well": every change happens in the
app, so the words that say so are dropped before a sentence is read (unless the app has an entity of
that name: "remove phone from Project").
"""

from __future__ import annotations

from baes.recognition.request_tokens import Known, Tok

#: The whole app, as a place: "remove the entity X from the system", "rename it across the codebase".
_APP_WORDS = frozenset({"system", "app", "application", "database", "db", "codebase", "project", "schema", "backend"})


def without_app_scope(toks: list[Tok], known: Known) -> list[Tok]:
    """``toks`` without "from/in/across the system/app/database": the app is where every change happens
    (unless the app has an entity of that name: "remove phone from Project")."""
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
