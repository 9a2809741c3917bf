"""Relationships written in modelling notation, read as the sentence they stand for.

Developers and analysts write a relationship as a diagram would show it: "Customer 1:N Order",
"Route 1-N Stop", "one-to-many: Customer (1) -> Orders (N)", "one customer, many orders", "Drivers <-> Cabs many2many", "a join
table between Student and Course", "Tag N:M Post". Read word by word the digits became attribute
names and the arrow a rename; worse, "Customer 1-N Orders" gave the key to the wrong side. Here
each notation becomes the sentence a person would type: "each order belongs to a customer" (the
many side holds the key) or "student and course are many to many". Part of ``text_layout``.
"""

from __future__ import annotations

import re

_NAME = r"([A-Za-z][A-Za-z_]*)"
_ONE = r"(?<![A-Za-z0-9])(?:1|one)(?![A-Za-z0-9])"
_MANY = r"(?<![A-Za-z0-9])(?:n|m|\*|many)(?![A-Za-z0-9])"
_END = r"(?=\s*(?:[.,;!)]|$))"
#: The line between the two ends of a diagram's relation: "1:N", "1-N", "1..*", "1--*", "1—*", "*---*", "*<->*".
_LINE = r"(?:\.\.|<?-{1,4}>|:|[-\u2013\u2014]{1,4})"  # bounded: a run of thousands of dashes is no line
#: "Customer 1:N Order", "Route 1-N Stops", "Customer 1..* Order", "Customer one-to-many Order".
_ONE_TO_MANY = re.compile(rf"\b{_NAME}\s+(?:{_ONE}\s*{_LINE}\s*{_MANY}|one[\s-]+to[\s-]+many)\s+{_NAME}{_END}", re.I | re.M)
#: "Customer (1) -> Orders (N)", with or without a "one-to-many:" label before it.
_ARROWED = re.compile(
    rf"(?:\b(?:{_ONE}\s*(?:[:\-]|to)\s*{_MANY}|one[\s-]+to[\s-]+many)\s*:?\s*)?"
    rf"\b{_NAME}\s*\(\s*{_ONE}\s*\)\s*(?:->|\u2192|to|-)\s*{_NAME}\s*\(\s*{_MANY}\s*\)",
    re.I,
)
_ARROW = r"\s*(?:->|=>|\u2192|\bto\b|\bhas\b|-)\s*"
#: "one-to-many: Customer -> Invoice", "1:N: Team -> Players": a label, then the one side, then the many.
_LABELLED_ONE_TO_MANY = re.compile(
    rf"(?:\b(?:add|added|create|make|model)\s+(?:an?\s+)?)?\b(?:{_ONE}\s*(?:[:\-]|to)\s*{_MANY}|one[\s-]+to[\s-]+many)\s*:?\s*"
    rf"(?:from\s+)?{_NAME}{_ARROW}{_NAME}{_END}",
    re.I | re.M,
)  # also "1:N Route -> Stop", "1:N from Bin to WeighIn", "Added one-to-many Lot → Space"
#: "many-to-one: Invoice -> Customer": the first holds the key.
_LABELLED_MANY_TO_ONE = re.compile(
    rf"\b(?:{_MANY}\s*(?:[:\-]|to)\s*{_ONE}|many[\s-]+to[\s-]+one)\s*:\s*{_NAME}{_ARROW}{_NAME}{_END}", re.I | re.M
)
#: "many-to-many: Student -> Course", "N:M: Post, Tag".
_LABELLED_MANY_TO_MANY = re.compile(
    rf"\b(?:{_MANY}\s*[:\-]\s*{_MANY}|many[\s-]+to[\s-]+many)\s*:\s*{_NAME}(?:{_ARROW}|\s*(?:,|&|/|\band\b)\s*){_NAME}{_END}",
    re.I | re.M,
)
#: "Order N:1 Customer", "Order many-to-one Customer": the first holds the key.
_MANY_TO_ONE = re.compile(rf"\b{_NAME}\s+(?:{_MANY}\s*[:\-]\s*{_ONE}|many[\s-]+to[\s-]+one)\s+{_NAME}{_END}", re.I | re.M)
#: "Post N:M Tag", "Drivers <-> Cabs many2many" ("many2many" is already "many to many" here).
_MANY_TO_MANY = re.compile(
    rf"\b{_NAME}(?:\s+{_MANY}\s*{_LINE}\s*{_MANY}\s+|\s*(?:<->|<=>|[\u2194\u21c4\u21c6\u21d4])\s*){_NAME}(?:\s+many\s+to\s+many)?",
    re.I,
)
#: "a join table between Student and Course".
_JOIN_TABLE = re.compile(
    rf"\b(?:a\s+)?(?:join|junction|linking|bridge|pivot)\s+table\s+(?:between|for|linking|joining)\s+"
    rf"(?:the\s+)?{_NAME}\s+(?:and|&|/|,)\s+(?:the\s+)?{_NAME}",
    re.I,
)
#: A name of up to three words ("building permit application").
_NAMES = r"([A-Za-z]\w*(?:\s+[A-Za-z]\w*){0,2}?)"
_PHRASE_END = r"(?=\s*(?:[.,;!)\u2013\u2014]|\s-\s|$))"
#: "one team, many players", "one course - many lessons": the many side holds the key.
_ONE_THEN_MANY = re.compile(
    rf"(?:^|(?<=[.!?]\s))\s*one\s+{_NAMES}\s*(?:,|;|:|/|\s-|\u2013|\u2014)\s*many\s+{_NAMES}{_PHRASE_END}", re.I | re.M
)


