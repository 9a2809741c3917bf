"""Regression cases of ST003 `undefined-name` that do not fit as examples (several file kinds, exact positions, fix arguments)."""

from __future__ import annotations

import pytest
from tests.standards.helpers import check, ids


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
