"""The pipeline benchmark's scenario runs through without a failed request.

``bench/bench_pipeline.py`` replays a scenario whose steps each have a purpose (a CUSTOM entity that
needs notifications, a reference that touches a dependent's tests). A step that fails quietly skews
every figure the README quotes: "Build teachers with … and notify them by email when …" was refused by
the recognizer for a while, and the scripted LLM could not render a dependent's test module, and the
benchmark still printed its table. Run with no scripted latency: about six seconds.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bench.bench_pipeline import measure


def test_every_run_of_the_benchmark_scenario_succeeds(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BAES_CACHE_DIR", str(tmp_path))  # the benchmark points it at its scratch; restored after
    figures = measure(0.0)
    runs = ("baseline", "cold", "warm", "custom_smart_retry_on", "custom_smart_retry_off")
    assert {run: figures[run]["failed"] for run in runs} == {run: [] for run in runs}
    assert figures["optimized"]["approval_rate"] == 1.0
