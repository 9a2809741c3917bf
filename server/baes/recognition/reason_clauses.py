"""The reason said around a change: the clause after a comma that says why ("…, nobody carries pagers now"), and
the reason after a field that is no longer needed: "pupils don't need the hotel column anymore since we
stopped doing hotel pickups" removes ``hotel``; the words from "anymore", "since" or "because" on say why.

"anymore" followed by "or", "nor" or "and" does not end the list ("… reorder level anymore or supplier"); a
reason after a comma is left to the removal's own reading of the list.
"""

from __future__ import annotations

from collections.abc import Sequence

from baes.recognition.request_tokens import Tok

#: Words that open a clause giving a reason after a comma ("…, nobody carries pagers now").
REASON_OPENERS = frozenset(
    {
        "we",
        "i",
        "you",
        "they",
        "it",
        "nobody",
        "since",
        "because",
        "as",
        "so",
        "which",
        "this",
        "these",
        "those",
        "people",
        "users",
    }
)
#: Words after a field no longer needed that say "no more" or open the reason.
_NO_MORE_WORDS = frozenset({"anymore", "since", "because", "cause", "coz"})


def without_reason(said: list[Tok]) -> list[Tok]:
    """``said`` (the words after "doesn't need") up to the reason, if one follows before any comma."""
    lows = [t.low for t in said]
    end = next((j for j, low in enumerate(lows) if low == "," or low in _NO_MORE_WORDS), 0)
    going_on = [w for w in lows[end + 1 : end + 3] if w != ","][:1] in (["or"], ["nor"], ["and"])
    if end and lows[end] == "anymore" and going_on:
        return [*said[:end], *said[end + 1 :]]  # "… reorder level anymore or supplier": the list goes on
    if end and lows[end] != ",":
        return said[:end]  # "… the hotel column anymore since we …"
    return said


#: Verbs that make "as …" after a list a reason ("…, as the council insists on that"), not a type ("as text").
_REASON_VERBS = frozenset(
    {"insist", "insists", "require", "requires", "want", "wants", "need", "needs", "say", "says", "said", "ask", "asks"}
    | {"asked", "is", "are", "was", "were", "has", "have", "do", "does", "get", "gets", "got", "check", "checks", "audit"}
)


def reason_in_list(plain: Sequence[Tok]) -> bool:
    """Whether a list item is why ("…, because the council insists", "…, as the council insists on that"), which
    ends the list of fields."""
    first = plain[0].low
    if len(plain) < 3:
        return False  # "cause", "since (date)": fields named so
    return first in {"because", "coz"} or (first in {"as", "since"} and any(t.low in _REASON_VERBS for t in plain[2:]))
