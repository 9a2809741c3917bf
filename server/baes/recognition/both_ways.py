"""Two entities of the app each said to have many of the other: "a coach can coach two or three teams and a team can
have multiple coaches", "roommates share chores, one chore can be done by several roommates and each roommate has
several chores", "turns out a tenant can rent more than one unit, and some units have two tenants on the lease".

However each half is worded (a verb that is also a name, "coach"; a passive, "done by"; a number, "two tenants"),
the two halves together say many-to-many: the first of the two named in the statement holds the link. Read from the
app's entities and the counts said right before them, so the words between matter only as sentence ends. Asked only
when the request asks for no other change (no field added, removed or renamed).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from baes.recognition.many import relationship_draft
from baes.recognition.model import Draft
from baes.recognition.request_tokens import MANY_WORDS, Known, Tok, verb_stems
from baes.scaffold.spec import pluralize, snake_case

#: Words right before a plural that say more than one of it ("two tenants", "different groomers").
_MORE_THAN_ONE = MANY_WORDS | frozenset({"two", "three", "four", "five", "different", "diff", "few", "other", "more", "loads"})
#: Words that end what one half of the statement can span.
_HALF_ENDS = frozenset({".", ";", "?", "!", ",", ":", "("})
#: Verbs of another change besides a removal (``verb_stems("delete")``): the request is more than the link.
_OTHER_CHANGES = frozenset({"rename", "add", "create", "make", "track", "store", "record"})


def many_both_ways(toks: Sequence[Tok], known: Known, request: str) -> Draft | None:
    """The many-to-many link of two app entities each said to have many of the other (see the module docstring)."""
    if not known.by_key or any(t.word and (t.low in _OTHER_CHANGES or t.stem in verb_stems("delete")) for t in toks):
        return None
    lows = [t.low for t in toks]
    if any(lows[i : i + 3] == ["many", "to", "many"] for i in range(len(lows))):
        return None  # said outright: ``many.try_many`` reads which entity is named first
    named = [(i, name) for i, t in enumerate(toks) if t.word and (name := known.get(t.sing))]
    counted = _counted_after(toks, named)  # in the order said: the first half's holder holds the link
    pairs = [(a, b, i, j) for a, b, i, j in counted if any((b, a) == (c, d) for c, d, _, _ in counted)]
    if len({frozenset((a, b)) for a, b, _, _ in pairs}) != 1:
        return None
    a, b, holder, target = pairs[0]
    said_a, said_b = _first_said(a, b, request), _first_said(b, a, request)
    if said_a is not None and said_b is not None and said_b < said_a:
        holder, target = target, holder
    return relationship_draft(toks[holder], toks[target], known, "many_to_many")


#: A label before the statement ("community gardens: a Member can …", "FEAT: Tag support — an Article …").
_LABEL = re.compile(r"^[^\n.]{0,50}(?::|\s[-\u2013\u2014]\s)")


def _first_said(name: str, other: str, request: str) -> int | None:
    """Where ``name`` is first named in ``request`` as a thing the statement is about: the first of the two ("bands
    and musicians, a musician can …" is Band first), but not in a label that names only it ("tags: a Recipe can have
    many Tags …") nor as a verb before the other ("tag posts: a post …"). None when it is not written so."""
    label = _LABEL.match(request)
    start = label.end() if label and _named_at(other, request[: label.end()]) is None else 0
    return _named_at(name, request, start, before=other)


def _named_at(name: str, text: str, start: int = 0, *, before: str = "") -> int | None:
    """Where ``name`` (its words, in any case and number) is first written in ``text`` from ``start``; not as a verb
    right before ``before`` ("tag posts")."""
    verb_before = rf"(?!\s+{_written(before)})" if before else ""
    found = re.compile(rf"\b{_written(name)}{verb_before}", re.I).search(text, start)
    return found.start() if found else None


def _written(name: str) -> str:
    """A pattern for an entity's name as written in a sentence: "JuryMember" as "jury members", "jury_member";
    "Child" as "children" (``spec.pluralize``)."""
    *words, last = snake_case(name).split("_")
    said = rf"(?:{re.escape(last)}|{re.escape(pluralize(last))})"
    return r"[\s_-]*".join([*(re.escape(word) for word in words), said]) + r"\b"


def _counted_after(toks: Sequence[Tok], named: list[tuple[int, str]]) -> list[tuple[str, str, int, int]]:
    """(A, B, where A is said, where B is said) for each mention of B counted as more than one ("several
    roommates") after a mention of A in the same half of the statement."""
    found = []
    for (i, holder), (j, target) in zip(named, named[1:], strict=False):
        counted = j >= 1 and (
            toks[j - 1].low in _MORE_THAN_ONE or (j >= 2 and toks[j - 2].low in _MORE_THAN_ONE and toks[j - 1].low == "of")
        )
        if counted and holder != target and not any(t.low in _HALF_ENDS for t in toks[i + 1 : j]):
            found.append((holder, target, i, j))
    return found
