"""A fix's safety is declared once, by the patch type that implements it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from baes.fixes.apply import fix_safety
from baes.fixes.patches import PATCH_TYPES, ReplaceLiteralWithEnv
from baes.standards.catalog import all_rules
from baes.standards.findings import Finding, FixSafety, FixSpec, Severity, Span


def test_a_rule_names_its_patch_type_and_takes_its_safety_from_it() -> None:
    for rule in all_rules():
        if rule.patch is None:
            assert rule.fix_safety is None and rule.patch_type is None
            continue
        assert PATCH_TYPES[rule.patch.name] is rule.patch
        assert rule.fix_safety is rule.patch.safety


def test_a_fix_spec_carries_the_safety_of_its_patch_type_for_these_arguments() -> None:
    class Depends(ReplaceLiteralWithEnv):
        @classmethod
        def safety_for(cls, kwargs: Mapping[str, Any]) -> FixSafety:
            return FixSafety.SAFE if kwargs.get("keep_default") else FixSafety.UNSAFE

    safe = Depends.spec({"line": 1, "col": 4, "env_var": "X", "keep_default": True}, "t")
    unsafe = Depends.spec({"line": 1, "col": 4, "env_var": "X", "keep_default": False}, "t")
    assert (safe.safety, unsafe.safety) == (FixSafety.SAFE, FixSafety.UNSAFE)
    # the real one is unsafe either way: where the variable is set, the program reads it
    assert ReplaceLiteralWithEnv.spec({"line": 1, "col": 4, "env_var": "X"}, "t").safety is FixSafety.UNSAFE


def test_fix_all_asks_the_patch_type_not_the_serialised_copy() -> None:
    # a spec sent back by a client claiming "safe" for an unsafe patch type is still unsafe
    spec = FixSpec("replace_bare_except", {"line": 3}, "t", FixSafety.SAFE)
    finding = Finding("ST002", "m", Severity.WARNING, Span(3, 0, 3, 6), fix=spec)
    assert fix_safety(finding) is FixSafety.UNSAFE
    unknown = Finding("ST002", "m", Severity.WARNING, Span(3, 0, 3, 6), fix=FixSpec("no_such_patch", {}, "t", FixSafety.UNSAFE))
    assert fix_safety(unknown) is FixSafety.UNSAFE
