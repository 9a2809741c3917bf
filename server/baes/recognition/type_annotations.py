"""A field's type said in everyday words inside parentheses: "weight (kg)", "attendance (number)",
"recorded (checkbox)", "taken at (date and time)", "price (yen, decimal)", "volume (number with decimals)".

Spreadsheet, form-builder and no-code users describe a column by what it holds, not by a type name.
Such a parenthesis is an annotation: it gives the type and is no part of the name ("weight (kg)" is
``weight: float``, like "weight in kg"). A parenthesis holding any other word ("arch (upper/lower)",
"notes (optional)") is left for the other rules. "Optional" or "required" next to the type
("memo (text, optional)") stays with it: the comma inside the parenthesis separates no fields.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from baes.recognition import vocabulary as vocab
from baes.recognition.request_tokens import SEPARATORS

#: Words of an annotation that only glue it together.
_GLUE = frozenset({",", ";", "/", "and", "with", "a", "an", "in", "field", "value", "format", "only", "of", "or", "&"})
#: Chatter around a type word: "(a simple ISO date is enough)", "(just a number is fine)".
_GLUE |= {"simple", "plain", "just", "is", "enough", "fine", "ok", "okay", "iso", "will", "do", "should", "be", "would"}
_FLAG = frozenset({"checkbox", "checkboxes", "check", "tick", "tickbox", "box", "toggle", "switch", "yes", "no", "y", "n"})
_FLAG |= {"boolean", "booleans", "bools"}
_DECIMAL = frozenset({"decimal", "decimals", "percent", "percentage", "pct", "fraction", "floats", "hours", "hrs"})
_WHOLE = frozenset({"whole", "integer", "int", "count", "integers", "ints"})
#: Periods counted in whole units: "lactation length (days)", "loan term (weeks)" (hours are measured: a decimal).
_WHOLE |= {"days", "weeks", "months", "years", "nights", "minutes", "mins", "seconds", "secs"}
_NUMBER = frozenset({"number", "numeric", "num", "numbers"})
_CLOCK = frozenset({"time", "stamp", "timestamp", "datetime", "hour", "datetimes", "timestamps"})
_TEXT = frozenset({"text", "string", "single", "line", "long", "short", "paragraph", "free", "strings"})
_KNOWN = _FLAG | _DECIMAL | _WHOLE | _NUMBER | _CLOCK | _TEXT | {"date", "day", "dates"}
#: How far a closing parenthesis may be.
_MAX_WORDS = 7


def is_unit(low: str) -> bool:
    """A currency or a unit of measure; "m_ah" (how "mAh" is split) is "mah"."""
    return low.replace("_", "") in vocab.CURRENCY_WORDS | vocab.MEASURE_UNITS


@dataclass(frozen=True)
class Annotation:
    """What a parenthesis after a name says: its type word, how many tokens it spans, and the
    "optional"/"required" word said with the type, if any."""

    type_word: str
    span: int
    presence: str | None = None


_PRESENCE = vocab.OPTIONAL_WORDS | vocab.REQUIRED_WORDS


def annotation_type(toks: Sequence[str], name_type: str) -> Annotation | None:
    """The annotation opening at ``toks[0] == "("``; None when it is not one. ``name_type`` is the
    type the name alone reads as (a bare "number" is a count unless the name is already a measure)."""
    if not toks or toks[0] != "(":
        return None
    close = next((i for i, low in enumerate(toks[1 : _MAX_WORDS + 2], start=1) if low == ")"), None)
    if close is None:
        return None
    said = [low for low in toks[1:close] if low not in _GLUE]
    words = [low for low in said if low not in _PRESENCE]
    presence = next((low for low in said if low in _PRESENCE), None)
    if not words or not all(low in _KNOWN or is_unit(low) for low in words):
        return None
    if len(words) == 1 and words[0] in vocab.TYPE_WORDS:
        if presence is None and close == 2:
            return None  # "(text)", "(date)": an explicit type the other rules read as it is
        return Annotation(words[0], close + 1, presence)  # "(text, optional)"
    found = set(words)
    if found & _FLAG:
        type_word = "boolean"
    elif "date" in found and found & _CLOCK:
        type_word = "datetime"
    elif found & _DECIMAL or any(is_unit(low) for low in words):
        type_word = "float"
    elif found & _WHOLE:
        type_word = "integer"
    elif found & _NUMBER:
        type_word = "float" if name_type == "float" else "integer"
    elif found & _CLOCK:
        type_word = "datetime"
    elif found & {"date", "day", "dates"}:
        type_word = "date"
    else:
        type_word = "text"
    return Annotation(type_word, close + 1, presence)


#: Words that make a parenthesis a flag's values or a type, not a choice of text values.
_NOT_CHOICES = _KNOWN | {"true", "false", "on", "off", "optional", "required", "nullable", "unique", "default", "e", "g"}


#: Last words of a field that picks one of several values: a comma list after it names the values ("source (pickup,
#: return, self_report)"), where after another field it may name parts ("address (street, city, zip)").
CATEGORY_HEADS = frozenset(
    """
    type kind status state source category level stage method mode channel role origin style genre colour color size
    tier plan grade position frequency priority condition gender sport breakdown format medium material breed class
    rank band region shift season language currency part section outcome result reason epoch
