"""The library's schema."""
import sqlite3


def create_schema(conn: sqlite3.Connection) -> None:
    """Create the tables."""
    conn.execute("CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT NOT NULL)")
