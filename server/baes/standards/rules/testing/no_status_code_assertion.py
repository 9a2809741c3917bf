"""TE001 `no-status-code-assertion`: Flags API test files that never assert on `response.status_code`."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from baes.standards.findings import Severity
from baes.standards.index import SourceIndex
from baes.standards.options import RuleOptions
from baes.standards.rule import Example, RuleContext, Violation
from baes.standards.rules.families import TESTING
from baes.standards.rules.testing.common import _in_an_assert, api_calls


def _status_attributes(index: SourceIndex) -> list[ast.AST]:
    return [n for n in index.nodes(ast.Attribute) if n.attr in ("status_code", "status")]


def _status_assertions(ctx: RuleContext[RuleOptions]) -> Iterator[Violation]:
    # a fixture's request is set-up and a login post gets a token: neither is the API under test
    calls = [c for c in api_calls(ctx.index) if not c.setup and not c.auth]
    if calls and not _in_an_assert(ctx.index, _status_attributes(ctx.index)):
        yield Violation.at(calls[0].call)


RULE = TESTING.rule(
    id="TE001",
    name="no-status-code-assertion",
    summary="Flags API test files that never assert on `response.status_code`.",
    severity=Severity.WARNING,
    confidence=0.8,
    critical=False,
    message="the tests call the API but never assert on `response.status_code`",
    profiles=frozenset({"strict", "generated"}),
    why="A body can look right on an error response; the status code is the API's contract with its clients.",
    how_to_fix="`assert response.status_code == 201` after each request.",
    check=_status_assertions,
    notes=(
        "Requests made in fixtures and helper functions (set-up) and to authentication endpoints "
        "(`/login`, `/token`) do not count."
    ),
    valid_examples=(
        Example(
            """
            def test_list(client):
                response = client.get('/students')
                assert response.status_code == 200
            """,
        ),
        Example(
            """
            import pytest


            @pytest.fixture
            def token(client):
                return client.post('/auth/login', data={'username': 'a', 'password': 'b'}).json()['access_token']


            def test_token_is_a_jwt(token):
                assert token.count('.') == 2
            """,
        ),
    ),
    invalid_examples=(
        Example(
            """
            def test_list(client):
                response = client.get('/students')
                assert response.json() == []
            """,
        ),
    ),
)
