"""DB002 `sql-built-from-strings`: Flags SQL built with f-strings, `%`, `.format()` or `+` that reaches `execute()`."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from baes.fixes.patches import (
    ParameterizeSql,
)
from baes.fixes.patches.sql_text import Text
from baes.standards.findings import Severity
from baes.standards.index import SourceIndex, dotted_name
from baes.standards.options import RuleOptions
from baes.standards.patterns import functions_named, is_upper_constant_name
from baes.standards.rule import Example, RuleContext, Violation
from baes.standards.rules.database.reaching import reaching_values
from baes.standards.rules.database.sql_splices import assigned_values, dynamic_sql, first_text, segments
from baes.standards.rules.families import ALL_SWEA, DATABASE
from baes.standards.sql import (
    EXECUTE_METHODS,
    is_execute_call,
    looks_like_sql,
    mentions_statement,
)

_SQLALCHEMY = "sqlalchemy"
_DDL_KEYWORDS = frozenset({"server_default", "server_onupdate", "sqltext"})
_DDL_CONSTRUCTS = ("Column", "mapped_column", "Index", "CheckConstraint", "Computed", "DefaultClause", "DDL")
_PARAMETER_KEYWORDS = frozenset({"parameters", "params", "args", "vars", "values"})


def _is_sqlalchemy_text(call: ast.Call, index: SourceIndex) -> bool:
    """``text(...)``, ``sa.text(...)``, ``sqlalchemy.sql.text(...)`` from SQLAlchemy."""
    name = dotted_name(call.func) or ""
    parts = name.split(".")
    if parts[-1] != "text" or not call.args:
        return False
    bound = index.imports.get(parts[0], "")
    return bound.split(".")[0] == _SQLALCHEMY


def _queries(index: SourceIndex) -> Iterator[tuple[ast.Call, ast.expr, str]]:
    """Every call that runs or declares a query, with the query and the callee's name."""
    for call in index.calls_to(*EXECUTE_METHODS):
        if is_execute_call(call) and call.args and isinstance(call.func, ast.Attribute):
            yield call, call.args[0], call.func.attr
    ddl = _ddl_arguments(index)
    for call in index.calls_to("text"):
        if _is_sqlalchemy_text(call, index) and id(call) not in ddl:
            yield call, call.args[0], "text"


def _ddl_arguments(index: SourceIndex) -> set[int]:
    """Ids of the expressions that are DDL, not queries: a column's ``server_default=text(...)``,
    the arguments of ``Column``, ``Index``, ``CheckConstraint``, ``Computed``... A DDL clause
    takes no bind parameters, so the advice would be impossible there."""

    def compute(ix: SourceIndex) -> set[int]:
        ids = {id(k.value) for k in ix.nodes(ast.keyword) if k.arg in _DDL_KEYWORDS}
        for call in ix.calls_to(*_DDL_CONSTRUCTS):
            ids.update(id(a) for a in call.args)
            ids.update(id(k.value) for k in call.keywords)
        return ids

    return index.memo("db002_ddl_arguments", compute)


def _passes_parameters(call: ast.Call, method: str) -> bool:
    """The call sends parameters with the query: the author parameterises its values."""
    if method == "text":
        return False
    return len(call.args) > 1 or any(k.arg in _PARAMETER_KEYWORDS for k in call.keywords)


def _fragment(query: ast.expr, method: str) -> bool:
    """A ``text()`` holding no statement keyword is an expression (an ORDER BY term, a join
    condition) that SQLAlchemy puts into a statement: outside value positions, its splices are
    column expressions, not values."""
    parts = segments(query)
    if method != "text" or parts is None:
        return False
    literal = "".join(p.value for p in parts if isinstance(p, Text))
    return not mentions_statement(literal)


def _helpers(index: SourceIndex, node: ast.expr) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    """The functions of this file a call ``helper(...)``/``self.helper(...)`` may run."""
    if not isinstance(node, ast.Call):
        return []
    func = node.func
    if isinstance(func, ast.Name):
        return functions_named(index, func.id)
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in ("self", "cls"):
        return functions_named(index, func.attr)
    return []


