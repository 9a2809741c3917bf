"""Smart retry: fix a rejected generation with targeted patches instead of regenerating it.

Given what validation rejected (the reference's ``ValidationResult``, or findings), it
computes the *patch feasibility* (the share of failed checks that have an automatic fix),
decides between targeted patches and a full regeneration, applies the patches (through
``baes.fixes.apply``, so the same guarantees hold: code that parses, no overlapping edits), and
reports the tokens used and saved, counted with tiktoken (``baes.fixes.patches.cost``).

Decision: patch when every failed check is fixable (``min_feasibility``, default 1.0) and
there are at most ``max_patches`` fixes; otherwise the regeneration has to happen anyway,
and it fixes the patchable problems in the same pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from baes.fixes.apply import engine_finder, run_rounds
from baes.fixes.patches.cost import measure, snippets
from baes.metrics.tokens import count_tokens
from baes.settings.config import Settings
from baes.standards.engine import check_source
from baes.standards.findings import Finding

if TYPE_CHECKING:  # pragma: no cover
    from baes.settings.config import Settings
    from baes.swea import SWEAType

TARGETED = "targeted_patch"
REGENERATE = "full_regeneration"
NOTHING = "none"


@dataclass(frozen=True)
class RetryDecision:
    strategy: str  # "targeted_patch" | "full_regeneration" | "none"
    feasibility: float  # failed checks with a fix / failed checks (1.0 when none failed)
    failed_checks: int
    fixable: tuple[Finding, ...]  # the findings whose fixes would be applied
    unfixable: tuple[str, ...]  # failed checks without a fix (rule ids)
    reason: str


@dataclass(frozen=True)
class SmartRetryResult:
    decision: RetryDecision
    success: bool  # every failed check is gone and the code parses
    code: str  # patched code (the input when nothing was patched)
    applied: tuple[Finding, ...]
    skipped: tuple[tuple[Finding, str], ...]
    remaining: tuple[str, ...]  # rule ids of failed checks still failing
    tokens_used: int  # tokens of the targeted patches (or of the regeneration)
    full_regeneration_tokens: int  # tokens a full regeneration costs for the same problems
    tokens_saved: int


class SmartRetry:
    """Decide between targeted patches and regeneration, and apply the patches."""

    def __init__(self, min_feasibility: float = 1.0, max_patches: int = 10) -> None:
        self.min_feasibility = min_feasibility
        self.max_patches = max_patches

    def assess(
        self,
        code: str,
        failures: Any,
        *,
        swea_type: SWEAType | str | None = None,
        path: str | None = None,
    ) -> RetryDecision:
        """Patch feasibility and strategy for ``failures`` (a ``ValidationResult`` or findings)."""
        failed_ids, findings = self._failures(code, failures, swea_type, path)
        if not failed_ids:
            return RetryDecision(NOTHING, 1.0, 0, (), (), "no failed check")
        fixable_ids = {f.rule_id for f in findings if f.fix is not None}
        unfixable = tuple(r for r in failed_ids if r not in fixable_ids)
        feasibility = (len(failed_ids) - len(unfixable)) / len(failed_ids)
        fixable = tuple(f for f in findings if f.fix is not None and f.rule_id in failed_ids)
        if feasibility < self.min_feasibility:
            reason = f"{len(unfixable)} of {len(failed_ids)} failed checks have no automatic fix"
            return RetryDecision(REGENERATE, feasibility, len(failed_ids), fixable, unfixable, reason)
        if len(fixable) > self.max_patches:
            reason = f"{len(fixable)} fixes exceed the limit of {self.max_patches}"
            return RetryDecision(REGENERATE, feasibility, len(failed_ids), fixable, unfixable, reason)
        return RetryDecision(TARGETED, feasibility, len(failed_ids), fixable, unfixable, "every failed check has a fix")

    def retry(
        self,
        code: str,
        failures: Any,
        *,
        swea_type: SWEAType | str | None = None,
        path: str | None = None,
    ) -> SmartRetryResult:
        """Apply targeted patches when the decision allows it; report tokens either way."""
        decision = self.assess(code, failures, swea_type=swea_type, path=path)
        failed_ids = {f.rule_id for f in decision.fixable} | set(decision.unfixable)
        # a regeneration reads the instruction and the code and writes the module again
        code_tokens = count_tokens(code)
        asked = count_tokens(_instruction(decision)) + code_tokens
        if decision.strategy != TARGETED:
            full_cost = asked + code_tokens
            success = decision.strategy == NOTHING
            return SmartRetryResult(
                decision, success, code, (), (), decision.unfixable, 0 if success else full_cost, full_cost, 0
            )
        first = list(decision.fixable)
        finder = engine_finder(path, _only(failed_ids), None, swea_type)

        def find(text: str) -> tuple[list[Finding], bool]:
            # the first round fixes exactly the findings given; later rounds what the engine still reports
            nonlocal first
            if first:
                given, first = first, []
                return given, False
            return finder(text)

        patched, steps, skipped = run_rounds(code, find, include_unsafe=True)
        used = sum(_step_tokens(before, step) for before, step in steps)
        full_cost = asked + count_tokens(patched)
        # the rounds' own last check is usually of the patched text already: no second check
        remaining = _still_failing(finder.report_for(patched), failed_ids)
        applied = tuple(f for _, step in steps for f, _ in step.applied)
        return SmartRetryResult(
            decision, not remaining, patched, applied, skipped, remaining, used, full_cost, max(full_cost - used, 0)
        )

    @staticmethod
    def _failures(code: str, failures: Any, swea_type: Any, path: str | None) -> tuple[list[str], list[Finding]]:
        """Failed rule ids (in order) and the findings that locate them."""
        if isinstance(failures, Sequence) and all(isinstance(f, Finding) for f in failures):
            ids: list[str] = []
            for f in failures:
                if f.rule_id not in ids:
                    ids.append(f.rule_id)
            return ids, list(failures)
        results = getattr(failures, "rule_results", None)
        if results is None:
            raise TypeError("failures must be a ValidationResult or a sequence of Finding")
        ids = []
        for match in results:
            if not getattr(match, "passed", True) and match.rule_id not in ids:
                ids.append(match.rule_id)
        if not ids:
            return [], []
        carried = [f for f in getattr(failures, "findings", ()) or () if isinstance(f, Finding) and f.rule_id in ids]
        if carried:
            return ids, carried

        report = check_source(code, path, _only(ids), swea_type)
        return ids, [f for f in report.findings if f.rule_id in ids]


def _still_failing(report: Any, failed_ids: set[str]) -> tuple[str, ...]:
    """The failed rules ``report`` still reports (all of them when the code stopped parsing)."""
    if report.syntax_error:
        return tuple(sorted(failed_ids))
    return tuple(sorted({f.rule_id for f in report.findings if f.rule_id in failed_ids}))


def _only(rule_ids: Any) -> Settings:
    """Settings running exactly these rules, whatever profile they belong to (validation runs the
    ``generated`` profile; the default profile would miss some of its rules)."""

    return Settings(select=tuple(sorted(rule_ids)))


def _instruction(decision: RetryDecision) -> str:
    lines = ["Fix these problems:"]
    lines += [f"- line {f.line}: {f.rule_id} {f.message}" for f in decision.fixable]
    lines += [f"- {rule_id}" for rule_id in decision.unfixable]
    return "\n".join(lines)


def _step_tokens(before: str, step: Any) -> int:
    """Targeted tokens of one round: its findings, and the snippets read before and after."""
    instruction = "\n".join(f"line {f.line}: {f.rule_id} {f.message}" for f, _ in step.applied)
    return measure(instruction, before, step.source, snippets(before, step.resolved)).targeted_patch
