"""Rule options: a typed, frozen dataclass per rule whose defaults are declared once.

A rule declares an instance holding its defaults (``Rule.options``); checks read its attributes.
``[tool.baes.rules.<ID>]`` tables are checked against the fields here (``validate``): an unknown
key or a value of the wrong type gives a message and keeps the default, never an error.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

OptionsType = TypeVar("OptionsType", bound="RuleOptions")


@dataclass(frozen=True)
class RuleOptions:
    """The options of a rule without options; rules with options subclass it."""

    def items(self) -> Iterator[tuple[str, Any]]:
        """``(name, value)`` for every option, in declaration order."""
        for f in dataclasses.fields(self):
            yield f.name, getattr(self, f.name)

    def __bool__(self) -> bool:
        return bool(dataclasses.fields(self))

    def merged(self: OptionsType, values: Mapping[str, Any]) -> OptionsType:
        """These options with ``values`` over them (only the valid ones: see ``validate``)."""
        kept, _ = validate(type(self), values)
        return dataclasses.replace(self, **kept) if kept else self


_FIELD_TYPES: dict[type[RuleOptions], dict[str, Any]] = {}


def _field_types(options_type: type[RuleOptions]) -> dict[str, Any]:
    """Field name -> type of an options class (resolved once per class)."""
    types = _FIELD_TYPES.get(options_type)
    if types is None:
        hints = typing.get_type_hints(options_type)
        types = _FIELD_TYPES[options_type] = {f.name: hints[f.name] for f in dataclasses.fields(options_type)}
    return types


def _convert(expected: Any, value: Any) -> tuple[bool, Any]:
    """Whether ``value`` fits the type ``expected``, and the value as that type (a list becomes a tuple)."""
    if expected is bool:
        return isinstance(value, bool), value
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool), value
    if expected is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return ok, float(value) if ok else value
    if expected is str:
        return isinstance(value, str), value
    if typing.get_origin(expected) is tuple:
        (item, *_rest) = typing.get_args(expected)
        if not isinstance(value, (list, tuple)):
            return False, value
        converted = [_convert(item, v) for v in value]
        return all(ok for ok, _ in converted), tuple(v for _, v in converted)
    raise TypeError(f"unsupported option type {expected!r}")  # a rule declared a type this module cannot check


def type_name(expected: Any) -> str:
    """How the documentation and messages name an option's type."""
    if typing.get_origin(expected) is tuple:
        return f"list of {type_name(typing.get_args(expected)[0])}"
    return {bool: "true or false", int: "integer", float: "number", str: "string"}.get(expected, str(expected))


def validate(options_type: type[RuleOptions], values: Mapping[str, Any]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """The valid options in ``values`` (``-`` in names read as ``_``), and ``(key, message)`` for the rest."""
    types = _field_types(options_type)
    kept: dict[str, Any] = {}
    messages: list[tuple[str, str]] = []
    for key, value in values.items():
        name = str(key).replace("-", "_")
        if name not in types:
            known = ", ".join(types) or "none"
            messages.append((str(key), f"no option {key!r} (options: {known}); ignored"))
            continue
        ok, converted = _convert(types[name], value)
        if not ok:
            messages.append((str(key), f"expected {type_name(types[name])}, got {value!r}; using the default"))
            continue
        kept[name] = converted
    return kept, messages


def toml_value(value: Any) -> str:
    """A default as a user writes it in TOML-like Python (tuples shown as lists)."""
    if isinstance(value, tuple):
        return repr(list(value))
    return repr(value)
