"""Precision review: which rules fire on real code written by others, with sample locations.

    .venv/bin/python bench/false_positives.py [--corpus DIR ...] [--samples N] [--profile P] [--json]

Same corpus as bench/bench_check.py (FastAPI's and SQLModel's ``docs_src/`` and ``tests/``).
For each rule: how many findings, in how many files, per 1,000 lines, and a sample of
locations with the offending source line, so a reviewer can judge whether the rule is right.
Samples are spread over different files (deterministically) rather than taken from the first file.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_check import baes_check_once, corpus_roots  # noqa: E402


def _shown(path: str) -> str:
    from baes.files.discovery import relative_posix

    return relative_posix(path, None)


def _line(path: str, number: int) -> str:
    from baes.files.atomic import read_source

    try:
        lines = read_source(path).text.splitlines()
    except (OSError, UnicodeError):
        return ""
    return lines[number - 1].strip() if 0 < number <= len(lines) else ""


def _spread(items: list[tuple[str, Any]], count: int) -> list[tuple[str, Any]]:
    """Up to ``count`` items, one per file first, evenly spaced over the list."""
    first_per_file: dict[str, tuple[str, Any]] = {}
    for item in items:
        first_per_file.setdefault(item[0], item)
    pool = list(first_per_file.values()) if len(first_per_file) >= count else items
    if len(pool) <= count:
        return pool
    step = len(pool) / count
    return [pool[int(i * step)] for i in range(count)]


def collect(roots: Sequence[Path], profile: str | None, samples: int) -> dict[str, Any]:
    from baes.cli.report import rule_name

    results = baes_check_once(roots, profile=profile)
    lines = 0
    for result in results:
        try:
            lines += Path(result.path).read_bytes().count(b"\n")
        except OSError:
            pass
    by_rule: dict[str, list[tuple[str, Any]]] = defaultdict(list)
    for result in results:
        for finding in result.findings:
            by_rule[finding.rule_id].append((result.path, finding))
    rules = []
    for rule_id, items in sorted(by_rule.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        rules.append(
            {
                "rule_id": rule_id,
                "name": rule_name(rule_id),
                "findings": len(items),
                "files": len({path for path, _ in items}),
                "per_1000_lines": round(len(items) * 1000 / max(lines, 1), 3),
                "samples": [
                    {
                        "path": _shown(path),
                        "line": f.span.start_line,
                        "column": f.span.start_col + 1,
                        "message": f.message,
                        "source": _line(path, f.span.start_line),
                    }
                    for path, f in _spread(items, samples)
                ],
            }
        )
    return {
        "profile": profile or "default",
        "files": len(results),
        "lines": lines,
        "findings": sum(rule["findings"] for rule in rules),
        "skipped": [{"path": _shown(r.path), "reason": r.skipped or r.failed} for r in results if r.skipped or r.failed],
        "rules": rules,
    }


def print_text(data: dict[str, Any], roots: Sequence[Path]) -> None:
    print(f"corpus: {', '.join(str(r) for r in roots)}")
    print(
        f"profile: {data['profile']}  files: {data['files']}  lines: {data['lines']}  findings: {data['findings']}"
        f"  per 1,000 lines: {data['findings'] * 1000 / max(data['lines'], 1):.2f}"
    )
    for skipped in data["skipped"]:
        print(f"skipped: {skipped['path']}: {skipped['reason']}")
    print()
    for rule in data["rules"]:
        print(
            f"{rule['rule_id']} {rule['name']}: {rule['findings']} findings in {rule['files']} files "
            f"({rule['per_1000_lines']} per 1,000 lines)"
        )
        for sample in rule["samples"]:
            print(f"    {sample['path']}:{sample['line']}:{sample['column']}: {sample['message']}")
            if sample["source"]:
                print(f"        | {sample['source'][:110]}")
        print()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", metavar="DIR", help="folder to check instead of the default corpus")
    parser.add_argument("--samples", type=int, default=5, help="sample locations per rule (default 5)")
    parser.add_argument("--profile", choices=("default", "strict", "generated"), default=None)
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    args = parser.parse_args(argv)
    roots = corpus_roots(args.corpus)
    data = collect(roots, args.profile, max(1, args.samples))
    if args.json:
        print(json.dumps(data, indent=2))
    else:
        print_text(data, roots)
    return 0


if __name__ == "__main__":
    sys.exit(main())
