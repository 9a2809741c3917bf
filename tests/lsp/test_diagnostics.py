"""Diagnostics timing and scope: debounced pushes without stale versions, workspace pulls with progress."""
from __future__ import annotations

import asyncio
from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import BACKEND, client_fixture
from lsp_support import diagnostics_of, wait_for

neovim_debounced = client_fixture("neovim", {"settings": {"debounceMs": 300}})


async def test_typing_is_debounced_and_only_the_last_version_is_published(neovim_debounced: LanguageClient,
                                                                          workspace: Path) -> None:
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
    assert set(by_uri) == {other, clean}      # open documents are pulled one by one; .venv is skipped
    assert [d.code for d in by_uri[other].items] == ["BE006"]
    assert not by_uri[clean].items and by_uri[clean].kind == "full"
    tokens = [t for t, reports in client.progress_reports.items() if reports]
    assert tokens and isinstance(client.progress_reports[tokens[-1]][0], types.WorkDoneProgressBegin)
    assert isinstance(client.progress_reports[tokens[-1]][-1], types.WorkDoneProgressEnd)

    previous = [types.PreviousResultId(uri=item.uri, value=item.result_id) for item in first.items]
    second = await client.workspace_diagnostic_async(types.WorkspaceDiagnosticParams(previous_result_ids=previous))
    assert {item.kind for item in second.items} == {"unchanged"}
    (workspace / "app" / "clean.py").write_text(BACKEND, encoding="utf-8")
    third = await client.workspace_diagnostic_async(types.WorkspaceDiagnosticParams(previous_result_ids=previous))
    kinds = {item.uri: item.kind for item in third.items}
    assert kinds == {other: "unchanged", clean: "full"}
