"""The decision math: from failed rules to an outcome and a confidence (see docs/validation.md).

One function used by the engine (``FileReport.outcome``) and by ``ValidationRuleEngine``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from baes.standards.findings import Severity

CONFIDENCE_THRESHOLD = 0.7
CONFIDENT_APPROVAL = "confident_approval"
CONFIDENT_REJECTION = "confident_rejection"
UNCERTAIN = "uncertain"

# how much one failed non-critical rule lowers the approval confidence, times its confidence
PENALTY = {Severity.ERROR: 0.15, Severity.WARNING: 0.15, Severity.INFO: 0.05, Severity.HINT: 0.05}


@dataclass(frozen=True)
class Failure:
    """One failed rule (several findings of one rule count once)."""

    rule_id: str
    confidence: float
    critical: bool
    severity: Severity


@dataclass(frozen=True)
class Decision:
    outcome: str
    confidence: float
    reason: str


def decide(failures: Iterable[Failure], *, has_code: bool, syntax_error: bool = False, internal_errors: int = 0) -> Decision:
    """Outcome of a file from its failed rules.

    * syntax error: rejection, confidence 1.0;
    * a failed critical rule: rejection with the highest confidence among them (uncertain below 0.7);
    * nothing but comments, docstrings and ``pass``: uncertain, 0.0 (nothing was judged);
    * a rule crashed: uncertain, 0.5;
    * otherwise approval with confidence ``prod(1 - PENALTY[severity] * confidence)`` over the
      failed non-critical rules; below 0.7 it is uncertain.
    """
    if syntax_error:
        return Decision(CONFIDENT_REJECTION, 1.0, "the file does not parse")
    unique: dict[str, Failure] = {}
    for failure in failures:
        unique.setdefault(failure.rule_id, failure)
    critical = [f for f in unique.values() if f.critical]
    if critical:
        confidence = round(max(f.confidence for f in critical), 4)
        ids = ", ".join(sorted(f.rule_id for f in critical))
        outcome = CONFIDENT_REJECTION if confidence >= CONFIDENCE_THRESHOLD else UNCERTAIN
        return Decision(outcome, confidence, f"critical rules failed: {ids}")
    if not has_code:
        return Decision(UNCERTAIN, 0.0, "no code to judge (only comments, docstrings or pass)")
    if internal_errors:
        return Decision(UNCERTAIN, 0.5, "a rule crashed on this file")
    confidence = 1.0
    for failure in unique.values():
        confidence *= 1.0 - PENALTY[failure.severity] * max(0.0, min(1.0, failure.confidence))
    confidence = round(confidence, 4)
    if confidence >= CONFIDENCE_THRESHOLD:
        return Decision(CONFIDENT_APPROVAL, confidence, f"{len(unique)} non-critical rules failed")
    return Decision(UNCERTAIN, confidence, f"{len(unique)} non-critical rules failed")
