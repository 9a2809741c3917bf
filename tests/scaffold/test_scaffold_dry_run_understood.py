"""``baes scaffold SENTENCE --dry-run`` shows what was understood before any file, and ``--format json``
adds the contract's ``spec`` object; a change the planner cannot make yet is shown and refused plainly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from baes.cli.main import main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_dry_run_prints_the_understood_entity_before_the_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(
        capsys,
        "scaffold",
        "Create a Crate entity with weigth; destination; an optional note",
        "--out",
        str(tmp_path),
        "--dry-run",
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("understood: create entity Crate")
    assert "  attribute     weight: float (required)" in lines
    assert "  attribute     note: str (optional)" in lines
    assert "  note: read 'weigth' as 'weight'" in lines
    first_file = next(i for i, line in enumerate(lines) if line.startswith("would create"))
    assert first_file > lines.index("  attribute     destination: str (required)")
    assert not any(tmp_path.iterdir())


def test_json_has_the_spec_object(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(
        capsys,
        "scaffold",
        "Create a Cabin with name, max guests and pets allowed (yes/no)",
        "--out",
        str(tmp_path),
        "--dry-run",
        "--format",
        "json",
    )
    data = json.loads(out)
    assert code == 0 and data["intent"] == "create"
    assert data["spec"] == {
        "entity": "Cabin",
        "attributes": [
            {"name": "name", "type": "str", "required": True},
            {"name": "max_guests", "type": "int", "required": True},
            {"name": "pets_allowed", "type": "bool", "required": True},
        ],
        "relationships": [],
        "removed": [],
        "renamed_from": None,
        "renamed_to": None,
        "defaults": {},
    }


@pytest.mark.parametrize(
    "sentence, read",
    [
        ("Remove the fax number from Supplier", "this reads as removing fields of Supplier"),
        ("rename cost to unit price in Product", "this reads as renaming a field of Product"),
    ],
)
def test_a_removal_or_rename_in_an_app_with_no_entities_says_what_was_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sentence: str, read: str
) -> None:
    code, out, err = _run(capsys, "scaffold", sentence, "--out", str(tmp_path), "--dry-run")
    assert code == 2
    assert read in err and "this app has no entities yet" in err
    assert "would create" not in out + err


@pytest.mark.parametrize(
    "sentence, intent, shown, reason",
    [
        (
            "Volunteers can join many events",
            "relationship",
            "  relationship  Volunteer <-> Event (many_to_many, join entity VolunteerEvent)",
            "scaffold Event first",
        ),
    ],
)
def test_a_change_to_an_app_without_the_entity_is_shown_then_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sentence: str, intent: str, shown: str, reason: str
) -> None:
    code, out, err = _run(capsys, "scaffold", sentence, "--out", str(tmp_path), "--dry-run")
    assert code == 1
    assert f"[intent {intent}, offline]" in err.splitlines()[0]
    assert shown in err.splitlines()
    assert reason in err
    assert "would create" not in out + err
    code, out, _ = _run(capsys, "scaffold", sentence, "--out", str(tmp_path), "--dry-run", "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["intent"] == intent and data["files"] == []
    assert data["spec"]["entity"] in ("Supplier", "Product", "Volunteer")


def test_an_unreadable_request_says_what_was_not_understood(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "scaffold", "Crear una entidad Cliente con nombre y correo", "--out", str(tmp_path), "--dry-run")
    assert code == 2
    assert "does not look like English" in err and "BAES_LLM_BASE_URL" in err
