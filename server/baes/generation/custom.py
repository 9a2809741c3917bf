"""One SWEA's LLM path: generate, validate, retry (targeted patch or regeneration), bounded.

``generate_module`` is what a stage of the pipeline runs for a CUSTOM entity (or any entity
when templates are off). Every LLM call's tokens and latency come from the endpoint's reply;
every step is timed with ``time.perf_counter``. An LLM failure ends the SWEA with a clear
note and no code, so the pipeline can refuse to write a half-generated entity.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from baes.generation.import_effects import import_time_effects
from baes.generation.llm_client import LLMClient, LLMError, LLMReply
from baes.generation.prompts import (
    CodeExtractionError,
    extract_code,
    generation_messages,
    parse_review,
    regeneration_messages,
    review_messages,
)
from baes.generation.smart_retry import TARGETED, SmartRetry
from baes.generation.waves import CPU_LOCK
from baes.scaffold.spec import EntitySpec
from baes.settings.config import FeatureFlags
from baes.standards.compressed_standards import standards_for
from baes.standards.validation_rules import ValidationRuleEngine
from baes.swea import SWEAType

LOG = logging.getLogger(__name__)

CONFIDENT_APPROVAL = "confident_approval"
CONFIDENT_REJECTION = "confident_rejection"
UNCERTAIN = "uncertain"
LLM_APPROVAL = "llm_approval"
LLM_REJECTION = "llm_rejection"

TARGETED_PATCH = "targeted_patch"
FULL_REGENERATION = "full_regeneration"

DEFAULT_MAX_ATTEMPTS = 3


@dataclass
class LLMUsage:
    """Measured LLM cost of one part of the work."""

    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_s: float = 0.0

    @property
    def tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def add(self, reply: LLMReply) -> None:
        self.calls += 1
        self.prompt_tokens += reply.prompt_tokens
        self.completion_tokens += reply.completion_tokens
        self.latency_s += reply.latency_s

    def absorb(self, other: LLMUsage) -> None:
        """Add the usage measured elsewhere (a review's) to this total."""
        self.calls += other.calls
        self.prompt_tokens += other.prompt_tokens
        self.completion_tokens += other.completion_tokens
        self.latency_s += other.latency_s


@dataclass
class Verdict:
    """One validation of one module: the outcome, whether it passes, and feedback for a retry."""

    outcome: str  # confident_* / uncertain (rules) or llm_approval / llm_rejection
    approved: bool
    feedback: tuple[str, ...] = ()
    rule_outcome: str | None = None  # what the rule engine said, when it ran
    result: Any = None  # the ValidationRuleEngine's ValidationResult, when it ran
    elapsed_s: float = 0.0
    review: LLMUsage = field(default_factory=LLMUsage)


@dataclass
class ModuleOutcome:
    """What one SWEA's stage produced, with everything the metrics need."""

    swea: SWEAType
    code: str | None  # None: nothing usable (see notes)
    approved: bool = False
    source: str = "llm"  # "llm" | "template"
    template_id: str | None = None
    validation_outcome: str | None = None  # the first validation's rule (or review) outcome
    final_outcome: str | None = None
    generation: LLMUsage = field(default_factory=LLMUsage)
    retry: LLMUsage = field(default_factory=LLMUsage)
    review: LLMUsage = field(default_factory=LLMUsage)
    validation_time: float = 0.0
    validations: int = 0
    confident_validations: int = 0
    retry_count: int = 0
    retry_methods: list[str] = field(default_factory=list)
    retry_tokens_saved: int = 0
    patch_feasibility: float | None = None
    standards_type: str | None = None
    standards_tokens: int = 0
    notes: list[str] = field(default_factory=list)
    failed: bool = False

    @property
    def tokens(self) -> int:
        """Every LLM token this SWEA cost (generation, retries, reviews)."""
        return self.generation.tokens + self.retry.tokens + self.review.tokens

    @property
    def llm_time(self) -> float:
        return self.generation.latency_s + self.retry.latency_s + self.review.latency_s

    @property
    def llm_calls(self) -> int:
        return self.generation.calls + self.retry.calls + self.review.calls


def standards_text(swea: SWEAType, flags: FeatureFlags) -> str:
    """The standards text prompts carry: compressed or full, per ENABLE_COMPRESSED_STANDARDS."""
    return standards_for(swea).get_text(flags.ENABLE_COMPRESSED_STANDARDS)


def rule_validate(code: str, swea: SWEAType, entity_name: str) -> Any:
    """The reference's rule-based validation (``ValidationRuleEngine.validate_code``)."""
    with CPU_LOCK:
        return ValidationRuleEngine().validate_code(code, swea_type=swea.value, entity_name=entity_name)


def rule_feedback(result: Any) -> tuple[str, ...]:
    """The failed rules of a ``ValidationResult`` as feedback lines for a regeneration prompt."""
    lines = []
    for match in getattr(result, "rule_results", []) or []:
        if not match.passed:
            where = f"line {match.line_number}: " if match.line_number else ""
            fix = f" ({match.suggestion})" if match.suggestion else ""
            lines.append(f"{match.rule_id} {where}{match.message}{fix}")
    if not lines and getattr(result, "feedback_message", ""):
        lines.append(str(result.feedback_message))
    return tuple(lines)


def llm_review(client: LLMClient, swea: SWEAType, code: str, entity_name: str, standards_text: str) -> Verdict:
    """Ask the LLM whether ``code`` meets the standards (the reference's fallback validation).
    Raises ``LLMError`` when the endpoint fails; an unreadable verdict counts as a rejection.
    """
    usage = LLMUsage()
    started = time.perf_counter()
    reply = client.complete(review_messages(swea, code, standards_text, entity_name))
    usage.add(reply)
    try:
        verdict = parse_review(reply.content)
    except ValueError as exc:
        return Verdict(
            LLM_REJECTION,
            False,
            (f"the review answer was unreadable: {exc}",),
            elapsed_s=time.perf_counter() - started,
            review=usage,
        )
    outcome = LLM_APPROVAL if verdict.approved else LLM_REJECTION
    feedback = verdict.issues or (() if verdict.approved else ("the reviewer rejected the module",))
    return Verdict(outcome, verdict.approved, feedback, elapsed_s=time.perf_counter() - started, review=usage)


@dataclass
class ModuleJob:
    """Everything one SWEA stage needs to generate its module with the LLM."""

    swea: SWEAType
    spec: EntitySpec
    target_path: str
    client: LLMClient
    flags: FeatureFlags
    reasons: Sequence[str] = ()
    request: str = ""
    max_attempts: int = DEFAULT_MAX_ATTEMPTS

    def standards_text(self) -> str:
        return standards_text(self.swea, self.flags)

    def validate(self, code: str, out: ModuleOutcome) -> Verdict:
        """Rules first (when enabled); an uncertain rule outcome, or rules off, go to LLM review."""
        started = time.perf_counter()
        verdict: Verdict
        effects = import_time_effects(code, page=self.swea is SWEAType.FRONTEND)
        if effects:
            # Whatever the rules say, this module would act when imported: send it back.
            verdict = Verdict(
                CONFIDENT_REJECTION,
                False,
                tuple(f"import-time side effect, {effect}" for effect in effects),
            )
        elif self.flags.ENABLE_RULE_VALIDATION:
            result = rule_validate(code, self.swea, self.spec.name)
            outcome = str(result.overall_outcome)
            out.confident_validations += int(outcome in (CONFIDENT_APPROVAL, CONFIDENT_REJECTION))
            if outcome == UNCERTAIN:
                review = llm_review(self.client, self.swea, code, self.spec.name, self.standards_text())
                verdict = Verdict(
                    review.outcome,
                    review.approved,
                    rule_feedback(result) + review.feedback,
                    rule_outcome=outcome,
                    result=result,
                    review=review.review,
                )
            else:
                verdict = Verdict(
                    outcome, outcome == CONFIDENT_APPROVAL, rule_feedback(result), rule_outcome=outcome, result=result
                )
        else:
            verdict = llm_review(self.client, self.swea, code, self.spec.name, self.standards_text())
        verdict.elapsed_s = time.perf_counter() - started
        out.validations += 1
        out.validation_time += verdict.elapsed_s
        out.review.absorb(verdict.review)
        return verdict


def _targeted_patch(job: ModuleJob, code: str, verdict: Verdict, out: ModuleOutcome) -> str | None:
    """Patched code when smart retry finds every failed check patchable, else None (feasibility recorded).
    The patches are libcst transforms (``baes.generation.smart_retry`` over ``baes.fixes.apply``): no LLM call.
    """

    try:
        with CPU_LOCK:
            result = SmartRetry().retry(code, verdict.result, swea_type=job.swea, path=job.target_path)
    except Exception as exc:  # the reference's rule: a patch error falls back to regeneration
        LOG.exception("smart retry failed on the %s module", job.swea.value)
        out.notes.append(f"{job.swea.value}: targeted patching failed ({type(exc).__name__}: {exc}); regenerating")
        return None
    decision = result.decision
    out.patch_feasibility = max(out.patch_feasibility or 0.0, float(decision.feasibility))
    if decision.strategy != TARGETED:
        out.notes.append(f"{job.swea.value}: no targeted patch ({decision.reason}); regenerating")
        return None
    if not result.success:
        out.notes.append(f"{job.swea.value}: targeted patches left {', '.join(result.remaining)} failing; regenerating")
        return None
    return result.code


def _extract(reply: str) -> str:
    with CPU_LOCK:
        return extract_code(reply)


def _ask(job: ModuleJob, messages: list[dict[str, str]], out: ModuleOutcome, what: str) -> LLMReply | None:
    """One generation call; a failure ends the SWEA with a note, since nothing usable came back."""
    try:
        return job.client.complete(messages)
    except LLMError as exc:
        out.failed = True
        out.notes.append(f"{job.swea.value}: {what} failed ({exc}); nothing generated")
        return None


def generate_module(job: ModuleJob, context_modules: Sequence[tuple[str, str]] = ()) -> ModuleOutcome:
    """Generate, validate and retry one module; never raises on LLM or answer problems."""
    out = ModuleOutcome(swea=job.swea, code=None)
    try:
        return _generate(job, context_modules, out)
    except LLMError as exc:  # a review call failed (generation calls report their own failures)
        out.failed = True
        out.code = None
        out.notes.append(f"{job.swea.value}: an LLM review call failed ({exc}); nothing generated")
        return out


def _generate(job: ModuleJob, context_modules: Sequence[tuple[str, str]], out: ModuleOutcome) -> ModuleOutcome:
    standards_text = job.standards_text()
    out.standards_type = "compressed" if job.flags.ENABLE_COMPRESSED_STANDARDS else "full"
    with CPU_LOCK:
        messages = generation_messages(
            job.swea, job.spec, standards_text, job.target_path, job.reasons, job.request, context_modules
        )
    name = job.swea.value
    reply = _ask(job, messages, out, "the LLM call")
    if reply is None:
        return out
    out.generation.add(reply)
    first_cost = reply.total_tokens  # what one regeneration of this module measurably costs
    code: str | None
    feedback: tuple[str, ...]
    try:
        code = _extract(reply.content)
    except CodeExtractionError as exc:
        code, feedback, verdict = None, (f"your answer was not usable: {exc}",), None
    else:
        verdict = job.validate(code, out)
        out.validation_outcome = verdict.rule_outcome or verdict.outcome
        feedback = verdict.feedback
    generations = 1
    patch_tried = False  # one targeted-patch round per generated module
    while not (verdict is not None and verdict.approved):
        if (
            not patch_tried
            and code is not None
            and verdict is not None
            and verdict.result is not None
            and job.flags.ENABLE_SMART_RETRY
        ):
            patch_tried = True
            patched = _targeted_patch(job, code, verdict, out)
            if patched is not None:
                out.retry_count += 1
                out.retry_methods.append(TARGETED_PATCH)
                code = patched
                verdict = job.validate(code, out)
                feedback = verdict.feedback
                if verdict.approved:
                    out.retry_tokens_saved += first_cost
                continue
        if generations >= job.max_attempts:
            break
        generations += 1
        patch_tried = False
        out.retry_count += 1
        out.retry_methods.append(FULL_REGENERATION)
        reply = _ask(job, regeneration_messages(messages, code, feedback), out, f"the LLM call of retry {out.retry_count}")
        if reply is None:
            return out
        out.retry.add(reply)
        try:
            code = _extract(reply.content)
        except CodeExtractionError as exc:
            code, verdict, feedback = None, None, (f"your answer was not usable: {exc}",)
            continue
        verdict = job.validate(code, out)
        if out.validation_outcome is None:
            out.validation_outcome = verdict.rule_outcome or verdict.outcome
        feedback = verdict.feedback
    if verdict is None or not verdict.approved or code is None:
        out.failed = True
        detail = "; ".join(feedback[:5]) if feedback else "no usable answer"
        out.notes.append(
            f"{name}: still rejected after {generations} generation(s) and {out.retry_count} "
            f"retr{'y' if out.retry_count == 1 else 'ies'}: {detail}"
        )
        return out
    out.code = code
    out.approved = True
    out.final_outcome = verdict.outcome
    return out
