"""Linting one document version through the core engine, cached per (uri, version, settings).

The engine runs in a worker thread so the event loop keeps answering. Each result keeps the
source and lines it was computed from, the engine's report and the LSP diagnostics, each
diagnostic carrying its finding in ``data``: code actions, hover and the file outcome reuse
the result of that version and never lint again. The "disable for this line" edits are only
needed when code actions are asked for, so they are computed then (one parse for all the
findings of the version, kept on the result) instead of on every keystroke.
"""

from __future__ import annotations

import asyncio
import gc
import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from baes.lsp.configuration import ResolvedSettings
from baes.lsp.documents import Snapshot
from baes.lsp.positions import LineUnits, span_to_range, split_lines
from baes.standards.findings import Finding, Severity, TextEdit

if TYPE_CHECKING:  # the engine itself is imported at the first lint (see ``_check``)
    from baes.standards.engine import FileReport
    from baes.standards.incremental import IncrementalParser

logger = logging.getLogger(__name__)

SOURCE = "baes"
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
    Severity.HINT: types.DiagnosticSeverity.Hint,
}


@dataclass(frozen=True)
class LintResult:
    """The findings of one version of one document, and their diagnostics."""

    uri: str
    version: int | None
    source: str
    lines: tuple[str, ...]
    path: str | None
    settings: ResolvedSettings
    report: FileReport | None  # None when linting is off for the document
    findings: tuple[Finding, ...]
    diagnostics: tuple[types.Diagnostic, ...]
    result_id: str
    # the suppression edit of each finding, once ``suppression_edits`` computed them (at most one entry)
    suppression_memo: list[tuple[TextEdit | None, ...]] = field(default_factory=list, compare=False, repr=False)

    def counts(self) -> dict[str, int]:
        counts = {severity.value: 0 for severity in Severity}
        for finding in self.findings:
            counts[finding.severity.value] += 1
        return counts


def result_id(digest: str, fingerprint: str) -> str:
    """Same text (``digest``) under the same settings → same id, so a pull answers "unchanged"."""
    return hashlib.sha1(f"{digest}|{fingerprint}".encode()).hexdigest()[:20]


def _check(source: str, path: str | None, resolved: ResolvedSettings, parser: IncrementalParser | None) -> FileReport:
    """Run the engine (worker thread); ``parser`` re-parses only what changed since the last version."""
    # Imported at the first lint, not at start-up: the engine's modules take 40 ms to import
    # (python -X importtime), a tenth of the time to the ``initialize`` answer (bench/bench_lsp.py).
    from baes.standards import engine

    return engine.check_source(source, path, resolved.settings, parser=parser)


def _suppressions(source: str, findings: tuple[Finding, ...]) -> tuple[TextEdit | None, ...]:
    """Each finding's suppression edit, one parse for all (worker thread); ``None`` where none can be made."""
    from baes.standards.suppression import suppression_edits as batch  # loaded with the engine (``_check``)

    try:
        return tuple(batch(source, findings))
    except Exception:
        logger.exception("no suppression edits for the batch: trying each finding alone")
    edits: list[TextEdit | None] = []
    for finding in findings:
        try:
            edits.append(batch(source, (finding,))[0])
        except Exception:
            logger.exception("no suppression edit for %s", finding.rule_id)
            edits.append(None)
    return tuple(edits)


async def suppression_edits(result: LintResult) -> tuple[TextEdit | None, ...]:
    """The suppression edit of each of ``result``'s findings, computed on first use, then kept."""
    if not result.suppression_memo:
        if not result.findings:
            return ()
        loop = asyncio.get_running_loop()
        edits = await loop.run_in_executor(None, _suppressions, result.source, result.findings)
        if not result.suppression_memo:
            result.suppression_memo.append(edits)
    return result.suppression_memo[0]


def to_diagnostic(finding: Finding, units: LineUnits, uri: str, version: int | None) -> types.Diagnostic:
    """One finding as an LSP diagnostic; ``data`` holds what a fix needs (``baes.applyFix``, resolve)."""
    return types.Diagnostic(
        range=span_to_range(units, finding.span),
        severity=_SEVERITY.get(finding.severity, types.DiagnosticSeverity.Warning),
        code=finding.rule_id,
        source=SOURCE,
        message=finding.message,
        data={
            "uri": uri,
            "version": version,
            "finding": finding.to_dict(),
        },
    )


_FREEZE_DELAY_S = 0.1
# Edits of open documents up to this size are checked on the event loop, not in a worker thread:
# only the statements an edit touched are parsed again, and even a full re-parse of this much text
# (a syntax error in the edited region) holds the loop for about as long as the GIL would anyway.
INLINE_MAX_CHARS = 100_000


def _freeze_long_lived_objects() -> None:
    """Hide the objects alive after the first lint from the garbage collector, for good.

    The engine's modules, the rule catalog and pygls live for the whole session; without this
    every full collection walks them all and lands on some keystroke (p95 of the engine on a
    500-line file 37 ms against a p50 of 7 ms). Frozen once, collections only see per-lint objects.
    """
    gc.collect()
    gc.freeze()
    logger.debug("froze %d long-lived objects", gc.get_freeze_count())


