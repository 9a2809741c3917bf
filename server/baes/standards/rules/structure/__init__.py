"""Structure rules (ST): checks that hold for any Python file, SWEA kind or not."""

from __future__ import annotations

from baes.standards.rule import Rule
from baes.standards.rules.structure import (
    bare_except,
    http_call_without_timeout,
    internal_error,
    naming_convention,
    syntax_error,
    undefined_name,
)

RULES: tuple[Rule, ...] = (
    internal_error.RULE,
    syntax_error.RULE,
    bare_except.RULE,
    undefined_name.RULE,
    naming_convention.RULE,
    http_call_without_timeout.RULE,
)
