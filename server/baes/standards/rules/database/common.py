"""What several database rules share."""
from __future__ import annotations

from collections.abc import Iterator

from baes.standards.index import SourceIndex
from baes.standards.sql import (
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

