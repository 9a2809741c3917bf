"""Document snapshots and the text-synchronisation notifications.

A ``Snapshot`` is the text of one version of a document: an open document's buffer, or a
closed file read from disk (workspace diagnostics, or a client asking about a file it never
opened). ``untitled:`` and other non-file URIs have no path; unknown URIs give ``None``.
The ``didOpen``/``didChange``/``didSave``/``didClose`` handlers hand over to diagnostics.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING
from urllib.parse import unquote

from lsprotocol import types
from pygls.workspace import TextDocument

from baes.lsp import diagnostics
from baes.lsp.configuration import uri_to_path

if TYPE_CHECKING:
    from baes.lsp.server import BaesLanguageServer

logger = logging.getLogger(__name__)

PYTHON_SUFFIXES = (".py", ".pyi")
# Files bigger than this are not read from disk for workspace diagnostics (open buffers always are).
MAX_DISK_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class Snapshot:
    uri: str
    version: int | None
    source: str
    path: str | None
    is_open: bool
    lintable: bool

    @cached_property
    def digest(self) -> str:
        """The text's SHA-1, computed once however often results are compared with this snapshot."""
        from baes.lsp.linting import text_digest

        return text_digest(self.source)


def _lintable(uri: str, language_id: str | None) -> bool:
    """Python buffers by language id, or by file name when the client sent none (Neovim without filetype)."""
    if language_id:
        return language_id == "python" or uri.endswith(PYTHON_SUFFIXES)
    return uri.endswith(PYTHON_SUFFIXES) or not uri.startswith("file:")


def open_document(ls: "BaesLanguageServer", uri: str) -> TextDocument | None:
    return ls.workspace.text_documents.get(unquote(uri))


def snapshot(ls: "BaesLanguageServer", uri: str) -> Snapshot | None:
    """The current text of ``uri``: the open buffer, else the file on disk, else ``None``."""
    document = open_document(ls, uri)
    if document is not None:
        path = uri_to_path(uri)
        return Snapshot(uri, document.version, document.source, path, True, _lintable(uri, document.language_id))
    return read_from_disk(uri)


def read_from_disk(uri: str) -> Snapshot | None:
    path = uri_to_path(uri)
    if path is None:
        return None
    try:
        if os.path.getsize(path) > MAX_DISK_BYTES:
            logger.info("not reading %s: larger than %d bytes", path, MAX_DISK_BYTES)
            return None
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    text = data.decode("utf-8", errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    return Snapshot(uri, None, text, path, False, uri.endswith(PYTHON_SUFFIXES))


def did_open(ls: "BaesLanguageServer", params: types.DidOpenTextDocumentParams) -> None:
    ls.forget_settings(params.text_document.uri)
    diagnostics.document_changed(ls, params.text_document.uri, immediate=True)


def did_change(ls: "BaesLanguageServer", params: types.DidChangeTextDocumentParams) -> None:
    diagnostics.document_changed(ls, params.text_document.uri, immediate=False)


def did_save(ls: "BaesLanguageServer", params: types.DidSaveTextDocumentParams) -> None:
    uri = params.text_document.uri
    if uri.endswith(("/pyproject.toml", "/baes.toml")):
        ls.settings_files_changed()
        return
    ls.forget_settings(uri)
    diagnostics.document_changed(ls, uri, immediate=True)


def did_close(ls: "BaesLanguageServer", params: types.DidCloseTextDocumentParams) -> None:
    diagnostics.document_closed(ls, params.text_document.uri)