def _written_out(first: str, second: str) -> re.Pattern[str]:
    """The cardinality in words, then the two names: "one-to-many between Meter and Subscriber", "a one to
    many from meter to subscribers" (the one side first), "many-to-one from Invoice to Customer"."""
    return re.compile(
        rf"(?:\b(?:add|create|make|model|setup|set\s+up)\s+(?:an?\s+)?)?"  # "Add a one-to-many from Campaign to Donation"
        rf"\b{first}[\s-]+to[\s-]+{second}\s+(?:relationship\s+|relation\s+)?(?:between\s+|from\s+)?(?:the\s+)?"
        rf"{_NAMES}\s+(?:to|and|->|with)\s+(?:the\s+)?{_NAMES}{_PHRASE_END}",
        re.I | re.M,
    )


_ONE_TO_MANY_PHRASE = _written_out("one", "many")
_MANY_TO_ONE_PHRASE = _written_out("many", "one")
_ARTICLE_WORDS = frozenset({"the", "a", "an", "each", "every"})


def _name(text: str) -> str:
    words = [w for w in text.split() if w.lower() not in _ARTICLE_WORDS]
    return " ".join(words)


def _owned(match: re.Match[str]) -> str:
    return f"each {_name(match.group(2))} belongs to a {_name(match.group(1))}"


def _owner_first(match: re.Match[str]) -> str:
    return f"each {_name(match.group(1))} belongs to a {_name(match.group(2))}"


def _both(match: re.Match[str]) -> str:
    return f"{_name(match.group(1))} and {_name(match.group(2))} are many to many"


#: Crow's-foot ends of a Mermaid/ER diagram line: "Customer ||--o{ Order : places", "Ticket }o--|| Event".
_CROWS_FOOT = re.compile(r"\b([A-Za-z]\w*)\s*([|}][|o])(?:--|\.\.)([o|][|{])\s*([A-Za-z]\w*)(?:\s*:\s*(?:\"[^\"\n]*\"|\w+))?")


def _crows_foot(match: re.Match[str]) -> str:
    """The sentence of a crow's-foot line: the many end holds the key, optional when the one end says zero ("o")."""
    left, left_end, right_end, right = match.groups()
    if "}" in left_end and "{" in right_end:
        return f"{left} and {right} are many to many"
    if "{" in right_end:
        return f"each {right} {'optionally ' if 'o' in left_end else ''}belongs to a {left}"
    if "}" in left_end:
        return f"each {left} {'optionally ' if 'o' in right_end else ''}belongs to a {right}"
    return match.group(0)  # one to one: which side holds the key is not said


#: "Course ↔ Lesson: one course has many lessons": a two-way arrow heading a sentence that says how many.
_PAIR_HEADING = re.compile(rf"^\s*{_NAME}\s*(?:<->|<=>|\u2194)\s*{_NAME}\s*:\s*(?=[^\n]*\bone\b[^\n]*\bmany\b)", re.I | re.M)


def plain_cardinality(text: str) -> str:
    """``text`` with each relationship notation written as the sentence it stands for."""
    text = _PAIR_HEADING.sub("", text)
    text = _CROWS_FOOT.sub(_crows_foot, text)
    text = _ONE_THEN_MANY.sub(_owned, text)
    text = _ONE_TO_MANY_PHRASE.sub(_owned, text)
    text = _MANY_TO_ONE_PHRASE.sub(_owner_first, text)
    text = _LABELLED_MANY_TO_MANY.sub(_both, text)
    text = _LABELLED_MANY_TO_ONE.sub(_owner_first, text)
    text = _LABELLED_ONE_TO_MANY.sub(_owned, text)
    text = _JOIN_TABLE.sub(_both, text)
    text = _MANY_TO_MANY.sub(_both, text)
    text = _ARROWED.sub(_owned, text)
    text = _MANY_TO_ONE.sub(_owner_first, text)
    return _ONE_TO_MANY.sub(_owned, text)
