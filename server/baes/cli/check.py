"""``baes check PATH...``: report standards findings as text, JSON or SARIF.

Exit codes: 0 clean, 1 findings (unless ``--exit-zero``), 2 usage or configuration error
(bad selectors, a missing path, an invalid config file, an internal error). With ``--fix``
the safe fixes are applied first and the findings that remain are reported; ``--diff``
prints what the fixes would change without writing (exit 1 when there is a change).
"""

from __future__ import annotations

import argparse

from baes.cli.arguments import add_common_arguments


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check",
        help="check files and folders against the BAES standards",
        description="Check Python files against the BAES standards for FastAPI / SQLite / Streamlit / pytest code.",
    )
    add_common_arguments(parser)
    parser.add_argument(
        "--format",
        choices=("text", "json", "sarif"),
        default="text",
        help="output format (default: text, 'path:line:col: CODE message')",
    )
    parser.add_argument("--output-file", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    parser.add_argument("--statistics", action="store_true", help="print the number of findings per rule")
    parser.add_argument("--fix", action="store_true", help="apply safe fixes, then report what remains")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # lazy: the check pipeline (engine, fixer, rule catalog) takes about 190 ms to import (python -X importtime);
    # every baes command registers this parser, and `baes lsp` / `baes --help` must not pay for it
    from baes.cli import pipeline, report
    from baes.cli.sarif import format_sarif

    prepared = pipeline.prepare(args)
    if prepared is None:
        return pipeline.EXIT_USAGE
    if args.diff:
        return pipeline.show_diffs(prepared, args.unsafe_fixes)
    fixed = 0
    if args.fix:
        fixes, results = pipeline.fix_files(prepared, args.unsafe_fixes, diff_only=False)
        fixed = sum(len(r.applied) for r in fixes if r.written)
    else:
        results = pipeline.run_checks(prepared)
        pipeline.report_problems(results)
    summary = report.summarize(results, fixed=fixed, include_unsafe=args.unsafe_fixes, not_checked=prepared.not_checked)
    if args.format == "json":
        messages = [str(m) for m in prepared.resolver.messages]
        text = report.format_json(results, summary, messages, args.statistics)
    elif args.format == "sarif":
        text = format_sarif(results)
    else:
        text = report.format_text(results, summary, args.statistics)
    if not pipeline.write_output(text, args.output_file):
        return pipeline.EXIT_USAGE
    return pipeline.exit_code(prepared, results, args.exit_zero)
