"""The student schema with seeded standards violations."""
import sqlite3

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS enrollments (
    course TEXT NOT NULL,
    student_id INTEGER NOT NULL
);
"""


def init_db(path: str) -> None:
    """Apply the schema."""
    conn = sqlite3.connect(path)
    try:
        conn.executescript(SCHEMA_SQL)
    finally:
        conn.close()
