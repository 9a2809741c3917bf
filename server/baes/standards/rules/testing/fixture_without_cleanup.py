"""TE005 `fixture-without-cleanup`: Flags pytest fixtures that open a connection or temporary database and never clean it up."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from baes.standards.findings import Severity
from baes.standards.index import call_name
from baes.standards.options import RuleOptions
from baes.standards.patterns import (
    is_fixture,
    is_generator,
)
from baes.standards.rule import Example, RuleContext, Violation
from baes.standards.rules.families import TESTING

_RESOURCE_OPENERS = frozenset({"connect", "create_engine", "TemporaryDirectory", "mkdtemp", "NamedTemporaryFile"})


def _fixture_cleanup(ctx: RuleContext[RuleOptions]) -> Iterator[Violation]:
    index = ctx.index
    reported: set[int] = set()
    for opener in sorted(index.calls_to(*_RESOURCE_OPENERS), key=lambda c: c.lineno):
        func = index.enclosing_function(opener)
        if func is None or id(func) in reported or not is_fixture(func):
            continue
        if is_generator(index, func):
            continue
        if any(call_name(n) in ("addfinalizer", "close", "callback") for n in index.own(func, ast.Call)):
            continue
        reported.add(id(func))
        yield Violation.header(func, name=func.name, opener=call_name(opener))


RULE = TESTING.rule(
    id="TE005",
    name="fixture-without-cleanup",
    summary="Flags pytest fixtures that open a connection or temporary database and never clean it up.",
    severity=Severity.WARNING,
    confidence=0.8,
    critical=False,
    message="fixture `{name}` opens a resource with `{opener}()` but never cleans it up",
    why="A fixture that returns an open connection or temporary database leaks it and can leak state between tests.",
    how_to_fix="`yield` the resource and close or remove it after the `yield` (or use `tmp_path`).",
    check=_fixture_cleanup,
    valid_examples=(
        Example(
            """
            import sqlite3

            import pytest


            @pytest.fixture
            def conn(tmp_path):
                connection = sqlite3.connect(tmp_path / 'test.db')
                yield connection
                connection.close()
            """,
        ),
    ),
    invalid_examples=(
        Example(
            """
            import sqlite3

            import pytest


            @pytest.fixture
            def conn(tmp_path):
                return sqlite3.connect(tmp_path / 'test.db')
            """,
        ),
    ),
)
