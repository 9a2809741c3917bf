"""SQL that is code: the strings that reach ``execute``/``executescript``, and their DDL parsed.

A string counts as SQL only when it is passed to an execute call, directly, through a local
variable, or through a module constant named like ``*SQL``/``*SCHEMA``/``*DDL`` (or a tuple
of them) in a file that executes SQL. Other strings are never looked at.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from functools import lru_cache

from baes.standards.index import SourceIndex

EXECUTE_METHODS = frozenset({"execute", "executemany", "executescript"})
_CONSTANT_NAME = re.compile(r"(SQL|SCHEMA|DDL|QUERY|STATEMENTS?|TABLES?)$", re.IGNORECASE)
_CREATE_TABLE = re.compile(
    r"\bCREATE\s+(?:TEMP\s+|TEMPORARY\s+)?TABLE\s+(IF\s+NOT\s+EXISTS\s+)?([\"`\[]?[\w.]+[\"`\]]?)\s*\(",
    re.IGNORECASE,
)
_CREATE_INDEX = re.compile(
    r"\bCREATE\s+(?:UNIQUE\s+)?INDEX\s+(IF\s+NOT\s+EXISTS\s+)?[\"`\[]?[\w.]+[\"`\]]?\s+ON\s+"
    r"[\"`\[]?([\w.]+)[\"`\]]?\s*\(([^)]*)\)",
    re.IGNORECASE,
)
_CONSTRAINT_START = re.compile(r"^(CONSTRAINT|PRIMARY\s+KEY|FOREIGN\s+KEY|UNIQUE|CHECK)\b", re.IGNORECASE)
_LOOKS_LIKE_SQL = re.compile(
    r"\s*(--[^\n]*\n\s*)*(CREATE|INSERT|SELECT|UPDATE|DELETE|PRAGMA|DROP|ALTER|WITH|REPLACE)\b", re.IGNORECASE
)
_STATEMENT_KEYWORD = re.compile(
    r"\b(CREATE|INSERT|SELECT|UPDATE|DELETE|PRAGMA|DROP|ALTER|WITH|REPLACE|VALUES|FROM|WHERE|SET)\b", re.IGNORECASE
)
_PRIMARY_KEY = re.compile(r"\bPRIMARY\s+KEY\b", re.IGNORECASE)
_NOT_NULL = re.compile(r"\bNOT\s+NULL\b", re.IGNORECASE)
_REFERENCES = re.compile(r"\bREFERENCES\b", re.IGNORECASE)
_PRIMARY_KEY_CONSTRAINT = re.compile(r"(CONSTRAINT\s+\w+\s+)?PRIMARY\s+KEY", re.IGNORECASE)
_FOREIGN_KEY_CONSTRAINT = re.compile(r"FOREIGN\s+KEY\s*\(([^)]*)\)", re.IGNORECASE)


@dataclass(frozen=True)
class SqlString:
    """A string literal that is SQL, and where it is."""

    node: ast.Constant
    text: str


@dataclass
class Column:
    name: str
    definition: str
    offset: int = 0  # where the column's definition starts in the SQL text

    @property
    def primary_key(self) -> bool:
        return bool(_PRIMARY_KEY.search(self.definition))

    @property
    def not_null(self) -> bool:
        return bool(_NOT_NULL.search(self.definition)) or self.primary_key

    @property
    def references(self) -> bool:
        return bool(_REFERENCES.search(self.definition))


@dataclass
class Table:
    """One ``CREATE TABLE`` statement."""

    name: str
    if_not_exists: bool
    columns: list[Column] = field(default_factory=list)
    constraints: list[str] = field(default_factory=list)
    offset: int = 0  # where ``CREATE`` starts in the SQL text
    constraint_offsets: list[int] = field(default_factory=list)

    @property
    def has_primary_key(self) -> bool:
        if any(c.primary_key for c in self.columns):
            return True
        return any(_PRIMARY_KEY_CONSTRAINT.match(c) for c in self.constraints)

    def foreign_key_columns(self) -> set[str]:
        return set(self.foreign_key_offsets())

    def foreign_key_offsets(self) -> dict[str, int]:
        """Foreign-key column (lower case) -> where it is declared as one in the SQL text."""
        cols = {c.name.lower(): c.offset for c in self.columns if c.references}
        for constraint, offset in zip(self.constraints, self.constraint_offsets, strict=True):
            m = _FOREIGN_KEY_CONSTRAINT.search(constraint)
            if m:
                for x in m.group(1).split(","):
                    cols.setdefault(_strip_ident(x).lower(), offset)
        return cols


@dataclass(frozen=True)
class Index:
    table: str
    columns: tuple[str, ...]
    if_not_exists: bool
    offset: int = 0  # where ``CREATE`` starts in the SQL text


def _strip_ident(text: str) -> str:
    return text.strip().strip('"`[]')


def _split_top_level(body: str) -> list[tuple[int, str]]:
    """The comma-separated parts of ``body`` outside parentheses and quotes, stripped, each with
    the offset in ``body`` where its text starts."""
    parts: list[tuple[int, str]] = []
    depth, current, quote, start = 0, [], "", 0
    for i, ch in enumerate(body):
        if quote:
            current.append(ch)
            if ch == quote:
                quote = ""
            continue
        if ch in "'\"":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append((start, "".join(current)))
            current, start = [], i + 1
            continue
        current.append(ch)
    parts.append((start, "".join(current)))
    return [(at + len(p) - len(p.lstrip()), p.strip()) for at, p in parts if p.strip()]


def _body_after(text: str, open_paren: int) -> str | None:
    depth = 0
    for i in range(open_paren, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return text[open_paren + 1 : i]
    return None


@lru_cache(maxsize=512)
def parse_tables(text: str) -> tuple[Table, ...]:
    """Every ``CREATE TABLE`` in ``text`` with its columns and table constraints."""
    tables = []
    for m in _CREATE_TABLE.finditer(text):
        body = _body_after(text, m.end() - 1)
        if body is None:
            continue
        table = Table(name=_strip_ident(m.group(2)), if_not_exists=bool(m.group(1)), offset=m.start())
        body_start = m.end()
        for at, part in _split_top_level(body):
            if _CONSTRAINT_START.match(part):
                table.constraints.append(part)
                table.constraint_offsets.append(body_start + at)
            else:
                name, _, rest = part.partition(" ")
                table.columns.append(Column(_strip_ident(name), rest, body_start + at))
        tables.append(table)
    return tuple(tables)


@lru_cache(maxsize=512)
def parse_indexes(text: str) -> tuple[Index, ...]:
    return tuple(
        Index(
            table=_strip_ident(m.group(2)),
            columns=tuple(_strip_ident(c).split()[0].lower() for c in m.group(3).split(",") if c.strip()),
            if_not_exists=bool(m.group(1)),
            offset=m.start(),
        )
        for m in _CREATE_INDEX.finditer(text)
    )


def is_execute_call(call: ast.Call) -> bool:
    return isinstance(call.func, ast.Attribute) and call.func.attr in EXECUTE_METHODS


def _string_constants(node: ast.expr) -> list[ast.Constant]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node]
    if isinstance(node, (ast.Tuple, ast.List)):
        out: list[ast.Constant] = []
        for elt in node.elts:
            out += _string_constants(elt)
        return out
    return []


def sql_strings(index: SourceIndex) -> list[SqlString]:
    """Every string literal in the file that is SQL reaching an execute call (cached per index)."""
    return index.memo("sql_strings", _find_sql_strings)


def _find_sql_strings(index: SourceIndex) -> list[SqlString]:
    found: dict[int, ast.Constant] = {}
    executes = [c for c in index.calls_to(*EXECUTE_METHODS) if is_execute_call(c)]
    if executes:
        # literals passed straight in, and local names assigned a literal in the same function
        for call in executes:
            if not call.args:
                continue
            first = call.args[0]
            for const in _string_constants(first):
                found[id(const)] = const
            if isinstance(first, ast.Name):
                consts = _local_literals(index, call, first.id)
                if not consts and first.id in index.module_constants:
                    consts = _string_constants(index.module_constants[first.id])
                for const in consts:
                    found[id(const)] = const
        for name, value in index.module_constants.items():
            if _CONSTANT_NAME.search(name):
                for const in _string_constants(value):
                    found[id(const)] = const
    return sorted(
        (SqlString(c, c.value) for c in found.values() if isinstance(c.value, str) and looks_like_sql(c.value)),
        key=lambda s: (s.node.lineno, s.node.col_offset),
    )


def mentions_statement(text: str) -> bool:
    """Whether ``text`` holds an SQL statement's keyword anywhere (not only at its start)."""
    return bool(_STATEMENT_KEYWORD.search(text))


