"""replace_bare_except, replace_literal_with_env, parameterize_sql, sql_create_if_not_exists."""

from __future__ import annotations

import pytest

from baes.fixes.patcher import CodePatcher

patcher = CodePatcher(measure_tokens=False)


def apply(code: str, patch_type: str, **kwargs: object) -> str:
    result = patcher.apply_patch(code, patch_type, **kwargs)
    assert result.success, result.error_message
    return result.patched_code


def fails(code: str, patch_type: str, **kwargs: object) -> str:
    result = patcher.apply_patch(code, patch_type, **kwargs)
    assert not result.success
    assert result.patched_code == code
    return result.error_message


# --- bare except --------------------------------------------------------------------------
def test_bare_except_in_method_with_odd_spacing() -> None:
    code = (
        "class A:\n  def f(self):\n    try:\n      pass\n    except ValueError:\n      pass\n    except :  # all\n      raise\n"
    )
    assert apply(code, "replace_bare_except", line=7) == code.replace("except :  # all", "except Exception:  # all")
    assert apply(apply(code, "replace_bare_except", line=7), "replace_bare_except", line=7) == apply(
        code, "replace_bare_except", line=7
    )
    assert "no `except` clause at line 3" in fails(code, "replace_bare_except", line=3)


# --- literal to environment ---------------------------------------------------------------
def test_literal_with_default_and_import() -> None:
    code = '"""Settings."""\nDATABASE_URL = "sqlite:///app.db"  # local\n'
    fixed = apply(code, "replace_literal_with_env", line=2, col=15, env_var="DATABASE_URL", keep_default=True)
    assert fixed == '"""Settings."""\nimport os\n\nDATABASE_URL = os.environ.get("DATABASE_URL", "sqlite:///app.db")  # local\n'
    again = apply(fixed, "replace_literal_with_env", line=4, col=15, env_var="DATABASE_URL", keep_default=True)
    assert again == fixed


def test_literal_without_default_is_unsafe_kind() -> None:
    code = "import os\nSECRET = 'abc'\n"
    assert apply(code, "replace_literal_with_env", line=2, col=9, env_var="SECRET_KEY", keep_default=False) == (
        'import os\nSECRET = os.environ["SECRET_KEY"]\n'
    )
    from baes.fixes.patches import safety
    from baes.standards.findings import FixSafety

    # unsafe with or without the default: where the variable is set, the value changes
    assert safety("replace_literal_with_env", {"keep_default": False}) is FixSafety.UNSAFE
    assert safety("replace_literal_with_env", {"keep_default": True}) is FixSafety.UNSAFE


def test_literal_split_keeps_the_path_in_the_code() -> None:
    code = "import requests\n\n\ndef f():\n    return requests.get('http://h:8000/items?x=1', timeout=5)\n"
    assert apply(code, "replace_literal_with_env", line=5, col=24, env_var="API_BASE_URL", keep_suffix="/items?x=1") == (
        "import os\nimport requests\n\n\ndef f():\n"
        "    return requests.get(os.environ.get(\"API_BASE_URL\", 'http://h:8000') + '/items?x=1', timeout=5)\n"
    )
    other = patcher.apply_patch(code, "replace_literal_with_env", line=5, col=24, env_var="API_BASE_URL", keep_suffix="/x")
    assert not other.success and "does not end with" in (other.error_message or "")


@pytest.mark.parametrize(
    "kwargs",
    [
        {"line": 2, "col": 0, "env_var": "X"},
        {"line": 2, "col": 9, "env_var": "not valid"},
        {"line": 99, "col": 0, "env_var": "X"},
    ],
)
def test_literal_failures(kwargs: dict) -> None:
    fails("import os\nSECRET = b'abc'\n", "replace_literal_with_env", **kwargs)


def test_non_ascii_columns_are_code_points() -> None:
    code = "MESSAGE = 'héllo'; URL = 'ftp://ü'\n"
    fixed = apply(code, "replace_literal_with_env", line=1, col=25, env_var="URL", keep_default=True)
    assert fixed == "import os\n\nMESSAGE = 'héllo'; URL = os.environ.get(\"URL\", 'ftp://ü')\n"


