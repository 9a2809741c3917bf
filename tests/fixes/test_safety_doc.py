"""docs/fixes.md's fix-safety table is generated from the patch types' declarations and up to date."""

from __future__ import annotations

from pathlib import Path

from baes.fixes.patches import PATCH_TYPES
from baes.fixes.safety_doc import END, START, safety_table, updated

DOC = Path(__file__).resolve().parents[2] / "docs" / "fixes.md"


def test_every_patch_type_says_why_it_has_its_safety() -> None:
    for name, kind in PATCH_TYPES.items():
        reason = kind.__dict__.get("safety_reason")  # declared on the class itself, not inherited
        assert isinstance(reason, str) and len(reason.split()) >= 8, name


def test_the_table_has_one_line_per_patch_type() -> None:
    lines = safety_table().splitlines()[2:]
    assert sorted(line.split("`")[1] for line in lines) == sorted(PATCH_TYPES)


def test_docs_fixes_md_is_up_to_date() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert START in text and END in text
    assert "a fix is safe only if it cannot change behaviour in any environment" in text.lower()
    assert text == updated(text), "regenerate with: PYTHONPATH=server python -m baes.fixes.safety_doc docs/fixes.md"
