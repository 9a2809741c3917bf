"""The entity specification: what the recognizer produces and the scaffolder consumes.

Names are validated as Python identifiers here, once, so a request such as
``../../etc`` or ``x; import os`` can never reach a template or a file path.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

#: Attribute types every template supports. ``email`` is a ``str`` validated as an address.
SUPPORTED_TYPES: tuple[str, ...] = ("str", "int", "float", "bool", "date", "datetime", "email")

_TYPE_ALIASES = {
    "string": "str",
    "text": "str",
    "varchar": "str",
    "integer": "int",
    "number": "float",
    "decimal": "float",
    "double": "float",
    "real": "float",
    "boolean": "bool",
    "timestamp": "datetime",
}

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_RESERVED_ATTRIBUTES = frozenset({"id"})


class SpecError(ValueError):
    """An entity or attribute specification that cannot be generated safely."""


def check_identifier(name: str, what: str) -> str:
    """Return ``name`` if it is a safe Python identifier, else raise ``SpecError``."""
    if not isinstance(name, str) or not _IDENTIFIER.match(name) or keyword.iskeyword(name):
        raise SpecError(
            f"invalid {what} {name!r}: use letters, digits and underscores, starting with a letter"
            " (it becomes a Python identifier, a table name and a file name)"
        )
    if len(name) > 64:
        raise SpecError(f"invalid {what} {name!r}: at most 64 characters")
    return name


def snake_case(name: str) -> str:
    """``CourseEnrollment`` → ``course_enrollment``."""
    text = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name)
    text = re.sub(r"(?<=[A-Z])([A-Z][a-z])", r"_\1", text)
    return text.lower()


def pascal_case(name: str) -> str:
    """``course_enrollment`` → ``CourseEnrollment``; an already PascalCase name is kept."""
    if "_" not in name and name[:1].isupper():
        return name
    return "".join(part[:1].upper() + part[1:] for part in name.split("_") if part)


def pluralize(word: str) -> str:
    """English plural of a snake_case noun, for table names and URL paths."""
    irregular = {"person": "people", "child": "children", "man": "men", "woman": "women", "mouse": "mice"}
    head, _, last = word.rpartition("_")
    prefix = head + "_" if head else ""
    if last in irregular:
        return prefix + irregular[last]
    if last.endswith(("s", "x", "z", "ch", "sh")):
        return prefix + last + "es"
    if last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        return prefix + last[:-1] + "ies"
    return prefix + last + "s"


def normalize_type(type_name: str) -> str:
    text = type_name.strip().lower()
    text = _TYPE_ALIASES.get(text, text)
    if text not in SUPPORTED_TYPES:
        raise SpecError(f"unsupported attribute type {type_name!r}; supported: {', '.join(SUPPORTED_TYPES)}")
    return text


@dataclass(frozen=True)
class AttributeSpec:
    """One attribute of an entity: ``name``, one of ``SUPPORTED_TYPES``, and whether it is required."""

    name: str
    type: str = "str"
    required: bool = True

    def __post_init__(self) -> None:
        check_identifier(self.name, "attribute name")
        if self.name.lower() in _RESERVED_ATTRIBUTES:
            raise SpecError(f"attribute name {self.name!r} is reserved (every entity has an integer id)")
        object.__setattr__(self, "type", normalize_type(self.type))

    def to_context(self) -> dict[str, Any]:
        """The reference's template-context form: ``{"name", "type", "required"}``."""
        return {"name": self.name, "type": self.type, "required": self.required}

    @classmethod
    def parse(cls, text: str) -> AttributeSpec:
        """Parse the CLI form ``name:type`` with an optional trailing ``?`` for optional fields."""
        name, _, type_name = text.partition(":")
        type_name = type_name or "str"
        required = True
        if type_name.endswith("?"):
            type_name, required = type_name[:-1], False
        if name.endswith("?"):
            name, required = name[:-1], False
        return cls(name=name.strip(), type=type_name, required=required)


RELATIONSHIP_KINDS: tuple[str, ...] = ("many_to_one", "many_to_many")


