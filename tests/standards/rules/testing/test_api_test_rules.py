"""TE001/TE003/TE004 ask only for what the tested API can answer: no PUT/DELETE tests for an API the
file never updates or deletes through, no status or error-case tests for login posts and set-up."""

from __future__ import annotations

from tests.standards.helpers import check


def _found(source: str, rule_id: str) -> list[tuple[int, str]]:
    return [(f.line, f.message) for f in check(source, "test").findings if f.rule_id == rule_id]


def test_te003_is_per_resource_and_asks_update_delete_only_when_the_api_has_them() -> None:
    read_only_api = (
        "def test_create_and_read(client):\n"
        "    sid = client.post('/students', json={'name': 'A'}).json()['id']\n"
        "    assert client.get(f'/students/{sid}').status_code == 200\n"
    )
    assert _found(read_only_api, "TE003") == []
    two_resources = read_only_api + (
        "\n\ndef test_course(client):\n"
        "    cid = client.post('/courses', json={'title': 'T'}).json()['id']\n"
        "    assert client.delete(f'/courses/{cid}').status_code == 204\n"
    )
    assert _found(two_resources, "TE003") == [
        (2, "the tests create `/students` resources but never exercise DELETE on them"),
        (7, "the tests create `/courses` resources but never exercise GET on them"),
    ]


def test_te003_set_up_posts_and_logins_create_nothing() -> None:
    source = (
        "def make_student(client):\n"
        "    return client.post('/students', json={'name': 'A'}).json()['id']\n\n\n"
        "def test_enroll(client):\n"
        "    token = client.post('/auth/login', data={'username': 'u', 'password': 'p'}).json()['access_token']\n"
        "    sid = make_student(client)\n"
        "    r = client.post('/enrollments', json={'student_id': sid}, headers={'Authorization': token})\n"
        "    assert r.status_code == 201\n"
        "    assert client.get('/enrollments').status_code == 200\n"
    )
    assert _found(source, "TE003") == []


def test_te001_and_te004_ignore_login_posts_and_set_up() -> None:
    login_only = (
        "import pytest\n\n\n@pytest.fixture\ndef token(client):\n"
        "    return client.post('/token', data={'username': 'u', 'password': 'p'}).json()['access_token']\n\n\n"
        "def test_token(token):\n    assert token\n"
    )
    assert _found(login_only, "TE001") == [] and _found(login_only, "TE004") == []
    listing = "def test_list(client):\n    assert client.get('/students').status_code == 200\n"
    assert _found(listing, "TE004") == []  # no request by id, no body: neither 404 nor 422 can come
    item = "def test_one(client):\n    assert client.get('/students/1').status_code == 200\n"
    assert [m for _, m in _found(item, "TE004")] == ["no test checks the error responses 404"]


def test_te004_counts_statuses_among_parametrize_values() -> None:
    source = (
        "import pytest\n\n\n@pytest.mark.parametrize(('sid', 'body', 'status'), [(1, {}, 422), (999, {'a': 1}, 404)])\n"
        "def test_update(client, sid, body, status):\n    assert client.put(f'/students/{sid}', json=body).status_code == status\n"
    )
    assert "TE004" not in [f.rule_id for f in check(source, "test").findings]


def test_te003_and_te004_read_the_routes_of_an_app_defined_in_the_test_file() -> None:
    app = (
        "from fastapi import FastAPI, HTTPException\n\napp = FastAPI()\n\n\n@app.post('/items')\ndef create(item: dict):\n"
        "    return item\n\n\n@app.get('/items/{item_id}')\ndef read(item_id: int):\n"
        "    raise HTTPException(status_code=404)\n\n\n"
    )
    only_posts = app + "def test_create(client):\n    assert client.post('/items', json={}).status_code == 200\n"
    rules = [f.rule_id for f in check(only_posts, "test").findings]
    assert "TE003" in rules  # the app has GET /items/{id}: reading back is expected
    no_get = app.replace("@app.get('/items/{item_id}')", "@app.get('/other/{item_id}')") + (
        "def test_create(client):\n    assert client.post('/items', json={}).status_code == 200\n"
        "    assert client.get('/other/1').status_code == 404\n"
    )
    assert "TE003" not in [f.rule_id for f in check(no_get, "test").findings]


def test_te003_takes_a_word_id_as_one_item_of_the_collection() -> None:
    source = (
        "def test_items(client):\n    assert client.post('/items', json={'id': 'foo'}).status_code == 200\n"
        "    assert client.get('/items/foo').status_code == 200\n"
    )
    assert _found(source, "TE003") == []
