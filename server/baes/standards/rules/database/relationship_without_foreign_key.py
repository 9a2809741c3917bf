"""DB006 `relationship-without-foreign-key`: Flags `<name>_id` integer columns without a `REFERENCES`/`FOREIGN KEY` clause."""

from __future__ import annotations

import re
from collections.abc import Iterator

from baes.standards.findings import Severity
from baes.standards.options import RuleOptions
from baes.standards.rule import Example, RuleContext, Violation
from baes.standards.rules.database.common import _tables, column_violation
from baes.standards.rules.families import DATABASE

_RELATION_COLUMN = re.compile(r"^(\w+)_id$", re.IGNORECASE)


_INTEGER_TYPE = re.compile(r"\s*INT", re.IGNORECASE)


def _missing_foreign_key(ctx: RuleContext[RuleOptions]) -> Iterator[Violation]:
    for sql, table in _tables(ctx.index):
        fks = table.foreign_key_columns()
        for column in table.columns:
            relation = _RELATION_COLUMN.match(column.name) and not column.primary_key
            integer = _INTEGER_TYPE.match(column.definition)
            if relation and integer and column.name.lower() not in fks:
                yield column_violation(ctx.index, sql, column, table=table.name, column=column.name)


RULE = DATABASE.rule(
    id="DB006",
    name="relationship-without-foreign-key",
    summary="Flags `<name>_id` integer columns without a `REFERENCES`/`FOREIGN KEY` clause.",
    severity=Severity.WARNING,
    confidence=0.75,
    critical=False,
    message="column `{table}.{column}` looks like a relationship but has no `REFERENCES`/`FOREIGN KEY`",
    why="Without a foreign key the database accepts rows pointing at nothing, and deletes leave orphans.",
    how_to_fix="Add `FOREIGN KEY ({column}) REFERENCES <table>(id)` (and `PRAGMA foreign_keys = ON`).",
    check=_missing_foreign_key,
    profiles=frozenset({"strict", "generated"}),
    valid_examples=(
        Example(
            """
            SCHEMA_SQL = '''
            CREATE TABLE IF NOT EXISTS enrollments (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                student_id INTEGER NOT NULL,
                FOREIGN KEY (student_id) REFERENCES students(id)
            );
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
                student_id INTEGER NOT NULL
            );
            '''


            def init(conn):
                conn.executescript(SCHEMA_SQL)
            """,
        ),
    ),
)
