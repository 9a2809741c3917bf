"""Reports over the library database."""
import sqlite3


def open_db():
    conn = sqlite3.connect("library.db")
    try:
        yield conn
    finally:
        conn.close()


def open_cursor():
    conn = sqlite3.connect("library.db")
    cursor = conn.cursor()
    try:
        yield cursor
    finally:
        cursor.close()
        conn.close()


def loans_per_member() -> list[tuple[str, int]]:
    with open_db() as conn:
        return conn.execute("SELECT member, COUNT(*) FROM loans GROUP BY member").fetchall()


def overdue_count() -> int:
    with open_cursor() as cursor:
        return int(cursor.execute("SELECT COUNT(*) FROM loans WHERE due < date('now')").fetchone()[0])
