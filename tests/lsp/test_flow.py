"""The main flow with each client: open → diagnostics → code action → applied edit → diagnostics gone."""

from __future__ import annotations

from pathlib import Path

from lsp_support import code_actions, diagnostics_of, perform, wait_for
from lsprotocol import types
from pytest_lsp import LanguageClient


async def _actions_on_be006(client: LanguageClient, workspace: Path) -> tuple[str, list[types.CodeAction]]:
    """Open app/server.py and ask for the code actions on its BE006 finding: the uri and the actions."""
    uri = client.editor.open(workspace / "app" / "server.py")
    diagnostics = await diagnostics_of(client, client.editor, uri, pull=client.pull)
    target = next(d for d in diagnostics if d.code == "BE006")
    return uri, await code_actions(client, uri, target.range, [target])


async def _assert_no_be006(client: LanguageClient, uri: str) -> None:
    """The diagnostics of the document's current version hold no BE006 any more."""
    after = await diagnostics_of(client, client.editor, uri, pull=client.pull)
    assert not [d for d in after if d.code == "BE006"]


async def test_open_gives_diagnostic_with_data(client: LanguageClient, workspace: Path) -> None:
    uri = client.editor.open(workspace / "app" / "server.py")
    diagnostics = await diagnostics_of(client, client.editor, uri, pull=client.pull)
    be006 = [d for d in diagnostics if d.code == "BE006"]
    assert len(be006) == 1
    diagnostic = be006[0]
    assert diagnostic.source == "baes"
    assert diagnostic.severity == types.DiagnosticSeverity.Warning
    assert diagnostic.code_description is None
    assert diagnostic.range.start == types.Position(line=7, character=26)
    assert diagnostic.range.end == types.Position(line=7, character=35)
    assert diagnostic.data["finding"]["fix"]["patch_type"] == "replace_literal_with_env"
    assert diagnostic.data["version"] == 1
    # only what a fix needs: "disable for this line" is built when code actions are asked for
    assert set(diagnostic.data) == {"uri", "version", "finding"}


async def test_quick_fix_removes_the_diagnostic(client: LanguageClient, workspace: Path) -> None:
    editor = client.editor
    uri, actions = await _actions_on_be006(client, workspace)
    fixes = [a for a in actions if a.title.startswith("BAES (BE006):")]
    assert len(fixes) == 1
    fix = fixes[0]
    assert fix.kind == types.CodeActionKind.QuickFix
    assert fix.is_preferred is False  # unsafe: where UVICORN_HOST is set the program changes
    # The edit comes inside the action unless the client resolves edits lazily.
    resolves = client.kind in ("vscode", "neovim")
    assert (fix.edit is None) == resolves
    await perform(client, editor, fix)
    assert 'os.environ.get("UVICORN_HOST", "0.0.0.0")' in editor.text(uri)
    await _assert_no_be006(client, uri)


async def test_disable_for_this_line(client: LanguageClient, workspace: Path) -> None:
    editor = client.editor
    uri, actions = await _actions_on_be006(client, workspace)
    disable = next(a for a in actions if a.title == "Disable BE006 for this line")
    assert disable.edit is not None
    await perform(client, editor, disable)
    assert 'uvicorn.run(app, host="0.0.0.0")  # baes: ignore[BE006]' in editor.text(uri)
    await _assert_no_be006(client, uri)


async def test_fix_all_source_action(client: LanguageClient, workspace: Path) -> None:
    editor = client.editor
    path = workspace / "app" / "two.py"
    # BE006's fix is unsafe (not part of fix-all); undefined stdlib modules get a safe import
    path.write_text(
        "from fastapi import FastAPI\n\napp = FastAPI()\n\n\n"
        "def cwd():\n    return os.getcwd()\n\n\n"
        "def dump():\n    return json.dumps({})\n",
        encoding="utf-8",
    )
    uri = editor.open(path)
    diagnostics = await diagnostics_of(client, editor, uri, pull=client.pull)
    assert len([d for d in diagnostics if d.code == "ST003"]) == 2
    whole = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0))
    actions = await code_actions(client, uri, whole, [], only=["source.fixAll"])
    assert [a.kind for a in actions] == ["source.fixAll.baes"]
    await perform(client, editor, actions[0])
    after = await diagnostics_of(client, editor, uri, pull=client.pull)
    assert not [d for d in after if d.code == "ST003"]
    assert "import json" in editor.text(uri) and "import os" in editor.text(uri)


async def test_no_fix_all_when_nothing_is_fixable(client: LanguageClient, workspace: Path) -> None:
    path = workspace / "app" / "clean.py"
    path.write_text("from fastapi import FastAPI\n\napp = FastAPI()\n", encoding="utf-8")
    uri = client.editor.open(path)
    await diagnostics_of(client, client.editor, uri, pull=client.pull)
    whole = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=2, character=0))
    assert await code_actions(client, uri, whole, [], only=["source.fixAll.baes"]) == []


async def test_hover_on_finding_and_on_suppression_code(client: LanguageClient, workspace: Path) -> None:
    editor = client.editor
    path = workspace / "app" / "hover.py"
    path.write_text(
        "from fastapi import FastAPI\nimport uvicorn\n\napp = FastAPI()\n\n\n"
        'def serve():\n    uvicorn.run(app, host="0.0.0.0")\n'
        "    uvicorn.run(app, host=HOST)  # noqa: BE007\n",
        encoding="utf-8",
    )
    uri = editor.open(path)
    await diagnostics_of(client, editor, uri, pull=client.pull)
    on_finding = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=7, character=28))
    )
    assert on_finding is not None and "BE006" in on_finding.contents.value
    assert on_finding.contents.kind == types.MarkupKind.Markdown
    column = editor.text(uri).splitlines()[8].index("BE007") + 2
    on_code = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=8, character=column))
    )
    assert on_code is not None and "BE007" in on_code.contents.value
    nothing = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=0))
    )
    assert nothing is None


async def test_outcome_lens_and_notification(client: LanguageClient, workspace: Path) -> None:
    editor = client.editor
    uri = editor.open(workspace / "app" / "server.py")
    await diagnostics_of(client, editor, uri, pull=client.pull)
    await wait_for(lambda: any(o["uri"] == uri for o in editor.outcomes))
    outcome = [o for o in editor.outcomes if o["uri"] == uri][-1]
    assert outcome["version"] == 1
    assert outcome["outcome"] in ("confident_approval", "confident_rejection", "uncertain")
    assert outcome["swea_type"] == "backend"
    assert outcome["counts"] == {"error": 0, "warning": 1, "info": 0, "hint": 0}
    lenses = await client.text_document_code_lens_async(types.CodeLensParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    assert len(lenses) == 1
    title = lenses[0].command.title
    assert title.startswith("BAES: ") and title.endswith("· backend")
    assert f"({outcome['confidence']:.2f})" in title


async def test_close_clears_pushed_diagnostics(client: LanguageClient, workspace: Path) -> None:
    editor = client.editor
    uri = editor.open(workspace / "app" / "server.py")
    assert await diagnostics_of(client, editor, uri, pull=client.pull)
    editor.close(uri)
    if client.pull:
        assert client.publish_count == 0  # a pull client never gets pushed diagnostics (no duplicates)
    else:
        await wait_for(lambda: client.pushed_versions.get(uri, 0) is None and not client.diagnostics[uri])
