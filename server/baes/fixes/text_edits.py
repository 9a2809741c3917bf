"""Minimal text edits between two versions of a source, and applying edits safely.

Editors apply a fix as a few small ``TextEdit``s rather than replacing the whole buffer, so
the cursor, folds and undo history survive. Positions follow ``baes.standards.findings``: 1-based
lines, 0-based code-point columns; a line ends at ``\\n``, ``\\r\\n`` or ``\\r`` (as Python
and the LSP count lines). Edits never start or end between the two characters of ``\\r\\n``.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence

from baes.standards.findings import Span, TextEdit

# a line break as Python and the LSP count them
NEWLINE = re.compile(r"\r\n|\r|\n")
# Above this many differing lines the line diff is skipped and one edit covers the middle.
_MAX_DIFF_LINES = 20000


class OverlappingEditsError(ValueError):
    """Two edits touch the same text (or insert at the same point): their order is ambiguous."""


class LineIndex:
    """Converts between code-point offsets and (line, column) positions of one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: list[int] = [0] + [m.end() for m in NEWLINE.finditer(text)]

    @property
    def line_count(self) -> int:
        return len(self.starts)

    def offset(self, line: int, col: int) -> int:
        """Offset of ``(line, col)``; raises ``ValueError`` outside the text."""
        if not 1 <= line <= len(self.starts):
            raise ValueError(f"line {line} is outside the text (1..{len(self.starts)})")
        start = self.starts[line - 1]
        end = self.line_end(line)
        if not 0 <= col <= end - start:
            raise ValueError(f"column {col} is outside line {line} (0..{end - start})")
        return start + col

    def line_end(self, line: int) -> int:
        """Offset just before the newline that ends ``line`` (or the end of the text)."""
        if line < len(self.starts):
            nxt = self.starts[line]
            return nxt - (2 if self.text.startswith("\r\n", nxt - 2) else 1)
        return len(self.text)

    def position(self, offset: int) -> tuple[int, int]:
        """``(line, col)`` of ``offset``."""
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} is outside the text (0..{len(self.text)})")
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1]


