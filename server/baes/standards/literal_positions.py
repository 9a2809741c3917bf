"""Where each character of a string literal's value is in the source.

A finding about a line of a multi-line SQL string should point at that line, not at the
string's first one. The value of a literal is its source text only where no escape sequence
was decoded: each part (implicitly concatenated parts are read one by one) whose body holds no
backslash, or is raw, maps character by character; other parts map to nothing, and a caller
falls back to the literal's start. A position is never guessed.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize

from baes.standards.index import SourceIndex

# (line, UTF-8 byte column) in ``ast`` coordinates, or None where the value cannot be mapped
Position = tuple[int, int] | None

_PREFIX = re.compile(r"[A-Za-z]*")


def value_positions(index: SourceIndex, node: ast.Constant) -> list[Position] | None:
    """Source position of each character of ``node.value`` (one more entry: its end), or None
    when the literal's text cannot be read back (cached per index and node)."""
    table: dict[int, list[Position] | None] = index.memo("literal_positions", lambda ix: {})
    key = id(node)
    if key not in table:
        table[key] = _positions(index, node)
    return table[key]


def span_in_literal(index: SourceIndex, node: ast.Constant, start: int, end: int) -> tuple[int, int, int, int] | None:
    """``(line, col, end_line, end_col)`` (byte columns) of ``node.value[start:end]``, cut at the
    end of its first line; None when that text has no exact source position."""
    positions = value_positions(index, node)
    if positions is None or not 0 <= start < end <= len(positions) - 1:
        return None
    value = node.value
    assert isinstance(value, str)
    newline = value.find("\n", start, end)
    stop = newline if newline != -1 else end
    first, last = positions[start], positions[stop - 1] if stop > start else positions[start]
    if first is None or last is None or last[0] != first[0]:
        return None
    width = len(value[stop - 1].encode("utf-8", "surrogatepass")) if stop > start else 0
    return first[0], first[1], last[0], last[1] + width


def _positions(index: SourceIndex, node: ast.Constant) -> list[Position] | None:
    if not isinstance(node.value, str) or node.end_lineno is None or node.end_col_offset is None:
        return None
    lines = index.lines
    if not 1 <= node.lineno <= node.end_lineno <= len(lines):
        return None
    start_cp = index.code_point_col(node.lineno, node.col_offset)
    end_cp = index.code_point_col(node.end_lineno, node.end_col_offset)
    if node.lineno == node.end_lineno:
        segment = lines[node.lineno - 1][start_cp:end_cp]
    else:
        middle = lines[node.lineno : node.end_lineno - 1]
        segment = "\n".join([lines[node.lineno - 1][start_cp:], *middle, lines[node.end_lineno - 1][:end_cp]])
    # inside parentheses the parts of an implicit concatenation may sit on several lines
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO("(" + segment + ")").readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return None
    out: list[Position] = []
    text: list[str] = []
    for tok in tokens:
        if tok.type in (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.ENDMARKER):
            continue
        if tok.type == tokenize.OP and tok.string in "()":
            continue
        if tok.type != tokenize.STRING:
            return None  # an f-string part or anything else: not a plain literal
        part = _part_positions(index, node, tok, start_cp)
        if part is None:
            return None
        value, positions = part
        text.append(value)
        out += positions
    if "".join(text) != node.value:
        return None
    out.append(_end_position(index, node))
    return out


def _part_positions(
    index: SourceIndex, node: ast.Constant, tok: tokenize.TokenInfo, start_cp: int
) -> tuple[str, list[Position]] | None:
    try:
        value = ast.literal_eval(tok.string)
    except (SyntaxError, ValueError):
        return None
    if not isinstance(value, str):
        return None
    prefix = _PREFIX.match(tok.string)
    assert prefix is not None
    quote = tok.string[len(prefix.group())]
    quote = quote * 3 if tok.string[len(prefix.group()) :].startswith(quote * 3) else quote
    body = tok.string[len(prefix.group()) + len(quote) : len(tok.string) - len(quote)]
    if body != value or ("\\" in body and "r" not in prefix.group().lower()):
        return value, [None] * len(value)  # escapes were decoded: no exact place for these characters
    row, col = tok.start[0], tok.start[1] + len(prefix.group()) + len(quote)
    positions: list[Position] = []
    for ch in body:
        line = node.lineno + row - 1
        cp = col - 1 + start_cp if row == 1 else col  # the first row carries the "(" added above
        positions.append((line, _byte_col(index, line, cp)))
        if ch == "\n":
            row, col = row + 1, 0
        else:
            col += 1
    return value, positions


def _end_position(index: SourceIndex, node: ast.Constant) -> Position:
    return (node.end_lineno or node.lineno, node.end_col_offset or 0)


def _byte_col(index: SourceIndex, line: int, cp: int) -> int:
    text = index.lines[line - 1]
    return cp if text.isascii() else len(text[:cp].encode("utf-8", "surrogatepass"))
