"""The two-tier recognition cache of the API reference (``baes.recognition.cache``).

Hot tier: an LRU ``OrderedDict`` (100 entries by default). Cold tier: SQLite in WAL mode,
by default ``baes.files.user_dirs.user_cache_dir()/recognition_cache.db`` (the reference said
``database/recognition_cache.db``, relative to the current directory: that wrote a database
into whatever project the editor happened to open, and two servers in two folders never
shared it). Cold hits are promoted to the hot tier.

Keys: ``_normalize_request`` (see ``baes.recognition.normalize``: word order and negations kept;
case, punctuation, fillers and inflections folded) plus a *context* string naming whatever
else changes the answer (recognizer kind and version, LLM endpoint and model, the existing
entities involved). ``get(request)`` / ``put(recognition)`` without a context use the empty
context, so the reference's example works unchanged.

Sharing and failures: several processes may use one file (WAL, busy timeout, one short
transaction per call). A file that is not a valid database is moved aside as
``<name>.corrupt-<timestamp>`` and rebuilt, with a logged warning. Nothing here raises
into the caller: any database error degrades to a miss (``get``) or a memory-only store
(``put``) and is logged.
"""
from __future__ import annotations

import copy
import json
import logging
import os
import sqlite3
import threading
import time
from collections import OrderedDict
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

from baes.recognition.normalize import KEY_VERSION, normalize_request
from baes.files.user_dirs import user_cache_dir

log = logging.getLogger(__name__)

DEFAULT_DB_NAME = "recognition_cache.db"
DEFAULT_MEMORY_SIZE = 100
BUSY_TIMEOUT_MS = 5000
# tries of one call when SQLite still answers "database is locked" (see ``_db_call``)
_LOCKED_ATTEMPTS = 4
#: Version of the SQLite layout. 1: the original BAES table (no version table, bag-of-words keys).
SCHEMA_VERSION = 2
MEMORY = "memory"
PERSISTENT = "persistent"


@dataclass
class CachedRecognition:
    """Cached entity recognition result (the reference's fields, then ours with defaults)."""

    user_request: str
    normalized_key: str
    entity_name: str
    attributes: List[Dict[str, Any]]
    entity_type: str                       # "STANDARD" / "CUSTOM"
    requires_custom_logic: bool
    custom_logic_reasons: List[str]
    cached_at: str                         # ISO timestamp
    cache_version: str = "1.0"
    # Beyond the reference: what a hit must also restore (the original always answered "create").
    intent: str = "create"
    related_entity: Optional[str] = None
    relationships: List[Dict[str, Any]] = field(default_factory=list)
    context: str = ""
    description: str = ""
    # Added with the evolution intents: stored in the JSON payload, so rows written before them
    # read with these defaults (no table change; see docs/recognition.md).
    notes: List[str] = field(default_factory=list)
    removed: List[str] = field(default_factory=list)
    renamed_from: Optional[str] = None
    renamed_to: Optional[str] = None
    defaults: Dict[str, str] = field(default_factory=dict)


@dataclass
class CacheStats:
    """Cache statistics for observability (rates are hits / ``total_requests`` of this instance)."""

    memory_size: int
    persistent_size: int
    memory_hit_count: int
    persistent_hit_count: int
    miss_count: int
    memory_hit_rate: float
    persistent_hit_rate: float
    overall_hit_rate: float
    oldest_entry: Optional[str]
    newest_entry: Optional[str]
    total_requests: int


_RECOGNITION_FIELDS = tuple(f.name for f in fields(CachedRecognition))


def _to_epoch(stamp: str) -> float:
    """Seconds since the epoch of an ISO timestamp (naive ones are local time); now if unreadable."""
    try:
        moment = datetime.fromisoformat(str(stamp))
    except (TypeError, ValueError):
        return time.time()
    if moment.tzinfo is None:
        return moment.timestamp()
    return moment.astimezone(timezone.utc).timestamp()


def _from_payload(payload: str) -> CachedRecognition | None:
    try:
        data = json.loads(payload)
        if not isinstance(data, dict):
            return None
        known = {k: v for k, v in data.items() if k in _RECOGNITION_FIELDS}
        entry = CachedRecognition(**known)
    except (TypeError, ValueError):
        return None
    if not isinstance(entry.entity_name, str) or not isinstance(entry.attributes, list):
        return None
    return entry


