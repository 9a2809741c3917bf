"""What several backend rules share."""

from __future__ import annotations

from baes.fixes.patches import FixStatusCode
from baes.standards.findings import FixSpec
from baes.standards.patterns import (
    Route,
)


def status_fix(route: Route, expected: int) -> FixSpec:
    """The fix setting ``status_code=expected`` in a route's decorator (BE001, BE002)."""
    return FixStatusCode.spec(
        {"target_function": route.function.name, "correct_status": expected, "line": route.function.lineno},
        f"set status_code={expected}",
    )
