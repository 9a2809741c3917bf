"""DB003 `create-without-if-not-exists`: Flags `CREATE TABLE`/`CREATE INDEX` without `IF NOT EXISTS` in executed SQL."""

from __future__ import annotations

from collections.abc import Iterator

from baes.fixes.patches import (
    SqlCreateIfNotExists,
)
from baes.standards.findings import Severity
from baes.standards.options import RuleOptions
from baes.standards.rule import Example, RuleContext, Violation
from baes.standards.rules.database.common import violation_in_sql
from baes.standards.rules.families import DATABASE
from baes.standards.sql import (
    parse_indexes,
    parse_tables,
    sql_strings,
)
from baes.standards.sql_dialect import dialect_of


def _create_if_not_exists(ctx: RuleContext[RuleOptions]) -> Iterator[Violation]:
    for sql in sql_strings(ctx.index):
        dialect = dialect_of(ctx.index, sql.node, sql.text)
        missing = [(t.offset, t.name) for t in parse_tables(sql.text) if not t.if_not_exists]
        tables_only = not [i for i in parse_indexes(sql.text) if not i.if_not_exists]
        if dialect != "other":
            # another database may refuse `CREATE INDEX IF NOT EXISTS` (MySQL does): not asked for there
            missing += [(i.offset, f"index on {i.table}") for i in parse_indexes(sql.text) if not i.if_not_exists]
        if not missing:
            continue
        missing.sort()
        # safe where the SQL is SQLite's, or where only tables change (every database takes that)
        args = {**ctx.position(sql.node), "tables_only": dialect == "other" or tables_only}
        if dialect == "sqlite":
            args["sqlite"] = True
        fix = SqlCreateIfNotExists.spec(args, "add `IF NOT EXISTS`")
        start = missing[0][0]
        end = sql.text.find("(", start)
        end = start + len(sql.text[start:end].rstrip()) if end != -1 else start + len("CREATE")
        yield violation_in_sql(ctx.index, sql, start, end, fix=fix, names=", ".join(name for _, name in missing))


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
    notes=(
        "The fix is safe for `CREATE TABLE` (every database takes `IF NOT EXISTS` there) and, for indexes, "
        "where the SQL is SQLite's (an `if` testing the database, the name of the constant or function holding "
        "the SQL, SQLite-only syntax, or a file importing only `sqlite3`); otherwise it is unsafe. "
        "Indexes in SQL written for another database (a MySQL branch) are not reported."
    ),
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
        Example(
            """
            def create_indexes(conn, dialect):
                if dialect == 'mysql':
                    conn.execute('CREATE INDEX idx_orders_customer ON orders (customer_id)')
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
        Example(
            """
            import sqlite3

            INDEXES_SQL = '''
            CREATE INDEX IF NOT EXISTS idx_orders_day ON orders (day);
            CREATE INDEX idx_orders_customer ON orders (customer_id);
            '''


            def init_db(conn: sqlite3.Connection):
                conn.executescript(INDEXES_SQL)
            """,
            fixed="""
            import sqlite3

            INDEXES_SQL = '''
            CREATE INDEX IF NOT EXISTS idx_orders_day ON orders (day);
            CREATE INDEX IF NOT EXISTS idx_orders_customer ON orders (customer_id);
            '''


            def init_db(conn: sqlite3.Connection):
                conn.executescript(INDEXES_SQL)
            """,
        ),
    ),
)
