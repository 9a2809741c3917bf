"""Applying the fixes of a file's findings: fix-all in rounds, and single quick fixes.

A round plans the fix of every selected finding on the same text, keeps those whose
changes do not overlap (imports are merged, so fixes needing imports never collide),
applies them together and checks the result parses; the file is then checked again and the
next round fixes what is left (fixes deferred by a conflict, problems a fix uncovered),
until nothing changes or ``MAX_ROUNDS`` is reached. ``baes fix``, ``baes check --fix`` and
the editor's fix-all and quick fixes all come through here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from baes.fixes import patches
from baes.fixes.patches import PatchPlan, PatchSource
from baes.fixes.text_edits import minimal_edits, ranges_conflict
from baes.standards.engine import FileReport, check_source
from baes.standards.findings import Finding, FixSafety, TextEdit

if TYPE_CHECKING:  # pragma: no cover
    from baes.settings.config import Settings
    from baes.swea import SWEAType

log = logging.getLogger(__name__)

MAX_ROUNDS = 8


@dataclass(frozen=True)
class FixOutcome:
    """The fixed source (== input when nothing applied; always parses when the input did)."""

    source: str
    applied: tuple[Finding, ...]
    skipped: tuple[tuple[Finding, str], ...]  # finding and why (unsafe, patch failed, conflict, ...)
    edits: tuple[TextEdit, ...]  # minimal edits turning the input into ``source``
    # the engine's report on ``source`` (fix_source: the rounds' own last check, not a new one)
    report: FileReport | None = None


@dataclass(frozen=True)
class FixStep:
    """One round: the new source, what was applied (with its plan) and what was not."""

    source: str
    applied: tuple[tuple[Finding, PatchPlan], ...] = ()
    skipped: tuple[tuple[Finding, str], ...] = ()
    # every plan applied, imports resolved (for measuring snippets), in the input's coordinates
    resolved: tuple[PatchPlan, ...] = ()


def fix_safety(finding: Finding) -> FixSafety:
    """The safety of a finding's fix, as its patch type declares it (``FixSpec.safety`` is that
    value serialised; it is only read for a patch type this version does not know)."""
    assert finding.fix is not None
    return patches.safety(finding.fix.patch_type, finding.fix.kwargs) or finding.fix.safety


def apply_findings(source: str, findings: Sequence[Finding], include_unsafe: bool = False) -> FixStep:
    """Apply the fixes of ``findings`` (positions in ``source``) that do not overlap, in one go."""
    if not findings:
        return FixStep(source)
    try:
        parsed = patches.PatchSource(source)
    except patches.PatchFailure as exc:
        return FixStep(source, skipped=tuple((f, f"not fixed: {exc}") for f in findings))
    chosen: list[tuple[Finding, PatchPlan]] = []
    skipped: list[tuple[Finding, str]] = []
    taken: list[tuple[int, int]] = []
    for finding in sorted(findings, key=lambda f: (f.span.start_line, f.span.start_col, f.rule_id)):
        reason = _skip_reason(finding, include_unsafe)
        if reason:
            skipped.append((finding, reason))
            continue
        assert finding.fix is not None
        try:
            plan = patches.plan(parsed, finding.fix.patch_type, finding.fix.kwargs)
        except patches.PatchFailure as exc:
            skipped.append((finding, f"fix failed: {exc}"))
            continue
        except Exception as exc:  # one broken fix must not stop the others
            log.exception("fix %s of %s failed unexpectedly", finding.fix.patch_type, finding.rule_id)
            skipped.append((finding, f"fix failed: internal error: {type(exc).__name__}: {exc}"))
            continue
        if plan.is_noop:
            skipped.append((finding, "the fix changes nothing here"))
            continue
        ranges = [(r.start, r.end) for r in plan.replacements]
        if any(ranges_conflict(a, b) for a in ranges for b in taken):
            skipped.append((finding, "conflicts with another fix applied in the same round"))
            continue
        taken += ranges
        chosen.append((finding, plan))
    if not chosen:
        return FixStep(source, skipped=tuple(skipped))
    try:
        resolved = patches.resolve(parsed, [p for _, p in chosen])
        text = patches.apply_resolved(parsed, resolved)
    except patches.PatchFailure:
        return _one_by_one(parsed, chosen, skipped)
    if text == source:
        skipped += [(f, "the fix changes nothing here") for f, _ in chosen]
        return FixStep(source, skipped=tuple(skipped))
    return FixStep(text, tuple(chosen), tuple(skipped), tuple(resolved))


def _one_by_one(parsed: PatchSource, chosen: list[tuple[Finding, PatchPlan]], skipped: list[tuple[Finding, str]]) -> FixStep:
    """Together the fixes failed: keep each that still leaves valid code when added."""
    kept: list[tuple[Finding, PatchPlan]] = []
    text, resolved = parsed.text, []
    for finding, plan in chosen:
        try:
            candidate = patches.resolve(parsed, [p for _, p in kept] + [plan])
            text = patches.apply_resolved(parsed, candidate)
        except patches.PatchFailure as exc:
            skipped.append((finding, f"fix failed: {exc}"))
            continue
        kept.append((finding, plan))
        resolved = candidate
    if not kept:
        return FixStep(parsed.text, skipped=tuple(skipped))
    return FixStep(text, tuple(kept), tuple(skipped), tuple(resolved))


def _skip_reason(finding: Finding, include_unsafe: bool) -> str | None:
    if finding.fix is None:
        return "no automatic fix"
    if not include_unsafe and fix_safety(finding) is FixSafety.UNSAFE:
        return "unsafe fix: applied only on request (--unsafe-fixes or a quick fix)"
    return None


def _selected(finding: Finding, rule_ids: Collection[str] | None) -> bool:
    if rule_ids is None:
        return True
    return any(finding.rule_id == r or finding.rule_id.startswith(r) for r in rule_ids)


def run_rounds(
    source: str, find: Callable[[str], FindResult], include_unsafe: bool = False
) -> tuple[str, list[tuple[str, FixStep]], tuple[tuple[Finding, str], ...]]:
    """Fix in rounds: ``find`` the fixable findings of the current text, apply, repeat.

    Returns the final text, each round's (input text, step), and what the last round skipped.
    """
    current = source
    seen = {source}
    steps: list[tuple[str, FixStep]] = []
    skipped: tuple[tuple[Finding, str], ...] = ()
    for _ in range(MAX_ROUNDS):
        candidates, broken = find(current)
        if broken:
            skipped = tuple((f, "not fixed: the file does not parse") for f in candidates)
            break
        step = apply_findings(current, candidates, include_unsafe)
        skipped = step.skipped
        if not step.applied:
            break
        if step.source in seen:
            # the fixes undo each other: stop where we are rather than go round in circles
            skipped += tuple((f, "not applied: it undoes another fix (the fixes contradict each other)") for f, _ in step.applied)
            break
        seen.add(step.source)
        steps.append((current, step))
        current = step.source
    return current, steps, skipped


# the fixable findings of a text, and whether the text failed to parse
FindResult = tuple[list[Finding], bool]


class EngineFinder:
    """A ``find`` for ``run_rounds`` backed by ``baes.standards.engine.check_source``; it keeps the
    report of the last text it checked, which is usually the fixed text's (``report_for``)."""

    def __init__(
        self,
        path: str | None = None,
        settings: Settings | None = None,
        rule_ids: Collection[str] | None = None,
        swea_type: SWEAType | str | None = None,
    ) -> None:
        self.path, self.settings, self.swea_type = path, settings, swea_type
        self.rule_ids = (rule_ids,) if isinstance(rule_ids, str) else rule_ids
        self._last: tuple[str, FileReport] | None = None

    def report_for(self, text: str) -> FileReport:
        """The engine's report on ``text``: the last one when it was for this text, else a new check."""
        if self._last is None or self._last[0] != text:
            self._last = (text, check_source(text, self.path, self.settings, self.swea_type))
        return self._last[1]

    def __call__(self, text: str) -> FindResult:
        report = self.report_for(text)
        fixable = [f for f in report.findings if f.fix is not None and _selected(f, self.rule_ids)]
        return fixable, report.syntax_error


