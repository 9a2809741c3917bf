"""Lessons from real code: what the rules must not flag, and what they must."""
from __future__ import annotations

import pytest

from .helpers import check, ids

GENERATOR = (
    "import sqlite3\n\n\ndef get_db():\n    conn = sqlite3.connect('app.db')\n    try:\n        yield conn\n"
    "    finally:\n        conn.close()\n\n\n"
)


@pytest.mark.parametrize(
    "usage",
    [
        "from fastapi import Depends, FastAPI\n\napp = FastAPI()\n\n\n@app.get('/x')\ndef x(conn=Depends(get_db)):\n    return 1\n",
        "from typing import Annotated\nfrom fastapi import Depends\n\nDb = Annotated[object, Depends(get_db)]\n",
        "app.dependency_overrides[get_db] = get_db\n",
        "def run(factory):\n    return next(factory())\n\n\nrun(get_db)\n",
        "def test_x():\n    conn = next(get_db())\n    assert conn\n",
        "def count():\n    with get_db() as conn:\n        return 1\n\n\nFACTORY = get_db\n",
    ],
)
def test_connection_generators_driven_by_others_are_left_alone(usage: str) -> None:
    source = GENERATOR + usage
    for swea in ("backend", "database", "test"):
        assert "DB001" not in ids(check(source, swea)), usage


def test_a_pytest_fixture_generator_is_left_alone() -> None:
    source = (
        "import sqlite3\n\nimport pytest\n\n\n@pytest.fixture\ndef conn(tmp_path):\n"
        "    c = sqlite3.connect(tmp_path / 'db')\n    yield c\n    c.close()\n"
    )
    assert ids(check(source, "test")) == []


def test_only_a_with_statement_without_the_decorator_is_a_bug() -> None:
    source = GENERATOR + "def count():\n    with get_db() as conn:\n        return conn.execute('SELECT 1').fetchone()\n"
    report = check(source, "database")
    finding = [f for f in report.findings if f.rule_id == "DB001"][0]
    assert finding.line == 4 and finding.fix is not None
    assert finding.fix.kwargs == {"function_name": "get_db", "decorator_name": "contextmanager", "line": 4}
    decorated = source.replace("def get_db", "@contextlib.contextmanager\ndef get_db").replace("import sqlite3", "import contextlib\nimport sqlite3")
    assert "DB001" not in ids(check(decorated, "database"))


def test_async_generator_in_async_with_wants_asynccontextmanager() -> None:
    source = (
        "async def session():\n    yield 1\n\n\nasync def use():\n    async with session() as s:\n        return s\n"
    )
    finding = [f for f in check(source, "backend").findings if f.rule_id == "DB001"][0]
    assert finding.fix.kwargs["decorator_name"] == "asynccontextmanager"


@pytest.mark.parametrize(
    "source",
    [
        "API_PORT = 8000\n",
        "import os\n\nAPI_URL = os.environ.get('API_URL', 'http://localhost:8000')\n",
        "API_URL = 'http://localhost:8000'\nHOST = '0.0.0.0'\n",
        "import os\n\nimport uvicorn\n\nAPI_PORT = 8000\n\n\ndef main(app):\n    uvicorn.run(app, host=os.getenv('HOST', '127.0.0.1'), port=API_PORT)\n",
        "import requests\n\nAPI_URL = 'http://localhost:8000'\n\n\ndef load():\n    return requests.get(f'{API_URL}/students', timeout=5)\n",
        "import streamlit as st\n\nst.markdown('[docs](https://example.com/docs)')\nst.link_button('Docs', 'https://example.com')\n",
        "from fastapi.responses import RedirectResponse\n\n\ndef go():\n    return RedirectResponse('https://typer.tiangolo.com')\n",
    ],
)
def test_configuration_constants_are_not_hard_coded_values(source: str) -> None:
    for swea in ("backend", "frontend", "database"):
        assert not {"BE006", "FE003"} & set(ids(check(source, swea))), (swea, source)


@pytest.mark.parametrize(
    "source,rule",
    [
        ("import uvicorn\n\n\ndef main(app):\n    uvicorn.run(app, host='0.0.0.0', port=8000)\n", "BE006"),
        ("import requests\n\n\ndef load():\n    return requests.get('http://localhost:8000/students', timeout=5)\n", "BE006"),
        ("import httpx\n\nclient = httpx.Client(base_url='http://api.internal:8000')\n", "BE006"),
    ],
)
def test_literals_passed_straight_into_calls_are_hard_coded(source: str, rule: str) -> None:
    assert rule in ids(check(source, "backend"))


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


def test_status_code_styles_are_understood() -> None:
    for value in ("201", "status.HTTP_201_CREATED", "HTTPStatus.CREATED"):
        source = (
            "from http import HTTPStatus\nfrom fastapi import APIRouter, status\n\nrouter = APIRouter()\n\n\n"
            f"@router.post('/s', status_code={value})\ndef create_s() -> dict:\n    return {{}}\n"
        )
        assert "BE001" not in ids(check(source, "backend")), value
    source = "from fastapi import APIRouter\n\nrouter = APIRouter()\nCODE = 201\n\n\n@router.post('/s', status_code=CODE)\ndef create_s() -> dict:\n    return {}\n"
    assert "BE001" not in ids(check(source, "backend"))


