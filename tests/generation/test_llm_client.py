"""``LLMConfig`` (environment, editor settings, bad values) and ``LLMClient`` against the fake server."""

from __future__ import annotations

import sys
import time

import pytest
from tests.support.fake_openai import FakeOpenAI, dropped, error, malformed, reply, slow

from baes.generation.llm_client import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_S, NO_API_KEY, LLMClient, LLMConfig, LLMError


def test_from_env_reads_every_variable() -> None:
    config = LLMConfig.from_env(
        {
            "BAES_LLM_BASE_URL": "http://127.0.0.1:9/v1",
            "BAES_LLM_MODEL": "m",
            "BAES_LLM_API_KEY": "k",
            "BAES_LLM_TIMEOUT": "2.5",
            "BAES_LLM_MAX_RETRIES": "4",
            "OPENAI_API_KEY": "other",
        }
    )
    assert (config.base_url, config.model, config.api_key, config.timeout_s, config.max_retries) == (
        "http://127.0.0.1:9/v1",
        "m",
        "k",
        2.5,
        4,
    )
    assert config.enabled and config.errors == ()
    assert "k" not in repr(config)  # the key is never printed


def test_openai_api_key_is_the_fallback_key() -> None:
    assert LLMConfig.from_env({"OPENAI_API_KEY": "sk-x"}).api_key == "sk-x"


@pytest.mark.parametrize(
    "env", [{}, {"BAES_LLM_BASE_URL": "http://x/v1"}, {"BAES_LLM_MODEL": "m"}, {"BAES_LLM_BASE_URL": "  ", "BAES_LLM_MODEL": "m"}]
)
def test_enabled_only_with_base_url_and_model(env: dict[str, str]) -> None:
    config = LLMConfig.from_env(env)
    assert not config.enabled
    assert config.identity == "none"


@pytest.mark.parametrize("timeout, retries", [("soon", "many"), ("-1", "-2"), ("nan", "2.5"), ("inf", "99")])
def test_bad_numbers_fall_back_to_defaults_with_messages(timeout: str, retries: str) -> None:
    config = LLMConfig.from_env({"BAES_LLM_TIMEOUT": timeout, "BAES_LLM_MAX_RETRIES": retries})
    assert config.timeout_s == DEFAULT_TIMEOUT_S and config.max_retries == DEFAULT_MAX_RETRIES
    assert len(config.errors) == 2 and all("environment" in e for e in config.errors)


def test_from_mapping_accepts_editor_setting_names_and_merges() -> None:
    base = LLMConfig.from_env({"BAES_LLM_BASE_URL": "http://a/v1", "BAES_LLM_MODEL": "m1"})
    merged = base.merged({"model": "m2", "timeout": 3, "maxRetries": 0, "unrelated": True})
    assert (merged.base_url, merged.model, merged.timeout_s, merged.max_retries) == ("http://a/v1", "m2", 3.0, 0)
    assert LLMConfig.from_mapping({"baseUrl": "http://b/v1", "model": "x", "apiKey": "k"}).enabled
    assert LLMConfig.from_mapping({"timeout": True}).errors  # a bool is not a number
    assert not LLMConfig.from_mapping(["not", "a", "mapping"]).enabled  # type: ignore[arg-type]
    kept = base.merged("nonsense")  # type: ignore[arg-type]
    assert kept.model == "m1" and kept.errors


def test_complete_returns_content_usage_and_latency(fake_openai: FakeOpenAI) -> None:
    fake_openai.enqueue(reply('{"ok": true}', prompt_tokens=321, completion_tokens=12))
    client = LLMClient(LLMConfig(base_url=fake_openai.base_url, model="fake", timeout_s=5, max_retries=0))
    answer = client.complete([{"role": "user", "content": "hi"}], response_format_json=True)
    assert answer.content == '{"ok": true}'
    assert (answer.prompt_tokens, answer.completion_tokens, answer.total_tokens) == (321, 12, 333)
    assert answer.latency_s > 0
    body = fake_openai.requests[0].body
    assert body["model"] == "fake" and body["temperature"] == 0.0
    assert body["response_format"] == {"type": "json_object"}
    assert fake_openai.requests[0].headers["authorization"] == f"Bearer {NO_API_KEY}"


def test_plain_completion_sends_no_response_format(fake_openai: FakeOpenAI) -> None:
    fake_openai.enqueue(reply("text"))
    LLMClient(LLMConfig(base_url=fake_openai.base_url, model="m", api_key="secret", max_retries=0)).complete(
        [{"role": "user", "content": "hi"}]
    )
    assert "response_format" not in fake_openai.requests[0].body
    assert fake_openai.requests[0].headers["authorization"] == "Bearer secret"


@pytest.mark.parametrize(
    "scripted, kind, status",
    [
        (error(500), "status", 500),
        (error(429, "slow down"), "status", 429),
        (error(401, "bad key"), "status", 401),
        (malformed(b"<html>oops</html>"), "invalid", None),
        (malformed('{"id": "x"}'), "invalid", None),
        (reply(""), "empty", None),
        (dropped(), "connection", None),
    ],
)
def test_every_failure_is_one_error_type(fake_openai: FakeOpenAI, scripted: object, kind: str, status: int | None) -> None:
    fake_openai.default = scripted  # type: ignore[assignment]
    client = LLMClient(LLMConfig(base_url=fake_openai.base_url, model="m", timeout_s=10, max_retries=1))
    with pytest.raises(LLMError) as caught:
        client.complete([{"role": "user", "content": "x"}])
    assert caught.value.kind == kind and caught.value.status == status


def test_retries_are_bounded_by_the_config(fake_openai: FakeOpenAI) -> None:
    fake_openai.default = error(503)
    client = LLMClient(LLMConfig(base_url=fake_openai.base_url, model="m", timeout_s=10, max_retries=2))
    with pytest.raises(LLMError):
        client.complete([{"role": "user", "content": "x"}])
    assert len(fake_openai.completion_requests) == 3  # one call + two retries


def test_timeout_is_the_configured_one(fake_openai: FakeOpenAI) -> None:
    fake_openai.default = slow("late", delay_s=5)
    client = LLMClient(LLMConfig(base_url=fake_openai.base_url, model="m", timeout_s=0.3, max_retries=0))
    started = time.monotonic()
    with pytest.raises(LLMError) as caught:
        client.complete([{"role": "user", "content": "x"}])
    assert caught.value.kind == "timeout"
    assert time.monotonic() - started < 3


def test_unreachable_endpoint_is_a_connection_error() -> None:
    with FakeOpenAI() as server:
        url = server.base_url
    client = LLMClient(LLMConfig(base_url=url, model="m", timeout_s=1, max_retries=0))
    with pytest.raises(LLMError) as caught:
        client.complete([{"role": "user", "content": "x"}])
    assert caught.value.kind == "connection"


def test_no_config_builds_no_client_and_opens_no_socket(no_network: list[object]) -> None:
    client = LLMClient(LLMConfig())
    with pytest.raises(LLMError) as caught:
        client.complete([{"role": "user", "content": "x"}])
    assert caught.value.kind == "config"
    assert client._client is None and no_network == []


def test_importing_the_module_does_not_import_openai() -> None:
    import subprocess

    code = "import sys, baes.generation.llm_client, baes.recognition.recognize; print('openai' in sys.modules, 'nltk' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]