def splice(text: str, replacements: Iterable[tuple[int, int, str]]) -> str:
    """``text`` with each ``(start, end, new)`` offset range replaced; refuses overlaps."""
    ordered = sorted(replacements, key=lambda r: (r[0], r[1]))
    check_disjoint([(start, end) for start, end, _ in ordered])
    out: list[str] = []
    cursor = 0
    for start, end, new in ordered:
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"range {start}..{end} is outside the text (0..{len(text)})")
        out.append(text[cursor:start])
        out.append(new)
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def ranges_conflict(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two offset ranges overlap, or are insertions at the same point."""
    (a0, a1), (b0, b1) = sorted((a, b))
    if b0 < a1:
        return True
    return a0 == a1 == b0 == b1


def check_disjoint(ranges: Sequence[tuple[int, int]]) -> None:
    """Raise ``OverlappingEditsError`` unless the (sorted) ranges are pairwise disjoint."""
    for previous, current in zip(ranges, ranges[1:], strict=False):
        if ranges_conflict(previous, current):
            raise OverlappingEditsError(f"edits at offsets {previous} and {current} overlap")


def apply_edits(source: str, edits: Iterable[TextEdit]) -> str:
    """Apply ``edits`` (all in ``source``'s coordinates) at once; overlapping edits raise."""
    index = LineIndex(source)
    replacements = []
    for edit in edits:
        start = index.offset(edit.span.start_line, edit.span.start_col)
        end = index.offset(edit.span.end_line, edit.span.end_col)
        if end < start:
            raise ValueError(f"edit ends before it starts: {edit.span}")
        replacements.append((start, end, edit.new_text))
    return splice(source, replacements)


def minimal_edits(old: str, new: str) -> tuple[TextEdit, ...]:
    """The small edits turning ``old`` into ``new`` (empty when equal), in ``old``'s coordinates."""
    if old == new:
        return ()
    prefix = common_prefix(old, new)
    suffix = common_suffix(old, new, prefix)
    # whole lines first, so the line diff below sees separate changes as separate hunks
    prefix = max(old.rfind("\n", 0, prefix), old.rfind("\r", 0, prefix)) + 1
    suffix = _line_aligned_suffix(old, new, suffix)
    hunks = _hunks(old, new, prefix, len(old) - suffix, len(new) - suffix)
    index = LineIndex(old)
    edits = []
    for start, end, text in hunks:
        start, end, text = _outside_crlf(old, start, end, text)
        start_line, start_col = index.position(start)
        end_line, end_col = index.position(end)
        edits.append(TextEdit(Span(start_line, start_col, end_line, end_col), text))
    return tuple(edits)


def common_prefix(a: str, b: str) -> int:
    """Length of the common prefix, by halving (string comparisons run in C)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        mid = (low + high + 1) // 2
        if a[low:mid] == b[low:mid]:
            low = mid
        else:
            high = mid - 1
    return low


def common_suffix(a: str, b: str, prefix: int) -> int:
    """Length of the common suffix that does not reach into the common prefix."""
    low, high = 0, min(len(a), len(b)) - prefix
    while low < high:
        mid = (low + high + 1) // 2
        if a[len(a) - mid : len(a) - low] == b[len(b) - mid : len(b) - low]:
            low = mid
        else:
            high = mid - 1
    return low


def _line_aligned_suffix(old: str, new: str, suffix: int) -> int:
    """Shrink a common suffix so it starts at a line start in both texts."""
    if suffix == 0:
        return 0
    before_old = old[len(old) - suffix - 1 : len(old) - suffix]
    before_new = new[len(new) - suffix - 1 : len(new) - suffix]
    if before_old in ("", "\n", "\r") and before_new in ("", "\n", "\r"):
        return suffix
    tail = old[len(old) - suffix :]
    match = NEWLINE.search(tail)
    return suffix - match.end() if match else 0


def _hunks(old: str, new: str, start: int, old_end: int, new_end: int) -> list[tuple[int, int, str]]:
    """Split the differing middle into separate edits where whole lines in between are equal."""
    old_mid, new_mid = old[start:old_end], new[start:new_end]
    old_lines = old_mid.splitlines(keepends=True)
    new_lines = new_mid.splitlines(keepends=True)
    if not old_lines or not new_lines or len(old_lines) + len(new_lines) > _MAX_DIFF_LINES:
        return [(start, old_end, new_mid)]
    # autojunk (blank lines are frequent) keeps long files fast; any opcodes round-trip exactly
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines)
    old_offsets = _offsets(old_lines)
    new_offsets = _offsets(new_lines)
    hunks = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            pairs = [(i1 + k, i1 + k + 1, j1 + k, j1 + k + 1) for k in range(i2 - i1)]  # line by line
        elif tag == "replace" and i2 - i1 < j2 - j1:
            pairs = _with_inserted_lines(old_lines, new_lines, i1, i2, j1, j2)
        else:
            pairs = [(i1, i2, j1, j2)]
        for a, b, c, d in pairs:
            a0, a1 = old_offsets[a], old_offsets[b]
            b0, b1 = new_offsets[c], new_offsets[d]
            piece_old, piece_new = old_mid[a0:a1], new_mid[b0:b1]
            if piece_old == piece_new:
                continue
            head = common_prefix(piece_old, piece_new)
            tail = common_suffix(piece_old, piece_new, head)
            hunks.append((start + a0 + head, start + a1 - tail, piece_new[head : len(piece_new) - tail]))
    return _merge_touching(hunks, old)


def _merge_touching(hunks: list[tuple[int, int, str]], old: str) -> list[tuple[int, int, str]]:
    """One edit for hunks that meet (two insertions at one point would be ambiguous)."""
    merged: list[tuple[int, int, str]] = []
    for start, end, text in hunks:
        if merged and start <= merged[-1][1]:
            p_start, p_end, p_text = merged[-1]
            merged[-1] = (p_start, max(p_end, end), p_text + old[p_end:start] + text)
        else:
            merged.append((start, end, text))
    return merged


def _with_inserted_lines(
    old_lines: Sequence[str], new_lines: Sequence[str], i1: int, i2: int, j1: int, j2: int
) -> list[tuple[int, int, int, int]]:
    """Split a hunk that gained lines into whole inserted lines plus line-by-line changes.

    A fix often adds lines (an import, a decorator) next to a line it also edits; pairing the old
    lines with the last (or first) new lines keeps the edits apart. The pairing writing fewer
    characters wins.
    """
    count = i2 - i1

    def cost(offset: int) -> int:
        """Characters written: the inserted lines plus what changes on the paired lines."""
        total = sum(len(new_lines[j]) for j in range(j1, j2) if not offset <= j < offset + count)
        for k in range(count):
            a, b = old_lines[i1 + k], new_lines[offset + k]
            head = common_prefix(a, b)
            total += len(a) + len(b) - 2 * (head + common_suffix(a, b, head))
        return total

    after, before = j2 - count, j1  # old lines matched to the last / first new lines
    paired = [(i1 + k, i1 + k + 1, 0, 0) for k in range(count)]
    if cost(after) <= cost(before):
        return [(i1, i1, j1, after)] + [(a, b, after + k, after + k + 1) for k, (a, b, _, _) in enumerate(paired)]
    return [(a, b, before + k, before + k + 1) for k, (a, b, _, _) in enumerate(paired)] + [(i2, i2, before + count, j2)]


def _offsets(lines: Sequence[str]) -> list[int]:
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    return offsets


def _outside_crlf(text: str, start: int, end: int, new: str) -> tuple[int, int, str]:
    """Widen an edit so neither end falls between the ``\\r`` and ``\\n`` of a line break."""
    if 0 < start < len(text) and text[start - 1] == "\r" and text[start] == "\n":
        start -= 1
        new = "\r" + new
    if 0 < end < len(text) and text[end - 1] == "\r" and text[end] == "\n":
        end += 1
        new = new + "\n"
    return start, end, new
