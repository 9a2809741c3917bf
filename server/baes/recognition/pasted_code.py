"""A pasted definition read with a real parser: a JSON sample record, a Python class (Pydantic, a dataclass,
SQLAlchemy ``Mapped[...]``), a TypeScript interface or type, a SQL ``CREATE TABLE``, a YAML-like block, a table
of fields ("| column | type | nullable |"), a CSV header with a line of example values or a JSON Schema, with a
line asking for it ("make an entity for this", "here's a sample record from our api, make a Listing entity out
of it:").

Read as words, the code's punctuation and type names became fields ("mapped", "false", "email_str"), and the
line around it named the entity ("This", "Over"). Here the block is parsed as what it is (``json`` for a record,
``ast`` for Python; TypeScript, SQL and YAML lines are one declaration each; the declared type words are
``sql_words.SQL_TYPES``), and the request becomes "create E with a (type), b (type) optional, …", which the
rules read as it is said. The entity is the class, interface or table, or for a JSON record the one the line
names ("a Listing entity"); a JSON record with no name is left to the rules. A ``REFERENCES`` column is a
reference; an ``id`` key is implicit. Only a request that creates is read this way: "add this to Kiln: {…}" is
left to the rules.

Part of ``baes.recognition.request_framing.unframed``, so it shapes the cache key too.
"""

from __future__ import annotations

import ast
import json
import re
import textwrap
from collections.abc import Callable

from baes.recognition import vocabulary as vocab
from baes.recognition.plurals import singularize
from baes.recognition.sql_words import SQL_TYPES, declared_type
from baes.scaffold.spec import pascal_case, snake_case

#: A value's type: ISO dates and times, e-mail addresses, numbers and flags in a sample record.
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.\w+$")
#: A line asking for the pasted block to be created ("make an entity for this", "port this model over:").
_CREATING = re.compile(
    r"\b(?:create|make|build|generate|scaffold|port|turn|add|set\s+up|need)\b(?![^.\n]*\b(?:to|from|on)\s+(?-i:[A-Z])\w*\b)", re.I
)
#: "a Listing entity", "an entity called Listing", "Create this as Prescription:".
_NAMED = re.compile(
    r"\b(?:an?|the)\s+((?-i:[A-Z])\w*)\s+(?:entity|table|model|resource)\b|\b(?:entity|table|model)\s+(?:called|named)\s+"
    r"((?-i:[A-Z])\w*)|\bas\s+(?:an?\s+)?((?-i:[A-Z])\w*)\b",
    re.I,
)


def as_definition(text: str) -> str:
    """``text`` as "create E with …" when it pastes a definition to create (see the module docstring)."""
    if not _CREATING.search(text) or not any(mark in text for mark in "{(:|["):
        return text
    for read in (_python_class, _typescript, _create_table, _yaml_block, _markdown_table, _csv_sample, _json_record):
        found = read(text)
        if found is not None:
            entity, items = found
            return f"create {entity} with {', '.join(items)}" if items else text
    return text


def _item(name: str, kind: str | None, optional: bool) -> str:
    """One field as the rules read it: "volume_ml (float) optional"."""
    typed = f" ({kind})" if kind else ""
    return f"{snake_case(name)}{typed}{' optional' if optional else ''}"


def _declared(word: str | None, name: str) -> str | None:
    """The type a declared type word gives field ``name``: a TypeScript ``number`` or ``Date`` as the name says
    (``sql_words.declared_type``), and a text field named as an e-mail an e-mail ("caseworkerEmail: string")."""
    if word is None:
        return None
    kind = "email" if word.lower() == "emailstr" else declared_type(word, name)
    return "email" if kind == "str" and vocab.infer_type(snake_case(name).lower()) == "email" else kind


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
            items.append(_item(node.target.id, _declared(word, node.target.id), optional))
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
_TS_FIELD = re.compile(r"^\s*([A-Za-z_]\w*)(\?)?\s*:\s*([A-Za-z]+)(\s*\|\s*null)?\s*[;,]?\s*(?://.*)?$")


def _typescript(text: str) -> tuple[str, list[str]] | None:
    """ "interface Flight { flightNumber: string; seats?: number }": one field per line or per ";"."""
    block = _TS_BLOCK.search(text)
    if block is None:
        return None
    items = []
    for part in re.split(r"[;\n]", block.group(2)):
        field = _TS_FIELD.match(part)
        if field and field.group(1) != "id":
            kind = _declared(field.group(3), field.group(1))
            items.append(_item(field.group(1), kind, bool(field.group(2) or field.group(4))))
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
        optional = (marked and "not null" not in rest) or bool(re.search(r"(?<!not )\bnull(?:able)?\b", rest))
        if target:
            items.append(f"{'optional ' if optional else ''}reference to {pascal_case(singularize(target.group(1)))}")
        else:
            items.append(_item(column.group(1), _declared(column.group(2), column.group(1)), optional))
    return pascal_case(singularize(table.group(1).lower())), items


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
        item = _YAML_ITEM.match(line)
        if item is None:
            break
        if item.group(1).lower() != "id":
            items.append(_item(item.group(1), _declared(item.group(2), item.group(1)), bool(item.group(3))))
    return head.group(1), items


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
    entity = _named(text[:start] + " " + text[end + 1 :])
    if isinstance(record.get("properties"), dict):
        entity = entity or (str(record["title"]) if isinstance(record.get("title"), str) else None)
        required = record.get("required")
        return (pascal_case(entity), _schema_items(record["properties"], required)) if entity else None
    if entity is None:
        return None
    return pascal_case(entity), [_item(k, _value_type(v), v is None) for k, v in record.items() if k.lower() != "id"]


