"""``recognize``: the cache in front of the recognizers, the flag, sources, and no network without an LLM."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from baes.generation.llm_client import LLMConfig
from baes.recognition import recognize as recognition_module
from baes.recognition.cache import RecognitionCache
from baes.recognition.model import RecognitionError
from baes.recognition.recognize import cache_context, from_cached, recognize, to_cached
from baes.scaffold.classification import EntityType
from baes.settings.config import FeatureFlags

SCENARIO = [
    "create Student with name and email",
    "add email to Student",
    "create Course with title and credits",
    "add Course to Student",
    "create Teacher with name and hire date",
    "add Teacher to Course",
]


def test_sources_across_tiers_and_sessions(tmp_path: Path) -> None:
    path = str(tmp_path / "c.db")
    first = RecognitionCache(path)
    assert recognize("Create a Student entity with name", cache=first).source == "offline"
    assert recognize("create student entity with name", cache=first).source == "cache:memory"
    second = RecognitionCache(path)  # a new session
    hit = recognize("Create the student entity with a name!", cache=second)
    assert hit.source == "cache:persistent" and hit.from_cache
    assert hit.entity.name == "Student" and [a.name for a in hit.entity.attributes] == ["name"]


def test_a_cache_hit_restores_intent_and_relationship(tmp_path: Path) -> None:
    cache = RecognitionCache(str(tmp_path / "c.db"))
    fresh = recognize("add course to student", existing_entities=["Student", "Course"], cache=cache)
    cache.clear_memory_cache()
    hit = recognize("add course to student", existing_entities=["Course", "Student"], cache=cache)
    assert hit.source == "cache:persistent"
    assert (hit.intent, hit.entity, hit.related_entity, hit.entity_type) == (
        fresh.intent,
        fresh.entity,
        fresh.related_entity,
        fresh.entity_type,
    )
    reverse = recognize("add student to course", existing_entities=["Student", "Course"], cache=cache)
    assert reverse.source == "offline" and reverse.entity.name == "Course"


def test_existing_entities_change_the_key_when_the_request_mentions_them(tmp_path: Path) -> None:
    cache = RecognitionCache(str(tmp_path / "c.db"))
    assert recognize("add mentor to student", cache=cache).intent == "add_attributes"
    linked = recognize("add mentor to student", existing_entities=["Student", "Mentor"], cache=cache)
    assert (linked.source, linked.intent) == ("offline", "relationship")
    # an entity the request does not mention does not split the key
    other = recognize("add mentor to student", existing_entities=["Student", "Mentor", "Invoice"], cache=cache)
    assert other.source == "cache:memory"
    assert cache_context("add mentor to student", ["Invoice"]) == cache_context("add mentor to student", ["Invoice", "Kiln"])
    # an app with no entities is changed by no removal or deletion: its readings are kept apart
    assert cache_context("add mentor to student", ["Invoice"]) != cache_context("add mentor to student", [])


def test_custom_classification_survives_the_cache(tmp_path: Path) -> None:
    cache = RecognitionCache(str(tmp_path / "c.db"))
    request = "Create an Order with total and send email notifications"
    fresh = recognize(request, cache=cache)
    cache.clear_memory_cache()
    hit = recognize(request, cache=cache)
    assert fresh.entity_type is hit.entity_type is EntityType.CUSTOM
    assert hit.custom_logic_reasons == fresh.custom_logic_reasons and hit.requires_custom_logic


@pytest.mark.parametrize("how", ["flags", "environment"])
def test_flag_off_bypasses_the_cache_entirely(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    path = tmp_path / "c.db"
    cache = RecognitionCache(str(path))
    flags = FeatureFlags(ENABLE_RECOGNITION_CACHE=False) if how == "flags" else None
    if how == "environment":
        monkeypatch.setenv("ENABLE_RECOGNITION_CACHE", "false")
    for _ in range(3):
        assert recognize("create Student with name", cache=cache, flags=flags).source == "offline"
    stats = cache.cache_stats()
    assert (stats.total_requests, stats.memory_size, stats.persistent_size) == (0, 0, 0)


def test_no_cache_given_means_no_caching(isolated_cache_dir: Path) -> None:
    assert recognize("create Student with name").source == "offline"
    assert recognize("create Student with name").source == "offline"
    assert not (isolated_cache_dir / "recognition_cache.db").exists()


def test_an_invalid_cached_entry_is_a_miss(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    cache = RecognitionCache(str(path))
    recognize("create Student with name", cache=cache)
    cache.close()
    with sqlite3.connect(path) as conn:
        payload = conn.execute("SELECT payload FROM recognitions").fetchone()[0]
        conn.execute("UPDATE recognitions SET payload = ?", (payload.replace('"Student"', '"../etc"'),))
    fresh_cache = RecognitionCache(str(path))
    result = recognize("create Student with name", cache=fresh_cache)
    assert result.source == "offline" and result.entity.name == "Student"


def test_cached_round_trip() -> None:
    original = recognize("Teachers have a name, an optional office and a hire date")
    entry = to_cached("Teachers have a name, an optional office and a hire date", original)
    assert entry.entity_type == "STANDARD" and entry.requires_custom_logic is False
    back = from_cached(entry, source="cache:memory")
    assert back is not None and back.entity == original.entity and back.intent == original.intent


def test_internal_errors_become_recognition_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(request: str, existing: object) -> object:
        raise ZeroDivisionError("bug")

    monkeypatch.setattr(recognition_module, "recognize_offline", broken)
    with pytest.raises(RecognitionError, match="internal error"):
        recognize("create Student")


@pytest.mark.parametrize("bad", ["", "   ", None, 42])
def test_bad_requests_raise_recognition_error(bad: object) -> None:
    with pytest.raises(RecognitionError):
        recognize(bad)  # type: ignore[arg-type]


def test_no_llm_configured_opens_no_network_connection(
    no_network: list[object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Recognition and the cache run the whole scenario with sockets forbidden and no client built."""
    from baes.generation import llm_client as llm_module

    def no_client(self: object, config: object) -> None:
        raise AssertionError("an LLM client was built without an LLM configured")

    monkeypatch.setattr(llm_module.LLMClient, "__init__", no_client)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-would-be-used")
    config = LLMConfig.from_env()
    assert not config.enabled
    path = str(tmp_path / "c.db")
    for session in range(2):
        cache = RecognitionCache(path)
        existing: list[str] = []
        for request in SCENARIO:
            result = recognize(request, existing_entities=existing, llm=config, cache=cache)
            assert result.source == ("offline" if session == 0 else "cache:persistent")
            if result.intent == "create":
                existing.append(result.entity.name)
        assert cache.cache_stats().overall_hit_rate == (0.0 if session == 0 else 1.0)
    assert no_network == []


