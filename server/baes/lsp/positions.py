"""Converting the core's positions (1-based lines, code-point columns) to LSP positions and back.

The client's unit (UTF-16 by default, UTF-8 or UTF-32 when negotiated) is handled by
pygls' ``PositionCodec``; this module only supplies lines split the way LSP counts them
(``\\n``, ``\\r\\n`` and ``\\r`` only: ``str.splitlines`` also breaks on form feeds and
Unicode separators, which would shift every line after them) and clamps out-of-range input.
"""
from __future__ import annotations

import re
from typing import Sequence

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec, ServerTextPosition

from baes.standards.findings import Span
from baes.python_ast import splitlines_is_exact

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ENDINGS = ("\r\n", "\n", "\r")


def split_lines(source: str) -> tuple[str, ...]:
    """The lines of ``source`` with their line endings, broken only where LSP breaks lines."""
    if splitlines_is_exact(source):  # then ``str.splitlines`` (fast) is right
        return tuple(source.splitlines(keepends=True)) or ("",)
    lines: list[str] = []
    start = 0
    for match in _LINE_BREAK.finditer(source):
        lines.append(source[start:match.end()])
        start = match.end()
    if start < len(source) or not lines:
        lines.append(source[start:])
    return tuple(lines)


def _strip_ending(line: str) -> str:
    for ending in _ENDINGS:
        if line.endswith(ending):
            return line[: -len(ending)]
    return line


def to_lsp_position(lines: Sequence[str], line: int, column: int, codec: PositionCodec) -> types.Position:
    """A core position (1-based line, code-point column) in the client's units, clamped to the text."""
    if not lines:
        return types.Position(line=0, character=0)
    index = max(0, line - 1)
    if index >= len(lines):
        last = _strip_ending(lines[-1])
        if lines[-1] != last:  # the source ends with a line break: the end is the empty last line
            return types.Position(line=len(lines), character=0)
        return codec.position_to_client_units(lines, ServerTextPosition(len(lines) - 1, len(last)))
    text = _strip_ending(lines[index])
    column = min(max(0, column), len(text))
    return codec.position_to_client_units(lines, ServerTextPosition(index, column))


def span_to_range(lines: Sequence[str], span: Span, codec: PositionCodec) -> types.Range:
    """The LSP range of a core span; an inverted or out-of-range span is clamped, never an error."""
    start = to_lsp_position(lines, span.start_line, span.start_col, codec)
    end = to_lsp_position(lines, span.end_line, span.end_col, codec)
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
