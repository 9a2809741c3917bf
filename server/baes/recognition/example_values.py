"""Example values after a list of fields, left out: "(name, email, join date), e.g. 'Ana', ana@x.org, 2023-04-01".

People show what a row looks like after naming its fields. Read as words, the example became
attributes ("e", "ana_ruiz"). A tail opened by "e.g.", "for example", "for instance", "example:" or "such as"
that holds values (a quote, a digit, an @, a currency sign) is dropped to the end of its sentence.
A tail with no values is a list of fields ("details, for example name and price") and is kept, its
opening word dropped. A parenthesis of examples ("position (front left etc.)") is dropped whole. Part of
``text_layout``.
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
_EXAMPLES_IN_PARENTHESES = re.compile(r"\s*\((?=[^()\n]*\b(?:etc|e\.g|eg|i\.e|such\s+as)\b)[^()\n]{1,80}\)", re.I)


def drop_example_values(text: str) -> str:
    """``text`` without example rows after its fields (see the module docstring)."""
    text = _EXAMPLES_IN_PARENTHESES.sub("", text)
    while True:  # a tail may hold another opening ("e.g. name, eg 'Ana'"): until none is left
        dropped = _TAIL.sub(_without_values, text)
        if dropped == text:
            return text
        text = dropped