def _returned_sql(index: SourceIndex, helper: ast.FunctionDef | ast.AsyncFunctionDef) -> Iterator[ast.expr]:
    """What ``helper`` returns that is SQL built from strings with a value spliced in."""
    for ret in index.own_statements(helper, ast.Return):
        value = ret.value
        if value is None:
            continue
        candidates = [value]
        if isinstance(value, ast.Name):
            candidates = assigned_values(index, helper, value.id)
        for candidate in candidates:
            if looks_like_sql(first_text(candidate)) and dynamic_sql(candidate, index, helper):
                yield candidate


def _advice(method: str) -> str:
    return "`:name` bind parameters" if method == "text" else "`?` placeholders"


def _sql_injection(ctx: RuleContext[RuleOptions]) -> Iterator[Violation]:
    index = ctx.index
    reported: set[int] = set()
    for call, first, method in _queries(index):
        if isinstance(first, ast.Constant):
            continue  # a literal query: nothing spliced in, no scope to look up
        scope = index.enclosing_function(call) or index.tree
        fragments = _passes_parameters(call, method) or _fragment(first, method)
        if dynamic_sql(first, index, scope, call, fragments=fragments):
            fix = None
            if method == "execute" and len(call.args) == 1 and not call.keywords:
                fix = ParameterizeSql.spec(ctx.position(first), "use `?` placeholders and a parameter tuple")
            yield Violation.at(first, fix=fix, method=method, via="", advice=_advice(method))
            continue
        built = [first]
        if isinstance(first, ast.Name) and not is_upper_constant_name(first.id):
            built = reaching_values(scope, first.id, call.lineno)
            if any(dynamic_sql(value, index, scope, call, fragments=fragments or _fragment(value, method)) for value in built):
                yield Violation.at(first, method=method, via=f" through `{first.id}`", advice=_advice(method))
                continue
        # SQL returned by a helper of this file: reported where it is built, once
        for value in built:
            for helper in _helpers(index, value):
                for returned in _returned_sql(index, helper):
                    if id(returned) not in reported:
                        reported.add(id(returned))
                        via = f" through `{helper.name}()`"
                        yield Violation.at(returned, method=method, via=via, advice=_advice(method))


