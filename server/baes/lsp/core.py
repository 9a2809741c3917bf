"""Lazy access to the core modules the server sits on.

Nothing heavy is imported when the server starts: each core module is imported the first
time a feature needs it. A core module that is missing (or fails to import) becomes one
``CoreUnavailable`` error naming it, which handlers turn into a clear error answer.
"""
from __future__ import annotations

import importlib
from types import ModuleType


class CoreUnavailable(RuntimeError):
    """A core module the feature needs cannot be imported."""


def module(name: str) -> ModuleType:
    """Import ``name`` (cached by Python after the first call) or raise ``CoreUnavailable``."""
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise CoreUnavailable(f"{name} is not available in this installation of baes: {exc}") from exc


def attribute(module_name: str, name: str):
    """``module_name.name``, or ``CoreUnavailable`` when either is missing."""
    found = getattr(module(module_name), name, None)
    if found is None:
        raise CoreUnavailable(f"{module_name}.{name} is not available in this installation of baes")
    return found
