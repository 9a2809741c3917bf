"""BE007 regression cases that examples cannot state: the file kinds it checks."""

from __future__ import annotations

from tests.standards.helpers import check, ids

SETTINGS = "from pydantic_settings import BaseSettings\n\n\nclass S(BaseSettings):\n    api_key: str = 'a8f5f167f44f4964e6c998dee827110c'\n"


def test_a_settings_module_of_no_swea_kind_is_checked() -> None:
    report = check(SETTINGS, path="app/core/config.py")
    assert report.swea_type is None and ids(report) == ["BE007"]


def test_test_files_are_not_checked() -> None:
    source = "import pytest\n\n\ndef test_login(client):\n    password = 'hunter22x'\n    assert client.post('/login', json={'password': password})\n"
    report = check(source, path="tests/test_login.py")
    assert report.swea_type is not None and "BE007" not in ids(report)
    assert "BE007" in ids(check(source, path="app/login.py", swea="backend"))
