"""BE003 `missing-not-found-error`: Flags routes that look up one row by a path parameter but never raise a 404."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from baes.standards.findings import Severity
from baes.standards.index import SourceIndex, call_name, dotted_name
from baes.standards.options import RuleOptions
from baes.standards.patterns import (
    body_raises,
    functions_named,
    routes,
)
from baes.standards.rule import Example, RuleContext, Violation
from baes.standards.rules.families import BACKEND

_FETCH_ONE = frozenset({"fetchone", "first", "one_or_none", "scalar_one_or_none", "scalar"})


def _fetches_one(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return False
    if node.func.attr in _FETCH_ONE:
        return True
    owner = dotted_name(node.func.value) or ""
    return node.func.attr == "get" and owner.split(".")[-1] in ("session", "db") and len(node.args) == 2


# how deep a chain of same-file helpers is followed (route -> get_or_404 -> raise_not_found)
_HELPER_DEPTH = 3


def raises_here_or_in_helper(index: SourceIndex, func: ast.AST, depth: int = _HELPER_DEPTH) -> bool:
    """``func`` raises, or calls by name a function of the same file that does (``get_or_404``)."""
    if body_raises(index, func):
        return True
    if depth == 0:
        return False
    for call in index.own(func, ast.Call):
        # ``get_or_404(...)`` or a method of the file's own class (``self.ensure_found(row)``)
        callee = call.func
        name = callee.id if isinstance(callee, ast.Name) else callee.attr if isinstance(callee, ast.Attribute) else None
        helpers = functions_named(index, name) if name else []
        if any(h is not func and raises_here_or_in_helper(index, h, depth - 1) for h in helpers):
            return True
    return False


def _not_found(ctx: RuleContext[RuleOptions]) -> Iterator[Violation]:
    index = ctx.index
    # the raise first: it needs no walk of the function, and most routes that fetch one row raise
    candidates = [
        route.function
        for route in routes(index)
        if route.has_path_parameter
        and route.method in ("get", "put", "patch", "delete")
        and not body_raises(index, route.function)
    ]
    if not candidates:
        return
    # the calls that fetch one row, found once by name: a file without any has nothing to judge
    fetches = {id(c) for c in index.calls_to(*_FETCH_ONE, "get") if _fetches_one(c)}
    for func in candidates:
        if not any(id(n) in fetches for n in index.own(func, ast.Call)):
            continue
        if raises_here_or_in_helper(index, func):
            continue
        returns_response = any(
            isinstance(n.value, ast.Call) and (call_name(n.value) or "").endswith("Response")
            for n in index.own_statements(func, ast.Return)
        )
        if not returns_response:
            yield Violation.header(func, name=func.name)


RULE = BACKEND.rule(
    id="BE003",
    name="missing-not-found-error",
    summary="Flags routes that look up one row by a path parameter but never raise a 404.",
    severity=Severity.WARNING,
    confidence=0.8,
    critical=False,
    message="route `{name}` looks up one row but never raises `HTTPException(status_code=404)` when it is missing",
    why=(
        "When the row does not exist the route returns `null` with 200 (or fails validating `None` with a 500) "
        "instead of telling the client 404 Not Found."
    ),
    how_to_fix='`if row is None: raise HTTPException(status_code=404, detail="... not found")`.',
    check=_not_found,
    notes=(
        "Scope: routes with a path parameter that call `fetchone()`, `.first()`, `.one_or_none()` or "
        "`session.get(Model, id)`. A route that calls a function of the same file which raises (`get_or_404`, "
        "`self.ensure_found(row)`, followed up to three calls deep) is not reported."
    ),
    # a helper of the same file can raise for the route: not a promise about one statement
    scope="module",
    valid_examples=(
        Example(
            """
            from fastapi import APIRouter, HTTPException

            router = APIRouter()


            @router.get('/students/{student_id}')
            def read_student(student_id: int, conn=None) -> dict:
                row = conn.execute('SELECT * FROM students WHERE id = ?', (student_id,)).fetchone()
                if row is None:
                    raise HTTPException(status_code=404, detail='Student not found')
                return dict(row)
            """,
        ),
        # the 404 is raised by a helper of the same file
        Example(
            """
            from fastapi import APIRouter, HTTPException

            router = APIRouter()


            def found_or_404(row, what: str):
                if row is None:
                    raise HTTPException(status_code=404, detail=f'{what} not found')
                return row


            @router.get('/courses/{course_id}')
            def read_course(course_id: int, conn=None) -> dict:
                row = conn.execute('SELECT * FROM courses WHERE id = ?', (course_id,)).fetchone()
                return dict(found_or_404(row, 'Course'))
            """,
        ),
    ),
    invalid_examples=(
        Example(
            """
            from fastapi import APIRouter

            router = APIRouter()


            @router.get('/students/{student_id}')
            def read_student(student_id: int, conn=None) -> dict:
                row = conn.execute('SELECT * FROM students WHERE id = ?', (student_id,)).fetchone()
                return dict(row)
            """,
        ),
        # a helper that does not raise does not count
        Example(
            """
            from fastapi import APIRouter

            router = APIRouter()


            def as_dict(row) -> dict:
                return dict(row) if row else {}


            @router.get('/courses/{course_id}')
            def read_course(course_id: int, conn=None) -> dict:
                row = conn.execute('SELECT * FROM courses WHERE id = ?', (course_id,)).fetchone()
                return as_dict(row)
            """,
        ),
    ),
)
