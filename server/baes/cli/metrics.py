"""``baes metrics``: the recorded generation metrics, summarised (text table or JSON).

The figures come from ``baes.metrics.log.report`` (the same summary the language
server's metrics command returns); this module only prints them.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from baes.cli.arguments import whole_number
from baes.metrics.log import MetricsLog, report


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "metrics",
        help="show recorded generation metrics",
        description="Summarise the metrics log of entity generation (in the user's cache folder).",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--last", type=whole_number(1), metavar="N", help="only the last N requests")
    parser.add_argument("--log", metavar="PATH", help="read this metrics log instead of the default one")
    parser.add_argument("--clear", action="store_true", help="delete the metrics log")
    parser.set_defaults(handler=run_metrics)


def _pct(rate: float) -> str:
    return f"{rate * 100:5.1f} %"


def format_table(summary: dict[str, Any]) -> str:
    """The summary as an aligned text table."""
    agg, extra = summary["aggregated"], summary["extra"]
    n = summary["requests"]
    lines = [f"Metrics log: {summary['log_file']}"]
    if n == 0:
        lines.append("No generation recorded yet (run `baes scaffold` or the editor's scaffold command).")
        return "\n".join(lines) + "\n"
    lines.append(f"{n} request(s) from {summary['first']} to {summary['last']}")
    tiers = ", ".join(f"{k} {v}" for k, v in sorted(extra["cache_tiers"].items())) or "none"
    methods = ", ".join(f"{k} {v}" for k, v in sorted(extra["retry_methods"].items())) or "none"
    rows = [
        ("Requests", f"{n} (successful {agg['successful_requests']}, failed {agg['failed_requests']})"),
        (
            "Time per entity",
            f"{agg['avg_total_time']:.3f} s (own {extra['avg_own_time']:.3f} s, LLM {extra['avg_llm_time']:.3f} s)",
        ),
        ("Tokens per entity", f"{agg['avg_total_tokens']}"),
        ("LLM calls", f"{extra['llm_calls']}"),
        ("Cache hit rate", f"{_pct(agg['cache_hit_rate'])} (tiers: {tiers})"),
        ("Template usage", _pct(agg["template_usage_rate"])),
        ("Confident validation", _pct(agg["confident_validation_rate"])),
        ("Parallel time savings", f"{extra['avg_parallel_savings_pct']:5.1f} %"),
        (
            "Smart-retry token savings",
            f"{extra['retry_token_savings_pct']:5.1f} % ({extra['retried_requests']} retried; methods: {methods})",
        ),
        ("Approval rate", _pct(agg["approval_rate"])),
        ("Test pass rate", _pct(agg["test_pass_rate"])),
    ]
    width = max(len(label) for label, _ in rows)
    lines += [f"{label.ljust(width)}  {value}" for label, value in rows]
    return "\n".join(lines) + "\n"


def run_metrics(args: argparse.Namespace) -> int:
    if args.clear:
        log = MetricsLog(args.log)
        log.clear()
        print(f"Removed {log.file}")
        return 0
    try:
        summary = report(args.log, last=args.last)
    except OSError as exc:
        print(f"baes: cannot read the metrics log: {exc}", file=sys.stderr)
        return 1
    for warning in summary["warnings"]:
        print(f"baes: warning: {warning}", file=sys.stderr)
    if args.format == "json":
        json.dump(summary, sys.stdout, indent=2, sort_keys=True)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_table(summary))
    return 0
