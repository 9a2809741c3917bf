"""Performance metrics of entity generation, as the API reference documents them.

``PerformanceMetrics`` describes one request with values the pipeline measured (times from
``time.perf_counter``, tokens from the LLM's usage counts), never estimates. A few fields
beyond the reference (``llm_time``, ``llm_calls``, ``retry_tokens_saved``, ``error_notes``)
are appended with defaults, so the reference's constructor and fields work unchanged and
our own time (``total_time - llm_time``) can be reported apart from the endpoint's latency.

``AggregatedMetrics`` summarises many requests; the exact definition of each rate is in its
docstring and in ``docs/pipeline.md``.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from typing import Any, Dict, List, Mapping, Optional

CONFIDENT_OUTCOMES = frozenset({"confident_approval", "confident_rejection"})


@dataclass
class PerformanceMetrics:
    """Measured performance of a single entity generation request."""

    # Identity
    request_id: str
    entity_name: str
    entity_type: str
    timestamp: datetime

    # Timing metrics (seconds)
    total_time: float = 0.0
    recognition_time: float = 0.0
    backend_time: float = 0.0
    database_time: float = 0.0
    frontend_time: float = 0.0
    test_time: float = 0.0
    validation_time: float = 0.0

    # Token metrics
    total_tokens: int = 0
    recognition_tokens: int = 0
    backend_tokens: int = 0
    database_tokens: int = 0
    frontend_tokens: int = 0
    test_tokens: int = 0
    validation_tokens: int = 0

    # Cache metrics (US3)
    cache_hit: bool = False
    cache_hit_time: float = 0.0
    cache_tier: Optional[str] = None  # "memory" or "persistent"

    # Template metrics (US1)
    template_used: bool = False
    template_id: Optional[str] = None
    template_fallback_count: int = 0

    # Compressed standards metrics (US4)
    standards_type: Optional[str] = None  # "compressed" or "full"
    prompt_token_count: int = 0

    # Parallel execution metrics (US5)
    parallel_execution_enabled: bool = False
    sequential_time_estimate: float = 0.0
    parallel_time_actual: float = 0.0
    parallel_savings_pct: float = 0.0
    execution_waves_count: int = 0

    # Smart retry metrics (US6)
    retry_method: Optional[str] = None  # "targeted_patch" or "full_regeneration"
    retry_tokens: int = 0
    retry_success: bool = False
    patch_feasibility: float = 0.0
    retry_count: int = 0

    # Validation metrics (US2)
    validation_outcome: Optional[str] = None  # "confident_approval", etc.
    validation_llm_called: bool = True

    # Quality metrics
    approval_granted: bool = False
    test_passed: bool = False
    error_count: int = 0

    # Extensions (not in the reference): measured LLM wall time and calls, the tokens a
    # targeted patch saved against the measured cost of regenerating, and why errors happened.
    llm_time: float = 0.0
    llm_calls: int = 0
    retry_tokens_saved: int = 0
    error_notes: List[str] = field(default_factory=list)

    @property
    def own_time(self) -> float:
        """Wall time spent outside LLM calls (what baes itself costs), never negative."""
        return max(0.0, self.total_time - self.llm_time)

    def to_dict(self) -> Dict[str, Any]:
        """A JSON-serialisable dict (the timestamp as ISO 8601 text)."""
        data = asdict(self)
        data["timestamp"] = self.timestamp.isoformat()
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PerformanceMetrics:
        """Read back what ``to_dict`` wrote; unknown keys are ignored, missing ones defaulted.

        Raises ``ValueError`` (or ``TypeError``/``KeyError``) on data that is not a metrics record.
        """
        if not isinstance(data, Mapping):
            raise TypeError(f"a metrics record must be a JSON object, got {type(data).__name__}")
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data:
                continue
            values[f.name] = _coerce(f.name, f.type, data[f.name])
        stamp = data["timestamp"]
        values["timestamp"] = stamp if isinstance(stamp, datetime) else datetime.fromisoformat(str(stamp))
        for name in ("request_id", "entity_name", "entity_type"):
            values[name] = str(data[name])
        return cls(**values)

    def calculate_savings(self, baseline_time: float, baseline_tokens: int) -> Dict[str, float]:
        """Savings of this request against a baseline; a baseline of zero (or less) gives 0 %."""
        time_saved = float(baseline_time) - self.total_time
        tokens_saved = int(baseline_tokens) - self.total_tokens
        return {
            "time_savings_pct": (time_saved / baseline_time * 100.0) if baseline_time > 0 else 0.0,
            "token_savings_pct": (tokens_saved / baseline_tokens * 100.0) if baseline_tokens > 0 else 0.0,
            "time_saved_seconds": time_saved if baseline_time > 0 else 0.0,
            "tokens_saved": tokens_saved if baseline_tokens > 0 else 0,
        }


def _coerce(name: str, type_text: Any, value: Any) -> Any:
    """Convert a JSON value to the declared field type (annotations are strings here)."""
    kind = str(type_text)
    if value is None:
        if kind.startswith("Optional"):
            return None
        raise ValueError(f"{name}: null is not allowed")
    if kind == "float":
        number = float(value)
        if not math.isfinite(number):
            raise ValueError(f"{name}: {value!r} is not a finite number")
        return number
    if kind == "int":
        if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
            raise ValueError(f"{name}: {value!r} is not an integer")
        return int(value)
    if kind == "bool":
        if not isinstance(value, bool):
            raise ValueError(f"{name}: {value!r} is not a boolean")
        return value
    if kind.startswith("Optional"):
        return str(value)
    if kind.startswith("List"):
        if not isinstance(value, list):
            raise ValueError(f"{name}: {value!r} is not a list")
        return [str(v) for v in value]
    return value


@dataclass
class AggregatedMetrics:
    """Metrics across many requests.

    Definitions (each rate is in 0.0-1.0 and 0.0 when its denominator is zero):

    * ``successful_requests``: requests with ``error_count == 0``; the others are failed.
    * ``avg_total_time`` / ``avg_total_tokens``: means over all requests (tokens rounded).
    * ``avg_cache_hit_time``: mean ``cache_hit_time`` over requests that hit the cache.
    * ``cache_hit_rate``: requests whose recognition came from the cache / all requests.
    * ``template_usage_rate``: requests generated from templates / all requests.
    * ``confident_validation_rate``: requests whose validation outcome was confident
      (approval or rejection) / requests that were validated at all.
    * ``approval_rate``: requests whose final code was approved / all requests.
    * ``test_pass_rate``: requests whose generated tests passed / all requests.
    * ``total_time_saved`` / ``total_tokens_saved``: sums of ``calculate_savings`` against
      ``baseline_time`` / ``baseline_tokens`` when a baseline is given (e.g. one measured with
      every optimisation switched off); 0 without a baseline.

    ``add_request`` keeps the figures current; ``calculate_averages`` recomputes them from the
    running sums and can be called any number of times.
    """

    total_requests: int = 0
    successful_requests: int = 0
    failed_requests: int = 0

    # Averages
    avg_total_time: float = 0.0
    avg_total_tokens: int = 0
    avg_cache_hit_time: float = 0.0

    # Hit rates
    cache_hit_rate: float = 0.0
    template_usage_rate: float = 0.0
    confident_validation_rate: float = 0.0

    # Quality
    approval_rate: float = 0.0
    test_pass_rate: float = 0.0

    # Savings
    total_time_saved: float = 0.0
    total_tokens_saved: int = 0

    # Optional baseline for the savings (not in the reference's field list).
    baseline_time: Optional[float] = None
    baseline_tokens: Optional[int] = None

    _sum_time: float = field(default=0.0, init=False, repr=False, compare=False)
    _sum_tokens: int = field(default=0, init=False, repr=False, compare=False)
    _sum_cache_hit_time: float = field(default=0.0, init=False, repr=False, compare=False)
    _cache_hits: int = field(default=0, init=False, repr=False, compare=False)
    _templates: int = field(default=0, init=False, repr=False, compare=False)
    _validated: int = field(default=0, init=False, repr=False, compare=False)
    _confident: int = field(default=0, init=False, repr=False, compare=False)
    _approved: int = field(default=0, init=False, repr=False, compare=False)
    _tests_passed: int = field(default=0, init=False, repr=False, compare=False)

    def add_request(self, metrics: PerformanceMetrics) -> None:
        """Count one request in the totals and refresh every average and rate."""
        self.total_requests += 1
        if metrics.error_count == 0:
            self.successful_requests += 1
        else:
            self.failed_requests += 1
        self._sum_time += metrics.total_time
        self._sum_tokens += metrics.total_tokens
        if metrics.cache_hit:
            self._cache_hits += 1
            self._sum_cache_hit_time += metrics.cache_hit_time
        self._templates += int(metrics.template_used)
        if metrics.validation_outcome is not None:
            self._validated += 1
            self._confident += int(metrics.validation_outcome in CONFIDENT_OUTCOMES)
        self._approved += int(metrics.approval_granted)
        self._tests_passed += int(metrics.test_passed)
        if self.baseline_time is not None or self.baseline_tokens is not None:
            savings = metrics.calculate_savings(self.baseline_time or 0.0, self.baseline_tokens or 0)
            self.total_time_saved += savings["time_saved_seconds"]
            self.total_tokens_saved += int(savings["tokens_saved"])
        self.calculate_averages()

    def calculate_averages(self) -> None:
        """Recompute the averages and rates from the running sums."""
        n = self.total_requests
        self.avg_total_time = self._sum_time / n if n else 0.0
        self.avg_total_tokens = round(self._sum_tokens / n) if n else 0
        self.avg_cache_hit_time = self._sum_cache_hit_time / self._cache_hits if self._cache_hits else 0.0
        self.cache_hit_rate = self._cache_hits / n if n else 0.0
        self.template_usage_rate = self._templates / n if n else 0.0
        self.confident_validation_rate = self._confident / self._validated if self._validated else 0.0
        self.approval_rate = self._approved / n if n else 0.0
        self.test_pass_rate = self._tests_passed / n if n else 0.0

    def to_dict(self) -> Dict[str, Any]:
        """The public figures as a JSON-serialisable dict."""
        return {f.name: getattr(self, f.name) for f in fields(self) if not f.name.startswith("_")}
