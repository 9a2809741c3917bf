"""Turning the arguments of ``baes check`` and ``baes fix`` into per-file settings.

Command-line selection goes through the same validation as project files
(``baes.settings.loader.validate_mapping``): ``--select`` replaces the configured selection,
``--extend-select`` and ``--ignore`` add to it, ``--profile`` replaces the profile.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from baes.settings.config import Settings
from baes.settings.loader import (
    LoadedSettings,
    SettingsMessage,
    find_config_file,
    load_config_file,
    load_settings,
    validate_mapping,
)

COMMAND_LINE = "command line"


@dataclass(frozen=True)
class SelectionOverrides:
    """Rule selection given on the command line, applied on top of each file's settings."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    profile: str | None = None

    def apply(self, settings: Settings) -> Settings:
        changes: dict[str, object] = {}
        if self.select is not None:
            changes["select"] = self.select
        if self.extend_select:
            changes["extend_select"] = tuple(settings.extend_select) + self.extend_select
        if self.ignore:
            changes["ignore"] = tuple(settings.ignore) + self.ignore
        if self.profile is not None:
            changes["profile"] = self.profile
        return replace(settings, **changes) if changes else settings


def overrides_from_args(args: argparse.Namespace) -> tuple[SelectionOverrides, tuple[SettingsMessage, ...]]:
    """Validate the command line's selection the same way as a config file's."""
    raw: dict[str, object] = {}
    for key, attr in (("select", "select"), ("extend-select", "extend_select"), ("ignore", "ignore"), ("profile", "profile")):
        value = getattr(args, attr, None)
        if value is not None:
            raw[key] = value
    values, messages = validate_mapping(raw, COMMAND_LINE)
    overrides = SelectionOverrides(
        select=values.get("select"),
        extend_select=tuple(values.get("extend_select", ())),
        ignore=tuple(values.get("ignore", ())),
        profile=values.get("profile"),
    )
    return overrides, messages


@dataclass
class SettingsResolver:
    """Settings for each file: its nearest project's (or ``--config``'s), with the overrides on top.

    Results are cached per folder; every distinct message is kept once for the report.
    """

    overrides: SelectionOverrides = field(default_factory=SelectionOverrides)
    config_file: str | None = None
    _by_folder: dict[str, LoadedSettings] = field(default_factory=dict)
    _by_config: dict[str | None, LoadedSettings] = field(default_factory=dict)
    _nearest: dict[str, Path | None] = field(default_factory=dict)
    _applied: dict[int, Settings] = field(default_factory=dict)
    _messages: dict[str, SettingsMessage] = field(default_factory=dict)

    def loaded_for_folder(self, folder: Path) -> LoadedSettings:
        key = os.path.abspath(folder)
        loaded = self._by_folder.get(key)
        if loaded is None:
            config = self.config_file if self.config_file is not None else find_config_file(key, self._nearest)
            config_key = str(config) if config is not None else None
            loaded = self._by_config.get(config_key)
            if loaded is None:
                loaded = load_config_file(config) if config is not None else load_settings(key, memo=self._nearest)
                self._by_config[config_key] = loaded
            self._by_folder[key] = loaded
            for message in loaded.messages:
                self._messages.setdefault(str(message), message)
        return loaded

    def for_file(self, path: Path) -> Settings:
        """One ``Settings`` object per config file, so the engine's per-settings caches hit."""
        base = self.loaded_for_folder(path.parent).settings
        applied = self._applied.get(id(base))
        if applied is None:
            applied = self.overrides.apply(base)
            self._applied[id(base)] = applied
        return applied

    def excludes_for(self, folder: Path) -> tuple[Sequence[str], str | None]:
        settings = self.loaded_for_folder(folder).settings
        return settings.exclude, settings.root

    @property
    def messages(self) -> tuple[SettingsMessage, ...]:
        return tuple(self._messages.values())


def resolver_from_args(args: argparse.Namespace) -> tuple[SettingsResolver, tuple[SettingsMessage, ...]]:
    """The resolver for these arguments and the messages about the command line itself."""
    overrides, messages = overrides_from_args(args)
    return SettingsResolver(overrides=overrides, config_file=getattr(args, "config", None)), messages


def default_jobs(requested: int | None) -> int:
    """Worker processes to use: the request, else every core."""
    if requested is not None:
        return max(1, requested)
    return max(1, os.cpu_count() or 1)