#: JSON Schema's and OpenAPI's types and formats, as the type words the rules read.
_SCHEMA_TYPES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
_SCHEMA_FORMATS = {"date": "date", "date-time": "datetime", "email": "email"}


def _schema_items(properties: dict[str, object], required: object) -> list[str]:
    items = []
    for name, spec in properties.items():
        if name.lower() == "id" or not isinstance(spec, dict):
            continue
        kind = _SCHEMA_FORMATS.get(str(spec.get("format"))) or _SCHEMA_TYPES.get(str(spec.get("type")))
        optional = isinstance(required, list) and name not in required
        items.append(_item(name, kind, optional))
    return items


def _named(words: str) -> str | None:
    """The entity the words around a pasted block name: "a Listing entity", "as Prescription", "create a
    Vehicle from that"."""
    named = _NAMED.search(words) or _CREATED.search(words)
    return next((group for group in named.groups() if group), None) if named else None


#: "create a Vehicle from that", "make Vehicles out of this": the capitalised thing to create.
_CREATED = re.compile(r"\b(?:create|make|build|generate|scaffold)\s+(?:an?\s+|the\s+)?((?-i:[A-Z])\w*)\b(?!\s*:)", re.I)
_TABLE_HEADER = re.compile(
    r"^\s*\|?\s*(?:field|column|name|attribute)\s*\|\s*type\s*(?:\|\s*(nullable|required|optional)\s*)?\|?\s*$", re.I
)


def _markdown_table(text: str) -> tuple[str, list[str]] | None:
    """A table of fields: "| column | type | nullable |", a "---" line, then one row per field."""
    lines = text.splitlines()
    head = next((i for i, line in enumerate(lines) if _TABLE_HEADER.match(line)), None)
    if head is None:
        return None
    header = _TABLE_HEADER.match(lines[head])
    flag = (header.group(1) or "").lower() if header else ""
    rows, end = [], len(lines)
    for index in range(head + 1, len(lines)):
        cells = [c.strip() for c in lines[index].strip().strip("|").split("|")]
        if set(lines[index].strip()) <= set("|-: "):
            continue  # the "|---|---|" line
        if len(cells) < 2 or not re.fullmatch(r"[A-Za-z_]\w*", cells[0]):
            end = index
            break
        rows.append(cells)
    entity = _named(" ".join(lines[:head] + lines[end:]))
    if entity is None or not rows:
        return None
    items = [
        _item(cells[0], _declared(_TYPE_WORDS.get(cells[1].lower(), cells[1]), cells[0]), _may_be_empty(flag, cells[2:]))
        for cells in rows
    ]
    return pascal_case(entity), items


def _may_be_empty(flag: str, said: list[str]) -> bool:
    """Whether a table's third column says a field may be empty: "nullable: yes", "required: no", "optional: yes"."""
    yes = bool(said) and said[0].lower() in {"yes", "y", "true", "x"}
    no = bool(said) and said[0].lower() in {"no", "n", "false", ""}
    return (flag in {"nullable", "optional"} and yes) or (flag == "required" and no)


_CSV_NAME = re.compile(r"[A-Za-z_][\w ]{0,40}")


def _csv_sample(text: str) -> tuple[str, list[str]] | None:
    """A CSV header line, then a line of example values ("name,age,joined" / "Ana,34,2021-02-03"): the values
    give the types."""
    lines = text.splitlines()
    for index in range(len(lines) - 1):
        names = [c.strip() for c in lines[index].split(",")]
        values = [c.strip().strip('"') for c in lines[index + 1].split(",")]
        if len(names) >= 3 and len(values) == len(names) and all(_CSV_NAME.fullmatch(n) for n in names):
            entity = _named(" ".join(lines[:index] + lines[index + 2 :]))
            if entity is None:
                return None
            items = [  # an empty example leaves the type to the name
                _item(name.replace(" ", "_"), _value_type(_scalar(value)) if value else None, not value)
                for name, value in zip(names, values, strict=True)
                if name.lower() != "id"
            ]
            return pascal_case(entity), items
    return None


def _scalar(value: str) -> object:
    """An example value as JSON would read it: 34 → int, 12.5 → float, true → bool, anything else text."""
    try:
        return json.loads(value.lower() if value.lower() in {"true", "false"} else value)
    except ValueError:
        return value


#: Type words of a table of fields that are no SQL type (``sql_words.SQL_TYPES``), as the SQL type they mean.
_TYPE_WORDS = {"whole number": "integer", "money": "decimal", "yes/no": "boolean", "checkbox": "boolean",
               "date and time": "datetime"}  # fmt: skip


def _value_type(value: object) -> str | None:
    """The type an example value shows; None (the name decides) for an empty one."""
    if value is None:
        return None
    kinds: list[tuple[Callable[[object], bool], str]] = [
        (lambda v: isinstance(v, bool), "bool"),
        (lambda v: isinstance(v, int), "int"),
        (lambda v: isinstance(v, float), "float"),
        (lambda v: isinstance(v, str) and bool(_ISO_DATETIME.match(v)), "datetime"),
        (lambda v: isinstance(v, str) and bool(_ISO_DATE.match(v)), "date"),
        (lambda v: isinstance(v, str) and bool(_EMAIL.match(v)), "email"),
        (lambda v: isinstance(v, str), "str"),
    ]
    return next((kind for test, kind in kinds if test(value)), None)
