"""Fixtures shared by the recognition and generation tests: the fake OpenAI server, an isolated cache folder, no network."""

from __future__ import annotations

import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

_ROOT = Path(__file__).resolve().parents[2]
if str(_ROOT) not in sys.path:  # `tests.support` when pytest is run without `python -m`
    sys.path.insert(0, str(_ROOT))

from tests.support.fake_openai import fake_openai  # noqa: E402,F401  (the fixture)


@pytest.fixture(autouse=True)
def isolated_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own ``BAES_CACHE_DIR``, and no LLM from the developer's environment."""
    folder = tmp_path / "baes-cache"
    monkeypatch.setenv("BAES_CACHE_DIR", str(folder))
    for name in (
        "BAES_LLM_BASE_URL",
        "BAES_LLM_MODEL",
        "BAES_LLM_API_KEY",
        "OPENAI_API_KEY",
        "BAES_LLM_TIMEOUT",
        "BAES_LLM_MAX_RETRIES",
        "ENABLE_RECOGNITION_CACHE",
    ):
        monkeypatch.delenv(name, raising=False)
    return folder


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    """Fail the test on any attempt to open a network connection (records the attempts too)."""
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise AssertionError(f"unexpected network connection to {address!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)

    def refuse_create(address: object, *args: object, **kwargs: object) -> None:
        attempts.append(address)
        raise AssertionError(f"unexpected network connection to {address!r}")

    monkeypatch.setattr(socket, "create_connection", refuse_create)
    yield attempts
