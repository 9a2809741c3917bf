"""Prompts, answer parsing and the dependency waves, on their own."""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from baes.generation.custom import llm_review
from baes.generation.llm_client import LLMReply
from baes.generation.prompts import (
    CodeExtractionError,
    extract_code,
    generation_messages,
    interface_summary,
    parse_review,
    regeneration_messages,
)
from baes.generation.waves import WAVES, run_waves
from baes.scaffold.spec import AttributeSpec, EntitySpec, RelationshipSpec
from baes.swea import SWEAType

SPEC = EntitySpec(
    "Student", (AttributeSpec("name", "str"), AttributeSpec("gpa", "float", required=False)), (RelationshipSpec("Course"),)
)


def test_extract_code_prefers_a_parsing_python_block() -> None:
    reply = "Here it is:\n```text\nnot code\n```\n```python\nx = 1\n```\nand a note"
    assert extract_code(reply) == "x = 1\n"
    assert extract_code("```py\nimport os\n```") == "import os\n"
    assert extract_code("def f():\n    return 1\n") == "def f():\n    return 1\n"
    assert extract_code("```python\nx = 1\n") == "x = 1\n"  # unterminated fence (truncated answer)


@pytest.mark.parametrize("reply", ["", "Sorry, I cannot help.", "```python\ndef f(:\n```", "```\n)\n```"])
def test_extract_code_refuses_unusable_answers(reply: str) -> None:
    with pytest.raises(CodeExtractionError):
        extract_code(reply)


def test_parse_review() -> None:
    verdict = parse_review('```json\n{"approved": false, "issues": ["BE002: wrong status"]}\n```')
    assert not verdict.approved and verdict.issues == ("BE002: wrong status",)
    assert parse_review('Sure! {"approved": true}').approved
    for bad in ("no json", '{"approved": "yes"}', "[1]"):
        with pytest.raises(ValueError):
            parse_review(bad)


def test_generation_prompt_carries_standards_spec_reasons_and_upstream() -> None:
    upstream = [("app/tables/student.py", "def create_table(conn):\n    pass\nX = 1\n")]
    messages = generation_messages(
        SWEAType.BACKEND, SPEC, "STANDARDS TEXT", "app/routers/student.py", ("calculations: x",), "make students", upstream
    )
    user = messages[-1]["content"]
    for part in (
        "STANDARDS TEXT",
        "Entity: Student",
        "gpa: float (optional)",
        "course_id: int, references courses.id",
        "calculations: x",
        "make students",
        "def create_table(conn)",
        "X = ...",
        "app/routers/student.py",
    ):
        assert part in user
    again = regeneration_messages(messages, "x = 1\n", ["BE002 line 3: wrong status"])
    assert again[: len(messages)] == messages
    assert "BE002 line 3" in again[-1]["content"] and "x = 1" in again[-2]["content"]
    assert interface_summary("def (") == ""


def test_waves_order_and_upstream_results() -> None:
    seen: dict[SWEAType, set[SWEAType]] = {}

    def stage(swea: SWEAType):
        def run(done: Mapping[SWEAType, str]) -> str:
            seen[swea] = set(done)
            return swea.value

        return run

    run = run_waves({swea: stage(swea) for swea in SWEAType}, parallel=False)
    assert run.results == {swea: swea.value for swea in SWEAType}
    assert run.waves_count == len(WAVES) == 3
    assert seen[SWEAType.DATABASE] == set()
    assert seen[SWEAType.BACKEND] == {SWEAType.DATABASE}
    assert seen[SWEAType.FRONTEND] == seen[SWEAType.TEST] == {SWEAType.DATABASE, SWEAType.BACKEND}


@pytest.mark.parametrize("parallel", [True, False])
def test_parallel_flag_runs_the_last_wave_at_once_or_not(parallel: bool) -> None:
    active, peak = 0, 0
    lock = threading.Lock()

    def stage(done: Mapping[SWEAType, float]) -> float:
        nonlocal active, peak
        with lock:
            active += 1
            peak = max(peak, active)
        time.sleep(0.2)
        with lock:
            active -= 1
        return 0.0

    run = run_waves({SWEAType.FRONTEND: stage, SWEAType.TEST: stage}, parallel=parallel)
    assert run.waves_count == 1
    assert run.sequential_estimate == pytest.approx(sum(run.stage_times.values()))
    if parallel:
        assert peak == 2
        assert run.wall_time < run.sequential_estimate
        assert run.savings_pct > 25
    else:
        assert peak == 1
        assert run.wall_time >= run.sequential_estimate
        assert run.savings_pct == 0.0


def test_a_failing_stage_propagates_after_its_wave() -> None:
    finished: list[SWEAType] = []

    def ok(done: Mapping[SWEAType, int]) -> int:
        time.sleep(0.05)
        finished.append(SWEAType.TEST)
        return 1

    def boom(done: Mapping[SWEAType, int]) -> int:
        raise RuntimeError("stage failed")

    with pytest.raises(RuntimeError):
        run_waves({SWEAType.FRONTEND: boom, SWEAType.TEST: ok}, parallel=True)
    assert finished == [SWEAType.TEST]


@given(st.text(max_size=400))
@example("*0")  # parses, but does not compile: found by hypothesis
@settings(max_examples=200, deadline=None)
def test_answer_parsers_never_fail_unexpectedly(text: str) -> None:
    try:
        code = extract_code(text)
    except CodeExtractionError:
        pass
    else:
        compile(code, "<answer>", "exec", dont_inherit=True)
    try:
        verdict = parse_review(text)
    except ValueError:
        pass
    else:
        assert isinstance(verdict.approved, bool)


class _Client:
    """Stands in for LLMClient: returns one fixed answer."""

    def __init__(self, content: str) -> None:
        self.content = content

    def complete(self, messages: list, **kwargs: object) -> LLMReply:
        return LLMReply(content=self.content, prompt_tokens=7, completion_tokens=3, latency_s=0.01)


@pytest.mark.parametrize(
    "answer, approved",
    [('{"approved": true}', True), ("looks fine to me", False), ('{"approved": false, "issues": ["x"]}', False)],
)
def test_llm_review_verdicts(answer: str, approved: bool) -> None:
    verdict = llm_review(_Client(answer), SWEAType.BACKEND, "x = 1\n", "Student", "STANDARDS")  # type: ignore[arg-type]
    assert verdict.approved is approved
    assert verdict.review.tokens == 10 and verdict.review.calls == 1
    assert verdict.outcome == ("llm_approval" if approved else "llm_rejection")
    if answer == "looks fine to me":
        assert "unreadable" in verdict.feedback[0]
