"""BE007 `hard-coded-secret`: Flags passwords, keys and tokens written as string literals."""
from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from baes.standards.findings import Severity
from baes.standards.options import RuleOptions
from baes.standards.rule import Example, RuleContext, Violation
from baes.standards.rules.addresses import is_config_call
from baes.standards.rules.families import BACKEND
from baes.swea import SWEAType

_SECRET_NAME = re.compile(r"(secret|passw(or)?d|api_?key|private_?key|access_?token|auth_?token)", re.IGNORECASE)



def _secret_literal(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) >= 6 and " " not in node.value



def _secret_keyword(kw: ast.keyword) -> bool:
    return bool(kw.arg) and _secret_literal(kw.value) and bool(_SECRET_NAME.search(kw.arg or ""))



def _hard_coded_secret(ctx: RuleContext[RuleOptions]) -> Iterator[Violation]:
    index = ctx.index
    # one pass over the keyword nodes finds the suspicious ones; only calls holding one need the
    # dotted-name work of ``is_config_call``
    secret_keywords = {id(kw) for kw in index.nodes(ast.keyword) if _secret_keyword(kw)}
    if secret_keywords:
        for call in index.calls:
            found = [kw for kw in call.keywords if id(kw) in secret_keywords]
            if found and not is_config_call(call):
                for kw in found:
                    yield Violation.at(kw.value, name=kw.arg)
    assign_kinds: tuple[type[ast.Assign | ast.AnnAssign], ...] = (ast.Assign, ast.AnnAssign)
    for kind in assign_kinds:
        for stmt in index.nodes(kind):
            value = stmt.value
            if value is None or not _secret_literal(value):
                continue
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            for target in targets:
                if isinstance(target, ast.Name) and _SECRET_NAME.search(target.id):
                    yield Violation.at(value, name=target.id)



RULE = BACKEND.rule(
    id="BE007",
    name="hard-coded-secret",
    summary="Flags passwords, keys and tokens written as string literals.",
    severity=Severity.ERROR,
    confidence=0.8,
    critical=True,
    message="`{name}` is a hard-coded secret; read it from the environment",
    why="Secrets in source code end up in version control, logs and every copy of the project.",
    how_to_fix="`SECRET_KEY = os.environ[\"SECRET_KEY\"]` and keep the value out of the repository.",
    check=_hard_coded_secret,
    profiles=frozenset({"strict", "generated"}),
    applies_to=frozenset({SWEAType.BACKEND, SWEAType.DATABASE, SWEAType.FRONTEND}),
    notes="Not in the default profile, where tutorials legitimately show example keys.",
    valid_examples=(
        Example(
            """
            import os

            SECRET_KEY = os.environ['SECRET_KEY']
            """,
        ),
    ),
    invalid_examples=(
        Example(
            """
            SECRET_KEY = '09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7'
            """,
        ),
    ),
)

