"""The fake OpenAI server itself, driven by the real ``openai`` client and by plain HTTP."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request

import openai
import pytest
from tests.support.fake_openai import FakeOpenAI, dropped, error, malformed, reply, slow


def _client(server: FakeOpenAI, timeout: float = 5.0, max_retries: int = 0) -> openai.OpenAI:
    return openai.OpenAI(base_url=server.base_url, api_key="test-key", timeout=timeout, max_retries=max_retries)


def test_scripted_reply_with_usage_and_recorded_request(fake_openai: FakeOpenAI) -> None:
    fake_openai.enqueue(reply({"answer": 42}, prompt_tokens=123, completion_tokens=7))
    completion = _client(fake_openai).chat.completions.create(
        model="m1", messages=[{"role": "user", "content": "hello"}], response_format={"type": "json_object"}
    )
    assert json.loads(completion.choices[0].message.content) == {"answer": 42}
    assert (completion.usage.prompt_tokens, completion.usage.completion_tokens) == (123, 7)
    assert completion.model == "m1"
    [request] = fake_openai.requests
    assert request.method == "POST" and request.path == "/v1/chat/completions"
    assert request.headers["authorization"] == "Bearer test-key"
    assert request.body["response_format"] == {"type": "json_object"}
    assert request.user_text == "hello"
    assert fake_openai.pending == 0


def test_queue_answers_in_order_then_handler_then_unscripted_error(fake_openai: FakeOpenAI) -> None:
    client = _client(fake_openai)
    fake_openai.enqueue(reply("first"), reply("second"))
    fake_openai.handler = lambda request: reply(f"echo: {request.user_text}")
    answers = [
        client.chat.completions.create(model="m", messages=[{"role": "user", "content": t}]).choices[0].message.content
        for t in ("a", "b", "c")
    ]
    assert answers == ["first", "second", "echo: c"]
    fake_openai.handler = None
    with pytest.raises(openai.InternalServerError) as caught:
        client.chat.completions.create(model="m", messages=[{"role": "user", "content": "d"}])
    assert "no scripted response" in str(caught.value)


def test_status_error_has_openai_error_body(fake_openai: FakeOpenAI) -> None:
    fake_openai.enqueue(error(401, "bad key", code="invalid_api_key"))
    with pytest.raises(openai.AuthenticationError) as caught:
        _client(fake_openai).chat.completions.create(model="m", messages=[{"role": "user", "content": "x"}])
    assert caught.value.status_code == 401
    assert caught.value.body["code"] == "invalid_api_key"  # type: ignore[index]


def test_retryable_status_is_retried_by_the_client(fake_openai: FakeOpenAI) -> None:
    fake_openai.enqueue(error(500), error(503), reply("finally"))
    completion = _client(fake_openai, max_retries=2).chat.completions.create(
        model="m", messages=[{"role": "user", "content": "x"}]
    )
    assert completion.choices[0].message.content == "finally"
    assert len(fake_openai.completion_requests) == 3


def test_delay_makes_the_client_time_out(fake_openai: FakeOpenAI) -> None:
    fake_openai.enqueue(slow("late", delay_s=3.0))
    started = time.monotonic()
    with pytest.raises(openai.APITimeoutError):
        _client(fake_openai, timeout=0.3).chat.completions.create(model="m", messages=[{"role": "user", "content": "x"}])
    assert time.monotonic() - started < 2.5


def test_malformed_and_dropped_answers(fake_openai: FakeOpenAI) -> None:
    client = _client(fake_openai)
    fake_openai.enqueue(malformed(b"{nope"))
    with pytest.raises((openai.APIError, ValueError)):
        client.chat.completions.create(model="m", messages=[{"role": "user", "content": "x"}])
    fake_openai.enqueue(dropped())
    with pytest.raises(openai.APIConnectionError):
        client.chat.completions.create(model="m", messages=[{"role": "user", "content": "x"}])


def test_models_endpoint_and_unknown_route() -> None:
    with FakeOpenAI(model="tiny") as server:
        models = _client(server).models.list()
        assert [m.id for m in models.data] == ["tiny"]
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(server.base_url + "/nothing", timeout=5)
        assert caught.value.code == 404
        assert [r.method for r in server.requests] == ["GET", "GET"]
    with pytest.raises(RuntimeError):
        _ = server.base_url  # stopped


def test_stop_interrupts_a_pending_delay() -> None:
    server = FakeOpenAI().start()
    server.enqueue(slow("never", delay_s=30))
    import threading

    def call() -> None:
        try:
            _client(server, timeout=20).chat.completions.create(model="m", messages=[{"role": "user", "content": "x"}])
        except openai.APIError:
            pass

    worker = threading.Thread(target=call)
    worker.start()
    deadline = time.monotonic() + 5
    while not server.requests and time.monotonic() < deadline:
        time.sleep(0.01)
    started = time.monotonic()
    server.stop()
    assert time.monotonic() - started < 3
    worker.join(timeout=10)
    assert not worker.is_alive()


def test_llm_config_and_env_point_at_the_server(fake_openai: FakeOpenAI) -> None:
    from baes.generation.llm_client import LLMClient, LLMConfig

    fake_openai.default = reply("pong", prompt_tokens=3, completion_tokens=1)
    for config in (fake_openai.llm_config(), LLMConfig.from_env(fake_openai.env())):
        assert config.enabled and config.base_url == fake_openai.base_url and config.model == "fake-model"
        assert LLMClient(config).complete([{"role": "user", "content": "ping"}]).content == "pong"
    assert [r.headers["authorization"] for r in fake_openai.requests] == ["Bearer fake-key"] * 2
