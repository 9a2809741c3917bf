"""Precision of baes's rules on real code, measured against labels people wrote.

    PYTHONPATH=server .venv/bin/python bench/precision.py [--json] [--profile P ...]
    PYTHONPATH=server .venv/bin/python bench/precision.py --sample FILE [--per-rule N] [--seed S]

Runs every profile over the pinned corpus (``bench/precision_corpus.py``) with the engine
(``check_source``) and matches each finding with ``bench/precision_labels.jsonl``. Per rule and
profile it prints findings, findings per 1,000 lines, how many are labelled, precision
(true / labelled; ``wrong_location`` counts as not true) and the unlabelled findings (new ones
after a rule change: label a sample of them). Overall precision per profile is each rule's
precision weighted by its findings (labels are a per-rule sample, so their raw mix is not the
findings' mix); the raw true/labelled ratio is printed beside it.
``--sample FILE`` writes up to N unlabelled findings per rule (random, fixed seed; every one of a
rare rule), drawn from the profiles in turn, default first, with the code around them, for a
reviewer to label.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import Figure, emit  # noqa: E402
from precision_corpus import PACKAGES, CorpusFile, corpus_files  # noqa: E402
from precision_labels import LABELS_FILE, Key, Label, line_hash, load_labels  # noqa: E402

from baes.files.atomic import read_source  # noqa: E402
from baes.settings.config import Settings  # noqa: E402
from baes.standards.engine import check_source  # noqa: E402

PROFILES = ("default", "strict", "generated")
TARGETS = {"default": (0.90, 0.80), "strict": (0.75, None)}  # profile -> (overall, every firing rule)
COMMAND = "PYTHONPATH=server .venv/bin/python bench/precision.py"


@dataclass(frozen=True)
class Occurrence:
    """One finding, named as labels name it."""

    package: str
    path: str
    rule: str
    line: int
    line_hash: str
    message: str

    @property
    def key(self) -> Key:
        return (self.package, self.path, self.rule, self.line_hash)


@dataclass(frozen=True)
class Scan:
    files: int
    lines: int
    findings: dict[str, list[Occurrence]]  # profile -> findings
    texts: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (package, path) -> lines


def scan(files: Sequence[CorpusFile], profiles: Sequence[str] = PROFILES) -> Scan:
    """Every profile's findings on ``files``."""
    settings = {profile: Settings(profile=profile) for profile in profiles}
    findings: dict[str, list[Occurrence]] = {profile: [] for profile in profiles}
    texts: dict[tuple[str, str], list[str]] = {}
    total_lines = 0
    for corpus_file in files:
        try:
            text = read_source(corpus_file.path).text
        except (OSError, UnicodeError):
            continue
        lines = text.splitlines()
        texts[(corpus_file.package, corpus_file.relative)] = lines
        total_lines += text.count("\n")
        for profile in profiles:
            report = check_source(text, corpus_file.key_path, settings[profile])
            for finding in report.findings:
                number = finding.span.start_line
                source = lines[number - 1] if 0 < number <= len(lines) else ""
                findings[profile].append(
                    Occurrence(
                        corpus_file.package, corpus_file.relative, finding.rule_id, number, line_hash(source), finding.message
                    )
                )
    return Scan(len(texts), total_lines, findings, texts)


@dataclass(frozen=True)
class RuleFigures:
    rule: str
    findings: int
    per_1000_lines: float
    labelled: int
    true: int
    false: int
    wrong_location: int
    unlabelled: int
    precision: float | None  # true / labelled; None when nothing is labelled


@dataclass(frozen=True)
class ProfileFigures:
    profile: str
    findings: int
    per_1000_lines: float
    labelled: int
    true: int
    precision: float | None  # rules' precision weighted by their findings
    labelled_precision: float | None  # true / labelled over the sample as it is
    unlabelled: int
    rules: tuple[RuleFigures, ...]


def _ratio(part: float, whole: float) -> float | None:
    return part / whole if whole else None


def measure(findings: Iterable[Occurrence], labels: dict[Key, Label], lines: int, profile: str) -> ProfileFigures:
    """One profile's figures: per rule, then overall."""
    by_rule: dict[str, list[Occurrence]] = defaultdict(list)
    for occurrence in findings:
        by_rule[occurrence.rule].append(occurrence)
    rules = []
    for rule, items in sorted(by_rule.items()):
        verdicts = Counter(labels[o.key].label for o in items if o.key in labels)
        labelled = sum(verdicts.values())
        rules.append(
            RuleFigures(
                rule,
                len(items),
                round(len(items) * 1000 / max(lines, 1), 3),
                labelled,
                verdicts["true"],
                verdicts["false"],
                verdicts["wrong_location"],
                len(items) - labelled,
                _ratio(verdicts["true"], labelled),
            )
        )
    judged = [r for r in rules if r.precision is not None]
    weighted = _ratio(sum(r.findings * (r.precision or 0.0) for r in judged), sum(r.findings for r in judged))
    total = sum(r.findings for r in rules)
    labelled = sum(r.labelled for r in rules)
    true = sum(r.true for r in rules)
    return ProfileFigures(
        profile,
        total,
        round(total * 1000 / max(lines, 1), 3),
        labelled,
        true,
        weighted,
        _ratio(true, labelled),
        total - labelled,
        tuple(rules),
    )


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.0f} %"


