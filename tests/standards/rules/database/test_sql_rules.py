"""Regression cases of DB002 `sql-built-from-strings` and the schema rules (DB003-DB005) over SQL strings that do not fit as examples (several file kinds, exact positions, fix arguments)."""

from __future__ import annotations

from tests.standards.helpers import check, ids


def test_sql_through_local_variables_and_safe_patterns() -> None:
    unsafe = "def f(conn, name):\n    sql = f\"SELECT * FROM t WHERE name = '{name}'\"\n    return conn.execute(sql)\n"
    report = check(unsafe, "database")
    finding = [f for f in report.findings if f.rule_id == "DB002"][0]
    assert finding.line == 3 and "through `sql`" in finding.message and finding.fix is None
    safe = (
        "def f(conn, ids):\n    marks = ', '.join('?' for _ in ids)\n"
        "    return conn.execute(f'SELECT * FROM t WHERE id IN ({marks})', tuple(ids))\n"
    )
    assert "DB002" not in ids(check(safe, "database"))


def test_sql_rules_read_only_strings_that_reach_execute() -> None:
    source = "HELP = 'CREATE TABLE t (x TEXT)'\nprint(HELP)\n"
    assert ids(check(source, "database")) == []
    source = "SCHEMA_SQL = 'CREATE TABLE t (x TEXT)'\n\n\ndef init(conn):\n    conn.executescript(SCHEMA_SQL)\n"
    assert {"DB003", "DB004", "DB005"} <= set(ids(check(source, "database")))


def test_sql_in_any_module_constant_that_reaches_execute_is_read() -> None:
    source = "STUDENTS = 'CREATE TABLE students (name TEXT)'\n\n\ndef init(conn):\n    conn.execute(STUDENTS)\n"
    assert {"DB003", "DB004"} <= set(ids(check(source, "database")))
