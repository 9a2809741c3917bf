"""A pasted table of fields, read by its header: Markdown ("| column | type | nullable |"), tab or space aligned
("Field<TAB>Type"), with a column of types, of example values, of notes ("nullable", "optional") or of which
fields are required; and a CSV header followed by a line of example values.

The header says what each column holds, so a table of "| Column | Example |" types its fields by the examples and
"| Field | Type | Notes |" makes a field optional when its notes say so. The entity is named by the words around
the table (``pasted_names``). Used by ``baes.recognition.pasted_code``.
"""

from __future__ import annotations

import re

from baes.recognition.pasted_names import named_in
from baes.recognition.pasted_values import declared, item, scalar, value_type
from baes.scaffold.spec import pascal_case

#: Type words of a table of fields that are no SQL type (``sql_words.SQL_TYPES``), as the SQL type they mean.
_TYPE_WORDS = {"whole number": "integer", "money": "decimal", "currency": "decimal", "yes/no": "boolean",
               "y/n": "boolean", "checkbox": "boolean", "date and time": "datetime", "true/false": "boolean"}  # fmt: skip
#: What a header cell says its column holds.
_FIRST = re.compile(r"^(?:field|column|name|attribute|property|key)(?:\s+name)?$", re.I)
_ROLES = {"type": "type", "data type": "type", "datatype": "type", "kind": "type", "format": "type",
          "nullable": "nullable", "optional": "optional", "required": "required", "mandatory": "required",
          "example": "example", "sample": "example", "example value": "example", "notes": "notes", "note": "notes",
          "comment": "notes", "comments": "notes", "description": "notes", "constraints": "notes"}  # fmt: skip
_SEPARATORS = (re.compile(r"\s*\|\s*"), re.compile(r"\t+|\s{2,}"))
_ROW_NAME = re.compile(r"[A-Za-z_][\w]*(?: [A-Za-z_][\w]*){0,3}")
_OPTIONAL_NOTE = re.compile(r"\b(?:optional|nullable|null|can be (?:empty|blank)|if known|not required)\b", re.I)


def field_table(text: str) -> tuple[str, list[str]] | None:
    """A table of fields, one row a field, under a header naming its columns (see the module docstring)."""
    lines = text.splitlines()
    for head, line in enumerate(lines):
        for separator in _SEPARATORS:
            roles = _header_roles(_cells(line, separator))
            if roles is None:
                continue
            rows, end = _rows(lines, head + 1, separator)
            entity = named_in(" ".join(lines[:head] + lines[end:]))
            if entity is None or not rows:
                return None
            return pascal_case(entity), [_row_item(cells, roles) for cells in rows]
    return None


def _cells(line: str, separator: re.Pattern[str]) -> list[str]:
    stripped = line.strip()
    if separator.pattern.startswith(r"\s*\|"):
        if "|" not in stripped:
            return []
        stripped = stripped.strip("|")
    return [c.strip() for c in separator.split(stripped.strip())]


def _header_roles(cells: list[str]) -> list[str] | None:
    """The role of each column, when ``cells`` are a header: a field column first, then known roles."""
    if len(cells) < 2 or not _FIRST.match(cells[0]):
        return None
    roles = [_ROLES.get(c.lower(), "") for c in cells[1:]]
    return roles if roles and roles[0] in {"type", "example"} else None


def _rows(lines: list[str], start: int, separator: re.Pattern[str]) -> tuple[list[list[str]], int]:
    """The rows of fields from ``start``, up to the first line that is not one (its index)."""
    rows = []
    for index in range(start, len(lines)):
        if lines[index].strip() and set(lines[index].strip()) <= set("|-:= "):
            continue  # the "|---|---|" line
        cells = _cells(lines[index], separator)
        if len(cells) < 2 or not _ROW_NAME.fullmatch(cells[0]):
            return rows, index
        rows.append(cells)
    return rows, len(lines)


def _row_item(cells: list[str], roles: list[str]) -> str:
    """One row as a field: its type from the type or example column, optional as the other columns say (an empty
    example too, as in a CSV sample)."""
    said = dict(zip(roles, cells[1:], strict=False))
    name = cells[0].replace(" ", "_")
    kind: str | None = None
    typed = said.get("type", "")
    if typed:
        word = re.split(r"\s*[,(;]\s*", typed)[0]
        kind = _table_type(_TYPE_WORDS.get(word.lower(), word), name)
    elif "example" in said:
        kind = value_type(scalar(said["example"])) if said["example"] else None
    optional = (
        _yes(said.get("nullable")) or _yes(said.get("optional")) or _no(said.get("required")) or said.get("example") == ""
        or bool(_OPTIONAL_NOTE.search(" ".join([typed[len(typed.split(",")[0]) :], said.get("notes", "")])))
    )  # fmt: skip
    return item(name, kind, optional)


def _table_type(word: str, name: str) -> str | None:
    """A table's type word: "number" counts a plural thing ("pages", "copies"), other words as declared."""
    if word.lower() == "number" and name.lower().endswith("s") and declared(word, name) == "float":
        return "int"
    return declared(word, name)


def _yes(said: str | None) -> bool:
    return said is not None and said.lower() in {"yes", "y", "true", "x", "✓"}


def _no(said: str | None) -> bool:
    return said is not None and said.lower() in {"no", "n", "false", ""}


_CSV_NAME = re.compile(r"[A-Za-z_][\w ]{0,40}")


def csv_sample(text: str) -> tuple[str, list[str]] | None:
    """A CSV header line, then a line of example values ("name,age,joined" / "Ana,34,2021-02-03"): the values
    give the types."""
    lines = text.splitlines()
    for index in range(len(lines) - 1):
        names = [c.strip() for c in lines[index].split(",")]
        values = [c.strip().strip('"') for c in lines[index + 1].split(",")]
        if len(names) >= 3 and len(values) == len(names) and all(_CSV_NAME.fullmatch(n) for n in names):
            entity = named_in(" ".join(lines[:index] + lines[index + 2 :]))
            if entity is None:
                return None
            items = [  # an empty example leaves the type to the name
                item(name.replace(" ", "_"), value_type(scalar(value)) if value else None, not value)
                for name, value in zip(names, values, strict=True)
                if name.lower() != "id"
            ]
            return pascal_case(entity), items
    return None
