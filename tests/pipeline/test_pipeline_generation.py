"""The generation pipeline end to end, against the real openai client and a scripted local server."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest
from tests.pipeline.scripted_llm import (
    EMPTY_MODULE,
    HARD_CODED_SECRET,
    IMPORT_TIME_SHELL,
    MISSING_IMPORT,
    TemplateBrain,
)
from tests.support.fake_openai import FakeOpenAI, dropped, error, malformed, reply, slow

from baes.generation.llm_client import LLMConfig
from baes.generation.pipeline import generate_entity
from baes.generation.result import GenerationResult
from baes.metrics.log import MetricsLog
from baes.recognition.cache import RecognitionCache
from baes.scaffold.entity_update import EntityChange
from baes.scaffold.project import inspect_project
from baes.scaffold.spec import AttributeSpec, EntitySpec, RelationshipSpec
from baes.settings.config import FeatureFlags
from baes.standards.compressed_standards import standards_for
from baes.swea import SWEAType

STUDENT = EntitySpec("Student", (AttributeSpec("name", "str"), AttributeSpec("gpa", "float")))
ALL_ON = FeatureFlags()


def _off(*names: str) -> FeatureFlags:
    return FeatureFlags(**{name: False for name in names})


def _llm(server: FakeOpenAI, timeout: float = 5.0) -> LLMConfig:
    return LLMConfig(base_url=server.base_url, model="fake-model", api_key="test", timeout_s=timeout, max_retries=0)


def _files(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): p.read_text() for p in sorted(root.rglob("*")) if p.is_file()}


def _generation_requests(server: FakeOpenAI) -> list:
    return [r for r in server.completion_requests if "Write the module" in r.prompt_text]


def _run(
    tmp_path: Path,
    fake_openai: FakeOpenAI,
    flags: FeatureFlags = ALL_ON,
    entity_type: str | None = "custom",
    max_attempts: int = 3,
    **brain_options: Any,
) -> tuple[Path, TemplateBrain, GenerationResult]:
    """STUDENT generated into ``tmp_path/app`` with a ``TemplateBrain(**brain_options)`` answering."""
    root = tmp_path / "app"
    brain = TemplateBrain(root, **brain_options)
    fake_openai.handler = brain
    result = generate_entity(
        STUDENT,
        root,
        llm=_llm(fake_openai),
        flags=flags,
        entity_type=entity_type,
        metrics_log=MetricsLog(tmp_path / "m"),
        max_attempts=max_attempts,
    )
    return root, brain, result


# -- templates, no LLM -------------------------------------------------------------------------


def test_standard_entity_from_templates_is_written_validated_and_measured(tmp_path: Path) -> None:
    log = MetricsLog(tmp_path / "metrics.jsonl")
    result = generate_entity(STUDENT, tmp_path / "app", llm=LLMConfig(), flags=ALL_ON, metrics_log=log)
    assert result.ok, result.notes
    assert (tmp_path / "app/app/routers/student.py").is_file()
    assert set(result.written) == {f.path for f in result.files}
    assert all(f.source == "template" for f in result.files)
    m = result.metrics
    assert m.template_used and "backend_crud_v1" in (m.template_id or "")
    assert m.total_tokens == 0 and m.llm_calls == 0
    assert m.validation_outcome == "confident_approval" and not m.validation_llm_called
    assert m.approval_granted and m.error_count == 0
    assert m.execution_waves_count == 3 and m.sequential_time_estimate > 0
    assert 0 < m.validation_time <= m.total_time
    assert {s.source for s in result.swea.values()} == {"template"}
    assert list(log.read().records) == [m]


def test_request_without_llm_opens_no_connection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a network connection was opened")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    cache = RecognitionCache(str(tmp_path / "cache.db"))
    result = generate_entity(
        "Create a system to manage students with name, email and GPA",
        tmp_path / "app",
        flags=ALL_ON,
        cache=cache,
        metrics_log=MetricsLog(tmp_path / "m.jsonl"),
    )
    assert result.ok, result.notes
    assert result.entity is not None and result.entity.name == "Student"
    assert result.recognition_source == "offline"
    assert result.metrics.recognition_time > 0


def test_custom_entity_without_llm_gets_templates_and_a_note(tmp_path: Path) -> None:
    result = generate_entity(
        "Create Invoice with amount and tax rate, and calculate the total with taxes",
        tmp_path / "app",
        llm=LLMConfig(),
        flags=ALL_ON,
        cache=RecognitionCache(str(tmp_path / "c.db")),
        metrics_log=MetricsLog(tmp_path / "m"),
    )
    assert result.ok, result.notes
    assert result.entity_type == "custom"
    assert any("NOT generated" in note for note in result.notes)
    assert any("no LLM is configured" in note for note in result.notes)
    assert result.metrics.template_fallback_count == 4 and result.metrics.template_used


def test_bad_requests_give_notes_not_crashes(tmp_path: Path) -> None:
    for request in ("", "   ", "hello there", "\x00\x01"):
        result = generate_entity(
            request,
            tmp_path / "app",
            llm=LLMConfig(),
            flags=ALL_ON,
            cache=RecognitionCache(str(tmp_path / "c.db")),
            metrics_log=MetricsLog(tmp_path / "m"),
        )
        assert not result.ok and result.notes
        assert not (tmp_path / "app").exists()
        assert result.metrics.error_count == 1


def test_never_overwrites_a_user_file(tmp_path: Path) -> None:
    root = tmp_path / "app"
    mine = root / "app/routers/student.py"
    mine.parent.mkdir(parents=True)
    mine.write_text("# my own router\n")
    result = generate_entity(STUDENT, root, llm=LLMConfig(), flags=ALL_ON, metrics_log=MetricsLog(tmp_path / "m"))
    assert not result.ok
    assert any("already exists" in note for note in result.notes)
    assert _files(root) == {"app/routers/student.py": "# my own router\n"}


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    result = generate_entity(
        STUDENT, tmp_path / "app", llm=LLMConfig(), flags=ALL_ON, dry_run=True, metrics_log=MetricsLog(tmp_path / "m")
    )
    assert result.ok and result.files and not result.written
    assert not (tmp_path / "app").exists()
    assert result.plan is not None and [f.path for f in result.plan.files] == [f.path for f in result.files]


def test_new_attribute_merges_the_users_edits_and_migrates_the_table(tmp_path: Path) -> None:
    root = tmp_path / "app"
    cache = RecognitionCache(str(tmp_path / "c.db"))
    log = MetricsLog(tmp_path / "m")
    assert generate_entity(STUDENT, root, llm=LLMConfig(), flags=ALL_ON, metrics_log=log).ok
    result = generate_entity("add email to Student", root, llm=LLMConfig(), flags=ALL_ON, cache=cache, metrics_log=log)
    assert result.ok, result.notes
    assert result.intent == "add_attributes"
    assert {f.path for f in result.files if f.kind == "create"} == {"migrations/0002_add_email_to_students.py"}
    assert "email" in (root / "app/models/student.py").read_text()
    assert "email TEXT NOT NULL" in (root / "migrations/0002_add_email_to_students.py").read_text()
    page = root / "ui/pages/1_Students.py"
    page.write_text(page.read_text() + "# my change\n")
    again = generate_entity(
        "students also need a phone number", root, llm=LLMConfig(), flags=ALL_ON, cache=cache, metrics_log=log
    )
    assert again.ok, again.notes
    assert "# my change" in page.read_text() and "phone" in page.read_text()


# -- the LLM path ------------------------------------------------------------------------------


def test_custom_entity_through_the_llm_measures_what_the_endpoint_reports(tmp_path: Path, fake_openai: FakeOpenAI) -> None:
    root, brain, result = _run(tmp_path, fake_openai)
    assert result.ok, result.notes
    requests = _generation_requests(fake_openai)
    assert len(requests) == 4
    compressed = {swea: standards_for(swea).get_compressed_text().strip() for swea in SWEAType}
    for request in requests:
        assert any(text in request.prompt_text for text in compressed.values())
        assert "Entity: Student" in request.prompt_text and "gpa: float" in request.prompt_text
    planned = {f.path: f.content for f in result.plan.files}
    assert planned["app/routers/student.py"] == (root / "app/routers/student.py").read_text()
    llm_files = {f.path for f in result.files if f.source == "llm"}
    assert llm_files == {"app/routers/student.py", "app/tables/student.py", "ui/pages/1_Students.py", "tests/test_student.py"}
    m = result.metrics
    reported = brain.tokens["generation"]
    assert m.backend_tokens + m.database_tokens + m.frontend_tokens + m.test_tokens == reported
    assert m.total_tokens == reported and m.prompt_token_count == brain.prompt_tokens["generation"]
    assert m.standards_type == "compressed" and not m.template_used
    assert m.llm_calls == 4 and m.llm_time > 0 and m.own_time < m.total_time
    assert m.validation_outcome == "confident_approval" and m.approval_granted
    assert m.retry_count == 0 and m.retry_method is None


def test_bad_first_answer_is_fixed_by_a_targeted_patch(tmp_path: Path, fake_openai: FakeOpenAI) -> None:
    root, brain, result = _run(tmp_path, fake_openai, defects={"app/tables/student.py": MISSING_IMPORT})
    assert result.ok, result.notes
    assert brain.calls.get("generation") == 4 and "regeneration" not in brain.calls
    assert "import sqlite3" in (root / "app/tables/student.py").read_text()
    m = result.metrics
    assert m.retry_method == "targeted_patch" and m.retry_count == 1 and m.retry_success
    assert m.retry_tokens == 0 and m.retry_tokens_saved == result.swea["database"].tokens > 0
    assert m.patch_feasibility > 0
    assert m.validation_outcome == "confident_rejection"
    assert result.swea["database"].retry_methods == ("targeted_patch",)


@pytest.mark.parametrize("defect, flags", [(HARD_CODED_SECRET, ALL_ON), (MISSING_IMPORT, _off("ENABLE_SMART_RETRY"))])
def test_regeneration_with_findings_as_feedback(
    tmp_path: Path, fake_openai: FakeOpenAI, defect: tuple, flags: FeatureFlags
) -> None:
    suffix = "app/routers/student.py" if defect is HARD_CODED_SECRET else "app/tables/student.py"
    root, brain, result = _run(tmp_path, fake_openai, flags=flags, defects={suffix: defect})
    assert result.ok, result.notes
    assert brain.calls.get("regeneration") == 1
    feedback = [r for r in fake_openai.completion_requests if "The validator rejected this module" in r.prompt_text]
    assert len(feedback) == 1
    assert ("BE007" if defect is HARD_CODED_SECRET else "ST003") in feedback[0].user_text
    m = result.metrics
    assert m.retry_method == "full_regeneration" and m.retry_count == 1 and m.retry_success
    assert m.retry_tokens > 0 and m.retry_tokens_saved == 0
    assert "SECRET_KEY" not in (root / "app/routers/student.py").read_text()


@pytest.mark.parametrize(
    "failure",
    [
        [error(500, "upstream broke")] * 8,
        [slow("```python\nx = 1\n```", delay_s=3.0)] * 8,
        [malformed()] * 8,
        [dropped()] * 8,
        [reply("I cannot write this module.")] * 12,
    ],
)
def test_llm_failures_give_clear_notes_and_write_nothing(tmp_path: Path, fake_openai: FakeOpenAI, failure: list) -> None:
    root = tmp_path / "app"
    fake_openai.enqueue(*failure)
    fake_openai.default = reply("still nothing useful")
    log = MetricsLog(tmp_path / "m")
    result = generate_entity(
        STUDENT, root, llm=_llm(fake_openai, timeout=0.5), flags=ALL_ON, entity_type="custom", metrics_log=log, max_attempts=2
    )
    assert not result.ok
    assert any(note.startswith(("database:", "backend:", "frontend:", "test:")) for note in result.notes)
    assert "nothing was written because generation failed" in result.notes
    assert not root.exists()
    assert not any(f.written for f in result.files)
    assert log.read().records[-1].error_count >= 1


@pytest.mark.parametrize("approved", [True, False])
def test_uncertain_outcome_goes_to_llm_review(tmp_path: Path, fake_openai: FakeOpenAI, approved: bool) -> None:
    review = {"approved": approved, "issues": [] if approved else ["TE003: no CRUD test"]}
    root, brain, result = _run(tmp_path, fake_openai, defects={"tests/test_student.py": EMPTY_MODULE}, review_answer=review)
    assert result.ok, result.notes
    assert brain.calls.get("review") == 1
    m = result.metrics
    assert m.validation_outcome == "uncertain" and m.validation_llm_called and m.validation_tokens > 0
    assert result.swea["test"].validation_outcome == "uncertain"
    written = (root / "tests/test_student.py").read_text()
    if approved:  # the reviewer's word decides: the module is kept as generated
        assert result.swea["test"].final_outcome == "llm_approval" and written.startswith('"""Tests of the')
        assert m.retry_count == 0
    else:  # rejected: regenerated with the reviewer's issues as feedback
        assert result.swea["test"].retry_methods == ("full_regeneration",)
        again = [r for r in fake_openai.completion_requests if "The validator rejected this module" in r.prompt_text]
        assert len(again) == 1 and "TE003: no CRUD test" in again[0].user_text
        assert "def test_" in written


