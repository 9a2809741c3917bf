"""``baes.recognition.cache``: the reference's API, tiers, stats, keys, sharing and damage."""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import sqlite3
from dataclasses import fields
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from baes.recognition.cache import SCHEMA_VERSION, CachedRecognition, CacheStats, RecognitionCache, default_cache


def _entry(request: str, entity: str = "Student", cached_at: str | None = None, **extra: object) -> CachedRecognition:
    return CachedRecognition(
        user_request=request,
        normalized_key="",
        entity_name=entity,
        attributes=[{"name": "name", "type": "str", "required": True}],
        entity_type="STANDARD",
        requires_custom_logic=False,
        custom_logic_reasons=[],
        cached_at=cached_at or datetime.now().isoformat(),
        **extra,
    )  # type: ignore[arg-type]


def test_reference_dataclass_fields() -> None:
    assert [f.name for f in fields(CachedRecognition)][:9] == [
        "user_request",
        "normalized_key",
        "entity_name",
        "attributes",
        "entity_type",
        "requires_custom_logic",
        "custom_logic_reasons",
        "cached_at",
        "cache_version",
    ]
    assert [f.name for f in fields(CacheStats)] == [
        "memory_size",
        "persistent_size",
        "memory_hit_count",
        "persistent_hit_count",
        "miss_count",
        "memory_hit_rate",
        "persistent_hit_rate",
        "overall_hit_rate",
        "oldest_entry",
        "newest_entry",
        "total_requests",
    ]


def test_reference_usage_example_runs_as_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The API reference's example, verbatim apart from defining ``perform_entity_recognition``."""
    calls: list[str] = []

    def perform_entity_recognition(request: str) -> dict[str, str]:
        calls.append(request)
        return {"entity": "Student"}

    def example() -> None:
        from datetime import datetime

        from baes.recognition.cache import CachedRecognition, RecognitionCache

        # Initialize cache
        cache = RecognitionCache()

        # Check cache
        request = "Create a system to manage university students"
        cached = cache.get(request)

        if cached:
            print(f"Cache hit! Entity: {cached.entity_name}")
            print(f"Attributes: {cached.attributes}")
        else:
            # Cache miss - call OpenAI
            recognition = perform_entity_recognition(request)  # noqa: F841 (the reference example, verbatim)

            # Store in cache
            cache.put(
                CachedRecognition(
                    user_request=request,
                    normalized_key=cache._normalize_request(request),
                    entity_name="Student",
                    attributes=[{"name": "name", "type": "str"}],
                    entity_type="STANDARD",
                    requires_custom_logic=False,
                    custom_logic_reasons=[],
                    cached_at=datetime.now().isoformat(),
                )
            )

        # View statistics
        stats = cache.cache_stats()
        print(f"Memory hit rate: {stats.memory_hit_rate:.1%}")
        print(f"Overall hit rate: {stats.overall_hit_rate:.1%}")

    example()
    first = capsys.readouterr().out
    assert "Overall hit rate: 0.0%" in first and calls == ["Create a system to manage university students"]
    example()  # a new cache object: the persistent tier answers
    second = capsys.readouterr().out
    assert "Cache hit! Entity: Student" in second and "Attributes: [{'name': 'name', 'type': 'str'}]" in second
    assert "Overall hit rate: 100.0%" in second and len(calls) == 1
    assert (Path(os.environ["BAES_CACHE_DIR"]) / "recognition_cache.db").exists()
    assert not (tmp_path / "database").exists() and not Path("database/recognition_cache.db").exists()


def test_default_location_is_the_user_cache_folder(isolated_cache_dir: Path) -> None:
    cache = RecognitionCache()
    assert cache.cache_db_path == isolated_cache_dir / "recognition_cache.db"
    assert default_cache() is default_cache()


