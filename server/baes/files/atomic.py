"""Reading source files within a budget, and writing them so that nothing is ever half-written.

Reads refuse what is not a regular file (a FIFO would block, ``/dev/zero`` never ends) and
anything over ``MAX_SOURCE_BYTES``, checked on the open descriptor, so a file that changes
kind or grows between the check and the read is still caught.

Every write goes to a temporary file in the same folder, is flushed to disk, gets the
original's permissions and owner, and then replaces the target with ``os.replace`` (atomic
on POSIX and Windows). A symbolic link is followed: its target is rewritten and the link
stays. A file with several hard links is rewritten in place after a backup copy is made
beside it (``os.replace`` would split the links); the backup is removed once the new text
is on disk. New files are created with ``os.link`` from the temporary file, which fails if
the target appeared meanwhile, so an existing file is never overwritten by accident.

A process killed with SIGKILL cannot clean up, so the new bytes are written to an unnamed
file (Linux ``O_TMPFILE``) that gets its hidden name only once it is complete and flushed,
right before the rename; hidden names carry the writer's pid, and the next write in the
same folder removes those of writers that no longer run.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

# Largest source file read (8 MiB: the largest Python file of CPython's own tree is ~0.5 MiB).
MAX_SOURCE_BYTES = 8 * 1024 * 1024


class FileExistsConflict(FileExistsError):
    """A file that must be created already exists (it is left untouched)."""


class NotARegularFile(OSError):
    """The path is a FIFO, a device, a socket or a folder: never read as source."""


class FileTooLarge(OSError):
    """The file is over the read budget; nothing of it is used."""


@dataclass(frozen=True)
class TextFile:
    """A text file's content with how it was stored, so it can be written back the same way."""

    text: str  # content with its original line endings (read with newline="")
    encoding: str  # e.g. "utf-8", "utf-8-sig" (BOM kept), "latin-1" when declared
    newline: str  # dominant line ending: "\n", "\r\n" or "\r"


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


