"""Discovering and validating project settings (``[tool.baes]`` / ``baes.toml``) into ``Settings``.

The nearest configuration upward from the file being checked wins. In one folder,
``baes.toml`` takes precedence over ``pyproject.toml``; a ``pyproject.toml`` without a
``[tool.baes]`` table does not count (the search goes on upward), a ``baes.toml`` always
counts (even empty). Keys are kebab-case; snake_case and camelCase spellings (as editors
send them) are accepted too.

Every key and value is validated by ``baes.settings.validation`` (editor settings go through
the same ``apply_mapping``); a file that is not valid TOML, too big or nested too deeply gives
one message and all defaults. Nothing here raises on user input. Parsed files are cached by
(path, mtime, size), so the language server can ask for settings on every keystroke.
"""

from __future__ import annotations

import os
import threading
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from baes.files.atomic import read_bytes_bounded
from baes.settings.validation import (
    LoadedSettings,
    SettingsMessage,
    apply_mapping,
    apply_values,
    default_settings,
    forget_catalog,
    normalize_key,
    settings_from_mapping,
    validate_mapping,
)

__all__ = [  # the validation names callers reach through the loader, re-exported
    "CONFIG_FILE_NAMES",
    "LoadedSettings",
    "SettingsMessage",
    "apply_mapping",
    "clear_cache",
    "default_settings",
    "find_config_file",
    "load_config_file",
    "load_settings",
    "project_values",
    "normalize_key",
    "settings_from_mapping",
    "validate_mapping",
]

# In one folder the first of these that exists (and, for pyproject.toml, has [tool.baes]) is used.
CONFIG_FILE_NAMES: tuple[str, ...] = ("baes.toml", "pyproject.toml")


# --------------------------------------------------------------------------- files


@dataclass(frozen=True)
class _ParsedFile:
    values: Mapping[str, Any]
    messages: tuple[SettingsMessage, ...]
    has_table: bool


_cache: dict[str, tuple[tuple[int, int], _ParsedFile]] = {}
_cache_lock = threading.Lock()


def clear_cache() -> None:
    """Forget parsed configuration files (tests, or an editor's explicit reload)."""
    with _cache_lock:
        _cache.clear()
        forget_catalog()


def _stat_key(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size)


# A project file bigger than this is not a configuration file anyone wrote by hand.
MAX_CONFIG_BYTES = 1024 * 1024


def _parse_file(path: Path) -> _ParsedFile:
    try:
        return _parse_file_unguarded(path)
    except RecursionError:
        # tomllib (and any walk over its result) recurses once per nesting level
        message = SettingsMessage(str(path), None, "nested too deeply to be read; using the defaults")
        return _ParsedFile({}, (message,), True)


def _parse_file_unguarded(path: Path) -> _ParsedFile:
    source = str(path)
    try:
        data = tomllib.loads(read_bytes_bounded(path, MAX_CONFIG_BYTES).decode("utf-8-sig"))
    except tomllib.TOMLDecodeError as exc:
        return _ParsedFile({}, (SettingsMessage(source, None, f"not valid TOML ({exc}); using the defaults"),), True)
    except (OSError, UnicodeDecodeError) as exc:
        return _ParsedFile({}, (SettingsMessage(source, None, f"cannot be read ({exc}); using the defaults"),), True)
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        table = tool.get("baes") if isinstance(tool, dict) else None
        if table is None:
            return _ParsedFile({}, (), False)
        if not isinstance(table, dict):
            message = SettingsMessage(source, "tool.baes", "expected a table; using the defaults")
            return _ParsedFile({}, (message,), True)
        values, messages = validate_mapping(table, source, allow_flags=False)
        prefixed = tuple(SettingsMessage(m.source, f"tool.baes.{m.key}" if m.key else "tool.baes", m.text) for m in messages)
        return _ParsedFile(values, prefixed, True)
    values, messages = validate_mapping(data, source, allow_flags=False)
    return _ParsedFile(values, messages, True)


def _parsed(path: Path) -> _ParsedFile | None:
    """The parsed, validated file, from the cache while its mtime and size are unchanged."""
    key = _stat_key(path)
    if key is None:
        return None
    name = str(path)
    with _cache_lock:
        cached = _cache.get(name)
        if cached is not None and cached[0] == key:
            return cached[1]
    parsed = _parse_file(path)
    with _cache_lock:
        _cache[name] = (key, parsed)
    return parsed


def _config_in(folder: Path) -> Path | None:
    """The config file of this folder itself, if it has one that counts."""
    for name in CONFIG_FILE_NAMES:
        candidate = folder / name
        if candidate.is_file():
            parsed = _parsed(candidate)
            if parsed is not None and parsed.has_table:
                return candidate
    return None


def find_config_file(start: str | os.PathLike[str] | None = None, memo: dict[str, Path | None] | None = None) -> Path | None:
    """The nearest config file upward from ``start`` (a file or a folder; default: the cwd).

    ``memo`` (folder → its nearest config) lets one run over many folders look at each
    folder once; leave it out where files may appear between calls (an editor).
    """
    here = Path(start if start is not None else os.getcwd())
    try:
        here = here.absolute()
    except OSError:
        return None
    folder = here if here.is_dir() else here.parent
    visited: list[str] = []
    found: Path | None = None
    for candidate_dir in (folder, *folder.parents):
        key = str(candidate_dir)
        if memo is not None and key in memo:
            found = memo[key]
            break
        visited.append(key)
        found = _config_in(candidate_dir)
        if found is not None:
            break
    if memo is not None:
        for key in visited:
            memo[key] = found
    return found


def load_config_file(config_file: str | os.PathLike[str], environ: Mapping[str, str] | None = None) -> LoadedSettings:
    """Settings from one named file (``baes check --config FILE``)."""
    path = Path(config_file).absolute()
    base = default_settings(environ)
    flag_messages = tuple(SettingsMessage("environment", None, text) for text in base.flags.errors)
    if not path.is_file():
        return LoadedSettings(base, (SettingsMessage(str(path), None, "no such file; using the defaults"),) + flag_messages)
    parsed = _parsed(path)
    if parsed is None:
        return LoadedSettings(base, (SettingsMessage(str(path), None, "cannot be read; using the defaults"),) + flag_messages)
    messages = parsed.messages
    if not parsed.has_table:
        messages = (SettingsMessage(str(path), "tool.baes", "no [tool.baes] table; using the defaults"),)
    settings = replace(apply_values(base, parsed.values, str(path)), root=str(path.parent), config_file=str(path))
    return LoadedSettings(settings, messages + flag_messages)


def load_settings(
    path: str | os.PathLike[str] | None = None,
    environ: Mapping[str, str] | None = None,
    memo: dict[str, Path | None] | None = None,
) -> LoadedSettings:
    """Settings for the file or folder ``path`` from its nearest config file (defaults if none)."""
    config = find_config_file(path, memo)
    if config is None:
        base = default_settings(environ)
        return LoadedSettings(base, tuple(SettingsMessage("environment", None, t) for t in base.flags.errors))
    return load_config_file(config, environ)


def project_values(config_file: str | os.PathLike[str]) -> Mapping[str, Any]:
    """The valid settings one configuration file sets, keyed by ``Settings`` field (from the cache)."""
    parsed = _parsed(Path(config_file))
    return parsed.values if parsed is not None and parsed.has_table else {}
