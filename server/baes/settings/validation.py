"""Validating settings mappings (``[tool.baes]`` tables, ``baes.toml``, editor settings) into ``Settings``.

Keys are kebab-case; snake_case and camelCase spellings (as editors send them) are accepted
too. Every key and value is validated: a bad value gives a ``SettingsMessage`` naming the
source and the key, and that key keeps its default. Nothing here raises on user input.
Rule options are checked against each rule's typed options dataclass.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from baes.settings.config import FLAG_NAMES, FeatureFlags, Settings
from baes.standards.findings import Severity
from baes.standards.options import RuleOptions
from baes.standards.options import validate as validate_options
from baes.standards.rule import PROFILES
from baes.swea import SWEAType

_SELECTOR_SHAPE = re.compile(r"^(ALL|[A-Z]{1,4}[0-9]{0,4})$")


@dataclass(frozen=True)
class SettingsMessage:
    """One problem found in a configuration source, for stderr or an editor notification."""

    source: str  # config file path, or a label such as "editor settings"
    key: str | None  # the offending key (dotted for nested keys), None for the whole source
    text: str

    def __str__(self) -> str:
        where = f"{self.source}: {self.key}" if self.key else self.source
        return f"{where}: {self.text}"


@dataclass(frozen=True)
class LoadedSettings:
    """Settings plus what was wrong with their sources (empty when all was valid)."""

    settings: Settings
    messages: tuple[SettingsMessage, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.messages


# --------------------------------------------------------------------------- catalog access


@dataclass(frozen=True)
class _Catalog:
    """Rule ids and option defaults, when the rule catalog is importable."""

    ids: tuple[str, ...]
    # each rule's options type (a frozen dataclass): what ``[rules.<ID>]`` tables are checked against
    options: Mapping[str, type[RuleOptions]]


_catalog_cache: list[_Catalog | None] = []


def forget_catalog() -> None:
    """Read the rule catalog again at the next validation (tests that change it, a reload)."""
    _catalog_cache.clear()


def _catalog() -> _Catalog | None:
    if not _catalog_cache:
        try:
            # lazy: the catalog (every rule module) takes 93 ms to import (python -X importtime), which
            # the language server would pay at start-up before any settings are validated
            from baes.standards.catalog import all_rules

            rules = all_rules()
            catalog: _Catalog | None = _Catalog(
                ids=tuple(rule.id for rule in rules),
                options={rule.id: type(rule.options) for rule in rules},
            )
        except Exception:  # the catalog is optional for validation; shape checks still apply
            catalog = None
        _catalog_cache.append(catalog)
    return _catalog_cache[0]


# --------------------------------------------------------------------------- key validation


class _Collector:
    """Collects messages for one source."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.messages: list[SettingsMessage] = []

    def add(self, key: str | None, text: str) -> None:
        self.messages.append(SettingsMessage(self.source, key, text))


def normalize_key(key: str) -> str:
    """``perFileIgnores`` / ``per_file_ignores`` / ``per-file-ignores`` → ``per-file-ignores``."""
    text = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", str(key))
    return text.replace("_", "-").lower()


def _check_selector(selector: Any) -> str | None:
    """A rule id or prefix in canonical form, or ``None`` when it names no rule."""
    if not isinstance(selector, str):
        return None
    text = selector.strip().upper()
    if not _SELECTOR_SHAPE.match(text):
        return None
    catalog = _catalog()
    if catalog is not None and text != "ALL" and not any(rule_id.startswith(text) for rule_id in catalog.ids):
        return None
    return text


def _suggest(selector: str) -> str:
    catalog = _catalog()
    if catalog is None:
        return ""
    import difflib

    close = difflib.get_close_matches(selector.strip().upper(), catalog.ids, n=3, cutoff=0.6)
    return f" (did you mean {', '.join(close)}?)" if close else ""


