"""A short load run (issue 15 suite): typing bursts across many documents all get their diagnostics,
memory stays bounded. ``bench/bench_load.py`` reports p95 and RSS, and soaks for manual runs."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from bench_load import run_load  # noqa: E402

pytestmark = pytest.mark.slow


def test_typing_bursts_across_documents_are_all_answered_in_bounded_memory() -> None:
    result = asyncio.run(run_load(documents=12, bursts=4, burst_edits=30))
    assert result.bursts == 4 and result.edits == 120  # every burst's last versions were diagnosed
    assert result.peak_kib < 1024 * 1024, f"server peaked at {result.peak_kib / 1024:.0f} MiB"
    print(f"burst p95 {result.burst_p95_ms:.1f} ms ({result.ratio:.1f}x a quiet edit), peak {result.peak_kib / 1024:.0f} MiB")
