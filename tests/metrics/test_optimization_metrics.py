"""PerformanceMetrics / AggregatedMetrics behave as the API reference documents them."""

from __future__ import annotations

import json
import uuid
from dataclasses import fields
from datetime import datetime

import pytest

from baes.metrics.optimization_metrics import AggregatedMetrics, PerformanceMetrics

REFERENCE_FIELDS = {
    "request_id": None,
    "entity_name": None,
    "entity_type": None,
    "timestamp": None,
    "total_time": 0.0,
    "recognition_time": 0.0,
    "backend_time": 0.0,
    "database_time": 0.0,
    "frontend_time": 0.0,
    "test_time": 0.0,
    "validation_time": 0.0,
    "total_tokens": 0,
    "recognition_tokens": 0,
    "backend_tokens": 0,
    "database_tokens": 0,
    "frontend_tokens": 0,
    "test_tokens": 0,
    "validation_tokens": 0,
    "cache_hit": False,
    "cache_hit_time": 0.0,
    "cache_tier": None,
    "template_used": False,
    "template_id": None,
    "template_fallback_count": 0,
    "standards_type": None,
    "prompt_token_count": 0,
    "parallel_execution_enabled": False,
    "sequential_time_estimate": 0.0,
    "parallel_time_actual": 0.0,
    "parallel_savings_pct": 0.0,
    "execution_waves_count": 0,
    "retry_method": None,
    "retry_tokens": 0,
    "retry_success": False,
    "patch_feasibility": 0.0,
    "retry_count": 0,
    "validation_outcome": None,
    "validation_llm_called": True,
    "approval_granted": False,
    "test_passed": False,
    "error_count": 0,
}

AGGREGATED_FIELDS = {
    "total_requests": 0,
    "successful_requests": 0,
    "failed_requests": 0,
    "avg_total_time": 0.0,
    "avg_total_tokens": 0,
    "avg_cache_hit_time": 0.0,
    "cache_hit_rate": 0.0,
    "template_usage_rate": 0.0,
    "confident_validation_rate": 0.0,
    "approval_rate": 0.0,
    "test_pass_rate": 0.0,
    "total_time_saved": 0.0,
    "total_tokens_saved": 0,
}


def _metrics(**values: object) -> PerformanceMetrics:
    return PerformanceMetrics(
        request_id=str(uuid.uuid4()),
        entity_name="Student",
        entity_type="standard",
        timestamp=datetime(2026, 1, 2, 3, 4, 5),
        **values,
    )  # type: ignore[arg-type]


def test_every_reference_field_exists_with_its_default() -> None:
    metrics = _metrics()
    names = [f.name for f in fields(PerformanceMetrics)]
    assert names[: len(REFERENCE_FIELDS)] == list(REFERENCE_FIELDS)
    for name, default in REFERENCE_FIELDS.items():
        if default is not None or name in {"cache_tier", "template_id", "standards_type", "retry_method", "validation_outcome"}:
            assert getattr(metrics, name) == default, name
            assert type(getattr(metrics, name)) is type(default), name


def test_aggregated_fields_and_defaults() -> None:
    aggregated = AggregatedMetrics()
    for name, default in AGGREGATED_FIELDS.items():
        assert getattr(aggregated, name) == default
        assert type(getattr(aggregated, name)) is type(default)


def test_reference_usage_example_runs_as_written(capsys: pytest.CaptureFixture[str]) -> None:
    metrics = PerformanceMetrics(
        request_id=str(uuid.uuid4()),
        entity_name="Student",
        entity_type="StudentBAE",
        timestamp=datetime.now(),
    )
    metrics.recognition_time = 0.8
    metrics.recognition_tokens = 0
    metrics.cache_hit = True
    metrics.cache_tier = "memory"
    metrics.backend_time = 3.2
    metrics.backend_tokens = 850
    metrics.template_used = True
    metrics.template_id = "backend_crud_v1"
    metrics.total_time = 12.3
    metrics.total_tokens = 1847
    savings = metrics.calculate_savings(baseline_time=40.0, baseline_tokens=8000)
    print(f"Time savings: {savings['time_savings_pct']:.1f}%")
    print(f"Token savings: {savings['token_savings_pct']:.1f}%")
    aggregated = AggregatedMetrics()
    aggregated.add_request(metrics)
    aggregated.calculate_averages()
    print(f"Cache hit rate: {aggregated.cache_hit_rate:.1%}")
    print(f"Template usage rate: {aggregated.template_usage_rate:.1%}")
    assert capsys.readouterr().out.splitlines() == [
        "Time savings: 69.2%",
        "Token savings: 76.9%",
        "Cache hit rate: 100.0%",
        "Template usage rate: 100.0%",
    ]


