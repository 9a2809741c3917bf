"""Text synchronisation: ``didOpen``/``didChange``/``didSave``/``didClose``.

pygls keeps the buffers in the workspace itself; these handlers only hand over to the
diagnostics feature (and to configuration sync when a project settings file is saved).
"""

from __future__ import annotations

from lsprotocol import types

from baes.lsp.features import configuration_sync, diagnostics
from baes.lsp.session import Session


def did_open(session: Session, params: types.DidOpenTextDocumentParams) -> None:
    session.forget_settings(params.text_document.uri)
    diagnostics.document_changed(session, params.text_document.uri, immediate=True)


def did_change(session: Session, params: types.DidChangeTextDocumentParams) -> None:
    diagnostics.document_changed(session, params.text_document.uri, immediate=False)


def did_save(session: Session, params: types.DidSaveTextDocumentParams) -> None:
    uri = params.text_document.uri
    if uri.endswith(("/pyproject.toml", "/baes.toml")):
        configuration_sync.settings_files_changed(session)
        return
    session.forget_settings(uri)
    diagnostics.document_changed(session, uri, immediate=True)


def did_close(session: Session, params: types.DidCloseTextDocumentParams) -> None:
    diagnostics.document_closed(session, params.text_document.uri)
