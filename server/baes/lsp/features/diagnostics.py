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

from lsprotocol import types
from pygls.uris import from_fs_path

from baes.files.discovery import discover_python_files
from baes.lsp.configuration import uri_to_path
from baes.lsp.documents import Snapshot, read_from_disk
from baes.lsp.features import outcome
from baes.lsp.linting import LintResult
from baes.lsp.progress import WorkProgress
from baes.lsp.session import Session

logger = logging.getLogger(__name__)

# A pull answers the version current when it finishes; it re-lints at most this many times while typing goes on.
_PULL_ATTEMPTS = 3


async def lint(session: Session, snap: Snapshot, *, announce: bool = True) -> LintResult:
    """Lint a snapshot (or reuse its result) and announce the file's outcome unless already sent
    (``announce=False``: the caller announces once it has sent what the user waits for)."""
    resolved = session.settings_for(snap.uri)
    result, _ = await session.linter.lint(snap, resolved, session.position_codec)
    if announce and snap.is_open:
        outcome.announce(session, result)
    return result


async def current_result(session: Session, uri: str) -> LintResult | None:
    """The result for the current version of ``uri`` (linting it if needed), ``None`` if unknown."""
    result: LintResult | None = None
    for _ in range(_PULL_ATTEMPTS):
        snap = session.snapshot(uri)
        if snap is None:
            return None
        result = await lint(session, snap)
        latest = session.snapshot(uri)
        if latest is None or latest.version == result.version:
            break
    return result


def document_changed(session: Session, uri: str, *, immediate: bool) -> None:
    """Schedule linting of ``uri`` for a push client (pull clients ask when they want)."""
    if session.pull_diagnostics:
        return
    editor = session.settings_for(uri).editor
    if not immediate and editor.run == "onSave":
        return
    delay = 0.0 if immediate else editor.debounce_ms / 1000.0
    session.debouncer.call(uri, delay, lambda: publish(session, uri))


async def publish(session: Session, uri: str) -> None:
    """Lint the open document ``uri`` and push its diagnostics unless they are stale."""
    snap = session.snapshot(uri)
    if snap is None or not snap.is_open:
        return
    try:
        result = await lint(session, snap, announce=False)
    except Exception:
        logger.exception("linting %s failed", uri)
        return
    document = session.open_document(uri)
    if document is None or document.version != result.version:
        logger.debug("dropping diagnostics of %s version %s: stale", uri, result.version)
        return
    session.client.publish_diagnostics(
        types.PublishDiagnosticsParams(uri=uri, diagnostics=list(result.diagnostics), version=result.version)
    )
    outcome.announce(session, result)


def document_closed(session: Session, uri: str) -> None:
    session.debouncer.cancel(uri)
    session.linter.forget(uri)
    outcome.forget(session, uri)
    if not session.pull_diagnostics:
        session.client.publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


async def document_diagnostic(session: Session, params: types.DocumentDiagnosticParams) -> types.DocumentDiagnosticReport:
    """``textDocument/diagnostic``: the current version's diagnostics, or "unchanged"."""
    result = await current_result(session, params.text_document.uri)
    if result is None:
        return types.RelatedFullDocumentDiagnosticReport(items=[])
    if params.previous_result_id is not None and params.previous_result_id == result.result_id:
        return types.RelatedUnchangedDocumentDiagnosticReport(result_id=result.result_id)
    return types.RelatedFullDocumentDiagnosticReport(items=list(result.diagnostics), result_id=result.result_id)


