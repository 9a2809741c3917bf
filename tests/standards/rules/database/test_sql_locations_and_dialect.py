"""Findings inside multi-line SQL point at the SQL line that is wrong; DB003's fix is safe only
where it is valid on the database the SQL is written for."""

from __future__ import annotations

from tests.standards.helpers import check

from baes.fixes.apply import fix_safety, fix_source
from baes.settings.config import Settings
from baes.standards.findings import FixSafety

SCHEMA = '''SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS authors (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS books (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    author_id INTEGER NOT NULL
);
CREATE TABLE audit (
    note TEXT
);
"""


def init(conn):
    conn.executescript(SCHEMA_SQL)
'''


def _where(report, rule_id):
    return [
        (f.span.start_line, f.span.start_col, f.span.end_line, f.span.end_col) for f in report.findings if f.rule_id == rule_id
    ]


def test_table_and_column_findings_point_at_their_sql_line() -> None:
    report = check(SCHEMA, "database")
    assert _where(report, "DB004") == [(10, 0, 10, 18)]  # `CREATE TABLE audit`
    assert _where(report, "DB005") == [(10, 0, 10, 18)]
    assert _where(report, "DB006") == [(8, 4, 8, 30)]  # `author_id INTEGER NOT NULL`
    assert _where(report, "DB003") == [(10, 0, 10, 18)]


def test_implicit_concatenation_prefixes_and_non_ascii_text_map_exactly() -> None:
    source = (
        "def init(conn):\n"
        "    conn.executescript(\n"
        '        "CREATE TABLE a (x TEXT NOT NULL, id INTEGER PRIMARY KEY);"\n'
        "        # the second table\n"
        '        r"CREATE TABLE é (label TEXT)"\n'
        "    )\n"
    )
    report = check(source, "database")
    assert _where(report, "DB004") == [(5, 10, 5, 24)]  # code-point columns on the line holding é


def test_text_with_escapes_falls_back_to_the_literal_start_never_a_wrong_line() -> None:
    source = 'def init(conn):\n    conn.executescript("CREATE TABLE a (id INTEGER PRIMARY KEY);\\nCREATE TABLE b (x TEXT)")\n'
    assert _where(check(source, "database"), "DB004") == [(2, 23, 2, 90)]
    mixed = (
        "def init(conn):\n"
        '    conn.executescript("CREATE TABLE a (x TEXT);\\n"\n'
        '                       "CREATE TABLE b (\\n"  "  c_id INTEGER);")\n'
    )
    report = check(mixed, "database")
    assert {line for line, *_ in _where(report, "DB004")} == {2}  # the parts with escapes: the literal's start
    assert _where(report, "DB006") == [(3, 48, 3, 60)]  # the part without escapes maps exactly


def _db003(source: str):
    return [f for f in check(source, "database").findings if f.rule_id == "DB003"]


def test_db003_index_fix_is_safe_only_on_sqlite() -> None:
    sqlite = "import sqlite3\n\n\ndef init(conn):\n    conn.execute('CREATE INDEX i ON t (a)')\n"
    [finding] = _db003(sqlite)
    assert fix_safety(finding) is FixSafety.SAFE
    unknown = "def init(conn):\n    conn.execute('CREATE INDEX i ON t (a)')\n"
    [finding] = _db003(unknown)
    assert fix_safety(finding) is FixSafety.UNSAFE
    assert fix_source(unknown, settings=Settings(profile="strict"), swea_type="database").source == unknown  # fix-all leaves it


def test_db003_in_a_mysql_branch_reports_tables_only_and_never_touches_the_index() -> None:
    source = (
        "def init(conn, engine):\n"
        "    if engine.dialect.name == 'mysql':\n"
        "        conn.execute('CREATE TABLE t (id INT PRIMARY KEY, a INT NOT NULL); CREATE INDEX i ON t (a)')\n"
        "    else:\n"
        "        conn.execute('CREATE INDEX i ON t (a)')\n"
    )
    findings = _db003(source)
    assert [(f.line, f.message.split("(")[1].split(")")[0]) for f in findings] == [(3, "t"), (5, "index on t")]
    assert [fix_safety(f) for f in findings] == [FixSafety.SAFE, FixSafety.UNSAFE]
    fixed = fix_source(source, settings=Settings(profile="strict"), rule_ids=["DB003"], swea_type="database").source
    assert "CREATE TABLE IF NOT EXISTS t" in fixed and "CREATE INDEX i ON t (a)'" in fixed
    assert fixed.count("CREATE INDEX IF NOT EXISTS") == 0


def test_db003_dialect_from_names_and_sql_text() -> None:
    mysql = "MYSQL_INDEXES_SQL = 'CREATE INDEX i ON t (a)'\n\n\ndef init(conn):\n    conn.execute(MYSQL_INDEXES_SQL)\n"
    assert _db003(mysql) == []
    auto = "def init(conn):\n    conn.executescript('CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT); CREATE INDEX i ON t (id)')\n"
    [finding] = _db003(auto)
    assert fix_safety(finding) is FixSafety.SAFE
