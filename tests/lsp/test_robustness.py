"""Odd input and faults never stop the server: crashing rules and engine, syntax errors,
``untitled:`` and unknown URIs, huge files, cancelled requests, non-BMP text."""

from __future__ import annotations

import asyncio
import concurrent.futures
import re
import sys
from pathlib import Path

import pytest
from lsp_support import BACKEND, client_fixture, code_actions, diagnostics_of, perform, wait_for
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.protocol.json_rpc import JsonRPCRequestMessage
from pytest_lsp import LanguageClient

CRASHING = [sys.executable, str(Path(__file__).with_name("crashing_server.py"))]
neovim_crashing = client_fixture("neovim", command=CRASHING)
vscode_crashing = client_fixture("vscode", command=CRASHING)


async def test_crash_inside_a_rule_is_a_finding_and_other_rules_run(neovim_crashing: LanguageClient, workspace: Path) -> None:
    client = neovim_crashing
    path = workspace / "app" / "crash.py"
    path.write_text(
        "# RULE-CRASH\n" + BACKEND + "\n\ndef guarded():\n    try:\n        serve()\n    except:\n        pass\n",
        encoding="utf-8",
    )
    uri = client.editor.open(path)
    codes = [d.code for d in await diagnostics_of(client, client.editor, uri, pull=False)]
    assert "ST000" in codes and "ST002" in codes and "BE006" not in codes
    healthy = client.editor.open(workspace / "app" / "server.py")
    assert [d.code for d in await diagnostics_of(client, client.editor, healthy, pull=False)] == ["BE006"]


async def test_engine_crash_answers_an_error_and_the_server_keeps_serving(
    vscode_crashing: LanguageClient, workspace: Path
) -> None:
    client = vscode_crashing
    path = workspace / "app" / "engine_crash.py"
    path.write_text("# ENGINE-CRASH\n", encoding="utf-8")
    uri = client.editor.open(path)
    with pytest.raises(JsonRpcException, match="injected crash"):
        await client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )
    healthy = client.editor.open(workspace / "app" / "server.py")
    assert [d.code for d in await diagnostics_of(client, client.editor, healthy, pull=True)] == ["BE006"]
    client.editor.replace(uri, "x = 1\n")
    assert await diagnostics_of(client, client.editor, uri, pull=True) == []


async def test_syntax_error_is_one_diagnostic(client: LanguageClient, workspace: Path) -> None:
    path = workspace / "app" / "broken.py"
    path.write_text("from fastapi import FastAPI\n\ndef broken(:\n    pass\n", encoding="utf-8")
    uri = client.editor.open(path)
    diagnostics = await diagnostics_of(client, client.editor, uri, pull=client.pull)
    assert [d.code for d in diagnostics] == ["ST001"]
    assert diagnostics[0].range.start.line == 2
    whole = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=3, character=0))
    actions = await code_actions(client, uri, whole, diagnostics)
    assert all(not a.title.startswith("BAES (") for a in actions)


async def test_untitled_document(client: LanguageClient) -> None:
    uri = client.editor.open(Path("untitled:Untitled-1"), text=BACKEND)
    diagnostics = await diagnostics_of(client, client.editor, uri, pull=client.pull)
    assert [d.code for d in diagnostics] == ["BE006"]
    target = diagnostics[0]
    fix = next(a for a in await code_actions(client, uri, target.range, [target]) if a.title.startswith("BAES ("))
    await perform(client, client.editor, fix)
    assert "os.environ.get(" in client.editor.text(uri)


async def test_unknown_uris(client: LanguageClient, workspace: Path) -> None:
    missing = (workspace / "nope.py").as_uri()
    for uri in (missing, "untitled:Never-Opened", "weird-scheme://x/y.py"):
        hover = await client.text_document_hover_async(
            types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=3, character=2))
        )
        assert hover is None
        rng = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0))
        assert await code_actions(client, uri, rng, []) == []
        lenses = await client.text_document_code_lens_async(
            types.CodeLensParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )
        assert not lenses
        if client.pull:
            report = await client.text_document_diagnostic_async(
                types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
            )
            assert report.kind == "full" and not report.items


async def test_file_not_opened_is_read_from_disk(vscode_client: LanguageClient, workspace: Path) -> None:
    report = await vscode_client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=(workspace / "app" / "server.py").as_uri()))
    )
    assert [d.code for d in report.items] == ["BE006"]


