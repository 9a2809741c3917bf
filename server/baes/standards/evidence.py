"""Positive evidence that an artifact is what it claims to be, for ``ValidationRuleEngine``.

Passing every rule proves little about a file that holds nothing of its kind (a backend
artifact of two constants passes every backend rule). The generation pipeline asks for
approval of an artifact of one SWEA type, so it also needs to see that kind of code.
"""

from __future__ import annotations

import ast

from baes.standards.index import SourceIndex
from baes.standards.patterns import is_fixture, is_test_function, routes
from baes.standards.sql import sql_strings
from baes.swea import SWEAType

_KIND_MODULES: dict[SWEAType, frozenset[str]] = {
    SWEAType.BACKEND: frozenset({"fastapi", "starlette", "pydantic"}),
    SWEAType.DATABASE: frozenset({"sqlite3", "sqlalchemy", "sqlmodel", "aiosqlite"}),
    SWEAType.FRONTEND: frozenset({"streamlit"}),
    SWEAType.TEST: frozenset(),
}


def has_evidence(index: SourceIndex, swea: SWEAType) -> bool:
    """Whether the file holds code of kind ``swea`` (its libraries, routes, SQL, or tests)."""
    if swea is SWEAType.TEST:
        return any(is_test_function(f) or is_fixture(f) for f in index.functions)
    if index.imported_modules & _KIND_MODULES[swea]:
        return True
    if swea is SWEAType.BACKEND:
        return bool(routes(index))
    if swea is SWEAType.DATABASE:
        return bool(sql_strings(index))
    return any(isinstance(n.func, ast.Attribute) and n.func.attr == "title" for n in index.calls)
