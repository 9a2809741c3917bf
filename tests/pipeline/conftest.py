"""Isolation for pipeline tests: a private cache folder, no ENABLE_* or BAES_LLM_* from the caller."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.support.fake_openai import FakeOpenAI

from baes.settings.config import FLAG_NAMES

LLM_ENV = (
    "BAES_LLM_BASE_URL",
    "BAES_LLM_MODEL",
    "BAES_LLM_API_KEY",
    "OPENAI_API_KEY",
    "BAES_LLM_TIMEOUT",
    "BAES_LLM_MAX_RETRIES",
    "BAES_LLM_TEMPERATURE",
)


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BAES_CACHE_DIR", str(tmp_path / "user-cache"))
    for name in FLAG_NAMES + LLM_ENV:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def fake_openai() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server
