"""The state of one language-server session, apart from the protocol plumbing.

Modelled on ruff's ``ruff_server::Session``: the documents (through the client's pygls
workspace), the editor's setting layers and the settings resolved per document, the linter
and its per-document debounce, what the client can do, and the bookkeeping of what was
already sent (file outcomes, workspace results, messages shown once). Feature handlers
receive the session; they reach the editor only through ``session.client``.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import unquote

from lsprotocol import types
from pygls.workspace import TextDocument, Workspace
from pygls.workspace.position_codec import PositionCodec

from baes import __version__
from baes.lsp import log
from baes.lsp.client import Client
from baes.lsp.configuration import ConfigurationStore, ResolvedSettings
from baes.lsp.debounce import Debouncer
from baes.lsp.documents import Snapshot, of_open_document, read_from_disk
from baes.lsp.linting import Linter

logger = logging.getLogger(__name__)

# (mtime, size) of a closed file and the settings fingerprint it was checked under
WorkspaceKey = tuple[tuple[int, int], str]


class Session:
    """Everything a feature handler needs, owned in one place."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self.config = ConfigurationStore()
        self.linter = Linter()
        self.debouncer = Debouncer()
        # uri -> ((stamp, fingerprint), result id) of closed files checked for workspace diagnostics
        self.workspace_results: dict[str, tuple[WorkspaceKey, str]] = {}
        # uri -> (version, result id) of the last baes/fileOutcome sent for the open document
        self.announced_outcomes: dict[str, tuple[int | None, str]] = {}
        self.pull_diagnostics = False
        self.resolve_edits = False
        self.client_info: types.ClientInfo | None = None
        self.log_level = logging.INFO
        self.log_level_fixed = False  # --log-level given: the logLevel setting does not change it
        self._reported: set[str] = set()
        self._settings: dict[str, tuple[tuple[Any, ...], ResolvedSettings]] = {}

    # -- the client ----------------------------------------------------------------------
    def initialize(self, params: types.InitializeParams) -> None:
        """Take the client's options and capabilities from ``initialize``."""
        self.config.set_initialization_options(params.initialization_options)
        if not self.log_level_fixed:
            self.set_log_level(log.parse_level(self.config.resolve("", []).editor.log_level))
        self.pull_diagnostics = self.supports("text_document.diagnostic")
        resolve = (
            getattr(
                getattr(getattr(params.capabilities.text_document, "code_action", None), "resolve_support", None),
                "properties",
                None,
            )
            or []
        )
        self.resolve_edits = "edit" in resolve
        self.client_info = params.client_info
        client = params.client_info.name if params.client_info else "unknown client"
        logger.info("baes %s for %s: %s diagnostics", __version__, client, "pull" if self.pull_diagnostics else "push")

    def supports(self, dotted: str) -> bool:
        """Whether the client capability at ``dotted`` (attribute path) is present and true."""
        value: Any = self.client.capabilities
        for name in dotted.split("."):
            value = getattr(value, name, None)
            if value is None:
                return False
        return bool(value) if isinstance(value, bool) else True

    # -- documents -----------------------------------------------------------------------
    @property
    def workspace(self) -> Workspace:
        return self.client.workspace

    @property
    def position_codec(self) -> PositionCodec:
        return self.client.workspace.position_codec

    def folder_uris(self) -> list[str]:
        workspace = self.client.workspace
        folders = [folder.uri for folder in workspace.folders.values()]
        if not folders and workspace.root_uri:
            folders = [workspace.root_uri]
        return folders

    def open_document(self, uri: str) -> TextDocument | None:
        document: TextDocument | None = self.client.workspace.text_documents.get(unquote(uri))
        return document

    def snapshot(self, uri: str) -> Snapshot | None:
        """The current text of ``uri``: the open buffer, else the file on disk, else ``None``."""
        document = self.open_document(uri)
        if document is not None:
            return of_open_document(uri, document)
        return read_from_disk(uri)

    # -- settings ------------------------------------------------------------------------
    def settings_for(self, uri: str) -> ResolvedSettings:
        """Settings in force for ``uri``; messages about bad values are shown once.

        Resolving looks for project files in every folder up from the file, too slow for every
        keystroke, so the result is kept until the editor settings, the workspace folders or a
        watched project file change, and for one document until it is opened or saved again
        (``forget_settings``): clients that cannot watch files see an edited ``pyproject.toml``
        at the next save.
        """
        folders = self.folder_uris()
        key = (self.config.generation, tuple(folders))
        cached = self._settings.get(uri)
        if cached is not None and cached[0] == key:
            return cached[1]
        resolved = self.config.resolve(uri, folders)
        for message in resolved.messages:
            self.report_once(f"baes settings: {message}", types.MessageType.Warning)
        self._settings[uri] = (key, resolved)
        return resolved

    def forget_settings(self, uri: str | None = None) -> None:
        """Resolve the settings of ``uri`` (of every document when ``None``) again when next asked."""
        if uri is None:
            self._settings.clear()
        else:
            self._settings.pop(uri, None)

    def settings_changed(self) -> None:
        """Editor or project settings changed: resolve everything again, report bad values anew."""
        self.forget_settings()
        self._reported.clear()

    def set_log_level(self, level: int) -> None:
        self.log_level = level
        log.set_level(level)

    # -- messages ------------------------------------------------------------------------
    def report_once(self, text: str, kind: types.MessageType) -> None:
        """Show ``text`` to the user the first time only (invalid settings, a failing engine)."""
        logger.log(logging.ERROR if kind == types.MessageType.Error else logging.WARNING, "%s", text)
        if text in self._reported:
            return
        self._reported.add(text)
        self.client.show_message(types.ShowMessageParams(type=kind, message=text))
