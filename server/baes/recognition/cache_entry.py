"""What the recognition cache stores: one ``CachedRecognition`` per request and context, as JSON.

Kept apart from the SQLite store and from the cache's tiers so both can read and write
entries without importing each other.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from typing import Any


@dataclass
class CachedRecognition:
    """Cached entity recognition result (the reference's fields, then ours with defaults)."""

    user_request: str
    normalized_key: str
    entity_name: str
    attributes: list[dict[str, Any]]
    entity_type: str  # "STANDARD" / "CUSTOM"
    requires_custom_logic: bool
    custom_logic_reasons: list[str]
    cached_at: str  # ISO timestamp
    cache_version: str = "1.0"
    # Beyond the reference: what a hit must also restore (the original always answered "create").
    intent: str = "create"
    related_entity: str | None = None
    relationships: list[dict[str, Any]] = field(default_factory=list)
    context: str = ""
    description: str = ""
    # Added with the evolution intents: stored in the JSON payload, so rows written before them
    # read with these defaults (no table change; see docs/recognition.md).
    notes: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    renamed_from: str | None = None
    renamed_to: str | None = None
    defaults: dict[str, str] = field(default_factory=dict)


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
    oldest_entry: str | None
    newest_entry: str | None
    total_requests: int


_RECOGNITION_FIELDS = tuple(f.name for f in fields(CachedRecognition))


def to_epoch(stamp: str) -> float:
    """Seconds since the epoch of an ISO timestamp (naive ones are local time); now if unreadable."""
    try:
        moment = datetime.fromisoformat(str(stamp))
    except (TypeError, ValueError):
        return time.time()
    if moment.tzinfo is None:
        return moment.timestamp()
    return moment.astimezone(UTC).timestamp()


def from_payload(payload: str) -> CachedRecognition | None:
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


def json_list(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    if isinstance(value, str):
        try:
            loaded = json.loads(value)
        except ValueError:
            return []
        return loaded if isinstance(loaded, list) else []
    return []
