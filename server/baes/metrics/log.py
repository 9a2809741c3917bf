"""The append-only metrics log: one JSON object per line in the user's cache folder.

Several processes (language servers, CLI runs) may append at once: each record is written
with a single ``write`` on a file opened in append mode, under an advisory lock where the
platform has one, so lines never interleave. Reading skips a line that is not a valid
record (a crash mid-write, a hand edit) with a warning instead of failing the report.
"""

from __future__ import annotations

import json
import logging
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from baes.files.user_dirs import user_cache_dir
from baes.metrics.optimization_metrics import AggregatedMetrics, PerformanceMetrics

LOG = logging.getLogger(__name__)

LOG_FILE_NAME = "metrics.jsonl"


def default_log_path() -> Path:
    """Where the metrics log lives: ``<user cache dir>/metrics.jsonl``."""
    return user_cache_dir() / LOG_FILE_NAME


@dataclass(frozen=True)
class LogContents:
    """Records read from the log, plus a description of every line that was skipped."""

    records: tuple[PerformanceMetrics, ...]
    skipped: tuple[str, ...] = ()


class _Lock:
    """An exclusive advisory lock on an open file (fcntl on POSIX, msvcrt on Windows)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def __enter__(self) -> _Lock:
        try:
            import fcntl

            fcntl.flock(self.fd, fcntl.LOCK_EX)
        except ImportError:  # pragma: no cover - Windows
            import msvcrt

            msvcrt.locking(self.fd, msvcrt.LK_LOCK, 1)
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            import fcntl

            fcntl.flock(self.fd, fcntl.LOCK_UN)
        except ImportError:  # pragma: no cover - Windows
            import msvcrt

            msvcrt.locking(self.fd, msvcrt.LK_UNLCK, 1)


@dataclass
class MetricsLog:
    """The log file at ``path`` (default: ``default_log_path()``, resolved on first use)."""

    path: Path | None = None
    _resolved: Path | None = field(default=None, init=False, repr=False)

    @property
    def file(self) -> Path:
        if self._resolved is None:
            self._resolved = Path(self.path) if self.path is not None else default_log_path()
        return self._resolved

    def append(self, metrics: PerformanceMetrics) -> None:
        """Append one record as one line; concurrent appenders never interleave lines."""
        line = (json.dumps(metrics.to_dict(), ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
        self.file.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.file, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            with _Lock(fd):
                # A previous writer that crashed mid-line would glue our record onto its
                # fragment; start on a fresh line so only the fragment is lost.
                if os.fstat(fd).st_size > 0 and not _ends_with_newline(self.file):
                    line = b"\n" + line
                written = 0
                while written < len(line):
                    written += os.write(fd, line[written:])
        finally:
            os.close(fd)

    def read(self, last: int | None = None) -> LogContents:
        """Every valid record in order (or the ``last`` N); bad lines are skipped with a warning."""
        try:
            raw = self.file.read_bytes()
        except FileNotFoundError:
            return LogContents(records=())
        records: list[PerformanceMetrics] = []
        skipped: list[str] = []
        for number, line in enumerate(raw.split(b"\n"), start=1):
            if not line.strip():
                continue
            try:
                records.append(PerformanceMetrics.from_dict(json.loads(line.decode("utf-8"))))
            except (ValueError, TypeError, KeyError, UnicodeDecodeError) as exc:
                note = f"{self.file}:{number}: skipped a line that is not a metrics record ({exc})"
                LOG.warning(note)
                skipped.append(note)
        if last is not None:
            records = records[-last:] if last > 0 else []
        return LogContents(records=tuple(records), skipped=tuple(skipped))

    def clear(self) -> None:
        """Remove the log (the next append starts a new one)."""
        try:
            self.file.unlink()
        except FileNotFoundError:
            pass


def _ends_with_newline(path: Path) -> bool:
    with open(path, "rb") as handle:
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) == b"\n"


def aggregate(
    records: Iterable[PerformanceMetrics], baseline_time: float | None = None, baseline_tokens: int | None = None
) -> AggregatedMetrics:
    """``AggregatedMetrics`` over ``records`` (with savings when a baseline is given)."""
    aggregated = AggregatedMetrics(baseline_time=baseline_time, baseline_tokens=baseline_tokens)
    for record in records:
        aggregated.add_request(record)  # keeps the averages and rates current
    return aggregated


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def summarize(records: Sequence[PerformanceMetrics]) -> dict[str, Any]:
    """The figures ``baes metrics`` and the language server report, as a JSON-ready dict.

    ``aggregated`` holds the reference's ``AggregatedMetrics``; ``extra`` the figures the
    reference's table needs beyond it (see docs/pipeline.md for each definition).
    """
    aggregated = aggregate(records)
    parallel = [r for r in records if r.parallel_execution_enabled and r.sequential_time_estimate > 0]
    retried = [r for r in records if r.retry_count > 0]
    patched_tokens_saved = sum(r.retry_tokens_saved for r in retried)
    retry_spent = sum(r.retry_tokens for r in retried)
    extra = {
        "avg_own_time": _mean([r.own_time for r in records]),
        "avg_llm_time": _mean([r.llm_time for r in records]),
        "llm_calls": sum(r.llm_calls for r in records),
        "cache_tiers": dict(Counter(r.cache_tier for r in records if r.cache_tier)),
        "entity_types": dict(Counter(r.entity_type for r in records)),
        "standards_types": dict(Counter(r.standards_type for r in records if r.standards_type)),
        "validation_outcomes": dict(Counter(r.validation_outcome for r in records if r.validation_outcome)),
        "avg_parallel_savings_pct": _mean([r.parallel_savings_pct for r in parallel]),
        "retried_requests": len(retried),
        "retry_methods": dict(Counter(r.retry_method for r in retried if r.retry_method)),
        "retry_tokens": retry_spent,
        "retry_tokens_saved": patched_tokens_saved,
        "retry_token_savings_pct": (
            patched_tokens_saved / (patched_tokens_saved + retry_spent) * 100.0 if patched_tokens_saved + retry_spent > 0 else 0.0
        ),
    }
    # naive timestamps (the reference's ``datetime.now()``) are local time; compare all as aware
    stamps = [r.timestamp.astimezone() for r in records]
    first = min(stamps, default=None)
    latest = max(stamps, default=None)
    return {
        "requests": len(records),
        "first": first.isoformat() if first else None,
        "last": latest.isoformat() if latest else None,
        "aggregated": aggregated.to_dict(),
        "extra": extra,
    }


def report(path: str | os.PathLike[str] | None = None, last: int | None = None) -> dict[str, Any]:
    """Read the log and summarise it; the skipped lines are listed under ``warnings``."""
    log = MetricsLog(Path(path) if path is not None else None)
    contents = log.read(last=last)
    summary = summarize(contents.records)
    summary["log_file"] = str(log.file)
    summary["warnings"] = list(contents.skipped)
    return summary
