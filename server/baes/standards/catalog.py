"""The registry of rules: every family's rules, sorted by id, looked up by id.

A rule lives in its own module under ``baes.standards.rules.<family>``; a family's ``__init__``
lists its rules; this module only gathers the families.
"""

from __future__ import annotations

from functools import lru_cache

from baes.standards.rule import Rule
from baes.standards.rules import backend, database, frontend, structure, testing

FAMILIES: tuple[tuple[Rule, ...], ...] = (
    structure.RULES,
    backend.RULES,
    database.RULES,
    frontend.RULES,
    testing.RULES,
)


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    """Every rule, sorted by id; ``RuntimeError`` when two rules share an id."""
    rules = tuple(rule for family in FAMILIES for rule in family)
    ids = [r.id for r in rules]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise RuntimeError(f"duplicate rule ids in the catalog: {duplicates}")
    return tuple(sorted(rules, key=lambda r: r.id))


@lru_cache(maxsize=1)
def _by_id() -> dict[str, Rule]:
    return {rule.id: rule for rule in all_rules()}


def get_rule(rule_id: str) -> Rule:
    """The rule with this id (case-insensitive); ``KeyError`` when there is none."""
    try:
        return _by_id()[str(rule_id).strip().upper()]
    except KeyError:
        raise KeyError(f"unknown rule {rule_id!r}") from None


__all__ = ["FAMILIES", "Rule", "all_rules", "get_rule"]