async def test_five_megabyte_file(neovim_client: LanguageClient, workspace: Path) -> None:
    client = neovim_client
    block = "def handler_{n}(value):\n    return value + {n}\n\n\n"
    text = BACKEND + "".join(block.format(n=n) for n in range(5 * 1024 * 1024 // 40))
    assert len(text) > 5 * 1024 * 1024
    path = workspace / "app" / "huge.py"
    path.write_text(text, encoding="utf-8")
    uri = client.editor.open(path)
    small = client.editor.open(workspace / "app" / "server.py")
    # The server stays responsive while the big file is linted in a worker thread.
    await asyncio.wait_for(
        client.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=small), position=types.Position(line=7, character=28)
            )
        ),
        30,
    )
    diagnostics = await asyncio.wait_for(diagnostics_of(client, client.editor, uri, pull=False), 120)
    assert [d.code for d in diagnostics] == ["BE006"]


async def test_cancelled_workspace_diagnostics_stop_and_the_server_goes_on(
    vscode_client: LanguageClient, workspace: Path
) -> None:
    client = vscode_client
    for n in range(150):
        (workspace / "app" / f"module_{n}.py").write_text(BACKEND, encoding="utf-8")
    request = asyncio.ensure_future(
        client.workspace_diagnostic_async(types.WorkspaceDiagnosticParams(previous_result_ids=[], work_done_token="cancel-me"))
    )
    client.progress_reports.setdefault("cancel-me", [])
    await wait_for(lambda: len(client.progress_reports["cancel-me"]) >= 1)
    client.window_work_done_progress_cancel(types.WorkDoneProgressCancelParams(token="cancel-me"))
    report = await asyncio.wait_for(request, 60)
    assert len(report.items) < 151
    assert isinstance(client.progress_reports["cancel-me"][-1], types.WorkDoneProgressEnd)
    uri = client.editor.open(workspace / "app" / "server.py")
    assert [d.code for d in await diagnostics_of(client, client.editor, uri, pull=True)] == ["BE006"]


async def test_positions_beyond_the_basic_plane(client: LanguageClient, workspace: Path) -> None:
    path = workspace / "app" / "emoji.py"
    path.write_text(
        BACKEND.replace("def serve():\n", "def serve():\n    '''😀\f'''\n").replace(
            'uvicorn.run(app, host="0.0.0.0")', 'label = "😀😀"; uvicorn.run(app, host="0.0.0.0")'
        ),
        encoding="utf-8",
    )
    uri = client.editor.open(path)
    await diagnostics_of(client, client.editor, uri, pull=client.pull)
    # An incremental change below the form feed: the server's copy must stay identical to ours.
    at = types.Position(line=8, character=0)
    client.editor.type_at(uri, at, at, "    # typed\n")
    diagnostics = await diagnostics_of(client, client.editor, uri, pull=client.pull)
    target = next(d for d in diagnostics if d.code == "BE006")
    assert target.range.start.line == 9
    line = re.split(r"\r\n|\r|\n", client.editor.text(uri))[9]
    code_points = line.index('"0.0.0.0"')
    expected = {"utf-32": code_points, "utf-16": code_points + 2, "utf-8": len(line[:code_points].encode())}
    assert target.range.start == types.Position(line=9, character=expected[client.editor.encoding])
    fix = next(a for a in await code_actions(client, uri, target.range, [target]) if a.title.startswith("BAES ("))
    await perform(client, client.editor, fix)
    text = client.editor.text(uri)
    assert '    # typed\n    label = "😀😀"; uvicorn.run(app, host=os.environ.get("UVICORN_HOST", "0.0.0.0"))' in text


async def test_malformed_request_gets_an_error_answer(client: LanguageClient, workspace: Path) -> None:
    # A code action request whose diagnostics lack range and message (as a buggy client sends).
    uri = client.editor.open(workspace / "app" / "server.py")
    params = {
        "textDocument": {"uri": uri},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
        "context": {"diagnostics": [{"code": "BE006"}]},
    }
    # Sent raw: the typed client refuses to build such a request.
    answer: concurrent.futures.Future = concurrent.futures.Future()
    client.protocol._request_futures["malformed-1"] = answer
    client.protocol._send_data(
        JsonRPCRequestMessage(id="malformed-1", method="textDocument/codeAction", jsonrpc="2.0", params=params)
    )
    with pytest.raises(JsonRpcException, match="Invalid Params"):
        await asyncio.wait_for(asyncio.wrap_future(answer), 10)
    assert await diagnostics_of(client, client.editor, uri, pull=client.pull)
