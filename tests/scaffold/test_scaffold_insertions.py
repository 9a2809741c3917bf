"""Minimal insertions into shared files: positions from ``ast``, user code untouched."""

from __future__ import annotations

import ast

import pytest

from baes.fixes.text_edits import apply_edits
from baes.scaffold.insertions import (
    InsertionError,
    SourceLines,
    add_imports,
    add_statements_after,
    append_to_sequence,
    merge_insertions,
    parse,
)


def _append(text: str, elements: list[str], name: str = "ITEMS") -> str:
    src = SourceLines(text, "\r\n" if "\r\n" in text else "\n")
    edit = append_to_sequence(src, parse(text, "f.py"), name, elements, "f.py")
    assert edit is not None and edit.span.start_line == edit.span.end_line
    assert edit.span.start_col == edit.span.end_col  # a pure insertion
    return apply_edits(text, [edit])


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("ITEMS = (\n    a,\n    b,\n)\n", "ITEMS = (\n    a,\n    b,\n    c,\n)\n"),
        ("ITEMS = [\n    a,\n    b\n]\n", "ITEMS = [\n    a,\n    b,\n    c,\n]\n"),
        ("ITEMS = (a, b)\n", "ITEMS = (a, b, c)\n"),
        ("ITEMS = (a,)\n", "ITEMS = (a, c,)\n"),
        ("ITEMS = ()\n", "ITEMS = (c,)\n"),
        ("ITEMS = []\n", "ITEMS = [c]\n"),
        ("ITEMS: list[int] = [\n    a,  # first\n]\n", "ITEMS: list[int] = [\n    a,\n    c,  # first\n]\n"),
        ("ITEMS = (\r\n    a,\r\n)\r\n", "ITEMS = (\r\n    a,\r\n    c,\r\n)\r\n"),
    ],
)
def test_append_to_sequence(before: str, after: str) -> None:
    assert _append(before, ["c"]) == after


def test_append_several_and_skip_present_ones() -> None:
    text = 'PAGES = [\n    st.Page("a.py", title="A"),\n]\n'
    result = _append(text, ["st.Page('a.py', title='A')", 'st.Page("b.py", title="B")', 'st.Page("c.py")'], "PAGES")
    assert result == 'PAGES = [\n    st.Page("a.py", title="A"),\n    st.Page("b.py", title="B"),\n    st.Page("c.py"),\n]\n'


def test_append_needs_a_literal() -> None:
    text = "ITEMS = make_items()\n"
    with pytest.raises(InsertionError, match="ITEMS"):
        append_to_sequence(SourceLines(text, "\n"), parse(text, "f.py"), "ITEMS", ["c"], "f.py")


def test_imports_go_after_the_last_matching_import_with_non_ascii_code() -> None:
    text = '"""Données."""\nimport os\nfrom app.routers.a import router as a_router\nfrom app.other import x  # é\n\nname = "é"\n'
    src = SourceLines(text, "\n")
    module = parse(text, "main.py")
    edit = add_imports(
        src,
        module,
        ["from app.routers.b import router as b_router", "from app.routers.a import router as a_router"],
        "app.routers",
    )
    result = apply_edits(text, [edit])
    assert result == (
        '"""Données."""\nimport os\nfrom app.routers.a import router as a_router\n'
        'from app.routers.b import router as b_router\nfrom app.other import x  # é\n\nname = "é"\n'
    )
    assert add_imports(SourceLines(result, "\n"), parse(result, "m"), ["import os"], "app.routers") is None


def test_statements_after_last_match_even_without_final_newline() -> None:
    text = "app = FastAPI()\napp.include_router(a_router)"
    module = parse(text, "main.py")

    def is_include(node: ast.stmt) -> bool:
        return isinstance(node, ast.Expr) and "include_router" in ast.unparse(node)

    edit = add_statements_after(
        SourceLines(text, "\n"), module, ["app.include_router(b_router)"], is_include, "include", "main.py"
    )
    assert apply_edits(text, [edit]) == "app = FastAPI()\napp.include_router(a_router)\napp.include_router(b_router)"
    with pytest.raises(InsertionError, match="no nothing"):
        add_statements_after(SourceLines(text, "\n"), module, ["x = 1"], lambda n: False, "nothing", "main.py")


def test_unparsable_file_is_an_insertion_error() -> None:
    with pytest.raises(InsertionError, match="does not parse"):
        parse("def broken(:\n", "app/main.py")


def test_apply_edits_in_reverse_order() -> None:
    from baes.standards.findings import Span, TextEdit

    text = "ab\ncd\n"
    edits = [TextEdit(Span(1, 1, 1, 1), "X"), TextEdit(Span(2, 0, 2, 2), "YY"), TextEdit(Span(3, 0, 3, 0), "Z\n")]
    assert apply_edits(text, edits) == "aXb\nYY\nZ\n"


def test_two_insertions_at_one_point_keep_their_order() -> None:
    # the import and the include_router call both go after the one line that holds them
    text = '"""App."""\nfrom fastapi import FastAPI; app = FastAPI()\n'
    src = SourceLines(text, "\n")
    module = parse(text, "main.py")
    edits = [
        add_imports(src, module, ["from app.routers.course import router as course_router"], "app.routers"),
        add_statements_after(
            src, module, ["app.include_router(course_router)"], lambda n: isinstance(n, ast.Assign), "app", "main.py"
        ),
    ]
    merged = merge_insertions([e for e in edits if e is not None])
    assert len(merged) == 1
    assert apply_edits(text, merged) == (
        '"""App."""\nfrom fastapi import FastAPI; app = FastAPI()\n'
        "from app.routers.course import router as course_router\napp.include_router(course_router)\n"
    )


def test_lines_break_only_where_python_does() -> None:
    text = "x = 1  # a\x0cform feed\nimport os\n"  # str.splitlines would see three lines
    src = SourceLines(text, "\n")
    edit = add_imports(src, parse(text, "f.py"), ["import sys"], "")
    assert apply_edits(text, [edit]) == text + "import sys\n"
