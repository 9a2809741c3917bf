"""Inserting an element into a comma-separated libcst sequence (call arguments, imported names)
while keeping its layout: one line or one element per line, trailing comma or not, and
comments staying on the element they belong to.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def insert_element(items: Sequence[Any], index: int, new: Any, opening: Any) -> list[Any]:
    """``items`` with ``new`` at ``index``; ``opening`` is the whitespace after the ``(``."""
    import libcst as cst  # lazy: 0.28 s (python -X importtime); only fixes need it

    out = list(items)
    count = len(out)
    if count == 0:
        return [new.with_changes(comma=cst.MaybeSentinel.DEFAULT)]
    if index >= count:
        last = out[-1]
        between = _separator(out, opening)
        if isinstance(last.comma, cst.Comma):
            # trailing comma: the new element takes the old last element's place before the ``)``
            kept, moved = _split_comma(last.comma, between)
            out[-1] = last.with_changes(comma=kept)
            return out + [new.with_changes(comma=moved)]
        new = new.with_changes(comma=cst.MaybeSentinel.DEFAULT)
        if hasattr(last, "whitespace_after_arg"):
            # a call argument owns the whitespace before the ``)``: it moves to the new last one
            new = new.with_changes(whitespace_after_arg=last.whitespace_after_arg)
            last = last.with_changes(whitespace_after_arg=cst.SimpleWhitespace(""))
        out[-1] = last.with_changes(comma=between)
        return out + [new]
    if index == 0:
        return [new.with_changes(comma=_separator(out, opening))] + out
    return out[:index] + [new.with_changes(comma=_clean(out[index - 1].comma))] + out[index:]


def _separator(items: Sequence[Any], opening: Any) -> Any:
    """The comma used between elements: copied from a pair of elements, or from the ``(``."""
    import libcst as cst  # lazy: 0.28 s (python -X importtime); only fixes need it

    if len(items) >= 2 and isinstance(items[-2].comma, cst.Comma):
        return _clean(items[-2].comma)
    if isinstance(opening, cst.ParenthesizedWhitespace):
        return cst.Comma(whitespace_after=_bare(opening))
    return cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))


def _split_comma(comma: Any, between: Any) -> tuple[Any, Any]:
    """For a trailing comma: (comma kept on the old last element, comma for the new one).

    A comment after the old last element stays there; the new element ends the way the old
    one did (newline and the indentation of the closing bracket).
    """
    import libcst as cst  # lazy: 0.28 s (python -X importtime); only fixes need it

    after = comma.whitespace_after
    if isinstance(after, cst.ParenthesizedWhitespace) and isinstance(between.whitespace_after, cst.ParenthesizedWhitespace):
        kept = comma.with_changes(whitespace_after=after.with_changes(last_line=between.whitespace_after.last_line))
        moved = cst.Comma(whitespace_after=_bare(after))
        return kept, moved
    return between, comma


def _bare(ws: Any) -> Any:
    """Parenthesized whitespace without its comment and blank lines (newline + indentation only)."""
    import libcst as cst  # lazy: 0.28 s (python -X importtime); only fixes need it

    return cst.ParenthesizedWhitespace(
        first_line=cst.TrailingWhitespace(),
        empty_lines=[],
        indent=ws.indent,
        last_line=ws.last_line,
    )


def _clean(comma: Any) -> Any:
    import libcst as cst  # lazy: 0.28 s (python -X importtime); only fixes need it

    if not isinstance(comma, cst.Comma):
        return cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
    if isinstance(comma.whitespace_after, cst.ParenthesizedWhitespace):
        return comma.with_changes(whitespace_after=_bare(comma.whitespace_after))
    return comma
