"""A student API that follows the BAES standards: `baes check` reports nothing here."""
from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator

from fastapi import APIRouter, Depends, FastAPI, HTTPException, status
from pydantic import BaseModel

DATABASE_PATH = os.environ.get("BAES_DATABASE_PATH", "app.db")
SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS students (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    gpa REAL NOT NULL
);
"""

app = FastAPI()
router = APIRouter(prefix="/students", tags=["students"])


class StudentCreate(BaseModel):
    """What a client sends to create a student."""

    name: str
    gpa: float


class StudentRead(StudentCreate):
    """A stored student."""

    id: int


def get_db() -> Iterator[sqlite3.Connection]:
    """One connection per request, driven by FastAPI's `Depends`."""
    conn = sqlite3.connect(DATABASE_PATH)
    conn.row_factory = sqlite3.Row
    try:
        yield conn
        conn.commit()
    except Exception:
        conn.rollback()
        raise
    finally:
        conn.close()


def init_db() -> None:
    """Create the tables at start-up."""
    conn = sqlite3.connect(DATABASE_PATH)
    try:
        conn.executescript(SCHEMA_SQL)
    finally:
        conn.close()


@router.post("", status_code=status.HTTP_201_CREATED, response_model=StudentRead)
def create_student(student: StudentCreate, conn: sqlite3.Connection = Depends(get_db)) -> StudentRead:
    """Create a student."""
    try:
        cursor = conn.execute("INSERT INTO students (name, gpa) VALUES (?, ?)", (student.name, student.gpa))
    except sqlite3.IntegrityError as exc:
        raise HTTPException(status_code=409, detail=str(exc)) from exc
    return StudentRead(id=cursor.lastrowid, **student.model_dump())


@router.get("/{student_id}", response_model=StudentRead)
def read_student(student_id: int, conn: sqlite3.Connection = Depends(get_db)) -> StudentRead:
    """Read one student, or 404."""
    row = conn.execute("SELECT * FROM students WHERE id = ?", (student_id,)).fetchone()
    if row is None:
        raise HTTPException(status_code=404, detail="Student not found")
    return StudentRead(**dict(row))


@router.delete("/{student_id}", status_code=204)
def delete_student(student_id: int, conn: sqlite3.Connection = Depends(get_db)) -> None:
    """Delete one student, or 404."""
    cursor = conn.execute("DELETE FROM students WHERE id = ?", (student_id,))
    if cursor.rowcount == 0:
        raise HTTPException(status_code=404, detail="Student not found")


app.include_router(router)
