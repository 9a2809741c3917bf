"""The engine: one parse, syntax errors, crashing rules, columns, non-SWEA files, bad input."""

from __future__ import annotations

import ast
import logging

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from baes.settings.config import Settings
from baes.standards import engine
from baes.standards.engine import check_source
from baes.standards.findings import Severity
from baes.standards.rule import Example, Rule, Violation
from baes.standards.selection import SelectedRule, rules_in_force
from baes.swea import SWEAType

from .helpers import check, ids, read_example


def test_syntax_error_gives_one_st001_at_its_location() -> None:
    report = check_source("x = 1\ndef f(:\n    pass\n", path="broken.py")
    assert report.syntax_error
    assert ids(report) == ["ST001"]
    finding = report.findings[0]
    assert finding.line == 2 and finding.column == 6
    assert finding.severity is Severity.ERROR
    assert report.outcome == "confident_rejection" and report.confidence == 1.0


def test_syntax_error_column_is_in_code_points() -> None:
    report = check_source("s = 'ééé' +\n")
    assert report.syntax_error and report.findings[0].line == 1
    assert report.findings[0].column <= len("s = 'ééé' +")


@pytest.mark.parametrize("source", ["\x00\x00", "x = (" * 300 + ")" * 300, "def f(:", "\ufeffprint(1)\n", "", "\r\n\r\n"])
def test_odd_input_never_raises(source: str) -> None:
    report = check_source(source, path="odd.py")
    assert report.outcome in ("confident_approval", "confident_rejection", "uncertain")


@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_arbitrary_text_never_raises(text: str) -> None:
    for swea in (None, "backend", "test"):
        report = check_source(text, swea_type=swea, settings=Settings(profile="strict"))
        assert all(f.span.start_line >= 1 and f.span.start_col >= 0 for f in report.findings)


def test_one_parse_per_check(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = ast.parse

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(ast, "parse", counting)  # every parse in baes calls ast.parse
    source = read_example("student_api.py")
    report = check_source(source, path="examples/student_api.py", settings=Settings(profile="strict"))
    assert report.findings and len(calls) == 1


def test_a_crashing_rule_gives_st000_and_the_others_still_run(monkeypatch: pytest.MonkeyPatch, caplog) -> None:
    def explode(ctx):
        raise RuntimeError("boom")

    crashing = Rule(
        id="ST999",
        name="always-crashes",
        swea_type=None,
        severity=Severity.WARNING,
        confidence=0.5,
        critical=False,
        message="never",
        why="test",
        how_to_fix="test",
        check=explode,
        valid_examples=(Example("x = 1\n"),),
        invalid_examples=(Example("x = 1\n"),),
    )

    def with_crash(settings, path=None):
        return rules_in_force(settings, path) + (SelectedRule(crashing, Severity.WARNING, {}),)

    monkeypatch.setattr(engine, "rules_in_force", with_crash)
    with caplog.at_level(logging.ERROR, logger="baes.standards.engine"):
        report = check_source("try:\n    pass\nexcept:\n    pass\n")
    assert "ST000" in ids(report) and "ST002" in ids(report)
    st000 = [f for f in report.findings if f.rule_id == "ST000"][0]
    assert "ST999" in st000.message and "boom" in st000.message
    assert report.outcome == "uncertain"
    assert any("ST999" in r.getMessage() for r in caplog.records)


def test_columns_are_code_points_after_non_ascii_text() -> None:
    source = "x = 'héllo wörld ✓'; raise HTTPException(404)\n"
    report = check_source(source)
    finding = [f for f in report.findings if f.rule_id == "ST003"][0]
    assert source[finding.column : finding.span.end_col] == "HTTPException"


def test_non_ascii_columns_on_multibyte_lines_with_fix_kwargs() -> None:
    source = "def g(conn, nom):\n    é = conn.execute(f'SELECT * FROM t WHERE n = {nom}')  # ✓\n"
    report = check(source, "database")
    finding = [f for f in report.findings if f.rule_id == "DB002"][0]
    line = source.splitlines()[1]
    assert line[finding.column :].startswith("f'SELECT")
    assert finding.fix is not None and finding.fix.kwargs["col"] == finding.column


def test_file_without_swea_kind_gets_only_structure_rules() -> None:
    source = (
        "import csv\n\n\ndef listStudents(rows):\n    try:\n        return list(csv.reader(rows))\n"
        "    except:\n        return []\n"
    )
    report = check(source, path="tools/convert.py")
    assert report.swea_type is None
    assert set(ids(report)) == {"ST002", "ST004"}


def test_findings_are_sorted_and_carry_the_swea_type() -> None:
    report = check(read_example("student_api.py"), path="examples/student_api.py")
    positions = [(f.span.start_line, f.span.start_col) for f in report.findings]
    assert positions == sorted(positions)
    assert {f.swea_type for f in report.findings} <= {"backend", "database"}
    assert report.swea_type is SWEAType.BACKEND and report.elapsed_ms >= 0


def test_bytes_and_paths_are_accepted(tmp_path) -> None:
    report = engine.run_checks(b"import os\nprint(os.sep)\n", tmp_path / "x.py").report
    assert report.path == str(tmp_path / "x.py") and report.findings == ()


def test_rules_look_at_code_not_comments_or_strings() -> None:
    source = (
        "# raise HTTPException(404)  except:  f'SELECT {x}'\n"
        "DOC = 'conn.execute(f\"SELECT * FROM t WHERE id = {x}\")  except: HTTPException'\n"
        "print(DOC)\n"
    )
    assert check(source, "backend").findings == ()


def test_severity_override_and_outcome_with_only_warnings() -> None:
    source = "try:\n    pass\nexcept:\n    pass\n"
    report = check_source(source, settings=Settings(severity={"ST": "hint"}))
    assert report.findings[0].severity is Severity.HINT
    assert report.outcome == "confident_approval" and 0.7 <= report.confidence < 1.0


def test_violation_messages_never_break_on_missing_arguments() -> None:
    rule = Rule(
        id="ST998",
        name="x",
        swea_type=None,
        severity=Severity.INFO,
        confidence=0.5,
        critical=False,
        message="needs {missing}",
        why="w",
        how_to_fix="h",
        check=lambda ctx: iter(()),
    )
    assert rule.format_message({}) == "needs {missing}"
    assert Violation.at(ast.parse("x").body[0]).line == 1
