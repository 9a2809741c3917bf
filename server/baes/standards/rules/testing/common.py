"""What several testing rules share."""
from __future__ import annotations

import ast
import re
from bisect import bisect_right

from baes.standards.index import SourceIndex, dotted_name
from baes.standards.patterns import (
    HTTP_METHODS,
)

_CLIENT_NAMES = frozenset({"client", "test_client", "api_client", "ac", "async_client"})


_ASSERTING_CALL = re.compile(r"(assert|check|verify|expect|raises|warns|validate|fail|snapshot|compare|match)", re.IGNORECASE)


def client_calls(index: SourceIndex) -> list[ast.Call]:
    """``client.get(...)``-style requests to the application under test (cached per index)."""
    return index.memo("client_calls", _find_client_calls)


def _find_client_calls(index: SourceIndex) -> list[ast.Call]:
    calls = []
    for call in index.calls_to(*HTTP_METHODS):
        func = call.func
        if isinstance(func, ast.Attribute):
            owner = dotted_name(func.value) or ""
            if owner.split(".")[-1] in _CLIENT_NAMES:
                calls.append(call)
    calls.sort(key=lambda c: (c.lineno, c.col_offset))
    return calls


def _assert_ranges(index: SourceIndex) -> tuple[list[int], list[int]]:
    """Start and end lines of every ``assert`` (they never nest), sorted by start (once per index:
    TE001 and TE004 ask several times)."""
    def compute(ix: SourceIndex) -> tuple[list[int], list[int]]:
        ranges = sorted((a.lineno, a.end_lineno or a.lineno) for a in ix.nodes(ast.Assert))
        return [a for a, _ in ranges], [b for _, b in ranges]

    return index.memo("assert_ranges", compute)


def _in_an_assert(index: SourceIndex, nodes: list[ast.AST]) -> bool:
    starts, ends = _assert_ranges(index)
    for node in nodes:
        line = getattr(node, "lineno", 0)
        i = bisect_right(starts, line) - 1
        if i >= 0 and ends[i] >= line:
            return True
    return False

