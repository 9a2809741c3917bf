"""Suppression comments: ``# baes: ignore[BE002]``, ``# noqa: BE002``, bare ``# noqa``,
``# baes: ignore-file`` and ``# baes: ignore-file[CODE]``, and the file headers other linters
honour (``# ruff: noqa``, ``# flake8: noqa``, ``# ruff: noqa: S105`` on a line of their own,
as ruff reads them); and the edit that adds one.

Comments are found cheaply: a regex over the source (only when ``noqa`` or ``baes:`` occurs at
all), then each hit is confirmed to lie outside every string literal using the spans the shared
index already knows. No tokenizing of whole files.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from baes.python_ast import parse as parse_python
from baes.standards.findings import Finding, Span, TextEdit
from baes.standards.index import SourceIndex

if TYPE_CHECKING:
    from baes.standards.index import SourceIndex

_DIRECTIVE = re.compile(
    r"#[ \t]*(?:baes:[ \t]*(?P<kind>ignore-file|ignore)\b(?:\[(?P<codes>[^\]\r\n]*)\])?"
    r"|(?P<noqa>noqa)\b(?::[ \t]*(?P<ncodes>[A-Za-z]+[0-9]+(?:[ \t]*,[ \t]*[A-Za-z]+[0-9]+)*))?"
    r"|(?P<tool>flake8|ruff):[ \t]*noqa\b(?::[ \t]*(?P<fcodes>[A-Za-z]+[0-9]+(?:[ \t]*,[ \t]*[A-Za-z]+[0-9]+)*))?)",
    re.IGNORECASE,
)
_LINE_SPLIT = re.compile(r"\r\n|\r|\n")
_LINE_END = re.compile(r"(\r\n|\r|\n)")


# other tools' codes for the same problems: a noqa comment naming F821 also silences ST003
NOQA_ALIASES: dict[str, str] = {
    "F821": "ST003",
    "E722": "ST002",
    "B001": "ST002",
    "S608": "DB002",
    "N801": "ST004",
    "N802": "ST004",
    "D103": "BE008",
    "S105": "BE007",
    "S106": "BE007",
    "S113": "ST005",
}


def _codes(text: str | None, aliases: bool = False) -> frozenset[str] | None:
    """Codes of a directive; None means every rule."""
    if text is None:
        return None
    codes = {c.strip().upper() for c in text.split(",") if c.strip()}
    if aliases:
        codes |= {NOQA_ALIASES[c] for c in codes if c in NOQA_ALIASES}
    return frozenset(codes) or None


@dataclass(frozen=True)
class Suppressions:
    """The suppression comments of one file."""

    file_all: bool = False
    file_codes: frozenset[str] = frozenset()
    # line -> codes suppressed on it (None: every rule)
    lines: dict[int, frozenset[str] | None] = field(default_factory=dict)

    def file_suppresses(self, rule_id: str) -> bool:
        return self.file_all or any(rule_id.startswith(code) for code in self.file_codes)

    def line_suppresses(self, line: int, rule_id: str) -> bool:
        if line not in self.lines:
            return False
        codes = self.lines[line]
        return codes is None or any(rule_id.startswith(code) for code in codes)

    def suppresses(self, finding: Finding, statement_end: int | None = None) -> bool:
        """Whether a comment on the finding's first or last line, or its statement's last line, silences it."""
        if self.file_suppresses(finding.rule_id):
            return True
        candidates = {finding.span.start_line, finding.span.end_line}
        if statement_end is not None:
            candidates.add(statement_end)
        return any(self.line_suppresses(line, finding.rule_id) for line in candidates)


EMPTY = Suppressions()


def _in_string(index: SourceIndex | None, line: int, col: int, line_text: str) -> bool:
    if index is None:
        return False
    byte_col = len(line_text[:col].encode("utf-8")) if not line_text.isascii() else col
    for start_line, start_col, end_line, end_col in index.string_spans:
        if start_line > line:
            break
        if end_line < line:
            continue
        after_start = line > start_line or byte_col >= start_col
        before_end = line < end_line or byte_col < end_col
        if after_start and before_end:
            return True
    return False


def parse_suppressions(source: str, index: SourceIndex | None = None) -> Suppressions:
    """Every real suppression comment in ``source`` (hits inside strings are ignored)."""
    lowered_has = ("noqa" in source) or ("baes:" in source) or ("NOQA" in source)
    if not lowered_has:
        return EMPTY
    file_all = False
    file_codes: set[str] = set()
    lines: dict[int, frozenset[str] | None] = {}
    starts = [0] + [m.end() for m in _LINE_SPLIT.finditer(source)]
    for match in _DIRECTIVE.finditer(source):
        pos = match.start()
        line = bisect_right(starts, pos)  # 1-based: the number of line starts at or before ``pos``
        line_start = starts[line - 1]
        line_end = starts[line] if line < len(starts) else len(source)
        line_text = source[line_start:line_end]
        if _in_string(index, line, pos - line_start, line_text):
            continue
        if match.group("tool"):
            # a file header only on a line of its own (ruff ignores one trailing code)
            if line_text[: pos - line_start].strip():
                continue
            codes = _codes(match.group("fcodes"), aliases=True)
            if codes is None:
                file_all = True
            else:
                file_codes |= codes
            continue
        if match.group("kind"):
            codes = _codes(match.group("codes"))
            if match.group("kind").lower() == "ignore-file":
                if codes is None:
                    file_all = True
                else:
                    file_codes |= codes
                continue
        else:
            codes = _codes(match.group("ncodes"), aliases=True)
        previous = lines.get(line, frozenset())
        if codes is None or previous is None:
            lines[line] = None
        else:
            lines[line] = previous | codes
    return Suppressions(file_all, frozenset(file_codes), lines)


# --- the "disable this rule for this line" edit ------------------------------------------------
def _split_lines(source: str) -> list[tuple[str, str]]:
    """``(content, ending)`` per physical line."""
    parts = _LINE_END.split(source)
    lines = []
    for i in range(0, len(parts), 2):
        content = parts[i]
        ending = parts[i + 1] if i + 1 < len(parts) else ""
        lines.append((content, ending))
    return lines


def source_index(source: str) -> SourceIndex | None:
    """The shared index of ``source``, or ``None`` when it does not parse (edits then go by lines only)."""

    try:
        return SourceIndex(source, parse_python(source))
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return None


def _target_line(finding: Finding, lines: list[tuple[str, str]], index: SourceIndex | None) -> int:
    line = max(1, min(finding.span.start_line, len(lines)))
    if index is not None:
        line = max(line, index.statement_ends.get(line, line))
    for _ in range(len(lines)):
        moved = False
        if index is not None:
            for start, _c, end, _e in index.string_spans:
                if start > line:
                    break  # sorted by start line: no later span can contain ``line``
                if start <= line < end:
                    line, moved = end, True
        content = lines[line - 1][0] if line <= len(lines) else ""
        if content.rstrip().endswith("\\") and line < len(lines) and not _comment_in(content):
            line, moved = line + 1, True
        if not moved:
            break
    return min(line, len(lines))


def _comment_in(content: str) -> bool:
    return "#" in content and bool(re.search(r"#[^'\"]*$", content))


def suppression_edit(source: str, finding: Finding) -> TextEdit:
    """The edit adding ``# baes: ignore[CODE]`` for ``finding`` at the end of its statement's last line.

    Merges into an existing ``# baes: ignore[...]`` list, never writes inside a multi-line string
    and keeps the line's ending. For several findings of one source use ``suppression_edits``.
    """
    return suppression_edits(source, (finding,))[0]


def suppression_edits(source: str, findings: Iterable[Finding], index: SourceIndex | None = None) -> tuple[TextEdit, ...]:
    """``suppression_edit`` for each of ``findings``, in order, parsing ``source`` once for all.

    Each edit is for ``source`` as given (they are alternatives offered one by one, not a batch
    to apply together). ``index``: the ``SourceIndex`` of this very source when the caller
    already has one; without it the source is parsed here.
    """
    findings = tuple(findings)
    if not findings:
        return ()
    if index is None:
        index = source_index(source)
    elif index.source != source:
        raise ValueError("the index was built from another source")
    lines = _split_lines(source)
    return tuple(_edit_for(finding, lines, index) for finding in findings)


def _edit_for(finding: Finding, lines: list[tuple[str, str]], index: SourceIndex | None) -> TextEdit:
    line = _target_line(finding, lines, index)
    content = lines[line - 1][0]
    code = finding.rule_id
    for match in _DIRECTIVE.finditer(content):
        if match.group("kind") and match.group("kind").lower() == "ignore":
            codes = match.group("codes")
            if codes is None:
                return TextEdit(Span(line, match.end(), line, match.end()), "")
            existing = [c.strip() for c in codes.split(",") if c.strip()]
            if code in (c.upper() for c in existing):
                return TextEdit(Span(line, match.end(), line, match.end()), "")
            start, end = match.span("codes")
            return TextEdit(Span(line, start, line, end), ", ".join(existing + [code]))
    stripped = len(content.rstrip())
    return TextEdit(Span(line, stripped, line, len(content)), f"  # baes: ignore[{code}]")
