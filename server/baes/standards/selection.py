"""Which rules are in force for a file, with what severity and options, from ``Settings``.

Ruff-style selectors: a rule id, a prefix (``"BE"``, ``"BE0"``) or ``"ALL"``. Resolution: the
profile's rules (or exactly ``select`` when given), plus ``extend_select``, minus ``ignore``,
minus the ``per_file_ignores`` whose glob matches the file (relative to ``settings.root``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from contextlib import suppress
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import PurePath, PurePosixPath
from typing import Any

from baes.settings.config import Settings
from baes.standards.catalog import all_rules
from baes.standards.findings import Severity
from baes.standards.options import RuleOptions
from baes.standards.rule import PROFILES, Rule


@dataclass(frozen=True)
class SelectedRule:
    """A rule in force, with the severity and options the settings give it."""

    rule: Rule
    severity: Severity
    options: RuleOptions


def selector_matches(selector: str, rule_id: str) -> bool:
    text = selector.strip().upper()
    return text == "ALL" or (bool(text) and rule_id.startswith(text))


def _matches_any(selectors: Iterable[str], rule_id: str) -> bool:
    return any(selector_matches(s, rule_id) for s in selectors)


def profile_rules(profile: str) -> tuple[Rule, ...]:
    """The rules of a profile; ``strict`` holds every rule; an unknown name means ``default``."""
    name = profile if profile in PROFILES else "default"
    if name == "strict":
        return all_rules()
    return tuple(r for r in all_rules() if name in r.profiles)


def _severity_for(rule: Rule, overrides: Mapping[str, Any]) -> Severity:
    best: tuple[int, Severity] | None = None
    for selector, value in overrides.items():
        if selector_matches(selector, rule.id):
            length = 0 if selector.strip().upper() == "ALL" else len(selector.strip())
            try:
                severity = Severity.parse(value)
            except ValueError:
                continue
            if best is None or length >= best[0]:
                best = (length, severity)
    return best[1] if best else rule.severity


_BASE_CACHE: dict[int, tuple[Settings, tuple[SelectedRule, ...]]] = {}


def _base_selection(settings: Settings) -> tuple[SelectedRule, ...]:
    cached = _BASE_CACHE.get(id(settings))
    if cached is not None and cached[0] is settings:
        return cached[1]
    if settings.select is not None:
        chosen = [r for r in all_rules() if _matches_any(settings.select, r.id)]
    else:
        chosen = list(profile_rules(settings.profile))
    chosen += [r for r in all_rules() if _matches_any(settings.extend_select, r.id) and r not in chosen]
    chosen = [r for r in chosen if not _matches_any(settings.ignore, r.id)]
    result = tuple(
        SelectedRule(
            rule=r,
            severity=_severity_for(r, settings.severity),
            options=r.options_with(settings.rule_options.get(r.id, {})),
        )
        for r in sorted(chosen, key=lambda r: r.id)
    )
    if len(_BASE_CACHE) > 64:
        _BASE_CACHE.clear()
    _BASE_CACHE[id(settings)] = (settings, result)
    return result


def relative_path(path: str | os.PathLike[str] | None, root: str | None) -> str | None:
    """``path`` relative to ``root`` in POSIX form (the path itself when outside ``root``)."""
    if path is None:
        return None
    p = PurePath(os.fspath(path))
    if root:
        with suppress(ValueError):  # another drive on Windows: keep the path as given
            p = PurePath(os.path.relpath(os.path.abspath(os.fspath(p)), os.path.abspath(root)))
    return PurePosixPath(*p.parts).as_posix() if p.parts else p.as_posix()


def path_matches(pattern: str, relative: str) -> bool:
    """Glob match against the relative path and the file name; ``**/`` also matches no folder."""
    name = PurePosixPath(relative).name
    candidates = {pattern, pattern.rstrip("/")}
    if pattern.startswith("**/"):
        candidates.add(pattern[3:])
    if pattern.endswith("/**") or pattern.endswith("/"):
        candidates.add(pattern.rstrip("/*").rstrip("/") + "/*")
    return any(fnmatchcase(relative, c) or fnmatchcase(name, c) for c in candidates)


def file_ignores(settings: Settings, path: str | os.PathLike[str] | None) -> tuple[str, ...]:
    if path is None or not settings.per_file_ignores:
        return ()
    relative = relative_path(path, settings.root) or ""
    selectors: list[str] = []
    for pattern, codes in settings.per_file_ignores.items():
        if path_matches(pattern, relative):
            selectors += list(codes)
    return tuple(selectors)


def rules_in_force(settings: Settings, path: str | os.PathLike[str] | None = None) -> tuple[SelectedRule, ...]:
    """The selected rules for a file at ``path`` (before SWEA scoping and suppressions)."""
    base = _base_selection(settings)
    ignored = file_ignores(settings, path)
    if not ignored:
        return base
    return tuple(s for s in base if not _matches_any(ignored, s.rule.id))
