"""Units a name cannot hold: said after a field, they make it a measure and are no part of its name.

A word list can name a field "weight kg" (``weight_kg``), and the labelled requests keep such units as
often as they drop them, so a unit that is a word stays. Three kinds of unit are no word:
- a ratio: "dissolved oxygen mg/L", "yield kg/ha", "dose mg/kg" (no field is named "l" or "ha");
- a symbol: "water temp °C", "injection volume µL", "cloud cover %" (a name cannot hold "°", "µ" or "%");
- one letter after a measure: "height m", "elevation m", "depth to water m", "air temp C" ("vitamin C"
  and "size L" are no measures, and keep their letter).

Each is written as " (decimal)", the type said after a name.
"""

from __future__ import annotations

import re

from baes.recognition import vocabulary as vocab

_DECIMAL = " (decimal)"
_RATIO_OR_SYMBOL = re.compile(
    r"(?<=[A-Za-z])\s+(?:in\s+)?(?:(?:mg|[µμu]g|ng|g|kg|t|ml|l|mm|cm|m|km|ds|ms|[µμu]s|mol|mmol|cfu|cells|kwh|w|lb|lbs)"
    r"\s*/\s*(?:l|ml|dl|m|m2|m3|kg|g|ha|s|h|hr|day|cm|km|cm2)\b"
    r"|[°º]\s?[CFK]\b|[µμ][a-z]{1,3}\b(?:\s*/\s*[a-z0-9]{1,3}\b)?)(?!\s*\()",
    re.I,
)
#: The same in parentheses: "temperature (°C)", "volume (µL)".
_SYMBOL_IN_PARENTHESES = re.compile(r"(?<=[A-Za-z])\s*\(\s*(?:[°º]\s?[CFK]|[µμ][a-z]{1,3}(?:\s*/\s*[a-z0-9]{1,3})?)\s*\)", re.I)
#: A percent sign after a name: "confluence %", "cloud cover %" (no name holds "%").
_PERCENT = re.compile(r"(?<=[A-Za-z])[ \t]*%(?![ \t]*\()")
#: One letter closing a list item, after up to four words: "height m", "depth to water m".
_ONE_LETTER = re.compile(r"(?<![\w-])((?:[A-Za-z]+[ \t]+){0,3}[A-Za-z]{3,})[ \t]+(?:m|g|C|F|K)(?=[ \t]*(?:[,;)\n'\"]|$|and\b|&))")


def _one_letter(match: re.Match[str]) -> str:
    words = match[1].lower().split()
    name = "_".join(words)
    measured = vocab.infer_type(name) == "float" or any(vocab.infer_type(w) == "float" for w in words[-3:])
    return match[1] + _DECIMAL if measured else match[0]


#: Most units of each kind rewritten: more fields than any list has, and a bound on how much a hostile request
#: of thousands of "%" can grow (each becomes ten characters).
_MOST = 40


def units_as_types(text: str) -> str:
    """``text`` with each unit a name cannot hold written as the type it gives (" (decimal)")."""
    text = _SYMBOL_IN_PARENTHESES.sub(_DECIMAL, _RATIO_OR_SYMBOL.sub(_DECIMAL, text, count=_MOST), count=_MOST)
    text = _PERCENT.sub(_DECIMAL, text, count=_MOST)
    return _ONE_LETTER.sub(_one_letter, text, count=_MOST)