def test_a_return_annotation_counts_as_a_response_model() -> None:
    source = "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n\n@router.get('/s')\ndef list_s() -> list[dict]:\n    return []\n"
    assert "BE004" not in ids(check(source, "backend"))
    assert "BE004" in ids(check(source.replace(" -> list[dict]", ""), "backend"))


def test_mock_patch_decorators_are_not_routes() -> None:
    source = (
        "from unittest import mock\n\n\n@mock.patch('app.db.connect')\ndef create_thing(m):\n    return m\n"
    )
    assert ids(check(source, "backend", select=("BE001", "BE002", "BE003", "BE004", "BE005"))) == []


@pytest.mark.parametrize(
    "source",
    [
        "def f():\n    return [y for y in range(3) if y]\n",
        "class A:\n    attr = 1\n\n    def m(self):\n        return attr_helper(self)\n\n\ndef attr_helper(x):\n    return x\n",
        "def outer():\n    def inner():\n        return value\n    value = 1\n    return inner\n",
        "import os.path\n\nprint(os.path.join('a'))\n",
        "try:\n    import tomllib\nexcept ImportError:\n    tomllib = None\nprint(tomllib)\n",
        "match command:\n    case {'x': px, **rest}:\n        print(px, rest)\n    case [first, *others]:\n        print(first, others)\n    case Point(x=0) as p:\n        print(p)\n",
        "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from app.models import Student\n\n\ndef f(s: 'Student') -> None:\n    print(s)\n",
        "def f():\n    exec('x = 1')\n    return x\n",
        "print(__file__, __name__, __doc__, __builtins__)\n",
        "from x import *\n\nprint(anything)\n",
        "def f(*args, **kwargs):\n    lam = lambda q, *r: (q, r)\n    return lam(args, kwargs)\n",
        "with open('f') as (a, b):\n    print(a, b)\nfor i, (j, k) in []:\n    print(i, j, k)\n",
        "class C:\n    def __init__(self):\n        print(__class__)\n",
        "def f():\n    global G\n    G = 1\n\n\nprint(G)\n",
    ],
)
def test_missing_imports_do_not_misfire_on_scoping(source: str) -> None:
    if source.startswith("match command"):
        source = "command = {}\n\n\nclass Point:\n    __match_args__ = ('x',)\n\n\n" + source
    assert "ST003" not in ids(check(source)), source


@pytest.mark.parametrize(
    "name,statement",
    [
        ("HTTPException", "from fastapi import HTTPException"),
        ("Depends", "from fastapi import Depends"),
        ("APIRouter", "from fastapi import APIRouter"),
        ("status", "from fastapi import status"),
        ("BaseModel", "from pydantic import BaseModel"),
        ("contextmanager", "from contextlib import contextmanager"),
        ("sqlite3", "import sqlite3"),
        ("pytest", "import pytest"),
        ("TestClient", "from fastapi.testclient import TestClient"),
        ("st", "import streamlit as st"),
        ("os", "import os"),
    ],
)
def test_missing_imports_of_known_names_come_with_a_fix(name: str, statement: str) -> None:
    report = check(f"def f():\n    return {name}\n")
    finding = [f for f in report.findings if f.rule_id == "ST003"][0]
    assert finding.fix is not None and finding.fix.kwargs == {"import_statement": statement}
    assert finding.fix.patch_type == "add_import"


def test_unknown_missing_names_have_no_fix_and_reject_the_file() -> None:
    report = check("def f():\n    return frobnicate()\n")
    assert ids(report) == ["ST003"] and report.findings[0].fix is None
    assert report.outcome == "confident_rejection"


def test_sql_through_local_variables_and_safe_patterns() -> None:
    unsafe = "def f(conn, name):\n    sql = f\"SELECT * FROM t WHERE name = '{name}'\"\n    return conn.execute(sql)\n"
    report = check(unsafe, "database")
    finding = [f for f in report.findings if f.rule_id == "DB002"][0]
    assert finding.line == 3 and "through `sql`" in finding.message and finding.fix is None
    safe = (
        "def f(conn, ids):\n    marks = ', '.join('?' for _ in ids)\n"
        "    return conn.execute(f'SELECT * FROM t WHERE id IN ({marks})', tuple(ids))\n"
    )
    assert "DB002" not in ids(check(safe, "database"))


def test_sql_rules_read_only_strings_that_reach_execute() -> None:
    source = "HELP = 'CREATE TABLE t (x TEXT)'\nprint(HELP)\n"
    assert ids(check(source, "database")) == []
    source = "SCHEMA_SQL = 'CREATE TABLE t (x TEXT)'\n\n\ndef init(conn):\n    conn.executescript(SCHEMA_SQL)\n"
    assert {"DB003", "DB004", "DB005"} <= set(ids(check(source, "database")))


def test_sql_in_any_module_constant_that_reaches_execute_is_read() -> None:
    source = "STUDENTS = 'CREATE TABLE students (name TEXT)'\n\n\ndef init(conn):\n    conn.execute(STUDENTS)\n"
    assert {"DB003", "DB004"} <= set(ids(check(source, "database")))
