"""DB004 `table-without-primary-key`: Flags `CREATE TABLE` statements without a primary key."""

from __future__ import annotations

from collections.abc import Iterator

from baes.standards.findings import Severity
from baes.standards.options import RuleOptions
from baes.standards.rule import Example, RuleContext, Violation
from baes.standards.rules.database.common import _tables, table_violation
from baes.standards.rules.families import DATABASE


def _primary_key(ctx: RuleContext[RuleOptions]) -> Iterator[Violation]:
    for sql, table in _tables(ctx.index):
        if not table.has_primary_key:
            yield table_violation(ctx.index, sql, table, table=table.name)


RULE = DATABASE.rule(
    id="DB004",
    name="table-without-primary-key",
    summary="Flags `CREATE TABLE` statements without a primary key.",
    severity=Severity.WARNING,
    confidence=0.9,
    critical=False,
    message="table `{table}` has no primary key",
    why="Without a primary key rows cannot be addressed reliably (updates, deletes, foreign keys, `GET /{id}`).",
    how_to_fix="Add `id INTEGER PRIMARY KEY AUTOINCREMENT` (or a `PRIMARY KEY (...)` constraint).",
    check=_primary_key,
    valid_examples=(
        Example(
            """
            def init(conn):
                conn.execute('CREATE TABLE IF NOT EXISTS tags (id INTEGER PRIMARY KEY, label TEXT NOT NULL)')
            """,
        ),
    ),
    invalid_examples=(
        Example(
            """
            def init(conn):
                conn.execute('CREATE TABLE IF NOT EXISTS tags (label TEXT NOT NULL)')
            """,
        ),
    ),
)
