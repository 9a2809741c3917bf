"""Smart retry: patch feasibility, targeted patch versus regeneration, tokens measured."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from baes.generation.smart_retry import REGENERATE, TARGETED, SmartRetry
from baes.standards.findings import Finding, FixSafety, FixSpec, Severity, Span

CODE = (
    "import sqlite3\n\n"
    + "".join(f"def helper_{i}(conn):\n    return conn.execute('SELECT {i}').fetchone()\n\n\n" for i in range(40))
    + "def get_connection():\n    conn = sqlite3.connect('app.db')\n    yield conn\n    conn.close()\n\n\n"
    'def count(name):\n    with get_connection() as conn:\n        return conn.execute(f"SELECT COUNT(*) FROM t WHERE name = {name}").fetchone()\n'
)
DEF_LINE = CODE.splitlines().index("def get_connection():") + 1


@dataclass
class Match:
    """Stand-in for the reference's RuleMatch (only the fields smart retry reads)."""

    rule_id: str
    passed: bool
    line_number: int | None = None


@dataclass
class Validation:
    """Stand-in for the reference's ValidationResult."""

    overall_outcome: str = "confident_rejection"
    rule_results: list[Match] = field(default_factory=list)


def decorator_finding() -> Finding:
    return Finding(
        "DB001",
        "generator used in with",
        Severity.ERROR,
        Span(DEF_LINE, 0, DEF_LINE, 3),
        "database",
        FixSpec("add_decorator", {"function_name": "get_connection", "decorator_name": "contextmanager"}, "add", FixSafety.SAFE),
    )


def test_targeted_patch_from_findings_saves_measured_tokens() -> None:
    retry = SmartRetry()
    result = retry.retry(CODE, [decorator_finding()], path="app/database.py")
    assert result.decision.strategy == TARGETED and result.decision.feasibility == 1.0
    assert result.applied == (decorator_finding(),)
    assert "@contextmanager\ndef get_connection():" in result.code
    ast.parse(result.code)
    assert 0 < result.tokens_used < result.full_regeneration_tokens
    assert result.tokens_saved == result.full_regeneration_tokens - result.tokens_used
    assert result.success


def test_validation_result_with_an_unfixable_check_means_regeneration() -> None:
    validation = Validation(rule_results=[Match("DB001", False), Match("ZZ999", False), Match("BE001", True)])
    decision = SmartRetry().assess(CODE, validation, path="app/database.py", swea_type="database")
    assert decision.strategy == REGENERATE
    assert decision.feasibility == 0.5 and decision.unfixable == ("ZZ999",)
    result = SmartRetry().retry(CODE, validation, path="app/database.py", swea_type="database")
    assert result.code == CODE and not result.success and result.tokens_saved == 0
    assert result.tokens_used == result.full_regeneration_tokens > 0


def test_validation_result_all_fixable_is_patched_through_the_engine() -> None:
    validation = Validation(rule_results=[Match("DB001", False), Match("DB002", False)])
    retry = SmartRetry()
    decision = retry.assess(CODE, validation, path="app/database.py", swea_type="database")
    assert decision.strategy == TARGETED and {f.rule_id for f in decision.fixable} == {"DB001", "DB002"}
    result = retry.retry(CODE, validation, path="app/database.py", swea_type="database")
    assert result.success and result.remaining == ()
    assert 'WHERE name = ?", (name,))' in result.code


def test_nothing_failed_and_lower_threshold() -> None:
    assert SmartRetry().assess(CODE, Validation(rule_results=[Match("DB001", True)])).strategy == "none"
    validation = Validation(rule_results=[Match("DB001", False), Match("ZZ999", False)])
    lenient = SmartRetry(min_feasibility=0.5).assess(CODE, validation, path="app/database.py", swea_type="database")
    assert lenient.strategy == TARGETED
    capped = SmartRetry(max_patches=0).assess(CODE, [decorator_finding()])
    assert capped.strategy == REGENERATE


def test_real_validation_result_of_generated_profile_rules() -> None:
    from baes.standards.validation_rules import ValidationRuleEngine

    code = (
        "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n\n"
        "@router.post('/students', response_model=dict)\ndef create_student(payload: dict):\n"
        '    """Create a student."""\n    return payload\n'
    )
    validation = ValidationRuleEngine().validate_code(code, swea_type="backend", entity_name="Student")
    assert [m.rule_id for m in validation.rule_results if not m.passed] == ["BE001"]
    result = SmartRetry().retry(code, validation, swea_type="backend")
    assert result.decision.strategy == TARGETED and result.decision.feasibility == 1.0
    assert result.success and result.remaining == ()
    assert "@router.post('/students', response_model=dict, status_code=201)" in result.code
    after = ValidationRuleEngine().validate_code(result.code, swea_type="backend", entity_name="Student")
    assert all(m.passed for m in after.rule_results)
