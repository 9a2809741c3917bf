"""TE001 `no-status-code-assertion`: Flags API test files that never assert on `response.status_code`."""
from __future__ import annotations

import ast
from collections.abc import Iterator

from baes.standards.findings import Severity
from baes.standards.index import SourceIndex
from baes.standards.options import RuleOptions
from baes.standards.rule import Example, RuleContext, Violation
from baes.standards.rules.families import TESTING
from baes.standards.rules.testing.common import _in_an_assert, client_calls


def _status_attributes(index: SourceIndex) -> list[ast.AST]:
    return [n for n in index.nodes(ast.Attribute) if n.attr in ("status_code", "status")]



def _status_assertions(ctx: RuleContext[RuleOptions]) -> Iterator[Violation]:
    calls = client_calls(ctx.index)
    if calls and not _in_an_assert(ctx.index, _status_attributes(ctx.index)):
        yield Violation.at(calls[0])



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
    valid_examples=(
        Example(
            """
            def test_list(client):
                response = client.get('/students')
                assert response.status_code == 200
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

