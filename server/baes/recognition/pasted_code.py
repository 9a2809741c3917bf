"""A pasted definition read with a real parser: a JSON sample record, a Python class (Pydantic, a dataclass,
SQLAlchemy ``Mapped[...]``), a TypeScript interface or type, a GraphQL type, a SQL ``CREATE TABLE``, a YAML-like
block or OpenAPI schema, a table of fields ("| column | type | nullable |"), a CSV header with a line of example
values or a JSON Schema, a class from another stack (``pasted_classes``: Go, C#, Java, Kotlin, Zod) or a schema
from a diagram or a data tool (``pasted_schemas``: DBML, Mermaid, pandas), with a line asking for it ("make an
entity for this", "here's a sample record from our api, make a Listing entity out of it:").

Read as words, the code's punctuation and type names became fields ("mapped", "false", "email_str"), and the
line around it named the entity ("This", "Over"). Here the block is parsed as what it is (``json`` for a record,
``ast`` for Python; TypeScript, SQL and YAML lines are one declaration each; the declared type words are
``sql_words.SQL_TYPES``), and the request becomes "create E with a (type), b (type) optional, …", which the
rules read as it is said. The entity is the class, interface or table, or for a JSON record the one the line
names ("a Listing entity"); a JSON record with no name is left to the rules. A ``REFERENCES`` column is a
reference; an ``id`` key is implicit. Only a request that creates is read this way: "add this to Kiln: {…}" is
left to the rules.

Read by ``baes.recognition.normalize.clean_text`` before blanks are tidied (a YAML schema nests by its
indentation, a plain table aligns its columns with spaces), so it shapes the cache key too.
"""

from __future__ import annotations

import ast
import json
import re
import textwrap

from baes.recognition.pasted_classes import class_properties, go_struct, zod_object
from baes.recognition.pasted_names import named_in
from baes.recognition.pasted_schemas import dataframe_types, dbml_table, mermaid_entity
from baes.recognition.pasted_tables import csv_sample, field_table
from baes.recognition.pasted_values import column_item, declared, item, schema_items, value_type
from baes.recognition.plurals import singularize
from baes.recognition.sql_words import SQL_TYPES
from baes.scaffold.spec import pascal_case

#: A line asking for the pasted block to be created ("make an entity for this", "port this model over:").
_CREATING = re.compile(
    r"\b(?:create|make|build|generate|scaffold|port|turn|add|set\s+up|need)\b(?![^.\n]*\b(?:to|from|on)\s+(?-i:[A-Z])\w*\b)", re.I
)


#: A change of an entity the app has ("remove these from Kiln"): no pasted definition to create.
_CHANGING = re.compile(r"\b(?:append|extend|remove|drop|delete|rename|update|change|replace)\b", re.I)


_FENCE = re.compile(r"^[ \t]*```[ \t]*[\w+#-]*[ \t]*$", re.M)


def as_definition(text: str) -> str:
    """``text`` as "create E with …" when it pastes a definition to create (see the module docstring)."""
    text = _FENCE.sub("", text)  # "```ts": the language of a Markdown code fence names no entity
    if not any(mark in text for mark in "{(:|[\n\t") or (_CHANGING.search(text) and not _CREATING.search(text)):
        return text
    for read in (
        _python_class,
        go_struct,
        class_properties,
        zod_object,
        dbml_table,
        mermaid_entity,
        _typescript,
        _typescript_literal,
        _create_table,
        _select_query,
        _openapi_yaml,
        _yaml_block,
        field_table,
        dataframe_types,
        csv_sample,
        _json_record,
    ):
        found = read(text)
        if found is not None:
            entity, items = found
            return f"create {entity} with {', '.join(items)}" if items else text
    return text


def _python_class(text: str) -> tuple[str, list[str]] | None:
    """ "class Tenant(Base):" (or a dataclass, a Pydantic model) and its annotated fields, parsed by ``ast``."""
    start = re.search(r"^[ \t]*class\s+[A-Z]\w*\s*(?:\([^)]*\))?\s*:[ \t]*\n", text, re.M)  # after a "@dataclass" line
    if start is None:
        return None
    lines = text[start.start() :].splitlines()
    end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() and not line.startswith((" ", "\t"))), len(lines))
    try:  # the class and its indented body, up to the first line back at the margin ("make an entity for this")
        tree = ast.parse(textwrap.dedent("\n".join(lines[:end])))
    except SyntaxError:
        return None
    classes = [node for node in tree.body if isinstance(node, ast.ClassDef)]
    if not classes:
        return None
    items = []
    for node in classes[0].body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id != "id":
            word, optional = _python_type(node.annotation)
            optional = optional or (isinstance(node.value, ast.Constant) and node.value.value is None)
            items.append(item(node.target.id, declared(word, node.target.id), optional))
    return classes[0].name, items


