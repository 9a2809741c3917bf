"""Printing check results as text or JSON (SARIF lives in ``baes.cli.sarif``).

Every format shows columns 1-based, as editors and ``path:line:col`` parsers expect
(findings carry 0-based columns internally).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from baes import __version__
from baes.cli.runner import CheckResult
from baes.standards.catalog import get_rule
from baes.standards.findings import Finding, FixSafety


@dataclass(frozen=True)
class RunSummary:
    """What a check run found, for the summary line and the exit code."""

    files_checked: int
    findings: int
    files_with_findings: int
    fixable: int
    skipped: int
    failed: int
    fixed: int = 0
    not_checked: int = 0  # command-line paths that could not be checked (missing, FIFO, loop...)


def rule_name(rule_id: str) -> str:
    """The rule's name from the catalog ("" for ids it does not declare)."""
    try:
        return str(get_rule(rule_id).name)
    except Exception:
        return ""


def is_fixable(finding: Finding, include_unsafe: bool = False) -> bool:
    return finding.fix is not None and (include_unsafe or finding.fix.safety is FixSafety.SAFE)


def summarize(results: Sequence[CheckResult], fixed: int = 0, include_unsafe: bool = False, not_checked: int = 0) -> RunSummary:
    checked = [r for r in results if r.report is not None]
    return RunSummary(
        files_checked=len(checked),
        findings=sum(len(r.findings) for r in checked),
        files_with_findings=sum(1 for r in checked if r.findings),
        fixable=sum(1 for r in checked for f in r.findings if is_fixable(f, include_unsafe)),
        skipped=sum(1 for r in results if r.skipped),
        failed=sum(1 for r in results if r.failed),
        fixed=fixed,
        not_checked=not_checked,
    )


def statistics(results: Sequence[CheckResult]) -> list[dict[str, Any]]:
    """Findings per rule, most frequent first."""
    counts: Counter[str] = Counter()
    fixable: Counter[str] = Counter()
    for result in results:
        for finding in result.findings:
            counts[finding.rule_id] += 1
            if finding.fix is not None:
                fixable[finding.rule_id] += 1
    return [
        {"rule_id": rule_id, "name": rule_name(rule_id), "count": count, "fixable": fixable[rule_id]}
        for rule_id, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def plural(count: int, word: str) -> str:
    """``1 file``, ``2 files``: every count the CLI prints goes through here."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def location(display: str, finding: Finding) -> str:
    """``path:line:col`` of a finding, the column 1-based as ``path:line:col`` parsers expect."""
    return f"{display}:{finding.span.start_line}:{finding.span.start_col + 1}"


def summary_line(summary: RunSummary) -> str:
    checked = plural(summary.files_checked, "file")
    fixed = f"{plural(summary.fixed, 'finding')} fixed; " if summary.fixed else ""
    not_checked = f" {plural(summary.not_checked, 'path')} could not be checked (see above)." if summary.not_checked else ""
    if summary.findings == 0:
        if summary.not_checked:
            return f"{fixed}No findings in {checked} checked;{not_checked}"
        return f"{fixed}All checks passed ({checked} checked)."
    line = (
        f"{fixed}Found {plural(summary.findings, 'finding')} in "
        f"{plural(summary.files_with_findings, 'file')} ({checked} checked)."
    )
    if summary.fixable:
        line += f" {summary.fixable} fixable with `baes fix`."
    return line + not_checked


def format_text(results: Sequence[CheckResult], summary: RunSummary, show_statistics: bool) -> str:
    lines: list[str] = []
    if show_statistics:
        for row in statistics(results):
            marker = "[*]" if row["fixable"] else "   "
            lines.append(f"{row['count']:>6}  {row['rule_id']:<6} {marker} {row['name']}".rstrip())
    else:
        for result in results:
            for finding in result.findings:
                lines.append(f"{location(result.display, finding)}: {finding.rule_id} {finding.message}")
    lines.append(summary_line(summary))
    return "\n".join(lines) + "\n"


def finding_to_json(display: str, finding: Finding) -> dict[str, Any]:
    span = finding.span
    return {
        "path": display,
        "rule_id": finding.rule_id,
        "name": rule_name(finding.rule_id),
        "severity": finding.severity.value,
        "message": finding.message,
        "line": span.start_line,
        "column": span.start_col + 1,
        "end_line": span.end_line,
        "end_column": span.end_col + 1,
        "swea_type": finding.swea_type,
        "fix": (
            {"title": finding.fix.title, "safety": finding.fix.safety.value, "patch_type": finding.fix.patch_type}
            if finding.fix is not None
            else None
        ),
    }


def format_json(results: Sequence[CheckResult], summary: RunSummary, messages: Sequence[str], show_statistics: bool) -> str:
    document: dict[str, Any] = {
        "tool": "baes",
        "version": __version__,
        "summary": {
            "files_checked": summary.files_checked,
            "findings": summary.findings,
            "files_with_findings": summary.files_with_findings,
            "fixable": summary.fixable,
            "fixed": summary.fixed,
            "skipped": summary.skipped,
            "failed": summary.failed,
        },
        "files": [
            {
                "path": r.display,
                "swea_type": r.report.swea_type.value if r.report.swea_type is not None else None,
                "outcome": r.report.outcome,
                "confidence": r.report.confidence,
                "syntax_error": r.report.syntax_error,
                "findings": len(r.report.findings),
            }
            for r in results
            if r.report is not None
        ],
        "findings": [finding_to_json(r.display, f) for r in results for f in r.findings],
        "skipped": [{"path": r.display, "reason": r.skipped} for r in results if r.skipped],
        "errors": [{"path": r.display, "reason": r.failed} for r in results if r.failed],
        "config_messages": list(messages),
    }
    if show_statistics:
        document["statistics"] = statistics(results)
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
