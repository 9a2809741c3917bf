"""Writing files so that a crash or a bad result never leaves one half-written.

Every write goes to a temporary file in the same folder, is flushed to disk, gets the
original's permissions, and then replaces the target with ``os.replace`` (atomic on POSIX
and Windows). New files are created with ``os.link`` from the temporary file, which fails
if the target appeared meanwhile, so an existing file is never overwritten by accident.
"""
from __future__ import annotations

import codecs
import os
import re
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path


class FileExistsConflict(FileExistsError):
    """A file that must be created already exists (it is left untouched)."""


@dataclass(frozen=True)
class TextFile:
    """A text file's content with how it was stored, so it can be written back the same way."""

    text: str           # content with its original line endings (read with newline="")
    encoding: str       # e.g. "utf-8", "utf-8-sig" (BOM kept), "latin-1" when declared
    newline: str        # dominant line ending: "\n", "\r\n" or "\r"


def _detect_newline(text: str) -> str:
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    if crlf >= lf and crlf >= cr and crlf:
        return "\r\n"
    if cr > lf:
        return "\r"
    return "\n"


def _declared_encoding(data: bytes) -> str | None:
    """The PEP 263 coding declaration of the first two lines, if any."""
    for line in data.split(b"\n", 2)[:2]:
        match = re.match(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)", line)
        if match:
            name = match.group(1).decode("ascii")
            try:
                return codecs.lookup(name).name
            except LookupError:
                return None
    return None


def decode_source(data: bytes) -> TextFile:
    """Decode Python source bytes as Python would (BOM, PEP 263); raise ``UnicodeDecodeError`` if not text."""
    if b"\x00" in data[:8192]:
        raise UnicodeDecodeError("utf-8", data[:1], 0, 1, "binary file (contains NUL bytes)")
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    else:
        encoding = _declared_encoding(data) or "utf-8"
    text = data.decode(encoding)
    return TextFile(text=text, encoding=encoding, newline=_detect_newline(text))


def read_source(path: str | os.PathLike[str]) -> TextFile:
    """Read a Python file keeping its exact text, encoding and line endings."""
    return decode_source(Path(path).read_bytes())


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _write_temp_beside(target: Path, data: bytes, mode: int) -> str:
    """Write ``data`` to a new temporary file next to ``target``, flushed to disk, with ``mode``."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".baes-tmp", dir=str(target.parent))
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
    except BaseException:
        _remove(tmp)
        raise
    return tmp


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace (or create) ``path`` with ``data`` atomically, keeping an existing file's permissions."""
    target = Path(path)
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = _default_mode()
    tmp = _write_temp_beside(target, data, mode)
    try:
        os.replace(tmp, target)
    except BaseException:
        _remove(tmp)
        raise


def atomic_write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` as is (no newline translation) with ``encoding``, atomically."""
    atomic_write_bytes(path, text.encode(encoding))


def write_source(path: str | os.PathLike[str], original: TextFile, new_text: str) -> None:
    """Write a modified version of a file read with ``read_source``, in the same encoding."""
    atomic_write_text(path, new_text, original.encoding)


def create_new_file(path: str | os.PathLike[str], data: bytes) -> None:
    """Create ``path`` with ``data``; raise ``FileExistsConflict`` (and write nothing) if it exists."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = _write_temp_beside(target, data, _default_mode())
    try:
        os.link(tmp, target)
    except FileExistsError as exc:
        raise FileExistsConflict(f"{target} already exists; not overwritten") from exc
    finally:
        _remove(tmp)
