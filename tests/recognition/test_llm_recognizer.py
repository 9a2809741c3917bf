"""The LLM recognizer against the fake OpenAI server: good answers, usage, and every fallback."""

from __future__ import annotations

import json
from typing import Any

import pytest
from tests.support.fake_openai import FakeOpenAI, RecordedRequest, ScriptedResponse, dropped, error, malformed, reply, slow

from baes.generation.llm_client import LLMConfig
from baes.recognition.cache import RecognitionCache
from baes.recognition.llm import SYSTEM_PROMPT, parse_answer, recognize_with_llm
from baes.recognition.model import RecognitionError
from baes.recognition.recognize import recognize
from baes.scaffold.classification import EntityType

GOOD = {
    "intent": "create",
    "entity": "Student",
    "attributes": [
        {"name": "name", "type": "str", "required": True},
        {"name": "email", "type": "email", "required": True},
        {"name": "gpa", "type": "float", "required": False},
    ],
    "related_entity": None,
    "relationship_required": True,
}
REQUEST = "Create a system to manage university students with name, email and GPA"


def _config(server: FakeOpenAI, timeout: float = 10.0, retries: int = 1) -> LLMConfig:
    return LLMConfig(base_url=server.base_url, model="fake-model", api_key="k", timeout_s=timeout, max_retries=retries)


def test_good_json_is_used_with_usage_counts(fake_openai: FakeOpenAI) -> None:
    fake_openai.enqueue(reply(GOOD, prompt_tokens=250, completion_tokens=40))
    result = recognize(REQUEST, llm=_config(fake_openai))
    assert result.source == "llm"
    assert result.intent == "create" and result.entity.name == "Student"
    assert [(a.name, a.type, a.required) for a in result.entity.attributes] == [
        ("name", "str", True),
        ("email", "email", True),
        ("gpa", "float", False),
    ]
    assert (result.prompt_tokens, result.completion_tokens, result.tokens) == (250, 40, 290)
    assert result.latency_s > 0 and result.entity_type is EntityType.STANDARD
    [sent] = fake_openai.completion_requests
    assert sent.body["response_format"] == {"type": "json_object"}
    assert sent.body["model"] == "fake-model"
    assert sent.messages[0] == {"role": "system", "content": SYSTEM_PROMPT}
    assert REQUEST in sent.user_text and "(none yet)" in sent.user_text


def test_existing_entities_are_in_the_prompt_and_relationships_parse(fake_openai: FakeOpenAI) -> None:
    def answer(request: RecordedRequest) -> ScriptedResponse:
        assert "Existing entities: Course, Student" in request.user_text
        return reply(
            {
                "intent": "relationship",
                "entity": "Student",
                "attributes": [],
                "related_entity": "Course",
                "relationship_required": False,
            }
        )

    fake_openai.handler = answer
    result = recognize("add course to student", existing_entities=["student", "Course"], llm=_config(fake_openai))
    assert (result.source, result.intent, result.entity.name, result.related_entity) == (
        "llm",
        "relationship",
        "Student",
        "Course",
    )
    assert [(r.target, r.required) for r in result.entity.relationships] == [("Course", False)]


def test_custom_logic_is_classified_from_the_request_for_llm_answers(fake_openai: FakeOpenAI) -> None:
    fake_openai.enqueue(
        reply(
            {
                "intent": "create",
                "entity": "Invoice",
                "attributes": [{"name": "amount", "type": "float", "required": True}],
                "related_entity": None,
                "relationship_required": True,
            }
        )
    )
    result = recognize("Create an Invoice with amount and calculate the tax automatically", llm=_config(fake_openai))
    assert result.source == "llm" and result.entity_type is EntityType.CUSTOM
    assert any("calculations" in reason for reason in result.custom_logic_reasons)


@pytest.mark.parametrize(
    "scripted, reason",
    [
        (reply("this is not json"), "not JSON"),
        (reply("[1, 2]"), "expected a JSON object"),
        (reply({**GOOD, "intent": "upsert"}), "intent must be"),
        (reply({**GOOD, "entity": "../../etc/passwd"}), "invalid entity name"),
        (reply({**GOOD, "attributes": [{"name": "x y", "type": "str", "required": True}]}), "invalid attribute name"),
        (reply({**GOOD, "attributes": [{"name": "photo", "type": "blob", "required": True}]}), "unsupported attribute type"),
        (reply({**GOOD, "attributes": [{"name": "age", "type": "int", "required": "yes"}]}), "required a boolean"),
        (reply({**GOOD, "attributes": "name, email"}), "must be a list"),
        (reply({**GOOD, "extra": 1}), "unexpected keys"),
        (reply({**GOOD, "related_entity": "Course"}), "must be null"),
        (reply({**GOOD, "intent": "relationship", "attributes": [], "related_entity": None}), "related entity name"),
    ],
)
def test_wrong_answers_fall_back_to_offline_with_the_reason(
    fake_openai: FakeOpenAI, scripted: ScriptedResponse, reason: str
) -> None:
    fake_openai.enqueue(scripted)
    outcome = recognize_with_llm(REQUEST, (), _config(fake_openai))
    assert outcome.source == "offline"
    assert outcome.fallback_reason is not None and reason in outcome.fallback_reason
    assert outcome.draft.entity.name == "Student"  # the offline answer
    assert (outcome.prompt_tokens, outcome.completion_tokens) == (10, 5)  # paid for, even though rejected
    assert len(fake_openai.completion_requests) == 1  # a bad answer is not asked again


