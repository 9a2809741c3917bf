"""The baes language server: pygls plumbing, and every LSP feature registered in one place.

The state lives in a ``Session`` (``baes.lsp.session``); each feature lives in its own module
under ``baes.lsp.features`` and takes the session. This module is the only one that knows
pygls' server: it adapts it to the ``Client`` interface the session talks through, and wires
each handler to its LSP method or command id (``_features``, ``_commands``). Capabilities that
depend on the client (pull or push diagnostics, resolving code actions) are decided in the
``initialize`` handler, before pygls computes the server's capabilities.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Generator, Mapping, Sequence
from functools import partial
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcInvalidRequest
from pygls.lsp.server import LanguageServer
from pygls.progress import Progress
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.json_rpc import JsonRPCNotification
from pygls.protocol.language_server import lsp_method
from pygls.workspace import TextDocument, Workspace

from baes import __version__
from baes.lsp import log
from baes.lsp.features import (
    code_actions,
    code_lens,
    commands,
    configuration_sync,
    debug_information,
    diagnostics,
    document_sync,
    fix_commands,
    hover,
    outcome,
    scaffolding,
    store_commands,
)
from baes.lsp.positions import split_lines
from baes.lsp.session import Session

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
            doc_uri,
            source=source,
            version=version,
            language_id=language_id,
            sync_kind=self._sync_kind,
            position_codec=self.position_codec,
        )


class BaesProtocol(LanguageServerProtocol):
    """pygls' protocol with a workspace of ``LspLinesDocument``s, answering malformed requests.

    pygls drops a request whose params do not match the LSP types without answering, which
    leaves the client waiting forever; here it gets an ``InvalidParams`` error instead, and a
    notification method sent as a request (with an id) gets ``InvalidRequest``.
    """

    def structure_message(self, data: Any) -> Any:
        if isinstance(data, dict) and "id" in data and "method" in data and "result" not in data:
            known = types.METHOD_TO_TYPES.get(str(data["method"]))
            if known is not None and known[1] is None:  # a notification sent with an id: answer it
                error = JsonRpcInvalidRequest(f"{data['method']} is a notification: it takes no id")
                self._send_response(data["id"], None, error.to_response_error())
                return JsonRPCNotification(method=_REJECTED, jsonrpc=self.VERSION, params=None)
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if not (isinstance(data, dict) and "id" in data and "method" in data):
                raise
            logger.warning("rejecting malformed %s request: %s", data.get("method"), exc)
            self._send_response(data["id"], None, exc.to_response_error())
            return JsonRPCNotification(method=_REJECTED, jsonrpc=self.VERSION, params=None)

    def handle_message(self, message: Any) -> None:
        """After ``shutdown``, requests get ``InvalidRequest`` (pygls drops them unanswered)."""
        method = getattr(message, "method", None)
        if self._shutdown and method and method != types.EXIT and getattr(message, "id", None) is not None:
            error = JsonRpcInvalidRequest("the server is shutting down: only 'exit' is accepted")
            self._send_response(message.id, None, error.to_response_error())
            return
        super().handle_message(message)

    @lsp_method(types.INITIALIZE)
    def lsp_initialize(self, params: types.InitializeParams) -> Generator[Any, Any, types.InitializeResult]:
        result = yield from super().lsp_initialize(params)
        old = self.workspace
        self._workspace = LspLinesWorkspace(
            old.root_uri,
            self._server._text_document_sync_kind,
            list(old.folders.values()),
            old.position_encoding,
        )
        return result


class BaesLanguageServer(LanguageServer):
    """pygls' server holding one ``Session``; it adds only error reporting to pygls."""

    def __init__(self) -> None:
        super().__init__(NAME, __version__, protocol_cls=BaesProtocol, max_workers=4)
        self.session = Session(PyglsClient(self))
        # the linter tells the outcome feature of each stored result (wired here: features never wire each other)
        self.session.linter.on_stored = partial(outcome.announce, self.session)
        self.log_handler = log.install(self, self.session.log_level)

    def report_server_error(self, error: Exception, source: Any) -> None:
        """Errors of handlers: logged (requests already answer with the error), never fatal."""
        logger.error("internal error (%s): %s", getattr(source, "__name__", source), error)


