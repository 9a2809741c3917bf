"""Diagnostics timing and scope: debounced pushes without stale versions, workspace pulls with progress."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

from lsp_support import BACKEND, client_fixture, code_actions, diagnostics_of, wait_for
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pytest_lsp import LanguageClient

neovim_debounced = client_fixture("neovim", {"settings": {"debounceMs": 300}})


async def test_typing_is_debounced_and_only_the_last_version_is_published(
    neovim_debounced: LanguageClient, workspace: Path
) -> None:
    client = neovim_debounced
    editor = client.editor
    uri = editor.open(workspace / "app" / "server.py")
    await diagnostics_of(client, editor, uri, pull=False)
    assert client.published == [(uri, 1)]
    for n in range(5):
        at = types.Position(line=0, character=0)
        editor.type_at(uri, at, at, f"# edit {n}\n")
        await asyncio.sleep(0.02)
    await wait_for(lambda: client.pushed_versions[uri] == 6)
    await asyncio.sleep(0.4)
    assert client.published == [(uri, 1), (uri, 6)]
    assert client.diagnostics[uri][0].range.start.line == 12


async def test_workspace_diagnostics_with_progress(vscode_client: LanguageClient, workspace: Path) -> None:
    client = vscode_client
    (workspace / "app" / "other.py").write_text(BACKEND, encoding="utf-8")
    (workspace / "app" / "clean.py").write_text("x = 1\n", encoding="utf-8")
    (workspace / ".venv" / "lib").mkdir(parents=True)
    (workspace / ".venv" / "pyvenv.cfg").write_text("", encoding="utf-8")
    (workspace / ".venv" / "lib" / "ignored.py").write_text(BACKEND, encoding="utf-8")
    opened = client.editor.open(workspace / "app" / "server.py")
    await diagnostics_of(client, client.editor, opened, pull=True)

    first = await client.workspace_diagnostic_async(types.WorkspaceDiagnosticParams(previous_result_ids=[]))
    by_uri = {item.uri: item for item in first.items}
    other, clean = (workspace / "app" / "other.py").as_uri(), (workspace / "app" / "clean.py").as_uri()
    assert set(by_uri) == {other, clean}  # open documents are pulled one by one; .venv is skipped
    assert [d.code for d in by_uri[other].items] == ["BE006"]
    assert not by_uri[clean].items and by_uri[clean].kind == "full"
    tokens = [t for t, reports in client.progress_reports.items() if reports]
    assert tokens and isinstance(client.progress_reports[tokens[-1]][0], types.WorkDoneProgressBegin)
    assert isinstance(client.progress_reports[tokens[-1]][-1], types.WorkDoneProgressEnd)

    previous = [types.PreviousResultId(uri=item.uri, value=item.result_id) for item in first.items]
    tokens_before = len(client.progress_reports)
    for _ in range(3):  # VS Code asks again every couple of seconds: nothing to check, no progress shown
        second = await client.workspace_diagnostic_async(types.WorkspaceDiagnosticParams(previous_result_ids=previous))
        assert {item.uri: item.kind for item in second.items} == {other: "unchanged", clean: "unchanged"}
    assert len(client.progress_reports) == tokens_before
    (workspace / "app" / "clean.py").write_text(BACKEND, encoding="utf-8")
    third = await client.workspace_diagnostic_async(types.WorkspaceDiagnosticParams(previous_result_ids=previous))
    kinds = {item.uri: item.kind for item in third.items}
    assert kinds == {other: "unchanged", clean: "full"}
    assert len(client.progress_reports) == tokens_before + 1  # real work: one progress
    last = client.progress_reports[list(client.progress_reports)[-1]]
    assert isinstance(last[-1], types.WorkDoneProgressEnd) and last[-1].message == "1 files checked"


async def test_workspace_diagnostics_progress_on_the_clients_token(vscode_client: LanguageClient, workspace: Path) -> None:
    client = vscode_client
    first = await client.workspace_diagnostic_async(types.WorkspaceDiagnosticParams(previous_result_ids=[]))
    previous = [types.PreviousResultId(uri=item.uri, value=item.result_id) for item in first.items]
    assert [item.kind for item in first.items] == ["full"]
    client.progress_reports["client-token"] = []  # a token the client made itself needs no create
    again = await client.workspace_diagnostic_async(
        types.WorkspaceDiagnosticParams(previous_result_ids=previous, work_done_token="client-token")
    )
    assert [item.kind for item in again.items] == ["unchanged"]
    reports = client.progress_reports["client-token"]
    assert isinstance(reports[0], types.WorkDoneProgressBegin) and isinstance(reports[-1], types.WorkDoneProgressEnd)
    assert reports[-1].message == "0 files checked"


def _document(uri: str) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=uri)


def _outcome_versions(client: LanguageClient, uri: str) -> list[int]:
    return [o["version"] for o in client.editor.outcomes if o["uri"] == uri]


async def test_file_outcome_once_per_version_when_the_first_pull_is_cancelled(
    vscode_client: LanguageClient, workspace: Path
) -> None:
    client = vscode_client
    editor = client.editor
    # Big enough that linting takes a while, so the cancellation lands while it runs.
    path = workspace / "app" / "big.py"
    path.write_text(
        BACKEND + "".join(f"\n\ndef helper_{i}(x: int) -> int:\n    return x + {i}\n" for i in range(6000)), encoding="utf-8"
    )
    uri = editor.open(path)
    params = types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
    # VS Code cancels its first pull right after opening, then pulls again and gets the cached result.
    # (pytest-lsp's send_request_async only sends when awaited: send now, await after the cancel)
    sent = client.protocol.send_request(types.TEXT_DOCUMENT_DIAGNOSTIC, params, msg_id="first-pull")
    await asyncio.sleep(0.05)
    client.protocol.notify(types.CANCEL_REQUEST, types.CancelParams(id="first-pull"))
    with contextlib.suppress(JsonRpcException):
        await asyncio.wrap_future(sent)
    report = await client.text_document_diagnostic_async(params)
    assert report.kind == "full" and [d.code for d in report.items] == ["BE006"]
    await wait_for(lambda: _outcome_versions(client, uri) == [1], timeout=5)
    again = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri), previous_result_id=report.result_id)
    )
    assert again.kind == "unchanged"
    await client.text_document_code_lens_async(types.CodeLensParams(text_document=_document(uri)))
    editor.replace(uri, "# edited\n" + editor.text(uri))
    await diagnostics_of(client, editor, uri, pull=True)
    await diagnostics_of(client, editor, uri, pull=True)
    await asyncio.sleep(0.2)
    assert _outcome_versions(client, uri) == [1, 2]
    # Closed and opened again: a new session of the document, announced again.
    editor.close(uri)
    editor.open(path)
    await diagnostics_of(client, editor, uri, pull=True)
    await wait_for(lambda: _outcome_versions(client, uri) == [1, 2, 1], timeout=5)


async def test_file_outcome_once_per_version_for_every_client(client: LanguageClient, workspace: Path) -> None:
    editor = client.editor
    uri = editor.open(workspace / "app" / "server.py")
    diagnostics = await diagnostics_of(client, editor, uri, pull=client.pull)
    await wait_for(lambda: _outcome_versions(client, uri) == [1])
    everything = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=9, character=0))
    await code_actions(client, uri, everything, diagnostics)
    await client.text_document_code_lens_async(types.CodeLensParams(text_document=_document(uri)))
    await diagnostics_of(client, editor, uri, pull=client.pull)
    at = types.Position(line=0, character=0)
    editor.type_at(uri, at, at, "# typed\n")
    await diagnostics_of(client, editor, uri, pull=client.pull)
    await wait_for(lambda: _outcome_versions(client, uri) == [1, 2])
    await asyncio.sleep(0.2)
    assert _outcome_versions(client, uri) == [1, 2]
