"""Database vocabulary read as the words a person would type: column definitions and ALTER TABLE.

People who think in tables write a change the way they would write the SQL or the schema:
"first_name text not null, hire_date date, salary numeric", "price Float?", "ALTER the drivers
table: add column rating (nullable float)", "ALTER TABLE bins DROP COLUMN colour". Read as words,
"hire_date date" became an attribute ``hire_date_date`` and "not null" part of a name. Here a
column definition becomes "name (type)" (and "optional" when it may be null), and an ALTER
statement the add, remove or rename request it is. Part of ``text_layout``.

A type word after a plain word is a column definition only when it cannot be part of an everyday
name: "salary numeric" and "title varchar" are, "hire date" and "body text" are not, unless the
name is written as code ("hire_date date", "bodyText text") or the list is a list of definitions.
"""

from __future__ import annotations

import re

from baes.recognition import vocabulary as vocab
from baes.scaffold.spec import snake_case

#: Column types and the attribute type each one is.
SQL_TYPES: dict[str, str] = {
    **dict.fromkeys(("varchar", "nvarchar", "char", "character varying", "string", "citext", "uuid", "str"), "str"),
    **dict.fromkeys(("integer", "int", "bigint", "smallint", "tinyint", "int4", "int8"), "int"),
    **dict.fromkeys(("numeric", "decimal", "double precision", "double", "float4", "float8"), "float"),
    **dict.fromkeys(("boolean", "bool"), "bool"),
    **dict.fromkeys(("timestamp", "timestamptz", "datetime"), "datetime"),
    # Words that are also the last word of everyday names ("hire date", "body text", "start time"):
    "text": "str",
    "email": "email",
    "float": "float",
    "real": "float",
    "date": "date",
    "time": "datetime",
    "number": "float",  # TypeScript
    "money": "float",  # SQL Server; "prize money" is a name unless the list around it is typed
}


def declared_type(word: str, name: str) -> str | None:
    """The attribute type a declared type word gives the field ``name``: TypeScript's ``number`` is
    whole or not as the name says ("breakMinutes: number" counts), JavaScript's ``Date`` is a moment
    unless the name says a day ("birthDate: Date"); other words as ``SQL_TYPES`` says."""
    kind = SQL_TYPES.get(re.sub(r"\s+", " ", word.lower()))
    snake = snake_case(name).lower()
    named = "date" if snake.endswith("_on") else vocab.infer_type(snake)  # "mixedOn": the day
    if word.lower() == "number":
        return named if named in {"int", "float"} else "float"
    if word == "Date":
        return "date" if named == "date" else "datetime"
    return kind


#: Words before a type that say something about it, never a column's name: "(nullable float)".
_NOT_NAMES = frozenset({"nullable", "null", "optional", "required", "unique", "a", "an", "the", "as", "type", "of"})
_EVERYDAY = frozenset({"text", "float", "real", "date", "time", "number", "str", "money", "email"})
_TYPE = "|".join(sorted((re.escape(t).replace(r"\ ", r"\s+") for t in SQL_TYPES), key=len, reverse=True))
_MODIFIER = r"(?:not\s+null|null|nullable|primary\s+key|unique|default\s+[\w'\".-]+|references\s+\w+(?:\(\w+\))?)"
#: One definition between list marks: a name, a type with an optional size, "?"/"!" and modifiers.
_COLUMN = re.compile(
    rf"(?P<lead>^|[,;:(\[`]|\.(?=[ \t])|\n)(?P<space>[ \t]*)(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?P<ask>\?)?[ \t]*:?[ \t]+"
    rf"(?:Optional\[)?(?P<type>{_TYPE})\]?(?:\(\s*\d+(?:\s*,\s*\d+)?\s*\))?(?P<mark>[?!])?"
    rf"(?P<mods>(?:[ \t]+{_MODIFIER})*)(?P<none>[ \t]*=[ \t]*None)?[ \t]*(?=[,;)\]`]|\n|$)",
    re.I,
)
_ALTER = re.compile(
    r"\balter\s+(?:the\s+)?(?:table\s+)?(?P<table>[A-Za-z_]\w*)(?:\s+table)?\s*[:,]?\s*"
    r"(?P<verb>add|drop|rename)\s+(?:a\s+)?(?:column\s+)?(?P<rest>[^;\n]+?)\s*;?\s*$",
    re.I | re.M,
)


