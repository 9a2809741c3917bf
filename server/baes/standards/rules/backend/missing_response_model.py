"""BE004 `missing-response-model`: Flags routes without `response_model=` and without a return annotation."""

from __future__ import annotations

from collections.abc import Iterator

from baes.standards.findings import Severity
from baes.standards.index import keyword
from baes.standards.options import RuleOptions
from baes.standards.patterns import (
    routes,
)
from baes.standards.rule import Example, RuleContext, Violation
from baes.standards.rules.families import BACKEND


def _response_model(ctx: RuleContext[RuleOptions]) -> Iterator[Violation]:
    for route in routes(ctx.index):
        if route.method not in ("get", "post", "put", "patch"):
            continue
        deco = route.decorator
        if route.function.returns is not None or route.status_code == 204:
            continue
        if any(keyword(deco, k) is not None for k in ("response_model", "response_class", "include_in_schema")):
            continue
        yield Violation.header(route.function, name=route.function.name)


RULE = BACKEND.rule(
    id="BE004",
    name="missing-response-model",
    summary="Flags routes without `response_model=` and without a return annotation.",
    severity=Severity.INFO,
    confidence=0.7,
    critical=False,
    message="route `{name}` declares no response model (neither `response_model=` nor a return annotation)",
    why="A response model documents the API, filters what is sent (no leaked fields) and validates the output.",
    how_to_fix="Add `response_model=StudentRead` to the decorator, or annotate the return type (`-> StudentRead`).",
    check=_response_model,
    profiles=frozenset({"strict", "generated"}),
    notes="A return annotation counts, as it does for FastAPI. Routes with `response_class=` are skipped.",
    valid_examples=(
        Example(
            """
            from fastapi import APIRouter

            router = APIRouter()


            @router.get('/students', response_model=list[dict])
            def list_students():
                return []
            """,
        ),
        Example(
            """
            from fastapi import APIRouter

            router = APIRouter()


            @router.get('/students')
            def list_students() -> list[dict]:
                return []
            """,
        ),
    ),
    invalid_examples=(
        Example(
            """
            from fastapi import APIRouter

            router = APIRouter()


            @router.get('/students')
            def list_students():
                return []
            """,
        ),
    ),
)
