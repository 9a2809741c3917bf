"""Validating the templates' files of one SWEA: the rule engine, an LLM review where it is uncertain.

A STANDARD entity's code comes from the templates; this stage only judges it (rules when
``ENABLE_RULE_VALIDATION`` is on, an LLM review for uncertain outcomes or when rules are off and
an LLM is configured) and reports what it found. It never changes the files.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from baes.generation.custom import (
    CONFIDENT_APPROVAL,
    CONFIDENT_REJECTION,
    UNCERTAIN,
    ModuleOutcome,
    llm_review,
    rule_feedback,
    rule_validate,
    standards_text,
)
from baes.generation.llm_client import LLMClient, LLMError
from baes.settings.config import FeatureFlags
from baes.swea import SWEAType


def combine_verdicts(outcomes: Sequence[str]) -> str | None:
    """One outcome for several validations: uncertain if any needed review, else rejection if any."""
    if not outcomes:
        return None
    if UNCERTAIN in outcomes:
        return UNCERTAIN
    if CONFIDENT_REJECTION in outcomes:
        return CONFIDENT_REJECTION
    return CONFIDENT_APPROVAL


def check_template_files(
    swea: SWEAType, files: Sequence[Any], entity_name: str, client: LLMClient | None, flags: FeatureFlags
) -> ModuleOutcome:
    """Validate the templates' files of one SWEA (rules, LLM review for uncertain ones or when rules are off)."""
    out = ModuleOutcome(swea=swea, code=None, source="template", approved=True)
    python_files = [f for f in files if f.path.endswith(".py")]
    out.template_id = next((f.template_id for f in files if f.entity), None)
    rule_outcomes: list[str] = []
    started = time.perf_counter()
    for planned in python_files:
        outcome: str | None = None
        if flags.ENABLE_RULE_VALIDATION:
            result = rule_validate(planned.content, swea, entity_name)
            outcome = str(result.overall_outcome)
            rule_outcomes.append(outcome)
            out.validations += 1
            out.confident_validations += int(outcome != UNCERTAIN)
            if outcome == CONFIDENT_REJECTION:
                out.approved = False
                out.notes.append(
                    f"{planned.path}: the validator rejected the template output: " + "; ".join(rule_feedback(result)[:5])
                )
        if outcome is None or outcome == UNCERTAIN:
            if client is None:
                why = "rule validation is off" if outcome is None else "the rules were uncertain"
                out.notes.append(f"{planned.path}: not reviewed ({why} and no LLM is configured)")
                continue
            try:
                standards = standards_text(swea, flags)
                verdict = llm_review(client, swea, planned.content, entity_name, standards)
            except LLMError as exc:
                out.approved = False
                out.notes.append(f"{planned.path}: the LLM review failed ({exc})")
                continue
            out.validations += 1
            out.review.absorb(verdict.review)
            out.standards_type = "compressed" if flags.ENABLE_COMPRESSED_STANDARDS else "full"
            if not verdict.approved:
                out.approved = False
                out.notes.append(
                    f"{planned.path}: the LLM review rejected the template output: " + "; ".join(verdict.feedback[:5])
                )
            if outcome is None:
                rule_outcomes.append(verdict.outcome)
    out.validation_time = time.perf_counter() - started
    out.validation_outcome = (
        combine_verdicts(rule_outcomes) if flags.ENABLE_RULE_VALIDATION else (rule_outcomes[0] if rule_outcomes else None)
    )
    out.final_outcome = out.validation_outcome
    return out