def _python_type(annotation: ast.expr) -> tuple[str | None, bool]:
    """The declared type word and whether it may be empty: "Optional[date]" → (date, optional); "Mapped[str]" →
    str; "float | None" → (float, optional)."""
    if isinstance(annotation, ast.Subscript) and isinstance(annotation.value, ast.Name):
        outer = annotation.value.id
        if outer in {"Mapped", "Annotated"}:
            inner = annotation.slice.elts[0] if isinstance(annotation.slice, ast.Tuple) else annotation.slice
            return _python_type(inner)
        if outer == "Optional":
            return _python_type(annotation.slice)[0], True
        return None, False  # list[str], dict: not a column
    if isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):
        sides = [annotation.left, annotation.right]
        none = [s for s in sides if isinstance(s, ast.Constant) and s.value is None]
        kept = [s for s in sides if s not in none]
        return (_python_type(kept[0])[0], True) if none and kept else (None, False)
    if isinstance(annotation, ast.Name):
        return annotation.id, False
    if isinstance(annotation, ast.Attribute):  # "datetime.date"
        return annotation.attr, False
    return None, False


_TS_BLOCK = re.compile(r"\b(?:interface|type)\s+([A-Z]\w*)\s*=?\s*\{([^{}]*)\}", re.S)
_TS_FIELD = re.compile(r"^\s*([A-Za-z_]\w*)(\?)?\s*:\s*([A-Za-z]+)(!)?(\s*\|\s*null)?\s*[;,]?\s*(?://.*|#.*)?$")


def _typescript(text: str) -> tuple[str, list[str]] | None:
    """ "interface Flight { flightNumber: string; seats?: number }": one field per line or per ";". A GraphQL
    type ("type Athlete { fullName: String! heightCm: Float }") marks the fields that must be there with "!", so
    when any field has one, a field without it is optional."""
    block = _TS_BLOCK.search(text)
    if block is None:
        return None
    fields = [f for f in (_TS_FIELD.match(part) for part in re.split(r"[;\n]", block.group(2))) if f]
    marked = any(f.group(4) for f in fields)
    items = []
    for field in fields:
        if field.group(1) != "id":
            optional = bool(field.group(2) or field.group(5)) or (marked and not field.group(4))
            items.append(item(field.group(1), declared(field.group(3), field.group(1)), optional))
    return block.group(1), items


_TABLE = re.compile(r"\bcreate\s+table\s+(?:if\s+not\s+exists\s+)?[`\"]?(\w+)[`\"]?\s*\((.*)\)\s*;?", re.I | re.S)
_COLUMN = re.compile(r"^\s*[`\"]?(\w+)[`\"]?\s+([A-Za-z]+)(?:\s*\([\d, ]+\))?(.*)$", re.S)


def _create_table(text: str) -> tuple[str, list[str]] | None:
    """ "CREATE TABLE lab_samples (… sample_code TEXT NOT NULL, …)": a column a line or a comma; a column is
    optional when it lacks NOT NULL while others have it; REFERENCES makes a reference."""
    table = _TABLE.search(text)
    if table is None:
        return None
    parts = [p for p in _split_columns(table.group(2)) if p.strip()]
    columns = [c for c in (_COLUMN.match(part) for part in parts) if c is not None]
    columns = [c for c in columns if c.group(1).lower() not in {"id", "primary", "foreign", "constraint", "unique", "check"}]
    if len(columns) < len(parts) - 1 or any(c.group(2).lower() not in SQL_TYPES for c in columns):
        return None  # "create table Batteries (serial, capacity in mAh, …)": words, not column definitions
    if len(columns) >= 2 and all("references" in c.group(3).lower() for c in columns):
        return None  # a join table: many-to-many, read by ``cardinality``
    marked = any("not null" in c.group(3).lower() for c in columns)
    items = []
    for column in columns:
        rest = column.group(3).lower()
        target = re.search(r"references\s+[`\"]?(\w+)", rest)
        items.append(column_item(column.group(1), column.group(2), rest, marked, target.group(1) if target else None))
    return pascal_case(singularize(table.group(1).lower())), items