class Linter:
    """Computes and remembers the latest result of each document; one run per version.

    ``on_stored`` is told of each result stored for an open document once the run ends and the
    requests waiting for it have resumed (they publish first), even when every one of them was
    cancelled meanwhile.
    """

    def __init__(self, on_stored: Callable[[LintResult], None] | None = None) -> None:
        self.on_stored = on_stored
        self.results: dict[str, LintResult] = {}
        # uri -> the open document's incremental parser (the trees of its last version)
        self._parsers: dict[str, IncrementalParser] = {}
        self._frozen = False
        self._running: dict[tuple[str, int | None, str, str], asyncio.Future[LintResult]] = {}

    def cached(self, snapshot: Snapshot, resolved: ResolvedSettings) -> LintResult | None:
        """The stored result if it is for exactly this text under these settings."""
        found = self.results.get(snapshot.uri)
        if found is None or found.version != snapshot.version:
            return None
        if found.result_id != result_id(snapshot.digest, resolved.fingerprint):
            return None
        return found

    async def lint(self, snapshot: Snapshot, resolved: ResolvedSettings, codec: PositionCodec) -> tuple[LintResult, bool]:
        """The result for ``snapshot`` and whether it was computed now (False: reused)."""
        found = self.cached(snapshot, resolved)
        if found is not None:
            return found, False
        key = (snapshot.uri, snapshot.version, resolved.fingerprint, snapshot.digest)
        running = self._running.get(key)
        if running is None:
            running = asyncio.ensure_future(self._compute(snapshot, resolved, codec))
            self._running[key] = running
            running.add_done_callback(lambda _: self._running.pop(key, None))
            # A cancelled request must not cancel a run other requests share: shield it.
            shielded = asyncio.shield(running)
            # after the shield's own callback, so the waiting request resumes (and publishes) first
            running.add_done_callback(self._tell_stored)
            result = await shielded
            return result, True
        return await asyncio.shield(running), False

    async def _compute(self, snapshot: Snapshot, resolved: ResolvedSettings, codec: PositionCodec) -> LintResult:
        lines = split_lines(snapshot.source)
        rid = result_id(snapshot.digest, resolved.fingerprint)
        if not resolved.editor.enable or not snapshot.lintable:
            report = None
        else:
            loop = asyncio.get_running_loop()
            parser = self._parser(snapshot.uri) if snapshot.is_open else None
            if parser is not None and parser.has_previous() and len(snapshot.source) <= INLINE_MAX_CHARS:
                # an edit of a document checked before: a millisecond or two, less than two thread hops
                report = _check(snapshot.source, snapshot.path, resolved, parser)
            else:
                report = await loop.run_in_executor(None, _check, snapshot.source, snapshot.path, resolved, parser)
            if not self._frozen:
                # the engine is loaded now; freeze a moment later, off the path of this publication
                self._frozen = True
                loop.call_later(_FREEZE_DELAY_S, _freeze_long_lived_objects)
        findings: tuple[Finding, ...] = tuple(report.findings) if report is not None else ()
        units = LineUnits(lines, codec)
        diagnostics = tuple(to_diagnostic(f, units, snapshot.uri, snapshot.version) for f in findings)
        result = LintResult(
            uri=snapshot.uri,
            version=snapshot.version,
            source=snapshot.source,
            lines=lines,
            path=snapshot.path,
            settings=resolved,
            report=report,
            findings=findings,
            diagnostics=diagnostics,
            result_id=rid,
        )
        existing = self.results.get(snapshot.uri)
        newer_stored = existing is not None and (existing.version or 0) > (snapshot.version or 0)
        if snapshot.is_open and not newer_stored:
            self.results[snapshot.uri] = result
        return result

    def _tell_stored(self, run: asyncio.Future[LintResult]) -> None:
        """Tell ``on_stored`` of a stored result, on the loop's next turn (after the waiters)."""
        if self.on_stored is None or run.cancelled() or run.exception() is not None:
            return
        result = run.result()
        if self.results.get(result.uri) is result:
            asyncio.get_running_loop().call_soon(self._notify_stored, result)

    def _notify_stored(self, result: LintResult) -> None:
        if self.on_stored is None:
            return
        try:
            self.on_stored(result)
        except Exception:  # a listener's bug must not lose the result
            logger.exception("handling the result of %s failed", result.uri)

    def _parser(self, uri: str) -> IncrementalParser:
        """The incremental parser of open document ``uri`` (one per document, kept until it closes)."""
        parser = self._parsers.get(uri)
        if parser is None:
            from baes.standards.incremental import IncrementalParser  # part of the engine's 40 ms (``_check``)

            parser = self._parsers[uri] = IncrementalParser()
        return parser

    def forget(self, uri: str) -> None:
        """``uri`` was closed: drop its result and its parser's trees."""
        self.results.pop(uri, None)
        self._parsers.pop(uri, None)

    def clear(self) -> None:
        """Settings changed: every result is recomputed (the parsers' trees stay valid)."""
        self.results.clear()
