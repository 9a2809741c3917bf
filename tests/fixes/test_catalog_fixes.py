"""Every fixable rule of the catalog: its fix turns each invalid example into the declared fixed code."""

from __future__ import annotations

import ast

import pytest

from baes.fixes.apply import fix_source
from baes.fixes.patches import PATCH_TYPES
from baes.settings.config import Settings
from baes.standards.catalog import all_rules

FIXABLE = [rule for rule in all_rules() if rule.patch_type]
CASES = [
    pytest.param(rule, example, id=f"{rule.id}-{position}")
    for rule in FIXABLE
    for position, example in enumerate(rule.invalid_examples)
    if example.fixed is not None
]


def test_the_catalog_has_fixable_rules_with_expected_fixes() -> None:
    assert CASES, "no fixable rule declares a fixed example"


@pytest.mark.parametrize("rule", FIXABLE, ids=lambda r: r.id)
def test_every_catalog_patch_type_is_dispatched(rule) -> None:
    assert rule.patch_type in PATCH_TYPES


@pytest.mark.parametrize("rule, example", CASES)
def test_fix_gives_the_declared_fixed_code(rule, example) -> None:
    settings = Settings(select=(rule.id,), rule_options={rule.id: dict(example.options)})
    outcome = fix_source(example.code, example.path, settings, include_unsafe=True, swea_type=rule.swea_type)
    assert {f.rule_id for f in outcome.applied} == {rule.id}, outcome.skipped
    assert outcome.source == example.fixed
    ast.parse(outcome.source)
    again = fix_source(outcome.source, example.path, settings, include_unsafe=True, swea_type=rule.swea_type)
    assert again.source == outcome.source
