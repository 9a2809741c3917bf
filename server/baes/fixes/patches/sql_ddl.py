"""``sql_create_if_not_exists``: ``CREATE TABLE``/``INDEX``/``VIEW``/``TRIGGER`` gain ``IF NOT EXISTS``.

Works on the text of each literal part of the string (keeping its quotes, prefix and
layout), skipping SQL comments and quoted text, and matching the case of the ``CREATE``
keyword (``if not exists`` after a lower-case ``create``).

``CREATE TABLE IF NOT EXISTS`` is accepted by SQLite, PostgreSQL and MySQL alike; ``IF NOT
EXISTS`` on an index, view or trigger is not (MySQL rejects ``CREATE INDEX IF NOT EXISTS``).
So the fix is safe when it only touches tables (``tables_only``) or when the caller proved the
SQL runs on SQLite (``sqlite``); otherwise it may break the statement on another database.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping
from typing import Any

from baes.fixes.patches.base import PatchFailure, PatchPlan
from baes.fixes.patches.patch_type import Param, PatchType
from baes.fixes.patches.snippets import parse_expression
from baes.fixes.patches.source import PatchSource
from baes.standards.findings import FixSafety

_CREATE = re.compile(
    r"\b(CREATE)(\s+(?:UNIQUE\s+|TEMP\s+|TEMPORARY\s+|VIRTUAL\s+)?(?:TABLE|INDEX|VIEW|TRIGGER))(\s+)(?!IF\s+NOT\s+EXISTS\b)",
    re.IGNORECASE,
)
_CREATE_TABLE = re.compile(r"\b(CREATE)(\s+(?:TEMP\s+|TEMPORARY\s+)?TABLE)(\s+)(?!IF\s+NOT\s+EXISTS\b)", re.IGNORECASE)
_SKIP = re.compile(r"--[^\n]*|/\*.*?\*/|'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"", re.DOTALL)


def add_if_not_exists(sql: str, tables_only: bool = False) -> str:
    """``sql`` with ``IF NOT EXISTS`` after every ``CREATE ...`` (only ``CREATE TABLE`` when
    ``tables_only``) that lacks it, outside quotes and comments."""
    out: list[str] = []
    cursor = 0
    for skipped in _SKIP.finditer(sql):
        out.append(_add(sql[cursor : skipped.start()], tables_only))
        out.append(skipped.group())
        cursor = skipped.end()
    out.append(_add(sql[cursor:], tables_only))
    return "".join(out)


def _add(text: str, tables_only: bool) -> str:
    def fix(match: re.Match[str]) -> str:
        words = "IF NOT EXISTS" if match.group(1).isupper() or not match.group(1).islower() else "if not exists"
        return f"{match.group(1)}{match.group(2)} {words}{match.group(3)}"

    return (_CREATE_TABLE if tables_only else _CREATE).sub(fix, text)


def plan_sql_create_if_not_exists(
    source: PatchSource, line: int, col: int, tables_only: bool = False, sqlite: bool = False
) -> PatchPlan:
    """Patch type ``sql_create_if_not_exists``."""
    function = source.function_at(line)
    description = "add `IF NOT EXISTS`"
    nodes = [
        n
        for n in source.nodes_at(line, col, ast.Constant, ast.JoinedStr)
        if not isinstance(n, ast.Constant) or isinstance(n.value, str)
    ]
    if not nodes:
        raise PatchFailure(f"no string literal starts at line {line}, column {col}")
    literal = nodes[0]
    snippet = parse_expression(source, literal)
    new = _rewrite(snippet.node, tables_only)
    replacement = snippet.replacement(new)
    if replacement is None and not _mentions_create(snippet.node):
        raise PatchFailure(f"the string at line {line} holds no CREATE statement")
    return PatchPlan(
        "sql_create_if_not_exists",
        (replacement,) if replacement else (),
        contexts=(source.statement_lines(literal),),
        line=line,
        function=function,
        description=description,
    )


def _rewrite(node: Any, tables_only: bool) -> Any:
    """Each literal part with its raw text fixed (escape sequences and layout untouched)."""
    import libcst as cst  # lazy: 0.28 s (python -X importtime); only fixes need it

    if isinstance(node, cst.ConcatenatedString):
        return node.with_changes(left=_rewrite(node.left, tables_only), right=_rewrite(node.right, tables_only))
    if isinstance(node, cst.SimpleString):
        head = len(node.prefix) + len(node.quote)
        body = node.value[head : len(node.value) - len(node.quote)]
        return node.with_changes(value=node.value[:head] + add_if_not_exists(body, tables_only) + node.quote)
    if isinstance(node, cst.FormattedString):
        parts = [
            p.with_changes(value=add_if_not_exists(p.value, tables_only)) if isinstance(p, cst.FormattedStringText) else p
            for p in node.parts
        ]
        return node.with_changes(parts=parts)
    raise PatchFailure("the target is not a string literal")


def _mentions_create(node: Any) -> bool:
    import libcst as cst  # lazy: 0.28 s (python -X importtime); only fixes need it

    code = cst.Module(body=[]).code_for_node(node)
    return re.search(r"\bCREATE\b", code, re.IGNORECASE) is not None


class SqlCreateIfNotExists(PatchType):
    """``sql_create_if_not_exists``: add IF NOT EXISTS to CREATE statements."""

    name = "sql_create_if_not_exists"
    params = (
        Param("line", int, help="line of the SQL string"),
        Param("col", int, help="column where the SQL string starts"),
        Param("tables_only", bool, required=False, help="only CREATE TABLE statements (valid on every database)"),
        Param("sqlite", bool, required=False, help="the SQL is known to run on SQLite"),
    )
    summary = "add IF NOT EXISTS to CREATE statements"
    # proven SQLite, or tables only: see safety_for
    safety = FixSafety.UNSAFE
    safety_reason = (
        "safe for `CREATE TABLE` (every database accepts `IF NOT EXISTS` there) and for SQL proven to be "
        "SQLite's; elsewhere an index, view or trigger may be refused (MySQL rejects `CREATE INDEX IF NOT "
        'EXISTS`). Either way only the run that failed with "already exists" changes'
    )
    planner = staticmethod(plan_sql_create_if_not_exists)

    @classmethod
    def safety_for(cls, kwargs: Mapping[str, Any]) -> FixSafety:
        """Safe on SQLite (every CREATE kind takes IF NOT EXISTS) or for tables only (every database
        takes ``CREATE TABLE IF NOT EXISTS``); an index, view or trigger elsewhere may be refused."""
        return FixSafety.SAFE if kwargs.get("sqlite") or kwargs.get("tables_only") else FixSafety.UNSAFE
