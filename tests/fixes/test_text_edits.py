"""minimal_edits / apply_edits: small edits, exact round trip, overlaps refused, CRLF never split."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from baes.fixes.text_edits import LineIndex, OverlappingEditsError, apply_edits, minimal_edits
from baes.standards.findings import Span, TextEdit


@pytest.mark.parametrize(
    "old, new, expected",
    [
        pytest.param(  # separate changes give separate small edits
            "import os\n\ndef f():\n    return 1\n\n\ndef g():\n    return 2\n",
            "import os\nimport sys\n\ndef f():\n    return 1\n\n\ndef g():\n    return 3\n",
            (TextEdit(Span(2, 0, 2, 0), "import sys\n"), TextEdit(Span(8, 11, 8, 12), "3")),
            id="separate-changes",
        ),
        pytest.param(  # inserted lines next to an edited line stay separate
            "@router.post('/x')\ndef f():\n    pass\n",
            "import os\n\n@router.post(os.environ.get('X', '/x'))\ndef f():\n    pass\n",
            (TextEdit(Span(1, 0, 1, 0), "import os\n\n"), TextEdit(Span(1, 13, 1, 17), "os.environ.get('X', '/x')")),
            id="inserted-lines-next-to-an-edited-line",
        ),
    ],
)
def test_minimal_edits_are_small_and_separate(old: str, new: str, expected: tuple[TextEdit, ...]) -> None:
    edits = minimal_edits(old, new)
    assert edits == expected
    assert apply_edits(old, edits) == new


def test_equal_texts_give_no_edit() -> None:
    assert minimal_edits("x = 1\n", "x = 1\n") == ()


def test_crlf_pairs_are_never_split() -> None:
    old = "a\r\nb\r\n"
    new = "a\r\nX\r\nb\r\n"
    edits = minimal_edits(old, new)
    assert apply_edits(old, edits) == new
    index = LineIndex(old)
    for edit in edits:
        for line, col in ((edit.span.start_line, edit.span.start_col), (edit.span.end_line, edit.span.end_col)):
            offset = index.offset(line, col)
            assert not (old[offset - 1 : offset] == "\r" and old[offset : offset + 1] == "\n")


def test_overlapping_and_same_point_insertions_are_refused() -> None:
    source = "abcdef\n"
    with pytest.raises(OverlappingEditsError):
        apply_edits(source, [TextEdit(Span(1, 0, 1, 3), "x"), TextEdit(Span(1, 2, 1, 4), "y")])
    with pytest.raises(OverlappingEditsError):
        apply_edits(source, [TextEdit(Span(1, 2, 1, 2), "x"), TextEdit(Span(1, 2, 1, 2), "y")])
    # touching edits are fine
    assert apply_edits(source, [TextEdit(Span(1, 0, 1, 2), "X"), TextEdit(Span(1, 2, 1, 2), "Y")]) == "XYcdef\n"


def test_out_of_range_edits_raise_value_error() -> None:
    with pytest.raises(ValueError):
        apply_edits("ab\n", [TextEdit(Span(1, 5, 1, 6), "x")])
    with pytest.raises(ValueError):
        apply_edits("ab\n", [TextEdit(Span(9, 0, 9, 0), "x")])


def test_line_index_counts_lines_like_python() -> None:
    index = LineIndex("a\rb\r\nc\nd\x0ce")
    assert index.line_count == 4
    assert index.position(index.offset(4, 2)) == (4, 2)
    assert index.line_end(2) == 3


_TEXT = st.text(alphabet=st.sampled_from(list("ab \t\r\n#é(")), max_size=60)


@settings(max_examples=300, deadline=None)
@given(_TEXT, _TEXT)
def test_minimal_edits_round_trip(old: str, new: str) -> None:
    edits = minimal_edits(old, new)
    assert apply_edits(old, edits) == new
    assert sum(len(e.new_text) for e in edits) <= len(new) + 2 * len(edits)
