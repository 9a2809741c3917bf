"""``baes scaffold`` and ``baes templates`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from baes.cli.main import main


def _files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def test_dry_run_lists_files_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "app"
    code = main(
        [
            "scaffold",
            "--entity",
            "Student",
            "--attr",
            "name:str",
            "--attr",
            "gpa:float",
            "--attr",
            "email:email?",
            "--out",
            str(out),
            "--dry-run",
        ]
    )
    assert code == 0
    printed = capsys.readouterr().out
    assert f"would create {out / 'app/routers/student.py'}" in printed
    assert "ui/pages/1_Students.py" in printed
    assert _files(out) == set()


def test_scaffold_writes_and_reports_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["scaffold", "--entity", "Course", "--attr", "title", "--out", str(tmp_path), "--format", "json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] and not data["dry_run"] and data["entity"] == "Course" and data["entity_type"] == "standard"
    assert all(f["written"] for f in data["files"])
    assert {f["path"] for f in data["files"]} == _files(tmp_path)

    code = main(
        ["scaffold", "--entity", "Student", "--attr", "name", "--ref", "Course", "--out", str(tmp_path), "--format", "json"]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert {f["path"] for f in data["files"] if f["kind"] == "edit"} == {"app/main.py", "ui/app.py"}
    assert "student_router" in (tmp_path / "app/main.py").read_text()


def test_conflict_exits_1_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scaffold", "--entity", "Course", "--attr", "title", "--out", str(tmp_path)]) == 0
    before = {p: (tmp_path / p).read_bytes() for p in _files(tmp_path)}
    capsys.readouterr()
    # --attr on an entity the app has adds to it; one it already has is refused
    assert main(["scaffold", "--entity", "Course", "--attr", "title", "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "error: entity Course: attribute 'title' is given twice" in err and err.count("nothing was written") == 1
    assert {p: (tmp_path / p).read_bytes() for p in _files(tmp_path)} == before


@pytest.mark.parametrize(
    "argv",
    [
        ["--entity", "../../etc"],
        ["--entity", "Student", "--attr", "x; import os"],
        ["--entity", "Student", "--attr", "size:blob"],
        ["--entity", "Student", "--attr", "id:int"],
        ["--entity", "Student", "--attr", "json"],
        ["--entity", "SqliteMaster"],
        ["--entity", "Student", "--ref", "../x"],
        ["a sentence", "--entity", "Student"],
        [],
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scaffold", *argv, "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err.startswith("baes scaffold:")
    assert not (tmp_path / "out").exists()


def test_out_must_be_a_folder(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    assert main(["scaffold", "--entity", "A", "--out", str(tmp_path / "file")]) == 2


def test_sentence_goes_through_the_recognizer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "app"
    sentence = "Create a system to manage university students with name, email and GPA"
    assert main(["scaffold", sentence, "--out", str(out)]) == 0
    assert "understood: create entity Student  [intent create, offline]" in capsys.readouterr().out
    models = (out / "app/models/student.py").read_text()
    assert "name: str = Field(min_length=1, max_length=200)" in models and "email: EmailStr" in models and "gpa: float" in models


def test_custom_sentence_notes_what_was_not_generated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scaffold", "Invoices with a number and a total calculated from their lines", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Invoice needs custom logic that was NOT generated (calculations" in out
    assert (tmp_path / "app/routers/invoice.py").is_file()


def test_a_sentence_naming_no_entity_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scaffold", "hello there", "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err.startswith("baes scaffold:")
    assert not (tmp_path / "out").exists()


def test_scaffolding_records_metrics(tmp_path: Path, _offline_and_isolated: Path) -> None:
    from baes.metrics.log import MetricsLog

    assert main(["scaffold", "--entity", "Room", "--attr", "number:int", "--out", str(tmp_path)]) == 0
    records = list(MetricsLog().read().records)
    assert [r.entity_name for r in records] == ["Room"]
    assert records[0].total_tokens == 0 and records[0].template_used


def test_templates_lists_every_template(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates"]) == 0
    text = capsys.readouterr().out
    assert "backend_crud_v1" in text and "frontend_page_v1" in text
    assert main(["templates", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"backend_crud_v1", "database_schema_v1", "test_crud_v1"} <= {t["template_id"] for t in data["templates"]}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entity=st.text(max_size=20), attribute=st.text(max_size=20))
def test_arbitrary_names_never_crash(tmp_path_factory: pytest.TempPathFactory, entity: str, attribute: str) -> None:
    out = tmp_path_factory.mktemp("fuzz") / "out"
    code = main(["scaffold", f"--entity={entity or 'x'}", f"--attr={attribute or 'a'}", "--out", str(out), "--dry-run"])
    assert code in (0, 2)
    assert not out.exists()
