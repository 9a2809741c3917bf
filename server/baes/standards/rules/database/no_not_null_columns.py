"""DB005 `no-not-null-columns`: Flags tables in which no column is `NOT NULL`."""

from __future__ import annotations

from collections.abc import Iterator

from baes.standards.findings import Severity
from baes.standards.options import RuleOptions
from baes.standards.rule import Example, RuleContext, Violation
from baes.standards.rules.database.common import _tables, table_violation
from baes.standards.rules.families import DATABASE


def _all_nullable(ctx: RuleContext[RuleOptions]) -> Iterator[Violation]:
    for sql, table in _tables(ctx.index):
        others = [c for c in table.columns if not c.primary_key]
        if others and not any(c.not_null for c in others):
            yield table_violation(ctx.index, sql, table, table=table.name)


RULE = DATABASE.rule(
    id="DB005",
    name="no-not-null-columns",
    summary="Flags tables in which no column is `NOT NULL`.",
    severity=Severity.INFO,
    confidence=0.6,
    critical=False,
    message="no column of table `{table}` is `NOT NULL`: are none of its attributes required?",
    why="Required attributes belong in the schema as `NOT NULL`, so bad rows are refused by the database too.",
    how_to_fix="Mark the columns of required attributes `NOT NULL`.",
    check=_all_nullable,
    profiles=frozenset({"strict"}),
    notes="Only in the strict profile: an entity whose attributes are all optional is legitimate.",
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
                conn.execute('CREATE TABLE IF NOT EXISTS tags (id INTEGER PRIMARY KEY, label TEXT)')
            """,
        ),
    ),
)
