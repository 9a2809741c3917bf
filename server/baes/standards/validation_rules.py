"""The API reference's ``ValidationRuleEngine`` over the AST engine.

``validate_code`` checks code with the ``generated`` profile for the given SWEA type (the
contract of BAES-generated applications), adds the user's regex rules, and decides with the one
decision function of ``baes.standards.decision`` (documented in docs/validation.md).

Built-in rules are AST checks, not regexes; ``list_rules()`` represents each as a
``ValidationRule`` with ``pattern_type="must_not_have"`` and ``pattern="ast:<RULE_ID>"``, whose
``matches(code)`` runs that one check and reports ``(True, line)`` when it finds a violation.
User rules added with ``add_rule`` are regexes matched against the code with comments and string
contents blanked out, so a keyword in a comment never satisfies or violates them.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from enum import Enum

from baes.settings.config import Settings, current_flags
from baes.standards.decision import Decision, Failure, decide
from baes.standards.engine import check_source, run_checks
from baes.standards.evidence import has_evidence
from baes.standards.findings import Finding, Severity
from baes.standards.masking import mask_comments_and_strings
from baes.standards.selection import profile_rules
from baes.swea import SWEAType

PATTERN_TYPES = ("must_have", "must_not_have")
AST_PREFIX = "ast:"
_GENERATED = Settings(profile="generated")


class ValidationOutcome(Enum):
    """Validation outcome classification."""

    CONFIDENT_APPROVAL = "confident_approval"
    CONFIDENT_REJECTION = "confident_rejection"
    UNCERTAIN = "uncertain"


@dataclass
class ValidationRule:
    """One rule: a regex (``must_have``/``must_not_have``) or a built-in AST check (``ast:ID``)."""

    rule_id: str
    rule_name: str
    swea_type: SWEAType | None
    pattern: str
    pattern_type: str
    confidence: float
    message: str
    suggestion: str = ""
    enabled: bool = True
    critical: bool = False

    @property
    def is_builtin(self) -> bool:
        return self.pattern.startswith(AST_PREFIX)

    def matches(self, code: str) -> tuple[bool, int | None]:
        """Whether the pattern matches ``code``, and the 1-based line of the first match."""
        if self.is_builtin:
            return _builtin_matches(self, code)
        masked = mask_comments_and_strings(code)
        match = re.search(self.pattern, masked, re.MULTILINE)
        if match is None:
            return False, None
        return True, masked.count("\n", 0, match.start()) + 1


@dataclass
class RuleMatch:
    """Result of a single rule on one artifact."""

    rule_id: str
    rule_name: str
    passed: bool
    confidence: float
    line_number: int | None = None
    message: str = ""
    suggestion: str = ""


@dataclass
class ValidationResult:
    """Complete validation result for one code artifact (plus located findings for editors)."""

    overall_outcome: str
    confidence_score: float
    rule_results: list[RuleMatch] = field(default_factory=list)
    passed_count: int = 0
    failed_count: int = 0
    uncertain_count: int = 0
    validation_time_ms: float = 0.0
    requires_llm: bool = False
    feedback_message: str = ""
    findings: tuple[Finding, ...] = ()


def _builtin_matches(rule: ValidationRule, code: str) -> tuple[bool, int | None]:

    rule_id = rule.pattern[len(AST_PREFIX) :]
    report = check_source(code, settings=Settings(select=(rule_id,)), swea_type=rule.swea_type)
    lines = [f.line for f in report.findings if f.rule_id == rule_id]
    return (True, min(lines)) if lines else (False, None)


def builtin_validation_rules(swea_type: SWEAType | None = None) -> list[ValidationRule]:
    """The catalog's rules of the ``generated`` profile as ``ValidationRule`` objects."""

    out = []
    for rule in profile_rules("generated"):
        if rule.id in ("ST000",):
            continue
        if swea_type is not None and not rule.applies_to_swea(swea_type):
            continue
        out.append(
            ValidationRule(
                rule_id=rule.id,
                rule_name=rule.name,
                swea_type=rule.swea_type if rule.swea_type is not None else swea_type,
                pattern=AST_PREFIX + rule.id,
                pattern_type="must_not_have",
                confidence=rule.confidence,
                message=rule.short_description,
                suggestion=rule.how_to_fix,
                critical=rule.critical,
            )
        )
    return out


