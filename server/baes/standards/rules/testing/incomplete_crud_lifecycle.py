"""TE003 `incomplete-crud-lifecycle`: Flags API test files that create resources but never read, update or delete them."""

from __future__ import annotations

from collections.abc import Iterator

from baes.standards.findings import Severity
from baes.standards.options import RuleOptions
from baes.standards.rule import Example, RuleContext, Violation
from baes.standards.rules.families import TESTING
from baes.standards.rules.testing.common import ApiCall, api_calls, route_verbs


def _lifecycle(ctx: RuleContext[RuleOptions]) -> Iterator[Violation]:
    calls = [c for c in api_calls(ctx.index) if not c.auth]
    # the operations the API has: the routes when the test file defines the app itself; else
    # reading back is always expected, update and delete only when the file updates or deletes
    # some resource (an API without PUT/DELETE routes is not incomplete without those tests)
    defined = route_verbs(ctx.index)
    used = {c.verb for c in calls} | {"get"}
    created: dict[str, ApiCall] = {}
    for c in calls:
        if c.verb == "post" and c.resource is not None and not c.item and not c.setup:
            created.setdefault(c.resource, c)
    for resource, first in created.items():
        has = defined.get(resource, set()) if defined is not None else used
        expected = [(label, verbs) for label, verbs in _OPERATIONS if has & set(verbs)]
        # ``/items/foo`` is one item of ``/items`` even when its id is a word
        on_it = {c.verb for c in calls if c.resource is None or resource in (c.resource, c.parent)}
        missing = [label for label, verbs in expected if not on_it & set(verbs)]
        if missing:
            yield Violation.at(first.call, resource=resource, missing=", ".join(missing))


_OPERATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("GET", ("get",)),
    ("PUT/PATCH", ("put", "patch")),
    ("DELETE", ("delete",)),
)


RULE = TESTING.rule(
    id="TE003",
    name="incomplete-crud-lifecycle",
    summary="Flags API test files that create resources but never read, update or delete them.",
    severity=Severity.INFO,
    confidence=0.7,
    critical=False,
    message="the tests create `{resource}` resources but never exercise {missing} on them",
    why="Each CRUD operation can break on its own; a suite that only creates leaves read, update and delete untested.",
    how_to_fix="Add a test that creates, reads, updates and deletes one resource and checks each response.",
    check=_lifecycle,
    notes=(
        "Per resource (the path posted to, ids dropped). When the test file defines the app's routes itself, "
        "the operations expected are the routes of that resource; otherwise GET is always expected after a "
        "create, PUT/PATCH and DELETE only when the file updates or deletes some resource (a test file cannot see "
        "imported routes, and an API without those routes is complete without those tests). Authentication posts "
        "(`/login`, `/token`) create nothing, and posts of fixtures and helper functions are set-up."
    ),
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
        Example(
            """
            def test_login_then_list(client):
                token = client.post('/auth/token', data={'username': 'a', 'password': 'b'}).json()['access_token']
                assert client.get('/students', headers={'Authorization': f'Bearer {token}'}).status_code == 200


            def test_append_only_log(client):
                created = client.post('/events', json={'kind': 'start'})
                assert client.get(f"/events/{created.json()['id']}").status_code == 200
            """,
        ),
        Example(
            """
            from fastapi import FastAPI
            from fastapi.testclient import TestClient

            app = FastAPI()


            @app.post('/notifications')
            def notify(message: dict):
                return {'sent': True}


            @app.get('/health')
            def health():
                return {'ok': True}


            client = TestClient(app)


            def test_notify():
                assert client.post('/notifications', json={'to': 'a'}).status_code == 200
                assert client.get('/health').status_code == 200
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
        Example(
            """
            def test_students(client):
                sid = client.post('/students', json={'name': 'A'}).json()['id']
                assert client.put(f'/students/{sid}', json={'name': 'B'}).status_code == 200
                assert client.delete(f'/students/{sid}').status_code == 204


            def test_courses(client):
                assert client.post('/courses', json={'title': 'X'}).status_code == 201
                assert client.get('/courses').status_code == 200
            """,
        ),
    ),
)
