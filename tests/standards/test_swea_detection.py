"""SWEA detection from imports, content, path, settings and the ``# baes: swea=`` comment."""

from __future__ import annotations

import pytest

from baes.settings.config import Settings
from baes.standards.engine import check_source
from baes.standards.swea_detection import detect_swea, is_test_path
from baes.swea import SWEAType


@pytest.mark.parametrize(
    "source,path,expected",
    [
        ("from fastapi import APIRouter\nrouter = APIRouter()\n", "app/routers/student.py", SWEAType.BACKEND),
        ("from pydantic import BaseModel\n", "app/models/student.py", SWEAType.BACKEND),
        ("import sqlite3\nSCHEMA_SQL = ''\n", "app/database.py", SWEAType.DATABASE),
        ("import streamlit as st\nst.title('x')\n", "ui/pages/students.py", SWEAType.FRONTEND),
        ("from fastapi.testclient import TestClient\ndef test_x():\n    pass\n", "tests/test_student.py", SWEAType.TEST),
        ("import pytest\n\ndef test_a():\n    assert True\n", "check_things.py", SWEAType.TEST),
        ("import pytest\n", "tests/conftest.py", SWEAType.TEST),
        ("import csv\n", "tools/convert.py", None),
        ("x = 1\n", "app/routers/empty.py", SWEAType.BACKEND),
        ("x = 1\n", None, None),
    ],
)
def test_detection(source: str, path: str | None, expected: SWEAType | None) -> None:
    assert detect_swea(source, path) is expected


def test_comment_directive_wins_and_can_opt_out() -> None:
    assert detect_swea("# baes: swea=backend\nimport streamlit\n", "page.py") is SWEAType.BACKEND
    assert detect_swea("#baes:swea=Database\n", None) is SWEAType.DATABASE
    assert detect_swea("# baes: swea=none\nfrom fastapi import FastAPI\n", "main.py") is None


def test_directive_inside_a_string_is_ignored_when_the_index_is_known() -> None:
    report = check_source("x = '''\n# baes: swea=test\n'''\nimport fastapi\n", path="a.py")
    assert report.swea_type is SWEAType.BACKEND


def test_settings_overrides_use_globs_relative_to_the_root(tmp_path) -> None:
    settings = Settings(swea_overrides={"legacy/**": "database", "scripts/*.py": "none"}, root=str(tmp_path))
    assert detect_swea("import fastapi\n", tmp_path / "legacy" / "deep" / "api.py", settings) is SWEAType.DATABASE
    assert detect_swea("import fastapi\n", tmp_path / "scripts" / "run.py", settings) is None
    assert detect_swea("import fastapi\n", tmp_path / "app" / "api.py", settings) is SWEAType.BACKEND


def test_forced_type_overrides_detection() -> None:
    report = check_source("import streamlit as st\n", path="page.py", swea_type="Backend")
    assert report.swea_type is SWEAType.BACKEND


def test_test_paths() -> None:
    assert is_test_path("tests/unit/helpers.py") and is_test_path("a/test_x.py") and is_test_path("x_test.py")
    assert not is_test_path("app/testing_utils.py") and not is_test_path(None)


def test_streamlit_internals_are_not_pages() -> None:
    assert detect_swea("from streamlit import config, util\n", "streamlit/runtime/credentials.py") is None
    assert detect_swea("from streamlit import title, button\n", "page.py") is SWEAType.FRONTEND
    report = check_source("from streamlit import config\nimport requests\nrequests.post('https://x.io/m', timeout=1)\n")
    assert report.swea_type is None and report.findings == ()