""".split()
)


def category_head(before: Sequence[str]) -> str:
    """The word of the item ending ``before`` that makes it a choice of values ("type of contribution"), or ""."""
    start = next((j + 1 for j in range(len(before) - 1, -1, -1) if not before[j][:1].isalnum()), 0)
    return next((low for low in before[start:] if low.rsplit("_", 1)[-1] in CATEGORY_HEADS), "")  # "attendance_status"


def choices_span(toks: Sequence[str], *, numbers: bool = False, head: str = "") -> int | None:
    """How many tokens a parenthesis of choices opening at ``toks[0] == "("`` spans: "priority
    (low/medium/high)", "size (S/M/L)", "frame (small, medium or large)". The choices are values of a
    text field, no fields of their own; None when the parenthesis is no such list. With ``numbers``, the
    choices are whole numbers instead ("dose (1, 2 or 3)", "shift (1/2/3)"): an integer field's values."""
    if not toks or toks[0] != "(":
        return None
    close = next((i for i, low in enumerate(toks[1:12], start=1) if low == ")"), None)
    if close is None or close < 4:
        return None
    inner = list(toks[1:close])
    words, marks = inner[0::2], inner[1::2]
    if numbers:
        if len(words) < 3 or not all(w.isdigit() for w in words):  # "(1/2/3)"; not "(10,2)"
            return None
    elif (
        tuple(words) in vocab.BOOL_PAIRS  # "(sim/não)", "(ja/nee)": yes or no in the writer's language
        or not marks
        or not all(w.replace("_", "").isalnum() and not w.isdigit() for w in words)
        or any(w in _NOT_CHOICES or is_unit(w) for w in words)
    ):
        return None
    slashed = all(m == "/" for m in marks)
    listed = marks[-1] == "or" and all(m == "," for m in marks[:-1])
    values = bool(head) and len(words) >= 3 and all(m == "," for m in marks)  # "(tithe, offer, donation)"
    return close + 1 if slashed or listed or values else None


#: Marks that end a list item after a scale ("rating 1-5, comment").
_ITEM_ENDS = SEPARATORS | {")"}


def scale_at(lows: Sequence[str]) -> tuple[str, int] | None:
    """ "(0-10)", "(1 to 5)", "1-5", "from 1 to 10", "from 1-10" or "out of 10" ending an item at ``lows[0]`` (a dash is no
    token): (the scale's type word, its length). Whole numbers make an integer, decimals a float; a parenthesis
    after the scale says the type itself ("score out of 10 (decimal)": no type from the scale, "")."""
    head = list(lows[:5])
    bracket = head[:1] == ["("]
    inner = head[1:] if bracket or head[:1] == ["from"] else head
    if inner[:2] == ["out", "of"] and not bracket:
        numbers, span = inner[2:3], 3
    elif inner[1:2] == ["to"]:  # "1 to 5", "from 1 to 5", "(1 to 5)"
        numbers, span = inner[:3:2], 3 + len(head) - len(inner) + bracket
    else:  # "1 5" (from "1-5"), "(0 10)", "from 1 10" (from "from 1-10")
        numbers, span = inner[:2], 2 + 2 * bracket + (head[:1] == ["from"])
    if len(numbers) != (1 if span == 3 and inner[:1] == ["out"] else 2):
        return None
    if not all(re.fullmatch(r"\d+(\.\d+)?", low) for low in numbers) or (bracket and head[span - 1 : span] != [")"]):
        return None
    if not bracket and span < len(lows) and lows[span] == "(":
        return "", span
    if not bracket and span < len(lows) and lows[span] not in _ITEM_ENDS:
        return None
    return ("float" if any("." in low for low in numbers) else "integer"), span
