"""The append-only metrics log: concurrent appends, corrupt lines, summaries."""

from __future__ import annotations

import json
import logging
import multiprocessing
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from baes.metrics.log import MetricsLog, default_log_path, report, summarize
from baes.metrics.optimization_metrics import PerformanceMetrics


def _metrics(index: int = 0, **values: object) -> PerformanceMetrics:
    return PerformanceMetrics(
        request_id=f"r{index}-{uuid.uuid4()}",
        entity_name=f"E{index}",
        entity_type="standard",
        timestamp=datetime(2026, 1, 1) + timedelta(seconds=index),
        **values,
    )  # type: ignore[arg-type]


def _append_many(path: str, worker: int, count: int) -> None:
    log = MetricsLog(Path(path))
    for i in range(count):
        log.append(_metrics(worker * 1000 + i, error_notes=["x" * 5000]))


def test_default_path_is_in_the_user_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BAES_CACHE_DIR", str(tmp_path / "cache"))
    assert default_log_path() == tmp_path / "cache" / "metrics.jsonl"
    MetricsLog().append(_metrics())
    assert len(MetricsLog().read().records) == 1


def test_append_then_read_in_order_and_last(tmp_path: Path) -> None:
    log = MetricsLog(tmp_path / "m.jsonl")
    written = [_metrics(i, total_tokens=i) for i in range(5)]
    for record in written:
        log.append(record)
    assert list(log.read().records) == written
    assert list(log.read(last=2).records) == written[-2:]
    assert log.read(last=0).records == ()


def test_missing_log_reads_empty(tmp_path: Path) -> None:
    contents = MetricsLog(tmp_path / "none.jsonl").read()
    assert contents.records == () and contents.skipped == ()


def test_corrupt_lines_are_skipped_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "m.jsonl"
    log = MetricsLog(path)
    log.append(_metrics(1))
    with open(path, "ab") as handle:
        handle.write(b'{"request_id": "half-writt')  # a writer that crashed mid-line
    log.append(_metrics(2))
    with open(path, "ab") as handle:
        handle.write(b"\xff\xfe not utf-8\n[1, 2]\n" + json.dumps({"request_id": "x"}).encode() + b"\n")
    with caplog.at_level(logging.WARNING, logger="baes.metrics.log"):
        contents = log.read()
    assert [r.entity_name for r in contents.records] == ["E1", "E2"]
    assert len(contents.skipped) == 4
    assert len([r for r in caplog.records if r.levelno == logging.WARNING]) == 4


def test_concurrent_processes_never_interleave_lines(tmp_path: Path) -> None:
    path = tmp_path / "m.jsonl"
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_append_many, args=(str(path), w, 20)) for w in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    contents = MetricsLog(path).read()
    assert contents.skipped == ()
    assert len(contents.records) == 60
    assert len({r.request_id for r in contents.records}) == 60


def test_summary_and_report(tmp_path: Path) -> None:
    path = tmp_path / "m.jsonl"
    log = MetricsLog(path)
    log.append(
        _metrics(
            1,
            total_time=2.0,
            llm_time=1.5,
            cache_hit=True,
            cache_tier="memory",
            validation_outcome="confident_approval",
            approval_granted=True,
        )
    )
    log.append(
        _metrics(
            2,
            total_time=4.0,
            llm_time=1.0,
            parallel_execution_enabled=True,
            sequential_time_estimate=2.0,
            parallel_savings_pct=25.0,
            retry_count=1,
            retry_method="targeted_patch",
            retry_tokens=0,
            retry_tokens_saved=300,
        )
    )
    log.append(_metrics(3, retry_count=1, retry_method="full_regeneration", retry_tokens=100))
    summary = report(path)
    json.dumps(summary)
    assert summary["requests"] == 3 and summary["warnings"] == []
    assert summary["aggregated"]["cache_hit_rate"] == pytest.approx(1 / 3)
    assert summary["extra"]["avg_own_time"] == pytest.approx((0.5 + 3.0 + 0.0) / 3)
    assert summary["extra"]["cache_tiers"] == {"memory": 1}
    assert summary["extra"]["avg_parallel_savings_pct"] == pytest.approx(25.0)
    assert summary["extra"]["retry_methods"] == {"targeted_patch": 1, "full_regeneration": 1}
    assert summary["extra"]["retry_token_savings_pct"] == pytest.approx(300 / 400 * 100)
    assert report(path, last=1)["requests"] == 1
    assert summarize(())["aggregated"]["total_requests"] == 0


def test_naive_and_aware_timestamps_mix(tmp_path: Path) -> None:
    log = MetricsLog(tmp_path / "m.jsonl")
    log.append(_metrics(1))  # naive, as the reference's example
    aware = _metrics(2)
    aware.timestamp = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)  # what the pipeline records
    log.append(aware)
    summary = report(tmp_path / "m.jsonl")
    assert summary["requests"] == 2 and summary["first"] and summary["last"]