class RecognitionCache:
    """Two-tier cache with LRU eviction and SQLite persistence."""

    def __init__(self, cache_db_path: Optional[str] = None, max_memory_entries: int = DEFAULT_MEMORY_SIZE) -> None:
        self.max_memory_entries = max(1, int(max_memory_entries))
        self._lock = threading.RLock()
        self._memory: "OrderedDict[tuple[str, str], CachedRecognition]" = OrderedDict()
        self.memory_hit_count = 0
        self.persistent_hit_count = 0
        self.miss_count = 0
        self._conn: sqlite3.Connection | None = None
        self._disabled_reason: str | None = None
        try:
            self.cache_db_path = Path(cache_db_path) if cache_db_path else user_cache_dir() / DEFAULT_DB_NAME
        except OSError as exc:  # no writable home: memory only
            self.cache_db_path = Path(DEFAULT_DB_NAME)
            self._disabled_reason = f"no cache folder: {exc}"
            log.warning("recognition cache: %s; using memory only", self._disabled_reason)

    # -- keys ------------------------------------------------------------------------------
    def _normalize_request(self, user_request: str) -> str:
        """The normalized key of a request (deterministic on every machine; see ``baes.recognition.normalize``)."""
        try:
            return normalize_request(user_request if isinstance(user_request, str) else str(user_request))
        except Exception:  # never raise into the caller
            log.exception("recognition cache: cannot normalize %r", user_request)
            return " ".join(str(user_request).lower().split())

    # -- public API ------------------------------------------------------------------------
    def get(self, user_request: str, context: str = "") -> Optional[CachedRecognition]:
        """The cached recognition of ``user_request`` (in ``context``), or None on a miss."""
        found = self.lookup(user_request, context=context)
        return found[0] if found else None

    def lookup(self, user_request: str, context: str = "") -> Optional[tuple[CachedRecognition, str]]:
        """Like ``get`` but also says which tier answered (``"memory"`` or ``"persistent"``)."""
        try:
            key = (self._normalize_request(user_request), str(context))
            with self._lock:
                entry = self._memory.get(key)
                if entry is not None:
                    self._memory.move_to_end(key)
                    self.memory_hit_count += 1
                    return copy.deepcopy(entry), MEMORY
                entry = self._db_call(lambda conn: self._db_get(conn, key), None)
                if entry is not None:
                    self._remember(key, entry)
                    self.persistent_hit_count += 1
                    return copy.deepcopy(entry), PERSISTENT
                self.miss_count += 1
                return None
        except Exception:
            log.exception("recognition cache: lookup failed; treating as a miss")
            with self._lock:
                self.miss_count += 1
            return None

    def put(self, recognition: CachedRecognition, context: Optional[str] = None) -> None:
        """Store a recognition in both tiers (its key is recomputed from ``user_request``)."""
        try:
            entry = copy.deepcopy(recognition)
            entry.normalized_key = self._normalize_request(entry.user_request)
            if context is not None:
                entry.context = str(context)
            entry.context = str(entry.context or "")
            if not entry.cached_at:
                entry.cached_at = datetime.now().isoformat()
            payload = json.dumps(asdict(entry), default=str)
            key = (entry.normalized_key, entry.context)
            with self._lock:
                self._remember(key, entry)
                self._db_call(lambda conn: self._db_put(conn, entry, payload), None, write=True)
        except Exception:
            log.exception("recognition cache: put failed; entry not stored")

    def cache_stats(self) -> CacheStats:
        """Sizes, hit counts and rates of this instance, and the persistent tier's oldest/newest entries."""
        with self._lock:
            persistent_size, oldest, newest = self._db_call(self._db_summary, None) or (0, None, None)
            if persistent_size == 0 and self._db_unavailable() and self._memory:
                stamps = sorted(self._memory.values(), key=lambda e: _to_epoch(e.cached_at))
                oldest, newest = stamps[0].cached_at, stamps[-1].cached_at
            total = self.memory_hit_count + self.persistent_hit_count + self.miss_count
            rate = (lambda n: n / total if total else 0.0)
            return CacheStats(
                memory_size=len(self._memory),
                persistent_size=persistent_size,
                memory_hit_count=self.memory_hit_count,
                persistent_hit_count=self.persistent_hit_count,
                miss_count=self.miss_count,
                memory_hit_rate=rate(self.memory_hit_count),
                persistent_hit_rate=rate(self.persistent_hit_count),
                overall_hit_rate=rate(self.memory_hit_count + self.persistent_hit_count),
                oldest_entry=oldest,
                newest_entry=newest,
                total_requests=total,
            )

    def clear_memory_cache(self) -> None:
        """Clear the in-memory tier (the SQLite tier is kept)."""
        with self._lock:
            self._memory.clear()

    def summary(self) -> dict[str, Any]:
        """``cache_stats()`` as plain data plus where the file is: what ``baes cache stats`` and
        the language server's cache-statistics command show."""
        stats = asdict(self.cache_stats())
        stats["cache_db_path"] = str(self.cache_db_path)
        return stats

    def clear_counted(self) -> int:
        """``clear_all()``, returning how many entries the persistent tier held before."""
        with self._lock:
            before = self.cache_stats().persistent_size
            self.clear_all()
            return before

    def clear_all(self) -> None:
        """Clear both tiers and reset the statistics."""
        with self._lock:
            self._memory.clear()
            self.memory_hit_count = self.persistent_hit_count = self.miss_count = 0
            self._db_call(lambda conn: conn.execute("DELETE FROM recognitions"), None, write=True)

    def cleanup_old_entries(self, days: int = 30) -> int:
        """Delete entries cached more than ``days`` days ago; return how many left the persistent tier."""
        try:
            cutoff = time.time() - timedelta(days=float(days)).total_seconds()
        except (TypeError, ValueError, OverflowError):
            log.warning("recognition cache: cleanup_old_entries(days=%r) ignored: not a number of days", days)
            return 0
        with self._lock:
            for key in [k for k, e in self._memory.items() if _to_epoch(e.cached_at) < cutoff]:
                del self._memory[key]
            deleted = self._db_call(
                lambda conn: conn.execute("DELETE FROM recognitions WHERE cached_epoch < ?", (cutoff,)).rowcount, 0,
                write=True)
            return int(deleted or 0)

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                try:
                    self._conn.close()
                except sqlite3.Error:
                    pass
                self._conn = None

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass

    # -- memory tier -----------------------------------------------------------------------
    def _remember(self, key: tuple[str, str], entry: CachedRecognition) -> None:
        self._memory[key] = entry
        self._memory.move_to_end(key)
        while len(self._memory) > self.max_memory_entries:
            self._memory.popitem(last=False)

    # -- persistent tier -------------------------------------------------------------------
    def _db_unavailable(self) -> bool:
        return self._disabled_reason is not None

    def _db_call(self, action: Callable[[sqlite3.Connection], Any], default: Any, write: bool = False) -> Any:
        """Run ``action`` in one short transaction; rebuild a corrupt file once; never raise."""
        if self._disabled_reason is not None:
            return default
        for attempt in range(1, _LOCKED_ATTEMPTS + 1):
            try:
                conn = self._connection()
                if self._disabled_reason is not None:
                    return default
                return _in_transaction(conn, action, immediate=write)
            except sqlite3.DatabaseError as exc:
                if attempt < _LOCKED_ATTEMPTS and "locked" in str(exc):
                    # the busy timeout does not cover every race on a file another process is
                    # creating (switching a new file to WAL): wait a moment and try again
                    time.sleep(0.05 * attempt)
                    continue
                if attempt == 1 and _is_corruption(exc):
                    self._quarantine(str(exc))
                    if self._disabled_reason is None:
                        continue
                    return default
                log.warning("recognition cache: database error (%s); continuing without it for this call", exc)
                return default
            except (sqlite3.Error, OSError) as exc:
                if self._conn is None and (isinstance(exc, OSError) or "unable to open" in str(exc)):
                    self._disabled_reason = f"cannot open {self.cache_db_path}: {exc}"
                    log.warning("recognition cache: %s; using memory only", self._disabled_reason)
                else:
                    log.warning("recognition cache: %s; continuing without the persistent tier for this call", exc)
                return default
        return default

    def _connection(self) -> sqlite3.Connection:
        if self._conn is not None:
            return self._conn
        self.cache_db_path.parent.mkdir(parents=True, exist_ok=True)
        # Autocommit mode: every transaction is explicit (see ``_in_transaction``).
        conn = sqlite3.connect(str(self.cache_db_path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False,
                               isolation_level=None)
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()
            if not mode or str(mode[0]).lower() != "wal":
                log.warning("recognition cache: %s cannot use WAL (journal mode %s)", self.cache_db_path, mode)
            conn.execute("PRAGMA synchronous = NORMAL")
            _in_transaction(conn, self._prepare_schema, immediate=True)
        except BaseException:
            conn.close()
            raise
        self._conn = conn
        return conn

    def _prepare_schema(self, conn: sqlite3.Connection) -> None:
        """Create or migrate the layout (inside one IMMEDIATE transaction: one process at a time)."""
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        version = 0
        if "schema_version" in tables:
            row = conn.execute("SELECT version FROM schema_version").fetchone()
            version = int(row[0]) if row else 0
        elif "recognition_cache" in tables:
            version = 1  # the original BAES layout
        if version > SCHEMA_VERSION:
            self._disabled_reason = (f"{self.cache_db_path} was written by a newer baes (schema {version}); "
                                     "using memory only")
            log.warning("recognition cache: %s", self._disabled_reason)
            return
        if version == SCHEMA_VERSION:
            stored_key_version = conn.execute("SELECT key_version FROM schema_version").fetchone()[0]
            if int(stored_key_version) != KEY_VERSION:
                self._rekey(conn)
            return
        if version == 1:
            self._migrate_from_v1(conn)
        else:
            self._create_v2(conn)

    def _create_v2(self, conn: sqlite3.Connection) -> None:
        conn.execute("""CREATE TABLE IF NOT EXISTS recognitions (
                            normalized_key TEXT NOT NULL,
                            context TEXT NOT NULL DEFAULT '',
                            user_request TEXT NOT NULL,
                            payload TEXT NOT NULL,
                            cached_at TEXT NOT NULL,
                            cached_epoch REAL NOT NULL,
                            PRIMARY KEY (normalized_key, context))""")
        conn.execute("CREATE INDEX IF NOT EXISTS recognitions_epoch ON recognitions (cached_epoch)")
        conn.execute("CREATE TABLE IF NOT EXISTS schema_version"
                     " (version INTEGER NOT NULL, key_version INTEGER NOT NULL)")
        conn.execute("DELETE FROM schema_version")
        conn.execute("INSERT INTO schema_version (version, key_version) VALUES (?, ?)", (SCHEMA_VERSION, KEY_VERSION))

    def _migrate_from_v1(self, conn: sqlite3.Connection) -> None:
        """Copy the original table's rows under our keys (they answered the context-free API), then drop it."""
        self._create_v2(conn)
        names = [row[1] for row in conn.execute("PRAGMA table_info(recognition_cache)")]
        columns = set(names)
        migrated = 0
        for row in conn.execute("SELECT * FROM recognition_cache").fetchall():
            data = dict(zip(names, row))
            if not all(isinstance(data.get(k), str) and data[k].strip() for k in ("user_request", "entity_name")):
                continue  # nothing usable in this row
            try:
                entry = CachedRecognition(
                    user_request=str(data["user_request"]),
                    normalized_key="",
                    entity_name=str(data["entity_name"]),
                    attributes=_json_list(data.get("attributes")),
                    entity_type=str(data.get("entity_type") or "STANDARD").upper(),
                    requires_custom_logic=bool(data.get("requires_custom_logic")),
                    custom_logic_reasons=[str(r) for r in _json_list(data.get("custom_logic_reasons"))],
                    cached_at=str(data.get("cached_at") or datetime.now().isoformat()),
                    cache_version=str(data.get("cache_version") or "1.0") if "cache_version" in columns else "1.0",
                )
            except (KeyError, TypeError, ValueError):
                continue
            entry.normalized_key = self._normalize_request(entry.user_request)
            self._db_put(conn, entry, json.dumps(asdict(entry), default=str))
            migrated += 1
        conn.execute("DROP TABLE recognition_cache")
        log.info("recognition cache: migrated %d entries from schema 1 to %d", migrated, SCHEMA_VERSION)

    def _rekey(self, conn: sqlite3.Connection) -> None:
        """The key function changed: recompute every row's key from its request."""
        rows = conn.execute("SELECT payload FROM recognitions").fetchall()
        conn.execute("DELETE FROM recognitions")
        for (payload,) in rows:
            entry = _from_payload(payload)
            if entry is None:
                continue
            entry.normalized_key = self._normalize_request(entry.user_request)
            self._db_put(conn, entry, json.dumps(asdict(entry), default=str))
        conn.execute("UPDATE schema_version SET key_version = ?", (KEY_VERSION,))

    def _db_get(self, conn: sqlite3.Connection, key: tuple[str, str]) -> CachedRecognition | None:
        row = conn.execute("SELECT payload FROM recognitions WHERE normalized_key = ? AND context = ?", key).fetchone()
        if row is None:
            return None
        entry = _from_payload(row[0])
        if entry is None:  # an unreadable row is dropped, not served
            conn.execute("DELETE FROM recognitions WHERE normalized_key = ? AND context = ?", key)
        return entry

    def _db_put(self, conn: sqlite3.Connection, entry: CachedRecognition, payload: str) -> None:
        conn.execute(
            "INSERT OR REPLACE INTO recognitions"
            " (normalized_key, context, user_request, payload, cached_at, cached_epoch) VALUES (?, ?, ?, ?, ?, ?)",
            (entry.normalized_key, entry.context, entry.user_request, payload, entry.cached_at,
             _to_epoch(entry.cached_at)),
        )

    @staticmethod
    def _db_summary(conn: sqlite3.Connection) -> tuple[int, str | None, str | None]:
        size = conn.execute("SELECT COUNT(*) FROM recognitions").fetchone()[0]
        oldest = conn.execute("SELECT cached_at FROM recognitions ORDER BY cached_epoch ASC LIMIT 1").fetchone()
        newest = conn.execute("SELECT cached_at FROM recognitions ORDER BY cached_epoch DESC LIMIT 1").fetchone()
        return int(size), oldest[0] if oldest else None, newest[0] if newest else None

    def _quarantine(self, reason: str) -> None:
        """Move a corrupt database (and its WAL files) aside and start a fresh one."""
        self.close()
        stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
        target = self.cache_db_path.with_name(f"{self.cache_db_path.name}.corrupt-{stamp}-{os.getpid()}")
        try:
            if self.cache_db_path.exists():
                os.replace(self.cache_db_path, target)
            for suffix in ("-wal", "-shm"):
                side = Path(str(self.cache_db_path) + suffix)
                if side.exists():
                    os.replace(side, Path(str(target) + suffix))
            log.warning("recognition cache: %s is corrupt (%s); moved it to %s and started a new cache",
                        self.cache_db_path, reason, target)
        except OSError as exc:
            self._disabled_reason = f"cannot move the corrupt cache {self.cache_db_path} aside: {exc}"
            log.warning("recognition cache: %s; using memory only", self._disabled_reason)


def _in_transaction(conn: sqlite3.Connection, action: Callable[[sqlite3.Connection], Any], immediate: bool) -> Any:
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


def _json_list(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    if isinstance(value, str):
        try:
            loaded = json.loads(value)
        except ValueError:
            return []
        return loaded if isinstance(loaded, list) else []
    return []


def _is_corruption(exc: BaseException) -> bool:
    text = str(exc).lower()
    return any(marker in text for marker in ("not a database", "malformed", "corrupt", "file is encrypted"))


_default_lock = threading.Lock()
_default_cache: RecognitionCache | None = None


def default_cache() -> RecognitionCache:
    """One process-wide cache at the default location, created on first use."""
    global _default_cache
    with _default_lock:
        if _default_cache is None:
            _default_cache = RecognitionCache()
        return _default_cache
