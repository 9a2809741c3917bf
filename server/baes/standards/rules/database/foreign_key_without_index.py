"""DB007 `foreign-key-without-index`: Flags foreign-key columns that no `CREATE INDEX` covers."""

from __future__ import annotations

from collections.abc import Iterator

from baes.standards.findings import Severity
from baes.standards.options import RuleOptions
from baes.standards.rule import Example, RuleContext, Violation
from baes.standards.rules.database.common import _tables, violation_in_sql
from baes.standards.rules.families import DATABASE
from baes.standards.sql import (
    parse_indexes,
    sql_strings,
)


def _foreign_key_index(ctx: RuleContext[RuleOptions]) -> Iterator[Violation]:
    indexed: set[tuple[str, str]] = set()
    for sql in sql_strings(ctx.index):
        for idx in parse_indexes(sql.text):
            if idx.columns:
                indexed.add((idx.table.lower(), idx.columns[0]))
    for sql, table in _tables(ctx.index):
        for column, offset in sorted(table.foreign_key_offsets().items()):
            if (table.name.lower(), column) not in indexed:
                end = sql.text.find(",", offset)
                end = end if end != -1 else len(sql.text)
                yield violation_in_sql(ctx.index, sql, offset, end, table=table.name, column=column)


RULE = DATABASE.rule(
    id="DB007",
    name="foreign-key-without-index",
    summary="Flags foreign-key columns that no `CREATE INDEX` covers.",
    severity=Severity.INFO,
    confidence=0.8,
    critical=False,
    message="foreign key `{table}.{column}` has no index",
    why="SQLite does not index foreign keys itself; joins and cascading deletes on them scan the whole table.",
    how_to_fix="Add `CREATE INDEX IF NOT EXISTS idx_{table}_{column} ON {table} ({column})`.",
    check=_foreign_key_index,
    profiles=frozenset({"strict", "generated"}),
    valid_examples=(
        Example(
            """
            SCHEMA_SQL = '''
            CREATE TABLE IF NOT EXISTS enrollments (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                student_id INTEGER NOT NULL REFERENCES students(id)
            );
            CREATE INDEX IF NOT EXISTS idx_enrollments_student_id ON enrollments (student_id);
            '''


            def init(conn):
                conn.executescript(SCHEMA_SQL)
            """,
        ),
    ),
    invalid_examples=(
        Example(
            """
            SCHEMA_SQL = '''
            CREATE TABLE IF NOT EXISTS enrollments (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                student_id INTEGER NOT NULL REFERENCES students(id)
            );
            '''


            def init(conn):
                conn.executescript(SCHEMA_SQL)
            """,
        ),
    ),
)
