"""The baes language server: shared state, and every LSP feature registered in one place.

The server class only holds state (settings, lint results, timers); each feature lives in
its own module and is wired to its LSP method by ``register_features``. Capabilities that
depend on the client (pull or push diagnostics, resolving code actions) are decided in the
``initialize`` handler, before pygls computes the server's capabilities.
"""
from __future__ import annotations

import asyncio
import logging
from typing import Any, Callable, Generator

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.exceptions import JsonRpcException
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.json_rpc import JsonRPCNotification
from pygls.protocol.language_server import lsp_method
from pygls.workspace import TextDocument, Workspace

from baes import __version__
from baes.lsp import code_actions, commands, configuration_sync, diagnostics, documents, hover, log, outcome
from baes.lsp.configuration import ConfigurationStore, ResolvedSettings
from baes.lsp.debounce import Debouncer
from baes.lsp.linting import Linter
from baes.lsp.positions import split_lines

logger = logging.getLogger(__name__)

NAME = "baes"
# A "$/" notification (ignorable by the spec) standing in for a request already answered with an error.
_REJECTED = "$/baes/rejectedRequest"


class LspLinesDocument(TextDocument):
    """A text document whose lines break where LSP breaks them (``\\n``, ``\\r\\n``, ``\\r``).

    pygls splits with ``str.splitlines``, which also breaks on form feeds and Unicode line
    separators; incremental edits would then land on the wrong line of such a file.
    """

    @property
    def lines(self) -> tuple[str, ...]:
        source = self.source
        return split_lines(source) if source else ()


class LspLinesWorkspace(Workspace):
    def _create_text_document(
        self, doc_uri: str, source: str | None = None, version: int | None = None, language_id: str | None = None
    ) -> TextDocument:
        return LspLinesDocument(
            doc_uri, source=source, version=version, language_id=language_id,
            sync_kind=self._sync_kind, position_codec=self.position_codec,
        )


class BaesProtocol(LanguageServerProtocol):
    """pygls' protocol with a workspace of ``LspLinesDocument``s, answering malformed requests.

    pygls drops a request whose params do not match the LSP types without answering, which
    leaves the client waiting forever; here it gets an ``InvalidParams`` error instead.
    """

    def structure_message(self, data: Any) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if not (isinstance(data, dict) and "id" in data and "method" in data):
                raise
            logger.warning("rejecting malformed %s request: %s", data.get("method"), exc)
            self._send_response(data["id"], None, exc.to_response_error())
            return JsonRPCNotification(method=_REJECTED, jsonrpc=self.VERSION, params=None)

    @lsp_method(types.INITIALIZE)
    def lsp_initialize(self, params: types.InitializeParams) -> Generator[Any, Any, types.InitializeResult]:
        result = yield from super().lsp_initialize(params)
        old = self.workspace
        self._workspace = LspLinesWorkspace(
            old.root_uri, self._server._text_document_sync_kind, list(old.folders.values()), old.position_encoding,
        )
        return result


class BaesLanguageServer(LanguageServer):
    """Shared state of one server session."""

    def __init__(self) -> None:
        super().__init__(NAME, __version__, protocol_cls=BaesProtocol, max_workers=4)
        self.config = ConfigurationStore()
        self.linter = Linter(on_stored=lambda result: outcome.announce(self, result))
        self.debouncer = Debouncer()
        self.workspace_results: dict[str, tuple[tuple[Any, str], str]] = {}
        # uri -> (version, result id) of the last baes/fileOutcome sent for the open document
        self.announced_outcomes: dict[str, tuple[int | None, str]] = {}
        self.pull_diagnostics = False
        self.resolve_edits = False
        self.client_info: types.ClientInfo | None = None
        self.log_level = logging.INFO
        self.log_level_fixed = False  # --log-level given: the logLevel setting does not change it
        self.log_handler = log.install(self, self.log_level)
        self._reported: set[str] = set()
        self._settings: dict[str, tuple[tuple[Any, ...], ResolvedSettings]] = {}

    # -- client capabilities -------------------------------------------------------------
    def supports(self, dotted: str) -> bool:
        """Whether the client capability at ``dotted`` (attribute path) is present and true."""
        value: Any = self.client_capabilities
        for name in dotted.split("."):
            value = getattr(value, name, None)
            if value is None:
                return False
        return bool(value) if isinstance(value, bool) else True

    def folder_uris(self) -> list[str]:
        folders = [folder.uri for folder in self.workspace.folders.values()]
        if not folders and self.workspace.root_uri:
            folders = [self.workspace.root_uri]
        return folders

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

    def settings_files_changed(self) -> None:
        """A ``pyproject.toml`` / ``baes.toml`` changed: reload and refresh every diagnostic."""
        from baes.settings import loader as settings_loader

        settings_loader.clear_cache()
        self.forget_settings()
        self._reported.clear()
        diagnostics.refresh(self)

    def editor_settings_changed(self) -> None:
        self.forget_settings()
        self._reported.clear()
        for folder in self.folder_uris():
            self.settings_for(folder)  # report bad values now, not at the first lint
        if not self.log_level_fixed:
            self.set_log_level(log.parse_level(self.config.resolve("", self.folder_uris()).editor.log_level))
        diagnostics.refresh(self)

    def set_log_level(self, level: int) -> None:
        self.log_level = level
        log.set_level(level)

    # -- messages ------------------------------------------------------------------------
    def report_once(self, text: str, kind: types.MessageType) -> None:
        """Show ``text`` to the user the first time only (invalid settings, a missing core module)."""
        logger.log(logging.ERROR if kind == types.MessageType.Error else logging.WARNING, "%s", text)
        if text in self._reported:
            return
        self._reported.add(text)
        self.window_show_message(types.ShowMessageParams(type=kind, message=text))

    def report_server_error(self, error: Exception, source: Any) -> None:
        """Errors of handlers: logged (requests already answer with the error), never fatal."""
        logger.error("internal error (%s): %s", getattr(source, "__name__", source), error)