def test_miss_put_memory_hit_and_persistent_promotion(tmp_path: Path) -> None:
    cache = RecognitionCache(str(tmp_path / "c.db"))
    assert cache.get("create student") is None
    cache.put(_entry("create student"))
    assert cache.lookup("Create a Student")[1] == "memory"  # type: ignore[index]
    cache.clear_memory_cache()
    assert cache.cache_stats().memory_size == 0
    assert cache.lookup("create student")[1] == "persistent"  # type: ignore[index]
    assert cache.lookup("create student")[1] == "memory"  # type: ignore[index]  (promoted)
    stats = cache.cache_stats()
    assert (stats.memory_hit_count, stats.persistent_hit_count, stats.miss_count, stats.total_requests) == (2, 1, 1, 4)
    assert stats.memory_hit_rate == pytest.approx(0.5)
    assert stats.persistent_hit_rate == pytest.approx(0.25)
    assert stats.overall_hit_rate == pytest.approx(0.75)
    assert (stats.memory_size, stats.persistent_size) == (1, 1)


def test_empty_stats_have_zero_rates(tmp_path: Path) -> None:
    stats = RecognitionCache(str(tmp_path / "c.db")).cache_stats()
    assert stats == CacheStats(0, 0, 0, 0, 0, 0.0, 0.0, 0.0, None, None, 0)


def test_oldest_and_newest_entries(tmp_path: Path) -> None:
    cache = RecognitionCache(str(tmp_path / "c.db"))
    now = datetime.now()
    stamps = [(now - timedelta(days=d)).isoformat() for d in (3, 10, 1)]
    for i, stamp in enumerate(stamps):
        cache.put(_entry(f"create thing{i}", cached_at=stamp))
    stats = cache.cache_stats()
    assert (stats.oldest_entry, stats.newest_entry) == (stamps[1], stamps[2])


def test_lru_evicts_the_least_recently_used(tmp_path: Path) -> None:
    cache = RecognitionCache(str(tmp_path / "c.db"), max_memory_entries=3)
    for name in ("alpha", "beta", "gamma"):
        cache.put(_entry(f"create {name}"))
    cache.get("create alpha")  # alpha is now the most recent
    cache.put(_entry("create delta"))  # evicts beta
    assert cache.cache_stats().memory_size == 3
    assert cache.lookup("create alpha")[1] == "memory"  # type: ignore[index]
    assert cache.lookup("create beta")[1] == "persistent"  # type: ignore[index]


def test_default_memory_size_is_100(tmp_path: Path) -> None:
    cache = RecognitionCache(str(tmp_path / "c.db"))
    for i in range(130):
        cache.put(_entry(f"create thing number {i}"))
    stats = cache.cache_stats()
    assert (stats.memory_size, stats.persistent_size) == (100, 130)


@pytest.mark.parametrize(
    "one, other",
    [
        ("Create a Student entity", "create student entity"),
        ("Create a Student entity", "Could you please create the new student entity? Thanks"),
        ("Please create a new Student!", "create student"),
        ("Add Course to Student.", "add course to the student"),
        ("CREATE   a  BOOK with Title", "create book with title"),
        ("Students also need a phone number", "students also needs the phone number"),
        ("The system manages university students", "system managing university students"),
    ],
)
def test_paraphrases_share_a_key(one: str, other: str) -> None:
    cache = RecognitionCache(":memory:")
    assert cache._normalize_request(one) == cache._normalize_request(other)


@pytest.mark.parametrize(
    "one, other",
    [
        ("add course to student", "add student to course"),
        ("create student with no email", "create student with email"),
        ("create student without email", "create student with email"),
        ("students do not need an email", "students need an email"),
        ("create student with optional email", "create student with email"),
        ("delete course", "create course"),
        ("Create an OrderItem", "create an orderitem"),
        ("create book with title, price", "create book with title price"),
        ("create movie with rating", "create movie with rate"),
    ],
)
def test_meaning_changes_give_different_keys(one: str, other: str) -> None:
    cache = RecognitionCache(":memory:")
    assert cache._normalize_request(one) != cache._normalize_request(other)