# -- every flag off really switches its feature off ---------------------------------------------


def test_templates_off_sends_standard_entities_to_the_llm(tmp_path: Path, fake_openai: FakeOpenAI) -> None:
    _, _, result = _run(tmp_path, fake_openai, flags=_off("ENABLE_TEMPLATES"), entity_type=None)
    assert result.ok, result.notes
    assert result.entity_type == "standard"
    assert not result.metrics.template_used and result.metrics.template_id is None
    assert len(_generation_requests(fake_openai)) == 4
    assert {s.source for s in result.swea.values()} == {"llm"}


def test_templates_off_without_llm_fails_cleanly(tmp_path: Path) -> None:
    result = generate_entity(
        STUDENT, tmp_path / "app", llm=LLMConfig(), flags=_off("ENABLE_TEMPLATES"), metrics_log=MetricsLog(tmp_path / "m")
    )
    assert not result.ok and any("ENABLE_TEMPLATES is off" in n for n in result.notes)
    assert not (tmp_path / "app").exists()


def test_rule_validation_off_uses_llm_review(tmp_path: Path, fake_openai: FakeOpenAI) -> None:
    _, brain, result = _run(
        tmp_path, fake_openai, flags=_off("ENABLE_RULE_VALIDATION"), defects={"app/routers/student.py": HARD_CODED_SECRET}
    )
    assert result.ok, result.notes
    assert brain.calls.get("review") == 4  # the LLM approved everything, defect included
    assert "regeneration" not in brain.calls
    m = result.metrics
    assert m.validation_llm_called and m.validation_outcome == "llm_approval" and m.validation_tokens > 0


