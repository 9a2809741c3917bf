"""Findings and fixes as plain data, shared by the engine, the patcher, the CLI and the LSP layer.

Coordinates follow Python's ``ast``: lines are 1-based, columns are 0-based and counted in
code points (not UTF-8 bytes as ``ast.col_offset`` is; the engine converts). The LSP layer
converts columns to the client's position encoding (UTF-16 by default).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Severity(Enum):
    """Severity of a finding; ordered from most to least severe."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    HINT = "hint"

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        if isinstance(value, Severity):
            return value
        text = str(value).strip().lower()
        aliases = {"information": "info", "warn": "warning", "err": "error"}
        text = aliases.get(text, text)
        for member in cls:
            if member.value == text:
                return member
        raise ValueError(f"unknown severity {value!r}; expected error, warning, info or hint")


class FixSafety(Enum):
    """Safe fixes keep behaviour and run in fix-all; unsafe ones need ``--unsafe-fixes``."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True, order=True)
class Span:
    """A source range: ``(start_line, start_col)`` inclusive to ``(end_line, end_col)`` exclusive."""

    start_line: int
    start_col: int
    end_line: int
    end_col: int

    def to_dict(self) -> dict[str, int]:
        return {
            "start_line": self.start_line,
            "start_col": self.start_col,
            "end_line": self.end_line,
            "end_col": self.end_col,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Span:
        return cls(int(data["start_line"]), int(data["start_col"]), int(data["end_line"]), int(data["end_col"]))


@dataclass(frozen=True)
class TextEdit:
    """Replace the text in ``span`` with ``new_text`` (an insertion has an empty span)."""

    span: Span
    new_text: str

    def to_dict(self) -> dict[str, Any]:
        return {"span": self.span.to_dict(), "new_text": self.new_text}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TextEdit:
        return cls(Span.from_dict(data["span"]), str(data["new_text"]))


@dataclass(frozen=True)
class FixSpec:
    """What a fix does, as a patch type of ``CodePatcher.apply_patch`` plus its arguments.

    Kept symbolic so that finding problems never loads libcst; the patcher turns a spec
    into new source and minimal ``TextEdit``s only when a fix is asked for. ``kwargs``
    must be JSON-serialisable (it travels in an LSP diagnostic's ``data``). ``safety`` is the
    patch type's declared safety, copied by ``PatchType.spec`` so clients can read it.
    """

    patch_type: str
    kwargs: Mapping[str, Any]
    title: str
    safety: FixSafety = FixSafety.SAFE

    def to_dict(self) -> dict[str, Any]:
        return {
            "patch_type": self.patch_type,
            "kwargs": dict(self.kwargs),
            "title": self.title,
            "safety": self.safety.value,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FixSpec:
        return cls(
            patch_type=str(data["patch_type"]),
            kwargs=dict(data.get("kwargs", {})),
            title=str(data.get("title", data["patch_type"])),
            safety=FixSafety(data.get("safety", "safe")),
        )


@dataclass(frozen=True)
class Finding:
    """One located standards violation in one file."""

    rule_id: str
    message: str
    severity: Severity
    span: Span
    swea_type: str | None = None
    fix: FixSpec | None = None
    # Free-form, JSON-serialisable details a rule wants to pass on (e.g. the function name).
    details: Mapping[str, Any] = field(default_factory=dict)

    @property
    def line(self) -> int:
        return self.span.start_line

    @property
    def column(self) -> int:
        return self.span.start_col

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "message": self.message,
            "severity": self.severity.value,
            "span": self.span.to_dict(),
            "swea_type": self.swea_type,
            "fix": self.fix.to_dict() if self.fix else None,
            "details": dict(self.details),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        return cls(
            rule_id=str(data["rule_id"]),
            message=str(data["message"]),
            severity=Severity.parse(data["severity"]),
            span=Span.from_dict(data["span"]),
            swea_type=data.get("swea_type"),
            fix=FixSpec.from_dict(data["fix"]) if data.get("fix") else None,
            details=dict(data.get("details") or {}),
        )
