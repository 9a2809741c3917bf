"""ST001 on a file valid for a newer Python than the running one: which version it needs, not "syntax error"."""

from __future__ import annotations

import sys

import pytest

from baes.standards.newer_syntax import newer_syntax

from ...helpers import check

PY311 = (3, 11)
NEWER = [
    ("from app.models import Base\n\n\nclass Repo[T: Base]:\n    items: list[T]\n", (3, 12), 4),
    ("x = 1\ntype Rows[T] = list[tuple[T, ...]]\n", (3, 12), 2),
    ("def first[T = int](xs: list[T]) -> T:\n    return xs[0]\n", (3, 13), 1),
    ("names = ['a']\nprint(f'{', '.join(names)}')\n", (3, 12), 2),
    ("rows = ['a']\nprint(f'{\"\\n\".join(rows)}')\n", (3, 12), 2),
    ("try:\n    pass\nexcept ValueError, TypeError:\n    pass\n", (3, 14), 3),
    ("name = 'x'\ngreeting = t'hello {name}'\n", (3, 14), 2),
]


@pytest.mark.parametrize("source,version,line", NEWER)
def test_newer_constructs_are_recognised(source: str, version: tuple[int, int], line: int) -> None:
    found = newer_syntax(source, running=PY311, screen=False)
    assert found is not None and (found.version, found.line) == (version, line)


@pytest.mark.parametrize(
    "source", ["def f(:\n    pass\n", "x = = 1\n", "print(f'{a!r:>{w}}')\n", "match x:\n    case 1:\n        pass\n"]
)
def test_real_errors_and_older_syntax_are_not_newer(source: str) -> None:
    assert newer_syntax(source, running=PY311) is None


def test_the_newest_version_needed_wins() -> None:
    found = newer_syntax("class A[T]:\n    pass\n\n\ndef f[T = int]() -> None:\n    pass\n", running=PY311)
    assert found is not None and found.version == (3, 13) and found.line == 5


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="the running Python parses PEP 695 itself")
def test_the_engine_says_which_python_and_claims_nothing() -> None:
    report = check(NEWER[0][0], "backend")
    [finding] = report.findings
    assert finding.rule_id == "ST001" and finding.severity.value == "warning"
    assert "needs Python 3.12" in finding.message and "syntax error" not in finding.message
    assert "no other rule checked" in finding.message and (finding.line, finding.span.start_col) == (4, 10)
    assert report.outcome == "uncertain" and report.confidence == 0.0
    # a real syntax error keeps its message and severity
    broken = check("def f(:\n    pass\n")
    assert broken.findings[0].message.startswith("syntax error") and broken.findings[0].severity.value == "error"


@pytest.mark.parametrize(
    "source",
    [
        "names = ['a']\nprint(f'{', '.join(names)}')\n",
        "class Box[T]:\n    item: T\n",
        "type Pair = tuple[int, int]\n",
    ],
)
def test_the_engine_still_finds_newer_syntax_behind_the_cheap_screen(source: str) -> None:
    import sys

    from baes.standards.engine import check_source

    if sys.version_info >= (3, 12):
        pytest.skip("the running Python parses these")
    (finding,) = check_source(source, "app.py").findings
    assert finding.rule_id == "ST001" and "needs Python 3.12" in finding.message


def test_an_ordinary_syntax_error_while_typing_never_reaches_libcst(monkeypatch: pytest.MonkeyPatch) -> None:
    from baes.standards import newer_syntax as module

    monkeypatch.setitem(sys.modules, "libcst", None)  # importing libcst would fail the test
    assert module.newer_syntax("def f(:\n    total = compute(row\n", error_message="invalid syntax") is None
