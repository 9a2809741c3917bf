"""DB001 `generator-used-as-context-manager`: Flags a generator function used in a `with` statement without `@contextmanager`."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from baes.fixes.patches import (
    AddDecorator,
)
from baes.standards.findings import Severity
from baes.standards.index import SourceIndex
from baes.standards.options import RuleOptions
from baes.standards.patterns import functions_named, is_generator, name_load_counts
from baes.standards.rule import Example, RuleContext, Violation
from baes.standards.rules.families import ALL_SWEA, DATABASE


def _with_calls(index: SourceIndex) -> dict[str, list[ast.Call]]:
    """Function name -> the ``with name(...)``/``async with name(...)`` calls using it."""
    uses: dict[str, list[ast.Call]] = {}
    with_kinds: tuple[type[ast.With | ast.AsyncWith], ...] = (ast.With, ast.AsyncWith)
    for kind in with_kinds:
        for stmt in index.nodes(kind):
            for item in stmt.items:
                expr = item.context_expr
                if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name):
                    uses.setdefault(expr.func.id, []).append(expr)
    return uses


def _generator_in_with(ctx: RuleContext[RuleOptions]) -> Iterator[Violation]:
    index = ctx.index
    for name, calls in _with_calls(index).items():
        defs = functions_named(index, name)
        if not defs or not all(not f.decorator_list and is_generator(index, f) for f in defs):
            continue
        # used any other way (Depends(name), a fixture, passed as a callable): the decorator would break it;
        # every ``with name(...)`` holds one Name of it, so any more Names are other uses (counted once per file)
        if name_load_counts(index)[name] > len(calls):
            continue
        first_use = min(c.lineno for c in calls)
        for func in defs:
            decorator = "asynccontextmanager" if isinstance(func, ast.AsyncFunctionDef) else "contextmanager"
            fix = AddDecorator.spec(
                {"function_name": name, "decorator_name": decorator, "line": func.lineno},
                f"add `@{decorator}` to `{name}`",
            )
            yield Violation.header(func, fix=fix, name=name, decorator=decorator, line=first_use)


RULE = DATABASE.rule(
    id="DB001",
    name="generator-used-as-context-manager",
    summary="Flags a generator function used in a `with` statement without `@contextmanager`.",
    severity=Severity.ERROR,
    confidence=0.95,
    critical=True,
    message="`{name}` is a generator used in a `with` statement (line {line}) without `@{decorator}`",
    why=(
        "A plain generator function returns a generator object, which has no `__enter__`/`__exit__`: "
        "`with get_connection() as conn:` fails at run time. `@contextmanager` turns it into a context "
        "manager that runs the code after `yield` (commit, rollback, close) when the block ends."
    ),
    how_to_fix="Decorate the function with `@contextmanager` (`from contextlib import contextmanager`).",
    check=_generator_in_with,
    patch=AddDecorator,
    applies_to=ALL_SWEA,
    notes=(
        "Only generators used in a `with` statement of the same file are reported. A generator used through "
        "`Depends(get_db)`, as a pytest fixture, or passed anywhere as a callable is left alone: FastAPI and "
        "pytest drive plain generators themselves, and the decorator would break them."
    ),
    valid_examples=(
        Example(
            """
            import sqlite3
            from contextlib import contextmanager


            @contextmanager
            def get_connection():
                conn = sqlite3.connect('app.db')
                try:
                    yield conn
                finally:
                    conn.close()


            def count():
                with get_connection() as conn:
                    return conn.execute('SELECT 1').fetchone()
            """,
        ),
        Example(
            """
            import sqlite3
            from fastapi import Depends, FastAPI

            app = FastAPI()


            def get_db():
                conn = sqlite3.connect('app.db')
                try:
                    yield conn
                finally:
                    conn.close()


            @app.get('/items')
            def items(conn=Depends(get_db)):
                return conn.execute('SELECT 1').fetchall()
            """,
        ),
        Example(
            """
            import pytest


            @pytest.fixture
            def db():
                conn = make()
                yield conn
                conn.close()


            def make():
                return object()
            """,
        ),
    ),
    invalid_examples=(
        Example(
            """
            import sqlite3


            def get_connection():
                conn = sqlite3.connect('app.db')
                try:
                    yield conn
                finally:
                    conn.close()


            def count():
                with get_connection() as conn:
                    return conn.execute('SELECT 1').fetchone()
            """,
            fixed="""
            from contextlib import contextmanager
            import sqlite3


            @contextmanager
            def get_connection():
                conn = sqlite3.connect('app.db')
                try:
                    yield conn
                finally:
                    conn.close()


            def count():
                with get_connection() as conn:
                    return conn.execute('SELECT 1').fetchone()
            """,
        ),
    ),
)