def print_text(scan_result: Scan, results: Sequence[ProfileFigures], packages: int) -> None:
    print(f"corpus: {packages} packages, {scan_result.files} files, {scan_result.lines} lines (bench/precision_corpus.py)")
    for figures in results:
        overall, per_rule = TARGETS.get(figures.profile, (None, None))
        target = f"  target >= {overall * 100:.0f} %" if overall else ""
        print(
            f"\nprofile {figures.profile}: {figures.findings} findings ({figures.per_1000_lines} per 1,000 lines), "
            f"{figures.labelled} labelled, precision {_pct(figures.precision)} (weighted by findings; "
            f"{_pct(figures.labelled_precision)} of the labelled sample){target}, {figures.unlabelled} unlabelled"
        )
        print(
            f"  {'rule':<6} {'findings':>8} {'/1k lines':>9} {'labelled':>8} {'true':>5} {'false':>5} "
            f"{'wrong loc':>9} {'precision':>9} {'unlabelled':>10}"
        )
        for rule in figures.rules:
            below = per_rule is not None and rule.precision is not None and rule.precision < per_rule
            print(
                f"  {rule.rule:<6} {rule.findings:>8} {rule.per_1000_lines:>9.3f} {rule.labelled:>8} {rule.true:>5} "
                f"{rule.false:>5} {rule.wrong_location:>9} {_pct(rule.precision):>9} {rule.unlabelled:>10}"
                f"{'  below target' if below else ''}"
            )


def figures_for_bench(results: Sequence[ProfileFigures]) -> list[Figure]:
    """Headline figures for ``python -m bench``: overall precision per profile, rules below target."""
    out = []
    for figures in results:
        overall, per_rule = TARGETS.get(figures.profile, (None, None))
        if figures.precision is not None:
            target = f">= {overall * 100:.0f} %" if overall else ""
            out.append(
                Figure(
                    "precision",
                    f"{figures.profile} profile: precision (labelled, weighted by findings)",
                    round(figures.precision * 100, 1),
                    "%",
                    target=target,
                    command=f"{COMMAND} --profile {figures.profile}",
                )
            )
        if per_rule is not None:
            firing = [r for r in figures.rules if r.precision is not None]
            below = sum(1 for r in firing if (r.precision or 0.0) < per_rule)
            name = f"{figures.profile} profile: firing rules below {per_rule * 100:.0f} % precision"
            out.append(
                Figure(
                    "precision",
                    name,
                    below,
                    "rules",
                    reference=f"of {len(firing)} labelled firing rules",
                    target="0",
                    command=f"{COMMAND} --profile {figures.profile}",
                )
            )
    return out


def sample(scan_result: Scan, labels: dict[Key, Label], per_rule: int, seed: int) -> list[dict[str, Any]]:
    """Unlabelled findings to label, with their code around them: up to ``per_rule`` per rule, drawn
    from the profiles in turn (default first: most of strict's findings are default's too)."""
    rng = random.Random(seed)
    chosen: dict[Key, Occurrence] = {}
    for profile in sorted(scan_result.findings):
        by_rule: dict[str, dict[Key, Occurrence]] = defaultdict(dict)
        for occurrence in scan_result.findings[profile]:
            if occurrence.key not in labels:
                by_rule[occurrence.rule].setdefault(occurrence.key, occurrence)
        for rule in sorted(by_rule):
            pool = sorted(by_rule[rule].values(), key=lambda o: o.key)
            already = sum(1 for key in chosen if key[2] == rule)
            room = max(per_rule - already, 0)
            for occurrence in rng.sample(pool, min(room, len(pool))):
                chosen.setdefault(occurrence.key, occurrence)
    out = []
    for occurrence in sorted(chosen.values(), key=lambda o: (o.rule, o.package, o.path, o.line)):
        lines = scan_result.texts.get((occurrence.package, occurrence.path), [])
        start, end = max(occurrence.line - 8, 1), min(occurrence.line + 6, len(lines))
        context = [f"{n:>5}{'>' if n == occurrence.line else ' '} {lines[n - 1]}" for n in range(start, end + 1)]
        out.append({**asdict(occurrence), "label": "", "reason": "", "context": context})
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--profile", action="append", choices=PROFILES, help="only these profiles (default: all)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument("--labels", type=Path, default=LABELS_FILE, help="labels file (default: %(default)s)")
    parser.add_argument("--sample", type=Path, metavar="FILE", help="write unlabelled findings to label to FILE")
    parser.add_argument("--per-rule", type=int, default=20, help="with --sample: findings per rule")
    parser.add_argument("--seed", type=int, default=14, help="with --sample: random seed (default 14)")
    args = parser.parse_args(argv)
    profiles = tuple(args.profile or PROFILES)
    labels = load_labels(args.labels)
    result = scan(corpus_files(), profiles)
    if args.sample:
        entries = sample(result, labels, args.per_rule, args.seed)
        args.sample.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries), encoding="utf-8")
        print(f"wrote {len(entries)} findings to label to {args.sample}", file=sys.stderr)
        return 0
    results = [measure(result.findings[p], labels, result.lines, p) for p in profiles]
    if args.json:
        print(
            json.dumps(
                {"files": result.files, "lines": result.lines, "labels": len(labels), "profiles": [asdict(r) for r in results]},
                indent=2,
            )
        )
    else:
        print_text(result, results, len(PACKAGES))
    emit(*figures_for_bench(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