def test_calculate_savings_keys_and_values() -> None:
    savings = _metrics(total_time=10.0, total_tokens=2000).calculate_savings(40.0, 8000)
    assert savings == {"time_savings_pct": 75.0, "token_savings_pct": 75.0, "time_saved_seconds": 30.0, "tokens_saved": 6000}


def test_calculate_savings_guards_zero_baselines() -> None:
    savings = _metrics(total_time=10.0, total_tokens=2000).calculate_savings(0.0, 0)
    assert savings == {"time_savings_pct": 0.0, "token_savings_pct": 0.0, "time_saved_seconds": 0.0, "tokens_saved": 0}


def test_to_dict_is_json_and_round_trips() -> None:
    metrics = _metrics(total_time=1.5, cache_tier="persistent", retry_method="targeted_patch", error_notes=["backend: timeout"])
    text = json.dumps(metrics.to_dict())
    data = json.loads(text)
    assert data["timestamp"] == "2026-01-02T03:04:05"
    assert PerformanceMetrics.from_dict(data) == metrics


@pytest.mark.parametrize(
    "bad",
    [
        {"request_id": "x", "entity_name": "S", "entity_type": "standard"},  # no timestamp
        {"request_id": "x", "entity_name": "S", "entity_type": "standard", "timestamp": "no"},
        {
            "request_id": "x",
            "entity_name": "S",
            "entity_type": "standard",
            "timestamp": "2026-01-01T00:00:00",
            "total_tokens": "many",
        },
        {
            "request_id": "x",
            "entity_name": "S",
            "entity_type": "standard",
            "timestamp": "2026-01-01T00:00:00",
            "cache_hit": "yes",
        },
        {
            "request_id": "x",
            "entity_name": "S",
            "entity_type": "standard",
            "timestamp": "2026-01-01T00:00:00",
            "total_time": None,
        },
        ["not", "an", "object"],
    ],
)
def test_from_dict_rejects_bad_records(bad: object) -> None:
    with pytest.raises((ValueError, TypeError, KeyError)):
        PerformanceMetrics.from_dict(bad)  # type: ignore[arg-type]


def test_own_time_excludes_llm_time() -> None:
    assert _metrics(total_time=3.0, llm_time=2.5).own_time == pytest.approx(0.5)
    assert _metrics(total_time=1.0, llm_time=1.2).own_time == 0.0


def test_aggregated_rates_follow_their_definitions() -> None:
    aggregated = AggregatedMetrics(baseline_time=10.0, baseline_tokens=1000)
    aggregated.add_request(
        _metrics(
            total_time=2.0,
            total_tokens=100,
            cache_hit=True,
            cache_hit_time=0.002,
            template_used=True,
            validation_outcome="confident_approval",
            approval_granted=True,
            test_passed=True,
        )
    )
    aggregated.add_request(_metrics(total_time=4.0, total_tokens=301, validation_outcome="uncertain", approval_granted=True))
    aggregated.add_request(_metrics(total_time=6.0, total_tokens=600, error_count=1))  # never validated
    aggregated.calculate_averages()
    assert aggregated.total_requests == 3
    assert (aggregated.successful_requests, aggregated.failed_requests) == (2, 1)
    assert aggregated.avg_total_time == pytest.approx(4.0)
    assert aggregated.avg_total_tokens == 334
    assert aggregated.avg_cache_hit_time == pytest.approx(0.002)
    assert aggregated.cache_hit_rate == pytest.approx(1 / 3)
    assert aggregated.template_usage_rate == pytest.approx(1 / 3)
    assert aggregated.confident_validation_rate == pytest.approx(1 / 2)
    assert aggregated.approval_rate == pytest.approx(2 / 3)
    assert aggregated.test_pass_rate == pytest.approx(1 / 3)
    assert aggregated.total_time_saved == pytest.approx(8.0 + 6.0 + 4.0)
    assert aggregated.total_tokens_saved == 900 + 699 + 400
    json.dumps(aggregated.to_dict())


def test_aggregated_without_requests_or_baseline_is_all_zero() -> None:
    aggregated = AggregatedMetrics()
    aggregated.calculate_averages()
    assert aggregated.to_dict() == {**AGGREGATED_FIELDS, "baseline_time": None, "baseline_tokens": None}
    aggregated.add_request(_metrics(total_time=1.0, total_tokens=10))
    assert aggregated.total_time_saved == 0.0 and aggregated.total_tokens_saved == 0
