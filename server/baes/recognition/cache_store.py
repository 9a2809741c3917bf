"""The recognition cache's SQLite file: its layout, migrations, transactions and corruption test.

One table ``recognitions`` keyed by (normalized request, context) holding each entry as
JSON, and ``schema_version`` (layout and key-function versions). Schema 1 is the original
BAES table, migrated on first open; a changed key function re-keys every row.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime
from typing import Any

from baes.recognition.cache_entry import CachedRecognition, from_payload, json_list, to_epoch
from baes.recognition.normalize import KEY_VERSION

log = logging.getLogger(__name__)

#: Version of the SQLite layout. 1: the original BAES table (no version table, bag-of-words keys).
SCHEMA_VERSION = 2


def stored_versions(conn: sqlite3.Connection) -> tuple[int, int | None]:
    """(layout version, key-function version) of an open file; (0, None) for an empty one."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "schema_version" in tables:
        row = conn.execute("SELECT version, key_version FROM schema_version").fetchone()
        return (int(row[0]), int(row[1])) if row else (0, None)
    if "recognition_cache" in tables:
        return 1, None  # the original BAES layout
    return 0, None


def create_schema(conn: sqlite3.Connection) -> None:
    conn.execute("""CREATE TABLE IF NOT EXISTS recognitions (
                        normalized_key TEXT NOT NULL,
                        context TEXT NOT NULL DEFAULT '',
                        user_request TEXT NOT NULL,
                        payload TEXT NOT NULL,
                        cached_at TEXT NOT NULL,
                        cached_epoch REAL NOT NULL,
                        PRIMARY KEY (normalized_key, context))""")
    conn.execute("CREATE INDEX IF NOT EXISTS recognitions_epoch ON recognitions (cached_epoch)")
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, key_version INTEGER NOT NULL)")
    conn.execute("DELETE FROM schema_version")
    conn.execute("INSERT INTO schema_version (version, key_version) VALUES (?, ?)", (SCHEMA_VERSION, KEY_VERSION))


def migrate_from_v1(conn: sqlite3.Connection, normalize: Callable[[str], str]) -> None:
    """Copy the original table's rows under our keys (they answered the context-free API), then drop it."""
    create_schema(conn)
    names = [row[1] for row in conn.execute("PRAGMA table_info(recognition_cache)")]
    columns = set(names)
    migrated = 0
    for row in conn.execute("SELECT * FROM recognition_cache").fetchall():
        data = dict(zip(names, row, strict=False))
        if not all(isinstance(data.get(k), str) and data[k].strip() for k in ("user_request", "entity_name")):
            continue  # nothing usable in this row
        try:
            entry = CachedRecognition(
                user_request=str(data["user_request"]),
                normalized_key="",
                entity_name=str(data["entity_name"]),
                attributes=json_list(data.get("attributes")),
                entity_type=str(data.get("entity_type") or "STANDARD").upper(),
                requires_custom_logic=bool(data.get("requires_custom_logic")),
                custom_logic_reasons=[str(r) for r in json_list(data.get("custom_logic_reasons"))],
                cached_at=str(data.get("cached_at") or datetime.now().isoformat()),
                cache_version=str(data.get("cache_version") or "1.0") if "cache_version" in columns else "1.0",
            )
        except (KeyError, TypeError, ValueError):
            continue
        entry.normalized_key = normalize(entry.user_request)
        db_put(conn, entry, json.dumps(asdict(entry), default=str))
        migrated += 1
    conn.execute("DROP TABLE recognition_cache")
    log.info("recognition cache: migrated %d entries from schema 1 to %d", migrated, SCHEMA_VERSION)


def rekey(conn: sqlite3.Connection, normalize: Callable[[str], str]) -> None:
    """The key function changed: recompute every row's key from its request."""
    rows = conn.execute("SELECT payload FROM recognitions").fetchall()
    conn.execute("DELETE FROM recognitions")
    for (payload,) in rows:
        entry = from_payload(payload)
        if entry is None:
            continue
        entry.normalized_key = normalize(entry.user_request)
        db_put(conn, entry, json.dumps(asdict(entry), default=str))
    conn.execute("UPDATE schema_version SET key_version = ?", (KEY_VERSION,))


def db_get(conn: sqlite3.Connection, key: tuple[str, str]) -> CachedRecognition | None:
    row = conn.execute("SELECT payload FROM recognitions WHERE normalized_key = ? AND context = ?", key).fetchone()
    if row is None:
        return None
    return from_payload(row[0])


def db_put(conn: sqlite3.Connection, entry: CachedRecognition, payload: str) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO recognitions"
        " (normalized_key, context, user_request, payload, cached_at, cached_epoch) VALUES (?, ?, ?, ?, ?, ?)",
        (entry.normalized_key, entry.context, entry.user_request, payload, entry.cached_at, to_epoch(entry.cached_at)),
    )


def db_summary(conn: sqlite3.Connection) -> tuple[int, str | None, str | None]:
    """(entries, oldest, newest) of the file; a file without the table holds nothing."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "recognitions" not in tables:
        return 0, None, None
    size = conn.execute("SELECT COUNT(*) FROM recognitions").fetchone()[0]
    oldest = conn.execute("SELECT cached_at FROM recognitions ORDER BY cached_epoch ASC LIMIT 1").fetchone()
    newest = conn.execute("SELECT cached_at FROM recognitions ORDER BY cached_epoch DESC LIMIT 1").fetchone()
    return int(size), oldest[0] if oldest else None, newest[0] if newest else None


def in_transaction(conn: sqlite3.Connection, action: Callable[[sqlite3.Connection], Any], immediate: bool) -> Any:
    """``BEGIN`` (``IMMEDIATE`` for writers, so they queue on the busy timeout instead of failing to upgrade)."""
    conn.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
    try:
        result = action(conn)
    except BaseException:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass
        raise
    conn.execute("COMMIT")
    return result


def is_corruption(exc: BaseException) -> bool:
    text = str(exc).lower()
    return any(marker in text for marker in ("not a database", "malformed", "corrupt", "file is encrypted"))
