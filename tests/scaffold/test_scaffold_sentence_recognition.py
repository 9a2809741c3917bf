"""``baes scaffold "<sentence>"``: one way from a sentence to an entity, through the pipeline's recognition.

That way goes through the recognition cache under the user's cache folder (``BAES_CACHE_DIR``,
honouring ``ENABLE_RECOGNITION_CACHE``) and the LLM configured by ``BAES_LLM_*`` (none configured:
the offline recognizer, no network).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.support.fake_openai import FakeOpenAI, RecordedRequest, ScriptedResponse, error, reply

from baes.cli.main import main
from baes.recognition import cache as recognition_cache
from baes.recognition.cache import DEFAULT_DB_NAME, RecognitionCache
from baes.recognition.llm import SYSTEM_PROMPT

SENTENCE = "Create a system to manage university students with name, email and GPA"
STUDENT = {
    "intent": "create",
    "entity": "Student",
    "attributes": [
        {"name": "name", "type": "str", "required": True},
        {"name": "email", "type": "email", "required": True},
        {"name": "gpa", "type": "float", "required": True},
    ],
    "related_entity": None,
    "relationship_required": True,
}


@pytest.fixture
def user_cache(_offline_and_isolated: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """This test's BAES_CACHE_DIR, with the process-wide recognition cache opened anew inside it.

    ``default_cache()`` is created once per process, so without this it would still point at the
    folder of whichever test opened it first.
    """
    monkeypatch.delenv("ENABLE_RECOGNITION_CACHE", raising=False)
    monkeypatch.setattr(recognition_cache, "_default_cache", None)
    yield _offline_and_isolated
    opened = recognition_cache._default_cache
    if opened is not None:
        opened.close()


def _scaffold(sentence: str, out: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    code = main(["scaffold", sentence, "--out", str(out), "--format", "json"])
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    assert code == 0, data
    return data


def _persistent_size(folder: Path) -> int:
    cache = RecognitionCache(str(folder / DEFAULT_DB_NAME))
    try:
        return cache.cache_stats().persistent_size
    finally:
        cache.close()


def test_a_sentence_scaffolded_twice_hits_the_cache_the_second_time(
    tmp_path: Path, user_cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _scaffold(SENTENCE, tmp_path / "one", capsys)
    assert first["recognition_source"] == "offline" and first["metrics"]["cache_hit"] is False
    assert (user_cache / DEFAULT_DB_NAME).is_file() and _persistent_size(user_cache) == 1

    second = _scaffold(SENTENCE, tmp_path / "two", capsys)
    assert second["recognition_source"] == "cache:memory" and second["metrics"]["cache_hit"] is True
    assert second["entity"] == first["entity"] == "Student"
    assert [f["path"] for f in second["files"]] == [f["path"] for f in first["files"]]
    models = "app/models/student.py"
    assert (tmp_path / "two" / models).read_bytes() == (tmp_path / "one" / models).read_bytes()


def test_the_cache_outlives_the_process(tmp_path: Path, user_cache: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BAES_LLM_", "ENABLE_")) and k != "OPENAI_API_KEY"}
    env["BAES_CACHE_DIR"] = str(user_cache)
    sources = []
    for out in ("one", "two"):
        done = subprocess.run(
            [sys.executable, "-m", "baes", "scaffold", SENTENCE, "--out", str(tmp_path / out), "--format", "json"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        sources.append(json.loads(done.stdout)["recognition_source"])
    assert sources == ["offline", "cache:persistent"]


def test_recognition_cache_off_recognizes_every_time_and_stores_nothing(
    tmp_path: Path, user_cache: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ENABLE_RECOGNITION_CACHE", "false")
    assert _scaffold(SENTENCE, tmp_path / "one", capsys)["recognition_source"] == "offline"
    assert _scaffold(SENTENCE, tmp_path / "two", capsys)["recognition_source"] == "offline"
    assert not (user_cache / DEFAULT_DB_NAME).exists()


def test_the_configured_llm_recognizes_once_then_the_cache_answers(
    tmp_path: Path, user_cache: Path, fake_openai: FakeOpenAI, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def answer(request: RecordedRequest) -> ScriptedResponse:
        if request.messages and request.messages[0].get("content") == SYSTEM_PROMPT:
            return reply(STUDENT, prompt_tokens=120, completion_tokens=30)
        return error(500, "only recognition is scripted here")

    def recognitions() -> int:
        return sum(1 for r in fake_openai.completion_requests if r.messages[0].get("content") == SYSTEM_PROMPT)

    fake_openai.handler = answer
    for name, value in fake_openai.env().items():
        monkeypatch.setenv(name, value)

    first = _scaffold(SENTENCE, tmp_path / "one", capsys)
    assert first["recognition_source"] == "llm" and recognitions() == 1
    assert first["metrics"]["recognition_tokens"] == 150
    assert SENTENCE in fake_openai.completion_requests[0].user_text

    second = _scaffold(SENTENCE, tmp_path / "two", capsys)
    assert second["recognition_source"] == "cache:memory" and recognitions() == 1
    assert second["metrics"]["recognition_tokens"] == 0 and second["entity"] == "Student"
