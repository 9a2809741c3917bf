"""Settings: editor settings per folder, [tool.baes], watched-file reloads, bad values reported once."""

from __future__ import annotations

import asyncio
from pathlib import Path

from lsp_support import BACKEND, client_fixture, diagnostics_of, wait_for
from lsprotocol import types
from pygls.uris import from_fs_path
from pytest_lsp import LanguageClient


async def reload_config(client: LanguageClient, path: Path) -> None:
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=from_fs_path(str(path)), type=types.FileChangeType.Changed)]
        )
    )


async def test_pyproject_change_reloads_and_refreshes(client: LanguageClient, workspace: Path) -> None:
    editor = client.editor
    uri = editor.open(workspace / "app" / "server.py")
    assert [d.code for d in await diagnostics_of(client, editor, uri, pull=client.pull)] == ["BE006"]
    pyproject = workspace / "pyproject.toml"
    pyproject.write_text('[tool.baes]\nseverity = { BE006 = "error" }\n', encoding="utf-8")
    refreshes, publishes = client.diagnostic_refresh_count, client.publish_count
    await reload_config(client, pyproject)
    if client.pull:
        await wait_for(lambda: client.diagnostic_refresh_count > refreshes)
        after = await diagnostics_of(client, editor, uri, pull=True)
    else:
        await wait_for(lambda: client.publish_count > publishes)
        after = list(client.diagnostics[uri])
    assert [(d.code, d.severity) for d in after] == [("BE006", types.DiagnosticSeverity.Error)]

    pyproject.write_text('[tool.baes]\nignore = ["BE006"]\n', encoding="utf-8")
    publishes = client.publish_count
    await reload_config(client, pyproject)
    if client.pull:
        await wait_for(lambda: client.diagnostic_refresh_count > refreshes + 1)
        assert await diagnostics_of(client, editor, uri, pull=True) == []
    else:
        await wait_for(lambda: client.publish_count > publishes and not client.diagnostics[uri])


async def test_unchanged_document_answers_unchanged(vscode_client: LanguageClient, workspace: Path) -> None:
    client = vscode_client
    uri = client.editor.open(workspace / "app" / "server.py")
    first = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert first.kind == "full" and first.result_id
    second = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri), previous_result_id=first.result_id)
    )
    assert second.kind == "unchanged" and second.result_id == first.result_id


async def test_editor_settings_per_folder_and_bad_values_reported_once(vscode_client: LanguageClient, workspace: Path) -> None:
    client = vscode_client
    root = from_fs_path(str(workspace))
    client.set_configuration(
        {"severity": {"BE006": "hint"}, "debounceMs": "soon", "select": ["NOPE1"]}, section="baes", scope_uri=root
    )
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    await wait_for(lambda: len(client.messages) >= 2)
    uri = client.editor.open(workspace / "app" / "server.py")
    diagnostics = await diagnostics_of(client, client.editor, uri, pull=True)
    assert [(d.code, d.severity) for d in diagnostics] == [("BE006", types.DiagnosticSeverity.Hint)]
    texts = [m.message for m in client.messages]
    assert any("debounceMs" in t for t in texts) and any("NOPE1" in t for t in texts)
    assert all(m.type == types.MessageType.Warning for m in client.messages)
    count = len(client.messages)
    await diagnostics_of(client, client.editor, uri, pull=True)
    client.editor.replace(uri, client.editor.text(uri) + "\n")
    await diagnostics_of(client, client.editor, uri, pull=True)
    await asyncio.sleep(0.2)
    assert len(client.messages) == count  # once, not on every lint


neovim_on_save = client_fixture("neovim", {"settings": {"run": "onSave"}})


async def test_run_on_save_lints_only_on_save(neovim_on_save: LanguageClient, workspace: Path) -> None:
    client = neovim_on_save
    editor = client.editor
    uri = editor.open(workspace / "app" / "server.py")
    await diagnostics_of(client, editor, uri, pull=False)  # open lints at once
    editor.replace(uri, editor.text(uri).replace('host="0.0.0.0"', "host=HOST"))
    await asyncio.sleep(0.5)
    assert client.pushed_versions[uri] == 1  # typing does not lint
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    await wait_for(lambda: client.pushed_versions[uri] == 2)
    assert not [d for d in client.diagnostics[uri] if d.code == "BE006"]


vscode_two_folders = client_fixture("vscode", folders=("one", "two"))


async def test_multi_root_folders_use_their_own_settings(vscode_two_folders: LanguageClient, workspace: Path) -> None:
    client = vscode_two_folders
    for name, ignore in (("one", "[]"), ("two", '["BE006"]')):
        (workspace / name).mkdir()
        (workspace / name / "pyproject.toml").write_text(f"[tool.baes]\nignore = {ignore}\n", encoding="utf-8")
        (workspace / name / "api.py").write_text(BACKEND, encoding="utf-8")
    one = client.editor.open(workspace / "one" / "api.py")
    two = client.editor.open(workspace / "two" / "api.py")
    assert [d.code for d in await diagnostics_of(client, client.editor, one, pull=True)] == ["BE006"]
    assert await diagnostics_of(client, client.editor, two, pull=True) == []
