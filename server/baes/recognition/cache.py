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
transaction per call). A cache file that is not a valid database is moved aside as
``<name>.corrupt-<timestamp>`` and rebuilt, with a logged warning; a file the user named is
never moved or rebuilt when opened with ``owned=False`` (``baes cache --db FILE``), and
``read_only`` (``baes cache stats``) never creates or changes
anything. The file's layout lives in ``baes.recognition.cache_store``. Nothing here raises
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
from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from baes.recognition.cache_entry import CachedRecognition, CacheStats, to_epoch
from baes.recognition.cache_store import (
    SCHEMA_VERSION,
    create_schema,
    db_get,
    db_put,
    db_summary,
    in_transaction,
    is_corruption,
    migrate_from_v1,
    rekey,
    stored_versions,
)
from baes.recognition.normalize import KEY_VERSION, normalize_request

__all__ = ["DEFAULT_DB_NAME", "SCHEMA_VERSION", "CacheStats", "CachedRecognition", "RecognitionCache", "default_cache"]
from baes.files.user_dirs import user_cache_dir

log = logging.getLogger(__name__)

DEFAULT_DB_NAME = "recognition_cache.db"
DEFAULT_MEMORY_SIZE = 100
BUSY_TIMEOUT_MS = 5000
# tries of one call when SQLite still answers "database is locked" (see ``_db_call``)
_LOCKED_ATTEMPTS = 4
MEMORY = "memory"
PERSISTENT = "persistent"


