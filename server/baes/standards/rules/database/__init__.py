"""Database rules (DB): connections, SQL built from strings, and the SQLite schema.

Only strings that reach ``execute``/``executemany``/``executescript`` (see ``baes.standards.sql``)
are read as SQL."""

from __future__ import annotations

from baes.standards.rule import Rule
from baes.standards.rules.database import (
    create_without_if_not_exists,
    foreign_key_without_index,
    generator_used_as_context_manager,
    no_not_null_columns,
    relationship_without_foreign_key,
    sql_built_from_strings,
    table_without_primary_key,
)

RULES: tuple[Rule, ...] = (
    generator_used_as_context_manager.RULE,
    sql_built_from_strings.RULE,
    create_without_if_not_exists.RULE,
    table_without_primary_key.RULE,
    no_not_null_columns.RULE,
    relationship_without_foreign_key.RULE,
    foreign_key_without_index.RULE,
)
