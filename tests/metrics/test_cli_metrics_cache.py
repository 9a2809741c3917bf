"""``baes metrics`` and ``baes cache`` from the command line."""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from pathlib import Path

import pytest

from baes.cli.main import main
from baes.metrics.log import MetricsLog
from baes.metrics.optimization_metrics import PerformanceMetrics
from baes.recognition.cache import CachedRecognition, RecognitionCache


def _record(**values: object) -> PerformanceMetrics:
    return PerformanceMetrics(
        request_id=str(uuid.uuid4()), entity_name="Student", entity_type="standard", timestamp=datetime(2026, 1, 1), **values
    )  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BAES_CACHE_DIR", str(tmp_path / "cache"))


def test_metrics_text_json_last_and_clear(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = MetricsLog()
    log.append(
        _record(
            total_time=2.0,
            llm_time=1.5,
            total_tokens=100,
            cache_hit=True,
            cache_tier="memory",
            template_used=True,
            validation_outcome="confident_approval",
            approval_granted=True,
        )
    )
    log.append(_record(total_time=1.0, total_tokens=300, retry_count=1, retry_method="targeted_patch", retry_tokens_saved=50))
    with open(log.file, "a") as handle:
        handle.write("{broken\n")
    assert main(["metrics"]) == 0
    captured = capsys.readouterr()
    assert "Cache hit rate" in captured.out and " 50.0 %" in captured.out
    assert "Tokens per entity" in captured.out and "200" in captured.out
    assert "skipped a line" in captured.err
    assert main(["metrics", "--format", "json", "--last", "1"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["requests"] == 1 and data["aggregated"]["avg_total_tokens"] == 300
    assert data["extra"]["retry_token_savings_pct"] == 100.0
    assert main(["metrics", "--clear"]) == 0
    capsys.readouterr()
    assert main(["metrics"]) == 0
    assert "No generation recorded yet" in capsys.readouterr().out


def test_metrics_rejects_bad_last(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["metrics", "--last", "0"])
    assert exit_info.value.code == 2


def test_cache_stats_clear_cleanup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "rc.db"
    cache = RecognitionCache(str(db))
    cache.put(
        CachedRecognition(
            user_request="Create Student",
            normalized_key=cache._normalize_request("Create Student"),
            entity_name="Student",
            attributes=[],
            entity_type="STANDARD",
            requires_custom_logic=False,
            custom_logic_reasons=[],
            cached_at=datetime.now().isoformat(),
        )
    )
    cache.close()
    assert main(["cache", "--db", str(db), "stats", "--format", "json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["persistent_size"] == 1 and stats["cache_db_path"] == str(db)
    assert main(["cache", "--db", str(db), "stats"]) == 0
    assert "Entries on disk" in capsys.readouterr().out
    assert main(["cache", "--db", str(db), "cleanup", "--days", "30"]) == 0
    assert "Removed 0 entries" in capsys.readouterr().out
    assert main(["cache", "--db", str(db), "clear"]) == 0
    assert "Removed 1 cached recognition" in capsys.readouterr().out
    assert RecognitionCache(str(db)).cache_stats().persistent_size == 0
    assert main(["cache"]) == 2
