"""Benchmark: the offline recognizer on the labelled requests, per kind (fully right / wrong / honest refusal).

    PYTHONPATH=server .venv/bin/python bench/bench_recognition.py [--split NAME] [--failures]

``--split``: tuning, held-out, fresh, fresh2 … fresh8 or all (the default).

The set is ``bench/recognition_requests.jsonl`` (see ``bench/recognition_labels.py``). "wrong" is any
answer that differs from the label (a wrong change, or a change where only a refusal is right);
"refused" is an honest refusal of a request that has a right reading. Targets: at least 95 % fully
right, no wrong answer, every kind at least 90 %. ``--failures`` lists what went wrong in the
tuning set only: the held-out requests are reported as figures, never shown while tuning.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.figures import Figure, emit  # noqa: E402
from bench.recognition_labels import NAMED_SPLITS, REFUSED, RIGHT, WRONG, Outcome, load, score  # noqa: E402

TARGET_RIGHT = 0.95
TARGET_KIND = 0.90


def _table(title: str, outcomes: list[Outcome]) -> bool:
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    for outcome in outcomes:
        by_kind[outcome.labelled.kind][outcome.verdict] += 1
    total = Counter(o.verdict for o in outcomes)
    print(f"\n{title}: {len(outcomes)} requests")
    print(f"{'kind':18} {'n':>4} {'right':>7} {'wrong':>6} {'refused':>8}")
    ok = True
    for kind in sorted(by_kind):
        counts = by_kind[kind]
        n = sum(counts.values())
        share = counts[RIGHT] / n
        ok &= share >= TARGET_KIND
        print(f"{kind:18} {n:4} {share:7.1%} {counts[WRONG]:6} {counts[REFUSED]:8}")
    n = len(outcomes) or 1
    print(f"{'all':18} {len(outcomes):4} {total[RIGHT] / n:7.1%} {total[WRONG]:6} {total[REFUSED]:8}")
    emit(
        Figure(
            "bench_recognition",
            f"{title} requests fully right ({len(outcomes)}; {total[WRONG]} wrong, {total[REFUSED]} refused)",
            total[RIGHT] / n * 100,
            "%",
            "",
            None,
            ">= 95 %, no wrong change",
            "python bench/bench_recognition.py",
        )
    )
    return ok and total[RIGHT] / n >= TARGET_RIGHT and total[WRONG] == 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("tuning", "held-out", *NAMED_SPLITS, "all"), default="all")
    parser.add_argument("--failures", action="store_true", help="list the tuning set's failures")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    outcomes = [score(item) for item in load()]
    ok = True
    for split in ("tuning", "held-out", *NAMED_SPLITS):
        if args.split in (split, "all"):
            ok &= _table(split, [o for o in outcomes if o.labelled.split == split])
    if args.split == "all":
        ok &= _table("all", outcomes)
    if args.failures:
        print("\ntuning-set failures:")
        for o in outcomes:
            if o.verdict != RIGHT and not o.labelled.held_out:
                print(f"- [{o.labelled.kind}] line {o.labelled.line}: {o.labelled.request!r} → {o.verdict}")
                if o.got is None:
                    print(f"    refused: {o.message}")
                    continue
                for key, want in o.labelled.expected.items():
                    if o.got.get(key) != want:
                        print(f"    {key}: expected {want!r}, got {o.got.get(key)!r}")
    print("\ntargets met" if ok else "\ntargets NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
