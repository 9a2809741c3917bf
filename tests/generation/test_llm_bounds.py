"""LLM answers are bounded before parsing, and credentials in the base URL never leak (issue 15, cases 3 and 7)."""

from __future__ import annotations

import json
import resource
import time

import pytest
from tests.support.fake_openai import FakeOpenAI, malformed, reply

from baes.generation.llm_client import LLMClient, LLMConfig, LLMError, redact_url

MESSAGES = [{"role": "user", "content": "hi"}]


def test_an_oversized_answer_is_refused_without_reading_it_all(fake_openai: FakeOpenAI) -> None:
    huge = json.dumps(
        {
            "id": "x",
            "object": "chat.completion",
            "created": 0,
            "model": "m",
            "choices": [
                {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "x = 1\n" * 4_000_000}}
            ],
        }
    )
    fake_openai.enqueue(malformed(huge))
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    with pytest.raises(LLMError) as caught:
        LLMClient(fake_openai.llm_config()).complete(MESSAGES)
    assert caught.value.kind == "too_large"
    assert time.perf_counter() - started < 10
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before
    assert grown_kib < 200 * 1024  # far below the 24 MB body parsed into objects


def test_an_answer_over_the_token_budget_is_refused(fake_openai: FakeOpenAI) -> None:
    fake_openai.enqueue(reply("x = 1\n", completion_tokens=10**6))
    with pytest.raises(LLMError) as caught:
        LLMClient(fake_openai.llm_config()).complete(MESSAGES)
    assert caught.value.kind == "too_large"


def test_every_request_carries_a_token_cap(fake_openai: FakeOpenAI) -> None:
    fake_openai.enqueue(reply("ok"))
    LLMClient(fake_openai.llm_config()).complete(MESSAGES, max_tokens=10**9)
    sent = fake_openai.completion_requests[-1].body
    assert sent["max_tokens"] == LLMConfig().max_answer_tokens


def test_credentials_in_the_base_url_appear_nowhere() -> None:
    config = LLMConfig(base_url="http://alice:s3cr3t-key@127.0.0.1:9/v1", model="m", timeout_s=2, max_retries=0)
    with pytest.raises(LLMError) as caught:
        LLMClient(config).complete(MESSAGES)
    assert caught.value.kind == "connection"
    for text in (str(caught.value), repr(config), config.identity):
        assert "s3cr3t" not in text and "alice" not in text
    assert redact_url(config.base_url) == "http://***@127.0.0.1:9/v1"
    assert config.identity == "http://127.0.0.1:9/v1|m"
