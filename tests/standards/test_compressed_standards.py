"""The standards texts are generated from the rule catalog and the compressed one is small."""

from __future__ import annotations

import re

import pytest

from baes.metrics.tokens import count_tokens
from baes.standards.catalog import all_rules
from baes.standards.compressed_standards import (
    CompressedBackendStandards,
    CompressedDatabaseStandards,
    CompressedFrontendStandards,
    CompressedStandards,
    CompressedTestStandards,
    rules_for,
    standards_for,
)
from baes.swea import SWEAType

CLASSES = {
    SWEAType.BACKEND: CompressedBackendStandards,
    SWEAType.DATABASE: CompressedDatabaseStandards,
    SWEAType.FRONTEND: CompressedFrontendStandards,
    SWEAType.TEST: CompressedTestStandards,
}


@pytest.mark.parametrize("swea", list(SWEAType))
def test_compressed_is_at_most_30_percent_of_full(swea: SWEAType) -> None:
    standards = CLASSES[swea]()
    compressed = standards.count_tokens(standards.get_compressed_text())
    full = standards.count_tokens(standards.get_full_text())
    assert compressed > 0
    assert compressed <= 0.30 * full, (swea, compressed, full)


@pytest.mark.parametrize("swea", list(SWEAType))
def test_every_critical_rule_is_named_with_its_requirement(swea: SWEAType) -> None:
    standards = CLASSES[swea]()
    compressed = standards.get_compressed_text()
    critical = [rule for rule in rules_for(swea) if rule.critical]
    assert critical, f"no critical rule governs {swea.value} files"
    assert {r.id for r in critical} >= {r.id for r in all_rules() if r.swea_type is swea and r.critical}
    must = compressed.split("SHOULD:")[0]
    for rule in critical:
        line = next((text for text in must.splitlines() if text.startswith(f"- {rule.id} {rule.name}:")), None)
        assert line is not None, rule.id
        first_words = " ".join(rule.how_to_fix.split()).split()[:3]
        assert " ".join(first_words).rstrip(".") in line


@pytest.mark.parametrize("swea", list(SWEAType))
def test_full_text_describes_every_rule_of_the_type(swea: SWEAType) -> None:
    full = CLASSES[swea]().get_full_text()
    own = [rule for rule in all_rules() if rule.swea_type is swea]
    assert own
    for rule in own:
        assert f"## {rule.id} {rule.name}" in full
        assert " ".join(rule.why.split()) in full
        assert " ".join(rule.how_to_fix.split()) in full
        if rule.invalid_examples:
            assert rule.invalid_examples[0].code.strip("\n") in full
    compressed = CLASSES[swea]().get_compressed_text()
    for rule in rules_for(swea):
        assert rule.id in compressed


def test_texts_follow_the_catalog_not_a_copy() -> None:
    """A different rule set gives different texts: nothing is written by hand."""
    rules = [r for r in all_rules() if r.swea_type is SWEAType.BACKEND]
    fewer = CompressedStandards(SWEAType.BACKEND, rules=rules[1:])
    assert rules[0].id not in re.findall(r"\b[A-Z]{2,3}\d{3}\b", fewer.get_full_text())
    assert fewer.get_full_text() != CompressedBackendStandards().get_full_text()


def test_count_tokens_is_tiktoken_offline() -> None:
    standards = CompressedTestStandards()
    assert standards.count_tokens("hello world") == count_tokens("hello world") == 2
    assert standards.count_tokens("") == 0
    assert standards.count_tokens("<|endoftext|>") > 1


def test_base_class_needs_a_type_and_parses_strings() -> None:
    with pytest.raises(ValueError):
        CompressedStandards()
    assert CompressedStandards("Backend").get_full_text() == CompressedBackendStandards().get_full_text()
    assert standards_for("test") is standards_for(SWEAType.TEST)


def test_reference_usage_example(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from baes.settings.config import Config

    for value, expected in (("true", "compressed"), ("false", "full")):
        monkeypatch.setenv("ENABLE_COMPRESSED_STANDARDS", value)
        standards = CompressedBackendStandards()
        if Config.ENABLE_COMPRESSED_STANDARDS == "true":
            standards_text = standards.get_compressed_text()
            print(f"Tokens: {standards.count_tokens(standards_text)}")
        else:
            standards_text = standards.get_full_text()
            print(f"Tokens: {standards.count_tokens(standards_text)}")
        prompt = f"""
Generate FastAPI backend code following these standards:

{standards_text}

Entity: Student
Attributes: name (str), gpa (float)
"""
        wanted = standards.get_compressed_text() if expected == "compressed" else standards.get_full_text()
        assert wanted in prompt
        assert capsys.readouterr().out == f"Tokens: {standards.count_tokens(wanted)}\n"
