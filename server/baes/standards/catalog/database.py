"""Database rules (DB): connections, SQL built from strings, and the SQLite schema.

Only strings that reach ``execute``/``executemany``/``executescript`` (see ``baes.standards.sql``)
are read as SQL.
"""
from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from baes.standards.findings import FixSafety, FixSpec, Severity
from baes.standards.index import SourceIndex
from baes.standards.patterns import (
    functions_named,
    is_generator,
    is_upper_constant_name,
)
from baes.standards.rule import Example, Rule, RuleContext, Violation
from baes.standards.sql import (
    EXECUTE_METHODS,
    SqlString,
    Table,
    is_execute_call,
    parse_indexes,
    parse_tables,
    sql_strings,
)
from baes.swea import SWEAType

ALL_SWEA = frozenset(SWEAType)
DB_AND_BACKEND = frozenset({SWEAType.DATABASE, SWEAType.BACKEND})


# --- DB001 generator used as a context manager ----------------------------------------------
def _with_calls(index: SourceIndex) -> dict[str, list[ast.Call]]:
    """Function name -> the ``with name(...)``/``async with name(...)`` calls using it."""
    uses: dict[str, list[ast.Call]] = {}
    for kind in (ast.With, ast.AsyncWith):
        for stmt in index.nodes(kind):
            for item in stmt.items:
                expr = item.context_expr
                if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name):
                    uses.setdefault(expr.func.id, []).append(expr)
    return uses


def _generator_in_with(ctx: RuleContext) -> Iterator[Violation]:
    index = ctx.index
    for name, calls in _with_calls(index).items():
        defs = functions_named(index, name)
        if not defs or not all(not f.decorator_list and is_generator(index, f) for f in defs):
            continue
        in_with = {id(c.func) for c in calls}
        # used any other way (Depends(name), a fixture, passed as a callable): the decorator would break it
        if any(n.id == name and id(n) not in in_with for n in index.nodes(ast.Name)):
            continue
        first_use = min(c.lineno for c in calls)
        for func in defs:
            decorator = "asynccontextmanager" if isinstance(func, ast.AsyncFunctionDef) else "contextmanager"
            fix = FixSpec(
                "add_decorator",
                {"function_name": name, "decorator_name": decorator, "line": func.lineno},
                f"add `@{decorator}` to `{name}`",
                FixSafety.SAFE,
            )
            yield Violation.header(func, fix=fix, name=name, decorator=decorator, line=first_use)


GENERATOR_IN_WITH = Rule(
    id="DB001",
    name="generator-used-as-context-manager",
    summary="Flags a generator function used in a `with` statement without `@contextmanager`.",
    swea_type=SWEAType.DATABASE,
    severity=Severity.ERROR,
    confidence=0.95,
    critical=True,
    message="`{name}` is a generator used in a `with` statement (line {line}) without `@{decorator}`",
    why=(
        "A plain generator function returns a generator object, which has no `__enter__`/`__exit__`: "
        "`with get_connection() as conn:` fails at run time. `@contextmanager` turns it into a context "
        "manager that runs the code after `yield` (commit, rollback, close) when the block ends."
    ),
    how_to_fix="Decorate the function with `@contextmanager` (`from contextlib import contextmanager`).",
    check=_generator_in_with,
    fix_safety=FixSafety.SAFE,
    patch_type="add_decorator",
    applies_to=ALL_SWEA,
    notes=(
        "Only generators used in a `with` statement of the same file are reported. A generator used through "
        "`Depends(get_db)`, as a pytest fixture, or passed anywhere as a callable is left alone: FastAPI and "
        "pytest drive plain generators themselves, and the decorator would break them."
    ),
    valid_examples=(
        Example(
            "import sqlite3\nfrom contextlib import contextmanager\n\n\n@contextmanager\ndef get_connection():\n"
            "    conn = sqlite3.connect('app.db')\n    try:\n        yield conn\n    finally:\n        conn.close()\n\n\n"
            "def count():\n    with get_connection() as conn:\n        return conn.execute('SELECT 1').fetchone()\n"
        ),
        Example(
            "import sqlite3\nfrom fastapi import Depends, FastAPI\n\napp = FastAPI()\n\n\ndef get_db():\n"
            "    conn = sqlite3.connect('app.db')\n    try:\n        yield conn\n    finally:\n        conn.close()\n\n\n"
            "@app.get('/items')\ndef items(conn=Depends(get_db)):\n    return conn.execute('SELECT 1').fetchall()\n"
        ),
        Example(
            "import pytest\n\n\n@pytest.fixture\ndef db():\n    conn = make()\n    yield conn\n    conn.close()\n\n\n"
            "def make():\n    return object()\n"
        ),
    ),
    invalid_examples=(
        Example(
            "import sqlite3\n\n\ndef get_connection():\n    conn = sqlite3.connect('app.db')\n    try:\n"
            "        yield conn\n    finally:\n        conn.close()\n\n\ndef count():\n"
            "    with get_connection() as conn:\n        return conn.execute('SELECT 1').fetchone()\n",
            fixed=(
                "from contextlib import contextmanager\nimport sqlite3\n\n\n@contextmanager\ndef get_connection():\n"
                "    conn = sqlite3.connect('app.db')\n    try:\n        yield conn\n    finally:\n        conn.close()\n\n\n"
                "def count():\n    with get_connection() as conn:\n        return conn.execute('SELECT 1').fetchone()\n"
            ),
        ),
    ),
)


