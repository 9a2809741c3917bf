"""Coding-standards texts for LLM prompts, generated from the rule catalog.

Both texts are built from the same ``Rule`` declarations the validator runs, so what the
LLM is told and what the engine checks cannot disagree. The full text gives every rule of a
SWEA type with its name, message, reasons, fix and examples; the compressed text keeps one
terse imperative line per rule (id, name, how to comply), critical rules first, which keeps
it far below a third of the full text in tokens.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Sequence
from typing import ClassVar

from baes.metrics.tokens import count_tokens as _count_tokens
from baes.standards.catalog import all_rules
from baes.standards.rule import Rule
from baes.swea import SWEAType

_PLACEHOLDER = re.compile(r"\{(\w+)[^{}]*\}")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")

_TITLES = {
    SWEAType.BACKEND: "FastAPI backend",
    SWEAType.DATABASE: "SQLite database layer",
    SWEAType.FRONTEND: "Streamlit frontend",
    SWEAType.TEST: "pytest tests",
}


def rules_for(swea_type: SWEAType, rules: Iterable[Rule] | None = None) -> tuple[Rule, ...]:
    """The rules that govern files of ``swea_type``: its own, plus structure rules that apply to it."""
    if rules is None:
        rules = all_rules()
    selected = [
        rule
        for rule in rules
        # a rule with confidence 0 decides nothing (the engine's internal-error report)
        if rule.confidence > 0 and (rule.swea_type is swea_type or (rule.swea_type is None and rule.applies_to_swea(swea_type)))
    ]
    return tuple(sorted(selected, key=lambda rule: (not rule.critical, rule.id)))


def _message_text(rule: Rule) -> str:
    """The rule's message template with its ``{placeholders}`` shown as ``<placeholders>``."""
    return _PLACEHOLDER.sub(lambda match: f"<{match.group(1)}>", rule.message).strip()


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    head = _SENTENCE_END.split(text, maxsplit=1)[0]
    return head.rstrip(".")


def _code_block(code: str) -> list[str]:
    return ["```python", code.strip("\n"), "```"]


def full_text(swea_type: SWEAType, rules: Sequence[Rule]) -> str:
    """Every rule in full: name, requirement, why, how to fix and an example."""
    title = _TITLES[swea_type]
    out = [
        f"# Coding standards for the {title} ({swea_type.value})",
        "",
        "Generated code must satisfy every rule below; the validator checks each of them.",
        "",
    ]
    for rule in rules:
        flags = [rule.severity.value] + (["critical"] if rule.critical else [])
        out += [
            f"## {rule.id} {rule.name} ({', '.join(flags)})",
            "",
            f"Requirement: {_message_text(rule)}",
            "",
            f"Why: {' '.join(rule.why.split())}",
            "",
            f"How to fix: {' '.join(rule.how_to_fix.split())}",
            "",
        ]
        if rule.invalid_examples:
            out += ["Wrong:"] + _code_block(rule.invalid_examples[0].code) + [""]
        if rule.valid_examples:
            out += ["Right:"] + _code_block(rule.valid_examples[0].code) + [""]
    return "\n".join(out).rstrip("\n") + "\n"


def compressed_text(swea_type: SWEAType, rules: Sequence[Rule]) -> str:
    """One imperative line per rule: ``id name: how to comply``; critical rules first, under MUST."""
    out = [f"{swea_type.value.upper()} STANDARDS (validator-enforced)."]
    critical = [rule for rule in rules if rule.critical]
    others = [rule for rule in rules if not rule.critical]
    if critical:
        out.append("MUST (rejected otherwise):")
        out += [f"- {rule.id} {rule.name}: {_first_sentence(rule.how_to_fix)}." for rule in critical]
    if others:
        out.append("SHOULD:")
        out += [f"- {rule.id} {rule.name}: {_first_sentence(rule.how_to_fix)}." for rule in others]
    return "\n".join(out) + "\n"


class CompressedStandards:
    """Standards texts for one SWEA type (``swea_type``), built once per class from the catalog.

    Pass ``rules`` to build the texts from another rule set than the catalog.
    """

    swea_type: ClassVar[SWEAType | None] = None

    def __init__(self, swea_type: SWEAType | str | None = None, rules: Iterable[Rule] | None = None) -> None:
        chosen = swea_type if swea_type is not None else type(self).swea_type
        if chosen is None:
            raise ValueError("CompressedStandards needs a SWEA type (or use one of its subclasses)")
        self._swea = SWEAType.parse(chosen)
        self._custom_rules = tuple(rules) if rules is not None else None
        self._lock = threading.Lock()
        self._texts: tuple[str, str] | None = None

    @property
    def swea(self) -> SWEAType:
        return self._swea

    def rules(self) -> tuple[Rule, ...]:
        """The rules both texts describe."""
        return rules_for(self._swea, self._custom_rules)

    def _build(self) -> tuple[str, str]:
        with self._lock:
            if self._texts is None:
                rules = self.rules()
                self._texts = (compressed_text(self._swea, rules), full_text(self._swea, rules))
            return self._texts

    def get_compressed_text(self) -> str:
        """The terse text for prompts when ENABLE_COMPRESSED_STANDARDS is on."""
        return self._build()[0]

    def get_full_text(self) -> str:
        """The complete text: every rule with its reasons, fix and examples."""
        return self._build()[1]

    def get_text(self, compressed: bool) -> str:
        return self.get_compressed_text() if compressed else self.get_full_text()

    def count_tokens(self, text: str) -> int:
        """Tokens of ``text`` with tiktoken's cl100k_base encoding (offline)."""
        return _count_tokens(text)


class CompressedBackendStandards(CompressedStandards):
    """Standards for FastAPI routers and models."""

    swea_type = SWEAType.BACKEND


class CompressedDatabaseStandards(CompressedStandards):
    """Standards for the SQLite access layer."""

    swea_type = SWEAType.DATABASE


class CompressedFrontendStandards(CompressedStandards):
    """Standards for Streamlit pages."""

    swea_type = SWEAType.FRONTEND


class CompressedTestStandards(CompressedStandards):
    """Standards for pytest test modules."""

    swea_type = SWEAType.TEST


_BY_TYPE: dict[SWEAType, type[CompressedStandards]] = {
    SWEAType.BACKEND: CompressedBackendStandards,
    SWEAType.DATABASE: CompressedDatabaseStandards,
    SWEAType.FRONTEND: CompressedFrontendStandards,
    SWEAType.TEST: CompressedTestStandards,
}
_instances: dict[SWEAType, CompressedStandards] = {}
_instances_lock = threading.Lock()


def standards_for(swea_type: SWEAType | str) -> CompressedStandards:
    """The shared standards object of a SWEA type (texts built once per process)."""
    swea = SWEAType.parse(swea_type)
    with _instances_lock:
        if swea not in _instances:
            _instances[swea] = _BY_TYPE[swea]()
        return _instances[swea]
