"""Which database an SQL string is written for: SQLite, another one, or unknown.

A fix that is valid SQL on SQLite can be refused elsewhere (MySQL rejects ``CREATE INDEX IF NOT
EXISTS``), so a rule offering such a fix as safe must know the SQL is SQLite's. Evidence, from
the nearest to the farthest (the first that speaks decides):

1. the innermost ``if``/``elif`` around the string whose test names a database
   (``if dialect == "mysql":``, ``if engine.name.startswith("postgres")``): in its body the SQL is
   that database's; in its ``else`` it is not that one (another database when the test asked
   for SQLite, unknown when it asked for another one: a third may be meant);
2. the name of the constant or of the function holding the string (``MYSQL_SCHEMA``,
   ``def create_postgres_tables``);
3. the SQL itself: ``AUTOINCREMENT`` is SQLite's, ``AUTO_INCREMENT``/``ENGINE=``/``SERIAL`` are not;
4. the drivers the file imports: ``sqlite3``/``aiosqlite`` and no other database driver.
"""

from __future__ import annotations

import ast
import re
from typing import Literal

from baes.standards.index import SourceIndex

Dialect = Literal["sqlite", "other", "unknown"]

_OTHER_WORDS = re.compile(r"mysql|mariadb|postgres|psycopg|asyncpg|mssql|sqlserver|oracle|pymysql|redshift", re.I)
_SQLITE_WORD = re.compile(r"sqlite", re.I)
_SQLITE_SQL = re.compile(r"\bAUTOINCREMENT\b|\bWITHOUT\s+ROWID\b|\bPRAGMA\b", re.I)
_OTHER_SQL = re.compile(r"\bAUTO_INCREMENT\b|\bENGINE\s*=|\bSERIAL\b|\bBIGSERIAL\b|\bUNSIGNED\b|\bIDENTITY\s*\(", re.I)
_SQLITE_DRIVERS = frozenset({"sqlite3", "aiosqlite"})
_OTHER_DRIVERS = frozenset(
    {
        "pymysql",
        "MySQLdb",
        "mysql",
        "aiomysql",
        "asyncmy",
        "psycopg",
        "psycopg2",
        "asyncpg",
        "pyodbc",
        "pymssql",
        "cx_Oracle",
        "oracledb",
    }
)


def _named(text: str) -> Dialect | None:
    """What a piece of code text (a test, a name) says about the database, if anything."""
    other, sqlite = _OTHER_WORDS.search(text), _SQLITE_WORD.search(text)
    if other and not sqlite:
        return "other"
    if sqlite and not other:
        return "sqlite"
    return None


def dialect_of(index: SourceIndex, node: ast.expr, text: str) -> Dialect:
    """The database the SQL ``text`` held by ``node`` is written for."""
    branch = _branch_dialect(index, node)
    if branch is not None:
        return branch
    holder = _holder_name(index, node)
    named = _named(holder) if holder else None
    if named is not None:
        return named
    if _OTHER_SQL.search(text):
        return "other"
    if _SQLITE_SQL.search(text):
        return "sqlite"
    modules = index.imported_modules
    if modules & _SQLITE_DRIVERS and not modules & _OTHER_DRIVERS:
        return "sqlite"
    if modules & _OTHER_DRIVERS and not modules & _SQLITE_DRIVERS:
        return "other"
    return "unknown"


def _inside(node: ast.AST, body: list[ast.stmt]) -> bool:
    if not body:
        return False
    line = getattr(node, "lineno", 0)
    return body[0].lineno <= line <= (body[-1].end_lineno or body[-1].lineno)


def _branch_dialect(index: SourceIndex, node: ast.expr) -> Dialect | None:
    innermost: tuple[int, Dialect | None] | None = None
    for branch in index.nodes(ast.If):
        in_body, in_else = _inside(node, branch.body), _inside(node, branch.orelse)
        if not (in_body or in_else):
            continue
        named = _named(ast.unparse(branch.test))
        if named is None:
            continue
        # in the else of "is it SQLite?" it is another database; in the else of "is it MySQL?" it is unknown
        verdict: Dialect | None = named if in_body else ("other" if named == "sqlite" else None)
        if innermost is None or branch.lineno > innermost[0]:
            innermost = (branch.lineno, verdict)
    return innermost[1] if innermost else None


def _holder_name(index: SourceIndex, node: ast.expr) -> str:
    """The module constant assigned ``node`` and the function holding it, as one text."""
    names = [name for name, value in index.module_constants.items() if _contains(value, node)]
    func = index.enclosing_function(node)
    if func is not None:
        names.append(func.name)
    return " ".join(names)


def _contains(value: ast.expr, node: ast.expr) -> bool:
    return value is node or (isinstance(value, (ast.Tuple, ast.List)) and any(_contains(e, node) for e in value.elts))