def _selector_list(value: Any, key: str, out: _Collector) -> tuple[str, ...] | None:
    """Validate a list of selectors; unknown entries are dropped with a message."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        out.add(key, f"expected a list of rule ids or prefixes, got {type(value).__name__}; using the default")
        return None
    kept: list[str] = []
    for item in value:
        checked = _check_selector(item)
        if checked is None:
            out.add(key, f"unknown rule id or prefix {item!r}{_suggest(str(item))}; ignored")
        elif checked not in kept:
            kept.append(checked)
    if value and not kept:
        out.add(key, "no valid rule id or prefix left; using the default")
        return None
    return tuple(kept)


def _glob_table(
    value: Any, key: str, out: _Collector, expected: str, convert: Callable[[Any, str], Any]
) -> dict[str, Any] | None:
    """A table keyed by glob patterns; ``convert(item, where)`` validates each value (``None``: dropped)."""
    if not isinstance(value, Mapping):
        out.add(key, f"expected a table of {expected}; using the default")
        return None
    result: dict[str, Any] = {}
    for glob, item in value.items():
        if not isinstance(glob, str) or not glob.strip():
            out.add(key, f"expected a non-empty glob pattern as key, got {glob!r}; ignored")
            continue
        checked = convert(item, f"{key}.{glob}")
        if checked is not None:
            result[glob.strip()] = checked
    return result


def _v_per_file_ignores(value: Any, key: str, out: _Collector) -> Any:
    return _glob_table(value, key, out, "glob = [rule ids]", lambda item, where: _selector_list(item, where, out))


def _v_severity(value: Any, key: str, out: _Collector) -> Any:
    if not isinstance(value, Mapping):
        out.add(key, "expected a table of rule id or prefix = error|warning|info|hint; using the default")
        return None
    result: dict[str, Severity] = {}
    for selector, level in value.items():
        checked = _check_selector(selector)
        if checked is None:
            out.add(f"{key}.{selector}", f"unknown rule id or prefix {selector!r}{_suggest(str(selector))}; ignored")
            continue
        try:
            result[checked] = Severity.parse(str(level))
        except ValueError:
            out.add(f"{key}.{selector}", f"unknown severity {level!r}; expected error, warning, info or hint; ignored")
    return result


def _v_profile(value: Any, key: str, out: _Collector) -> Any:

    text = value.strip().lower() if isinstance(value, str) else None
    if text not in PROFILES:
        out.add(key, f"unknown profile {value!r}; expected one of {', '.join(PROFILES)}; using the default")
        return None
    return text


def _v_rules(value: Any, key: str, out: _Collector) -> Any:
    if not isinstance(value, Mapping):
        out.add(key, "expected tables [rules.<RULE_ID>] of option = value; using the default")
        return None
    catalog = _catalog()
    result: dict[str, dict[str, Any]] = {}
    for rule_id, options in value.items():
        where = f"{key}.{rule_id}"
        text = str(rule_id).strip().upper()
        if not re.match(r"^[A-Z]{1,4}[0-9]{1,4}$", text) or (catalog is not None and text not in catalog.ids):
            out.add(where, f"unknown rule id {rule_id!r}{_suggest(str(rule_id))}; ignored")
            continue
        if not isinstance(options, Mapping):
            out.add(where, "expected a table of option = value; ignored")
            continue
        if catalog is None:  # no catalog to check against: keep the table as given
            result[text] = {str(name).replace("-", "_"): option for name, option in options.items()}
            continue
        kept, problems = validate_options(catalog.options[text], options)
        for name, problem in problems:
            out.add(f"{where}.{name}", f"{text} has {problem}" if problem.startswith("no option") else problem)
        result[text] = kept
    return result


def _v_swea_overrides(value: Any, key: str, out: _Collector) -> Any:
    def swea(kind: Any, where: str) -> str | None:
        try:
            return SWEAType.parse(kind).value
        except ValueError as exc:
            out.add(where, f"{exc}; ignored")
            return None

    return _glob_table(value, key, out, "glob = backend|database|frontend|test", swea)


def _v_exclude(value: Any, key: str, out: _Collector) -> Any:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        out.add(key, f"expected a list of glob patterns, got {type(value).__name__}; using the default")
        return None
    kept = []
    for item in value:
        if isinstance(item, str) and item.strip():
            kept.append(item.strip())
        else:
            out.add(key, f"expected a non-empty glob pattern, got {item!r}; ignored")
    return tuple(kept)


# config key -> (Settings field, validator)
_KEYS: dict[str, tuple[str, Callable[[Any, str, _Collector], Any]]] = {
    "select": ("select", _selector_list),
    "ignore": ("ignore", _selector_list),
    "extend-select": ("extend_select", _selector_list),
    "per-file-ignores": ("per_file_ignores", _v_per_file_ignores),
    "severity": ("severity", _v_severity),
    "profile": ("profile", _v_profile),
    "rules": ("rule_options", _v_rules),
    "rule-options": ("rule_options", _v_rules),
    "swea-overrides": ("swea_overrides", _v_swea_overrides),
    "exclude": ("exclude", _v_exclude),
}

# Documented keys, in the order docs/configuration.md lists them.
CONFIG_KEYS: tuple[str, ...] = (
    "select",
    "extend-select",
    "ignore",
    "per-file-ignores",
    "severity",
    "profile",
    "rules",
    "swea-overrides",
    "exclude",
)


def validate_mapping(
    mapping: Any, source: str, *, allow_flags: bool = False
) -> tuple[dict[str, Any], tuple[SettingsMessage, ...]]:
    """Validate a settings table: the valid ``Settings`` field values, and messages for the rest.

    ``allow_flags`` accepts the ``ENABLE_*`` feature flags as keys (editor settings may carry
    them; project files may not: flags come from the environment).
    """
    out = _Collector(source)
    values: dict[str, Any] = {}
    if not isinstance(mapping, Mapping):
        out.add(None, f"expected a table of settings, got {type(mapping).__name__}; using the defaults")
        return values, tuple(out.messages)
    flag_values: dict[str, Any] = {}
    for raw_key, value in mapping.items():
        key_text = str(raw_key)
        flag_name = key_text.upper().replace("-", "_")
        if flag_name in FLAG_NAMES:
            if allow_flags:
                flag_values[flag_name] = value
            else:
                out.add(key_text, "feature flags are read from the environment, not from project files; ignored")
            continue
        key = normalize_key(key_text)
        entry = _KEYS.get(key)
        if entry is None:
            hint = ""
            if key == "tool":
                hint = " (in baes.toml the keys go at the top level, without [tool.baes])"
            else:
                import difflib

                close = difflib.get_close_matches(key, CONFIG_KEYS, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
            out.add(key_text, f"unknown key{hint}; ignored")
            continue
        field_name, validator = entry
        checked = validator(value, key_text, out)
        if checked is not None:
            values[field_name] = checked
    if flag_values:
        values["__flags__"] = flag_values
    return values, tuple(out.messages)


def apply_values(base: Settings, values: Mapping[str, Any], source: str) -> Settings:
    changes = {name: value for name, value in values.items() if name != "__flags__"}
    if "__flags__" in values:
        changes["flags"] = base.flags.merged(values["__flags__"], source)
    return replace(base, **changes)


def apply_mapping(base: Settings, mapping: Any, source: str, *, allow_flags: bool = True) -> LoadedSettings:
    """``base`` with the valid keys of ``mapping`` (e.g. editor settings) on top, plus messages."""
    values, messages = validate_mapping(mapping, source, allow_flags=allow_flags)
    settings = apply_values(base, values, source)
    flag_messages = tuple(SettingsMessage(source, None, text) for text in settings.flags.errors if text not in base.flags.errors)
    return LoadedSettings(settings, messages + flag_messages)


def settings_from_mapping(mapping: Any, source: str, *, allow_flags: bool = True) -> LoadedSettings:
    """Settings from a mapping alone (defaults elsewhere, flags from the environment)."""
    return apply_mapping(default_settings(), mapping, source, allow_flags=allow_flags)


def default_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """The defaults, with the feature flags of the environment."""
    return Settings(flags=FeatureFlags.from_env(environ))
