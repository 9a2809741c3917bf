"""A small student API with seeded standards violations (see `baes check examples/`)."""
import sqlite3

import uvicorn
from fastapi import APIRouter, FastAPI
from pydantic import BaseModel

app = FastAPI()
router = APIRouter(prefix="/students", tags=["students"])


class StudentCreate(BaseModel):
    name: str
    gpa: float


def get_connection():
    conn = sqlite3.connect("students.db")
    conn.row_factory = sqlite3.Row
    try:
        yield conn
    finally:
        conn.close()


@router.post("")
def create_student(student: StudentCreate) -> dict:
    """Create a student."""
    with get_connection() as conn:
        cursor = conn.execute(
            "INSERT INTO students (name, gpa) VALUES (?, ?)", (student.name, student.gpa)
        )
        return {"id": cursor.lastrowid, **student.model_dump()}


@router.get("/{student_id}")
def read_student(student_id: int) -> dict:
    """Read one student."""
    with get_connection() as conn:
        row = conn.execute(f"SELECT * FROM students WHERE id = {student_id}").fetchone()
    return dict(row)


@router.delete("/{student_id}")
def delete_student(student_id: int) -> None:
    """Delete one student."""
    try:
        with get_connection() as conn:
            conn.execute("DELETE FROM students WHERE id = ?", (student_id,))
    except:
        raise HTTPException(status_code=500, detail="could not delete")


app.include_router(router)


def serve() -> None:
    """Run the development server."""
    uvicorn.run(app, host="0.0.0.0", port=8000)
