"""Regression cases of BE001/BE002 (create and delete status codes) and the route rules' notion of a route that do not fit as examples (several file kinds, exact positions, fix arguments)."""

from __future__ import annotations

from tests.standards.helpers import check, ids


def test_status_code_rules_are_scoped_to_create_and_delete() -> None:
    source = (
        "from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.post('/items/')\nasync def create_item(item: dict):\n    return item\n\n\n"
        "@app.post('/token')\nasync def login(form: dict):\n    return form\n\n\n"
        "@app.delete('/items/{item_id}')\nasync def delete_item(item_id: int):\n    return {'ok': True}\n\n\n"
        "@app.delete('/tags/{tag_id}')\nasync def delete_tag(tag_id: int):\n    TAGS.pop(tag_id)\n\n\nTAGS = {}\n"
    )
    default = check(source, "backend", profile="default")
    assert "BE001" not in ids(default)  # tutorials answer 200 from create
    assert [f.line for f in default.findings if f.rule_id == "BE002"] == [21]  # null body, implicit 200
    strict = check(source, "backend")
    assert [f.line for f in strict.findings if f.rule_id == "BE001"] == [6]
    assert [f.line for f in strict.findings if f.rule_id == "BE002"] == [21]


def test_mock_patch_decorators_are_not_routes() -> None:
    source = "from unittest import mock\n\n\n@mock.patch('app.db.connect')\ndef create_thing(m):\n    return m\n"
    assert ids(check(source, "backend", select=("BE001", "BE002", "BE003", "BE004", "BE005"))) == []


def test_create_route_fix_never_rewrites_an_explicit_status() -> None:
    source = "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n\n@router.post('/s', status_code=200)\ndef create_s() -> dict:\n    return {}\n"
    [finding] = [f for f in check(source, "backend").findings if f.rule_id == "BE001"]
    assert finding.fix is None and "declares 200" in finding.message
    for status in ("204", "202", "status.HTTP_204_NO_CONTENT", "HTTPStatus.ACCEPTED"):
        assert "BE001" not in ids(check(source.replace("200", status), "backend"))


def test_create_route_that_sets_its_own_status_in_a_nested_branch() -> None:
    source = (
        "from fastapi import APIRouter, Response\n\nrouter = APIRouter()\n\n\n@router.post('/s')\n"
        "async def create_s(data: dict, response: Response) -> dict:\n    if data:\n        response.status_code = 201\n"
        "    return data\n"
    )
    assert "BE001" not in ids(check(source, "backend"))
    # a nested function's assignment is not the route's own
    nested = source.replace(
        "    if data:\n        response.status_code = 201\n", "    def inner(r):\n        r.status_code = 201\n"
    )
    assert "BE001" in ids(check(nested, "backend"))


def test_not_found_raised_two_helpers_down_or_by_a_method() -> None:
    route = (
        "from fastapi import APIRouter, HTTPException\n\nrouter = APIRouter()\n\n\n"
        "@router.get('/s/{i}')\ndef read_s(i: int, conn=None) -> dict:\n"
        "    row = conn.execute('SELECT * FROM s WHERE id = ?', (i,)).fetchone()\n    {call}\n    return dict(row)\n"
    )
    helpers = "\n\ndef missing(what):\n    raise HTTPException(404, what)\n\n\ndef check_row(row):\n    if row is None:\n        missing('s')\n"
    assert "BE003" not in ids(check(route.replace("{call}", "check_row(row)") + helpers, "backend"))
    method = "\n\nclass Rows:\n    def ensure(self, row):\n        if row is None:\n            raise LookupError\n"
    assert "BE003" not in ids(check(route.replace("{call}", "Rows().ensure(row)") + method, "backend"))
    assert "BE003" in ids(check(route.replace("{call}", "print(row)") + helpers, "backend"))