def _initialize(ls: BaesLanguageServer, params: types.InitializeParams) -> None:
    ls.log_handler.bind(asyncio.get_event_loop())
    ls.config.set_initialization_options(params.initialization_options)
    if not ls.log_level_fixed:
        ls.set_log_level(log.parse_level(ls.config.resolve("", []).editor.log_level))
    ls.pull_diagnostics = ls.supports("text_document.diagnostic")
    resolve = getattr(getattr(getattr(params.capabilities.text_document, "code_action", None), "resolve_support", None),
                      "properties", None) or []
    ls.resolve_edits = "edit" in resolve
    ls.protocol.fm.feature_options[types.TEXT_DOCUMENT_CODE_ACTION] = types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, code_actions.FIX_ALL_KIND],
        resolve_provider=ls.resolve_edits,
    )
    ls.client_info = params.client_info
    client = params.client_info.name if params.client_info else "unknown client"
    logger.info("baes %s for %s: %s diagnostics", __version__, client, "pull" if ls.pull_diagnostics else "push")


async def _initialized(ls: BaesLanguageServer, params: types.InitializedParams) -> None:
    await configuration_sync.initialized(ls)


def _features(ls: BaesLanguageServer) -> list[tuple[str, Callable[..., Any], Any]]:
    """Every LSP method baes answers: (method, handler, options)."""
    pull = types.DiagnosticOptions(identifier=NAME, inter_file_dependencies=False, workspace_diagnostics=True)
    return [
        (types.INITIALIZE, _initialize, None),
        (types.INITIALIZED, _initialized, None),
        (types.TEXT_DOCUMENT_DID_OPEN, documents.did_open, None),
        (types.TEXT_DOCUMENT_DID_CHANGE, documents.did_change, None),
        (types.TEXT_DOCUMENT_DID_SAVE, documents.did_save, types.SaveOptions(include_text=False)),
        (types.TEXT_DOCUMENT_DID_CLOSE, documents.did_close, None),
        (types.TEXT_DOCUMENT_DIAGNOSTIC, diagnostics.document_diagnostic, pull),
        (types.WORKSPACE_DIAGNOSTIC, diagnostics.workspace_diagnostic, None),
        (types.TEXT_DOCUMENT_CODE_ACTION, code_actions.code_action, None),
        (types.CODE_ACTION_RESOLVE, code_actions.resolve, None),
        (types.TEXT_DOCUMENT_HOVER, hover.hover, None),
        (types.TEXT_DOCUMENT_CODE_LENS, outcome.code_lens, None),
        (types.WORKSPACE_DID_CHANGE_CONFIGURATION, configuration_sync.did_change_configuration, None),
        (types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS, configuration_sync.did_change_folders, None),
        (types.WORKSPACE_DID_CHANGE_WATCHED_FILES, configuration_sync.did_change_watched_files, None),
    ]


def register_features(ls: BaesLanguageServer) -> None:
    """Wire each feature module to its LSP methods and commands (the only place this happens)."""
    for method, handler, options in _features(ls):
        ls.feature(method, options)(handler)
    for command_id, handler in commands.COMMANDS.items():
        ls.command(command_id)(_command(handler))


def _command(handler: Callable[..., Any]) -> Callable[..., Any]:
    """Adapt a command to pygls: one optional JSON object argument, passed through unstructured."""

    async def run(ls: BaesLanguageServer, *arguments: Any) -> Any:
        return await commands.invoke(ls, handler, arguments)

    run.__name__ = getattr(handler, "__name__", "command")
    return run


def create_server(log_level: int = logging.INFO, level_from_command_line: bool = False) -> BaesLanguageServer:
    server = BaesLanguageServer()
    server.set_log_level(log_level)
    server.log_level_fixed = level_from_command_line
    register_features(server)
    return server

