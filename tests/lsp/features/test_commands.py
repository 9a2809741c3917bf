"""Each ``workspace/executeCommand`` command, through the real server."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsp_support import client_fixture, diagnostics_of
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.uris import from_fs_path
from pytest_lsp import LanguageClient

vscode_without_cache = client_fixture("vscode", {"settings": {"debounceMs": 0, "ENABLE_RECOGNITION_CACHE": False}})


async def run(client: LanguageClient, command: str, *arguments):
    return await client.workspace_execute_command_async(types.ExecuteCommandParams(command=command, arguments=list(arguments)))


async def test_capabilities_follow_the_client(client: LanguageClient) -> None:
    capabilities = client.init_result.capabilities
    assert sorted(capabilities.execute_command_provider.commands) == sorted(
        [
            "baes.applyFix",
            "baes.fixAll",
            "baes.scaffoldEntity",
            "baes.listTemplates",
            "baes.cacheStats",
            "baes.clearCache",
            "baes.showMetrics",
            "baes.printDebugInformation",
        ]
    )
    actions = capabilities.code_action_provider
    assert set(actions.code_action_kinds) == {"quickfix", "source.fixAll.baes"}
    assert actions.resolve_provider is (client.kind != "emacs")  # Emacs does not resolve edits
    assert capabilities.diagnostic_provider.workspace_diagnostics is True
    expected_encoding = "utf-32" if client.kind == "emacs" else "utf-16"
    assert capabilities.position_encoding == expected_encoding
    info = await run(client, "baes.printDebugInformation")
    assert info["versions"]["baes"]
    assert info["client_capabilities"]["diagnostics"] == ("pull" if client.pull else "push")


async def test_apply_fix_command(client: LanguageClient, workspace: Path) -> None:
    editor = client.editor
    uri = editor.open(workspace / "app" / "server.py")
    diagnostics = await diagnostics_of(client, editor, uri, pull=client.pull)
    target = next(d for d in diagnostics if d.code == "BE006")
    result = await run(client, "baes.applyFix", {"uri": uri, "version": 1, "diagnostic_data": target.data})
    assert result["applied"] is True
    assert 'os.environ.get("UVICORN_HOST", "0.0.0.0")' in editor.text(uri)


async def test_apply_fix_refuses_a_stale_version(client: LanguageClient, workspace: Path) -> None:
    editor = client.editor
    uri = editor.open(workspace / "app" / "server.py")
    diagnostics = await diagnostics_of(client, editor, uri, pull=client.pull)
    target = next(d for d in diagnostics if d.code == "BE006")
    editor.replace(uri, "# moved on\n" + editor.text(uri))
    with pytest.raises(JsonRpcException, match="changed"):
        await run(client, "baes.applyFix", {"uri": uri, "version": 1, "diagnostic_data": target.data})
    assert editor.text(uri).startswith("# moved on\n")


async def test_fix_all_command(client: LanguageClient, workspace: Path) -> None:
    editor = client.editor
    path = workspace / "app" / "paths.py"
    path.write_text("from fastapi import FastAPI\n\napp = FastAPI()\n\n\ndef cwd():\n    return os.getcwd()\n", encoding="utf-8")
    uri = editor.open(path)
    await diagnostics_of(client, editor, uri, pull=client.pull)
    result = await run(client, "baes.fixAll", {"uri": uri})
    # fix-all applies safe fixes only: BE006's environment fix is unsafe, the missing import is not
    assert result["applied"] is True and list(result["fixed"]) == ["ST003"]
    after = await diagnostics_of(client, editor, uri, pull=client.pull)
    assert not [d for d in after if d.code == "ST003"]


async def test_bad_arguments_answer_an_error_and_the_server_keeps_serving(client: LanguageClient) -> None:
    with pytest.raises(JsonRpcException):
        await run(client, "baes.fixAll", "not an object")
    with pytest.raises(JsonRpcException, match="uri"):
        await run(client, "baes.fixAll", {})
    with pytest.raises(JsonRpcException, match="unknown document"):
        await run(client, "baes.fixAll", {"uri": "untitled:Untitled-9"})
    info = await run(client, "baes.printDebugInformation", {})
    assert info["versions"]["pygls"]


async def test_list_templates(client: LanguageClient) -> None:
    result = await run(client, "baes.listTemplates")
    templates = list(result["templates"])
    assert templates
    kinds = {t["swea_type"] for t in templates}
    assert {"backend", "database", "frontend", "test"} <= kinds


async def test_cache_stats_and_clear(client: LanguageClient) -> None:
    stats = await run(client, "baes.cacheStats")
    assert stats["persistent_size"] == 0
    assert stats["total_requests"] == 0
    cleared = await run(client, "baes.clearCache", {})
    assert cleared["cleared"] is True


async def test_show_metrics(client: LanguageClient) -> None:
    before = await run(client, "baes.showMetrics")
    entity = {"name": "Gadget", "attributes": [{"name": "label", "type": "str", "required": True}]}
    await run(client, "baes.scaffoldEntity", {"entity": entity, "dry_run": True})
    after = await run(client, "baes.showMetrics")
    assert after["requests"] == before["requests"] + 1  # scaffolding records metrics, as the CLI does
    with pytest.raises(JsonRpcException, match="last"):
        await run(client, "baes.showMetrics", {"last": 0})


async def test_debug_information(client: LanguageClient, workspace: Path) -> None:
    (workspace / "pyproject.toml").write_text('[tool.baes]\nignore = ["BE007"]\n', encoding="utf-8")
    uri = client.editor.open(workspace / "app" / "server.py")
    await diagnostics_of(client, client.editor, uri, pull=client.pull)
    # findings are computed for the dump when a settings refresh dropped the stored results
    info = await run(client, "baes.printDebugInformation")
    folder = info["workspace_folders"][0]
    assert folder["uri"] == from_fs_path(str(workspace))
    assert folder["config_file"] == str(workspace / "pyproject.toml")
    assert folder["settings"]["ignore"] == ["BE007"]
    assert folder["editor_settings"]["debounce_ms"] == 0
    documents = info["open_documents"]
    assert [d["uri"] for d in documents] == [uri]
    assert documents[0]["version"] == 1 and documents[0]["findings"] == 1
    assert info["client"]["name"] == f"pytest-{client.kind}"


async def test_scaffold_entity(client: LanguageClient, workspace: Path) -> None:
    entity = {
        "name": "Student",
        "attributes": [{"name": "name", "type": "str", "required": True}, {"name": "gpa", "type": "float", "required": False}],
    }
    dry = await run(client, "baes.scaffoldEntity", {"entity": entity, "dry_run": True})
    assert dry["dry_run"] is True and dry["files"]
    assert not (workspace / "app" / "main.py").exists()
    if client.kind in ("neovim", "emacs"):
        # Neovim 0.7 advertises no documentChanges, Emacs no resource operations: the command says so.
        with pytest.raises(JsonRpcException, match="cannot create files"):
            await run(client, "baes.scaffoldEntity", {"entity": entity})
        return
    result = await run(client, "baes.scaffoldEntity", {"entity": entity, "folder_uri": from_fs_path(str(workspace))})
    assert result["applied"] is True
    assert set(result["files"]) == set(dry["files"])
    assert (workspace / "app" / "main.py").is_file()
    assert any("student" in f for f in result["files"])
    # The entity exists now: scaffolding it again is refused as a whole, nothing is overwritten.
    main = (workspace / "app" / "main.py").read_text(encoding="utf-8")
    with pytest.raises(JsonRpcException, match="Student"):
        await run(client, "baes.scaffoldEntity", {"entity": entity})
    assert (workspace / "app" / "main.py").read_text(encoding="utf-8") == main


async def test_scaffold_from_a_sentence(vscode_client: LanguageClient, workspace: Path) -> None:
    client = vscode_client
    result = await run(
        client, "baes.scaffoldEntity", {"request": "Create a system to manage courses with title and credits", "dry_run": True}
    )
    assert result["entity"] == "Course"
    assert any(uri.endswith("/app/models/course.py") for uri in result["files"])
    stats = await run(client, "baes.cacheStats")
    assert stats["persistent_size"] >= 1  # the recognition was stored in the cache
    with pytest.raises(JsonRpcException, match="request"):
        await run(client, "baes.scaffoldEntity", {"request": "   "})


async def test_scaffolding_shares_the_recognition_cache_and_records_metrics(vscode_client: LanguageClient) -> None:
    client = vscode_client
    sentence = "Create a system to manage books with title and isbn"
    metrics_before = await run(client, "baes.showMetrics")
    first = await run(client, "baes.scaffoldEntity", {"request": sentence, "dry_run": True})
    second = await run(client, "baes.scaffoldEntity", {"request": sentence, "dry_run": True})
    assert first["entity"] == second["entity"] == "Book"
    assert first["recognition_source"] == "offline" and second["recognition_source"] == "cache:memory"
    stats = await run(client, "baes.cacheStats")
    assert stats["enabled"] is True
    assert stats["memory_hit_count"] >= 1 and stats["total_requests"] >= 2 and stats["persistent_size"] >= 1
    metrics = await run(client, "baes.showMetrics")
    assert metrics["requests"] == metrics_before["requests"] + 2


async def test_scaffolding_without_the_recognition_cache(vscode_without_cache: LanguageClient) -> None:
    client = vscode_without_cache
    for _ in range(2):
        result = await run(client, "baes.scaffoldEntity", {"request": "Create a Shelf with label", "dry_run": True})
        assert result["entity"] == "Shelf" and result["recognition_source"] == "offline"
    stats = await run(client, "baes.cacheStats")
    assert stats["enabled"] is False and stats["total_requests"] == 0


async def test_adding_an_attribute_to_a_scaffolded_entity_edits_its_files(vscode_client: LanguageClient, workspace: Path) -> None:
    client = vscode_client
    student = {"name": "Student", "attributes": [{"name": "name", "type": "str", "required": True}]}
    created = await run(client, "baes.scaffoldEntity", {"entity": student})
    assert created["applied"] is True
    model = workspace / "app" / "models" / "student.py"
    assert "email" not in model.read_text(encoding="utf-8")
    added = await run(client, "baes.scaffoldEntity", {"request": "add email to Student"})
    assert added["intent"] == "add_attributes" and added["entity"] == "Student"
    assert added["applied"] is True
    changes = client.editor.applied[-1].document_changes
    created_files = [change.uri for change in changes if isinstance(change, types.CreateFile)]
    # edits of the entity's files; the one new file is the migration that adds the column
    assert [uri.rsplit("/", 2)[-2] for uri in created_files] == ["migrations"]
    assert all(isinstance(change, (types.TextDocumentEdit, types.CreateFile)) for change in changes)
    assert "email" in model.read_text(encoding="utf-8")
    assert from_fs_path(str(model)) in added["files"]


async def test_evolution_through_the_server_shows_the_migration_and_deletes_renamed_files(
    vscode_client: LanguageClient, workspace: Path
) -> None:
    """Issue 12: the server's scaffold command runs every evolution operation; a dry run returns the migration
    SQL, and renaming an entity removes its old files through the WorkspaceEdit (DeleteFile)."""
    from baes.generation.llm_client import LLMConfig
    from baes.generation.pipeline import generate_entity
    from baes.scaffold.spec import AttributeSpec, EntitySpec

    client = vscode_client
    assert generate_entity(EntitySpec("Author", (AttributeSpec("name"),)), workspace, llm=LLMConfig()).ok
    folder = from_fs_path(str(workspace))
    dry = await run(
        client, "baes.scaffoldEntity", {"request": "rename the Author entity to Writer", "dry_run": True, "folder_uri": folder}
    )
    assert dry["ok"] and dry["intent"] == "rename_entity"
    assert dry["migrations"] and "writer" in dry["migrations"][0]["sql"].lower()
    assert (workspace / "app" / "routers" / "author.py").is_file()
    applied = await run(client, "baes.scaffoldEntity", {"request": "rename the Author entity to Writer", "folder_uri": folder})
    assert applied["applied"] is True
    assert not (workspace / "app" / "routers" / "author.py").exists()
    assert (workspace / "app" / "routers" / "writer.py").is_file()
