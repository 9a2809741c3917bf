"""A small editor model for the end-to-end tests: buffers with versions, and a
``workspace/applyEdit`` handler that really applies edits (to buffers, or to files on disk),
the way an editor would. Positions are converted independently of the server's code."""

from __future__ import annotations

import asyncio
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest_lsp
from lsprotocol import types
from pygls.protocol import default_converter
from pygls.uris import from_fs_path, to_fs_path
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

SERVER_COMMAND = [sys.executable, "-m", "baes", "lsp"]

# A backend file with one finding (a hard-coded host), shared by the tests.
BACKEND = """from fastapi import FastAPI
import uvicorn

app = FastAPI()


def serve():
    uvicorn.run(app, host="0.0.0.0")
"""
_BREAK = re.compile(r"\r\n|\r|\n")
PULL_CLIENTS = {"vscode"}


def server_env() -> dict[str, str]:
    env = dict(os.environ)
    env["BAES_CACHE_DIR"] = tempfile.mkdtemp(prefix="baes-lsp-test-cache-")
    for name in ("BAES_LLM_BASE_URL", "BAES_LLM_MODEL", "BAES_LLM_API_KEY", "OPENAI_API_KEY"):
        env.pop(name, None)
    return env


def capabilities(name: str) -> types.ClientCapabilities:
    """Real capability sets: VS Code (with the pull diagnostics current VS Code has), Neovim 0.7, Emacs 29."""
    if name == "vscode":
        caps = pytest_lsp.client_capabilities("visual-studio-code")
        caps.text_document.diagnostic = types.DiagnosticClientCapabilities(
            dynamic_registration=True, related_document_support=False
        )
        caps.workspace.diagnostics = types.DiagnosticWorkspaceClientCapabilities(refresh_support=True)
        return caps
    if name == "neovim":
        return pytest_lsp.client_capabilities("neovim@v0.7.0")
    if name == "emacs":
        return pytest_lsp.client_capabilities("emacs@v29.1")
    raise ValueError(name)


def _units(text: str, encoding: str) -> int:
    if encoding == "utf-8":
        return len(text.encode("utf-8"))
    if encoding == "utf-32":
        return len(text)
    return len(text.encode("utf-16-le")) // 2


def offset_of(text: str, position: types.Position, encoding: str) -> int:
    starts = [0] + [m.end() for m in _BREAK.finditer(text)]
    if position.line >= len(starts):
        return len(text)
    start = starts[position.line]
    end_match = _BREAK.search(text, start)
    end = end_match.start() if end_match else len(text)
    line = text[start:end]
    count = 0
    for index, char in enumerate(line):
        if count >= position.character:
            return start + index
        count += _units(char, encoding)
    return end


def apply_text_edits(text: str, edits: list[types.TextEdit], encoding: str) -> str:
    spans = [(offset_of(text, e.range.start, encoding), offset_of(text, e.range.end, encoding), e.new_text) for e in edits]
    for start, end, new in sorted(spans, key=lambda s: (s[0], s[1]), reverse=True):
        text = text[:start] + new + text[end:]
    return text


@dataclass
class Editor:
    """Open buffers of one test client, kept in sync with the server."""

    client: LanguageClient
    encoding: str = "utf-16"
    buffers: dict[str, list[Any]] = field(default_factory=dict)  # uri -> [text, version]
    applied: list[types.WorkspaceEdit] = field(default_factory=list)
    outcomes: list[dict[str, Any]] = field(default_factory=list)

    def open(self, path: Path, text: str | None = None, language_id: str = "python") -> str:
        uri = from_fs_path(str(path)) if not str(path).startswith(("untitled:", "file:")) else str(path)
        if text is None:
            text = path.read_text(encoding="utf-8")
        self.buffers[uri] = [text, 1]
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=uri, language_id=language_id, version=1, text=text)
            )
        )
        return uri

    def text(self, uri: str) -> str:
        return self.buffers[uri][0]

    def version(self, uri: str) -> int:
        return self.buffers[uri][1]

    def replace(self, uri: str, text: str) -> None:
        """A full-text change (as after applying an edit)."""
        self.buffers[uri][0] = text
        self.buffers[uri][1] += 1
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self.buffers[uri][1]),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )

    def type_at(self, uri: str, start: types.Position, end: types.Position, new_text: str) -> None:
        """An incremental change, as typing sends it."""
        edit = types.TextEdit(range=types.Range(start=start, end=end), new_text=new_text)
        self.buffers[uri][0] = apply_text_edits(self.text(uri), [edit], self.encoding)
        self.buffers[uri][1] += 1
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self.buffers[uri][1]),
                content_changes=[types.TextDocumentContentChangePartial(range=edit.range, text=new_text)],
            )
        )

    def close(self, uri: str) -> None:
        self.buffers.pop(uri, None)
        self.client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))

    def apply(self, edit: types.WorkspaceEdit) -> bool:
        """Apply a workspace edit like an editor: refuse stale versions and overwriting creations."""
        self.applied.append(edit)
        if edit.document_changes:
            for change in edit.document_changes:
                if isinstance(change, types.CreateFile):
                    path = Path(to_fs_path(change.uri))
                    if path.exists() and not (change.options and change.options.overwrite):
                        return False
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_text("", encoding="utf-8")
                elif isinstance(change, types.DeleteFile):
                    path = Path(to_fs_path(change.uri))
                    if not path.exists():
                        if change.options and change.options.ignore_if_not_exists:
                            continue
                        return False
                    path.unlink()
                    self.buffers.pop(change.uri, None)
                elif isinstance(change, types.TextDocumentEdit):
                    if not self._edit(change.text_document.uri, change.text_document.version, list(change.edits)):
                        return False
            return True
        for uri, edits in (edit.changes or {}).items():
            if not self._edit(uri, None, list(edits)):
                return False
        return True

    def _edit(self, uri: str, version: int | None, edits: list[types.TextEdit]) -> bool:
        if uri in self.buffers:
            if version is not None and version != self.version(uri):
                return False
            self.replace(uri, apply_text_edits(self.text(uri), edits, self.encoding))
            return True
        path = Path(to_fs_path(uri))
        if not path.exists():
            return False
        path.write_text(apply_text_edits(path.read_text(encoding="utf-8"), edits, self.encoding), encoding="utf-8")
        return True


