"""A pasted schema from a diagram or a data tool: a DBML table (dbdiagram.io), a Mermaid ``erDiagram`` entity, or
the column types a dataframe shows (pandas ``df.dtypes`` or ``df.info()``).

Read as words, their markup became fields ("id_integer_pk", "er_diagram", "tonnage_float64"). DBML says ``[not
null]``, ``[pk]`` and ``[ref: > users.id]`` beside a column; Mermaid puts the type before the name; a dataframe's
``object`` is text, ``int64`` a count, ``datetime64[ns]`` a moment, and ``df.info()`` shows how many rows hold a
value, so a column with fewer is optional. Used by ``baes.recognition.pasted_code``.
"""

from __future__ import annotations

import re

from baes.recognition.pasted_classes import LANGUAGE_TYPES
from baes.recognition.pasted_names import named_in
from baes.recognition.pasted_values import column_item, declared, item
from baes.recognition.plurals import singularize
from baes.recognition.sql_words import SQL_TYPES
from baes.scaffold.spec import pascal_case

#: "Table vessels {" … "}".
_DBML_TABLE = re.compile(r"^\s*Table\s+[\"`]?(\w+)[\"`]?(?:\s+as\s+\w+)?\s*\{([^{}]*)\}", re.M | re.I)
_DBML_COLUMN = re.compile(r"^\s*[\"`]?(\w+)[\"`]?\s+([\w]+)(?:\([\d, ]+\))?\s*(?:\[([^\]]*)\])?\s*$")
#: "erDiagram" then "VESSEL {" … "}" with "type name [PK|FK] ["comment"]" lines.
_MERMAID_ENTITY = re.compile(r"^\s*([A-Za-z][\w-]*)\s*\{([^{}]*)\}", re.M)
_MERMAID_ATTRIBUTE = re.compile(r"^\s*([\w\[\]]+)\s+(\w+)(?:\s+(PK|FK|UK)(?:\s*,\s*(?:PK|FK|UK))*)?(?:\s+\"[^\"]*\")?\s*$")
#: A dataframe's column types.
_DTYPES = {"object": "varchar", "string": "varchar", "category": "varchar", "int64": "integer", "int32": "integer",
           "int16": "integer", "int8": "integer", "float64": "decimal", "float32": "decimal", "bool": "boolean",
           "boolean": "boolean", "datetime64[ns]": "timestamp", "datetime64": "timestamp"}  # fmt: skip
_DTYPE_LINE = re.compile(r"^\s*(?:\d+\s+)?([A-Za-z_][\w ]{0,40}?)\s{2,}(?:(\d+)\s+non-null\s+)?([\w\[\], ]+?)\s*$")


def dbml_table(text: str) -> tuple[str, list[str]] | None:
    """ "Table vessels { id integer [pk] name varchar [not null] owner_id int [ref: > owners.id] }"."""
    table = _DBML_TABLE.search(text)
    if table is None:
        return None
    columns = [c for c in (_DBML_COLUMN.match(line) for line in table.group(2).splitlines()) if c]
    marked = any("not null" in (c.group(3) or "").lower() for c in columns)
    items = []
    for column in columns:
        settings = (column.group(3) or "").lower()
        if "pk" in re.split(r"[,\s]+", settings) or column.group(1).lower() == "id":
            continue
        target = re.search(r"ref\s*:\s*[<>-]\s*(\w+)\.", settings)
        items.append(column_item(column.group(1), column.group(2), settings, marked, target.group(1) if target else None))
    return pascal_case(singularize(table.group(1).lower())), items


def mermaid_entity(text: str) -> tuple[str, list[str]] | None:
    """A Mermaid ``erDiagram``'s first entity block: "VESSEL { string name  float tonnage  date built }"."""
    if not re.search(r"\berDiagram\b", text):
        return None
    entity = _MERMAID_ENTITY.search(text)
    if entity is None:
        return None
    items = []
    for line in entity.group(2).splitlines():
        attribute = _MERMAID_ATTRIBUTE.match(line)
        if attribute is None or attribute.group(2).lower() == "id" or attribute.group(3) == "PK":
            continue
        kind = attribute.group(1).lower()
        word = kind if kind in SQL_TYPES else LANGUAGE_TYPES.get(kind)
        items.append(item(attribute.group(2), declared(word, attribute.group(2)), False))
    return pascal_case(singularize(entity.group(1).lower().replace("-", "_"))), items


def dataframe_types(text: str) -> tuple[str, list[str]] | None:
    """ "df.dtypes" ("name  object") or "df.info()" (" 0  name  120 non-null  object") under the entity the words
    around it name."""
    rows, counts, around = [], [], []
    for line in text.splitlines():
        found = _DTYPE_LINE.match(line)
        if found and found.group(3).strip().lower() in _DTYPES and found.group(1).strip().lower() not in {"dtype", "column"}:
            rows.append((found.group(1).strip(), _DTYPES[found.group(3).strip().lower()]))
            counts.append(int(found.group(2)) if found.group(2) else None)
        elif not re.match(r"^\s*(?:dtype:|#\s+Column|---|<class|RangeIndex|Data columns|dtypes:|memory usage)", line):
            around.append(line)
    entity = named_in(" ".join(around))
    if len(rows) < 2 or entity is None:
        return None
    most = max((c for c in counts if c is not None), default=None)
    items = [
        item(name.replace(" ", "_"), declared(word, name), most is not None and count is not None and count < most)
        for (name, word), count in zip(rows, counts, strict=True)
        if name.lower() not in {"id", "index"}
    ]
    return pascal_case(entity), items
