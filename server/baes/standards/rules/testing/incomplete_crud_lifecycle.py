"""TE003 `incomplete-crud-lifecycle`: Flags API test files that create resources but never read, update or delete them."""
from __future__ import annotations

import ast
from collections.abc import Iterator

from baes.standards.findings import Severity
from baes.standards.options import RuleOptions
from baes.standards.rule import Example, RuleContext, Violation
from baes.standards.rules.families import TESTING
from baes.standards.rules.testing.common import client_calls


def _lifecycle(ctx: RuleContext[RuleOptions]) -> Iterator[Violation]:
    calls = client_calls(ctx.index)
    if not calls:
        return
    verbs = {c.func.attr for c in calls if isinstance(c.func, ast.Attribute)}  # client_calls are all attribute calls
    if "post" not in verbs:
        return
    missing = [v for v in ("get", "put|patch", "delete") if not any(x in verbs for x in v.split("|"))]
    if missing:
        yield Violation.at(calls[0], missing=", ".join(m.replace("|", "/").upper() for m in missing))



RULE = TESTING.rule(
    id="TE003",
    name="incomplete-crud-lifecycle",
    summary="Flags API test files that create resources but never read, update or delete them.",
    severity=Severity.INFO,
    confidence=0.7,
    critical=False,
    message="the tests create resources but never exercise {missing}",
    why="Each CRUD operation can break on its own; a suite that only creates leaves read, update and delete untested.",
    how_to_fix="Add a test that creates, reads, updates and deletes one resource and checks each response.",
    check=_lifecycle,
    profiles=frozenset({"strict", "generated"}),
    valid_examples=(
        Example(
            """
            def test_lifecycle(client):
                created = client.post('/students', json={'name': 'A'})
                assert created.status_code == 201
                sid = created.json()['id']
                assert client.get(f'/students/{sid}').status_code == 200
                assert client.put(f'/students/{sid}', json={'name': 'B'}).status_code == 200
                assert client.delete(f'/students/{sid}').status_code == 204
            """,
        ),
    ),
    invalid_examples=(
        Example(
            """
            def test_create(client):
                assert client.post('/students', json={'name': 'A'}).status_code == 201
            """,
        ),
    ),
)