#: "SELECT store_code, region, manager_name FROM dim_store": the columns a query reads and its table.
_SELECT = re.compile(
    r"\bselect\s+((?:[\w.]+(?:\s+as\s+\w+)?\s*,\s*)+[\w.]+(?:\s+as\s+\w+)?)\s+from\s+[`\"]?(?:\w+\.)?([a-z_]\w*)", re.I
)
#: Warehouse prefixes that are no part of the thing's name ("dim_store", "tbl_customers").
_TABLE_PREFIX = re.compile(r"^(?:dim|fact|fct|tbl|stg|raw)_", re.I)


def _select_query(text: str) -> tuple[str, list[str]] | None:
    """A pasted query's columns as fields ("SELECT a.store_code, region AS area FROM dim_store" → Store with
    store_code and area); its table, without a warehouse prefix, is the entity."""
    query = _SELECT.search(text)
    if query is None or query.group(2).lower() in {"a", "an", "the", "my", "our", "your", "their", "this", "that"}:
        return None  # "let users select size, colour from a dropdown": words, not a query
    columns = [re.split(r"\s+as\s+", c.strip(), flags=re.I)[-1].rpartition(".")[2] for c in query.group(1).split(",")]
    table = pascal_case(singularize(_TABLE_PREFIX.sub("", query.group(2)).lower()))
    return named_in(text[: query.start()]) or table, [c for c in columns if c.lower() != "id"]


def _split_columns(body: str) -> list[str]:
    """The column definitions of a CREATE TABLE body: commas outside parentheses ("NUMERIC(10, 2)")."""
    parts, depth, current = [], 0, ""
    for char in body:
        depth += (char == "(") - (char == ")")
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [*parts, current]


#: "entity: Campsite" then "fields:" and "- name" lines; or "Shift:" then indented "employee_name: string" lines.
_YAML_ENTITY = re.compile(
    r"^[ \t]*(?:entity|name|model|table)[ \t]*:[ \t]*([A-Z]\w*)[ \t]*\n[ \t]*(?:fields|attributes|columns)[ \t]*:[ \t]*\n", re.M
)
_YAML_HEAD = re.compile(r"^([A-Z]\w*)[ \t]*:[ \t]*\n(?=(?:[ \t]+\w+[ \t]*:[ \t]*\w+[?]?[ \t]*\n?){2,})", re.M)
_YAML_ITEM = re.compile(r"^[ \t]+(?:-[ \t]+)?(\w+)(?:[ \t]*:[ \t]*(\w+)(\?)?)?[ \t]*$")


def _yaml_block(text: str) -> tuple[str, list[str]] | None:
    """A YAML-like block: "entity: Campsite / fields: / - name", or "Shift: / employee_name: string"."""
    head = _YAML_ENTITY.search(text) or _YAML_HEAD.search(text)
    if head is None:
        return None
    items = []
    for line in text[head.end() :].splitlines():
        field = _YAML_ITEM.match(line)
        if field is None:
            break
        if field.group(1).lower() != "id":
            items.append(item(field.group(1), declared(field.group(2), field.group(1)), bool(field.group(3))))
    return head.group(1), items


_YAML_PROPERTIES = re.compile(r"^([ \t]*)properties[ \t]*:[ \t]*$", re.M)
#: "required: [name, arrival]", or "required:" and a "- name" line per field.
_YAML_REQUIRED = re.compile(r"^[ \t]*required[ \t]*:[ \t]*(?:\[([^\]\n]*)\]|\n((?:[ \t]*-[ \t]*[\w-]+[ \t]*\n?)+))", re.M)
_YAML_KEY = re.compile(r"^([ \t]*)(?:-[ \t]+)?([\w-]+)[ \t]*:[ \t]*(.*?)[ \t]*$")


