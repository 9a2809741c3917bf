"""Configuration: the reference's ``ENABLE_*`` feature flags and the typed project settings.

Two sources, one typed object each:

* ``FeatureFlags`` — the six ``ENABLE_*`` switches of the API reference, read from the
  environment. Each is a real ``bool`` (the original compared a bool with the string
  ``"true"``, so its documented check was always false). Values accepted in any case:
  true/false, 1/0, yes/no, on/off. Anything else falls back to the default (on) with a
  warning collected in ``FeatureFlags.errors``.
* ``Settings`` — what ``[tool.baes]`` in the nearest ``pyproject.toml`` (or ``baes.toml``)
  and editor settings say: rule selection, severities, profile and rule options.

Loading and discovering project settings lives in ``baes.settings.loader`` so this module
stays a cheap, dependency-free import for every layer.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from baes.standards.findings import Severity

_TRUE = frozenset({"1", "true", "yes", "on", "y", "t"})
_FALSE = frozenset({"0", "false", "no", "off", "n", "f"})

FLAG_NAMES: tuple[str, ...] = (
    "ENABLE_TEMPLATES",
    "ENABLE_RULE_VALIDATION",
    "ENABLE_RECOGNITION_CACHE",
    "ENABLE_COMPRESSED_STANDARDS",
    "ENABLE_PARALLEL_EXECUTION",
    "ENABLE_SMART_RETRY",
)


def parse_bool(value: Any) -> bool:
    """Parse a boolean the way users write it; raise ``ValueError`` on anything else."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(f"expected true/false, 1/0, yes/no or on/off, got {value!r}")


@dataclass(frozen=True)
class FeatureFlags:
    """The six optimisation switches of the API reference, all on by default."""

    ENABLE_TEMPLATES: bool = True
    ENABLE_RULE_VALIDATION: bool = True
    ENABLE_RECOGNITION_CACHE: bool = True
    ENABLE_COMPRESSED_STANDARDS: bool = True
    ENABLE_PARALLEL_EXECUTION: bool = True
    ENABLE_SMART_RETRY: bool = True
    errors: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any], source: str = "environment") -> FeatureFlags:
        """Read the flags from ``values`` (the environment, or editor settings)."""
        parsed: dict[str, bool] = {}
        errors: list[str] = []
        for name in FLAG_NAMES:
            if name not in values or values[name] in (None, ""):
                continue
            try:
                parsed[name] = parse_bool(values[name])
            except ValueError as exc:
                errors.append(f"{source}: {name}: {exc}; using the default (true)")
        return cls(**parsed, errors=tuple(errors))

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> FeatureFlags:
        return cls.from_mapping(os.environ if environ is None else environ)

    def merged(self, overrides: Mapping[str, Any], source: str) -> FeatureFlags:
        """These flags with ``overrides`` (e.g. editor settings) applied on top."""
        base = {name: getattr(self, name) for name in FLAG_NAMES}
        other = FeatureFlags.from_mapping(overrides, source)
        for name in FLAG_NAMES:
            if name in overrides and overrides[name] not in (None, ""):
                base[name] = getattr(other, name)
        return FeatureFlags(**base, errors=self.errors + other.errors)

    def as_dict(self) -> dict[str, bool]:
        return {name: getattr(self, name) for name in FLAG_NAMES}


def current_flags() -> FeatureFlags:
    """Flags from the current environment (read each call, so tests and servers can change it)."""
    return FeatureFlags.from_env()


class FlagValue:
    """A flag's value that behaves as a bool and also compares equal to its spellings.

    ``if Config.ENABLE_TEMPLATES:`` and the reference's own ``Config.ENABLE_TEMPLATES == "true"``
    both give the right answer, so the original's always-false comparison cannot happen.
    """

    __slots__ = ("name", "value")

    def __init__(self, name: str, value: bool) -> None:
        self.name = name
        self.value = bool(value)

    def __bool__(self) -> bool:
        return self.value

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FlagValue):
            return self.value == other.value
        if isinstance(other, (bool, int, str)):
            try:
                return self.value == parse_bool(other)
            except ValueError:
                return False
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.value)

    def __repr__(self) -> str:
        return repr(self.value)

    def __str__(self) -> str:
        return "true" if self.value else "false"


def __getattr__(name: str) -> FlagValue:
    # ``baes.settings.config.ENABLE_TEMPLATES`` gives the environment's value at the time of the lookup.
    if name in FLAG_NAMES:
        return FlagValue(name, getattr(current_flags(), name))
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class _ConfigMeta(type):
    def __getattr__(cls, name: str) -> FlagValue:
        if name in FLAG_NAMES:
            return FlagValue(name, getattr(current_flags(), name))
        raise AttributeError(f"Config has no attribute {name!r}")


class Config(metaclass=_ConfigMeta):
    """Class-style access as in the reference's examples: ``Config.ENABLE_TEMPLATES``."""

    def __getattr__(self, name: str) -> FlagValue:
        return getattr(type(self), name)


@dataclass(frozen=True)
class Settings:
    """Typed, defaulted project settings (``[tool.baes]`` merged with editor settings).

    Rule selectors are rule ids or prefixes (``"BE"``, ``"BE0"``, ``"BE002"``) or ``"ALL"``,
    as in ruff. Resolution order: the profile's rules (or ``select`` when given), plus
    ``extend_select``, minus ``ignore``, minus the matching ``per_file_ignores``.
    """

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    # glob (matched against the path relative to the config file's folder, and the file name) -> selectors
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # rule id or prefix -> severity
    severity: Mapping[str, Severity] = field(default_factory=dict)
    # "default" (precise rules for everyday code), "strict" (every rule), "generated" (the
    # contract of BAES-generated applications, as the generation pipeline validates them)
    profile: str = "default"
    # rule id -> {option name: value}
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    # glob -> SWEA type value, overriding detection for matching files
    swea_overrides: Mapping[str, str] = field(default_factory=dict)
    # extra globs the CLI skips when walking folders (beside .git, virtualenvs, build output)
    exclude: tuple[str, ...] = ()
    flags: FeatureFlags = field(default_factory=FeatureFlags)
    # folder of the config file these settings came from (globs are relative to it); None for defaults
    root: str | None = None
    # the config file itself, for messages and debug information
    config_file: str | None = None

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))
