"""BE001 `create-route-status-code`: Flags create routes (POST, `create_*`) that do not answer 201."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from baes.fixes.patches import (
    FixStatusCode,
)
from baes.standards.findings import Severity
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


def _create_status(ctx: RuleContext[CreateStatusOptions]) -> Iterator[Violation]:
    expected = ctx.options.expected_status
    pattern = re.compile(ctx.options.create_name_pattern)
    for route in routes(ctx.index):
        if route.method != "post" or not pattern.search(route.function.name):
            continue
        node = route.status_code_node
        actual = route.status_code
        if node is not None and actual is None:
            continue  # a variable: we cannot tell
        if actual != expected:
            yield Violation.at(
                route.decorator, fix=status_fix(route, expected), name=route.function.name,
                actual=actual or 200, expected=expected,
            )



RULE = BACKEND.rule(
    id="BE001",
    name="create-route-status-code",
    summary="Flags create routes (POST, `create_*`) that do not answer 201.",
    severity=Severity.WARNING,
    confidence=0.85,
    critical=False,
    message="create route `{name}` answers {actual}; a successful create should answer {expected} Created",
    why="`201 Created` tells clients a resource was made (and lets them tell it from a 200 lookup).",
    how_to_fix="Pass `status_code=201` (or `status.HTTP_201_CREATED`) to the route decorator.",
    check=_create_status,
    patch=FixStatusCode,
    options=CreateStatusOptions(),
    profiles=frozenset({"strict", "generated"}),
    notes=(
        "Scope: POST routes whose function name matches `create_name_pattern`. Not in the default profile: "
        "FastAPI's own tutorials answer 200 from POST, which is valid HTTP. A status code held in a variable "
        "is not judged."
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
            fixed="""
            from fastapi import APIRouter

            router = APIRouter()


            @router.post('/students', status_code=201)
            def create_student(data: dict) -> dict:
                return data
            """,
        ),
    ),
)

