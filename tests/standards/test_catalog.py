"""Every rule's examples are its tests: valid ones give no finding of the rule, invalid ones do."""

from __future__ import annotations

import ast
import re

import pytest

from baes.settings.config import Settings
from baes.standards.catalog import all_rules, get_rule
from baes.standards.engine import check_source
from baes.standards.findings import FixSafety
from baes.standards.rule import PROFILES, Example, Rule
from baes.swea import SWEAType

RULES = all_rules()


def _swea_for(rule: Rule) -> SWEAType | None:
    if rule.swea_type is not None:
        return rule.swea_type
    return None


def _check(rule: Rule, example: Example):
    settings = Settings(select=(rule.id,), rule_options={rule.id: dict(example.options)})
    return check_source(example.code, path=example.path, settings=settings, swea_type=_swea_for(rule))


def _cases(kind: str) -> list:
    out = []
    for rule in RULES:
        for n, example in enumerate(getattr(rule, kind)):
            out.append(pytest.param(rule, example, id=f"{rule.id}-{n}"))
    return out


@pytest.mark.parametrize("rule,example", _cases("valid_examples"))
def test_valid_example_gives_no_finding(rule: Rule, example: Example) -> None:
    report = _check(rule, example)
    assert [f for f in report.findings if f.rule_id == rule.id] == []
    assert not report.syntax_error


@pytest.mark.parametrize("rule,example", _cases("invalid_examples"))
def test_invalid_example_gives_a_finding(rule: Rule, example: Example) -> None:
    report = _check(rule, example)
    found = [f for f in report.findings if f.rule_id == rule.id]
    assert found, f"{rule.id} found nothing in:\n{example.code}"
    if example.fixed is not None:
        assert any(f.fix is not None and f.fix.patch_type == rule.patch_type for f in found)


@pytest.mark.parametrize("rule,example", [c for c in _cases("invalid_examples") if c.values[1].fixed is not None])
def test_expected_fixed_code_parses_and_satisfies_the_rule(rule: Rule, example: Example) -> None:
    assert example.fixed is not None
    ast.parse(example.fixed)
    report = _check(rule, Example(example.fixed, options=example.options, path=example.path))
    assert [f for f in report.findings if f.rule_id == rule.id] == []


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_declaration_is_complete(rule: Rule) -> None:
    assert re.fullmatch(r"(BE|DB|FE|TE|ST)\d{3}", rule.id)
    prefix = {None: "ST", SWEAType.BACKEND: "BE", SWEAType.DATABASE: "DB", SWEAType.FRONTEND: "FE", SWEAType.TEST: "TE"}
    assert rule.id.startswith(prefix[rule.swea_type])
    assert 0.0 <= rule.confidence <= 1.0
    assert rule.name and rule.summary and rule.message and rule.why and rule.how_to_fix
    assert (rule.fix_safety is None) == (rule.patch_type is None)
    assert rule.profiles <= set(PROFILES) and rule.profiles
    if rule.id != "ST000":
        assert rule.invalid_examples and rule.valid_examples
    if rule.patch_type is not None:
        assert any(e.fixed is not None for e in rule.invalid_examples), "a fixable rule shows its fix"
    if rule.critical:
        assert rule.confidence >= 0.7


def test_files_of_no_swea_kind_get_only_structure_rules() -> None:
    # and BE007: a secret is one in any module (a settings module is no SWEA kind of its own)
    assert {r.id[:2] for r in RULES if r.applies_to is None and r.id != "BE007"} == {"ST"}


def test_ids_are_unique_and_sorted_and_get_rule_works() -> None:
    ids = [r.id for r in RULES]
    assert ids == sorted(set(ids))
    assert get_rule("be001") is get_rule("BE001")
    with pytest.raises(KeyError):
        get_rule("XX999")


def test_documentation_markdown_has_every_section() -> None:
    for rule in RULES:
        text = rule.documentation_markdown()
        for section in ("### What it does", "### Why it matters", "### How to fix", "### Fix safety", "### Options"):
            assert section in text, (rule.id, section)
        assert rule.id in text and rule.short_description.endswith(".")
    doc = get_rule("BE001").documentation_markdown()
    assert "```python" in doc and "Unsafe automatic fix" in doc and "`expected_status`" in doc


def test_patch_types_are_the_agreed_ones() -> None:
    agreed = {
        "add_decorator",
        "fix_status_code",
        "add_import",
        "replace_bare_except",
        "replace_literal_with_env",
        "parameterize_sql",
        "sql_create_if_not_exists",
        "add_timeout",
    }
    assert {r.patch_type for r in RULES if r.patch_type} <= agreed
    assert get_rule("ST002").fix_safety is FixSafety.UNSAFE
    assert get_rule("DB001").fix_safety is FixSafety.SAFE


def test_the_required_rule_families_exist() -> None:
    names = {r.name for r in RULES}
    for required in (
        "generator-used-as-context-manager",
        "create-route-status-code",
        "delete-route-status-code",
        "missing-not-found-error",
        "missing-response-model",
        "connection-not-injected",
        "hard-coded-address",
        "hard-coded-secret",
        "table-without-primary-key",
        "no-not-null-columns",
        "relationship-without-foreign-key",
        "foreign-key-without-index",
        "sql-built-from-strings",
        "form-input-not-validated",
        "missing-user-feedback",
        "hard-coded-api-url",
        "incomplete-crud-lifecycle",
        "missing-error-case-tests",
        "fixture-without-cleanup",
        "no-status-code-assertion",
        "bare-except",
        "undefined-name",
        "naming-convention",
        "missing-docstring",
    ):
        assert required in names


def test_the_validation_doc_lists_every_rule_with_its_profiles() -> None:
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "validation.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(): line for line in doc.splitlines() if line.startswith("| ") and line[2:4].isalpha()}
    for rule in RULES:
        row = rows.get(rule.id, "")
        profiles = ", ".join(p for p in PROFILES if p in rule.profiles)
        assert f"| {rule.name} |" in row and f"| {profiles} |" in row, rule.id
