"""Example values after a list of fields, left out: "(name, email, join date), e.g. 'Ana', ana@x.org, 2023-04-01".

People show what a row looks like after naming its fields. Read as words, the example became
attributes ("e", "ana_ruiz"). A tail opened by "e.g.", "for example", "for instance", "example:" or "such as"
that holds values (a quote, a digit, an @, a currency sign) is dropped to the end of its sentence.
A tail with no values is a list of fields ("details, for example name and price") and is kept, its
opening word dropped. A parenthesis of examples ("position (front left etc.)") is dropped whole, as is one of
values after an item of a list ("referral source (GP, self, insurance)"), whose commas separate no items. Part
of ``text_layout``.
"""

from __future__ import annotations

import re

#: Openings of an example, their parts apart by any marks, so that the canonical form (the words with
#: single spaces) reads the same as the text it came from.
_OPENING = r"(?:e\W{0,3}g\b\.?|for\W+(?:example|instance)\b|example\W*:|such\W+as\b)"
_TAIL = re.compile(
    rf"(?P<lead>[,;(]?\s*)\b(?P<open>{_OPENING})(?![A-Za-z])\s*:?\s*(?P<rest>[^\n]*?)(?P<end>[.!?]?\s*(?:\n|$))", re.I
)
_VALUE = re.compile(r"['\"\u2018\u201c$\u20ac\u00a3@]|\d")


def _without_values(match: re.Match[str]) -> str:
    if _VALUE.search(match.group("rest")):
        return match.group("end")
    return f"{match.group('lead')}{match.group('rest')}{match.group('end')}"


#: "position (front left etc.)", "(e.g. red, blue)": a parenthesis that lists examples of a field's values.
_EXAMPLES_IN_PARENTHESES = re.compile(
    r"\s*\((?=[^()\n]*(?:\b(?:etc|e\.g|eg|i\.e|such\s+as)\b|\blike\s+\d))[^()\n]{1,80}\)", re.I
)  # also "(like 1.5)": a value shown after "like"


#: A number with decimals ("27.5", "0,25"); not a version or a date ("1.2.3", "12.03.2024").
_DECIMAL_VALUE = re.compile(r"(?<![\d.,])\d+[.,]\d+(?![\d.,]*\d)")


def _example_type(match: re.Match[str]) -> str:
    """A parenthesis of examples, dropped; one whose examples have decimals ("boot size (e.g. 27.5)") says the
    field holds such numbers: it stays as its type."""
    return " (decimal)" if _DECIMAL_VALUE.search(match.group(0)) else ""


#: A parenthesis of two or more short values after an item: "referral source (GP, self, insurance)".
_VALUES_IN_PARENTHESES = re.compile(r"(?<=[\w'\"`])[ \t]*\((?P<values>[^()\n]*,[^()\n]*)\)")
#: Where the item's list starts: a colon, a line's start or "with".
_LIST_START = re.compile(r"[:\n]|\bwith\b", re.I)
_ADDING = re.compile(r"\b(?:add|adding|need|needs|include|store|track|record)\b(?![^,]*,)", re.I)
_NAMING_ITEM = re.compile(r"\b(?i:entity|table|model|class|record)\b|\b[A-Z][a-z]")


#: Words of a parenthesis that say whether the field must be filled or what it starts as, wherever they stand in it.
_SAYS_PRESENCE = frozenset("optional required mandatory empty blank null nullable unique default".split())
#: Words of a parenthesis that say what the field is, kept for the list rules to read.
_SAYS_THE_FIELD = frozenset(
    """optional required mandatory empty blank null nullable unique default int integer number float decimal
    text string date datetime time timestamp bool boolean yes/no money email url""".split()
)


def _values_apart(match: re.Match[str]) -> str:
    """A parenthesis of values after an item of a list, dropped: "referral source (GP, self, insurance)" names
    ``referral_source``, its commas separate no items. One that says the field's type or that it may be empty
    ("(optional, some players are free agents)") is kept for the list rules. A parenthesis right after the
    entity ("Create Trainer (name, specialty)", "store Addresses (street, city)") is its list and is kept."""
    segment = _LIST_START.split(match.string[: match.start()])[-1]
    values = [v.strip() for v in match.group("values").split(",")]
    short = all(0 < len(v.split()) <= 3 for v in values)
    item = segment.rsplit(",", 1)[-1]
    to_owner = re.match(r"\s*(?:to|on|for|in)\s+\w", match.string[match.end() :]) is not None  # "… (GP, self) to Patient"
    in_list = (
        "," in segment
        or re.search(r"\band\b", segment) is not None
        or (to_owner and _ADDING.search(segment) is not None and _NAMING_ITEM.search(item) is None)
    )
    said = {w.lower().strip(".") for v in values for w in v.split()} & _SAYS_PRESENCE  # "(true/false, default false)"
    said |= {w.lower().strip(".") for w in values[0].split()}  # "(integer, …)": a type first; not "(pix, card, money)"
    if said & _SAYS_THE_FIELD and any(v.lower().startswith("per ") for v in values):
        kept = [v for v in values if not v.lower().startswith("per ")]  # "(integer, per square cm)": the unit
        return " (" + ", ".join(kept) + ")"
    if not (short and in_list and not said & _SAYS_THE_FIELD):
        return match.group(0)
    numbers = [w for v in values for w in re.split(r"\s+or\s+|\s+", v) if w]
    choice = len(numbers) >= 3 and all(w.isdigit() for w in numbers)  # "dose (1, 2 or 3)"; not "DECIMAL(10,2)"
    return " (integer)" if choice else ""


#: "avg rating like 4.3, start date": a value shown after "like" inside a list, up to the item's end.
_LIKE_VALUE = re.compile(r"[ \t]+like[ \t]+['\"\u2018\u201c$\u20ac\u00a3]?\d[^,;\n()]{0,30}(?=[,;\n)]|$)", re.I)


#: A type said just before the example ("is a decimal like 9.8"): the example adds nothing.
_TYPE_BEFORE = re.compile(r"\b(?:decimal|float|number|integer|int|numeric|text|string)\W*$", re.I)


def drop_example_values(text: str) -> str:
    """``text`` without example rows after its fields (see the module docstring)."""
    text = _LIKE_VALUE.sub(lambda m: "" if _TYPE_BEFORE.search(m.string, 0, m.start()) else _example_type(m), text)
    text = _VALUES_IN_PARENTHESES.sub(_values_apart, _EXAMPLES_IN_PARENTHESES.sub(_example_type, text))
    while True:  # a tail may hold another opening ("e.g. name, eg 'Ana'"): until none is left
        dropped = _TAIL.sub(_without_values, text)
        if dropped == text:
            return text
        text = dropped
