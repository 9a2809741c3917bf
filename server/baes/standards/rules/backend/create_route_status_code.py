"""BE001 `create-route-status-code`: Flags create routes (POST, `create_*`) that do not answer 201."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass

from baes.fixes.patches import (
    FixStatusCode,
)
from baes.standards.findings import Severity
from baes.standards.index import SourceIndex, call_name, keyword
from baes.standards.options import RuleOptions
from baes.standards.patterns import (
    routes,
)
from baes.standards.rule import Example, RuleContext, Violation
from baes.standards.rules.backend.common import status_fix
from baes.standards.rules.families import BACKEND


@dataclass(frozen=True)
class CreateStatusOptions(RuleOptions):
    """The status a create route should answer, and which POST routes are creates (by function name)."""

    expected_status: int = 201
    create_name_pattern: str = r"^(create|add|new|register|insert)_"


# statuses a create may declare on purpose instead of 201
_OTHER_OUTCOMES = frozenset({202, 204})


def sets_own_status(index: SourceIndex, func: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """The function decides its status itself: ``response.status_code = ...`` or a returned
    ``JSONResponse(..., status_code=...)`` (an upsert answering 200 or 201, say)."""
    for assign in index.own(func, ast.Assign):
        if any(isinstance(t, ast.Attribute) and t.attr == "status_code" for t in assign.targets):
            return True
    for ret in index.own_statements(func, ast.Return):
        value = ret.value
        if isinstance(value, ast.Call) and (call_name(value) or "").endswith("Response"):
            if keyword(value, "status_code") is not None or len(value.args) >= 2:
                return True
    return False


def _create_status(ctx: RuleContext[CreateStatusOptions]) -> Iterator[Violation]:
    expected = ctx.options.expected_status
    pattern = re.compile(ctx.options.create_name_pattern)
    for route in routes(ctx.index):
        if route.method != "post" or not pattern.search(route.function.name):
            continue
        node = route.status_code_node
        actual = route.status_code
        if node is None:
            if not sets_own_status(ctx.index, route.function):
                yield Violation.at(
                    route.decorator,
                    fix=status_fix(route, expected),
                    name=route.function.name,
                    actual=200,
                    how="answers",
                    expected=expected,
                )
            continue
        # an explicit status is the author's: never rewritten, and one that says a different outcome
        # on purpose (202 Accepted: done later; 204 No Content: nothing returned) is not judged
        if actual is not None and actual != expected and actual not in _OTHER_OUTCOMES:
            yield Violation.at(route.decorator, name=route.function.name, actual=actual, how="declares", expected=expected)


RULE = BACKEND.rule(
    id="BE001",
    name="create-route-status-code",
    summary="Flags create routes (POST, `create_*`) that do not answer 201.",
    severity=Severity.WARNING,
    confidence=0.85,
    critical=False,
    message="create route `{name}` {how} {actual}; a successful create should answer {expected} Created",
    why="`201 Created` tells clients a resource was made (and lets them tell it from a 200 lookup).",
    how_to_fix="Pass `status_code=201` (or `status.HTTP_201_CREATED`) to the route decorator.",
    check=_create_status,
    patch=FixStatusCode,
    options=CreateStatusOptions(),
    profiles=frozenset({"strict", "generated"}),
    notes=(
        "Scope: POST routes whose function name matches `create_name_pattern`. Not in the default profile: "
        "FastAPI's own tutorials answer 200 from POST, which is valid HTTP. A status code held in a variable "
        "is not judged, nor a route that sets `response.status_code` or returns a response with its own status. "
        "An explicit `202 Accepted` or `204 No Content` says another outcome on purpose and is not reported; "
        "another explicit status (`200`) is reported without a fix: the fix only adds a status where none is "
        "declared."
    ),
    valid_examples=(
        Example(
            """
            from fastapi import APIRouter

            router = APIRouter()


            @router.post('/students', status_code=201)
            def create_student(data: dict) -> dict:
                return data
            """,
        ),
        Example(
            """
            from fastapi import APIRouter, status

            router = APIRouter()


            @router.post('/students', status_code=status.HTTP_201_CREATED)
            def create_student(data: dict) -> dict:
                return data
            """,
        ),
        Example(
            """
            from fastapi import APIRouter

            router = APIRouter()


            @router.post('/login')
            def login(data: dict) -> dict:
                return data
            """,
        ),
        # every way of writing the status is understood; one held in a variable is not judged
        Example(
            """
            from http import HTTPStatus
            from fastapi import APIRouter

            router = APIRouter()


            @router.post('/s', status_code=HTTPStatus.CREATED)
            def create_s() -> dict:
                return {}
            """,
        ),
        Example(
            """
            from fastapi import APIRouter

            router = APIRouter()
            CODE = 201


            @router.post('/s', status_code=CODE)
            def create_s() -> dict:
                return {}
            """,
        ),
        # the route decides its status itself (an upsert: 201 when it made the row, 200 otherwise)
        Example(
            """
            from fastapi import APIRouter, Response

            router = APIRouter()


            @router.post('/tags')
            def create_tag(data: dict, response: Response) -> dict:
                made = data.get('new', False)
                response.status_code = 201 if made else 200
                return data
            """,
        ),
        Example(
            """
            from fastapi import APIRouter
            from fastapi.responses import JSONResponse

            router = APIRouter()


            @router.post('/jobs')
            def create_job(data: dict) -> JSONResponse:
                return JSONResponse(data, status_code=202)
            """,
        ),
        # an explicit 204 says on purpose that nothing is returned
        Example(
            """
            from fastapi import APIRouter

            router = APIRouter()


            @router.post('/links', status_code=204)
            def add_link(data: dict) -> None:
                return None
            """,
        ),
    ),
    invalid_examples=(
        Example(
            """
            from fastapi import APIRouter

            router = APIRouter()


            @router.post('/students')
            def create_student(data: dict) -> dict:
                return data
            """,
            fixed="""
            from fastapi import APIRouter

            router = APIRouter()


            @router.post('/students', status_code=201)
            def create_student(data: dict) -> dict:
                return data
            """,
        ),
        Example(
            """
            from fastapi import APIRouter

            router = APIRouter()


            @router.post('/students', status_code=200)
            def create_student(data: dict) -> dict:
                return data
            """,
        ),
    ),
)
