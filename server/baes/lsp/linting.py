"""Linting one document version through the core engine, cached per (uri, version, settings).

The engine runs in a worker thread so the event loop keeps answering. Each result keeps the
source and lines it was computed from, the engine's report and the LSP diagnostics, each
diagnostic carrying its finding and suppression edit in ``data``: code actions, hover and
the file outcome reuse the result of that version and never lint again.
"""
from __future__ import annotations

import asyncio
import hashlib
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Sequence

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from baes.findings import Finding, Severity, TextEdit
from baes.lsp import core
from baes.lsp.configuration import ResolvedSettings
from baes.lsp.positions import span_to_range, split_lines

if TYPE_CHECKING:
    from baes.lsp.documents import Snapshot

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
    report: Any | None                      # baes.standards.engine.FileReport; None when disabled
    findings: tuple[Finding, ...]
    suppressions: tuple[TextEdit | None, ...]
    diagnostics: tuple[types.Diagnostic, ...]
    result_id: str

    def counts(self) -> dict[str, int]:
        counts = {severity.value: 0 for severity in Severity}
        for finding in self.findings:
            counts[finding.severity.value] += 1
        return counts


def result_id(source: str, fingerprint: str) -> str:
    """Same text under the same settings → same id, so a pull answers "unchanged"."""
    digest = hashlib.sha1(source.encode("utf-8", "surrogatepass"))
    digest.update(fingerprint.encode())
    return digest.hexdigest()[:20]


def _check(source: str, path: str | None, resolved: ResolvedSettings) -> tuple[Any, tuple[TextEdit | None, ...]]:
    """Run the engine and compute each finding's suppression edit (worker thread)."""
    check_source = core.attribute("baes.standards.engine", "check_source")
    report = check_source(source, path, resolved.settings)
    try:
        suppression_edit = core.attribute("baes.standards.suppression", "suppression_edit")
    except core.CoreUnavailable as exc:
        logger.warning("%s", exc)
        return report, tuple(None for _ in report.findings)
    edits: list[TextEdit | None] = []
    for finding in report.findings:
        try:
            edits.append(suppression_edit(source, finding))
        except Exception:
            logger.exception("no suppression edit for %s", finding.rule_id)
            edits.append(None)
    return report, tuple(edits)


def to_diagnostic(
    finding: Finding, suppression: TextEdit | None, lines: Sequence[str], codec: PositionCodec,
    uri: str, version: int | None,
) -> types.Diagnostic:
    """One finding as an LSP diagnostic; ``data`` holds all a code action needs."""
    return types.Diagnostic(
        range=span_to_range(lines, finding.span, codec),
        severity=_SEVERITY.get(finding.severity, types.DiagnosticSeverity.Warning),
        code=finding.rule_id,
        source=SOURCE,
        message=finding.message,
        data={
            "uri": uri,
            "version": version,
            "finding": finding.to_dict(),
            "suppression": suppression.to_dict() if suppression is not None else None,
        },
    )


class Linter:
    """Computes and remembers the latest result of each document; one run per version."""

    def __init__(self) -> None:
        self.results: dict[str, LintResult] = {}
        self._running: dict[tuple[str, int | None, str, str], asyncio.Future[LintResult]] = {}

    def cached(self, snapshot: "Snapshot", resolved: ResolvedSettings) -> LintResult | None:
        """The stored result if it is for exactly this text under these settings."""
        found = self.results.get(snapshot.uri)
        if found is None or found.version != snapshot.version:
            return None
        if found.result_id != result_id(snapshot.source, resolved.fingerprint):
            return None
        return found

    async def lint(self, snapshot: "Snapshot", resolved: ResolvedSettings, codec: PositionCodec) -> tuple[LintResult, bool]:
        """The result for ``snapshot`` and whether it was computed now (False: reused)."""
        found = self.cached(snapshot, resolved)
        if found is not None:
            return found, False
        key = (snapshot.uri, snapshot.version, resolved.fingerprint, result_id(snapshot.source, ""))
        running = self._running.get(key)
        if running is None:
            running = asyncio.ensure_future(self._compute(snapshot, resolved, codec))
            self._running[key] = running
            running.add_done_callback(lambda _: self._running.pop(key, None))
            # A cancelled request must not cancel a run other requests share: shield it.
            result = await asyncio.shield(running)
            return result, True
        return await asyncio.shield(running), False

    async def _compute(self, snapshot: "Snapshot", resolved: ResolvedSettings, codec: PositionCodec) -> LintResult:
        lines = split_lines(snapshot.source)
        rid = result_id(snapshot.source, resolved.fingerprint)
        if not resolved.editor.enable or not snapshot.lintable:
            report, suppressions = None, ()
        else:
            loop = asyncio.get_running_loop()
            report, suppressions = await loop.run_in_executor(None, _check, snapshot.source, snapshot.path, resolved)
        findings: tuple[Finding, ...] = tuple(report.findings) if report is not None else ()
        diagnostics = tuple(
            to_diagnostic(f, s, lines, codec, snapshot.uri, snapshot.version) for f, s in zip(findings, suppressions)
        )
        result = LintResult(
            uri=snapshot.uri, version=snapshot.version, source=snapshot.source, lines=lines,
            path=snapshot.path, settings=resolved, report=report, findings=findings,
            suppressions=suppressions, diagnostics=diagnostics, result_id=rid,
        )
        existing = self.results.get(snapshot.uri)
        newer_stored = existing is not None and (existing.version or 0) > (snapshot.version or 0)
        if snapshot.is_open and not newer_stored:
            self.results[snapshot.uri] = result
        return result

    def forget(self, uri: str) -> None:
        self.results.pop(uri, None)

    def clear(self) -> None:
        self.results.clear()