def _openapi_yaml(text: str) -> tuple[str, list[str]] | None:
    """An OpenAPI or JSON Schema in YAML: "properties:", then a key per property with its "type", "format" and
    "nullable" indented under it (or "{type: string}" beside it); a "required:" list makes the others optional."""
    start = _YAML_PROPERTIES.search(text)
    if start is None:
        return None
    above = re.findall(r"^[ \t]*([A-Z]\w*)[ \t]*:[ \t]*$", text[: start.start()], re.M)  # "Camper:" over "type: object"
    entity = above[-1] if above else named_in(text[: start.start()] + " " + text[start.end() :])
    listed = _YAML_REQUIRED.search(text)
    required = None if listed is None else re.findall(r"[\w-]+", listed.group(1) or listed.group(2))
    properties: dict[str, dict[str, str]] = {}
    depth, property_depth = len(start.group(1)), None
    for line in text[start.end() :].splitlines():
        key = _YAML_KEY.match(line)
        if key is None or len(key.group(1)) <= depth:
            if line.strip() and not line.strip().startswith("- "):
                break
            continue
        if property_depth is None or len(key.group(1)) <= property_depth:
            property_depth = len(key.group(1))
            flow = re.findall(r"([\w-]+)\s*:\s*['\"]?([\w-]+)", key.group(3))  # "item: {type: string}"
            properties[key.group(2)] = dict(flow)
        else:
            properties[list(properties)[-1]][key.group(2)] = key.group(3).strip("'\"")
    if entity is None or not properties:
        return None
    items = schema_items(dict(properties.items()), required)
    return pascal_case(entity), items


_TS_LITERAL = re.compile(r"\{([^{}]*)\}", re.S)
_TS_MEMBER = re.compile(r"^([A-Za-z_]\w*)(\?)?\s*:\s*(.+?)$")
_TS_TYPES = frozenset({"string", "number", "boolean", "date", "bigint"})
#: A heading or a line before the block that names it: "## Book model", "Book:", "the Book type".
_BLOCK_NAME = re.compile(r"(?:^|\n)[ \t#*]*([A-Z]\w*)(?:[ \t]+(?:model|entity|type|interface|schema|object))?[ \t]*:?[ \t]*$")


def _typescript_literal(text: str) -> tuple[str, list[str]] | None:
    """An object type with no declared name under a line that names it ("## Book model" then "{ title: string,
    rating: number | null, status?: 'lent' | 'shelved' }"): a union with null or "?" is optional, a union of
    quoted words is text. Every member must read as one, so a JSON record or a block of prose is left alone."""
    block = _TS_LITERAL.search(text)
    if block is None:
        return None
    named = _BLOCK_NAME.search(text[: block.start()].rstrip())
    parts = [p.strip() for p in re.split(r"[;,\n]", block.group(1)) if p.strip()]
    members = [member for part in parts if (member := _TS_MEMBER.match(part))]
    if named is None or len(parts) < 2 or len(members) < len(parts):
        return None
    items = []
    for member in members:
        union = [u.strip() for u in member.group(3).split("|")]
        said = [u for u in union if u not in {"null", "undefined"}]
        words = [u for u in said if u.lower() in _TS_TYPES]
        if not said or not (words or all(u[:1] in "'\"" for u in said)):
            return None  # a value, not a type: not a TypeScript object type
        if member.group(1) != "id":
            kind = declared(words[0] if words else "string", member.group(1))
            items.append(item(member.group(1), kind, bool(member.group(2)) or len(said) < len(union)))
    return named.group(1), items


def _json_record(text: str) -> tuple[str, list[str]] | None:
    """A sample record ({"title": "…", "bedrooms": 2, …}), the first of a list of them, or a JSON Schema
    (``"properties"`` with ``"type"`` and ``"format"``; a property not ``"required"`` is optional) under the
    entity the request names, or the schema's ``"title"``."""
    starts = [i for i in (text.find("{"), text.find("[")) if i >= 0]
    if not starts:
        return None
    start = min(starts)
    end = text.rfind("}" if text[start] == "{" else "]")
    try:
        record = json.loads(text[start : end + 1])
    except ValueError:
        return None
    if isinstance(record, list) and record and isinstance(record[0], dict):
        record = record[0]
    if not isinstance(record, dict):
        return None
    entity = named_in(text[:start] + " " + text[end + 1 :])
    if isinstance(record.get("properties"), dict):
        entity = entity or (str(record["title"]) if isinstance(record.get("title"), str) else None)
        required = record.get("required")
        return (pascal_case(entity), schema_items(record["properties"], required)) if entity else None
    if entity is None:
        return None
    return pascal_case(entity), [item(k, value_type(v), v is None) for k, v in record.items() if k.lower() != "id"]
