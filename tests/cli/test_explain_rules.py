"""``baes explain`` and ``baes rules`` print the catalog; docs/rules.md is generated from it."""

from __future__ import annotations

import json
from pathlib import Path

from baes.standards.catalog import all_rules, get_rule

REPO = Path(__file__).resolve().parents[2]


def test_explain_prints_the_rules_documentation(baes) -> None:
    run = baes("explain", "st002")
    assert run.code == 0
    assert run.out == get_rule("ST002").documentation_markdown()


def test_explain_every_rule(baes) -> None:
    for rule in all_rules():
        run = baes("explain", rule.id)
        assert run.code == 0 and rule.id in run.out


def test_explain_unknown_code_suggests_close_ids(baes) -> None:
    run = baes("explain", "ST02")
    assert run.code == 2
    assert "unknown rule 'ST02'" in run.err
    assert "ST002" in run.err
    nothing_close = baes("explain", "qwerty")
    assert nothing_close.code == 2 and "baes rules" in nothing_close.err


def test_rules_text_lists_every_rule(baes) -> None:
    run = baes("rules")
    assert run.code == 0
    rules = all_rules()
    for rule in rules:
        assert any(line.startswith(rule.id + " ") for line in run.out.splitlines())
    assert f"{len(rules)} rules" in run.out


def test_rules_json(baes) -> None:
    data = json.loads(baes("rules", "--format", "json").out)
    assert [entry["id"] for entry in data] == [rule.id for rule in all_rules()]
    st003 = next(entry for entry in data if entry["id"] == "ST003")
    assert st003["fixable"] is True and st003["fix_safety"] == "safe" and st003["swea_type"] == "structure"


def test_rules_filter_by_swea_type(baes) -> None:
    data = json.loads(baes("rules", "--format", "json", "--swea", "database").out)
    assert data and all(entry["swea_type"] == "database" for entry in data)
    both = json.loads(baes("rules", "--format", "json", "--swea", "database", "--swea", "structure").out)
    assert {entry["swea_type"] for entry in both} == {"database", "structure"}


def test_rules_markdown_has_every_rule_documentation(baes) -> None:
    text = baes("rules", "--format", "markdown").out
    for rule in all_rules():
        assert rule.documentation_markdown().strip() in text
        assert f'<a id="{rule.id.lower()}"></a>' in text


def test_docs_rules_md_is_up_to_date(baes) -> None:
    expected = baes("rules", "--format", "markdown").out
    current = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == expected, "regenerate with: .venv/bin/baes rules --format markdown > docs/rules.md"


def test_configuration_doc_names_every_key() -> None:
    from baes.settings.validation import CONFIG_KEYS

    text = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    for key in CONFIG_KEYS:
        assert f"`{key}`" in text, key