def test_normalization_needs_no_nltk_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import nltk

    monkeypatch.setattr(nltk.data, "path", [str(tmp_path / "no-data")])
    key = RecognitionCache(":memory:")._normalize_request("Students don't need emails")
    assert key == "students do not need emails"


def test_context_separates_entries_and_put_recomputes_the_key(tmp_path: Path) -> None:
    cache = RecognitionCache(str(tmp_path / "c.db"))
    wrong_key = _entry("create student", entity="Student")
    wrong_key.normalized_key = "something else entirely"
    cache.put(wrong_key)
    cache.put(_entry("create student", entity="Pupil"), context="llm|model-b")
    assert cache.get("create student").entity_name == "Student"  # type: ignore[union-attr]
    assert cache.get("create student", context="llm|model-b").entity_name == "Pupil"  # type: ignore[union-attr]
    assert cache.get("create student", context="llm|model-c") is None
    assert cache.cache_stats().persistent_size == 2


def test_extra_fields_survive_the_round_trip(tmp_path: Path) -> None:
    cache = RecognitionCache(str(tmp_path / "c.db"))
    cache.put(
        _entry(
            "add course to student",
            intent="relationship",
            related_entity="Course",
            relationships=[{"target": "Course", "required": True}],
        )
    )
    cache.clear_memory_cache()
    hit = cache.get("add course to student")
    assert hit is not None and (hit.intent, hit.related_entity) == ("relationship", "Course")
    assert hit.relationships == [{"target": "Course", "required": True}]


def test_returned_entries_are_copies(tmp_path: Path) -> None:
    cache = RecognitionCache(str(tmp_path / "c.db"))
    cache.put(_entry("create student"))
    cache.get("create student").attributes.append({"name": "oops"})  # type: ignore[union-attr]
    again = cache.get("create student")
    assert again is not None and again.attributes == [{"name": "name", "type": "str", "required": True}]


def test_clear_all_and_cleanup_old_entries(tmp_path: Path) -> None:
    cache = RecognitionCache(str(tmp_path / "c.db"))
    old = (datetime.now() - timedelta(days=40)).isoformat()
    cache.put(_entry("create old thing", cached_at=old))
    cache.put(_entry("create new thing"))
    assert cache.cleanup_old_entries(30) == 1
    assert cache.get("create old thing") is None and cache.get("create new thing") is not None
    assert cache.cleanup_old_entries("soon") == 0  # type: ignore[arg-type]
    cache.clear_all()
    stats = cache.cache_stats()
    assert (stats.memory_size, stats.persistent_size, stats.total_requests) == (0, 0, 0)


def test_wal_mode_and_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    RecognitionCache(str(path)).put(_entry("create student"))
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("SELECT version FROM schema_version").fetchone()[0] == SCHEMA_VERSION


