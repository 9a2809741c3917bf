"""DB002: a splice a placeholder cannot replace (an identifier, DDL, PRAGMA) is not reported; values
the code vouches for are not; `text(f"...")` and SQL returned by a helper of the same file are."""

from __future__ import annotations

import pytest
from tests.standards.helpers import check


def _db002(source: str) -> list[tuple[int, str]]:
    return [(f.line, f.message) for f in check(source, "database").findings if f.rule_id == "DB002"]


NOT_REPORTED = {
    "table after FROM": 'def f(conn, table):\n    return conn.execute(f"SELECT COUNT(*) FROM {table}")\n',
    "join and update": 'def f(conn, a, b):\n    conn.execute(f"UPDATE {a} SET x = 1 FROM {a} JOIN {b} ON {a}.id = {b}.id")\n',
    "insert into": 'def f(conn, t, vals):\n    conn.execute(f"INSERT INTO {t} VALUES (?, ?)", vals)\n',
    "pragma": 'def f(conn, t):\n    return conn.execute(f"PRAGMA index_list({t})")\n',
    "reindex (migration)": 'def upgrade(conn, index):\n    conn.execute(f"REINDEX {index}")\n',
    "alter table ddl": "def upgrade(conn, t, c, d):\n    conn.execute(f\"ALTER TABLE {t} ADD COLUMN {c} TEXT DEFAULT '{d}'\")\n",
    "create trigger": 'def up(conn, t):\n    conn.execute(f"CREATE TRIGGER trg_{t} AFTER DELETE ON {t} BEGIN DELETE FROM x; END")\n',
    "column before comparison": 'def f(conn, col, v):\n    return conn.execute(f"SELECT * FROM t WHERE {col} = ?", (v,))\n',
    "quoted identifier": "def f(conn, t):\n    return conn.execute(f'SELECT * FROM \"{t}\"')\n",
    "schema-qualified": 'def f(conn, schema):\n    return conn.execute(f"SELECT * FROM {schema}.items")\n',
    "select list": 'def f(conn, a, b):\n    return conn.execute(f"SELECT id, {a}, {b} FROM items")\n',
    "insert column list": 'def f(conn, cols, vals):\n    conn.execute(f"INSERT INTO items ({cols}) VALUES (?, ?)", vals)\n',
    "format table": "def f(conn, t):\n    conn.execute('DELETE FROM {} WHERE id = ?'.format(t), (1,))\n",
    "allow-list check": (
        "ORDERS = {'asc', 'desc'}\n\n\ndef f(conn, d):\n    if d.lower() not in ORDERS and d not in ORDERS:\n"
        "        raise ValueError(d)\n    return conn.execute(f'SELECT * FROM t ORDER BY id {d}')\n"
    ),
    "guarded by if": (
        "def f(conn, d):\n    if d in ('ASC', 'DESC'):\n        return conn.execute(f'SELECT * FROM t ORDER BY id {d}')\n"
        "    return None\n"
    ),
    "isidentifier": (
        "def f(conn, c):\n    if not c.isidentifier():\n        raise ValueError(c)\n"
        "    return conn.execute(f'SELECT * FROM t ORDER BY a {c}')\n"
    ),
    "validating helper": (
        "def f(conn, c):\n    _validate_identifier(c)\n    return conn.execute(f'SELECT * FROM t ORDER BY a {c}')\n"
    ),
    "quoting helper": "def f(conn, c):\n    return conn.execute(f'SELECT * FROM t ORDER BY a {quote_identifier(c)}')\n",
    "literal type": (
        "from typing import Literal\n\n\ndef f(conn, d: Literal['ASC', 'DESC']):\n"
        "    return conn.execute(f'SELECT * FROM t ORDER BY a {d}')\n"
    ),
    "enum type": (
        "from enum import Enum\n\n\nclass Direction(str, Enum):\n    ASC = 'ASC'\n\n\n"
        "def f(conn, d: Direction):\n    return conn.execute(f'SELECT * FROM t ORDER BY a {d}')\n"
    ),
    "int conversion": "def f(conn, n):\n    return conn.execute(f'SELECT * FROM t LIMIT {int(n)}')\n",
    "text with a table": "import sqlalchemy as sa\n\n\ndef f(s, t):\n    return s.execute(sa.text(f'SELECT * FROM {t}'))\n",
    "helper returning a table query": "def q(t):\n    return f'SELECT * FROM {t}'\n\n\ndef f(conn, t):\n    return conn.execute(q(t))\n",
    "helper returning no sql": "def label(n):\n    return f'student {n}'\n\n\ndef f(conn, n):\n    return conn.execute(label(n))\n",
}


@pytest.mark.parametrize("name", sorted(NOT_REPORTED))
def test_splices_a_placeholder_cannot_replace_or_the_code_vouches_for(name: str) -> None:
    assert _db002(NOT_REPORTED[name]) == []


def test_value_splices_are_still_reported() -> None:
    assert _db002('def f(conn, v):\n    return conn.execute(f"SELECT * FROM t WHERE id = {v}")\n')
    assert _db002("def f(conn, v):\n    return conn.execute(f\"SELECT * FROM t WHERE name LIKE '%{v}%'\")\n")
    assert _db002('def f(conn, cond):\n    return conn.execute(f"SELECT * FROM t WHERE {cond}")\n')
    assert _db002('def f(conn, n):\n    return conn.execute(f"SELECT * FROM t LIMIT {n}")\n')
    # an unchecked name in a position that is not a name: reported
    assert _db002('def f(conn, d):\n    return conn.execute(f"SELECT * FROM t ORDER BY id {d}")\n')
    # a check after the query vouches for nothing
    late = "def f(conn, d):\n    rows = conn.execute(f'SELECT * FROM t ORDER BY id {d}')\n    assert d in ('ASC',)\n    return rows\n"
    assert _db002(late)