#: An ALTER statement followed by another of the same table and verb, on the next line.
_NEXT_ALTER = re.compile(
    r"(\balter\s+table\s+(\w+)\s+(add|drop)\s+(?:column\s+)?[^;\n]+?)\s*;?[ \t]*\n\s*alter\s+table\s+\2\s+\3\s+", re.I
)


def _as_code(name: str) -> bool:
    return "_" in name or (name[:1].islower() and any(c.isupper() for c in name))


def _definitions(text: str) -> list[re.Match[str]]:
    matches = [
        m
        for m in _COLUMN.finditer(text)
        if m.group("name").lower() not in _NOT_NAMES and not _asks(m, text) and not _named_email(m)
    ]
    listed = len(matches) >= 2 and sum(1 for m in matches if _clear(m)) >= 2
    return [m for m in matches if listed or _clear(m)]


def _named_email(match: re.Match[str]) -> bool:
    """ "technician email": a field named so (no colon said the word is its type, as in "approver: email")."""
    return match.group("type").lower() == "email" and ":" not in match.group(0)


def _asks(match: re.Match[str], text: str) -> bool:
    """Whether the "?" after a definition ends a question ("…, quote, ready date?") instead of marking it optional."""
    after = text[match.end() :]
    ends = not after.strip() or bool(re.match(r"\s+[A-Z]", after))
    return match.group("mark") == "?" and ends and bool(_QUESTION.search(text[: match.start()]))


#: Words that make a sentence a question: "Can the app remember …, ready date?".
_QUESTION = re.compile(r"(?:^|[.!?]\s+)(?:can|could|would|will|is|are|do|does|how|what|may)\b[^.!?]*$", re.I)


def _clear(match: re.Match[str]) -> bool:
    """A definition no everyday name could be: an unambiguous type, a name written as code, a size."""
    kind = re.sub(r"\s+", " ", match.group("type").lower())
    marks = match.group("mark") or match.group("ask") or match.group("mods") or match.group("none")
    return kind not in _EVERYDAY or _as_code(match.group("name")) or bool(marks)


def _adding(field: str, where: str, default: str | None) -> str:
    """One field added as a person would ask it: "add active (bool) to organization, default true"."""
    return f"add {field} {where}" + (f", default {default}" if default else "")


def _default(match: re.Match[str]) -> str | None:
    """The value of a definition's DEFAULT clause ("DEFAULT true" → "true"), or None."""
    found = re.search(r"\bdefault\s+([\w'\".-]+)", match.group("mods") or "", re.I)
    return found[1].strip("'\"") if found else None


def _written(match: re.Match[str], said_default: bool = True) -> str:
    """One definition as "name (type) optional default X"; without its default when the caller says it apart."""
    kind = declared_type(match.group("type"), match.group("name")) or "str"
    mods = re.sub(r"\s+", " ", (match.group("mods") or "").lower())
    nullable = (
        "?" in (match.group("mark") or "", match.group("ask") or "")
        or "Optional[" in match.group(0)
        or bool(match.group("none"))
        or (re.search(r"\bnull(able)?\b", mods) and "not null" not in mods)
    )
    optional = " optional" if nullable else ""
    typed = "" if kind == "str" else f" ({kind})"  # text says nothing: "email text" is still an email
    default = _default(match) if said_default else None
    said = f" default {default}" if default else ""  # "renewal_count int default 0": left for the default rules
    return f"{match.group('lead')}{match.group('space')}{match.group('name')}{typed}{optional}{said}"


_FOREIGN_KEY_CLAUSE = re.compile(
    r"(?:constraint\s+\w+\s+)?foreign\s+key\s*\(\s*\w+\s*\)\s*references\s+([A-Za-z_]\w*)"
    r"|\w+_id\s+(?:integer|int|bigint)?\s*(?:not\s+null\s+)?references\s+([A-Za-z_]\w*)",  # "sensor_id INTEGER REFERENCES …"
    re.I,
)


