"""Document snapshots: the text of one version of a document, immutable.

A ``Snapshot`` is an open document's buffer, or a closed file read from disk (workspace
diagnostics, or a client asking about a file it never opened). ``untitled:`` and other
non-file URIs have no path. ``Session.snapshot`` picks between the two.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from functools import cached_property

from pygls.workspace import TextDocument

from baes.files.atomic import FileTooLarge, NotARegularFile, decode_source, read_bytes_bounded
from baes.lsp.configuration import uri_to_path

logger = logging.getLogger(__name__)

PYTHON_SUFFIXES = (".py", ".pyi")
# Files bigger than this are not read from disk for workspace diagnostics (open buffers always are).
MAX_DISK_BYTES = 8 * 1024 * 1024


def text_digest(source: str) -> str:
    """SHA-1 of a document's text (``Snapshot.digest`` computes it once per snapshot)."""
    return hashlib.sha1(source.encode("utf-8", "surrogatepass")).hexdigest()


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
        return text_digest(self.source)


def _lintable(uri: str, language_id: str | None) -> bool:
    """Python buffers by language id, or by file name when the client sent none (Neovim without filetype)."""
    if language_id:
        return language_id == "python" or uri.endswith(PYTHON_SUFFIXES)
    return uri.endswith(PYTHON_SUFFIXES) or not uri.startswith("file:")


def of_open_document(uri: str, document: TextDocument) -> Snapshot:
    """The current version of an open buffer."""
    path = uri_to_path(uri)
    return Snapshot(uri, document.version, document.source, path, True, _lintable(uri, document.language_id))


def read_from_disk(uri: str) -> Snapshot | None:
    """A closed file's text, or None: only regular files within ``MAX_DISK_BYTES`` are read.

    A FIFO would block the server and ``/dev/zero`` never ends: ``read_bytes_bounded`` opens
    without blocking and checks the kind and size on the open descriptor.
    """
    path = uri_to_path(uri)
    if path is None:
        return None
    try:
        data = read_bytes_bounded(path, MAX_DISK_BYTES)
    except (NotARegularFile, FileTooLarge) as exc:
        logger.info("not reading %s: %s", path, exc.strerror or exc)
        return None
    except OSError:
        return None
    try:
        text = decode_source(data).text
    except (UnicodeDecodeError, LookupError, ValueError):
        text = data.decode("utf-8", errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    return Snapshot(uri, None, text, path, False, uri.endswith(PYTHON_SUFFIXES))
