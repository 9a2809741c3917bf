"""The rule catalog: every rule declared once, grouped by SWEA type, looked up by id."""
from __future__ import annotations

from functools import lru_cache

from baes.standards.rule import Rule


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    """Every rule, sorted by id (imported on first use so the catalog costs nothing until needed)."""
    from baes.standards.catalog import backend, database, frontend, structure, test

    rules = structure.RULES + backend.RULES + database.RULES + frontend.RULES + test.RULES
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


__all__ = ["Rule", "all_rules", "get_rule"]
