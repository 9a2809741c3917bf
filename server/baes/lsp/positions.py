"""Converting the core's positions (1-based lines, code-point columns) to LSP positions and back.

The client's unit (UTF-16 by default, UTF-8 or UTF-32 when negotiated) is handled by
pygls' ``PositionCodec``; this module only supplies lines split the way LSP counts them
(``\\n``, ``\\r\\n`` and ``\\r`` only: ``str.splitlines`` also breaks on form feeds and
Unicode separators, which would shift every line after them) and clamps out-of-range input.

Converting a column costs one pass over its line the first time the line is asked about
(``LineUnits``), then nothing: a line with thousands of findings is converted in linear time,
not once per finding (pygls' codec rescans the line each time).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import accumulate

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from baes.python_ast import splitlines_is_exact
from baes.standards.findings import Span

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ENDINGS = ("\r\n", "\n", "\r")


def split_lines(source: str) -> tuple[str, ...]:
    """The lines of ``source`` with their line endings, broken only where LSP breaks lines."""
    if splitlines_is_exact(source):  # then ``str.splitlines`` (fast) is right
        return tuple(source.splitlines(keepends=True)) or ("",)
    lines: list[str] = []
    start = 0
    for match in _LINE_BREAK.finditer(source):
        lines.append(source[start : match.end()])
        start = match.end()
    if start < len(source) or not lines:
        lines.append(source[start:])
    return tuple(lines)


def _strip_ending(line: str) -> str:
    for ending in _ENDINGS:
        if line.endswith(ending):
            return line[: -len(ending)]
    return line


_IDENTITY: list[int] = []  # marks a line whose client units are its code points


class LineUnits:
    """Code-point columns of one document's lines in the client's units, each line measured once."""

    def __init__(self, lines: Sequence[str], codec: PositionCodec) -> None:
        self.lines = lines
        self.codec = codec
        encoding = str(getattr(codec, "encoding", "") or types.PositionEncodingKind.Utf16)
        self._identity = (
            (lambda text: True)
            if encoding == types.PositionEncodingKind.Utf32
            else (lambda text: text.isascii())
            if encoding == types.PositionEncodingKind.Utf8
            else (lambda text: text.isascii() or max(text) <= "\uffff")
        )
        self._prefix: dict[int, list[int]] = {}

    def column(self, index: int, text: str, column: int) -> int:
        """Client units before code point ``column`` of line ``index`` (``text``: the line without ending)."""
        prefix = self._prefix.get(index)
        if prefix is None:
            if not text or self._identity(text):
                prefix = _IDENTITY
            else:
                units = self.codec.impl.code_units_for_char
                prefix = [0, *accumulate(units(char) for char in text)]
            self._prefix[index] = prefix
        return column if prefix is _IDENTITY else prefix[column]


def _units(lines: Sequence[str] | LineUnits, codec: PositionCodec | None) -> LineUnits:
    if isinstance(lines, LineUnits):
        return lines
    assert codec is not None, "a codec is needed with plain lines"
    return LineUnits(lines, codec)


def to_lsp_position(
    lines: Sequence[str] | LineUnits, line: int, column: int, codec: PositionCodec | None = None
) -> types.Position:
    """A core position (1-based line, code-point column) in the client's units, clamped to the text."""
    units = _units(lines, codec)
    rows = units.lines
    if not rows:
        return types.Position(line=0, character=0)
    index = max(0, line - 1)
    if index >= len(rows):
        last = _strip_ending(rows[-1])
        if rows[-1] != last:  # the source ends with a line break: the end is the empty last line
            return types.Position(line=len(rows), character=0)
        return types.Position(line=len(rows) - 1, character=units.column(len(rows) - 1, last, len(last)))
    text = _strip_ending(rows[index])
    column = min(max(0, column), len(text))
    return types.Position(line=index, character=units.column(index, text, column))


def span_to_range(lines: Sequence[str] | LineUnits, span: Span, codec: PositionCodec | None = None) -> types.Range:
    """The LSP range of a core span; an inverted or out-of-range span is clamped, never an error.

    Give a ``LineUnits`` when converting many spans of one text.
    """
    units = _units(lines, codec)
    start = to_lsp_position(units, span.start_line, span.start_col)
    end = to_lsp_position(units, span.end_line, span.end_col)
    if (end.line, end.character) < (start.line, start.character):
        end = start
    return types.Range(start=start, end=end)


def from_lsp_position(lines: Sequence[str], position: types.Position, codec: PositionCodec) -> tuple[int, int]:
    """A client position as a core position (1-based line, code-point column)."""
    if not lines or position.line < 0:
        return 1, 0
    if position.line >= len(lines):
        return len(lines) + 1, 0
    text = _strip_ending(lines[position.line])
    # The codec mutates an out-of-range character in place: give it a copy.
    probe = types.Position(line=position.line, character=max(0, position.character))
    server = codec.position_from_client_units([text], types.Position(line=0, character=probe.character))
    return position.line + 1, min(server.character, len(text))


def range_to_lines(lines: Sequence[str], rng: types.Range, codec: PositionCodec) -> tuple[int, int]:
    """The 1-based first and last line a client range touches."""
    start_line, _ = from_lsp_position(lines, rng.start, codec)
    end_line, _ = from_lsp_position(lines, rng.end, codec)
    return start_line, max(start_line, end_line)
