"""The reference's ValidationRuleEngine API and the decision math."""

from __future__ import annotations

import contextlib
import io

import pytest

from baes.standards.decision import Failure, decide
from baes.standards.findings import Severity
from baes.standards.validation_rules import (
    RuleMatch,
    ValidationOutcome,
    ValidationResult,
    ValidationRule,
    ValidationRuleEngine,
)
from baes.swea import SWEAType

from .helpers import read_example

REFERENCE_EXAMPLE = '''
from baes.standards.validation_rules import ValidationRuleEngine

# Initialize validator
validator = ValidationRuleEngine()

# Validate backend code
code = """
from fastapi import APIRouter

router = APIRouter()

@router.post("/students", status_code=201)
def create_student(student: Student):
    \'\'\'Create a new student\'\'\'
    return {"id": 1, "name": "John"}
"""

result = validator.validate_code(code, swea_type="backend", entity_name="Student")

if result.overall_outcome == "confident_approval":
    print("✅ Code approved immediately (0 tokens)")
elif result.overall_outcome == "confident_rejection":
    print(f"❌ Code rejected: {result.feedback_message}")
    for match in result.rule_results:
        if not match.passed:
            print(f"  • Line {match.line_number}: {match.message}")
else:  # uncertain
    print("⚠️ Uncertain - requires LLM review")
    # Fall back to TechLeadSWEA validation
'''

CLEAN_BACKEND = read_example("clean_student_api.py")


def test_the_reference_example_runs_as_written() -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(REFERENCE_EXAMPLE, "reference_example.py", "exec"), {})
    text = out.getvalue()
    # `Student` is never defined or imported: running that module raises NameError, so it is rejected
    assert text.startswith("❌ Code rejected:")
    assert "Line 7: `Student` is used but never imported or defined" in text


def test_keywords_in_comments_are_never_approved() -> None:
    code = "# HTTPException BaseModel Depends( try:\n# @router.post status_code=201 response_model\n"
    for swea in ("backend", "database", "frontend", "test"):
        result = ValidationRuleEngine().validate_code(code, swea)
        assert result.overall_outcome == "uncertain" and result.requires_llm
        assert result.confidence_score == 0.0


def test_a_docstring_alone_is_not_approved_either() -> None:
    result = ValidationRuleEngine().validate_code('"""HTTPException BaseModel Depends"""\npass\n', "backend")
    assert result.overall_outcome == ValidationOutcome.UNCERTAIN.value


def test_generated_style_code_is_confidently_approved_with_zero_findings() -> None:
    result = ValidationRuleEngine().validate_code(CLEAN_BACKEND, "backend", "Student")
    assert result.overall_outcome == "confident_approval" and result.confidence_score == 1.0
    assert result.findings == () and result.failed_count == 0 and not result.requires_llm
    assert result.passed_count == len(result.rule_results) > 5
    assert result.feedback_message == "" and result.validation_time_ms > 0


def test_one_failed_non_critical_rule_still_allows_approval() -> None:
    code = CLEAN_BACKEND.replace('    """Create the tables at start-up."""\n', "")
    result = ValidationRuleEngine().validate_code(code, "backend")
    assert result.failed_count == 1
    assert result.overall_outcome == "confident_approval" and result.confidence_score < 1.0
    failed = [m for m in result.rule_results if not m.passed]
    assert failed[0].rule_id == "BE008" and failed[0].line_number and failed[0].suggestion
    assert result.findings[0].span.start_line == failed[0].line_number


def test_a_critical_failure_is_a_confident_rejection_with_located_findings() -> None:
    code = CLEAN_BACKEND.replace(
        '"SELECT * FROM students WHERE id = ?", (student_id,)', 'f"SELECT * FROM students WHERE id = {student_id}"'
    )
    result = ValidationRuleEngine().validate_code(code, "backend", "Student")
    assert result.overall_outcome == "confident_rejection" and result.confidence_score >= 0.7
    assert "DB002" in result.feedback_message and "Student backend code" in result.feedback_message
    finding = [f for f in result.findings if f.rule_id == "DB002"][0]
    assert finding.span.end_col > finding.span.start_col


def test_syntax_errors_are_rejected() -> None:
    result = ValidationRuleEngine().validate_code("def f(:\n", "backend")
    assert result.overall_outcome == "confident_rejection" and result.confidence_score == 1.0
    assert result.rule_results[0].rule_id == "ST001" and not result.rule_results[0].passed


def test_user_regex_rules_skip_comments_and_strings() -> None:
    engine = ValidationRuleEngine()
    engine.add_rule(
        ValidationRule(
            "USR001",
            "uses-logging",
            SWEAType.BACKEND,
            r"\blogging\.getLogger\(",
            "must_have",
            0.9,
            "use a module logger",
            "add `log = logging.getLogger(__name__)`",
        )
    )
    engine.add_rule(
        ValidationRule(
            "USR002",
            "no-print",
            SWEAType.BACKEND,
            r"\bprint\(",
            "must_not_have",
            0.9,
            "no print",
            "use logging",
        )
    )
    in_comment = "import logging\n# logging.getLogger(__name__)\nx = 'print(1)'\n"
    result = engine.validate_code(in_comment, "backend")
    by_id = {m.rule_id: m for m in result.rule_results}
    assert not by_id["USR001"].passed and by_id["USR002"].passed
    in_code = "import logging\n\nlog = logging.getLogger(__name__)\nprint(log)\n"
    by_id = {m.rule_id: m for m in engine.validate_code(in_code, "backend").rule_results}
    assert by_id["USR001"].passed and by_id["USR001"].line_number == 3
    assert not by_id["USR002"].passed and by_id["USR002"].line_number == 4
    assert [r.rule_id for r in engine.list_rules("backend")][-2:] == ["USR001", "USR002"]
    assert "USR001" not in [r.rule_id for r in engine.list_rules("frontend")]