RULE = DATABASE.rule(
    id="DB002",
    name="sql-built-from-strings",
    summary="Flags SQL built with f-strings, `%`, `.format()` or `+` that reaches `execute()`.",
    severity=Severity.ERROR,
    confidence=0.9,
    critical=True,
    message="SQL built by string formatting reaches `{method}()`{via}: use {advice}",
    why=(
        "Splicing values into SQL text lets a value change the query (SQL injection) and breaks on quotes. "
        "Placeholders send values separately, so they are never read as SQL."
    ),
    how_to_fix="Write the query with `?` placeholders and pass the values as a tuple: `execute(sql, (a, b))`.",
    check=_sql_injection,
    patch=ParameterizeSql,
    applies_to=ALL_SWEA,
    notes=(
        "Read: queries reaching `execute()`/`executemany()`/`executescript()` or SQLAlchemy's `text()`, directly, "
        "through a local variable, or returned by a helper function of the same file (reported where the helper "
        "builds it). Not reported: a splice where SQL expects a name (after `FROM`/`JOIN`/`INTO`/`UPDATE`/`TABLE`/"
        '`INDEX`, a column before a comparison, a column list, glued to a name or inside `"..."`) or anywhere in '
        "a statement that takes no parameters (`CREATE`/`ALTER`/`DROP`/`REINDEX`/`PRAGMA`): a placeholder cannot "
        "hold an identifier. Nor values the code vouches for: constants, UPPER_CASE names, placeholder lists built "
        'from `?` literals (`", ".join("?" * n)`), `int(x)`, a quoting helper (`quote_identifier(x)`), a '
        "parameter typed `Literal[...]` or an enum, a name checked before the query against an allow-list "
        "(`if x not in ALLOWED: raise`), with `isidentifier()`, a pattern or a validating helper; "
        "numbers formatted as numbers (`%d`, `{n:d}`); text built only from such pieces (a choice between "
        "constants, a join of constant or quoted pieces, an f-string of quoted names). Where the call passes "
        "parameters, a spliced clause outside value positions is SQL by the function's contract (`where` with "
        "`where_args`); a `text()` without a statement keyword is an expression (an ORDER BY term, a join "
        "condition) whose splices outside value positions are columns; `text()` as DDL (`server_default=`, "
        "`Column(...)`) takes no bind parameters. A name is read as the assignments that reach the query, not "
        "every assignment in the function."
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
        Example(
            """
            def columns(conn, table):
                return [row[1] for row in conn.execute(f'PRAGMA table_info({table})')]


            def drop_index(conn, name):
                conn.execute(f'DROP INDEX IF EXISTS {name}')
            """,
        ),
        Example(
            """
            SORTABLE = frozenset({'name', 'created_at'})


            def page(conn, table, sort, limit):
                if sort not in SORTABLE:
                    raise ValueError(sort)
                return conn.execute(f'SELECT * FROM {table} ORDER BY {sort} LIMIT ?', (limit,)).fetchall()
            """,
        ),
        Example(
            """
            def tables(conn, virtual):
                where = ["type = 'table'"]
                if virtual:
                    where.append("sql LIKE '%VIRTUAL%'")
                sql = 'SELECT name FROM sqlite_master WHERE {}'.format(' AND '.join(where))
                return conn.execute(sql).fetchall()


            def copy_columns(conn, source, target, columns):
                names = ', '.join(quote_identifier(c) for c in columns)
                conn.execute(f'INSERT INTO {quote_identifier(target)} ({names}) SELECT {names} FROM {source}')
            """,
        ),
        Example(
            """
            def count_where(conn, table, where, where_args):
                sql = f'SELECT COUNT(*) FROM {table}'
                if where is not None:
                    sql += ' WHERE ' + where
                return conn.execute(sql, where_args).fetchone()[0]


            def rows(conn, recent):
                order = 'ORDER BY created DESC' if recent else ''
                return conn.execute('SELECT * FROM items {}'.format(order)).fetchall()
            """,
        ),
        Example(
            """
            import sqlalchemy as sa


            def reset(session, item):
                session.execute(sa.text('UPDATE items SET hits = 0 WHERE id = %d' % item.id))


            def latest_first(column):
                return sa.text(f'{column} DESC')


            status = sa.Column('status', sa.String, server_default=sa.text(f"'{DEFAULT_STATUS.lower()}'"))
            """,
        ),
        Example(
            """
            def exists(conn, dialect, name):
                if dialect == 'postgresql':
                    sql = 'SELECT 1 FROM pg_database WHERE datname = ?'
                    return conn.execute(sql, (name,)).fetchone() is not None
                sql = 'SELECT 1'
                return conn.execute(sql).fetchone() is not None
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
        Example(
            """
            from sqlalchemy import text


            def find(session, name):
                return session.execute(text(f"SELECT * FROM students WHERE name = '{name}'")).all()
            """,
        ),
        Example(
            """
            def by_email(email):
                return f"SELECT * FROM students WHERE email = '{email}'"


            def find(conn, email):
                return conn.execute(by_email(email)).fetchone()
            """,
        ),
        Example(
            """
            def count_named(conn, table, name, where_args):
                sql = f"SELECT COUNT(*) FROM {table} WHERE kind = ? AND name = '{name}'"
                return conn.execute(sql, where_args).fetchone()[0]
            """,
        ),
        Example(
            """
            import sqlalchemy as sa


            def exists(conn, dialect, name):
                if dialect == 'postgresql':
                    sql = "SELECT 1 FROM pg_database WHERE datname = '%s'" % name
                    return conn.execute(sa.text(sql)).fetchone() is not None
                sql = 'SELECT 1'
                return conn.execute(sa.text(sql)).fetchone() is not None
            """,
        ),
    ),
)
