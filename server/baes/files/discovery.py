"""Expanding files and folders into the Python files to check.

Shared by the CLI and the language server's workspace diagnostics, so it only reads the
file tree: no settings loading, no printing. Folders that never hold user code (VCS data,
virtualenvs, caches, build output) are skipped; so are paths matching ``exclude`` globs.
A file named explicitly is always included, whatever its name or the excludes say.
The result is sorted, so runs are reproducible.

Glob semantics (also used for ``per-file-ignores`` and ``swea-overrides``): a pattern without
``/`` matches any single path component (``migrations``, ``*_pb2.py``); a pattern with ``/``
matches the path relative to the root or any of its leading folders (``tests/fixtures``,
``src/*/generated``, ``**/legacy/*.py``). Matching is case-sensitive.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

# Folder names never walked into (unless named explicitly on the command line).
SKIPPED_DIR_NAMES: frozenset[str] = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".venv",
        "venv",
        "__pycache__",
        "node_modules",
        "build",
        "dist",
        ".tox",
        ".nox",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        ".eggs",
        "site-packages",
    }
)
PYTHON_SUFFIXES: tuple[str, ...] = (".py",)

# Given a folder, the exclude globs that apply in it and the folder they are relative to.
ExcludeLookup = Callable[[Path], tuple[Sequence[str], "str | os.PathLike[str] | None"]]


@dataclass(frozen=True)
class Unusable:
    """A path named on the command line that cannot be checked, and why (said to the user as is)."""

    path: str
    reason: str


@dataclass(frozen=True)
class Discovery:
    """The files to check (as paths built from the arguments) and the arguments that cannot be."""

    files: tuple[Path, ...]
    unusable: tuple[Unusable, ...] = ()


_SPECIAL_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def classify_path(path: Path) -> tuple[str, str | None]:
    """``("dir" | "file" | "unusable", reason)`` for a path named explicitly, without opening it.

    Opening a FIFO would block and reading a device may never end, so only folders and
    regular files are used; everything else gets a reason a user can act on.
    """
    try:
        info = path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "unusable", "symbolic link loop"
        if isinstance(exc, FileNotFoundError):
            return "unusable", "broken symbolic link" if path.is_symlink() else "no such file or folder"
        if isinstance(exc, PermissionError):
            return "unusable", "permission denied"
        return "unusable", exc.strerror or str(exc)
    if stat.S_ISDIR(info.st_mode):
        return "dir", None
    if stat.S_ISREG(info.st_mode):
        return "file", None
    kind = next((name for test, name in _SPECIAL_KINDS if test(info.st_mode)), "not a regular file")
    return "unusable", f"{kind}, not a regular file: baes reads files and folders, not streams"


def relative_posix(path: str | os.PathLike[str], root: str | os.PathLike[str] | None) -> str:
    """``path`` relative to ``root`` with forward slashes (the absolute path when outside ``root``)."""
    absolute = Path(os.path.abspath(path))
    base = Path(os.path.abspath(root if root is not None else os.getcwd()))
    try:
        return absolute.relative_to(base).as_posix()
    except ValueError:
        return absolute.as_posix()


def _normalize_pattern(pattern: str) -> str:
    text = pattern.strip().replace("\\", "/")
    while text.startswith("./"):
        text = text[2:]
    return text.strip("/")


def glob_matches(pattern: str, relative: str) -> bool:
    """Whether ``relative`` (a posix path relative to the glob's root) matches ``pattern``."""
    pat = _normalize_pattern(pattern)
    if not pat:
        return False
    parts = [part for part in relative.split("/") if part]
    if "/" not in pat:
        return any(fnmatchcase(part, pat) for part in parts)
    candidates = [pat]
    while candidates[-1].startswith("**/"):
        candidates.append(candidates[-1][3:])
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    return any(fnmatchcase(prefix, candidate) for candidate in candidates for prefix in prefixes)


def path_matches(patterns: Iterable[str], path: str | os.PathLike[str], root: str | os.PathLike[str] | None) -> bool:
    """Whether ``path`` matches any of ``patterns`` taken relative to ``root`` (the cwd if None)."""
    relative = relative_posix(path, root)
    return any(glob_matches(pattern, relative) for pattern in patterns)


def is_skipped_dir(path: Path) -> bool:
    """Folders baes never walks into: VCS data, virtualenvs, caches and build output."""
    name = path.name
    if name in SKIPPED_DIR_NAMES or name.endswith(".egg-info"):
        return True
    return (path / "pyvenv.cfg").is_file()


def _is_python_file(name: str) -> bool:
    return name.endswith(PYTHON_SUFFIXES)


def _walk(top: Path, excluded: Callable[[Path], bool]) -> Iterable[Path]:
    """Python files under ``top``, not following symlinked folders, skipping unreadable ones."""
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            child = folder / entry.name
            try:
                if entry.is_dir(follow_symlinks=False):
                    if not is_skipped_dir(child) and not excluded(child):
                        stack.append(child)
                elif entry.is_file() and _is_python_file(entry.name) and not excluded(child):
                    yield child
            except OSError:
                continue


def discover_python_files(
    paths: Sequence[str | os.PathLike[str]],
    *,
    exclude: Sequence[str] = (),
    root: str | os.PathLike[str] | None = None,
    exclude_for: ExcludeLookup | None = None,
) -> Discovery:
    """Expand ``paths`` into Python files.

    ``exclude`` globs are relative to ``root`` (default: the cwd). ``exclude_for`` lets a
    caller give each folder its own excludes (the nearest project's settings); both apply.
    """

    def excluder(top: Path) -> Callable[[Path], bool]:
        # A folder named on the command line is walked even when it lies inside an excluded
        # area (as ruff does for explicit paths): patterns that already match ``top`` are dropped.
        own = tuple(p for p in exclude if not path_matches((p,), top, root))
        # folder -> its excludes (minus those matching ``top``): asked once per folder, not per entry
        by_folder: dict[Path, tuple[tuple[str, ...], str | os.PathLike[str] | None]] = {}

        def folder_excludes(folder: Path, lookup: ExcludeLookup) -> tuple[tuple[str, ...], str | os.PathLike[str] | None]:
            found = by_folder.get(folder)
            if found is None:
                patterns, their_root = lookup(folder)
                kept = tuple(p for p in patterns if not path_matches((p,), top, their_root))
                found = by_folder[folder] = (kept, their_root)
            return found

        def excluded(path: Path) -> bool:
            if own and path_matches(own, path, root):
                return True
            if exclude_for is not None:
                patterns, their_root = folder_excludes(path.parent, exclude_for)
                if patterns and path_matches(patterns, path, their_root):
                    return True
            return False

        return excluded

    found: dict[str, Path] = {}
    unusable: list[Unusable] = []
    for given in paths:
        path = Path(given)
        kind, reason = classify_path(path)
        if kind == "dir":
            for file in _walk(path, excluder(path)):
                found.setdefault(os.path.abspath(file), file)
        elif kind == "file":
            found.setdefault(os.path.abspath(path), path)
        else:
            unusable.append(Unusable(str(given), reason or "cannot be read"))
    files = sorted(found.values(), key=lambda p: (p.as_posix().lower(), p.as_posix()))
    return Discovery(tuple(files), tuple(unusable))