def test_migration_from_the_original_layout(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as conn:
        conn.execute("""CREATE TABLE recognition_cache (normalized_key TEXT PRIMARY KEY, user_request TEXT,
                        entity_name TEXT, attributes TEXT, entity_type TEXT, requires_custom_logic INTEGER,
                        custom_logic_reasons TEXT, cached_at TEXT, cache_version TEXT)""")
        conn.execute(
            "INSERT INTO recognition_cache VALUES (?,?,?,?,?,?,?,?,?)",
            (
                "manag student univers",
                "Create a system to manage university students",
                "Student",
                json.dumps([{"name": "name", "type": "str"}]),
                "standard",
                0,
                "[]",
                "2026-01-02T03:04:05",
                "1.0",
            ),
        )
        conn.execute(
            "INSERT INTO recognition_cache VALUES (?,?,?,?,?,?,?,?,?)",
            ("broken", None, None, "not json", None, 0, None, None, None),
        )
    cache = RecognitionCache(str(path))
    hit = cache.get("create a system to manage university students")
    assert hit is not None and hit.entity_name == "Student" and hit.entity_type == "STANDARD"
    assert hit.cached_at == "2026-01-02T03:04:05"
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "recognition_cache" not in tables and {"recognitions", "schema_version"} <= tables
    assert cache.cache_stats().persistent_size == 1


def test_a_newer_schema_is_left_alone(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "new.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL, key_version INTEGER NOT NULL)")
        conn.execute("INSERT INTO schema_version VALUES (?, 1)", (SCHEMA_VERSION + 1,))
    cache = RecognitionCache(str(path))
    with caplog.at_level(logging.WARNING):
        cache.put(_entry("create student"))
    assert cache.get("create student") is not None  # memory tier still works
    assert "newer baes" in caplog.text
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchone()[0] == SCHEMA_VERSION + 1


@pytest.mark.parametrize("content", [b"this is not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 4000])
def test_corrupt_file_is_moved_aside_and_rebuilt(tmp_path: Path, caplog: pytest.LogCaptureFixture, content: bytes) -> None:
    path = tmp_path / "c.db"
    path.write_bytes(content)
    with caplog.at_level(logging.WARNING):
        cache = RecognitionCache(str(path))
        assert cache.get("create student") is None
        cache.put(_entry("create student"))
    moved = list(tmp_path.glob("c.db.corrupt-*"))
    assert len(moved) == 1 and moved[0].read_bytes() == content
    assert "corrupt" in caplog.text
    cache.clear_memory_cache()
    assert cache.get("create student") is not None


def test_file_corrupted_while_open_degrades_then_recovers(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    cache = RecognitionCache(str(path))
    cache.put(_entry("create student"))
    cache.close()
    path.write_bytes(b"garbage" * 500)
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    cache.clear_memory_cache()
    assert cache.get("create student") is None  # a miss, not an exception
    cache.put(_entry("create student"))
    assert RecognitionCache(str(path)).get("create student") is not None


def test_errors_never_reach_the_caller(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = RecognitionCache(str(blocker / "sub" / "c.db"))  # its folder cannot be created
    with caplog.at_level(logging.WARNING):
        cache.put(_entry("create student"))
        cache.put(_entry("create course"))
    assert caplog.text.count("using memory only") == 1  # said once, not on every call
    assert cache.get("create student") is not None  # memory still works
    assert cache.cache_stats().persistent_size == 0
    assert cache.cleanup_old_entries(1) == 0
    cache.clear_all()
    cache.put("not a recognition")  # type: ignore[arg-type]
    assert cache.get(None) is None  # type: ignore[arg-type]


def _writer(path: str, prefix: str, count: int) -> None:
    cache = RecognitionCache(path)
    for i in range(count):
        cache.put(_entry(f"create {prefix} number {i}", entity="Thing"))
        cache.get(f"create {prefix} number {i // 2}")


def test_two_processes_write_at_once(tmp_path: Path) -> None:
    path = str(tmp_path / "shared.db")
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_writer, args=(path, name, 150)) for name in ("alpha", "beta")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT COUNT(*) FROM recognitions").fetchone()[0] == 300
    cache = RecognitionCache(path)
    assert cache.get("create alpha number 149") is not None and cache.get("create beta number 0") is not None


def test_one_cache_shared_by_threads(tmp_path: Path) -> None:
    import threading

    cache = RecognitionCache(str(tmp_path / "c.db"), max_memory_entries=20)
    errors: list[BaseException] = []

    def work(prefix: str) -> None:
        try:
            for i in range(60):
                cache.put(_entry(f"create {prefix} thing {i}"))
                assert cache.get(f"create {prefix} thing {i}") is not None
                cache.get(f"create {prefix} other {i}")
        except BaseException as exc:  # collected for the main thread
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(name,)) for name in ("a", "b", "c", "d")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    stats = cache.cache_stats()
    assert stats.persistent_size == 240 and stats.memory_size == 20
    assert stats.total_requests == 480 and stats.miss_count == 240
    assert stats.memory_hit_count + stats.persistent_hit_count == 240
