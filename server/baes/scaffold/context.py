"""The render context: the reference's small template context plus every derived name.

Templates stay simple (loops and ``if``s); all naming, typing and sample-value decisions
are made here, once, in Python. The input is validated through ``EntitySpec`` so a name
such as ``../../etc`` or ``x; import os`` never reaches a template or a file path.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from baes.scaffold.schema import table_script
from baes.scaffold.spec import EntitySpec, SpecError, pascal_case, pluralize, snake_case


@dataclass(frozen=True)
class TypeInfo:
    """How one attribute type appears in each layer of the generated application."""

    python: str  # annotation in the Create/Update models
    read_python: str  # annotation in the Read model (what comes back from SQLite)
    sql: str  # SQLite column type
    sample: Any  # a valid JSON value for tests
    sample_updated: Any  # a different valid JSON value
    invalid: Any  # a JSON value the API must refuse with 422


TYPES: dict[str, TypeInfo] = {
    "str": TypeInfo("str", "str", "TEXT", "", "", ""),
    "email": TypeInfo("EmailStr", "str", "TEXT", "someone@example.org", "updated@example.org", "not-an-email"),
    "int": TypeInfo("int", "int", "INTEGER", 7, 8, "not a number"),
    "float": TypeInfo("float", "float", "REAL", 3.5, 2.75, "not a number"),
    "bool": TypeInfo("bool", "bool", "INTEGER", True, False, "not a boolean"),
    "date": TypeInfo("dt.date", "dt.date", "TEXT", "2024-01-15", "2024-02-20", "not a date"),
    "datetime": TypeInfo("dt.datetime", "dt.datetime", "TEXT", "2024-01-15T10:30:00", "2024-02-20T08:15:00", "not a date"),
}

# Names a pydantic model field may not take: they shadow BaseModel's own attributes or a type
# the generated models annotate with (``date`` is fine: the models use ``dt.date``).
_MODEL_RESERVED = frozenset(
    {
        "str",
        "int",
        "float",
        "bool",
        "dt",
        "EmailStr",
        "Field",
        "BaseModel",
        "copy",
        "dict",
        "json",
        "schema",
        "schema_json",
        "construct",
        "validate",
        "fields",
        "parse_obj",
        "parse_raw",
        "parse_file",
        "from_orm",
        "update_forward_refs",
    }
)

# Text attributes named like these hold prose and get a longer bound than the default.
_LONG_TEXT = ("description", "notes", "note", "bio", "comment", "content", "body", "summary", "text", "details")
TEXT_MAX_LENGTH, LONG_TEXT_MAX_LENGTH = 200, 5000
# Numbers named like these (a word of the snake_case name) cannot be negative: ``ge=0``.
_NON_NEGATIVE = (
    "count",
    "quantity",
    "qty",
    "price",
    "cost",
    "amount",
    "total",
    "age",
    "credits",
    "stock",
    "capacity",
    "pages",
    "duration",
    "weight",
    "height",
    "salary",
    "fee",
    "fees",
    "size",
    "number",
    "seats",
    "hours",
    "minutes",
    "length",
    "width",
    "balance",
    "budget",
    "rating",
    "score",
)

# SQLite keywords: an identifier equal to one of these is double-quoted in generated SQL.
_SQL_KEYWORDS = frozenset(
    """
