"""SQLite access for the library application."""
import sqlite3

DATABASE_PATH = "library.db"


def get_conn():
    conn = sqlite3.connect(DATABASE_PATH)
    try:
        yield conn
    finally:
        conn.close()


def count_books() -> int:
    with get_conn() as conn:
        row = conn.execute("SELECT COUNT(*) FROM books").fetchone()
    return int(row[0])
