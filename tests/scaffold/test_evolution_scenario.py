"""The whole evolution story on a real app: every step restarts it under uvicorn with the data of
all earlier steps, reads every row back through the API, runs the generated test suite and the
generated profile (from the app's own ``pyproject.toml``)."""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import httpx
import pytest
from tests.support.served_app import served_app

from baes.cli.main import main

pytestmark = pytest.mark.slow


def _served(root: Path) -> AbstractContextManager[str]:
    """uvicorn on the app's own app.db (the lifespan applies the pending migrations)."""
    return served_app(root, {k: v for k, v in os.environ.items() if k != "BAES_DATABASE_PATH"})


def _scaffold(root: Path, *argv: str) -> None:
    assert main(["scaffold", *argv, "--out", str(root)]) == 0, argv


def _check_app(root: Path, url: str, expected: dict[str, list[dict[str, Any]]]) -> None:
    """Every row created so far is there with its values; the suite passes; the profile finds nothing."""
    for path, rows in expected.items():
        listed = httpx.get(f"{url}{path}", timeout=10)
        assert listed.status_code == 200, listed.text
        assert listed.json() == rows, path
        for row in rows:
            assert httpx.get(f"{url}{path}/{row['id']}", timeout=10).json() == row
    suite = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=root, capture_output=True, text=True, timeout=600
    )
    assert suite.returncode == 0, suite.stdout[-3000:]
    from baes.settings.loader import load_settings
    from baes.standards.engine import check_source

    settings = load_settings(root).settings
    assert settings.profile == "generated"
    findings = {}
    for file in sorted(root.rglob("*.py")):
        if ".baes" in file.parts or "__pycache__" in file.parts:
            continue
        relative = file.relative_to(root).as_posix()
        report = check_source(file.read_text(encoding="utf-8"), path=relative, settings=settings)
        if report.findings:
            findings[relative] = [(f.rule_id, f.line, f.message) for f in report.findings]
    assert findings == {}


def _create(url: str, path: str, body: dict[str, Any], expected: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    created = httpx.post(f"{url}{path}", json=body, timeout=10)
    assert created.status_code == 201, created.text
    expected.setdefault(path, []).append(created.json())
    return created.json()


def test_an_app_grows_step_by_step_without_losing_a_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "library"
    _scaffold(root, "--entity", "Author", "--attr", "name", "--attr", "born:int?")
    _scaffold(root, "--entity", "Book", "--attr", "title", "--attr", "pages:int")
    _scaffold(root, "--entity", "Reader", "--attr", "name")
    expected: dict[str, list[dict[str, Any]]] = {}
    with _served(root) as url:
        _create(url, "/authors", {"name": "Ada", "born": 1815}, expected)
        _create(url, "/authors", {"name": "Alan"}, expected)
        _create(url, "/books", {"title": "Notes", "pages": 40}, expected)
        _create(url, "/readers", {"name": "Grace"}, expected)
        _check_app(root, url, expected)

    # 1. a required attribute, with the value the old rows get
    _scaffold(root, "--entity", "Author", "--add-attr", "country", "--default", "country=unknown")
    expected["/authors"] = [{**row, "country": "unknown"} for row in expected["/authors"]]
    with _served(root) as url:
        _create(url, "/authors", {"name": "Edsger", "country": "NL"}, expected)
        _check_app(root, url, expected)

    # 2. a reference: refused without a value for the books there are, then given one
    capsys.readouterr()
    assert main(["scaffold", "--entity", "Book", "--references", "Author", "--out", str(root)]) == 1
    assert "--default author_id=VALUE" in capsys.readouterr().err
    _scaffold(root, "--entity", "Book", "--references", "Author", "--default", "author_id=1")
    expected["/books"] = [{**row, "author_id": 1} for row in expected["/books"]]
    with _served(root) as url:
        _create(url, "/books", {"title": "Lectures", "pages": 300, "author_id": 3}, expected)
        missing = httpx.post(f"{url}/books", json={"title": "X", "pages": 1, "author_id": 99}, timeout=10)
        assert missing.status_code == 409 and missing.json()["detail"] == "author_id: Author 99 does not exist"
        _check_app(root, url, expected)

    # 3. many-to-many: readers borrow books
    _scaffold(root, "--entity", "Reader", "--many-to-many", "Book")
    with _served(root) as url:
        _create(url, "/reader-books", {"reader_id": 1, "book_id": 2}, expected)
        assert [b["title"] for b in httpx.get(f"{url}/reader-books/readers/1/books", timeout=10).json()] == ["Lectures"]
        _check_app(root, url, expected)

    # 4. rename an attribute, 5. remove one
    _scaffold(root, "--entity", "Book", "--rename-attr", "pages:page_count")
    _scaffold(root, "--entity", "Author", "--remove-attr", "born")
    expected["/books"] = [{k if k != "pages" else "page_count": v for k, v in row.items()} for row in expected["/books"]]
    expected["/authors"] = [{k: v for k, v in row.items() if k != "born"} for row in expected["/authors"]]
    with _served(root) as url:
        _check_app(root, url, expected)

    # 6. rename an entity: its rows, and the links to it, follow
    _scaffold(root, "--entity", "Reader", "--rename-entity", "Member")
    expected["/members"] = expected.pop("/readers")
    expected["/reader-books"] = [
        {"id": r["id"], "member_id": r["reader_id"], "book_id": r["book_id"]} for r in expected["/reader-books"]
    ]
    with _served(root) as url:
        assert [b["title"] for b in httpx.get(f"{url}/reader-books/members/1/books", timeout=10).json()] == ["Lectures"]
        _check_app(root, url, expected)
    applied = sorted(p.name for p in (root / "migrations").glob("*.py"))
    assert len(applied) == 9, applied