# --- DB002 SQL built from strings ---------------------------------------------------------------
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
    for kind in (ast.AnnAssign, ast.AugAssign):
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


def _sql_injection(ctx: RuleContext) -> Iterator[Violation]:
    index = ctx.index
    for call in index.calls_to(*EXECUTE_METHODS):
        if not is_execute_call(call) or not call.args:
            continue
        first = call.args[0]
        if isinstance(first, ast.Constant):
            continue  # a literal query: nothing spliced in, no scope to look up
        scope = index.enclosing_function(call) or index.tree
        if dynamic_sql(first, index, scope):
            fix = None
            if len(call.args) == 1 and not call.keywords:
                fix = FixSpec(
                    "parameterize_sql",
                    ctx.position(first),
                    "use `?` placeholders and a parameter tuple",
                    FixSafety.UNSAFE,
                )
            yield Violation.at(first, fix=fix, method=call.func.attr, via="")  # type: ignore[union-attr]
        elif isinstance(first, ast.Name) and not is_upper_constant_name(first.id):
            for value in _assigned_values(index, scope, first.id):
                if dynamic_sql(value, index, scope):
                    yield Violation.at(first, method=call.func.attr, via=f" through `{first.id}`")  # type: ignore[union-attr]
                    break


SQL_INJECTION = Rule(
    id="DB002",
    name="sql-built-from-strings",
    summary="Flags SQL built with f-strings, `%`, `.format()` or `+` that reaches `execute()`.",
    swea_type=SWEAType.DATABASE,
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
    fix_safety=FixSafety.UNSAFE,
    patch_type="parameterize_sql",
    applies_to=ALL_SWEA,
    notes=(
        "Spliced constants, UPPER_CASE names and placeholder lists built from `?` literals "
        "(`\", \".join(\"?\" * n)`, `\", \".join(f\"{c} = ?\" for c in fields)`) are not reported. "
        "A query assembled in a local variable that then reaches `execute()` is reported (without a fix)."
    ),
    valid_examples=(
        Example("def get(conn, student_id):\n    return conn.execute('SELECT * FROM students WHERE id = ?', (student_id,)).fetchone()\n"),
        Example(
            "TABLE = 'students'\n\n\ndef count(conn):\n    return conn.execute(f'SELECT COUNT(*) FROM {TABLE}').fetchone()\n"
        ),
        Example(
            "def update(conn, student_id, fields):\n    assignments = ', '.join(f'{name} = ?' for name in fields)\n"
            "    conn.execute(f'UPDATE students SET {assignments} WHERE id = ?', (*fields.values(), student_id))\n"
        ),
    ),
    invalid_examples=(
        Example(
            "def get(conn, student_id):\n    return conn.execute(f\"SELECT * FROM students WHERE id = {student_id}\").fetchone()\n",
            fixed="def get(conn, student_id):\n    return conn.execute(\"SELECT * FROM students WHERE id = ?\", (student_id,)).fetchone()\n",
        ),
        Example(
            "def find(conn, name):\n    query = \"SELECT * FROM students WHERE name = '\" + name + \"'\"\n"
            "    return conn.execute(query).fetchall()\n"
        ),
        Example("def find(conn, name):\n    return conn.execute(\"SELECT * FROM students WHERE name = '%s'\" % name).fetchall()\n"),
    ),
)


# --- schema rules over SQL strings ---------------------------------------------------------
def _tables(index: SourceIndex) -> Iterator[tuple[SqlString, Table]]:
    """Every ``CREATE TABLE`` of every SQL string, with the string holding it."""
    for sql in sql_strings(index):
        for table in parse_tables(sql.text):
            yield sql, table


