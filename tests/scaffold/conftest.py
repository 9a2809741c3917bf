"""Every scaffolding test runs offline with its own cache folder (recognition cache, metrics log)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _offline_and_isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path_factory.mktemp("baes-cache")
    monkeypatch.setenv("BAES_CACHE_DIR", str(cache))
    for name in ("BAES_LLM_BASE_URL", "BAES_LLM_MODEL", "BAES_LLM_API_KEY", "OPENAI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    return cache