@dataclass(frozen=True)
class RelationshipSpec:
    """This entity references ``target`` (another entity).

    ``many_to_one``: through a ``<target>_id`` column. ``many_to_many``: through a join entity
    ``<Entity><Target>`` holding both references, ``UNIQUE`` on the pair (``join_entity``).
    """

    target: str
    required: bool = True
    kind: str = "many_to_one"

    def __post_init__(self) -> None:
        check_identifier(self.target, "related entity name")
        object.__setattr__(self, "target", pascal_case(self.target))
        if self.kind not in RELATIONSHIP_KINDS:
            raise SpecError(f"unknown relationship kind {self.kind!r}; expected one of {', '.join(RELATIONSHIP_KINDS)}")

    @property
    def field_name(self) -> str:
        return f"{snake_case(self.target)}_id"

    @property
    def target_table(self) -> str:
        return pluralize(snake_case(self.target))


def join_entity(entity: str, target: str) -> EntitySpec:
    """The join entity of a many-to-many between ``entity`` and ``target``: ``ReaderBook``."""
    first, second = pascal_case(entity), pascal_case(target)
    if first == second:
        raise SpecError(f"{first} cannot be related many-to-many to itself")
    references = (RelationshipSpec(first), RelationshipSpec(second))
    return EntitySpec(first + second, relationships=references, unique=((references[0].field_name, references[1].field_name),))


@dataclass(frozen=True)
class EntitySpec:
    """An entity to generate: a PascalCase name, attributes and references to other entities."""

    name: str
    attributes: tuple[AttributeSpec, ...] = ()
    relationships: tuple[RelationshipSpec, ...] = ()
    description: str = ""
    unique: tuple[tuple[str, ...], ...] = ()  # column groups that are UNIQUE together

    def __post_init__(self) -> None:
        check_identifier(self.name, "entity name")
        object.__setattr__(self, "name", pascal_case(self.name))
        object.__setattr__(self, "attributes", tuple(self.attributes))
        object.__setattr__(self, "relationships", tuple(self.relationships))
        object.__setattr__(self, "unique", tuple(tuple(group) for group in self.unique))
        seen: set[str] = set()
        for name in [a.name for a in self.attributes] + [r.field_name for r in self.references]:
            if name in seen:
                raise SpecError(f"entity {self.name}: attribute {name!r} is given twice")
            seen.add(name)
        for group in self.unique:
            unknown = [name for name in group if name not in seen]
            if unknown:
                raise SpecError(f"entity {self.name}: UNIQUE names unknown columns {', '.join(unknown)}")

    @property
    def references(self) -> tuple[RelationshipSpec, ...]:
        """The many-to-one references: the entity's own ``<target>_id`` columns."""
        return tuple(r for r in self.relationships if r.kind == "many_to_one")

    def split_many_to_many(self) -> tuple[EntitySpec, tuple[EntitySpec, ...]]:
        """This entity without its many-to-many relationships, and the join entities they need."""
        joins = tuple(join_entity(self.name, r.target) for r in self.relationships if r.kind == "many_to_many")
        return EntitySpec(self.name, self.attributes, self.references, self.description, self.unique), joins

    @property
    def snake_name(self) -> str:
        return snake_case(self.name)

    @property
    def table_name(self) -> str:
        return pluralize(self.snake_name)

    def to_context(self) -> dict[str, Any]:
        """The template context as the API reference documents it, plus relationships."""
        return {
            "entity_name": self.name,
            "entity_name_lower": self.snake_name,
            "attributes": [a.to_context() for a in self.attributes],
            "relationships": [
                {"target": r.target, "field_name": r.field_name, "target_table": r.target_table, "required": r.required}
                for r in self.references
            ],
            "unique": [list(group) for group in self.unique],
        }

    @classmethod
    def from_context(cls, context: Mapping[str, Any]) -> EntitySpec:
        """Build (and validate) a spec from a reference-style template context."""
        attributes = tuple(
            AttributeSpec(name=a["name"], type=a.get("type", "str"), required=bool(a.get("required", True)))
            for a in context.get("attributes", [])
        )
        relationships = tuple(
            RelationshipSpec(target=r["target"], required=bool(r.get("required", True))) for r in context.get("relationships", [])
        )
        unique = tuple(tuple(str(name) for name in group) for group in context.get("unique", []) or [])
        return cls(name=str(context["entity_name"]), attributes=attributes, relationships=relationships, unique=unique)

    def with_attributes(self, extra: Iterable[AttributeSpec]) -> EntitySpec:
        return EntitySpec(self.name, self.attributes + tuple(extra), self.relationships, self.description, self.unique)
