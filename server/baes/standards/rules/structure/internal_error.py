"""ST000 `internal-error`: Reports a rule that crashed on this file (the other rules still ran)."""

from __future__ import annotations

from baes.standards.findings import Severity
from baes.standards.rules.families import STRUCTURE
from baes.standards.rules.structure.common import _no_check

RULE = STRUCTURE.rule(
    id="ST000",
    name="internal-error",
    summary="Reports a rule that crashed on this file (the other rules still ran).",
    severity=Severity.WARNING,
    confidence=0.0,
    critical=False,
    message="internal error in rule {rule}: {error}",
    why="A rule crashed on this file; the other rules still ran. Please report it with the file.",
    how_to_fix="Nothing to fix in your code; the file's outcome is 'uncertain' until the rule is fixed.",
    check=_no_check,
)
