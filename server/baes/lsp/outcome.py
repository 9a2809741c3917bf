"""The engine's verdict on a whole file, shown to every client.

A code lens on the first line ("BAES: confident approval (0.92) · backend") for any editor,
and the ``baes/fileOutcome`` notification the VS Code extension shows in its status bar.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from lsprotocol import types

if TYPE_CHECKING:
    from baes.lsp.linting import LintResult
    from baes.lsp.server import BaesLanguageServer

NOTIFICATION = "baes/fileOutcome"
_LABELS = {
    "confident_approval": "confident approval",
    "confident_rejection": "confident rejection",
    "uncertain": "uncertain",
}


def _swea(report: Any) -> str | None:
    kind = getattr(report, "swea_type", None)
    return getattr(kind, "value", kind)


def _confidence(report: Any) -> float:
    value = float(getattr(report, "confidence", 0.0) or 0.0)
    return value if math.isfinite(value) else 0.0


def payload(result: "LintResult") -> dict[str, Any] | None:
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


def title(result: "LintResult") -> str | None:
    if result.report is None:
        return None
    label = _LABELS.get(str(result.report.outcome), str(result.report.outcome))
    kind = _swea(result.report) or "no SWEA type"
    return f"BAES: {label} ({_confidence(result.report):.2f}) · {kind}"


def announce(ls: "BaesLanguageServer", result: "LintResult") -> None:
    """Send ``baes/fileOutcome`` for an open document's result unless it was sent already.

    Keyed on the last (version, result id) announced per document rather than on whether the
    result was computed just now: VS Code cancels its first pull right after opening, and the
    next pull reuses that result, which must still be announced once. A result for a version
    the document has already left is not announced (a newer one will be).
    """
    from baes.lsp.documents import open_document

    document = open_document(ls, result.uri)
    if document is None or document.version != result.version:
        return
    key = (result.version, result.result_id)
    if ls.announced_outcomes.get(result.uri) == key:
        return
    data = payload(result)
    if data is None:
        return
    ls.announced_outcomes[result.uri] = key
    ls.protocol.notify(NOTIFICATION, data)


def forget(ls: "BaesLanguageServer", uri: str) -> None:
    """The document closed: a reopened one is announced again."""
    ls.announced_outcomes.pop(uri, None)


async def code_lens(ls: "BaesLanguageServer", params: types.CodeLensParams) -> list[types.CodeLens]:
    """One lens at the top of the file with the outcome; label only (an empty command id)."""
    from baes.lsp.diagnostics import current_result

    result = await current_result(ls, params.text_document.uri)
    text = title(result) if result is not None else None
    if text is None:
        return []
    top = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0))
    return [types.CodeLens(range=top, command=types.Command(title=text, command=""))]


def refresh_lenses(ls: "BaesLanguageServer") -> None:
    if ls.supports("workspace.code_lens.refresh_support"):
        ls.workspace_code_lens_refresh(None)