abort action add after all alter always analyze and as asc attach autoincrement before begin between by
cascade case cast check collate column commit conflict constraint create cross current current_date
current_time current_timestamp database default deferrable deferred delete desc detach distinct do drop
each else end escape except exclude exclusive exists explain fail filter first following for foreign from
full generated glob group groups having if ignore immediate in index indexed initially inner insert instead
intersect into is isnull join key last left like limit match materialized natural no not nothing notnull
null nulls of offset on or order others outer over partition plan pragma preceding primary query raise
range recursive references regexp reindex release rename replace restrict returning right rollback row
rows savepoint select set table temp temporary then ties to transaction trigger unbounded union unique
update using vacuum values view virtual when where window with without
""".split()
)


def sql_ident(name: str) -> str:
    """An SQL identifier, double-quoted only when it is an SQLite keyword."""
    return f'"{name}"' if name.lower() in _SQL_KEYWORDS else name


def py_literal(value: Any) -> str:
    """A Python literal for a JSON-compatible value, with double-quoted strings."""
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value) if '"' not in value else repr(value)
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, tuple):
        inner = ", ".join(py_literal(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if isinstance(value, list):
        return "[" + ", ".join(py_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        items = ", ".join(f"{py_literal(k)}: {py_literal(v)}" for k, v in value.items())
        return "{" + items + "}"
    raise TypeError(f"no literal for {type(value).__name__}")


def title_words(name: str) -> str:
    """``enrollment_date`` → ``Enrollment date`` (labels in the UI and docs)."""
    text = snake_case(name).replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def with_article(noun: str) -> str:
    """``a student``, ``an enrollment`` (by spelling: good enough for generated docstrings)."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def _check_attribute_name(name: str) -> None:
    if name.startswith("_"):
        raise SpecError(f"invalid attribute name {name!r}: it must not start with an underscore")
    if name in _MODEL_RESERVED or name.startswith("model_"):
        raise SpecError(f"invalid attribute name {name!r}: it clashes with pydantic's BaseModel; choose another")


def _column(name: str, type_name: str, required: bool, label: str, reference: Mapping[str, Any] | None) -> dict[str, Any]:
    info = TYPES[type_name]
    words = set(name.lower().split("_"))
    minimum = 0 if type_name in ("int", "float") and reference is None and words & set(_NON_NEGATIVE) else None
    max_length = None
    if type_name == "str":
        max_length = LONG_TEXT_MAX_LENGTH if words & set(_LONG_TEXT) else TEXT_MAX_LENGTH
    sample = info.sample if type_name != "str" else f"Sample {label.lower()}"
    updated = info.sample_updated if type_name != "str" else f"Updated {label.lower()}"
    invalid = info.invalid
    return {
        "name": name,
        "type": type_name,
        "required": required,
        "label": label,
        "sql_name": sql_ident(name),
        "python_type": info.python,
        "read_type": info.read_python,
        "sql_type": info.sql,
        "sample": sample,
        "sample_updated": updated,
        "invalid": invalid,
        "reference": reference,
        "minimum": minimum,
        "max_length": max_length,
    }


def _sample_payload(attributes: list[Mapping[str, Any]]) -> dict[str, Any]:
    """A valid create payload for an entity with these attributes (references excluded)."""
    payload: dict[str, Any] = {}
    for attribute in attributes:
        type_name = str(attribute.get("type", "str"))
        label = title_words(str(attribute["name"]))
        payload[str(attribute["name"])] = _column(str(attribute["name"]), type_name, True, label, None)["sample"]
    return payload


def _sql_statements(table: str, names: list[str]) -> dict[str, str]:
    """Every statement the router runs: fixed text with ``?`` placeholders only."""
    selected = ", ".join(["id", *names])
    if names:
        insert = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    else:
        insert = f"INSERT INTO {table} DEFAULT VALUES"
    return {
        "sql_select_one": f"SELECT {selected} FROM {table} WHERE id = ?",
        "sql_select_page": f"SELECT {selected} FROM {table} ORDER BY id LIMIT ? OFFSET ?",
        "sql_insert": insert,
        "sql_update": f"UPDATE {table} SET {', '.join(n + ' = ?' for n in names)} WHERE id = ?",
        "sql_delete": f"DELETE FROM {table} WHERE id = ?",
    }


def py_block(value: list[Any] | dict[str, Any], indent: int = 0) -> str:
    """A list or dict literal with one item per line (short ones stay on one line)."""
    flat = py_literal(value)
    if len(flat) + indent <= 96 or not value:
        return flat
    pad = " " * (indent + 4)
    if isinstance(value, dict):
        lines = [f"{pad}{py_literal(k)}: {py_literal(v)}," for k, v in value.items()]
        return "{\n" + "\n".join(lines) + "\n" + " " * indent + "}"
    lines = [f"{pad}{py_literal(v)}," for v in value]
    return "[\n" + "\n".join(lines) + "\n" + " " * indent + "]"


