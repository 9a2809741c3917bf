"""``baes fix PATH...``: apply the safe fixes (``--unsafe-fixes`` for all), atomically.

Each changed file is written with ``baes.files.atomic.write_source`` (same encoding, line
endings and permissions) and only if the result parses. ``--diff`` prints a unified diff
instead and writes nothing. The report lists what was fixed per file and every finding that
remains. Exit codes: 0 nothing remains, 1 findings remain (with ``--diff``: something would
change), 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
from collections import Counter
from typing import TYPE_CHECKING

from baes.cli import console
from baes.cli.arguments import add_common_arguments
from baes.standards.findings import Finding, FixSafety

if TYPE_CHECKING:  # pragma: no cover
    from baes.cli.runner import FixResult


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "fix",
        help="apply automatic fixes to files and folders",
        description="Apply the BAES automatic fixes (safe ones unless --unsafe-fixes) and report what remains.",
    )
    add_common_arguments(parser)
    parser.set_defaults(handler=run)


def _needs_unsafe(finding: Finding, include_unsafe: bool) -> bool:
    """A fix left out only because it is unsafe (the fixer's own judgement of safety)."""
    from baes.fixes.apply import fix_safety  # lazy, see ``run``

    return not include_unsafe and finding.fix is not None and fix_safety(finding) is FixSafety.UNSAFE


def describe(fixes: list[FixResult], include_unsafe: bool) -> str:
    """What was fixed, which fixes failed, what remains, and a summary line."""
    from baes.cli.report import location, plural  # lazy, see ``run``

    lines: list[str] = []
    for result in fixes:
        if result.written and result.applied:
            counts = Counter(f.rule_id for f in result.applied)
            rules = ", ".join(f"{rule} x{n}" if n > 1 else rule for rule, n in sorted(counts.items()))
            lines.append(f"{result.display}: fixed {plural(len(result.applied), 'finding')} ({rules})")
        for finding, reason in result.not_applied:
            if finding.fix is not None and not _needs_unsafe(finding, include_unsafe):
                lines.append(f"{location(result.display, finding)}: {finding.rule_id} not fixed: {reason}")
    remaining = [(r.display, f) for r in fixes if r.remaining is not None for f in r.remaining.findings]
    for display, finding in remaining:
        lines.append(f"{location(display, finding)}: {finding.rule_id} {finding.message}")
    fixed = sum(len(r.applied) for r in fixes if r.written)
    files = sum(1 for r in fixes if r.written)
    summary = f"Fixed {plural(fixed, 'finding')} in {plural(files, 'file')}; {len(remaining)} remaining."
    unsafe = sum(1 for r in fixes for finding, _ in r.not_applied if _needs_unsafe(finding, include_unsafe))
    if unsafe:
        summary += f" {unsafe} more fixable with --unsafe-fixes."
    lines.append(summary)
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    # lazy: the fix pipeline (engine, fixer, rule catalog) takes about 190 ms to import (python -X importtime);
    # every baes command registers this parser, and `baes lsp` / `baes --help` must not pay for it
    from baes.cli import pipeline

    prepared = pipeline.prepare(args)
    if prepared is None:
        return pipeline.EXIT_USAGE
    if args.diff:
        return pipeline.show_diffs(prepared, args.unsafe_fixes)
    fixes, results = pipeline.fix_files(prepared, args.unsafe_fixes, diff_only=False)
    console.write(describe(fixes, args.unsafe_fixes))
    return pipeline.exit_code(prepared, results, args.exit_zero)
