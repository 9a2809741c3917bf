"""Settings per document: editor settings (initialization options and ``workspace/configuration``
per folder) on top of the project's ``[tool.baes]``, validated by ``baes.settings.loader``.

Editor-only keys (enable, run, debounceMs, logLevel, llm) are checked here; everything else
(select, ignore, extendSelect, severity, profile, ENABLE_* ...) goes through
``settings_loader.apply_mapping``, the same validation as project files. Bad values give a
message and keep their default. The LLM API key never comes from settings.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from pygls.uris import to_fs_path

from baes.lsp.log import LEVELS
from baes.settings import loader as settings_loader
from baes.settings.config import Settings, parse_bool
from baes.settings.preference import plan_layers, split_preference

SECTION = "baes"
RUN_MODES = ("onType", "onSave")
DEFAULT_DEBOUNCE_MS = 150
MAX_DEBOUNCE_MS = 60_000
_EDITOR_KEYS = frozenset({"enable", "run", "debounce-ms", "log-level", "llm", "api-key", "llm-api-key"})


@dataclass(frozen=True)
class EditorSettings:
    """What only the editor sets: whether and when to lint, logging and the LLM endpoint."""

    enable: bool = True
    run: str = "onType"
    debounce_ms: int = DEFAULT_DEBOUNCE_MS
    log_level: str = "info"
    llm_base_url: str | None = None
    llm_model: str | None = None


@dataclass(frozen=True)
class ResolvedSettings:
    """Everything in force for one document, plus what was wrong with its sources."""

    editor: EditorSettings
    settings: Settings
    messages: tuple[str, ...] = ()
    folder_uri: str | None = None
    fingerprint: str = field(default="", compare=False)


def _clean(mapping: Any) -> dict[str, Any]:
    """Drop unset values (``None``, empty lists and tables): editors send every key they know."""
    if not isinstance(mapping, Mapping):
        return {}
    return {str(k): v for k, v in mapping.items() if v is not None and v != [] and v != {}}


def _merge(*layers: Mapping[str, Any]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for layer in layers:
        merged.update(_clean(layer))
    return merged


def parse_editor_settings(mapping: Mapping[str, Any], source: str) -> tuple[EditorSettings, dict[str, Any], list[str]]:
    """Split ``mapping`` into editor-only settings, the rest (for settings_loader) and messages."""
    values: dict[str, Any] = {}
    rest: dict[str, Any] = {}
    messages: list[str] = []
    for raw_key, value in mapping.items():
        key = settings_loader.normalize_key(raw_key)
        if key not in _EDITOR_KEYS:
            rest[raw_key] = value
            continue
        where = f"{source}: {raw_key}"
        if key == "enable":
            try:
                values["enable"] = parse_bool(value)
            except ValueError as exc:
                messages.append(f"{where}: {exc}; using the default (true)")
        elif key == "run":
            if value in RUN_MODES:
                values["run"] = value
            else:
                messages.append(f"{where}: expected 'onType' or 'onSave', got {value!r}; using the default (onType)")
        elif key == "debounce-ms":
            if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= MAX_DEBOUNCE_MS:
                values["debounce_ms"] = int(value)
            else:
                messages.append(
                    f"{where}: expected a number of milliseconds from 0 to {MAX_DEBOUNCE_MS}, got {value!r}; "
                    f"using the default ({DEFAULT_DEBOUNCE_MS})"
                )
        elif key == "log-level":
            if isinstance(value, str) and value.strip().lower() in LEVELS:
                values["log_level"] = value.strip().lower()
            else:
                messages.append(f"{where}: expected one of {', '.join(sorted(LEVELS))}, got {value!r}; using 'info'")
        elif key == "llm":
            _parse_llm(value, where, values, messages)
        else:
            messages.append(f"{where}: the API key is never read from settings (use BAES_LLM_API_KEY); ignored")
    return EditorSettings(**values), rest, messages


def _parse_llm(value: Any, where: str, values: dict[str, Any], messages: list[str]) -> None:
    if not isinstance(value, Mapping):
        messages.append(f"{where}: expected an object {{baseUrl, model}}; ignored")
        return
    for raw_key, item in value.items():
        key = settings_loader.normalize_key(raw_key)
        if key == "base-url":
            parsed = urlparse(item) if isinstance(item, str) else None
            if parsed is not None and parsed.scheme in ("http", "https") and parsed.netloc:
                values["llm_base_url"] = item
            else:
                messages.append(f"{where}.{raw_key}: expected an http(s) URL, got {item!r}; ignored")
        elif key == "model":
            if isinstance(item, str) and item.strip():
                values["llm_model"] = item.strip()
            else:
                messages.append(f"{where}.{raw_key}: expected a model name, got {item!r}; ignored")
        elif key in ("api-key", "llm-api-key"):
            messages.append(f"{where}.{raw_key}: the API key is never read from settings (use BAES_LLM_API_KEY); ignored")
        else:
            messages.append(f"{where}.{raw_key}: unknown key; ignored")


def uri_to_path(uri: str) -> str | None:
    """The file-system path of a ``file:`` URI, ``None`` for any other scheme (``untitled:`` ...)."""
    if not uri.startswith("file:"):
        return None
    try:
        return to_fs_path(uri)
    except Exception:  # a malformed URI is simply not a file
        return None


def _fingerprint(editor: EditorSettings, settings: Settings) -> str:
    return hashlib.sha1(repr((editor, settings)).encode("utf-8", "replace")).hexdigest()[:16]


class ConfigurationStore:
    """Holds the editor's setting layers and resolves them, with the project's, for a document."""

    def __init__(self) -> None:
        self.initialization: dict[str, Any] = {}
        self.global_settings: dict[str, Any] = {}
        self.folders: dict[str, dict[str, Any]] = {}
        self.generation = 0

    def set_initialization_options(self, options: Any) -> None:
        """Take ``initializationOptions``: ``{settings: {...}, llmApiKey?}`` or the settings themselves."""
        if not isinstance(options, Mapping):
            return
        api_key = options.get("llmApiKey") or options.get("apiKey")
        if isinstance(api_key, str) and api_key:
            # The VS Code extension sends it from its SecretStorage; the core reads the environment.
            os.environ["BAES_LLM_API_KEY"] = api_key
        inner = options.get("settings")
        raw = inner if isinstance(inner, Mapping) else options
        settings = {k: v for k, v in raw.items() if k not in ("llmApiKey", "apiKey", "settings")}
        # An extension may send {"baes": {...}} as in its own configuration tree.
        if isinstance(settings.get(SECTION), Mapping):
            settings = dict(settings[SECTION])
        self.initialization = _clean(settings)
        self.generation += 1

    def set_global(self, mapping: Any) -> None:
        self.global_settings = _clean(mapping)
        self.generation += 1

    def set_folder(self, folder_uri: str, mapping: Any) -> None:
        self.folders[folder_uri] = _clean(mapping)
        self.generation += 1

    def forget_folder(self, folder_uri: str) -> None:
        self.folders.pop(folder_uri, None)
        self.generation += 1

    @staticmethod
    def folder_for(uri: str, folder_uris: Sequence[str]) -> str | None:
        """The innermost workspace folder holding ``uri`` (nested folders: the deepest wins)."""
        best: str | None = None
        for folder in folder_uris:
            prefix = folder.rstrip("/") + "/"
            if uri.startswith(prefix) or uri == folder.rstrip("/"):
                if best is None or len(folder) > len(best):
                    best = folder
        return best

    def resolve(self, uri: str, folder_uris: Sequence[str]) -> ResolvedSettings:
        """The settings for ``uri``: project config nearest the file, editor settings on top."""
        folder = self.folder_for(uri, folder_uris)
        mapping = _merge(self.initialization, self.global_settings, self.folders.get(folder, {}) if folder else {})
        source = f"editor settings ({folder})" if folder else "editor settings"
        preference, mapping, preference_messages = split_preference(mapping, source)
        editor, rest, messages = parse_editor_settings(mapping, source)
        path = uri_to_path(uri)
        anchor = path if path is not None else (uri_to_path(folder) if folder else None)
        if anchor is not None:
            project = settings_loader.load_settings(anchor)
        else:
            base = settings_loader.default_settings()
            project = settings_loader.LoadedSettings(base, ())
        config_file = project.settings.config_file
        layers = plan_layers(settings_loader.project_values(config_file) if config_file else None, rest, preference)
        if not layers.use_project and config_file:
            # editorOnly: the project's file and its messages are ignored; the environment's flags stay.
            base = settings_loader.default_settings()
            environment = tuple(m for m in project.messages if m.source == "environment")
            project = settings_loader.LoadedSettings(base, environment)
        rest = dict(layers.editor)
        loaded = settings_loader.apply_mapping(project.settings, rest, source, allow_flags=True) if rest else project
        all_messages = tuple(str(m) for m in project.messages) + tuple(str(m) for m in preference_messages) + tuple(messages)
        if loaded is not project:
            all_messages += tuple(str(m) for m in loaded.messages)
        settings = loaded.settings
        return ResolvedSettings(
            editor=editor,
            settings=settings,
            messages=all_messages,
            folder_uri=folder,
            fingerprint=_fingerprint(editor, settings),
        )
