"""TE004 `missing-error-case-tests`: Flags API test files without tests of the 404 and 422 responses."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass

from baes.standards.findings import Severity
from baes.standards.index import SourceIndex
from baes.standards.options import RuleOptions
from baes.standards.patterns import routes
from baes.standards.rule import Example, RuleContext, Violation
from baes.standards.rules.families import TESTING
from baes.standards.rules.testing.common import ApiCall, _in_an_assert, api_calls


@dataclass(frozen=True)
class ErrorCaseOptions(RuleOptions):
    """The error statuses a suite should exercise."""

    expected_statuses: tuple[int, ...] = (404, 422)


def _int_constants(index: SourceIndex) -> dict[int, list[ast.Constant]]:
    """Integer literals by value (one pass over the constants for every status code asked)."""

    def compute(ix: SourceIndex) -> dict[int, list[ast.Constant]]:
        grouped: dict[int, list[ast.Constant]] = {}
        for n in ix.nodes(ast.Constant):
            if type(n.value) is int:
                grouped.setdefault(n.value, []).append(n)
        return grouped

    return index.memo("int_constants", compute)


def _status_mentions(index: SourceIndex, code: int) -> list[ast.AST]:
    """Nodes naming the status ``code``: the number itself or ``status.HTTP_<code>_...``."""
    found: list[ast.AST] = list(_int_constants(index).get(code, ()))
    prefix = f"HTTP_{code}"
    found += [n for n in index.nodes(ast.Attribute) if n.attr.startswith(prefix)]
    return found


def _can_answer(code: int, calls: list[ApiCall], index: SourceIndex) -> bool:
    """Whether the requests of the file can meet ``code``: 404 needs a request for one resource by
    id (and, when the file defines the app's routes, a route answering 404 itself), 422 a request
    sending a body; any other status asked for is always expected."""
    if code == 404:
        return any(c.item for c in calls) and _routes_may_answer(index, code)
    if code == 422:
        return any(c.sends_body for c in calls)
    return True


def _routes_may_answer(index: SourceIndex, code: int) -> bool:
    """With the routes in the file, whether one of them names ``code`` (raises or returns it); an
    app defined elsewhere may."""
    defined = routes(index)
    if not defined:
        return True
    spans = [(r.function.lineno, r.function.end_lineno or r.function.lineno) for r in defined]
    return any(start <= getattr(node, "lineno", 0) <= end for node in _status_mentions(index, code) for start, end in spans)


def _in_parametrize(index: SourceIndex, nodes: list[ast.AST]) -> bool:
    """A status named among a test's parameters (``parametrize(..., [("/x", 404)])``): the test
    asserts the response against it."""
    spans = [(c.lineno, c.end_lineno or c.lineno) for c in index.calls_to("parametrize")]
    return any(start <= getattr(n, "lineno", 0) <= end for n in nodes for start, end in spans)


def _error_cases(ctx: RuleContext[ErrorCaseOptions]) -> Iterator[Violation]:
    index = ctx.index
    calls = [c for c in api_calls(index) if not c.auth and not c.setup]
    if not calls:
        return
    expected = [code for code in ctx.options.expected_statuses if _can_answer(code, calls, index)]
    missing = [
        str(code)
        for code in expected
        if not (_in_an_assert(index, found := _status_mentions(index, code)) or _in_parametrize(index, found))
    ]
    if missing:
        yield Violation.at(calls[0].call, missing=" and ".join(missing))


RULE = TESTING.rule(
    id="TE004",
    name="missing-error-case-tests",
    summary="Flags API test files without tests of the 404 and 422 responses.",
    severity=Severity.INFO,
    confidence=0.7,
    critical=False,
    message="no test checks the error responses {missing}",
    why="Error paths (unknown id, invalid input) are where APIs break; they need tests as much as the happy path.",
    how_to_fix="Test a missing id (`== 404`) and an invalid payload (`== 422`).",
    check=_error_cases,
    notes=(
        "404 is expected only from a file that requests a resource by id (and, when the file defines the app's "
        "routes itself, only if one of them answers 404), 422 only from one that sends a body; a status among "
        "a test's `parametrize` values counts as checked; "
        "requests in fixtures and helper functions (set-up) and to authentication endpoints (`/login`, `/token`) do not count."
    ),
    options=ErrorCaseOptions(),
    profiles=frozenset({"strict", "generated"}),
    valid_examples=(
        Example(
            """
            def test_errors(client):
                assert client.get('/students/999').status_code == 404
                assert client.post('/students', json={}).status_code == 422
            """,
        ),
        Example(
            """
            def test_list(client):
                assert client.get('/students').status_code == 200


            def test_login(client):
                response = client.post('/login', json={'username': 'a', 'password': 'wrong'})
                assert response.status_code == 401
            """,
        ),
        Example(
            """
            import pytest
            from fastapi import FastAPI
            from fastapi.testclient import TestClient

            app = FastAPI()


            @app.get('/echo/{name}')
            def echo(name: str):
                return {'name': name}


            client = TestClient(app)


            def test_echo():
                assert client.get('/echo/3').json() == {'name': '3'}


            @pytest.mark.parametrize(('payload', 'status'), [({'x': 1}, 200), ({}, 422)])
            def test_payloads(payload, status):
                assert client.get('/echo/1', params=payload).status_code == status
            """,
        ),
    ),
    invalid_examples=(
        Example(
            """
            def test_create_and_read(client):
                created = client.post('/students', json={'name': 'A'})
                assert created.status_code == 201
                assert client.get(f"/students/{created.json()['id']}").status_code == 200
            """,
        ),
    ),
)