class PyglsClient:
    """The ``baes.lsp.client.Client`` interface over pygls' server."""

    def __init__(self, server: LanguageServer) -> None:
        self._server = server

    @property
    def capabilities(self) -> types.ClientCapabilities:
        return self._server.client_capabilities

    @property
    def workspace(self) -> Workspace:
        return self._server.workspace  # read each time: ``initialize`` replaces it

    @property
    def progress(self) -> Progress:
        return self._server.work_done_progress

    def publish_diagnostics(self, params: types.PublishDiagnosticsParams) -> None:
        self._server.text_document_publish_diagnostics(params)

    def show_message(self, params: types.ShowMessageParams) -> None:
        self._server.window_show_message(params)

    def notify(self, method: str, params: Any) -> None:
        self._server.protocol.notify(method, params)

    def refresh_diagnostics(self) -> None:
        self._server.workspace_diagnostic_refresh(None)

    def refresh_code_lenses(self) -> None:
        self._server.workspace_code_lens_refresh(None)

    async def apply_edit(self, params: types.ApplyWorkspaceEditParams) -> types.ApplyWorkspaceEditResult | None:
        return await self._server.workspace_apply_edit_async(params)

    async def configuration(self, params: types.ConfigurationParams) -> Sequence[Any] | None:
        return await self._server.workspace_configuration_async(params)

    async def register_capability(self, params: types.RegistrationParams) -> None:
        await self._server.client_register_capability_async(params)


def _initialize(ls: BaesLanguageServer, params: types.InitializeParams) -> None:
    ls.log_handler.bind(asyncio.get_event_loop())
    ls.session.initialize(params)
    ls.protocol.fm.feature_options[types.TEXT_DOCUMENT_CODE_ACTION] = types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, code_actions.FIX_ALL_KIND],
        resolve_provider=ls.session.resolve_edits,
    )


def _features() -> list[tuple[str, Callable[..., Any], Any]]:
    """Every LSP method baes answers: (method, handler taking the session and the params, options)."""
    pull = types.DiagnosticOptions(identifier=NAME, inter_file_dependencies=False, workspace_diagnostics=True)
    return [
        (types.INITIALIZED, configuration_sync.initialized, None),
        (types.TEXT_DOCUMENT_DID_OPEN, document_sync.did_open, None),
        (types.TEXT_DOCUMENT_DID_CHANGE, document_sync.did_change, None),
        (types.TEXT_DOCUMENT_DID_SAVE, document_sync.did_save, types.SaveOptions(include_text=False)),
        (types.TEXT_DOCUMENT_DID_CLOSE, document_sync.did_close, None),
        (types.TEXT_DOCUMENT_DIAGNOSTIC, diagnostics.document_diagnostic, pull),
        (types.WORKSPACE_DIAGNOSTIC, diagnostics.workspace_diagnostic, None),
        (types.TEXT_DOCUMENT_CODE_ACTION, code_actions.code_action, None),
        (types.CODE_ACTION_RESOLVE, code_actions.resolve, None),
        (types.TEXT_DOCUMENT_HOVER, hover.hover, None),
        (types.TEXT_DOCUMENT_CODE_LENS, code_lens.code_lens, None),
        (types.WORKSPACE_DID_CHANGE_CONFIGURATION, configuration_sync.did_change_configuration, None),
        (types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS, configuration_sync.did_change_folders, None),
        (types.WORKSPACE_DID_CHANGE_WATCHED_FILES, configuration_sync.did_change_watched_files, None),
    ]


# Every command id baes answers (docs/architecture.md lists their arguments).
_COMMANDS: Mapping[str, commands.Handler] = {
    "baes.applyFix": fix_commands.apply_fix,
    "baes.fixAll": fix_commands.fix_all,
    "baes.scaffoldEntity": scaffolding.scaffold_entity,
    "baes.listTemplates": store_commands.list_templates,
    "baes.cacheStats": store_commands.cache_stats,
    "baes.clearCache": store_commands.clear_cache,
    "baes.showMetrics": store_commands.show_metrics,
    "baes.printDebugInformation": debug_information.debug_information,
}


def register_features(ls: BaesLanguageServer) -> None:
    """Wire each feature to its LSP method and each command to its id (the only place this happens)."""
    ls.feature(types.INITIALIZE)(_initialize)
    for method, handler, options in _features():
        # a partial over the session: pygls passes the params only (and still sees a coroutine function)
        ls.feature(method, options)(partial(handler, ls.session))
    for command_id, handler in _COMMANDS.items():
        ls.command(command_id)(_command(ls.session, handler))


def _command(session: Session, handler: commands.Handler) -> Callable[..., Awaitable[Any]]:
    """Adapt a command to pygls: one optional JSON object argument, passed through unstructured."""

    async def run(*arguments: Any) -> Any:
        return await commands.invoke(session, handler, arguments)

    run.__name__ = getattr(handler, "__name__", "command")
    return run


def create_server(log_level: int = logging.INFO, level_from_command_line: bool = False) -> BaesLanguageServer:
    server = BaesLanguageServer()
    server.session.set_log_level(log_level)
    server.session.log_level_fixed = level_from_command_line
    register_features(server)
    return server