def plain(value: Any) -> Any:
    """pygls hands unknown notifications over as named tuples: back to plain dicts."""
    if hasattr(value, "_asdict"):
        return {k: plain(v) for k, v in value._asdict().items()}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def install_editor(client: LanguageClient) -> Editor:
    editor = Editor(client)

    @client.feature(types.WORKSPACE_APPLY_EDIT)
    def apply_edit(params: types.ApplyWorkspaceEditParams) -> types.ApplyWorkspaceEditResult:
        applied = editor.apply(params.edit)
        return types.ApplyWorkspaceEditResult(applied=applied, failure_reason=None if applied else "refused")

    @client.feature("baes/fileOutcome")
    def file_outcome(params: Any) -> None:
        editor.outcomes.append(plain(params))

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register_capability(params: types.RegistrationParams) -> None:
        return None

    @client.feature(types.WORKSPACE_CODE_LENS_REFRESH)
    def code_lens_refresh(params: None) -> None:
        return None

    return editor


async def wait_for(predicate, timeout: float = 20.0, interval: float = 0.02) -> None:
    """Poll until ``predicate()`` is true (the server answers asynchronously)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise AssertionError("timed out waiting for the server")
        await asyncio.sleep(interval)


async def diagnostics_of(
    client: LanguageClient, editor: Editor, uri: str, *, pull: bool, previous: str | None = None
) -> list[types.Diagnostic]:
    """The diagnostics of the current version: pulled, or the latest pushed for that version."""
    if pull:
        report = await client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri), previous_result_id=previous)
        )
        assert report.kind == "full", report
        return list(report.items)
    version = editor.version(uri)
    await wait_for(lambda: uri in client.diagnostics and _pushed_version(client, uri) == version)
    return list(client.diagnostics[uri])


def _pushed_version(client: LanguageClient, uri: str) -> int | None:
    return client.pushed_versions.get(uri)


def make_client() -> LanguageClient:
    """pytest-lsp's test client, also recording the version of each pushed diagnostics set."""
    client = LanguageClient(converter_factory=default_converter)
    client.pushed_versions = {}
    client.publish_count = 0
    client.published = []

    def publish(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        client.diagnostics[params.uri] = params.diagnostics
        client.pushed_versions[params.uri] = params.version
        client.publish_count += 1
        client.published.append((params.uri, params.version))

    features = dict(DEFAULT_CLIENT_FEATURES)
    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = publish
    register_lsp_features(client, features)
    return client


async def code_actions(
    client: LanguageClient, uri: str, rng: types.Range, diagnostics: list[types.Diagnostic], only: list[str] | None = None
) -> list[types.CodeAction]:
    result = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=rng,
            context=types.CodeActionContext(diagnostics=diagnostics, only=only),
        )
    )
    return [a for a in result or [] if isinstance(a, types.CodeAction)]


async def perform(client: LanguageClient, editor: Editor, action: types.CodeAction) -> None:
    """What an editor does with a chosen action: resolve it if it has no edit, apply the edit."""
    if action.edit is None:
        action = await client.code_action_resolve_async(action)
    assert action.edit is not None, action
    assert editor.apply(action.edit)
    if action.command is not None:
        await client.workspace_execute_command_async(
            types.ExecuteCommandParams(command=action.command.command, arguments=action.command.arguments)
        )


async def start(
    client: LanguageClient, kind: str, root: Path, options: dict | None = None, folders: tuple[str, ...] = ()
) -> types.InitializeResult:
    client.kind = kind
    client.pull = kind in PULL_CLIENTS
    client.editor = install_editor(client)
    result = await client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities(kind),
            root_uri=from_fs_path(str(root)),
            workspace_folders=[
                types.WorkspaceFolder(uri=from_fs_path(str(root / sub)), name=sub or root.name) for sub in (folders or ("",))
            ],
            initialization_options=options if options is not None else {"settings": {"debounceMs": 0}},
            client_info=types.ClientInfo(name=f"pytest-{kind}"),
        )
    )
    client.editor.encoding = str(result.capabilities.position_encoding or "utf-16")
    client.init_result = result
    return result


def client_fixture(kind: str, options: dict | None = None, command: list[str] | None = None, folders: tuple[str, ...] = ()):
    """A fixture for one client kind, with its own initialization options, server command or
    extra workspace folders (sub-folders of the workspace, for multi-root tests)."""

    @pytest_lsp.fixture(
        config=ClientServerConfig(server_command=command or SERVER_COMMAND, client_factory=make_client, server_env=server_env())
    )
    async def fixture(lsp_client: LanguageClient, workspace: Path):
        await start(lsp_client, kind, workspace, options, folders)
        yield
        await lsp_client.shutdown_session()

    return fixture
