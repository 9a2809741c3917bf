"""BE008 `missing-docstring`: Flags public functions without a docstring."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from baes.standards.findings import Severity
from baes.standards.options import RuleOptions
from baes.standards.patterns import (
    is_fixture,
    is_test_function,
)
from baes.standards.rule import Example, RuleContext, Violation
from baes.standards.rules.families import BACKEND


def _docstrings(ctx: RuleContext[RuleOptions]) -> Iterator[Violation]:
    index = ctx.index
    top_level = {id(s) for s in index.tree.body}
    for cls in index.nodes(ast.ClassDef):
        if not cls.name.startswith("_"):
            top_level.update(id(s) for s in cls.body)
    for func in index.functions:
        if id(func) not in top_level or func.name.startswith("_"):
            continue
        if is_test_function(func) or is_fixture(func):
            continue
        if ast.get_docstring(func, clean=False) is None:
            yield Violation.header(func, name=func.name)


RULE = BACKEND.rule(
    id="BE008",
    name="missing-docstring",
    summary="Flags public functions without a docstring.",
    severity=Severity.INFO,
    confidence=0.9,
    critical=False,
    message="public function `{name}` has no docstring",
    why="FastAPI shows a route's docstring in the OpenAPI docs; other readers need to know why it exists.",
    how_to_fix="Add a one-line docstring saying what it does and why.",
    check=_docstrings,
    profiles=frozenset({"strict", "generated"}),
    valid_examples=(
        Example(
            '''
            def list_students():
                """Return every student."""
                return []
            ''',
        ),
    ),
    invalid_examples=(
        Example(
            """
            def list_students():
                return []
            """,
        ),
    ),
)