# --- parameterize SQL -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "before, after",
    [
        ('conn.execute(f"SELECT * FROM t WHERE id = {item_id}")', 'conn.execute("SELECT * FROM t WHERE id = ?", (item_id,))'),
        (
            "conn.execute(f\"SELECT * FROM t WHERE name = '{name}' AND age >= {age}\")",
            'conn.execute("SELECT * FROM t WHERE name = ? AND age >= ?", (name, age))',
        ),
        (
            "conn.execute(\"UPDATE t SET name = '%s' WHERE id = %d\" % (name, item_id))",
            'conn.execute("UPDATE t SET name = ? WHERE id = ?", (name, item_id))',
        ),
        ('conn.execute("SELECT * FROM t WHERE id = %s" % item_id)', 'conn.execute("SELECT * FROM t WHERE id = ?", (item_id,))'),
        (
            'conn.execute("INSERT INTO t (a, b) VALUES ({}, {})".format(a, b))',
            'conn.execute("INSERT INTO t (a, b) VALUES (?, ?)", (a, b))',
        ),
        (
            'conn.execute("SELECT * FROM t WHERE id IN ({x}, {y})".format(y=2, x=one))',
            'conn.execute("SELECT * FROM t WHERE id IN (?, ?)", (one, 2))',
        ),
        (
            'conn.execute("SELECT * FROM t WHERE name = \'" + name + "\'")',
            'conn.execute("SELECT * FROM t WHERE name = ?", (name,))',
        ),
        (
            'conn.execute(f"SELECT * FROM t WHERE d BETWEEN {lo} AND {hi} LIMIT {n}")',
            'conn.execute("SELECT * FROM t WHERE d BETWEEN ? AND ? LIMIT ?", (lo, hi, n))',
        ),
    ],
)
def test_parameterize_forms(before: str, after: str) -> None:
    code = f"def q(conn):\n    {before}\n"
    assert apply(code, "parameterize_sql", line=2, col=17) == f"def q(conn):\n    {after}\n"
    assert apply(f"def q(conn):\n    {after}\n", "parameterize_sql", line=2, col=17) == f"def q(conn):\n    {after}\n"


def test_parameterize_keeps_multiline_layout() -> None:
    code = 'cur.execute(\n    f"SELECT * FROM students "\n    f"WHERE id = {student_id}"\n)\n'
    assert apply(code, "parameterize_sql", line=2, col=4) == (
        'cur.execute(\n    "SELECT * FROM students "\n    "WHERE id = ?",\n    (student_id,)\n)\n'
    )


@pytest.mark.parametrize(
    "call, reason",
    [
        ('conn.execute(f"SELECT * FROM {table}")', "follows 'FROM'"),
        ('conn.execute(f"SELECT {col} FROM t")', "follows 'SELECT'"),
        ("conn.execute(f\"SELECT * FROM t WHERE n LIKE '%{name}%'\")", "middle of an SQL string literal"),
        ('conn.execute(f"SELECT * FROM t WHERE id = {x!r}")', "conversion"),
        ('conn.execute(f"SELECT * FROM t WHERE id = {x}", ())', "already passes parameters"),
        ('conn.executescript(f"DELETE FROM t WHERE id = {x}")', "only the query of `.execute"),
        ('conn.execute("SELECT * FROM t WHERE a = %s AND b = %s" % args)', "more %-placeholders than values"),
        ('conn.execute(f"SELECT * FROM t_{suffix} WHERE 1")', "glued"),
        ('conn.execute(f"SELECT * FROM t WHERE id IN ({ids})")', "joined list"),
    ],
)
def test_parameterize_refuses_non_values(call: str, reason: str) -> None:
    assert reason in fails(f"{call}\n", "parameterize_sql", line=1, col=call.index("(") + 1)


# --- CREATE ... IF NOT EXISTS -------------------------------------------------------------
def test_create_if_not_exists_keeps_case_quotes_and_skips_comments() -> None:
    code = (
        "SCHEMA = '''\n"
        "-- CREATE TABLE in a comment stays\n"
        "create table users (id integer primary key);\n"
        "CREATE UNIQUE INDEX IF NOT EXISTS ix ON users (id);\n"
        "CREATE TEMP TABLE scratch (v TEXT DEFAULT 'CREATE TABLE x');\n"
        "'''\n"
    )
    fixed = apply(code, "sql_create_if_not_exists", line=1, col=9)
    assert fixed == code.replace("create table users", "create table if not exists users").replace(
        "CREATE TEMP TABLE scratch", "CREATE TEMP TABLE IF NOT EXISTS scratch"
    )
    assert apply(fixed, "sql_create_if_not_exists", line=1, col=9) == fixed


def test_create_if_not_exists_needs_a_create() -> None:
    assert "no CREATE statement" in fails("X = 'SELECT 1'\n", "sql_create_if_not_exists", line=1, col=4)
