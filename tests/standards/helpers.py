"""Helpers shared by the standards tests (imported relatively: this folder is a package)."""

from __future__ import annotations

from pathlib import Path

from baes.settings.config import Settings
from baes.standards.engine import FileReport, check_source
from baes.standards.findings import TextEdit
from baes.swea import SWEAType


def check(
    code: str, swea: SWEAType | str | None = None, profile: str = "strict", path: str | None = None, **settings
) -> FileReport:
    """Check ``code`` with every rule of ``profile`` (strict by default)."""
    return check_source(code, path=path, settings=Settings(profile=profile, **settings), swea_type=swea)


def ids(report: FileReport) -> list[str]:
    return [f.rule_id for f in report.findings]


def apply_edit(source: str, edit: TextEdit) -> str:
    """Apply one edit given in 1-based lines and 0-based code-point columns."""
    lines = source.splitlines(keepends=True) or [""]

    def offset(line: int, col: int) -> int:
        return sum(len(x) for x in lines[: line - 1]) + col

    start = offset(edit.span.start_line, edit.span.start_col)
    end = offset(edit.span.end_line, edit.span.end_col)
    return source[:start] + edit.new_text + source[end:]


EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def read_example(name: str) -> str:
    """The text of a file of the repository's ``examples/`` folder."""
    return (EXAMPLES / name).read_text(encoding="utf-8")
