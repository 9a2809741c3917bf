"""Benchmark: the one-process ``baes check`` path against plain ``ast.parse`` of the same files.

    .venv/bin/python bench/bench_check.py [--corpus DIR ...] [--repeat N] [--jobs N]

Corpus (default): the ``docs_src/`` and ``tests/`` folders of FastAPI's and SQLModel's
source distributions, downloaded once by ``bench/sdists.py`` (``pip download``) into
``.bench-cache/sdists`` and unpacked into ``.bench-cache/corpus``.

Measured in the same run, in turns, best and median of N repetitions:
* reference: read each file + ``ast.parse`` (the least any checker must do);
* baes: discover the files, read them (encoding-aware), load the settings, ``check_source``;
* for attribution, the engine alone on texts in memory against ``ast.parse`` of the same texts;
* with ``--jobs N``, the process-pool path too (wall clock: meaningful only on idle cores).
Prints the ratio (target: at most 2.0), the corpus size, and findings per 1,000 lines under
the default profile.
"""

from __future__ import annotations

import argparse
import ast
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sdists import fetch_sdist  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # ``bench.figures`` when run as a script
from bench.figures import Figure, emit  # noqa: E402

PACKAGES = ("fastapi", "sqlmodel")
CORPUS_FOLDERS = ("docs_src", "tests")


def ensure_corpus() -> list[Path]:
    """The default corpus folders, downloading and unpacking the sdists on first use."""
    roots: list[Path] = []
    for package in PACKAGES:
        unpacked = fetch_sdist(package)
        for folder in CORPUS_FOLDERS:
            candidate = unpacked / folder
            if candidate.is_dir():
                roots.append(candidate)
    return roots


def corpus_roots(given: Sequence[str] | None) -> list[Path]:
    return [Path(p) for p in given] if given else ensure_corpus()


def discover(roots: Sequence[Path]) -> list[Path]:
    from baes.files.discovery import discover_python_files

    return list(discover_python_files(roots).files)


def baes_check_once(roots: Sequence[Path], profile: str | None = None, jobs: int = 1) -> list:
    """What ``baes check ROOTS`` does: discover, read, settings, check (one process unless ``jobs`` > 1)."""
    from baes.cli.options import SelectionOverrides, SettingsResolver
    from baes.cli.runner import CheckTask, check_file, run_tasks
    from baes.files.discovery import discover_python_files
    from baes.settings.loader import clear_cache

    clear_cache()
    resolver = SettingsResolver(overrides=SelectionOverrides(profile=profile))
    files = discover_python_files(roots, exclude_for=resolver.excludes_for).files
    tasks = [CheckTask(str(path), str(path), resolver.for_file(path)) for path in files]
    return run_tasks(check_file, tasks, jobs)


def parse_once(files: Sequence[Path]) -> int:
    """The reference: read every file and ``ast.parse`` it."""
    parsed = 0
    for path in files:
        data = path.read_bytes()
        try:
            ast.parse(data, filename=str(path))
            parsed += 1
        except (SyntaxError, ValueError):
            pass
    return parsed


def time_interleaved(funcs: Sequence[Callable[[], object]], repeat: int) -> tuple[list[list[float]], list[list[float]]]:
    """Wall-clock and CPU times of each function, run in turns (a busy machine slows every side alike)."""
    for func in funcs:
        func()  # warm-up: imports, OS file cache
    wall: list[list[float]] = [[] for _ in funcs]
    cpu: list[list[float]] = [[] for _ in funcs]
    for _ in range(repeat):
        for index, func in enumerate(funcs):
            start, start_cpu = time.perf_counter(), time.process_time()
            func()
            wall[index].append(time.perf_counter() - start)
            cpu[index].append(time.process_time() - start_cpu)
    return wall, cpu


def engine_only(sources: Sequence[tuple[str, str]]) -> int:
    """``check_source`` on texts already in memory (no discovery, reading or settings)."""
    from baes.standards.engine import check_source

    return sum(len(check_source(text, path).findings) for path, text in sources)


def parse_texts(sources: Sequence[tuple[str, str]]) -> int:
    parsed = 0
    for path, text in sources:
        try:
            ast.parse(text, filename=path)
            parsed += 1
        except (SyntaxError, ValueError):
            pass
    return parsed


def _line(label: str, times: Sequence[float], note: str = "") -> str:
    return (
        f"{label:<34} best {min(times) * 1000:8.1f} ms  median {statistics.median(times) * 1000:8.1f} ms"
        f"{'  ' + note if note else ''}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", metavar="DIR", help="folder to check instead of the default corpus")
    parser.add_argument("--repeat", type=int, default=5, help="timed repetitions of each side (default 5)")
    parser.add_argument("--jobs", type=int, default=0, help="also time the process-pool path with this many workers (0: skip)")
    args = parser.parse_args(argv)

    roots = corpus_roots(args.corpus)
    files = discover(roots)
    lines = sum(path.read_bytes().count(b"\n") for path in files)
    from baes.files.atomic import read_source

    sources = []
    for path in files:
        try:
            sources.append((str(path), read_source(path).text))
        except (OSError, UnicodeError):
            pass
    funcs: list[Callable[[], object]] = [
        lambda: parse_once(files),
        lambda: baes_check_once(roots),
        lambda: parse_texts(sources),
        lambda: engine_only(sources),
    ]
    if args.jobs > 1:
        funcs.append(lambda: baes_check_once(roots, jobs=args.jobs))
    times, cpu = time_interleaved(funcs, args.repeat)
    parse_times, check_times, text_parse_times, engine_times = times[:4]
    results = baes_check_once(roots)
    findings = sum(len(r.findings) for r in results)
    skipped = sum(1 for r in results if r.skipped or r.failed)

    ratios = sorted(c / p for c, p in zip(check_times, parse_times, strict=True))
    print(f"corpus: {', '.join(str(r) for r in roots)}")
    print(f"files: {len(files)}  lines: {lines}  skipped: {skipped}  repetitions: {args.repeat} (interleaved)")
    print(_line("read + ast.parse", parse_times))
    print(_line("baes check, 1 process", check_times, "(discover + read + settings + check)"))
    if args.jobs > 1:
        print(_line(f"baes check, {args.jobs} processes", times[4], "(wall clock; depends on idle cores)"))
    print(
        f"ratio baes check / (read + ast.parse), wall clock: best-to-best "
        f"{min(check_times) / min(parse_times):.2f}  median of pairs {statistics.median(ratios):.2f}"
    )
    print(f"ratio baes check / (read + ast.parse), CPU time:   best-to-best {min(cpu[1]) / min(cpu[0]):.2f}  (target <= 2.0)")
    print(
        f"  of which the engine alone (texts in memory): check_source / ast.parse = "
        f"{min(engine_times) / min(text_parse_times):.2f} wall, {min(cpu[3]) / min(cpu[2]):.2f} CPU"
    )
    print(f"findings (default profile): {findings}  per 1,000 lines: {findings * 1000 / max(lines, 1):.2f}")
    emit(
        Figure(
            "bench_check",
            f"baes check of {len(files)} files ({lines:,} lines), 1 process, CPU",
            min(cpu[1]) * 1000,
            "ms",
            "read + ast.parse of the same files",
            min(cpu[1]) / min(cpu[0]),
            "<= 2x",
            "python bench/bench_check.py",
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
