"""DB003 `create-without-if-not-exists`: Flags `CREATE TABLE`/`CREATE INDEX` without `IF NOT EXISTS` in executed SQL."""
from __future__ import annotations

from collections.abc import Iterator

from baes.fixes.patches import (
    SqlCreateIfNotExists,
)
from baes.standards.findings import Severity
from baes.standards.options import RuleOptions
from baes.standards.rule import Example, RuleContext, Violation
from baes.standards.rules.families import DATABASE
from baes.standards.sql import (
    parse_indexes,
    parse_tables,
    sql_strings,
)


def _create_if_not_exists(ctx: RuleContext[RuleOptions]) -> Iterator[Violation]:
    for sql in sql_strings(ctx.index):
        names = [t.name for t in parse_tables(sql.text) if not t.if_not_exists]
        names += [f"index on {i.table}" for i in parse_indexes(sql.text) if not i.if_not_exists]
        if names:
            node = sql.node
            fix = SqlCreateIfNotExists.spec(ctx.position(node), "add `IF NOT EXISTS`")
            yield Violation.at(node, fix=fix, names=", ".join(names))



RULE = DATABASE.rule(
    id="DB003",
    name="create-without-if-not-exists",
    summary="Flags `CREATE TABLE`/`CREATE INDEX` without `IF NOT EXISTS` in executed SQL.",
    severity=Severity.WARNING,
    confidence=0.9,
    critical=False,
    message="`CREATE` without `IF NOT EXISTS` ({names}) fails when the schema is applied a second time",
    why="Schemas applied at start-up run on every start; without `IF NOT EXISTS` the second start fails.",
    how_to_fix="Write `CREATE TABLE IF NOT EXISTS` / `CREATE INDEX IF NOT EXISTS`.",
    check=_create_if_not_exists,
    patch=SqlCreateIfNotExists,
    profiles=frozenset({"strict", "generated"}),
    valid_examples=(
        Example(
            """
            SCHEMA_SQL = 'CREATE TABLE IF NOT EXISTS students (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL)'


            def init_db(conn):
                conn.executescript(SCHEMA_SQL)
            """,
        ),
    ),
    invalid_examples=(
        Example(
            """
            SCHEMA_SQL = 'CREATE TABLE students (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL)'


            def init_db(conn):
                conn.executescript(SCHEMA_SQL)
            """,
            fixed="""
            SCHEMA_SQL = 'CREATE TABLE IF NOT EXISTS students (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL)'


            def init_db(conn):
                conn.executescript(SCHEMA_SQL)
            """,
        ),
    ),
)

