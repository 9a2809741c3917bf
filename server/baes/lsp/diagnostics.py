"""Diagnostics: pushed to clients that cannot pull, pulled (per document and for the whole
workspace) by clients that can; never both, so nothing shows twice.

Push: open and save lint at once, changes after the debounce (``debounceMs``; none with
``run = onSave``), close clears. Every publication carries the version it was computed for
and is dropped if the document moved on meanwhile. Pull: result ids are a hash of text and
settings, so an unchanged document answers "unchanged".
"""
from __future__ import annotations

import asyncio
import logging
import os
from typing import TYPE_CHECKING

from lsprotocol import types
from pygls.uris import from_fs_path

from baes.lsp import outcome
from baes.lsp.core import CoreUnavailable
from baes.lsp.linting import LintResult
from baes.lsp.progress import WorkProgress

if TYPE_CHECKING:
    from baes.lsp.documents import Snapshot
    from baes.lsp.server import BaesLanguageServer

logger = logging.getLogger(__name__)

# A pull answers the version current when it finishes; it re-lints at most this many times while typing goes on.
_PULL_ATTEMPTS = 3


async def lint(ls: "BaesLanguageServer", snap: "Snapshot") -> LintResult:
    """Lint a snapshot (or reuse its result) and announce the file's outcome when it is new."""
    resolved = ls.settings_for(snap.uri)
    result, fresh = await ls.linter.lint(snap, resolved, ls.workspace.position_codec)
    if fresh and snap.is_open:
        outcome.notify(ls, result)
    return result


async def current_result(ls: "BaesLanguageServer", uri: str) -> LintResult | None:
    """The result for the current version of ``uri`` (linting it if needed), ``None`` if unknown."""
    from baes.lsp.documents import snapshot

    result: LintResult | None = None
    for _ in range(_PULL_ATTEMPTS):
        snap = snapshot(ls, uri)
        if snap is None:
            return None
        result = await lint(ls, snap)
        latest = snapshot(ls, uri)
        if latest is None or latest.version == result.version:
            break
    return result


def document_changed(ls: "BaesLanguageServer", uri: str, *, immediate: bool) -> None:
    """Schedule linting of ``uri`` for a push client (pull clients ask when they want)."""
    if ls.pull_diagnostics:
        return
    editor = ls.settings_for(uri).editor
    if not immediate and editor.run == "onSave":
        return
    delay = 0.0 if immediate else editor.debounce_ms / 1000.0
    ls.debouncer.call(uri, delay, lambda: publish(ls, uri))


async def publish(ls: "BaesLanguageServer", uri: str) -> None:
    """Lint the open document ``uri`` and push its diagnostics unless they are stale."""
    from baes.lsp.documents import open_document, snapshot

    snap = snapshot(ls, uri)
    if snap is None or not snap.is_open:
        return
    try:
        result = await lint(ls, snap)
    except CoreUnavailable as exc:
        ls.report_once(str(exc), types.MessageType.Error)
        return
    except Exception:
        logger.exception("linting %s failed", uri)
        return
    document = open_document(ls, uri)
    if document is None or document.version != result.version:
        logger.debug("dropping diagnostics of %s version %s: stale", uri, result.version)
        return
    ls.text_document_publish_diagnostics(
        types.PublishDiagnosticsParams(uri=uri, diagnostics=list(result.diagnostics), version=result.version)
    )


def document_closed(ls: "BaesLanguageServer", uri: str) -> None:
    ls.debouncer.cancel(uri)
    ls.linter.forget(uri)
    if not ls.pull_diagnostics:
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


async def document_diagnostic(
    ls: "BaesLanguageServer", params: types.DocumentDiagnosticParams
) -> types.DocumentDiagnosticReport:
    """``textDocument/diagnostic``: the current version's diagnostics, or "unchanged"."""
    result = await current_result(ls, params.text_document.uri)
    if result is None:
        return types.RelatedFullDocumentDiagnosticReport(items=[])
    if params.previous_result_id is not None and params.previous_result_id == result.result_id:
        return types.RelatedUnchangedDocumentDiagnosticReport(result_id=result.result_id)
    return types.RelatedFullDocumentDiagnosticReport(items=list(result.diagnostics), result_id=result.result_id)


