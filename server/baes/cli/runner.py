"""Checking and fixing files from disk, in one process or a process pool for large trees.

Each file is handled independently by a module-level function (so it pickles into a
worker): read with its real encoding, check or fix, and return plain data. A file that
cannot be read as text comes back with ``skipped`` set; an unexpected error inside the
engine or fixer comes back with ``failed`` set. Nothing here raises for one bad file.
Results always come back in the order of the input, whatever the number of processes.

Workers never outlive the run: each asks the kernel to kill it when its parent dies (Linux
``PR_SET_PDEATHSIG``) and watches its parent's pid besides (every other POSIX system), so a
``kill -9`` of ``baes`` leaves no process blocked on an orphaned queue. Workers ignore Ctrl-C
(the parent stops the pool) and take SIGTERM's default action.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import pickle
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from baes.cli.console import error, printable
from baes.cli.diffs import unified_diff
from baes.files.atomic import read_source, write_source
from baes.files.discovery import relative_posix
from baes.fixes.apply import fix_source
from baes.settings.config import Settings
from baes.standards.engine import check_source
from baes.standards.findings import Finding

if TYPE_CHECKING:  # pragma: no cover
    from baes.files.atomic import TextFile
    from baes.standards.engine import FileReport

# Below this many files one process is faster than starting a pool.
PARALLEL_THRESHOLD = 96

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class CheckTask:
    path: str
    display: str
    settings: Settings


@dataclass(frozen=True)
class CheckResult:
    path: str
    display: str
    report: FileReport | None = None
    skipped: str | None = None  # not Python text (binary, undecodable, unreadable)
    failed: str | None = None  # internal error

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.report.findings if self.report is not None else ()


@dataclass(frozen=True)
class FixTask:
    path: str
    display: str
    settings: Settings
    include_unsafe: bool = False
    diff_only: bool = False


@dataclass(frozen=True)
class FixResult:
    path: str
    display: str
    applied: tuple[Finding, ...] = ()
    not_applied: tuple[tuple[Finding, str], ...] = ()
    remaining: FileReport | None = None  # check of the fixed (or unchanged) source
    diff: str = ""
    written: bool = False
    skipped: str | None = None
    failed: str | None = None

    @property
    def changed(self) -> bool:
        return bool(self.diff) or self.written


def _read(path: str) -> tuple[TextFile | None, str | None]:
    try:
        return read_source(path), None
    except UnicodeDecodeError as exc:
        if "binary" in str(exc.reason):
            return None, str(exc.reason)
        return None, f"not valid {exc.encoding} text ({exc.reason} at offset {exc.start})"
    except (LookupError, ValueError) as exc:
        return None, f"cannot be decoded ({exc})"
    except OSError as exc:
        return None, f"cannot be read ({exc.strerror or exc})"


def check_file(task: CheckTask) -> CheckResult:
    """Read and check one file."""
    source, problem = _read(task.path)
    if source is None:
        return CheckResult(task.path, task.display, skipped=problem)
    try:
        report = check_source(source.text, task.path, task.settings)
    except Exception as exc:  # the engine promises not to raise; one file must not end the run
        return CheckResult(task.path, task.display, failed=f"internal error: {type(exc).__name__}: {exc}")
    return CheckResult(task.path, task.display, report=report)


def fix_file(task: FixTask) -> FixResult:
    """Apply the fixes of one file; write it atomically unless only a diff is wanted."""
    source, problem = _read(task.path)
    if source is None:
        return FixResult(task.path, task.display, skipped=problem)
    try:
        outcome = fix_source(source.text, task.path, task.settings, include_unsafe=task.include_unsafe)
        new_text = outcome.source
        remaining = outcome.report  # the rounds' own check of the fixed text
        if remaining is None:
            remaining = check_source(new_text, task.path, task.settings)
        if new_text != source.text and remaining.syntax_error:  # never write a file that stopped parsing
            return FixResult(
                task.path,
                task.display,
                failed="the fixed source does not parse; file left unchanged",
                remaining=check_source(source.text, task.path, task.settings),
            )
    except Exception as exc:  # the fixer promises not to raise; one file must not end the run
        return FixResult(task.path, task.display, failed=f"internal error: {type(exc).__name__}: {exc}")
    diff = ""
    written = False
    if new_text != source.text:
        if task.diff_only:
            diff = unified_diff(source.text, new_text, f"a/{task.display}", f"b/{task.display}")
        else:
            try:
                if read_source(task.path).text != source.text:
                    return FixResult(task.path, task.display, failed="changed on disk while fixing; left unchanged")
                write_source(task.path, source, new_text)
                written = True
            except (OSError, UnicodeError) as exc:
                return FixResult(task.path, task.display, failed=f"cannot be written ({exc})")
    return FixResult(
        task.path,
        task.display,
        applied=tuple(outcome.applied),
        not_applied=tuple(outcome.skipped),
        remaining=remaining,
        diff=diff,
        written=written,
    )


def run_tasks(func: Callable[[T], R], tasks: Sequence[T], jobs: int, threshold: int | None = None) -> list[R]:
    """``func`` over ``tasks`` in input order; a process pool when there are many tasks and jobs > 1."""
    limit = PARALLEL_THRESHOLD if threshold is None else threshold
    if jobs <= 1 or len(tasks) < max(1, limit):
        return [func(task) for task in tasks]
    workers = min(jobs, len(tasks))
    chunksize = max(1, len(tasks) // (workers * 8))
    try:
        with ProcessPoolExecutor(max_workers=workers, initializer=_worker_start, initargs=(os.getpid(),)) as pool:
            return list(pool.map(func, tasks, chunksize=chunksize))
    except (BrokenProcessPool, OSError, pickle.PicklingError) as exc:
        # A worker died (out of memory, killed) or processes are unavailable: finish in this process.

        error(f"parallel run failed ({type(exc).__name__}: {exc}); continuing in one process")
        return [func(task) for task in tasks]


_PR_SET_PDEATHSIG = 1
_PARENT_POLL_S = 0.5


def _worker_start(parent_pid: int) -> None:
    """Run in each worker first: die with the parent, leave Ctrl-C to the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _ask_kernel_to_kill_on_parent_death()
    if os.getppid() != parent_pid:  # the parent died before this worker got here
        os._exit(1)
    threading.Thread(target=_exit_when_orphaned, args=(parent_pid,), name="baes-parent-watch", daemon=True).start()


def _ask_kernel_to_kill_on_parent_death() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # the parent watch below still ends the worker


def _exit_when_orphaned(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(_PARENT_POLL_S)
    os._exit(1)


def parallel_allowed(settings: Settings | None) -> bool:
    """ENABLE_PARALLEL_EXECUTION=false keeps everything in one process."""
    return settings is None or settings.flags.ENABLE_PARALLEL_EXECUTION


def display_path(path: os.PathLike[str] | str) -> str:
    """How a path is shown: relative to the cwd with forward slashes, or absolute when outside it."""
    return printable(relative_posix(path, None))
