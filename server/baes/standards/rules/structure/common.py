"""What several structure rules share."""

from __future__ import annotations

from collections.abc import Iterator

from baes.standards.options import RuleOptions
from baes.standards.rule import RuleContext, Violation


def _no_check(ctx: RuleContext[RuleOptions]) -> Iterator[Violation]:
    """The engine itself reports these (a crash in a rule, a syntax error)."""
    return iter(())