async def workspace_diagnostic(session: Session, params: types.WorkspaceDiagnosticParams) -> types.WorkspaceDiagnosticReport:
    """``workspace/diagnostic``: every Python file of the workspace folders that is not open.

    VS Code asks again every couple of seconds. Files whose size, mtime and settings are the
    ones the client already has a result for answer "unchanged" without being read; progress
    is only shown when some file really needs checking (or the client sent its own token), so
    the repeated requests do not flash "0 files checked" in the editor.
    """
    previous = {item.uri: item.value for item in params.previous_result_ids or ()}
    scanned = await asyncio.get_running_loop().run_in_executor(None, _scan_workspace, session)
    items: list[types.WorkspaceDocumentDiagnosticReport] = []
    to_check: list[tuple[str, str, tuple[int, int], str]] = []
    fingerprints: dict[str, str] = {}  # settings depend on the folder (nearest config), not the file
    for path, uri, stamp in scanned:
        if session.open_document(uri) is not None:
            continue  # open documents are pulled one by one
        folder = os.path.dirname(path)
        fingerprint = fingerprints.get(folder)
        if fingerprint is None:
            fingerprint = fingerprints[folder] = session.settings_for(uri).fingerprint
        known = session.workspace_results.get(uri)
        if known is not None and known[0] == (stamp, fingerprint) and previous.get(uri) == known[1]:
            items.append(types.WorkspaceUnchangedDocumentDiagnosticReport(uri=uri, result_id=known[1], version=None))
        else:
            to_check.append((path, uri, stamp, fingerprint))
    if not to_check and params.work_done_token is None:
        return types.WorkspaceDiagnosticReport(items=items)
    progress = await WorkProgress.start(session.client, "baes: checking the workspace", params.work_done_token)
    checked = 0
    try:
        for index, (path, uri, stamp, fingerprint) in enumerate(to_check):
            await asyncio.sleep(0)  # a cancelled request stops here
            if progress.cancelled():
                break
            if index % 20 == 0:
                progress.report(f"{index}/{len(to_check)} files", int(100 * index / len(to_check)))
            report = await _check_closed_file(session, path, uri, (stamp, fingerprint), previous.get(uri))
            if report is not None:
                items.append(report)
                checked += 1
    finally:
        progress.end(f"{checked} files checked")
    return types.WorkspaceDiagnosticReport(items=items)


async def _check_closed_file(
    session: Session,
    path: str,
    uri: str,
    key: tuple[tuple[int, int], str],
    previous: str | None,
) -> types.WorkspaceDocumentDiagnosticReport | None:
    """Lint one file from disk and remember its result id; ``None`` when it cannot be read or checked."""
    snap = read_from_disk(uri)
    if snap is None:
        return None
    try:
        result = await lint(session, snap)
    except Exception:
        logger.exception("linting %s failed", path)
        return None
    session.workspace_results[uri] = (key, result.result_id)
    if previous == result.result_id:
        return types.WorkspaceUnchangedDocumentDiagnosticReport(uri=uri, result_id=result.result_id, version=None)
    return types.WorkspaceFullDocumentDiagnosticReport(
        uri=uri, items=list(result.diagnostics), result_id=result.result_id, version=None
    )


def _stamp(path: str) -> tuple[int, int]:
    try:
        info = os.stat(path)
    except OSError:
        return (0, 0)
    return (info.st_mtime_ns, info.st_size)


def _scan_workspace(session: Session) -> list[tuple[str, str, tuple[int, int]]]:
    """``(path, uri, (mtime, size))`` of every workspace Python file (worker thread: walks and stats)."""
    scanned = []
    for path in workspace_files(session):
        uri = from_fs_path(path)
        if uri:
            scanned.append((path, uri, _stamp(path)))
    return scanned


def workspace_files(session: Session) -> list[str]:
    """The Python files of every workspace folder, minus each project's ``exclude`` globs."""
    folders = [p for p in (uri_to_path(uri) for uri in session.folder_uris()) if p and os.path.isdir(p)]

    def exclude_for(folder: os.PathLike[str]) -> tuple[tuple[str, ...], str | None]:
        # resolved without reporting bad values: this runs in a worker thread, reports go from the loop
        settings = session.config.resolve(from_fs_path(os.fspath(folder)) or "", session.folder_uris()).settings
        return settings.exclude, settings.root

    found = discover_python_files(folders, exclude_for=exclude_for)
    return [os.fspath(path) for path in found.files]


def refresh(session: Session) -> None:
    """Settings changed: forget every result and have the client see fresh diagnostics."""
    session.linter.clear()
    session.workspace_results.clear()
    if session.pull_diagnostics:
        if session.supports("workspace.diagnostics.refresh_support"):
            session.client.refresh_diagnostics()
    else:
        for document in list(session.workspace.text_documents.values()):
            document_changed(session, document.uri, immediate=True)
    outcome.refresh_lenses(session)