def test_notes_and_evolution_fields_come_back_from_the_cache(tmp_path) -> None:
    """Notes are part of the answer: a memory hit and a disk hit (a new cache object) restore them."""
    flags = FeatureFlags(ENABLE_RECOGNITION_CACHE=True)
    path = str(tmp_path / "cache.db")
    request = "Create a Crate entity with weigth and no label"
    fresh = recognize(request, cache=RecognitionCache(path), flags=flags)
    assert fresh.source == "offline" and len(fresh.notes) == 2
    memory = RecognitionCache(path)
    recognize(request, cache=memory, flags=flags)
    hit = recognize(request, cache=memory, flags=flags)
    assert hit.source == "cache:memory" and hit.notes == fresh.notes
    disk = recognize(request, cache=RecognitionCache(path), flags=flags)
    assert disk.source == "cache:persistent" and disk.notes == fresh.notes

    recognize("rename cost to unit price in Product", existing_entities=["Product"], cache=RecognitionCache(path), flags=flags)
    again = recognize(
        "rename cost to unit price in Product", existing_entities=["Product"], cache=RecognitionCache(path), flags=flags
    )
    assert again.from_cache
    assert (again.intent, again.renamed_from, again.renamed_to) == ("rename_attribute", "cost", "unit_price")


def test_old_and_damaged_cache_rows_never_crash(tmp_path) -> None:
    """A row written before notes existed reads with no notes; a row with a malformed field is a miss."""
    recognition = recognize("Create a Crate entity with weight")
    old = dataclasses.replace(to_cached("Create a Crate entity with weight", recognition), intent="delete", notes=None)  # type: ignore[arg-type]
    restored = from_cached(old, source="cache:persistent")
    assert restored is not None and restored.intent == "delete_entity" and restored.notes == ()
    damaged = dataclasses.replace(old, notes=[1, 2])
    assert from_cached(damaged, source="cache:persistent") is None
    cache = RecognitionCache(str(tmp_path / "c.db"))
    context = cache_context("Create a Crate entity with weight")
    cache.put(dataclasses.replace(old, intent="create", notes="not a list"), context=context)  # type: ignore[arg-type]
    flags = FeatureFlags(ENABLE_RECOGNITION_CACHE=True)
    assert cache.lookup("Create a Crate entity with weight", context=context) is not None  # stored, but invalid
    assert recognize("Create a Crate entity with weight", cache=cache, flags=flags).source == "offline"