class RecognitionCache:
    """Two-tier cache with LRU eviction and SQLite persistence."""

    def __init__(
        self,
        cache_db_path: str | None = None,
        max_memory_entries: int = DEFAULT_MEMORY_SIZE,
        *,
        read_only: bool = False,
        owned: bool = True,
    ) -> None:
        """``read_only``: only look (statistics): the file is never created, migrated or written.
        ``owned``: the file is baes' cache, so a corrupt one may be moved aside and rebuilt;
        ``False`` for a file a user named on a command line, which is never moved.
        """
        self.read_only = read_only
        self.owned = owned
        self.max_memory_entries = max(1, int(max_memory_entries))
        self._lock = threading.RLock()
        self._memory: OrderedDict[tuple[str, str], CachedRecognition] = OrderedDict()
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
    def get(self, user_request: str, context: str = "") -> CachedRecognition | None:
        """The cached recognition of ``user_request`` (in ``context``), or None on a miss."""
        found = self.lookup(user_request, context=context)
        return found[0] if found else None

    def lookup(self, user_request: str, context: str = "") -> tuple[CachedRecognition, str] | None:
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

    def put(self, recognition: CachedRecognition, context: str | None = None) -> None:
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
                self._db_call(lambda conn: db_put(conn, entry, payload), None, write=True)
        except Exception:
            log.exception("recognition cache: put failed; entry not stored")

    def cache_stats(self) -> CacheStats:
        """Sizes, hit counts and rates of this instance, and the persistent tier's oldest/newest entries."""
        with self._lock:
            persistent_size, oldest, newest = self._db_call(db_summary, None) or (0, None, None)
            if persistent_size == 0 and self._db_unavailable() and self._memory:
                stamps = sorted(self._memory.values(), key=lambda e: to_epoch(e.cached_at))
                oldest, newest = stamps[0].cached_at, stamps[-1].cached_at
            total = self.memory_hit_count + self.persistent_hit_count + self.miss_count

            def rate(count: int) -> float:
                return count / total if total else 0.0

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
            for key in [k for k, e in self._memory.items() if to_epoch(e.cached_at) < cutoff]:
                del self._memory[key]
            deleted = self._db_call(
                lambda conn: conn.execute("DELETE FROM recognitions WHERE cached_epoch < ?", (cutoff,)).rowcount, 0, write=True
            )
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

    @property
    def problem(self) -> str | None:
        """Why the persistent tier is not in use (a message for the user), or None."""
        return self._disabled_reason

    def _db_call(self, action: Callable[[sqlite3.Connection], Any], default: Any, write: bool = False) -> Any:
        """Run ``action`` in one short transaction; rebuild a corrupt file of ours once; never raise."""
        if self._disabled_reason is not None or (write and self.read_only):
            return default
        for attempt in range(1, _LOCKED_ATTEMPTS + 1):
            try:
                conn = self._connection()
                if self._disabled_reason is not None:
                    return default
                return in_transaction(conn, action, immediate=write)
            except sqlite3.DatabaseError as exc:
                if attempt < _LOCKED_ATTEMPTS and "locked" in str(exc):
                    # the busy timeout does not cover every race on a file another process is
                    # creating (switching a new file to WAL): wait a moment and try again
                    time.sleep(0.05 * attempt)
                    continue
                if is_corruption(exc):
                    if attempt == 1 and self.owned and not self.read_only:
                        self._quarantine(str(exc))
                        if self._disabled_reason is None:
                            continue
                        return default
                    # a file the user named, or a read-only look, is never moved or rebuilt
                    self._disable(f"{self.cache_db_path} is not a baes recognition cache ({exc}); left untouched")
                    return default
                log.warning("recognition cache: database error (%s); continuing without it for this call", exc)
                return default
            except (sqlite3.Error, OSError) as exc:
                if self._conn is None and (isinstance(exc, OSError) or "unable to open" in str(exc)):
                    missing = self.read_only and not self.cache_db_path.exists()
                    self._disable(
                        f"no cache file at {self.cache_db_path} yet" if missing else f"cannot open {self.cache_db_path}: {exc}"
                    )
                else:
                    log.warning("recognition cache: %s; continuing without the persistent tier for this call", exc)
                return default
        return default

    def _disable(self, reason: str) -> None:
        self._disabled_reason = reason
        log.warning("recognition cache: %s; using memory only", reason)

    def _connection(self) -> sqlite3.Connection:
        if self._conn is not None:
            return self._conn
        if self.read_only:
            # mode=ro: never creates the file; immutable=1: no -wal/-shm files either (a WAL file
            # opened read-only would get them). Statistics read a snapshot: enough for a look.
            if not self.cache_db_path.is_file():
                raise FileNotFoundError(f"no file at {self.cache_db_path}")
            uri = f"{self.cache_db_path.resolve().as_uri()}?mode=ro&immutable=1"
            conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False, isolation_level=None)
            try:
                version, _ = stored_versions(conn)
            except BaseException:
                conn.close()
                raise
            if version not in (0, SCHEMA_VERSION):
                conn.close()
                self._disable(f"{self.cache_db_path} has schema {version}; open it once with baes to migrate it")
            self._conn = conn
            return conn
        self.cache_db_path.parent.mkdir(parents=True, exist_ok=True)
        # Autocommit mode: every transaction is explicit (see ``in_transaction``).
        conn = sqlite3.connect(
            str(self.cache_db_path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False, isolation_level=None
        )
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()
            if not mode or str(mode[0]).lower() != "wal":
                log.warning("recognition cache: %s cannot use WAL (journal mode %s)", self.cache_db_path, mode)
            conn.execute("PRAGMA synchronous = NORMAL")
            in_transaction(conn, self._prepare_schema, immediate=True)
        except BaseException:
            conn.close()
            raise
        self._conn = conn
        return conn

    def _prepare_schema(self, conn: sqlite3.Connection) -> None:
        """Create or migrate the layout (inside one IMMEDIATE transaction: one process at a time)."""
        version, key_version = stored_versions(conn)
        if version > SCHEMA_VERSION:
            self._disable(f"{self.cache_db_path} was written by a newer baes (schema {version})")
            return
        if version == SCHEMA_VERSION:
            if key_version != KEY_VERSION:
                rekey(conn, self._normalize_request)
            return
        if version == 1:
            migrate_from_v1(conn, self._normalize_request)
        else:
            create_schema(conn)

    def _db_get(self, conn: sqlite3.Connection, key: tuple[str, str]) -> CachedRecognition | None:
        entry = db_get(conn, key)
        if entry is None and not self.read_only:  # an unreadable row is dropped, not served
            conn.execute("DELETE FROM recognitions WHERE normalized_key = ? AND context = ?", key)
        return entry

    def _quarantine(self, reason: str) -> None:
        """Move a corrupt database of ours (and its WAL files) aside and start a fresh one."""
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
            log.warning(
                "recognition cache: %s is corrupt (%s); moved it to %s and started a new cache",
                self.cache_db_path,
                reason,
                target,
            )
        except OSError as exc:
            self._disable(f"cannot move the corrupt cache {self.cache_db_path} aside: {exc}")


_default_lock = threading.Lock()
_default_cache: RecognitionCache | None = None


def default_cache() -> RecognitionCache:
    """One process-wide cache at the default location, created on first use."""
    global _default_cache
    with _default_lock:
        if _default_cache is None:
            _default_cache = RecognitionCache()
        return _default_cache