def test_llm_review_rejection_leads_to_regeneration(tmp_path: Path, fake_openai: FakeOpenAI) -> None:
    root, brain, result = _run(
        tmp_path,
        fake_openai,
        flags=_off("ENABLE_RULE_VALIDATION"),
        max_attempts=2,
        review_answer={"approved": False, "issues": ["BE001: wrong status"]},
    )
    assert not result.ok
    assert brain.calls.get("regeneration") == 4 and brain.calls.get("review") == 8
    assert any("BE001: wrong status" in n for n in result.notes)
    assert not root.exists()


def test_rule_validation_off_with_templates_reviews_with_the_llm(tmp_path: Path, fake_openai: FakeOpenAI) -> None:
    _, brain, result = _run(tmp_path, fake_openai, flags=_off("ENABLE_RULE_VALIDATION"), entity_type=None)
    assert result.ok, result.notes
    assert brain.calls.get("review", 0) >= 4 and "generation" not in brain.calls
    assert result.metrics.template_used and result.metrics.validation_outcome == "llm_approval"


def test_compressed_standards_off_sends_the_full_text(tmp_path: Path, fake_openai: FakeOpenAI) -> None:
    sizes = {}
    for flags, label in ((ALL_ON, "compressed"), (_off("ENABLE_COMPRESSED_STANDARDS"), "full")):
        root = tmp_path / label
        fake_openai.reset()
        fake_openai.handler = TemplateBrain(root)
        result = generate_entity(
            STUDENT, root, llm=_llm(fake_openai), flags=flags, entity_type="custom", metrics_log=MetricsLog(tmp_path / "m")
        )
        assert result.ok and result.metrics.standards_type == label
        backend = next(r for r in _generation_requests(fake_openai) if "app/routers/student.py" in r.user_text)
        expected = standards_for("backend").get_text(label == "compressed").strip()
        assert expected in backend.user_text
        sizes[label] = result.metrics.prompt_token_count
    assert sizes["compressed"] < sizes["full"]


