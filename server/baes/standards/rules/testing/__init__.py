"""Test rules (TE): pytest suites that exercise a FastAPI application."""

from __future__ import annotations

from baes.standards.rule import Rule
from baes.standards.rules.testing import (
    fixture_without_cleanup,
    incomplete_crud_lifecycle,
    missing_error_case_tests,
    no_status_code_assertion,
    test_without_assertion,
)

RULES: tuple[Rule, ...] = (
    no_status_code_assertion.RULE,
    test_without_assertion.RULE,
    incomplete_crud_lifecycle.RULE,
    missing_error_case_tests.RULE,
    fixture_without_cleanup.RULE,
)