async def workspace_diagnostic(
    ls: "BaesLanguageServer", params: types.WorkspaceDiagnosticParams
) -> types.WorkspaceDiagnosticReport:
    """``workspace/diagnostic``: every Python file of the workspace folders that is not open."""
    from baes.lsp.documents import open_document, read_from_disk

    previous = {item.uri: item.value for item in params.previous_result_ids or ()}
    progress = await WorkProgress.start(ls, "baes: checking the workspace", params.work_done_token)
    items: list[types.WorkspaceDocumentDiagnosticReport] = []
    try:
        files = await asyncio.get_running_loop().run_in_executor(None, workspace_files, ls)
        total = max(1, len(files))
        for index, path in enumerate(files):
            await asyncio.sleep(0)  # a cancelled request stops here
            if progress.cancelled():
                break
            uri = from_fs_path(path) or ""
            if not uri or open_document(ls, uri) is not None:
                continue  # open documents are pulled one by one
            if index % 20 == 0:
                progress.report(f"{index}/{len(files)} files", int(100 * index / total))
            stamp = _stamp(path)
            resolved = ls.settings_for(uri)
            known = ls.workspace_results.get(uri)
            if known is not None and known[0] == (stamp, resolved.fingerprint) and previous.get(uri) == known[1]:
                items.append(types.WorkspaceUnchangedDocumentDiagnosticReport(uri=uri, result_id=known[1], version=None))
                continue
            snap = read_from_disk(uri)
            if snap is None:
                continue
            try:
                result = await lint(ls, snap)
            except CoreUnavailable:
                raise
            except Exception:
                logger.exception("linting %s failed", path)
                continue
            ls.workspace_results[uri] = ((stamp, resolved.fingerprint), result.result_id)
            if previous.get(uri) == result.result_id:
                items.append(types.WorkspaceUnchangedDocumentDiagnosticReport(uri=uri, result_id=result.result_id, version=None))
            else:
                items.append(types.WorkspaceFullDocumentDiagnosticReport(
                    uri=uri, items=list(result.diagnostics), result_id=result.result_id, version=None))
    finally:
        progress.end(f"{len(items)} files checked")
    return types.WorkspaceDiagnosticReport(items=items)


def _stamp(path: str) -> tuple[int, int]:
    try:
        info = os.stat(path)
    except OSError:
        return (0, 0)
    return (info.st_mtime_ns, info.st_size)


def workspace_files(ls: "BaesLanguageServer") -> list[str]:
    """The Python files of every workspace folder, minus each project's ``exclude`` globs."""
    from baes.file_discovery import discover_python_files
    from baes.lsp.configuration import uri_to_path

    folders = [p for p in (uri_to_path(uri) for uri in ls.folder_uris()) if p and os.path.isdir(p)]

    def exclude_for(folder: os.PathLike[str]) -> tuple[tuple[str, ...], str | None]:
        settings = ls.settings_for(from_fs_path(os.fspath(folder)) or "").settings
        return settings.exclude, settings.root

    found = discover_python_files(folders, exclude_for=exclude_for)
    return [os.fspath(path) for path in found.files]


def refresh(ls: "BaesLanguageServer") -> None:
    """Settings changed: forget every result and have the client see fresh diagnostics."""
    ls.linter.clear()
    ls.workspace_results.clear()
    if ls.pull_diagnostics:
        if ls.supports("workspace.diagnostics.refresh_support"):
            ls.workspace_diagnostic_refresh(None)
    else:
        for document in list(ls.workspace.text_documents.values()):
            document_changed(ls, document.uri, immediate=True)
    outcome.refresh_lenses(ls)

