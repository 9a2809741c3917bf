"""The examples/ folder (the README's quick start) and the generated application's contract."""

from __future__ import annotations

from pathlib import Path

import pytest

from baes.scaffold.plan import plan_scaffold
from baes.scaffold.spec import AttributeSpec, EntitySpec, RelationshipSpec
from baes.settings.config import Settings
from baes.standards.engine import check_source

from .helpers import EXAMPLES


def _report(name: str, profile: str = "default"):
    path = EXAMPLES / name
    return check_source(path.read_text(encoding="utf-8"), path, Settings(profile=profile))


@pytest.mark.parametrize("profile", ["default", "generated", "strict"])
def test_the_clean_example_has_no_finding(profile: str) -> None:
    report = _report("clean_student_api.py", profile)
    assert report.findings == () and report.outcome == "confident_approval"


def test_the_seeded_backend_violations_are_found() -> None:
    report = _report("student_api.py")
    assert {f.rule_id for f in report.findings} == {"DB001", "DB002", "BE002", "BE003", "BE006", "ST002", "ST003"}
    assert report.outcome == "confident_rejection"


def test_the_seeded_frontend_violations_are_found() -> None:
    report = _report("student_page.py")
    assert {f.rule_id for f in report.findings} == {"FE001", "FE002", "FE003"}
    assert [f.line for f in report.findings if f.rule_id == "FE003"] == [7, 16]


def test_the_seeded_schema_violations_are_found() -> None:
    assert {f.rule_id for f in _report("student_schema.py").findings} == {"DB004"}
    assert {f.rule_id for f in _report("student_schema.py", "generated").findings} == {"DB004", "DB006"}


SPECS = [
    EntitySpec(
        "Student",
        (
            AttributeSpec("name", "str", True),
            AttributeSpec("gpa", "float", True),
            AttributeSpec("email", "email", False),
            AttributeSpec("enrolled_on", "date", False),
        ),
    ),
    EntitySpec(
        "Course",
        (AttributeSpec("title", "str", True), AttributeSpec("credits", "int", False)),
        (RelationshipSpec("Student", True),),
    ),
]


def test_every_generated_python_file_is_approved_with_zero_findings(tmp_path: Path) -> None:
    plan = plan_scaffold(tmp_path, SPECS, validate=False)
    python_files = [f for f in plan.files if f.path.endswith(".py")]
    kinds = set()
    for planned in python_files:
        for profile in ("generated", "default"):
            report = check_source(planned.content, planned.path, Settings(profile=profile))
            assert report.findings == (), (planned.path, [f.to_dict() for f in report.findings])
            assert report.outcome == "confident_approval", planned.path
        kinds.add(report.swea_type)
    assert {k.value for k in kinds if k} == {"backend", "database", "frontend", "test"}