def _altered(match: re.Match[str]) -> str:
    table, verb, rest = match.group("table"), match.group("verb").lower(), match.group("rest")
    # "ADD COLUMN a float, ADD COLUMN b text": the repeated clause is one list
    rest = re.sub(rf",\s*{verb}\s+(?:column\s+)?", ", ", rest, flags=re.I)
    if verb == "add":
        key = _FOREIGN_KEY_CLAUSE.match(rest)
        if key:  # "ADD FOREIGN KEY (meter_id) REFERENCES meters(id)": the table's rows belong to the other's
            return f"each {table} belongs to a {key.group(1) or key.group(2)}"
        columns = [_COLUMN.match(item.strip()) for item in rest.split(",")]  # "ADD COLUMN gps_id TEXT NULL": typed
        if len(columns) == 1 and columns[0]:
            return _adding(_written(columns[0], said_default=False), f"to {table}", _default(columns[0]))
        if all(columns):
            rest = ", ".join(_written(column, said_default=False) for column in columns if column)
        return f"add {rest} to {table}"
    if verb == "drop":
        return f"remove {rest} from {table}"
    if re.match(r"to\s", rest, re.I):  # "ALTER TABLE customers RENAME TO clients": the table itself
        return f"rename the {table} entity {rest}"
    parts = re.split(r"\s+to\s+", rest, maxsplit=1, flags=re.I)
    return f"rename {parts[0]} to {parts[1]} in {table}" if len(parts) == 2 else match.group(0)


#: A declaration opening a block: "interface Drone {", "class Drone(BaseModel):", "type Drone = {".
_CODE_HEADER = re.compile(
    r"^[ \t]*(?:@dataclass\s*)?(?:export\s+)?(?:interface|type|class|struct|schema|record)\s+([A-Z]\w*)"
    r"(?:\s*\([\w., ]*\))?\s*(?:=\s*)?(?=[{:]\s*$)",
    re.M,
)
#: A schema block's braces: "model Boat {" opens its list, "}" closes it.
_OPEN_BRACE = re.compile(r"[ \t]*\{[ \t]*(?=\n)")
_CLOSE_BRACE = re.compile(r"^[ \t]*\}[ \t]*$", re.M)


#: "add has_locker: bool = False to Member": one annotated field (Python, TypeScript) added with its default.
_ANNOTATED_ADD = re.compile(
    rf"\badd\s+(?P<name>[A-Za-z_]\w*)\s*:\s*(?P<type>{_TYPE})(?:\s*=\s*(?P<value>[\w'\".-]+))?\s+(?P<rest>(?:to|on|in)\s+[^\n]+)$",
    re.I | re.M,
)


def _annotated_add(match: re.Match[str]) -> str:
    kind = declared_type(match.group("type"), match.group("name")) or "str"
    value = (match.group("value") or "").strip("'\"")
    optional = value.lower() in {"none", "null"}
    field = f"{match.group('name')} ({kind}){' optional' if optional else ''}"
    return _adding(field, match.group("rest").rstrip(" ."), None if optional else value or None)


def plain_sql(text: str) -> str:
    """``text`` with column definitions as "name (type)" and ALTER statements as requests."""
    text = _ANNOTATED_ADD.sub(_annotated_add, text)
    joined = None
    while joined != text:  # "ALTER TABLE book ADD COLUMN a TEXT;\nALTER TABLE book ADD COLUMN b REAL;": one statement
        joined, text = text, _NEXT_ALTER.sub(r"\1, \3 ", text)
    text = _CODE_HEADER.sub(r"create \1", _ALTER.sub(_altered, text))
    text = _CLOSE_BRACE.sub("", _OPEN_BRACE.sub(":", text))
    definitions = _definitions(text)
    for match in reversed(definitions):
        text = text[: match.start()] + _written(match) + text[match.end() :]
    return text
