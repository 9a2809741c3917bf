"""``baes.lsp.session.Session`` against a recording fake of the ``Client`` interface (no server, no pygls loop)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.progress import Progress
from pygls.workspace import Workspace

from baes.lsp.session import Session


class FakeClient:
    """What a session may ask of the editor, recorded instead of sent."""

    def __init__(self, root: Path, capabilities: types.ClientCapabilities | None = None) -> None:
        self.capabilities = capabilities or types.ClientCapabilities()
        self.workspace = Workspace(root.as_uri(), workspace_folders=[types.WorkspaceFolder(root.as_uri(), "ws")])
        self.messages: list[types.ShowMessageParams] = []
        self.notifications: list[tuple[str, Any]] = []

    @property
    def progress(self) -> Progress:
        raise AssertionError("no progress expected")

    def publish_diagnostics(self, params: types.PublishDiagnosticsParams) -> None:
        raise AssertionError("no publication expected")

    def show_message(self, params: types.ShowMessageParams) -> None:
        self.messages.append(params)

    def notify(self, method: str, params: Any) -> None:
        self.notifications.append((method, params))

    def refresh_diagnostics(self) -> None:
        raise AssertionError("no refresh expected")

    def refresh_code_lenses(self) -> None:
        raise AssertionError("no refresh expected")

    async def apply_edit(self, params: types.ApplyWorkspaceEditParams) -> types.ApplyWorkspaceEditResult | None:
        raise AssertionError("no edit expected")

    async def configuration(self, params: types.ConfigurationParams) -> Sequence[Any] | None:
        raise AssertionError("no configuration request expected")

    async def register_capability(self, params: types.RegistrationParams) -> None:
        raise AssertionError("no registration expected")


def test_settings_are_resolved_once_per_document_and_bad_values_shown_once(tmp_path: Path) -> None:
    client = FakeClient(tmp_path)
    session = Session(client)
    uri = (tmp_path / "a.py").as_uri()
    session.config.set_global({"debounceMs": -1})
    first = session.settings_for(uri)
    assert session.settings_for(uri) is first  # kept until something changes
    assert len(client.messages) == 1 and "debounceMs" in client.messages[0].message
    assert client.messages[0].type == types.MessageType.Warning
    session.settings_for((tmp_path / "b.py").as_uri())  # the same message: not shown again
    assert len(client.messages) == 1
    session.config.set_global({"debounceMs": 300})  # a new generation: resolved again
    assert session.settings_for(uri).editor.debounce_ms == 300
    session.config.set_global({"debounceMs": -1})
    session.settings_changed()  # reported anew after a change
    session.settings_for(uri)
    assert len(client.messages) == 2


def test_snapshots_come_from_the_buffer_then_the_disk(tmp_path: Path) -> None:
    client = FakeClient(tmp_path)
    session = Session(client)
    on_disk = tmp_path / "app.py"
    on_disk.write_bytes("\ufeffx = 1\n".encode("utf-8"))
    uri = on_disk.as_uri()
    closed = session.snapshot(uri)
    assert closed is not None and closed.source == "x = 1\n" and not closed.is_open and closed.version is None
    client.workspace.put_text_document(types.TextDocumentItem(uri=uri, language_id="python", version=3, text="y = 2\n"))
    opened = session.snapshot(uri)
    assert opened is not None and opened.is_open and opened.version == 3 and opened.source == "y = 2\n"
    assert opened.lintable and opened.digest == session.snapshot(uri).digest  # type: ignore[union-attr]
    assert session.snapshot((tmp_path / "missing.py").as_uri()) is None
    assert session.folder_uris() == [tmp_path.as_uri()]


def test_initialize_reads_what_the_client_can_do(tmp_path: Path) -> None:
    levels = {name: logging.getLogger(name).level for name in ("baes", "pygls")}
    capabilities = types.ClientCapabilities(
        text_document=types.TextDocumentClientCapabilities(
            diagnostic=types.DiagnosticClientCapabilities(),
            code_action=types.CodeActionClientCapabilities(
                resolve_support=types.ClientCodeActionResolveOptions(properties=["edit"])
            ),
        )
    )
    session = Session(FakeClient(tmp_path, capabilities))
    assert not session.supports("workspace.configuration")
    try:
        session.initialize(
            types.InitializeParams(
                capabilities=capabilities, client_info=types.ClientInfo(name="test"), initialization_options={"logLevel": "debug"}
            )
        )
    finally:  # the level is process-wide: give the other tests theirs back
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)
    assert session.pull_diagnostics and session.resolve_edits
    assert session.client_info == types.ClientInfo(name="test")
    assert session.supports("text_document.code_action.resolve_support")
    assert session.log_level == logging.DEBUG