@pytest.mark.parametrize("parallel", [True, False])
def test_parallel_flag(tmp_path: Path, fake_openai: FakeOpenAI, parallel: bool) -> None:
    flags = ALL_ON if parallel else _off("ENABLE_PARALLEL_EXECUTION")
    _, _, result = _run(tmp_path, fake_openai, flags=flags, delay_s=0.4)
    assert result.ok, result.notes
    last_wave = [
        r for r in _generation_requests(fake_openai) if "ui/pages/" in r.user_text or "tests/test_student.py" in r.user_text
    ]
    gap = abs(last_wave[0].received_at - last_wave[1].received_at)
    m = result.metrics
    assert m.parallel_execution_enabled is parallel
    assert m.sequential_time_estimate == pytest.approx(m.database_time + m.backend_time + m.frontend_time + m.test_time)
    if parallel:
        assert gap < 0.3
        assert m.parallel_time_actual < m.sequential_time_estimate and m.parallel_savings_pct > 10
    else:
        assert gap >= 0.35
        assert m.parallel_savings_pct == 0.0 and m.parallel_time_actual >= m.sequential_time_estimate


def test_recognition_cache_flag(tmp_path: Path) -> None:
    db = tmp_path / "cache.db"
    log = MetricsLog(tmp_path / "m")
    request = "Create Student with name and gpa"
    first = RecognitionCache(str(db))
    tiers = []
    for number, cache in enumerate((first, first, RecognitionCache(str(db)))):
        result = generate_entity(request, tmp_path / f"app{number}", llm=LLMConfig(), flags=ALL_ON, cache=cache, metrics_log=log)
        assert result.ok, result.notes
        tiers.append((result.metrics.cache_hit, result.metrics.cache_tier))
    assert tiers == [(False, None), (True, "memory"), (True, "persistent")]
    assert log.read().records[1].cache_hit_time > 0
    off = generate_entity(
        request, tmp_path / "app-off", llm=LLMConfig(), flags=_off("ENABLE_RECOGNITION_CACHE"), cache=first, metrics_log=log
    )
    assert off.ok and not off.metrics.cache_hit and off.recognition_source == "offline"
    assert first.cache_stats().total_requests == 2  # the flag off: the cache was not even asked


