"""Filling a request's ``PerformanceMetrics`` from the measured SWEA stages and waves.

Definitions of each field: docs/pipeline.md. Only measured values go in: stage times from the
waves, tokens and latency from the LLM replies each stage recorded.
"""

from __future__ import annotations

from collections.abc import Mapping

from baes.generation.custom import (
    CONFIDENT_APPROVAL,
    CONFIDENT_REJECTION,
    FULL_REGENERATION,
    TARGETED_PATCH,
    UNCERTAIN,
    ModuleOutcome,
)
from baes.generation.template_check import combine_verdicts
from baes.generation.waves import WaveRun
from baes.metrics.optimization_metrics import PerformanceMetrics
from baes.settings.config import FeatureFlags
from baes.swea import SWEAType

_TOKEN_FIELDS = {
    SWEAType.BACKEND: ("backend_time", "backend_tokens"),
    SWEAType.DATABASE: ("database_time", "database_tokens"),
    SWEAType.FRONTEND: ("frontend_time", "frontend_tokens"),
    SWEAType.TEST: ("test_time", "test_tokens"),
}


def fill_stage_metrics(
    m: PerformanceMetrics, flags: FeatureFlags, outcomes: Mapping[SWEAType, ModuleOutcome], waves: WaveRun[ModuleOutcome]
) -> None:
    """Copy the measured figures of every SWEA stage and of the waves into ``m``."""
    first_outcomes: list[str] = []
    methods: list[str] = []
    feasibilities: list[float] = []
    for swea, outcome in outcomes.items():
        time_field, token_field = _TOKEN_FIELDS[swea]
        setattr(m, time_field, waves.stage_times.get(swea, 0.0))
        setattr(m, token_field, outcome.generation.tokens + outcome.retry.tokens)
        m.validation_time += outcome.validation_time
        m.validation_tokens += outcome.review.tokens
        m.prompt_token_count += outcome.generation.prompt_tokens + outcome.retry.prompt_tokens + outcome.review.prompt_tokens
        m.llm_time += outcome.llm_time
        m.llm_calls += outcome.llm_calls
        m.retry_tokens += outcome.retry.tokens
        m.retry_count += outcome.retry_count
        m.retry_tokens_saved += outcome.retry_tokens_saved
        methods.extend(outcome.retry_methods)
        if outcome.patch_feasibility is not None:
            feasibilities.append(outcome.patch_feasibility)
        if outcome.validation_outcome:
            first_outcomes.append(outcome.validation_outcome)
        if outcome.standards_type:
            m.standards_type = outcome.standards_type
    m.validation_llm_called = any(o.review.calls for o in outcomes.values())
    if flags.ENABLE_RULE_VALIDATION:
        m.validation_outcome = combine_verdicts(
            [o for o in first_outcomes if o in (CONFIDENT_APPROVAL, CONFIDENT_REJECTION, UNCERTAIN)]
        )
    elif first_outcomes:
        m.validation_outcome = "llm_rejection" if "llm_rejection" in first_outcomes else "llm_approval"
    if methods:
        m.retry_method = FULL_REGENERATION if FULL_REGENERATION in methods else TARGETED_PATCH
        m.retry_success = all(o.approved for o in outcomes.values() if o.retry_count)
    m.patch_feasibility = max(feasibilities) if feasibilities else 0.0
    m.parallel_execution_enabled = flags.ENABLE_PARALLEL_EXECUTION
    m.sequential_time_estimate = waves.sequential_estimate
    m.parallel_time_actual = waves.wall_time
    m.parallel_savings_pct = waves.savings_pct if flags.ENABLE_PARALLEL_EXECUTION else 0.0
    m.execution_waves_count = waves.waves_count
