"""BE005 `connection-not-injected`: Flags routes that open their own database connection instead of using `Depends`."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from baes.standards.findings import Severity
from baes.standards.index import call_name
from baes.standards.options import RuleOptions
from baes.standards.patterns import (
    routes,
)
from baes.standards.rule import Example, RuleContext, Violation
from baes.standards.rules.families import BACKEND

_OPENERS = frozenset({"connect", "get_connection", "get_db", "get_session", "Session", "SessionLocal"})


def _dependency_injection(ctx: RuleContext[RuleOptions]) -> Iterator[Violation]:
    index = ctx.index
    if not index.calls_to(*_OPENERS):
        return  # nothing opens a connection anywhere in the file
    for route in routes(index):
        # the first opener in ``own_nodes`` order: ``index.own`` keeps that order within a type
        for node in index.own(route.function, ast.Call):
            if call_name(node) in _OPENERS:
                yield Violation.at(node, name=route.function.name, opener=call_name(node))
                break


RULE = BACKEND.rule(
    id="BE005",
    name="connection-not-injected",
    summary="Flags routes that open their own database connection instead of using `Depends`.",
    severity=Severity.INFO,
    confidence=0.7,
    critical=False,
    message="route `{name}` opens its own connection with `{opener}()`; inject it with `Depends(get_db)`",
    why=(
        "A dependency gives each request one connection that FastAPI closes after the response, and lets "
        "tests swap the database with `app.dependency_overrides`."
    ),
    how_to_fix="Add a parameter `conn: sqlite3.Connection = Depends(get_db)` and use it.",
    check=_dependency_injection,
    profiles=frozenset({"strict", "generated"}),
    notes="Not in the default profile: opening a session inside a route is a common, working tutorial style.",
    valid_examples=(
        Example(
            """
            import sqlite3
            from fastapi import APIRouter, Depends
            from app.database import get_db

            router = APIRouter()


            @router.get('/students')
            def list_students(conn: sqlite3.Connection = Depends(get_db)) -> list[dict]:
                return [dict(r) for r in conn.execute('SELECT * FROM students')]
            """,
        ),
    ),
    invalid_examples=(
        Example(
            """
            import sqlite3
            from fastapi import APIRouter

            router = APIRouter()


            @router.get('/students')
            def list_students() -> list[dict]:
                conn = sqlite3.connect('app.db')
                return [dict(r) for r in conn.execute('SELECT * FROM students')]
            """,
        ),
    ),
)
