"""Fixes keep every line-ending style, old Mac's lone CR included (issue 15 case 8)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from baes.fixes.apply import fix_source
from baes.settings.config import Settings

EXAMPLE = (Path(__file__).resolve().parents[2] / "examples" / "student_api.py").read_text(encoding="utf-8")


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_every_fix_applies_in_every_line_ending(newline: str) -> None:
    source = EXAMPLE.replace("\n", newline)
    outcome = fix_source(source, "app/routers/student.py", Settings(profile="strict"), include_unsafe=True)
    reasons = [reason for _, reason in outcome.skipped]
    assert not [r for r in reasons if "internal error" in r], reasons
    assert outcome.applied
    ast.parse(outcome.source)
    others = {"\n", "\r\n", "\r"} - {newline}
    stripped = outcome.source.replace(newline, "")
    assert not any(other in stripped for other in others if other != "\r\n"), "a foreign line ending crept in"