def engine_finder(
    path: str | None = None,
    settings: Settings | None = None,
    rule_ids: Collection[str] | None = None,
    swea_type: SWEAType | str | None = None,
) -> EngineFinder:
    """A ``find`` for ``run_rounds`` backed by the engine."""
    return EngineFinder(path, settings, rule_ids, swea_type)


def fix_source(
    source: str,
    path: str | None = None,
    settings: Settings | None = None,
    include_unsafe: bool = False,
    rule_ids: Collection[str] | None = None,
    *,
    swea_type: SWEAType | str | None = None,
) -> FixOutcome:
    """Check ``source`` and apply every selected fix, in rounds, until nothing changes."""
    finder = engine_finder(path, settings, rule_ids, swea_type)
    text, steps, skipped = run_rounds(source, finder, include_unsafe)
    applied = tuple(f for _, step in steps for f, _ in step.applied)
    return FixOutcome(text, applied, skipped, minimal_edits(source, text), finder.report_for(text))


def fix_finding(source: str, finding: Finding) -> FixOutcome:
    """One quick fix, asked for by the user (so unsafe fixes apply too)."""
    step = apply_findings(source, [finding], include_unsafe=True)
    return FixOutcome(step.source, tuple(f for f, _ in step.applied), step.skipped, minimal_edits(source, step.source))
