"""``baes cache`` never changes a file it should only read, nor a file that is not its cache (issue 15 case 6)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from baes.cli.main import main
from baes.recognition.cache import CachedRecognition, RecognitionCache


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


@pytest.mark.parametrize("action", [["stats"], ["clear"], ["cleanup", "--days", "1"]])
def test_a_file_that_is_not_a_database_is_left_exactly_as_it_was(tmp_path: Path, capsys, action: list[str]) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("my notes, not a database\n" * 100)
    before = _snapshot(tmp_path)
    assert main(["cache", "--db", str(notes), *action]) == 2
    assert "is not a baes recognition cache" in capsys.readouterr().err
    assert _snapshot(tmp_path) == before


def test_stats_of_a_missing_file_creates_nothing(tmp_path: Path, capsys) -> None:
    target = tmp_path / "cache.db"
    assert main(["cache", "--db", str(target), "stats"]) == 0
    assert "Entries on disk" in capsys.readouterr().out
    assert list(tmp_path.iterdir()) == []


def test_stats_reads_an_old_layout_without_migrating_it(tmp_path: Path, capsys) -> None:
    target = tmp_path / "cache.db"
    with sqlite3.connect(target) as conn:
        conn.execute("CREATE TABLE recognition_cache (user_request TEXT, entity_name TEXT)")
        conn.execute("INSERT INTO recognition_cache VALUES ('students', 'Student')")
    before = _snapshot(tmp_path)
    assert main(["cache", "--db", str(target), "stats"]) == 2
    assert "open it once with baes to migrate it" in capsys.readouterr().err
    assert _snapshot(tmp_path) == before


def test_stats_of_a_real_cache_counts_its_entries_and_writes_nothing(tmp_path: Path, capsys) -> None:
    target = tmp_path / "cache.db"
    cache = RecognitionCache(str(target))
    cache.put(CachedRecognition("manage students", "", "Student", [], "STANDARD", False, [], "2026-01-01T00:00:00"))
    cache.close()
    for side in tmp_path.glob("cache.db-*"):
        os.remove(side)  # checkpointed on close; what remains is the database alone
    before = _snapshot(tmp_path)
    assert main(["cache", "--db", str(target), "stats", "--format", "json"]) == 0
    assert '"persistent_size": 1' in capsys.readouterr().out
    assert _snapshot(tmp_path) == before
