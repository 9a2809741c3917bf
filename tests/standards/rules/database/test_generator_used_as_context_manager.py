"""Regression cases of DB001 `generator-used-as-context-manager` that do not fit as examples (several file kinds, exact positions, fix arguments)."""

from __future__ import annotations

import pytest
from tests.standards.helpers import check, ids

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
    decorated = source.replace("def get_db", "@contextlib.contextmanager\ndef get_db").replace(
        "import sqlite3", "import contextlib\nimport sqlite3"
    )
    assert "DB001" not in ids(check(decorated, "database"))


def test_async_generator_in_async_with_wants_asynccontextmanager() -> None:
    source = "async def session():\n    yield 1\n\n\nasync def use():\n    async with session() as s:\n        return s\n"
    finding = [f for f in check(source, "backend").findings if f.rule_id == "DB001"][0]
    assert finding.fix.kwargs["decorator_name"] == "asynccontextmanager"
