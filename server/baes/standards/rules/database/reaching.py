"""Which assignments of a local name can reach one use of it: the SQL a query runs is the text
assigned on the way to that query, not every text the function ever assigns to the name.

A plain assignment in a block that also holds the use kills the ones before it; an assignment
nested in an earlier ``if``/``for``/``try`` may or may not run, so it adds to them; ``+=`` adds
too. Branches that do not hold the use (an ``elif`` before it) reach it only through the
statements after them. Loops' back edges are not followed: a value assigned after the use in
a loop body is not seen.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Sequence

_BLOCKS = ("body", "orelse", "finalbody")


def reaching_values(scope: ast.AST, name: str, line: int) -> list[ast.expr]:
    """The values assigned to ``name`` in ``scope``'s own statements that can reach ``line``."""
    body = getattr(scope, "body", None)
    if not isinstance(body, list):
        return []
    values, _killed = _reach(body, name, line)
    return values


def _reach(statements: Sequence[ast.stmt], name: str, line: int) -> tuple[list[ast.expr], bool]:
    """Values reaching ``line`` through ``statements``, and whether one of them surely ran."""
    values: list[ast.expr] = []
    killed = False
    for stmt in statements:
        if stmt.lineno > line:
            break
        end = stmt.end_lineno or stmt.lineno
        if end >= line:  # the statement holding the use
            for block in _blocks(stmt):
                if block and block[0].lineno <= line <= (block[-1].end_lineno or block[-1].lineno):
                    inner, inner_killed = _reach(block, name, line)
                    if inner_killed:
                        return inner, True
                    values += inner
            break
        plain = _plain_value(stmt, name)
        if plain is not None:
            values, killed = [plain], True
        elif isinstance(stmt, ast.AugAssign) and isinstance(stmt.target, ast.Name) and stmt.target.id == name:
            values.append(stmt.value)
        else:
            values += list(_nested_values(stmt, name))
    return values, killed


def _plain_value(stmt: ast.stmt, name: str) -> ast.expr | None:
    if isinstance(stmt, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in stmt.targets):
        return stmt.value
    if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.target.id == name:
        return stmt.value
    return None


def _blocks(stmt: ast.stmt) -> Iterator[list[ast.stmt]]:
    if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return  # another scope
    for field in _BLOCKS:
        block = getattr(stmt, field, None)
        if isinstance(block, list):
            yield block
    for handler in getattr(stmt, "handlers", []):
        yield handler.body
    for case in getattr(stmt, "cases", []):
        yield case.body


def _nested_values(stmt: ast.stmt, name: str) -> Iterator[ast.expr]:
    """Assignments to ``name`` inside a compound statement (they may or may not run)."""
    for block in _blocks(stmt):
        for inner in block:
            plain = _plain_value(inner, name)
            if plain is not None:
                yield plain
            elif isinstance(inner, ast.AugAssign) and isinstance(inner.target, ast.Name) and inner.target.id == name:
                yield inner.value
            else:
                yield from _nested_values(inner, name)