def test_http_500_is_retried_then_falls_back(fake_openai: FakeOpenAI) -> None:
    fake_openai.default = error(500, "model overloaded")
    result = recognize(REQUEST, llm=_config(fake_openai, retries=2))
    assert result.source == "offline" and result.entity.name == "Student"
    assert len(fake_openai.completion_requests) == 3
    assert any("model overloaded" in note and "offline" in note for note in result.notes)


def test_500_then_success_uses_the_llm(fake_openai: FakeOpenAI) -> None:
    fake_openai.enqueue(error(500), reply(GOOD))
    result = recognize(REQUEST, llm=_config(fake_openai, retries=1))
    assert result.source == "llm" and len(fake_openai.completion_requests) == 2


def test_slow_answer_times_out_and_falls_back(fake_openai: FakeOpenAI) -> None:
    fake_openai.default = slow(GOOD, delay_s=5)
    result = recognize(REQUEST, llm=_config(fake_openai, timeout=0.3, retries=0))
    assert result.source == "offline"
    assert any("timeout" in note for note in result.notes)


@pytest.mark.parametrize("scripted", [malformed(b"{broken"), dropped(), error(401, "bad key"), reply("")])
def test_transport_failures_fall_back(fake_openai: FakeOpenAI, scripted: ScriptedResponse) -> None:
    fake_openai.default = scripted
    result = recognize(REQUEST, llm=_config(fake_openai, retries=0))
    assert result.source == "offline" and result.entity.name == "Student"


def test_fallback_answers_are_not_cached_but_llm_answers_are(fake_openai: FakeOpenAI, tmp_path: Any) -> None:
    cache = RecognitionCache(str(tmp_path / "c.db"))
    config = _config(fake_openai, retries=0)
    fake_openai.enqueue(error(400, "nope"))
    assert recognize(REQUEST, llm=config, cache=cache).source == "offline"
    fake_openai.enqueue(reply(GOOD))
    assert recognize(REQUEST, llm=config, cache=cache).source == "llm"
    assert recognize(REQUEST, llm=config, cache=cache).source == "cache:memory"
    assert len(fake_openai.completion_requests) == 2


def test_another_model_does_not_share_cached_answers(fake_openai: FakeOpenAI, tmp_path: Any) -> None:
    cache = RecognitionCache(str(tmp_path / "c.db"))
    fake_openai.default = reply(GOOD)
    first = _config(fake_openai)
    other = LLMConfig(base_url=fake_openai.base_url, model="other-model", timeout_s=10, max_retries=0)
    assert recognize(REQUEST, llm=first, cache=cache).source == "llm"
    assert recognize(REQUEST, llm=other, cache=cache).source == "llm"
    assert recognize(REQUEST, cache=cache).source == "offline"
    assert recognize(REQUEST, llm=other, cache=cache).source == "cache:memory"


def test_parse_answer_accepts_and_normalizes_names() -> None:
    draft = parse_answer(
        json.dumps(
            {
                "intent": "add_attributes",
                "entity": "students",
                "attributes": [
                    {"name": "phoneNumber", "type": "string", "required": False},
                    {"name": "id", "type": "int", "required": True},
                ],
                "related_entity": None,
                "relationship_required": True,
            }
        )
    )
    assert draft.entity.name == "Student"
    assert [(a.name, a.type, a.required) for a in draft.entity.attributes] == [("phone_number", "str", False)]
    with pytest.raises(RecognitionError):
        parse_answer(json.dumps({**GOOD, "intent": "add_attributes", "attributes": []}))
    with pytest.raises(RecognitionError):
        parse_answer(
            json.dumps(
                {
                    "intent": "relationship",
                    "entity": "Student",
                    "attributes": [],
                    "related_entity": "Students",
                    "relationship_required": True,
                }
            )
        )


@pytest.mark.parametrize(
    "content", ["```json\n" + json.dumps(GOOD) + "\n```", "```\n" + json.dumps(GOOD) + "\n```", "  " + json.dumps(GOOD) + "\n"]
)
def test_one_code_fence_around_the_json_is_accepted(content: str) -> None:
    assert parse_answer(content).entity.name == "Student"


def test_an_endpoint_without_json_mode_is_asked_again_without_it(fake_openai: FakeOpenAI) -> None:
    def answer(request: RecordedRequest) -> ScriptedResponse:
        if "response_format" in request.body:
            return error(400, "Unrecognized request argument supplied: response_format")
        return reply("```json\n" + json.dumps(GOOD) + "\n```")

    fake_openai.handler = answer
    result = recognize(REQUEST, llm=_config(fake_openai, retries=0))
    assert result.source == "llm" and result.entity.name == "Student"
    assert [("response_format" in r.body) for r in fake_openai.completion_requests] == [True, False]


def test_other_client_errors_are_not_asked_again(fake_openai: FakeOpenAI) -> None:
    fake_openai.default = error(400, "context length exceeded")
    assert recognize(REQUEST, llm=_config(fake_openai, retries=0)).source == "offline"
    assert len(fake_openai.completion_requests) == 1


def test_timeouts_are_retried_within_the_bound(fake_openai: FakeOpenAI) -> None:
    fake_openai.enqueue(slow(GOOD, delay_s=5), slow(GOOD, delay_s=5), reply(GOOD))
    result = recognize(REQUEST, llm=_config(fake_openai, timeout=0.3, retries=1))
    assert result.source == "offline" and any("timeout" in note for note in result.notes)
    assert len(fake_openai.completion_requests) == 2  # the first call and one retry; the third answer is unused
    assert fake_openai.pending == 1