class ValidationRuleEngine:
    """Confidence-based validation: approve, reject, or hand over to an LLM review."""

    def __init__(self) -> None:
        self._custom: list[ValidationRule] = []

    def add_rule(self, rule: ValidationRule) -> None:
        """Add a user regex rule (``ValueError`` for an unknown pattern type or a bad regex)."""
        if rule.pattern_type not in PATTERN_TYPES:
            raise ValueError(f"pattern_type must be one of {PATTERN_TYPES}, got {rule.pattern_type!r}")
        if not rule.is_builtin:
            try:
                re.compile(rule.pattern)
            except re.error as exc:
                raise ValueError(f"rule {rule.rule_id}: invalid regex {rule.pattern!r}: {exc}") from None
        if not 0.0 <= float(rule.confidence) <= 1.0:
            raise ValueError(f"rule {rule.rule_id}: confidence must be within 0.0-1.0")
        self._custom = [r for r in self._custom if r.rule_id != rule.rule_id] + [rule]

    def list_rules(self, swea_type: str | None = None) -> list[ValidationRule]:
        """Built-in and user rules, optionally only those for one SWEA type."""
        kind = SWEAType.parse(swea_type) if swea_type is not None else None
        custom = [r for r in self._custom if kind is None or r.swea_type in (None, kind)]
        return builtin_validation_rules(kind) + custom

    def validate_code(self, code: str, swea_type: str, entity_name: str = "Entity") -> ValidationResult:
        """Validate ``code`` as a ``swea_type`` artifact of ``entity_name`` (see module docstring)."""

        started = time.perf_counter()
        kind = SWEAType.parse(swea_type)
        if not current_flags().ENABLE_RULE_VALIDATION:
            return ValidationResult(
                overall_outcome=ValidationOutcome.UNCERTAIN.value,
                confidence_score=0.0,
                validation_time_ms=(time.perf_counter() - started) * 1000.0,
                requires_llm=True,
                feedback_message="rule validation is disabled (ENABLE_RULE_VALIDATION); review needed",
            )
        run = run_checks(code, settings=_GENERATED, swea_type=kind)
        report = run.report
        results: list[RuleMatch] = []
        failures: list[Failure] = []
        uncertain = 0
        by_rule: dict[str, list[Finding]] = {}
        for finding in report.findings:
            by_rule.setdefault(finding.rule_id, []).append(finding)
        if report.syntax_error:
            for finding in by_rule.get("ST001", []):
                results.append(RuleMatch("ST001", "syntax-error", False, 1.0, finding.line, finding.message, ""))
        for sel in run.rules_run:
            rule = sel.rule
            found = by_rule.get(rule.id, [])
            first = found[0] if found else None
            results.append(
                RuleMatch(
                    rule_id=rule.id,
                    rule_name=rule.name,
                    passed=not found,
                    confidence=rule.confidence,
                    line_number=first.line if first else None,
                    message=first.message if first else "",
                    suggestion=rule.how_to_fix if first else "",
                )
            )
            if first:
                failures.append(Failure(rule.id, rule.confidence, rule.critical, sel.severity))
        for crash in by_rule.get("ST000", []):
            uncertain += 1
            results.append(RuleMatch("ST000", "internal-error", False, 0.0, crash.line, crash.message, ""))
        for custom in self._custom:
            if not custom.enabled or (custom.swea_type is not None and custom.swea_type != kind):
                continue
            matched, line = custom.matches(code)
            passed = matched if custom.pattern_type == "must_have" else not matched
            results.append(
                RuleMatch(
                    custom.rule_id,
                    custom.rule_name,
                    passed,
                    custom.confidence,
                    line,
                    "" if passed else custom.message,
                    "" if passed else custom.suggestion,
                )
            )
            if not passed:
                failures.append(Failure(custom.rule_id, custom.confidence, custom.critical, Severity.WARNING))
        if report.syntax_error:
            decision: Decision = run.decision
        else:
            decision = decide(failures, has_code=run.has_code, internal_errors=uncertain)
            if (
                decision.outcome == ValidationOutcome.CONFIDENT_APPROVAL.value
                and run.index is not None
                and not has_evidence(run.index, kind)
            ):
                decision = Decision(
                    ValidationOutcome.UNCERTAIN.value,
                    min(decision.confidence, 0.5),
                    f"no {kind.value} code found (nothing of that kind to approve)",
                )
        failed = [r for r in results if not r.passed and r.rule_id != "ST000"]
        return ValidationResult(
            overall_outcome=decision.outcome,
            confidence_score=decision.confidence,
            rule_results=results,
            passed_count=sum(1 for r in results if r.passed),
            failed_count=len(failed),
            uncertain_count=uncertain,
            validation_time_ms=(time.perf_counter() - started) * 1000.0,
            requires_llm=decision.outcome == ValidationOutcome.UNCERTAIN.value,
            feedback_message=_feedback(entity_name, kind, decision, failed),
            findings=report.findings,
        )


def _feedback(entity: str, kind: SWEAType, decision: Decision, failed: list[RuleMatch]) -> str:
    if decision.outcome == ValidationOutcome.CONFIDENT_APPROVAL.value and not failed:
        return ""
    head = f"{entity} {kind.value} code: {decision.reason} (confidence {decision.confidence:.2f})"
    lines = [head] + [
        f"- line {r.line_number or '?'}: [{r.rule_id}] {r.message}" + (f" Fix: {r.suggestion}" if r.suggestion else "")
        for r in failed
    ]
    return "\n".join(lines)


__all__ = [
    "RuleMatch",
    "ValidationOutcome",
    "ValidationResult",
    "ValidationRule",
    "ValidationRuleEngine",
]
