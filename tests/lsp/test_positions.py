"""``baes.lsp.positions``: lines broken where LSP breaks them, UTF-16 columns, round trips."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from baes.lsp.positions import from_lsp_position, span_to_range, split_lines
from baes.standards.findings import Span

UTF16 = PositionCodec(types.PositionEncodingKind.Utf16)


def test_split_lines_breaks_only_where_lsp_does() -> None:
    assert split_lines("a\fb\r\nc\rd\u2028e\n") == ("a\fb\r\n", "c\r", "d\u2028e\n")
    assert split_lines("") == ("",)


def test_span_to_range_counts_utf16_units_and_clamps() -> None:
    lines = split_lines('x = "😀"; y = 1\nz\n')
    rng = span_to_range(lines, Span(1, 10, 1, 11), UTF16)
    assert (rng.start.character, rng.end.character) == (11, 12)
    clamped = span_to_range(lines, Span(2, 50, 99, 0), UTF16)
    assert clamped.start == types.Position(line=1, character=1)
    assert clamped.end == types.Position(line=2, character=0)


@given(st.lists(st.sampled_from(["a", "é", "😀", "\t", " ", "\n", "\r\n", "\r", "\f"]), max_size=40).map("".join))
def test_positions_round_trip(text: str) -> None:
    lines = split_lines(text)
    for index, line in enumerate(lines, start=1):
        content = line.rstrip("\r\n")
        for column in range(len(content) + 1):
            position = span_to_range(lines, Span(index, column, index, column), UTF16).start
            assert from_lsp_position(lines, position, UTF16) == (index, column)


def test_each_line_is_measured_once_however_many_positions_are_converted() -> None:
    """Issue 15 case 2: pygls' codec rescans the line per position (8,000 findings on one line took 31 s)."""
    from baes.lsp.positions import LineUnits

    class CountingCodec(PositionCodec):
        scanned = 0

    codec = CountingCodec(types.PositionEncodingKind.Utf16)
    inner = codec.impl.code_units_for_char

    def counting(char: str) -> int:
        CountingCodec.scanned += 1
        return inner(char)

    codec.impl = type(codec.impl)()
    codec.impl.code_units_for_char = counting  # type: ignore[method-assign]
    line = "x = '😀' + " + " + ".join(["a"] * 2000) + "\n"
    units = LineUnits(split_lines(line), codec)
    positions = [span_to_range(units, Span(1, column, 1, column)).start.character for column in range(0, 6000, 3)]
    assert CountingCodec.scanned == len(line.rstrip("\n"))
    assert positions[:4] == [0, 3, 7, 10]  # the emoji (column 5) is two UTF-16 units
