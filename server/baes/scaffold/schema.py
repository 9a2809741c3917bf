"""The SQLite schema of one entity as SQL statements, from its render values.

One source for the table module (``app/tables/<entity>.py`` prints these statements) and for
the migrations (``baes.scaffold.migrations`` creates and rebuilds tables with them), so the
schema a new database gets and the one an old database is migrated to are the same text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


def column_definition(column: Mapping[str, Any]) -> str:
    """``name TEXT NOT NULL``, with the boolean ``CHECK``."""
    text = f"{column['sql_name']} {column['sql_type']}"
    if column["required"]:
        text += " NOT NULL"
    if column["type"] == "bool":
        text += f" CHECK ({column['sql_name']} IN (0, 1))"
    return text


def create_table_sql(
    table_sql: str,
    columns: Sequence[Mapping[str, Any]],
    relationships: Sequence[Mapping[str, Any]],
    *,
    if_not_exists: bool = True,
    unique: Sequence[Sequence[str]] = (),
) -> str:
    """The ``CREATE TABLE`` statement (no trailing semicolon), one column per line."""
    lines = ["id INTEGER PRIMARY KEY AUTOINCREMENT"]
    lines += [column_definition(c) for c in columns]
    lines += [f"UNIQUE ({', '.join(group)})" for group in unique]
    lines += [f"FOREIGN KEY ({r['field_name']}) REFERENCES {r['target_table_sql']}(id)" for r in relationships]
    guard = "IF NOT EXISTS " if if_not_exists else ""
    return f"CREATE TABLE {guard}{table_sql} (\n    " + ",\n    ".join(lines) + "\n)"


def index_sql(table_name: str, table_sql: str, columns: Sequence[Mapping[str, Any]]) -> list[str]:
    """``CREATE INDEX`` for every foreign-key and email column (no trailing semicolons)."""
    return [
        f"CREATE INDEX IF NOT EXISTS idx_{table_name}_{c['name']} ON {table_sql} ({c['sql_name']})"
        for c in columns
        if c["reference"] or c["type"] == "email"
    ]


def table_script(values: Mapping[str, Any]) -> str:
    """The table module's DDL script: the create statement and its indexes, one per line."""
    statements = [create_table_sql(values["table_sql"], values["columns"], values["relationships"], unique=values["unique"])]
    statements += index_sql(values["table_name"], values["table_sql"], values["columns"])
    return "".join(s + ";\n" for s in statements)


__all__ = ["column_definition", "create_table_sql", "index_sql", "table_script"]