def test_request_through_the_llm_counts_recognition_tokens(tmp_path: Path, fake_openai: FakeOpenAI) -> None:
    root = tmp_path / "app"
    brain = TemplateBrain(root)
    fake_openai.handler = brain
    result = generate_entity(
        "Create Teacher with name and email, and send a notification email when assigned",
        root,
        llm=_llm(fake_openai),
        flags=ALL_ON,
        cache=RecognitionCache(str(tmp_path / "c.db")),
        metrics_log=MetricsLog(tmp_path / "m"),
    )
    assert result.ok, result.notes
    assert result.recognition_source == "llm" and result.entity_type == "custom"
    m = result.metrics
    assert m.recognition_tokens == brain.tokens["recognition"] > 0
    assert m.total_tokens == brain.tokens["recognition"] + brain.tokens["generation"]
    assert m.llm_calls == 5 and brain.calls == {"recognition": 1, "generation": 4}
    assert not any("NOT generated" in note for note in result.notes)  # the LLM did generate it


@pytest.mark.parametrize("request_value", [None, 42, {"entity": "Student"}, b"Create Student"])
def test_requests_of_the_wrong_type_are_refused(tmp_path: Path, request_value: object) -> None:
    result = generate_entity(
        request_value,
        tmp_path / "app",
        llm=LLMConfig(),
        flags=ALL_ON,  # type: ignore[arg-type]
        metrics_log=MetricsLog(tmp_path / "m"),
    )
    assert not result.ok and "must be a sentence, an EntitySpec or an EntityChange" in result.notes[0]
    assert not (tmp_path / "app").exists()


