"""What several database rules share."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from baes.standards.findings import FixSpec
from baes.standards.index import SourceIndex
from baes.standards.literal_positions import span_in_literal
from baes.standards.rule import Violation
from baes.standards.sql import (
    Column,
    SqlString,
    Table,
    parse_tables,
    sql_strings,
)


def _tables(index: SourceIndex) -> Iterator[tuple[SqlString, Table]]:
    """Every ``CREATE TABLE`` of every SQL string, with the string holding it."""
    for sql in sql_strings(index):
        for table in parse_tables(sql.text):
            yield sql, table


def violation_in_sql(
    index: SourceIndex, sql: SqlString, start: int, end: int, /, fix: FixSpec | None = None, **args: Any
) -> Violation:
    """A violation on ``sql.text[start:end]`` (its first line) where that text is in the source,
    else on the whole string: a finding points at the SQL line that is wrong, never a wrong one."""
    span = span_in_literal(index, sql.node, start, max(end, start + 1))
    if span is None:
        return Violation.at(sql.node, fix=fix, **args)
    line, col, end_line, end_col = span
    return Violation(line, col, end_line, end_col, args=args, fix=fix, details=dict(args))


def table_violation(index: SourceIndex, sql: SqlString, table: Table, /, **args: Any) -> Violation:
    """A violation on the ``CREATE TABLE name`` line of ``table``."""
    end = sql.text.find("(", table.offset)
    end = table.offset + len(sql.text[table.offset : end].rstrip()) if end != -1 else table.offset + 6
    return violation_in_sql(index, sql, table.offset, end, **args)


def column_violation(index: SourceIndex, sql: SqlString, column: Column, /, **args: Any) -> Violation:
    """A violation on the line defining ``column``."""
    width = len(column.name) + (1 + len(column.definition) if column.definition else 0)
    return violation_in_sql(index, sql, column.offset, column.offset + width, **args)
