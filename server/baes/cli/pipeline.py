"""The steps ``baes check`` and ``baes fix`` share: settings, discovery, tasks, running, exit code."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from baes.cli import console
from baes.cli.options import SettingsResolver, default_jobs, resolver_from_args
from baes.cli.report import plural
from baes.cli.runner import (
    CheckResult,
    CheckTask,
    FixResult,
    FixTask,
    check_file,
    display_path,
    fix_file,
    parallel_allowed,
    run_tasks,
)
from baes.files.atomic import atomic_write_text
from baes.files.discovery import discover_python_files
from baes.settings.loader import default_settings

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


def warn(text: str) -> None:
    console.error(text)


@dataclass
class Prepared:
    """Files to process with their settings, and whether the run already has a usage problem."""

    resolver: SettingsResolver
    files: tuple[Path, ...]
    jobs: int
    usage_problem: bool
    not_checked: int = 0  # paths named on the command line that could not be checked


def prepare(args: argparse.Namespace) -> Prepared | None:
    """Validate the command line and find the files; ``None`` when the command line is unusable."""
    resolver, cli_messages = resolver_from_args(args)
    for message in cli_messages:
        warn(str(message))
    if cli_messages:
        return None
    discovery = discover_python_files(args.paths or ["."], exclude=tuple(args.exclude or ()), exclude_for=resolver.excludes_for)
    for unusable in discovery.unusable:
        warn(f"{unusable.path}: {unusable.reason}")
    files = discovery.files
    for path in files:
        resolver.loaded_for_folder(path.parent)
    for message in resolver.messages:
        warn(f"config: {message}")
    flags_source = resolver.loaded_for_folder(files[0].parent).settings if files else default_settings()
    jobs = default_jobs(args.jobs) if parallel_allowed(flags_source) else 1
    return Prepared(
        resolver, files, jobs, usage_problem=bool(discovery.unusable or resolver.messages), not_checked=len(discovery.unusable)
    )


def run_checks(prepared: Prepared) -> list[CheckResult]:
    tasks = [CheckTask(str(path), display_path(path), prepared.resolver.for_file(path)) for path in prepared.files]
    return run_tasks(check_file, tasks, prepared.jobs)


def run_fixes(prepared: Prepared, include_unsafe: bool, diff_only: bool) -> list[FixResult]:
    tasks = [
        FixTask(str(path), display_path(path), prepared.resolver.for_file(path), include_unsafe, diff_only)
        for path in prepared.files
    ]
    return run_tasks(fix_file, tasks, prepared.jobs)


def fix_files(prepared: Prepared, include_unsafe: bool, diff_only: bool) -> tuple[list[FixResult], list[CheckResult]]:
    """Run the fixes and report skipped or failed files: the fixes, and what remains in check shape."""
    fixes = run_fixes(prepared, include_unsafe, diff_only)
    results = as_check_results(fixes)
    report_problems(results)
    return fixes, results


def as_check_results(fixes: Sequence[FixResult]) -> list[CheckResult]:
    """What is left after fixing, in the shape the check formats print."""
    return [CheckResult(r.path, r.display, report=r.remaining, skipped=r.skipped, failed=r.failed) for r in fixes]


def report_problems(results: Sequence[CheckResult]) -> None:
    """Skipped and failed files go to stderr, whatever the output format."""
    for result in results:
        if result.skipped:
            warn(f"skipped {result.display}: {result.skipped}")
        if result.failed:
            warn(f"{result.display}: {result.failed}")


def _usage_or_failure(prepared: Prepared, results: Sequence[CheckResult]) -> bool:
    """A usage or configuration problem, or a file the engine failed on: exit 2 whatever was found."""
    return prepared.usage_problem or any(r.failed for r in results)


def exit_code(prepared: Prepared, results: Sequence[CheckResult], exit_zero: bool) -> int:
    if _usage_or_failure(prepared, results):
        return EXIT_USAGE
    if not exit_zero and any(r.findings for r in results):
        return EXIT_FINDINGS
    return EXIT_OK


def show_diffs(prepared: Prepared, include_unsafe: bool) -> int:
    """``--diff``: print what the fixes would change, write nothing; exit 1 when something would."""
    fixes, results = fix_files(prepared, include_unsafe, diff_only=True)
    changed = [r for r in fixes if r.diff]
    for result in changed:
        console.write(result.diff)
    count = sum(len(r.applied) for r in changed)
    if changed:
        console.write(f"Would fix {plural(count, 'finding')} in {plural(len(changed), 'file')}.\n", sys.stderr)
    else:
        console.write("No fixes available.\n", sys.stderr)
    if _usage_or_failure(prepared, results):
        return EXIT_USAGE
    return EXIT_FINDINGS if changed else EXIT_OK


def write_output(text: str, output_file: str | None) -> bool:
    """Print ``text`` or write it to ``output_file`` atomically; False when that fails."""
    if output_file is None:
        console.write(text)
        return True

    try:
        atomic_write_text(output_file, text)
    except OSError as exc:
        warn(f"cannot write {output_file}: {exc}")
        return False
    return True