def test_flags_default_to_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENABLE_TEMPLATES", "false")
    monkeypatch.setenv("ENABLE_PARALLEL_EXECUTION", "maybe")  # invalid: default (on) with a note
    result = generate_entity(STUDENT, tmp_path / "app", llm=LLMConfig(), metrics_log=MetricsLog(tmp_path / "m"))
    assert not result.ok and any("ENABLE_TEMPLATES is off" in n for n in result.notes)
    assert any("ENABLE_PARALLEL_EXECUTION" in n for n in result.notes)


def test_a_failing_review_call_fails_the_request_cleanly(tmp_path: Path, fake_openai: FakeOpenAI) -> None:
    root = tmp_path / "app"
    brain = TemplateBrain(root)

    def handler(request):  # generation works, every review call errors
        if "You review generated Python code" in request.prompt_text:
            return error(503, "review service down")
        return brain(request)

    fake_openai.handler = handler
    result = generate_entity(
        STUDENT,
        root,
        llm=_llm(fake_openai),
        flags=_off("ENABLE_RULE_VALIDATION"),
        entity_type="custom",
        metrics_log=MetricsLog(tmp_path / "m"),
    )
    assert not result.ok
    assert any("an LLM review call failed" in n and "review service down" in n for n in result.notes)
    assert not root.exists()


def test_a_crash_in_smart_retry_falls_back_to_regeneration(
    tmp_path: Path, fake_openai: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    from baes.generation import smart_retry

    def crash(self: object, *args: object, **kwargs: object) -> None:
        raise RuntimeError("patcher bug")

    monkeypatch.setattr(smart_retry.SmartRetry, "retry", crash)
    _, brain, result = _run(tmp_path, fake_openai, defects={"app/tables/student.py": MISSING_IMPORT})
    assert result.ok, result.notes
    assert brain.calls.get("regeneration") == 1
    assert any("targeted patching failed (RuntimeError: patcher bug)" in n for n in result.notes)


def test_a_module_with_import_time_side_effects_is_sent_back_not_written(tmp_path: Path, fake_openai: FakeOpenAI) -> None:
    root, brain, result = _run(tmp_path, fake_openai, defects={"app/tables/student.py": IMPORT_TIME_SHELL})
    assert result.ok, result.notes
    assert brain.calls.get("regeneration") == 1
    feedback = [r for r in fake_openai.completion_requests if "The validator rejected this module" in r.prompt_text]
    assert "import-time side effect" in feedback[0].user_text and "os.system" in feedback[0].user_text
    assert "os.system" not in (root / "app/tables/student.py").read_text()


def test_a_module_that_keeps_its_side_effects_is_never_written(tmp_path: Path, fake_openai: FakeOpenAI) -> None:
    root, brain, result = _run(
        tmp_path, fake_openai, max_attempts=2, defects={"app/tables/student.py": IMPORT_TIME_SHELL}, defects_persist=True
    )
    assert not result.ok
    assert any("import-time side effect" in note and "os.system" in note for note in result.notes), result.notes
    assert not (root / "app/tables/student.py").exists()


def test_a_reference_from_a_child_that_does_not_exist_yet_creates_it(tmp_path: Path) -> None:
    root = tmp_path / "app"
    log = MetricsLog(tmp_path / "m")
    assert generate_entity(EntitySpec("Team", (AttributeSpec("name"),)), root, llm=LLMConfig(), flags=ALL_ON, metrics_log=log).ok
    result = generate_entity(
        EntityChange("Player", add_relationships=(RelationshipSpec("Team"),)),
        root,
        llm=LLMConfig(),
        flags=ALL_ON,
        metrics_log=log,
    )
    assert result.ok, result.notes
    assert inspect_project(root).get("Player") == EntitySpec("Player", relationships=(RelationshipSpec("Team"),))
    refused = generate_entity(EntityChange("Coach", remove=("name",)), root, llm=LLMConfig(), flags=ALL_ON, metrics_log=log)
    assert not refused.ok and "Coach is not an entity of this app" in refused.notes[0]
