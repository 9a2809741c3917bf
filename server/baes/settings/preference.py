"""Who wins when editor settings and the project's ``[tool.baes]`` / ``baes.toml`` set the same key.

Editors send only the settings their user set (the VS Code extension asks ``inspect()``), and
``configurationPreference`` says how those meet the project's file, as in ruff's server:

- ``editorFirst`` (the default): the project's settings, with every editor key on top;
- ``filesystemFirst``: the project's settings, with only the editor keys the project does not set;
- ``editorOnly``: the defaults, with every editor key on top; the project's file is ignored.

The merge works on keys, never inside a value: with ``filesystemFirst`` a project ``severity``
table replaces the editor's whole ``severity``, as a project ``select`` replaces the editor's.
Pure: it decides what to apply; ``baes.settings.loader`` reads and validates both layers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from baes.settings.validation import CONFIG_KEYS, SettingsMessage, normalize_key


class ConfigurationPreference(StrEnum):
    """The values of the ``configurationPreference`` editor setting."""

    EDITOR_FIRST = "editorFirst"
    FILESYSTEM_FIRST = "filesystemFirst"
    EDITOR_ONLY = "editorOnly"


DEFAULT_PREFERENCE = ConfigurationPreference.EDITOR_FIRST
PREFERENCE_KEY = "configuration-preference"  # as normalize_key spells it; editors send camelCase

# Spellings of one project setting (``[tool.baes.rules]`` and ``rule-options`` fill the same field).
_ALIASES: Mapping[str, str] = {"rule-options": "rules"}


def setting_name(key: str) -> str:
    """The one name of a project setting, from any spelling: ``extendSelect``, ``extend_select``,
    ``extend-select`` → ``extend-select``; ``rule_options`` / ``rule-options`` → ``rules``.

    ``Settings`` field names map too, so the loader's validated values can be passed as they are.
    """
    key = normalize_key(key)
    return _ALIASES.get(key, key)


def parse_preference(value: Any, source: str) -> tuple[ConfigurationPreference, tuple[SettingsMessage, ...]]:
    """The preference named by ``value`` (``None``: the default); anything else gives a message."""
    if value is None:
        return DEFAULT_PREFERENCE, ()
    for preference in ConfigurationPreference:
        if value == preference.value:
            return preference, ()
    allowed = ", ".join(p.value for p in ConfigurationPreference)
    message = SettingsMessage(
        source, "configurationPreference", f"expected one of {allowed}, got {value!r}; using {DEFAULT_PREFERENCE.value}"
    )
    return DEFAULT_PREFERENCE, (message,)


def split_preference(
    editor: Mapping[str, Any], source: str
) -> tuple[ConfigurationPreference, dict[str, Any], tuple[SettingsMessage, ...]]:
    """Take ``configurationPreference`` out of the editor's mapping (the rest is the settings).

    It has to go before the mapping is validated, which would call it an unknown key.
    """
    rest: dict[str, Any] = {}
    value: Any = None
    for key, item in editor.items():
        if normalize_key(key) == PREFERENCE_KEY:
            value = item
        else:
            rest[key] = item
    preference, messages = parse_preference(value, source)
    return preference, rest, messages


@dataclass(frozen=True)
class Layers:
    """What to apply for one document, in order: the project's file (or the defaults), then ``editor``."""

    preference: ConfigurationPreference
    use_project: bool
    editor: Mapping[str, Any]
    # Editor keys left out because the project sets them (``filesystemFirst``): for debug output.
    overridden: tuple[str, ...] = ()


def plan_layers(
    project: Mapping[str, Any] | None,
    editor: Mapping[str, Any],
    preference: ConfigurationPreference = DEFAULT_PREFERENCE,
) -> Layers:
    """The layers for ``preference``, given the project's settings and the editor's.

    ``project`` is the project's ``[tool.baes]`` table (raw, or the loader's validated values,
    keyed by ``Settings`` field names; ``None`` when there is no configuration file); only its
    keys matter. ``editor`` holds the keys the user set in the editor, without
    ``configurationPreference`` (see ``split_preference``). Editor-only keys (``run``,
    ``debounceMs``, ``ENABLE_*`` ...) are never project settings, so they always pass.
    """
    if preference is ConfigurationPreference.EDITOR_ONLY:
        return Layers(preference, use_project=False, editor=dict(editor))
    if preference is ConfigurationPreference.EDITOR_FIRST or not project:
        return Layers(preference, use_project=True, editor=dict(editor))
    project_settings = {setting_name(key) for key in project} & set(CONFIG_KEYS)
    kept: dict[str, Any] = {}
    overridden: list[str] = []
    for key, value in editor.items():
        if setting_name(key) in project_settings:
            overridden.append(key)
        else:
            kept[key] = value
    return Layers(preference, use_project=True, editor=kept, overridden=tuple(overridden))
