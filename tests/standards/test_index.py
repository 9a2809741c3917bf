"""The shared index: its one walk sees every node `ast.walk` sees (but contexts and operators)."""

from __future__ import annotations

import ast
from collections import Counter

import pytest

from baes.standards.index import SourceIndex

from .helpers import EXAMPLES

EVERY_KIND = """
import os as o, sys
from . import x
async def f(a, /, b: int = 1, *c, d, e=2, **g) -> "T":
    global G
    async with o.x() as (h, i):
        async for j in k:
            yield [m async for m in n if (w := m)]
    await q
    return {**r, None: 1, "s": {t for t in u}}, (v for v in ()), lambda y=1, *z: y
class C(B, metaclass=M):
    @dec
    def m(self): nonlocal_ = 1; del self.a; return f"{self!r:>{10}}" + b"x".decode()
match p:
    case {"k": [1, *rest], **others} | Point(x=0) as alias if alias: pass
    case None | True: ...
try:
    raise E from F
except* (A, B) as err:
    assert err, "msg"
finally:
    o.a[1:2, ::3] += -~1 if not a and b or c else 2 ** 3 @ d
"""


def _expected(tree: ast.AST) -> Counter:
    skip = (ast.expr_context, ast.operator, ast.cmpop, ast.unaryop, ast.boolop)
    return Counter(type(n) for n in ast.walk(tree) if not isinstance(n, skip))


@pytest.mark.parametrize("name", ["every kind", "student_api.py", "clean_student_api.py", "student_page.py"])
def test_the_walk_finds_every_node(name: str) -> None:
    source = EVERY_KIND if name == "every kind" else (EXAMPLES / name).read_text(encoding="utf-8")
    tree = ast.parse(source)
    index = SourceIndex(source, tree)
    assert {k: len(v) for k, v in index.by_type.items()} == dict(_expected(tree))


def test_lookups() -> None:
    source = "import streamlit as st\nfrom fastapi import Depends as D\n\n\ndef f():\n    def g():\n        return h(1)\n    return g\n"
    index = SourceIndex(source, ast.parse(source))
    assert index.imports == {"st": "streamlit", "D": "fastapi.Depends"}
    assert index.imported_modules == {"streamlit", "fastapi"}
    call = index.calls_to("h")[0]
    assert index.enclosing_function(call).name == "g"
    assert index.memo("k", lambda ix: [1]) is index.memo("k", lambda ix: [2])


def test_code_point_columns() -> None:
    source = "s = 'é✓'; x = 1\n"
    index = SourceIndex(source, ast.parse(source))
    name = [n for n in index.nodes(ast.Name) if n.id == "x"][0]
    assert source[index.code_point_col(1, name.col_offset)] == "x"


SCOPES = """
@deco(lambda: fetch().first())
def outer(a=make(), *, b: "T" = other()) -> R:
    raise E
    def inner():
        return (yield helper())
    class Inner(Base, meta=kw()):
        x = value()
        def method(self): return self.x; y = 2
    f = lambda q=dflt(): q.first()
    return [g(v) for v in inner()]; z = 3
async def coro():
    async with ctx() as c: await c.send()
x = module_level()
"""


def _reference_own(scope: ast.AST) -> dict[type, list[ast.AST]]:
    from baes.standards.patterns import own_nodes

    grouped: dict[type, list[ast.AST]] = {}
    for node in own_nodes(scope):
        grouped.setdefault(type(node), []).append(node)
    return grouped


@pytest.mark.parametrize("name", ["scopes", "every kind", "student_api.py", "student_page.py"])
def test_own_nodes_and_statements_match_the_reference_walk(name: str) -> None:
    """``index.own`` and ``index.own_statements`` give what ``own_nodes`` yields, in its order."""
    source = {"scopes": SCOPES, "every kind": EVERY_KIND}.get(name) or (EXAMPLES / name).read_text(encoding="utf-8")
    tree = ast.parse(source)
    index = SourceIndex(source, tree)
    scopes = [tree] + [n for kind in (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda) for n in index.nodes(kind)]
    for scope in scopes:
        reference = _reference_own(scope)
        for kind in {ast.Call, ast.Name, ast.Return, ast.Raise, ast.Assign, ast.Yield, ast.Lambda} | set(reference):
            if issubclass(kind, (ast.expr_context, ast.operator, ast.cmpop, ast.unaryop, ast.boolop)):
                continue
            assert index.own(scope, kind) == reference.get(kind, []), (name, kind)
            if issubclass(kind, ast.stmt) and not isinstance(scope, ast.Lambda):
                assert index.own_statements(scope, kind) == reference.get(kind, []), (name, kind)


def test_enclosing_function_is_the_innermost_by_position() -> None:
    tree = ast.parse(SCOPES)
    index = SourceIndex(SCOPES, tree)
    where = {ast.unparse(c.func): index.enclosing_function(c) for c in index.calls}
    assert where["fetch"] is None and where["make"] is None  # decorator and default: before the body
    assert where["helper"].name == "inner"
    assert where["value"].name == "outer"  # a class body is no function: the def around it holds it
    assert where["g"].name == "outer" and where["c.send"].name == "coro"
    assert where["module_level"] is None
