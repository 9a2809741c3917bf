"""The engine's verdict on a whole file, shown to every client.

The ``baes/fileOutcome`` notification the VS Code extension shows in its status bar, sent
once per stored result of an open document, and the title of the code lens on the first
line ("BAES: confident approval (0.92) · backend", ``features.code_lens``) for any editor.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from baes.lsp.linting import LintResult
from baes.lsp.session import Session

if TYPE_CHECKING:  # the engine is imported at the first lint (``baes.lsp.linting._check``)
    from baes.standards.engine import FileReport

NOTIFICATION = "baes/fileOutcome"
_LABELS = {
    "confident_approval": "confident approval",
    "confident_rejection": "confident rejection",
    "uncertain": "uncertain",
}


def _swea(report: FileReport) -> str | None:
    return report.swea_type.value if report.swea_type is not None else None


def _confidence(report: FileReport) -> float:
    value = float(report.confidence or 0.0)
    return value if math.isfinite(value) else 0.0


def payload(result: LintResult) -> dict[str, Any] | None:
    """``{uri, version, outcome, confidence, swea_type, counts}``; ``None`` when linting is off."""
    if result.report is None:
        return None
    return {
        "uri": result.uri,
        "version": result.version,
        "outcome": str(result.report.outcome),
        "confidence": round(_confidence(result.report), 4),
        "swea_type": _swea(result.report),
        "counts": result.counts(),
    }


def title(result: LintResult) -> str | None:
    if result.report is None:
        return None
    label = _LABELS.get(str(result.report.outcome), str(result.report.outcome))
    kind = _swea(result.report) or "no SWEA type"
    return f"BAES: {label} ({_confidence(result.report):.2f}) · {kind}"


def announce(session: Session, result: LintResult) -> None:
    """Send ``baes/fileOutcome`` for an open document's result unless it was sent already.

    Keyed on the last (version, result id) announced per document rather than on whether the
    result was computed just now: VS Code cancels its first pull right after opening, and the
    next pull reuses that result, which must still be announced once. A result for a version
    the document has already left is not announced (a newer one will be).
    """
    document = session.open_document(result.uri)
    if document is None or document.version != result.version:
        return
    key = (result.version, result.result_id)
    if session.announced_outcomes.get(result.uri) == key:
        return
    data = payload(result)
    if data is None:
        return
    session.announced_outcomes[result.uri] = key
    session.client.notify(NOTIFICATION, data)


def forget(session: Session, uri: str) -> None:
    """The document closed: a reopened one is announced again."""
    session.announced_outcomes.pop(uri, None)


def refresh_lenses(session: Session) -> None:
    if session.supports("workspace.code_lens.refresh_support"):
        session.client.refresh_code_lenses()