def looks_like_sql(text: str) -> bool:
    """Whether ``text`` starts (after comments) with an SQL statement's keyword."""
    return bool(_LOOKS_LIKE_SQL.match(text))


def _assignments_by_name(index: SourceIndex) -> dict[str, list[ast.Assign]]:
    """``name = ...`` statements of the whole file by target name (once per index, not one walk
    of the module per ``execute(name)``)."""

    def compute(ix: SourceIndex) -> dict[str, list[ast.Assign]]:
        grouped: dict[str, list[ast.Assign]] = {}
        for node in ix.nodes(ast.Assign):
            for name in {t.id for t in node.targets if isinstance(t, ast.Name)}:
                grouped.setdefault(name, []).append(node)
        return grouped

    return index.memo("sql_assignments", compute)


def _local_literals(index: SourceIndex, call: ast.Call, name: str) -> list[ast.Constant]:
    """String literals assigned to ``name`` anywhere inside the function holding ``call``
    (nested functions included), or anywhere in the file at module level."""
    assigns = _assignments_by_name(index).get(name, [])
    func = index.enclosing_function(call)
    if func is not None:
        # statements have exact positions: those inside the def's text are the ones below it
        start = (func.lineno, func.col_offset)
        end = (func.end_lineno or func.lineno, func.end_col_offset or 0)
        assigns = [
            a for a in assigns if start < (a.lineno, a.col_offset) and (a.end_lineno or a.lineno, a.end_col_offset or 0) <= end
        ]
    out: list[ast.Constant] = []
    for node in assigns:
        out += _string_constants(node.value)
    return out
