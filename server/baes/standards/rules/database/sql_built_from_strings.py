"""DB002 `sql-built-from-strings`: Flags SQL built with f-strings, `%`, `.format()` or `+` that reaches `execute()`."""
from __future__ import annotations

import ast
from collections.abc import Iterator

from baes.fixes.patches import (
    ParameterizeSql,
)
from baes.standards.findings import Severity
from baes.standards.index import SourceIndex
from baes.standards.options import RuleOptions
from baes.standards.patterns import (
    is_upper_constant_name,
)
from baes.standards.rule import Example, RuleContext, Violation
from baes.standards.rules.families import ALL_SWEA, DATABASE
from baes.standards.sql import (
    EXECUTE_METHODS,
    is_execute_call,
)


def _placeholder_builder(node: ast.AST) -> bool:
    """An expression that builds placeholders or ``col = ?`` lists (holds a literal ``?``)."""
    return any(isinstance(n, ast.Constant) and isinstance(n.value, str) and "?" in n.value for n in ast.walk(node))



def _safe_part(node: ast.expr, index: SourceIndex, scope: ast.AST | None) -> bool:
    """An interpolated value that cannot carry user input: a constant, an UPPER_CASE name,
    or a placeholder list built from ``?`` literals (directly or in a local variable of ``scope``)."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Name):
        if is_upper_constant_name(node.id):
            return True
        if scope is not None:
            values = _assigned_values(index, scope, node.id)
            return bool(values) and all(_placeholder_builder(v) or _safe_part(v, index, None) for v in values)
        return False
    if isinstance(node, ast.Attribute) and is_upper_constant_name(node.attr):
        return True
    return _placeholder_builder(node)



def _assigned_values(index: SourceIndex, scope: ast.AST, name: str) -> list[ast.expr]:
    """Values assigned to ``name`` by ``scope``'s own statements (found by the index without walking
    ``scope``; callers only ask whether all or any of them qualify, so their order does not matter)."""
    values: list[ast.expr] = []
    for n in index.own_statements(scope, ast.Assign):
        if any(isinstance(t, ast.Name) and t.id == name for t in n.targets):
            values.append(n.value)
    target_kinds: tuple[type[ast.AnnAssign | ast.AugAssign], ...] = (ast.AnnAssign, ast.AugAssign)
    for kind in target_kinds:
        for stmt in index.own_statements(scope, kind):
            target = stmt.target
            if isinstance(target, ast.Name) and target.id == name and stmt.value is not None:
                values.append(stmt.value)
    return values



def dynamic_sql(node: ast.expr, index: SourceIndex, scope: ast.AST | None) -> bool:
    """Whether ``node`` builds a query from strings with values spliced in (local variables are
    looked up in ``scope``)."""
    if isinstance(node, ast.JoinedStr):
        return any(
            isinstance(v, ast.FormattedValue) and not _safe_part(v.value, index, scope) for v in node.values
        )
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        if isinstance(node.left, ast.Constant) and isinstance(node.left.value, str):
            parts = node.right.elts if isinstance(node.right, ast.Tuple) else [node.right]
            return any(not _safe_part(p, index, scope) for p in parts)
        return False
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        parts = _concat_parts(node)
        has_text = any(isinstance(p, (ast.Constant, ast.JoinedStr)) for p in parts)
        return has_text and any(
            (dynamic_sql(p, index, scope) if isinstance(p, ast.JoinedStr) else not _safe_part(p, index, scope))
            for p in parts
        )
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "format"
        and isinstance(node.func.value, ast.Constant)
        and isinstance(node.func.value.value, str)
    ):
        values = list(node.args) + [k.value for k in node.keywords]
        return any(not _safe_part(v, index, scope) for v in values)
    return False



def _concat_parts(node: ast.expr) -> list[ast.expr]:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _concat_parts(node.left) + _concat_parts(node.right)
    return [node]



def _sql_injection(ctx: RuleContext[RuleOptions]) -> Iterator[Violation]:
    index = ctx.index
    for call in index.calls_to(*EXECUTE_METHODS):
        if not is_execute_call(call) or not call.args:
            continue
        first = call.args[0]
        method = call.func.attr if isinstance(call.func, ast.Attribute) else ""
        if isinstance(first, ast.Constant):
            continue  # a literal query: nothing spliced in, no scope to look up
        scope = index.enclosing_function(call) or index.tree
        if dynamic_sql(first, index, scope):
            fix = None
            if len(call.args) == 1 and not call.keywords:
                fix = ParameterizeSql.spec(ctx.position(first), "use `?` placeholders and a parameter tuple")
            yield Violation.at(first, fix=fix, method=method, via="")
        elif isinstance(first, ast.Name) and not is_upper_constant_name(first.id):
            for value in _assigned_values(index, scope, first.id):
                if dynamic_sql(value, index, scope):
                    yield Violation.at(first, method=method, via=f" through `{first.id}`")
                    break



RULE = DATABASE.rule(
    id="DB002",
    name="sql-built-from-strings",
    summary="Flags SQL built with f-strings, `%`, `.format()` or `+` that reaches `execute()`.",
    severity=Severity.ERROR,
    confidence=0.9,
    critical=True,
    message="SQL built by string formatting reaches `{method}()`{via}: use `?` placeholders",
    why=(
        "Splicing values into SQL text lets a value change the query (SQL injection) and breaks on quotes. "
        "Placeholders send values separately, so they are never read as SQL."
    ),
    how_to_fix="Write the query with `?` placeholders and pass the values as a tuple: `execute(sql, (a, b))`.",
    check=_sql_injection,
    patch=ParameterizeSql,
    applies_to=ALL_SWEA,
    notes=(
        "Spliced constants, UPPER_CASE names and placeholder lists built from `?` literals "
        "(`\", \".join(\"?\" * n)`, `\", \".join(f\"{c} = ?\" for c in fields)`) are not reported. "
        "A query assembled in a local variable that then reaches `execute()` is reported (without a fix)."
    ),
    valid_examples=(
        Example(
            """
            def get(conn, student_id):
                return conn.execute('SELECT * FROM students WHERE id = ?', (student_id,)).fetchone()
            """,
        ),
        Example(
            """
            TABLE = 'students'


            def count(conn):
                return conn.execute(f'SELECT COUNT(*) FROM {TABLE}').fetchone()
            """,
        ),
        Example(
            """
            def update(conn, student_id, fields):
                assignments = ', '.join(f'{name} = ?' for name in fields)
                conn.execute(f'UPDATE students SET {assignments} WHERE id = ?', (*fields.values(), student_id))
            """,
        ),
    ),
    invalid_examples=(
        Example(
            """
            def get(conn, student_id):
                return conn.execute(f"SELECT * FROM students WHERE id = {student_id}").fetchone()
            """,
            fixed="""
            def get(conn, student_id):
                return conn.execute("SELECT * FROM students WHERE id = ?", (student_id,)).fetchone()
            """,
        ),
        Example(
            """
            def find(conn, name):
                query = "SELECT * FROM students WHERE name = '" + name + "'"
                return conn.execute(query).fetchall()
            """,
        ),
        Example(
            """
            def find(conn, name):
                return conn.execute("SELECT * FROM students WHERE name = '%s'" % name).fetchall()
            """,
        ),
    ),
)