def read_bytes_bounded(path: str | os.PathLike[str], limit: int = MAX_SOURCE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; ``NotARegularFile``/``FileTooLarge`` else.

    ``O_NONBLOCK`` keeps ``open`` of a FIFO from waiting for a writer; the kind and size are
    checked on the opened descriptor, and at most ``limit + 1`` bytes are ever read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(os.fspath(path), flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            what = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file (a pipe, device or socket)"
            raise NotARegularFile(errno.EINVAL, f"{what}; only regular files are read", os.fspath(path))
        if info.st_size > limit:
            raise FileTooLarge(errno.EFBIG, f"file of {info.st_size} bytes is over the {limit}-byte limit", os.fspath(path))
        chunks: list[bytes] = []
        remaining = limit + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        data = b"".join(chunks)
        if len(data) > limit:
            raise FileTooLarge(errno.EFBIG, f"file grew over the {limit}-byte limit while read", os.fspath(path))
        return data
    finally:
        os.close(fd)


def read_source(path: str | os.PathLike[str], limit: int = MAX_SOURCE_BYTES) -> TextFile:
    """Read a Python file keeping its exact text, encoding and line endings (within ``limit`` bytes)."""
    return decode_source(read_bytes_bounded(path, limit))


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _write_temp_beside(
    target: Path, data: bytes, mode: int, owner: tuple[int, int] | None = None, suffix: str = ".baes-tmp"
) -> str:
    """Write ``data`` to a new temporary file next to ``target``, flushed to disk, with ``mode``.

    ``owner`` (uid, gid) is given to the new file when the process may (root rewriting
    another user's file must not take it over); when it may not, the file stays the writer's.
    """
    _sweep_orphans(target.parent)
    anonymous = _open_unnamed(target.parent)
    if anonymous is None:
        fd, tmp = tempfile.mkstemp(prefix=_hidden_prefix(target.name), suffix=suffix, dir=str(target.parent))
    else:
        fd, tmp = anonymous, ""
    try:
        with os.fdopen(fd, "wb", closefd=False) as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if owner is not None and hasattr(os, "chown"):
            try:
                os.fchown(fd, *owner)
            except PermissionError:
                pass
        os.fchmod(fd, mode) if hasattr(os, "fchmod") else os.chmod(tmp, mode)
        if anonymous is not None:
            tmp = _name_unnamed(fd, target, suffix)
    except BaseException:
        if tmp:
            _remove(tmp)
        raise
    finally:
        os.close(fd)
    return tmp


def _hidden_prefix(name: str) -> str:
    return f".{name}.{os.getpid()}."


def _open_unnamed(folder: Path) -> int | None:
    """A descriptor of a new file without a name in ``folder`` (Linux), or None where unsupported."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not os.path.isdir("/proc/self/fd"):  # naming it needs /proc
        return None
    try:
        return os.open(str(folder), flag | os.O_WRONLY, 0o600)
    except OSError:
        return None  # file systems without O_TMPFILE support: a named temporary file instead


def _name_unnamed(fd: int, target: Path, suffix: str) -> str:
    """Give the finished unnamed file a hidden name beside ``target`` (the rename follows at once)."""
    folder_fd = os.open(str(target.parent), os.O_RDONLY)
    try:
        for _ in range(100):
            name = f"{_hidden_prefix(target.name)}{os.urandom(4).hex()}{suffix}"
            try:
                # a directory fd makes Python call linkat(AT_SYMLINK_FOLLOW), as open(2) documents for O_TMPFILE
                os.link(f"/proc/self/fd/{fd}", name, dst_dir_fd=folder_fd, follow_symlinks=True)
                return str(target.parent / name)
            except FileExistsError:
                continue
    finally:
        os.close(folder_fd)
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(target))


_swept: set[tuple[int, str]] = set()  # (pid, folder) already swept: once per folder and process


def _sweep_orphans(folder: Path) -> None:
    """Remove hidden temporary files (``.NAME.PID.RANDOM.baes-tmp``) of writers that were killed."""
    key = (os.getpid(), os.path.abspath(folder))
    if key in _swept:
        return
    _swept.add(key)
    try:
        entries = [e for e in os.scandir(folder) if e.name.startswith(".") and e.name.endswith(".baes-tmp")]
    except OSError:
        return
    for entry in entries:
        parts = entry.name[1:].rsplit(".", 3)
        if len(parts) != 4 or not parts[1].isdigit():
            continue
        pid = int(parts[1])
        if pid != os.getpid() and not _writer_alive(pid, entry):
            _remove(entry.path)
    # ``.baes-backup`` files of a killed in-place rewrite hold the user's old text: kept for them


def _writer_alive(pid: int, temp: os.DirEntry[str]) -> bool:
    """Whether the process that wrote ``temp`` still runs: its PID runs and (where ``/proc`` says when a process
    started) it started before the file was last written, so a PID reused by a newer process is no writer."""
    if not _running(pid):
        return False
    try:
        written = temp.stat(follow_symlinks=False).st_mtime
    except OSError:
        return True
    started = _started_at(pid)
    return started is None or started <= written + _CLOCK_SLACK_S


#: Seconds a process's start may seem to follow its own write: the kernel counts a start in clock ticks (10 ms) and
#: stamps a file from a coarse clock (a few ms). A PID reused by a process started later than that is no writer.
_CLOCK_SLACK_S = 0.05


def _stat_fields(pid: int) -> list[str] | None:
    """The fields of ``/proc/PID/stat`` after the command name (field 3 on), or None where ``/proc`` does not say."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            return handle.read().rsplit(")", 1)[1].split()  # the command name may hold spaces and parentheses
    except (OSError, IndexError):
        return None


def _started_at(pid: int) -> float | None:
    """When process ``pid`` started, on the wall clock, from its start tick (``/proc/PID/stat``) and the time since
    boot (``/proc/uptime``); None where ``/proc`` does not say (the writer is then taken to be alive)."""
    fields = _stat_fields(pid)
    if fields is None:
        return None
    try:
        with open("/proc/uptime", encoding="ascii") as handle:
            uptime = float(handle.read().split()[0])
        ticks = os.sysconf("SC_CLK_TCK")
        return time.time() - uptime + int(fields[19]) / ticks  # field 22 of stat: start time in ticks since boot
    except (OSError, ValueError, IndexError):
        return None


def _running(pid: int) -> bool:
    """Whether ``pid`` runs: a zombie (killed, not yet reaped: a worker killed with its parent waits for ``init``,
    which in a container may take its time) writes nothing more, so it is no writer."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    fields = _stat_fields(pid)
    return not fields or fields[0] != "Z"  # field 3 of stat: the process state


def _resolve_target(path: str | os.PathLike[str]) -> Path:
    """The file a write must change: a symbolic link's final target, never the link itself."""
    target = Path(path)
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(path))
    if not target.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, "its folder does not exist", str(path))
    return target


def _rewrite_in_place(target: Path, data: bytes, info: os.stat_result) -> None:
    """Rewrite a hard-linked file through its own inode, a flushed backup standing by.

    If the process dies mid-write, the backup (``.NAME.*.baes-backup`` beside it) holds the
    old text; it is removed as soon as the new text is on disk.
    """
    backup = _write_temp_beside(target, target.read_bytes(), stat.S_IMODE(info.st_mode), suffix=".baes-backup")
    try:
        with open(target, "r+b") as handle:
            handle.write(data)
            handle.truncate()
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        try:
            with open(target, "r+b") as handle:
                handle.write(Path(backup).read_bytes())
                handle.truncate()
        finally:
            _remove(backup)
        raise
    _remove(backup)


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace (or create) ``path`` with ``data`` atomically, keeping an existing file's permissions."""
    target = _resolve_target(path)
    try:
        info = target.stat()
    except FileNotFoundError:
        tmp = _write_temp_beside(target, data, _default_mode())
    else:
        if info.st_nlink > 1 and stat.S_ISREG(info.st_mode):
            _rewrite_in_place(target, data, info)
            return
        tmp = _write_temp_beside(target, data, stat.S_IMODE(info.st_mode), (info.st_uid, info.st_gid))
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
