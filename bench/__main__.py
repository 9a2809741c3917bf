"""Run every benchmark and print one table: ``.venv/bin/python -m bench [--quick] [--only NAME ...]``.

Each benchmark runs in its own process (they time imports and start-ups), with the
arguments below; its own report goes to stderr-free stdout of this command only with
``--verbose``. The table has one row per headline figure, each a ratio to a reference
measured in the same run where there is one; the README's performance section is this table
(``--markdown``).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.figures import ENV_FILE, Figure, load

REPO = Path(__file__).resolve().parent.parent

# script -> (arguments for a full run, arguments for --quick)
BENCHMARKS: dict[str, tuple[list[str], list[str]]] = {
    "bench_check": ([], ["--repeat", "2"]),
    "bench_fix": ([], []),
    "bench_lsp": ([], ["--edits", "40", "--starts", "2"]),
    "bench_scaffold": ([], ["--repeat", "10"]),
    "bench_pipeline": ([], []),
    "bench_evolve": ([], ["--repeat", "3", "--rows", "20000"]),
    "bench_recognition": ([], []),
    "bench_load": ([], ["--documents", "10", "--bursts", "5", "--burst-edits", "20"]),
    "precision": ([], []),
}
HEADERS = ["benchmark", "figure", "value", "reference (same run)", "ratio", "target", "reproduce"]


def run(names: list[str], quick: bool, verbose: bool) -> list[Figure]:
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory() as folder:
        sink = os.path.join(folder, "figures.jsonl")
        for name in names:
            full, short = BENCHMARKS[name]
            args = [sys.executable, str(REPO / "bench" / f"{name}.py"), *(short if quick else full)]
            started = time.perf_counter()
            done = subprocess.run(
                args,
                cwd=REPO,
                capture_output=not verbose,
                text=True,
                env={**os.environ, ENV_FILE: sink, "PYTHONPATH": _pythonpath()},
            )
            took = time.perf_counter() - started
            status = "ok" if done.returncode == 0 else f"exit {done.returncode} (a target not met, or an error: see below)"
            print(f"{name}: {status} in {took:.0f} s", file=sys.stderr)
            if done.returncode != 0 and not verbose:
                print((done.stdout or "")[-2000:] + (done.stderr or "")[-2000:], file=sys.stderr)
        if os.path.exists(sink):
            figures = load(sink)
    return figures


def _pythonpath() -> str:
    parts = [str(REPO), str(REPO / "server"), os.environ.get("PYTHONPATH", "")]
    return os.pathsep.join(p for p in parts if p)


def table(figures: list[Figure], markdown: bool) -> str:
    rows = [HEADERS, *[f.row() for f in figures]]
    if markdown:
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(HEADERS)]
        lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows[1:]]
        return "\n".join(lines)
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADERS) - 1)]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)) for row in rows)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (noisier figures)")
    parser.add_argument("--only", action="append", choices=sorted(BENCHMARKS), help="run only these")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table (for the README)")
    parser.add_argument("--verbose", action="store_true", help="show each benchmark's own report")
    args = parser.parse_args()
    figures = run(args.only or list(BENCHMARKS), args.quick, args.verbose)
    print(table(figures, args.markdown))
    return 0 if figures else 1


if __name__ == "__main__":
    sys.exit(main())
