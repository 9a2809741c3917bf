"""Writing to the terminal without ever failing on an encoding.

Rule texts hold non-ASCII characters and file names can hold bytes that are not UTF-8
(Python keeps them as lone surrogates). A terminal in an ASCII locale, or a lone surrogate,
must not end a run with a ``UnicodeEncodeError``: what cannot be encoded is written as a
backslash escape instead.
"""

from __future__ import annotations

import sys
from typing import TextIO


def printable(text: str) -> str:
    """``text`` with lone surrogates (undecodable file-name bytes) shown as ``\\xNN`` escapes."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def write(text: str, stream: TextIO | None = None) -> None:
    """Write ``text`` to ``stream`` (stdout by default), escaping what its encoding cannot hold."""
    target = stream if stream is not None else sys.stdout
    try:
        target.write(text)
    except UnicodeEncodeError:
        encoding = getattr(target, "encoding", None) or "utf-8"
        target.write(printable(text).encode(encoding, "backslashreplace").decode(encoding))


def error(text: str) -> None:
    """One line on stderr, prefixed with ``baes:``."""
    write(f"baes: {text}\n", sys.stderr)