def _create_if_not_exists(ctx: RuleContext) -> Iterator[Violation]:
    for sql in sql_strings(ctx.index):
        names = [t.name for t in parse_tables(sql.text) if not t.if_not_exists]
        names += [f"index on {i.table}" for i in parse_indexes(sql.text) if not i.if_not_exists]
        if names:
            node = sql.node
            fix = FixSpec(
                "sql_create_if_not_exists",
                ctx.position(node),
                "add `IF NOT EXISTS`",
                FixSafety.SAFE,
            )
            yield Violation.at(node, fix=fix, names=", ".join(names))


CREATE_IF_NOT_EXISTS = Rule(
    id="DB003",
    name="create-without-if-not-exists",
    summary="Flags `CREATE TABLE`/`CREATE INDEX` without `IF NOT EXISTS` in executed SQL.",
    swea_type=SWEAType.DATABASE,
    severity=Severity.WARNING,
    confidence=0.9,
    critical=False,
    message="`CREATE` without `IF NOT EXISTS` ({names}) fails when the schema is applied a second time",
    why="Schemas applied at start-up run on every start; without `IF NOT EXISTS` the second start fails.",
    how_to_fix="Write `CREATE TABLE IF NOT EXISTS` / `CREATE INDEX IF NOT EXISTS`.",
    check=_create_if_not_exists,
    fix_safety=FixSafety.SAFE,
    patch_type="sql_create_if_not_exists",
    profiles=frozenset({"strict", "generated"}),
    applies_to=DB_AND_BACKEND,
    valid_examples=(
        Example(
            "SCHEMA_SQL = 'CREATE TABLE IF NOT EXISTS students (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL)'\n\n\n"
            "def init_db(conn):\n    conn.executescript(SCHEMA_SQL)\n"
        ),
    ),
    invalid_examples=(
        Example(
            "SCHEMA_SQL = 'CREATE TABLE students (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL)'\n\n\n"
            "def init_db(conn):\n    conn.executescript(SCHEMA_SQL)\n",
            fixed=(
                "SCHEMA_SQL = 'CREATE TABLE IF NOT EXISTS students (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL)'\n\n\n"
                "def init_db(conn):\n    conn.executescript(SCHEMA_SQL)\n"
            ),
        ),
    ),
)


def _primary_key(ctx: RuleContext) -> Iterator[Violation]:
    for sql, table in _tables(ctx.index):
        if not table.has_primary_key:
            yield Violation.at(sql.node, table=table.name)


PRIMARY_KEY = Rule(
    id="DB004",
    name="table-without-primary-key",
    summary="Flags `CREATE TABLE` statements without a primary key.",
    swea_type=SWEAType.DATABASE,
    severity=Severity.WARNING,
    confidence=0.9,
    critical=False,
    message="table `{table}` has no primary key",
    why="Without a primary key rows cannot be addressed reliably (updates, deletes, foreign keys, `GET /{id}`).",
    how_to_fix="Add `id INTEGER PRIMARY KEY AUTOINCREMENT` (or a `PRIMARY KEY (...)` constraint).",
    check=_primary_key,
    applies_to=DB_AND_BACKEND,
    valid_examples=(Example("def init(conn):\n    conn.execute('CREATE TABLE IF NOT EXISTS tags (id INTEGER PRIMARY KEY, label TEXT NOT NULL)')\n"),),
    invalid_examples=(Example("def init(conn):\n    conn.execute('CREATE TABLE IF NOT EXISTS tags (label TEXT NOT NULL)')\n"),),
)


def _all_nullable(ctx: RuleContext) -> Iterator[Violation]:
    for sql, table in _tables(ctx.index):
        others = [c for c in table.columns if not c.primary_key]
        if others and not any(c.not_null for c in others):
            yield Violation.at(sql.node, table=table.name)


NOT_NULL = Rule(
    id="DB005",
    name="no-not-null-columns",
    summary="Flags tables in which no column is `NOT NULL`.",
    swea_type=SWEAType.DATABASE,
    severity=Severity.INFO,
    confidence=0.6,
    critical=False,
    message="no column of table `{table}` is `NOT NULL`: are none of its attributes required?",
    why="Required attributes belong in the schema as `NOT NULL`, so bad rows are refused by the database too.",
    how_to_fix="Mark the columns of required attributes `NOT NULL`.",
    check=_all_nullable,
    profiles=frozenset({"strict"}),
    applies_to=DB_AND_BACKEND,
    notes="Only in the strict profile: an entity whose attributes are all optional is legitimate.",
    valid_examples=(Example("def init(conn):\n    conn.execute('CREATE TABLE IF NOT EXISTS tags (id INTEGER PRIMARY KEY, label TEXT NOT NULL)')\n"),),
    invalid_examples=(Example("def init(conn):\n    conn.execute('CREATE TABLE IF NOT EXISTS tags (id INTEGER PRIMARY KEY, label TEXT)')\n"),),
)


