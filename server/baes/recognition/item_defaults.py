"""A default said inside each field's parenthesis: "add checked_in (bool, default false), late_arrival (bool, default
0)". Each value is that field's, so two of them are no question of which field a default is for.

The values are taken out of the parentheses before the rules read the list (the types stay), and given back to the
fields named right before them once the list is read. One such parenthesis alone is left to ``defaults``.
"""

from __future__ import annotations

from dataclasses import replace

from baes.recognition.defaults import DEFAULT_LINKS, as_value_of, fits
from baes.recognition.model import Draft, RecognitionError
from baes.recognition.request_tokens import SEPARATORS, Tok

#: How far a parenthesis' closing mark may be.
_WIDTH = 8


def take_item_defaults(toks: list[Tok]) -> tuple[list[Tok], tuple[tuple[str, str], ...]]:
    """``toks`` without the "default <value>" of each field's parenthesis, and (field words, value) for each."""
    found: list[tuple[int, int, str, str]] = []  # (where the default's words start, the closing mark, field, value)
    for i, tok in enumerate(toks):
        if tok.low != "(":
            continue
        close = next((j for j in range(i + 1, min(len(toks), i + _WIDTH)) if toks[j].low == ")"), None)
        at = next((j for j in range(i + 1, close) if toks[j].low == "default"), None) if close else None
        if close is None or at is None:
            continue
        first = at + 1
        while first < close and toks[first].low in DEFAULT_LINKS:
            first += 1
        start = i
        while start > 0 and toks[start - 1].word and toks[start - 1].low not in SEPARATORS:
            start -= 1
        field = "_".join(t.low for t in toks[start:i] if t.word)
        value = " ".join(t.text for t in toks[first:close])
        if field and value and first < close:
            found.append((at - 1 if toks[at - 1].low == "," else at, close, field, value))
    if len(found) < 2:
        return toks, ()
    cuts = {j for at, close, _, _ in found for j in range(at, close)}
    kept = [t for j, t in enumerate(toks) if j not in cuts]
    return _without_empty_parentheses(kept), tuple((field, value) for *_, field, value in found)


def _without_empty_parentheses(toks: list[Tok]) -> list[Tok]:
    empty = {j for j in range(len(toks) - 1) if toks[j].low == "(" and toks[j + 1].low == ")"}
    return [t for j, t in enumerate(toks) if j not in empty and j - 1 not in empty]


def with_item_defaults(draft: Draft, values: tuple[tuple[str, str], ...]) -> Draft:
    """``draft`` with each value on the field named before it, when the field was read and the value fits it."""
    if not values or draft.intent not in ("create", "add_attributes"):
        return draft
    by_name = {a.name: a for a in draft.entity.attributes}
    given = dict(draft.defaults)
    for field, value in values:
        attribute = by_name.get(field) or next((a for a in by_name.values() if field.endswith(a.name)), None)
        if attribute is None or not fits(value, attribute.type):
            raise RecognitionError(  # a value the rows would not get: no reading rather than one that loses it
                f"which field gets the default {value!r} said after {field.replace('_', ' ')!r}? Add one field per "
                f"request, e.g. 'add {field.replace('_', ' ')} to {draft.entity.name} with default {value}'"
            )
        given[attribute.name] = as_value_of(value, attribute.type)
    return replace(draft, defaults=tuple(given.items()))