def test_matches_keeps_line_numbers_through_multi_line_strings() -> None:
    rule = ValidationRule("U", "u", SWEAType.BACKEND, r"HTTPException", "must_have", 0.8, "m")
    code = 'DOC = """\nHTTPException\n"""\n# HTTPException\nraise HTTPException(404)\n'
    assert rule.matches(code) == (True, 5)
    assert rule.matches("# HTTPException only\n") == (False, None)


def test_list_rules_represents_builtin_ast_rules() -> None:
    engine = ValidationRuleEngine()
    backend = engine.list_rules("backend")
    assert all(isinstance(r, ValidationRule) for r in backend)
    be001 = [r for r in backend if r.rule_id == "BE001"][0]
    assert be001.pattern == "ast:BE001" and be001.pattern_type == "must_not_have" and be001.is_builtin
    bad = "from fastapi import APIRouter\nrouter = APIRouter()\n\n@router.post('/s')\ndef create_s() -> dict:\n    return {}\n"
    assert be001.matches(bad) == (True, 4)
    assert be001.matches(bad.replace("'/s')", "'/s', status_code=201)")) == (False, None)
    frontend = {r.rule_id for r in engine.list_rules("frontend")}
    assert {"FE001", "FE002", "FE003", "ST003", "DB002"} <= frontend  # rules that check frontend files
    assert not any(i.startswith(("TE", "BE00")) for i in frontend - {"BE007"})
    assert len(engine.list_rules()) > len(backend)


def test_add_rule_refuses_bad_rules() -> None:
    engine = ValidationRuleEngine()
    with pytest.raises(ValueError):
        engine.add_rule(ValidationRule("U", "u", SWEAType.TEST, "(", "must_have", 0.5, "m"))
    with pytest.raises(ValueError):
        engine.add_rule(ValidationRule("U", "u", SWEAType.TEST, "x", "should_have", 0.5, "m"))
    with pytest.raises(ValueError):
        engine.validate_code("x = 1\n", "mobile")


def test_disabled_rule_validation_defers_to_review(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENABLE_RULE_VALIDATION", "False")
    result = ValidationRuleEngine().validate_code(CLEAN_BACKEND, "backend")
    assert result.overall_outcome == "uncertain" and result.requires_llm


def test_dataclasses_have_the_reference_fields() -> None:
    match = RuleMatch("R", "r", True, 0.9)
    assert (match.line_number, match.message, match.suggestion) == (None, "", "")
    result = ValidationResult("uncertain", 0.5)
    assert result.rule_results == [] and result.passed_count == 0 and result.requires_llm is False


def test_decision_math() -> None:
    warn = Failure("BE003", 0.8, False, Severity.WARNING)
    info = Failure("BE008", 0.9, False, Severity.INFO)
    crit = Failure("DB002", 0.9, True, Severity.ERROR)
    assert decide([], has_code=True).outcome == "confident_approval"
    assert decide([warn, warn], has_code=True).confidence == pytest.approx(1 - 0.15 * 0.8)
    assert decide([warn, info], has_code=True).confidence == pytest.approx((1 - 0.12) * (1 - 0.045))
    three = [Failure(f"W{i}", 0.9, False, Severity.WARNING) for i in range(3)]
    assert decide(three, has_code=True).outcome == "uncertain"
    assert decide([crit, warn], has_code=True).outcome == "confident_rejection"
    assert decide([Failure("X", 0.6, True, Severity.ERROR)], has_code=True).outcome == "uncertain"
    assert decide([], has_code=False).outcome == "uncertain"
    assert decide([], has_code=True, internal_errors=1).outcome == "uncertain"
    assert decide([], has_code=True, syntax_error=True).outcome == "confident_rejection"


@pytest.mark.parametrize(
    "code,swea",
    [
        ("API_PORT = 8000\nNAME = 'x'\n", "backend"),
        ("import os\n\nPATH = os.environ.get('DB', 'a.db')\n", "database"),
        ("import requests\n\nURL = 'x'\n", "frontend"),
        ("import os\n\nprint(os.sep)\n", "test"),
    ],
)
def test_code_of_another_kind_is_not_approved(code: str, swea: str) -> None:
    result = ValidationRuleEngine().validate_code(code, swea)
    assert result.overall_outcome == "uncertain" and result.confidence_score <= 0.5
    assert f"no {swea} code found" in result.feedback_message


@pytest.mark.parametrize(
    "code,swea",
    [
        ("from fastapi import FastAPI\n\napp = FastAPI()\n", "backend"),
        (
            'SCHEMA_SQL = \'CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, x TEXT NOT NULL)\'\n\n\ndef init_db(conn):\n    """Apply it."""\n    conn.executescript(SCHEMA_SQL)\n',
            "database",
        ),
        ("import streamlit as st\n\nst.title('Students')\n", "frontend"),
        ("def test_one():\n    assert 1 + 1 == 2\n", "test"),
    ],
)
def test_minimal_code_of_the_right_kind_is_approved(code: str, swea: str) -> None:
    assert ValidationRuleEngine().validate_code(code, swea).overall_outcome == "confident_approval"