_RELATION_COLUMN = re.compile(r"^(\w+)_id$", re.IGNORECASE)
_INTEGER_TYPE = re.compile(r"\s*INT", re.IGNORECASE)


def _missing_foreign_key(ctx: RuleContext) -> Iterator[Violation]:
    for sql, table in _tables(ctx.index):
        fks = table.foreign_key_columns()
        for column in table.columns:
            relation = _RELATION_COLUMN.match(column.name) and not column.primary_key
            integer = _INTEGER_TYPE.match(column.definition)
            if relation and integer and column.name.lower() not in fks:
                yield Violation.at(sql.node, table=table.name, column=column.name)


FOREIGN_KEY = Rule(
    id="DB006",
    name="relationship-without-foreign-key",
    summary="Flags `<name>_id` integer columns without a `REFERENCES`/`FOREIGN KEY` clause.",
    swea_type=SWEAType.DATABASE,
    severity=Severity.WARNING,
    confidence=0.75,
    critical=False,
    message="column `{table}.{column}` looks like a relationship but has no `REFERENCES`/`FOREIGN KEY`",
    why="Without a foreign key the database accepts rows pointing at nothing, and deletes leave orphans.",
    how_to_fix="Add `FOREIGN KEY ({column}) REFERENCES <table>(id)` (and `PRAGMA foreign_keys = ON`).",
    check=_missing_foreign_key,
    profiles=frozenset({"strict", "generated"}),
    applies_to=DB_AND_BACKEND,
    valid_examples=(
        Example(
            "SCHEMA_SQL = '''\nCREATE TABLE IF NOT EXISTS enrollments (\n    id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
            "    student_id INTEGER NOT NULL,\n    FOREIGN KEY (student_id) REFERENCES students(id)\n);\n'''\n\n\n"
            "def init(conn):\n    conn.executescript(SCHEMA_SQL)\n"
        ),
    ),
    invalid_examples=(
        Example(
            "SCHEMA_SQL = '''\nCREATE TABLE IF NOT EXISTS enrollments (\n    id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
            "    student_id INTEGER NOT NULL\n);\n'''\n\n\ndef init(conn):\n    conn.executescript(SCHEMA_SQL)\n"
        ),
    ),
)


def _foreign_key_index(ctx: RuleContext) -> Iterator[Violation]:
    indexed: set[tuple[str, str]] = set()
    for sql in sql_strings(ctx.index):
        for idx in parse_indexes(sql.text):
            if idx.columns:
                indexed.add((idx.table.lower(), idx.columns[0]))
    for sql, table in _tables(ctx.index):
        for column in sorted(table.foreign_key_columns()):
            if (table.name.lower(), column) not in indexed:
                yield Violation.at(sql.node, table=table.name, column=column)


FOREIGN_KEY_INDEX = Rule(
    id="DB007",
    name="foreign-key-without-index",
    summary="Flags foreign-key columns that no `CREATE INDEX` covers.",
    swea_type=SWEAType.DATABASE,
    severity=Severity.INFO,
    confidence=0.8,
    critical=False,
    message="foreign key `{table}.{column}` has no index",
    why="SQLite does not index foreign keys itself; joins and cascading deletes on them scan the whole table.",
    how_to_fix="Add `CREATE INDEX IF NOT EXISTS idx_{table}_{column} ON {table} ({column})`.",
    check=_foreign_key_index,
    profiles=frozenset({"strict", "generated"}),
    applies_to=DB_AND_BACKEND,
    valid_examples=(
        Example(
            "SCHEMA_SQL = '''\nCREATE TABLE IF NOT EXISTS enrollments (\n    id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
            "    student_id INTEGER NOT NULL REFERENCES students(id)\n);\n"
            "CREATE INDEX IF NOT EXISTS idx_enrollments_student_id ON enrollments (student_id);\n'''\n\n\n"
            "def init(conn):\n    conn.executescript(SCHEMA_SQL)\n"
        ),
    ),
    invalid_examples=(
        Example(
            "SCHEMA_SQL = '''\nCREATE TABLE IF NOT EXISTS enrollments (\n    id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
            "    student_id INTEGER NOT NULL REFERENCES students(id)\n);\n'''\n\n\n"
            "def init(conn):\n    conn.executescript(SCHEMA_SQL)\n"
        ),
    ),
)

RULES: tuple[Rule, ...] = (
    GENERATOR_IN_WITH, SQL_INJECTION, CREATE_IF_NOT_EXISTS, PRIMARY_KEY, NOT_NULL, FOREIGN_KEY, FOREIGN_KEY_INDEX,
)