def py_wrapped(text: str, indent: int, width: int = 96) -> str:
    """A string literal split into adjacent literals so no line passes ``width`` columns."""
    words = text.split(" ")
    chunks: list[str] = []
    current = ""
    room = max(width - indent - 2, 40)
    for word in words:
        candidate = f"{current} {word}" if current else word
        if current and len(candidate) + 1 > room:
            chunks.append(current + " ")
            current = word
        else:
            current = candidate
    chunks.append(current)
    return ("\n" + " " * indent).join(py_literal(chunk) for chunk in chunks)


def _helpers(
    spec: EntitySpec, targets: Mapping[str, Mapping[str, Any]], related: Mapping[str, Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """Test helpers creating each referenced record, the records they require first."""
    helpers: list[dict[str, Any]] = []
    done: set[str] = set()

    def add(target: str, visiting: frozenset[str]) -> None:
        name = pascal_case(target)
        if name in done or name in visiting or name == spec.name:
            return
        known = related.get(name)
        if known is not None:
            attributes = list(known.get("attributes", []) or [])
            references = [pascal_case(str(r["target"])) for r in known.get("relationships", []) or [] if r.get("required", True)]
        else:
            raw = targets.get(name) or {}
            attributes, references = list(raw.get("target_attributes", []) or []), []
        for reference in references:
            add(reference, visiting | {name})
        done.add(name)
        table = pluralize(snake_case(name))
        helpers.append(
            {
                "target": name,
                "target_snake": snake_case(name),
                "target_path": "/" + table.replace("_", "-"),
                "target_label": title_words(name).lower(),
                "target_a": with_article(title_words(name).lower()),
                "target_payload": _sample_payload([a for a in attributes if a.get("required", True)]),
                "references": [
                    {"field_name": f"{snake_case(r)}_id", "target_snake": snake_case(r)} for r in references if r in done
                ],
            }
        )

    for relation in spec.relationships:
        add(relation.target, frozenset())
    return helpers


def _partners(
    spec: EntitySpec, table_sql: str, relationships: list[dict[str, Any]], targets: Mapping[str, Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """For a join entity (two references, UNIQUE together): the endpoint listing each side's partners."""
    fields = [r["field_name"] for r in relationships]
    if len(relationships) != 2 or not any(sorted(group) == sorted(fields) for group in spec.unique):
        return []
    partners = []
    for source, partner in (relationships, relationships[::-1]):
        raw = targets.get(partner["target"]) or {}
        names = list(raw.get("target_fields") or [a["name"] for a in raw.get("target_attributes", []) or []])
        selected = ", ".join(["t.id", *(f"t.{sql_ident(name)}" for name in names)])
        partners.append(
            {
                "function": f"list_{partner['target_table']}_of_{source['target_snake']}",
                "route": f"{source['target_path']}/{{{source['field_name']}}}{partner['target_path']}",
                "param": source["field_name"],
                "from_field": source["field_name"],
                "to_field": partner["field_name"],
                "from_label": source["target_label"],
                "to_plural_label": title_words(partner["target_table"]).lower(),
                "read_model": f"{partner['target']}Read",
                "read_module": partner["target_snake"],
                "sql": f"SELECT {selected} FROM {partner['target_table_sql']} AS t JOIN {table_sql} AS j "
                f"ON j.{partner['field_name']} = t.id WHERE j.{source['field_name']} = ? ORDER BY t.id",
            }
        )
    return partners


def build_render_context(context: Mapping[str, Any]) -> dict[str, Any]:
    """Validate a reference-style context and return it with every derived value the templates use.

    Accepted keys: ``entity_name``, ``entity_name_lower`` (recomputed), ``attributes`` (list of
    ``{"name", "type", "required"}``), optional ``relationships`` (``{"target", "required",
    "target_attributes"}``: the referenced entity's attributes, for the generated tests),
    ``related_entities`` (reference-style contexts of every entity reachable through required
    references, so the generated tests can create them in order), ``page_number``,
    ``created_at`` and ``entities`` (for shell templates).
    """
    if not isinstance(context, Mapping) or "entity_name" not in context:
        raise SpecError("the template context needs at least 'entity_name'")
    spec = EntitySpec.from_context(context)
    for attribute in spec.attributes:
        _check_attribute_name(attribute.name)
    if any(r.target == spec.name for r in spec.relationships):
        raise SpecError(f"entity {spec.name} cannot reference itself")
    if spec.table_name.startswith("sqlite_"):
        raise SpecError(f"invalid entity name {spec.name!r}: SQLite reserves table names starting with 'sqlite_'")

    targets = {pascal_case(str(r.get("target", ""))): r for r in context.get("relationships", []) or []}
    related = {pascal_case(str(e.get("entity_name", ""))): e for e in context.get("related_entities", []) or []}
    relationships: list[dict[str, Any]] = []
    columns: list[dict[str, Any]] = []
    for attribute in spec.attributes:
        columns.append(_column(attribute.name, attribute.type, attribute.required, title_words(attribute.name), None))
    for relation in spec.relationships:
        target_snake = snake_case(relation.target)
        target_attributes = list((targets.get(relation.target) or {}).get("target_attributes", []) or [])
        reference = {
            "label_field": str(target_attributes[0]["name"]) if target_attributes else "",
            "target": relation.target,
            "target_snake": target_snake,
            "target_table": relation.target_table,
            "target_table_sql": sql_ident(relation.target_table),
            "target_path": "/" + relation.target_table.replace("_", "-"),
            "target_label": title_words(relation.target).lower(),
            "target_a": with_article(title_words(relation.target).lower()),
        }
        relationships.append(
            {
                "target": relation.target,
                "field_name": relation.field_name,
                "required": relation.required,
                "sql_exists": f"SELECT 1 FROM {reference['target_table_sql']} WHERE id = ?",
                **reference,
            }
        )
        columns.append(_column(relation.field_name, "int", relation.required, title_words(relation.field_name), reference))

    table = spec.table_name
    plural_words = title_words(table)
    values = {
        **_sql_statements(sql_ident(table), [c["sql_name"] for c in columns]),
        "entity_name": spec.name,
        "entity_name_lower": spec.snake_name,
        "entity_label": title_words(spec.name).lower(),
        "entity_a": with_article(title_words(spec.name).lower()),
        "entity_plural": table,
        "entity_plural_label": plural_words.lower(),
        "entity_plural_title": plural_words.title(),
        "table_name": table,
        "table_sql": sql_ident(table),
        "url_path": "/" + table.replace("_", "-"),
        "path_param": f"{spec.snake_name}_id",
        "attributes": [a.to_context() for a in spec.attributes],
        "relationships": relationships,
        "helpers": _helpers(spec, targets, related),
        "columns": columns,
        "required_columns": [c for c in columns if c["required"]],
        "plain_columns": [c for c in columns if c["reference"] is None],
        "sample_payload": {c["name"]: c["sample"] for c in columns if c["reference"] is None},
        "updated_payload": {c["name"]: c["sample_updated"] for c in columns if c["reference"] is None},
        "invalid_cases": [(c["name"], 0 if c["reference"] else c["invalid"]) for c in columns]
        + [(c["name"], -1) for c in columns if c["minimum"] is not None]
        + [(c["name"], "x" * (c["max_length"] + 1)) for c in columns if c["max_length"]],
        "required_fields": tuple(c["name"] for c in columns if c["required"]),
        "uses_email": any(c["type"] == "email" for c in columns),
        "uses_date": any(c["type"] == "date" for c in columns),
        "uses_datetime": any(c["type"] == "datetime" for c in columns),
        "uses_field": any(c["type"] == "str" or c["reference"] or c["minimum"] is not None for c in columns),
        "unique": [[sql_ident(name) for name in group] for group in spec.unique],
        "partners": _partners(spec, sql_ident(table), relationships, targets),
        "page_number": int(context.get("page_number", 1) or 1),
        "created_at": str(context.get("created_at", "")),
    }
    values["table_script"] = table_script(values)
    return values


def page_file_name(render_context: Mapping[str, Any]) -> str:
    """``1_Students.py``: Streamlit shows pages in file-name order."""
    title = str(render_context["entity_plural_title"]).replace(" ", "_")
    return f"{render_context['page_number']}_{title}.py"


__all__ = ["TYPES", "TypeInfo", "build_render_context", "page_file_name", "py_literal", "sql_ident", "title_words"]
