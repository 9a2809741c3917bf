"""A list said without commas, each field followed by its type: "meter serial text reading value decimal taken at
datetime estimated bool", "new Shift start datetime finish datetime break minutes whole number overtime true/false".

People dictating or typing fast on a phone leave out the commas but still say each field's type after it. A type word
there ends its field, so a comma goes after it (and the type is put in parentheses, as the type rules read it). Only
when at least three fields are typed so with no mark between them (two may be a sentence: "needs a customs_cleared
boolean and a cleared_at timestamp"), and only before a word that can start the next field (not "or", "of", "per", …:
"number of lambs"). "number" alone is no such type word: "number plate", "phone number email".
"""

from __future__ import annotations

import re

#: Type words that end a field in a list without commas.
_TYPE_END = (
    r"(?:text|string|decimal|datetime|timestamp|bool|boolean|float|integer|int|money|whole[ \t]+number|"
    r"true[ \t]*/[ \t]*false|true[ \t]+false|yes[ \t]*/[ \t]*no|yes[ \t]+or[ \t]+no|yes[ \t]+no|y[ \t]*/[ \t]*n|"
    r"tick[ \t]*box|checkbox|(?:on|at)[ \t]+(?:date[ \t]+and[ \t]+time|datetime|date|time))"
)
_ENDS_FIELD = re.compile(
    rf"(?<![(\w])(\({_TYPE_END}\)|{_TYPE_END}\b)"
    r"(?=[ \t]+(?!(?:or|of|per|for|to|in|with|as|if|the|a|an|is|are|please|pls)\b)[a-z]|[ \t]*[.!]?[ \t]*$)",
    re.I,
)
#: The entity's name written as a name right before the first field ("new Shift start datetime, …"): the list opens.
#: Fewest fields typed so: two may be a sentence ("needs a customs_cleared boolean and a cleared_at timestamp").
_FEWEST = 3
#: Marks that already separate a list's items.
_MARKED = re.compile(r"[,;:\n|{}]")
_NAME_THEN_FIELD = re.compile(
    r"^([ \t]*(?:(?:make|create|add|new|need|setup|set[ \t]+up)[ \t]+)?(?:an?[ \t]+|new[ \t]+)?(?-i:[A-Z])[A-Za-z]*)[ \t]+"
    r"(?!(?:for|with|table|entity|model|record|thing|please|pls|to|in|on|of|and)\b)(?=[a-z])",
    re.I,
)


def commas_after_types(text: str) -> str:
    """``text`` with a comma after each type word that ends a field of a list said without commas, and the list
    opened after the entity's name when the first field follows it right away."""
    found = list(_ENDS_FIELD.finditer(text))
    if len(found) < _FEWEST or _MARKED.search(text, found[0].start(), found[-1].end()):
        return text  # one type said, or a list already marked ("name text, price decimal", "a:int b:str")
    return _NAME_THEN_FIELD.sub(r"\1: ", _ENDS_FIELD.sub(_ended, text), count=1).rstrip(" ,")


def _ended(match: re.Match[str]) -> str:
    """The type word in parentheses (as the type rules read a type said after a name), then the comma."""
    said = match[1]
    if said[:2].lower() in {"on", "at"}:
        when = said[2:].strip()  # "sprayed on date": the name says a day; "filled at date and time": a moment
        return f"{said}," if when.lower() == "date" else f"{said[:2]} ({when}),"
    return f"{said}," if said.endswith(")") else f"({said}),"
