"""BE002 `delete-route-status-code`: Flags DELETE routes that declare no status code (or one outside the allowed list)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass

from baes.fixes.patches import (
    FixStatusCode,
)
from baes.standards.findings import Severity
from baes.standards.index import SourceIndex
from baes.standards.options import RuleOptions
from baes.standards.patterns import (
    routes,
)
from baes.standards.rule import Example, RuleContext, Violation
from baes.standards.rules.backend.common import status_fix
from baes.standards.rules.families import BACKEND


@dataclass(frozen=True)
class DeleteStatusOptions(RuleOptions):
    """The status a delete route should declare, and the declared statuses accepted as well."""

    expected_status: int = 204
    allowed_statuses: tuple[int, ...] = (200, 202, 204)


def _returns_a_body(index: SourceIndex, func: ast.AST) -> bool:
    """Whether a function returns something other than ``None`` somewhere."""
    return any(
        node.value is not None and not (isinstance(node.value, ast.Constant) and node.value.value is None)
        for node in index.own_statements(func, ast.Return)
    )


def _delete_status(ctx: RuleContext[DeleteStatusOptions]) -> Iterator[Violation]:
    expected = ctx.options.expected_status
    allowed = set(ctx.options.allowed_statuses) | {expected}
    for route in routes(ctx.index):
        if route.method != "delete":
            continue
        node = route.status_code_node
        if node is None and not _returns_a_body(ctx.index, route.function):
            yield Violation.at(
                route.decorator,
                fix=status_fix(route, expected),
                name=route.function.name,
                problem="answers 200 with an empty (`null`) body",
                expected=expected,
            )
        elif route.status_code is not None and route.status_code not in allowed:
            yield Violation.at(
                route.decorator,
                fix=status_fix(route, expected),
                name=route.function.name,
                problem=f"declares status {route.status_code}",
                expected=expected,
            )


RULE = BACKEND.rule(
    id="BE002",
    name="delete-route-status-code",
    summary="Flags DELETE routes that declare no status code (or one outside the allowed list).",
    severity=Severity.WARNING,
    confidence=0.8,
    critical=False,
    message="delete route `{name}` {problem}; declare {expected} No Content",
    why="A delete that returns nothing should say so with `204 No Content` instead of an implicit 200.",
    how_to_fix="Pass `status_code=204` to the route decorator and return nothing.",
    check=_delete_status,
    patch=FixStatusCode,
    options=DeleteStatusOptions(),
    notes=(
        "Reported when a DELETE route returns nothing and declares no status code (clients get 200 with "
        "`null`), or declares one outside `allowed_statuses`. A delete that answers 200 with a body "
        '(`{"ok": true}`, as FastAPI\'s tutorials do) is valid HTTP and is not reported.'
    ),
    valid_examples=(
        Example(
            """
            from fastapi import APIRouter

            router = APIRouter()


            @router.delete('/students/{student_id}', status_code=204)
            def delete_student(student_id: int) -> None:
                return None
            """,
        ),
    ),
    invalid_examples=(
        Example(
            """
            from fastapi import APIRouter

            router = APIRouter()


            @router.delete('/students/{student_id}')
            def delete_student(student_id: int) -> None:
                return None
            """,
            fixed="""
            from fastapi import APIRouter

            router = APIRouter()


            @router.delete('/students/{student_id}', status_code=204)
            def delete_student(student_id: int) -> None:
                return None
            """,
        ),
    ),
)