def test_sqlalchemy_text_with_a_value_is_reported_with_bind_parameter_advice() -> None:
    source = (
        "from sqlalchemy import text\n\n\ndef f(s, n):\n    return s.execute(text(f\"SELECT * FROM t WHERE name = '{n}'\"))\n"
    )
    [(line, message)] = _db002(source)
    assert line == 5 and "`text()`" in message and "`:name` bind parameters" in message
    through = "from sqlalchemy import text\n\n\ndef f(s, n):\n    q = text('SELECT * FROM t WHERE a = %s' % n)\n    return s.execute(q)\n"
    assert [line for line, _ in _db002(through)] == [5]
    # a `text` that is not SQLAlchemy's is not a query
    assert _db002("def f(n):\n    return text(f\"SELECT * FROM t WHERE a = '{n}'\")\n") == []


def test_sql_returned_by_a_helper_is_reported_where_it_is_built_once() -> None:
    source = (
        "class Repo:\n"
        "    def _query(self, email):\n"
        "        sql = \"SELECT * FROM users WHERE email = '%s'\" % email\n"
        "        return sql\n"
        "\n"
        "    def one(self, conn, email):\n"
        "        return conn.execute(self._query(email)).fetchone()\n"
        "\n"
        "    def many(self, conn, email):\n"
        "        query = self._query(email)\n"
        "        return conn.execute(query).fetchall()\n"
    )
    [(line, message)] = _db002(source)
    assert line == 3 and "through `_query()`" in message


NOT_REPORTED_BUILT = {
    "constant fragments joined": (
        "def f(conn, a):\n    where = ['x = 1']\n    if a:\n        where.append('y = 2')\n"
        "    sql = 'SELECT * FROM t WHERE {}'.format(' AND '.join(where))\n    return conn.execute(sql)\n"
    ),
    "quoted names joined": (
        "def f(conn, cols):\n    return conn.execute('SELECT * FROM t WHERE ' + "
        "' AND '.join(f'{quote_identifier(c)} IS NULL' for c in cols))\n"
    ),
    "choice of constants": "def f(conn, a):\n    w = '' if a else 'WHERE x = 0'\n    return conn.execute('SELECT * FROM t {}'.format(w))\n",
    "clause passed with its parameters": (
        "def f(conn, where, args):\n    sql = 'DELETE FROM t'\n    sql += ' WHERE ' + where\n    conn.execute(sql, args)\n"
    ),
    "number formatting": "def f(conn, n):\n    return conn.execute('SELECT * FROM t WHERE id = %d' % n)\n",
    "number format spec": "def f(conn, n):\n    return conn.execute(f'SELECT * FROM t WHERE price > {n:.2f}')\n",
    "text() as a column default": (
        "import sqlalchemy as sa\n\nc = sa.Column('x', sa.String, server_default=sa.text(f\"'{d}'\"))\n"
    ),
    "text() as a join condition of names": (
        "import sqlalchemy as sa\n\n\ndef on(a, b, col):\n    left = f'{sa_quote(a)}.{col}'\n"
        "    right = f'{sa_quote(b)}.{col}'\n    return sa.text(f'{left}={right}')\n"
    ),
}


@pytest.mark.parametrize("name", sorted(NOT_REPORTED_BUILT))
def test_text_built_only_from_vouched_pieces_is_not_reported(name: str) -> None:
    assert _db002(NOT_REPORTED_BUILT[name]) == []


def test_value_splices_next_to_vouched_pieces_are_still_reported() -> None:
    # parameters passed with the query do not vouch for a value spliced into a quoted string
    with_params = "def f(conn, v, args):\n    return conn.execute(f\"SELECT * FROM t WHERE a = ? AND b = '{v}'\", args)\n"
    assert _db002(with_params)
    # a joined list holding a value
    joined = "def f(conn, v):\n    parts = ['a = 1', f\"b = '{v}'\"]\n    return conn.execute('SELECT * FROM t WHERE ' + ' AND '.join(parts))\n"
    assert _db002(joined)
    # a text() fragment with a quoted value
    fragment = "import sqlalchemy as sa\n\n\ndef f(v):\n    return sa.text(f\"name = '{v}'\")\n"
    assert _db002(fragment)
    # `%s` is not a number
    assert _db002("def f(conn, n):\n    return conn.execute('SELECT * FROM t WHERE id = %s' % n)\n")
    # the assignment reaching the query, not an earlier one, decides; an `if` before it may run
    reaching = (
        "def f(conn, kind, v):\n    sql = 'SELECT 1'\n    if kind:\n        sql = f\"SELECT 1 FROM t WHERE v = '{v}'\"\n"
        "    return conn.execute(sql)\n"
    )
    assert [line for line, _ in _db002(reaching)] == [5]
    # a branch that returned is not on the way to the query after it
    branch = (
        "def f(conn, kind, v):\n    if kind:\n        sql = f\"SELECT 1 FROM t WHERE v = '{v}'\"\n"
        "        return conn.execute(sql)\n    sql = 'SELECT 1'\n    return conn.execute(sql)\n"
    )
    assert [line for line, _ in _db002(branch)] == [4]
