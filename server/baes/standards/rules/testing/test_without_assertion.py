"""TE002 `test-without-assertion`: Flags test functions that assert nothing."""

from __future__ import annotations

import ast
from bisect import bisect_left
from collections.abc import Iterator

from baes.standards.findings import Severity
from baes.standards.index import SourceIndex, dotted_name
from baes.standards.options import RuleOptions
from baes.standards.patterns import (
    is_test_function,
)
from baes.standards.rule import Example, RuleContext, Violation
from baes.standards.rules.families import TESTING
from baes.standards.rules.testing.common import _ASSERTING_CALL, client_calls


def _assertion_lines(index: SourceIndex) -> list[int]:
    """Sorted lines holding an ``assert``, a ``raise`` or a call to an asserting helper."""
    lines = [n.lineno for n in index.nodes(ast.Assert)] + [n.lineno for n in index.nodes(ast.Raise)]
    for name, calls in index.calls_by_name.items():
        if _ASSERTING_CALL.search(name):
            lines += [c.lineno for c in calls]
    return sorted(lines)


def _empty_tests(ctx: RuleContext[RuleOptions]) -> Iterator[Violation]:
    index = ctx.index
    tests = [f for f in index.functions if is_test_function(f) and _only_marks(f)]
    if not tests:
        return
    lines = _assertion_lines(index)
    top_level = {id(s) for s in index.tree.body}
    for cls in index.nodes(ast.ClassDef):
        top_level.update(id(s) for s in cls.body)
    client_lines = sorted(c.lineno for c in client_calls(index))
    for func in tests:
        if id(func) not in top_level:
            continue
        end = func.end_lineno or func.lineno
        if _any_between(lines, func.lineno, end):
            continue
        # a test that only runs code ("nothing raises") is a real smoke test; one that calls the
        # API and ignores the answer, or does nothing at all, protects nothing
        calls_api = _any_between(client_lines, func.lineno, end)
        if calls_api or _empty_body(func):
            yield Violation.header(func, name=func.name)


def _any_between(sorted_lines: list[int], start: int, end: int) -> bool:
    """Whether a line of ``sorted_lines`` falls in ``start..end`` (a bisection, no scan)."""
    i = bisect_left(sorted_lines, start)
    return i < len(sorted_lines) and sorted_lines[i] <= end


def _empty_body(func: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return all(isinstance(s, ast.Pass) or (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant)) for s in func.body)


def _only_marks(func: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Undecorated or decorated only with pytest marks (``@pytest.mark.parametrize``), so still a test."""
    for deco in func.decorator_list:
        target = deco.func if isinstance(deco, ast.Call) else deco
        if ".mark." not in f".{dotted_name(target) or ''}.":
            return False
    return True


RULE = TESTING.rule(
    id="TE002",
    name="test-without-assertion",
    summary="Flags test functions that assert nothing.",
    severity=Severity.WARNING,
    confidence=0.8,
    critical=False,
    message="test `{name}` asserts nothing",
    why="A test without an assertion passes whatever the code does, so it protects nothing.",
    how_to_fix='Assert on the outcome (`assert response.status_code == 200`, `assert body["name"] == ...`).',
    check=_empty_tests,
    notes=(
        "Reported when the test calls the API client (`client.get(...)`) or has an empty body: real suites "
        "keep smoke tests that only check that running some code raises nothing. "
        "Scope: module-level and class-level `test*` functions, undecorated or decorated only with pytest marks. "
        "`pytest.raises`/`warns`, `raise`, and calls to helpers named like assert/check/verify/expect count as "
        "assertions."
    ),
    valid_examples=(
        Example(
            """
            import pytest


            def test_bad():
                with pytest.raises(ValueError):
                    int('x')
            """,
        ),
        Example(
            """
            def test_ok(client):
                assert client.get('/').status_code == 200
            """,
        ),
        Example(
            """
            from app.main import build


            def test_build_runs():
                build()
            """,
        ),
    ),
    invalid_examples=(
        Example(
            """
            def test_list(client):
                client.get('/students')
            """,
        ),
        Example(
            """
            def test_later():
                pass
            """,
        ),
    ),
)
