"""ST003 `undefined-name`: Flags names that are used but neither imported, defined in the file nor builtins."""

from __future__ import annotations

import ast
import builtins
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from baes.fixes.patches import (
    AddImport,
)
from baes.standards.findings import Severity
from baes.standards.index import SourceIndex
from baes.standards.options import RuleOptions
from baes.standards.rule import Example, RuleContext, Violation
from baes.standards.rules.families import STRUCTURE

KNOWN_IMPORTS: dict[str, str] = {
    "HTTPException": "from fastapi import HTTPException",
    "Depends": "from fastapi import Depends",
    "APIRouter": "from fastapi import APIRouter",
    "FastAPI": "from fastapi import FastAPI",
    "status": "from fastapi import status",
    "Query": "from fastapi import Query",
    "Body": "from fastapi import Body",
    "Request": "from fastapi import Request",
    "Response": "from fastapi import Response",
    "TestClient": "from fastapi.testclient import TestClient",
    "BaseModel": "from pydantic import BaseModel",
    "Field": "from pydantic import Field",
    "ConfigDict": "from pydantic import ConfigDict",
    "EmailStr": "from pydantic import EmailStr",
    "contextmanager": "from contextlib import contextmanager",
    "asynccontextmanager": "from contextlib import asynccontextmanager",
    "Annotated": "from typing import Annotated",
    "Optional": "from typing import Optional",
    "Any": "from typing import Any",
    "Iterator": "from collections.abc import Iterator",
    "Generator": "from collections.abc import Generator",
    "sqlite3": "import sqlite3",
    "pytest": "import pytest",
    "st": "import streamlit as st",
    "os": "import os",
    "sys": "import sys",
    "json": "import json",
    "re": "import re",
    "logging": "import logging",
    "requests": "import requests",
    "httpx": "import httpx",
    "uvicorn": "import uvicorn",
    "date": "from datetime import date",
}


_MODULE_NAMES = frozenset(
    {
        "__name__",
        "__file__",
        "__doc__",
        "__package__",
        "__spec__",
        "__loader__",
        "__path__",
        "__builtins__",
        "__cached__",
        "__annotations__",
        "__dict__",
        "__module__",
        "__qualname__",
        "__class__",
        "__debug__",
        "__all__",
        "__version__",
        "__getattr__",
        "__dir__",
    }
)


# names that are builtins on some platforms or versions only
_PLATFORM_BUILTINS = frozenset({"WindowsError", "unicode", "long", "basestring", "xrange", "raw_input"})


_BUILTINS = frozenset(dir(builtins)) | _MODULE_NAMES | _PLATFORM_BUILTINS


_DYNAMIC_SCOPE_CALLS = frozenset({"exec", "globals", "locals", "vars", "eval", "__import__"})


@dataclass(frozen=True)
class UndefinedNameOptions(RuleOptions):
    """Names that exist at run time without an import (injected by a framework or a plugin)."""

    extra_builtins: tuple[str, ...] = ()


def _binding_groups(index: SourceIndex) -> Iterator[Iterable[str]]:
    """Names bound by imports, defs, parameters, handlers, ``global`` and ``match`` captures.

    Together with assignment targets this is a deliberately flat view of the file's bindings
    (any scope counts), so correct scoping the rule does not model never raises an alarm.
    Yielded group by group, so the rule stops as soon as every candidate name is bound.
    """
    yield index.imports
    def_kinds: tuple[type[ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef], ...] = (
        ast.FunctionDef,
        ast.AsyncFunctionDef,
        ast.ClassDef,
    )
    for kind in def_kinds:
        yield [node.name for node in index.nodes(kind)]
    yield [node.arg for node in index.nodes(ast.arg)]
    yield [node.name for node in index.nodes(ast.ExceptHandler) if node.name]
    scope_kinds: tuple[type[ast.Global | ast.Nonlocal], ...] = (ast.Global, ast.Nonlocal)
    for scope_kind in scope_kinds:
        for statement in index.nodes(scope_kind):
            yield statement.names
    match_kinds: tuple[type[ast.MatchAs | ast.MatchStar], ...] = (ast.MatchAs, ast.MatchStar)
    for match_kind in match_kinds:
        yield [node.name for node in index.nodes(match_kind) if node.name]
    yield [node.rest for node in index.nodes(ast.MatchMapping) if node.rest]


def _undefined_names(ctx: RuleContext[UndefinedNameOptions]) -> Iterator[Violation]:
    index = ctx.index
    extra_builtins = set(ctx.options.extra_builtins)
    names = index.nodes(ast.Name)
    # names used or assigned that are no builtins, minus every binding; most files are left with
    # none after a few groups, so the bindings are gathered only while candidates remain
    candidates = {node.id for node in names} - _BUILTINS
    for group in _binding_groups(index):
        if not candidates:
            return
        candidates.difference_update(group)
    candidates -= extra_builtins
    if not candidates:
        return
    Load = ast.Load
    # an assignment anywhere binds the name; what is left is only ever loaded
    candidates -= {node.id for node in names if node.id in candidates and type(node.ctx) is not Load}
    if not candidates or index.has_star_import:
        return
    calls = index.calls_by_name
    if any(isinstance(c.func, ast.Name) for name in _DYNAMIC_SCOPE_CALLS for c in calls.get(name, ())):
        return
    for node in names:
        name = node.id
        if name not in candidates:
            continue
        statement = KNOWN_IMPORTS.get(name)
        fix = AddImport.spec({"import_statement": statement}, f"add `{statement}`") if statement else None
        yield Violation.at(node, fix=fix, name=name, hint=f": add `{statement}`" if statement else "")


RULE = STRUCTURE.rule(
    id="ST003",
    name="undefined-name",
    summary="Flags names that are used but neither imported, defined in the file nor builtins.",
    severity=Severity.ERROR,
    confidence=0.95,
    critical=True,
    message="`{name}` is used but never imported or defined{hint}",
    why=(
        "Using a name that is neither imported, defined in the file nor a builtin raises NameError "
        "when that line runs (at import time for decorators, annotations and module code)."
    ),
    how_to_fix="Import the name (the fix adds the usual import for well-known names) or define it.",
    check=_undefined_names,
    patch=AddImport,
    options=UndefinedNameOptions(),
    notes=(
        "Silent in files with `from x import *` or that call `exec`, `eval`, `globals`, `locals` or "
        "`vars`, where names can appear without a visible binding. A name bound anywhere in the file "
        "(any scope) counts as defined, so the rule never fires on correct scoping it does not model."
    ),
    valid_examples=(
        Example(
            """
            from fastapi import HTTPException


            def f():
                raise HTTPException(status_code=404)
            """,
        ),
        Example(
            """
            class A:
                x = 1
                y = [x for _ in range(3)]


            print(len(A.y), __name__)
            """,
        ),
        Example(
            """
            def f():
                global counter
                counter = 1


            def g():
                return counter
            """,
        ),
        Example(
            """
            from os.path import *

            print(join('a', 'b'))
            """,
        ),
        # scoping the rule does not model must never raise an alarm (comprehensions, class bodies, match, exec, star imports)
        Example(
            """
            def f():
                return [y for y in range(3) if y]
            """,
        ),
        Example(
            """
            class A:
                attr = 1

                def m(self):
                    return attr_helper(self)


            def attr_helper(x):
                return x
            """,
        ),
        Example(
            """
            def outer():
                def inner():
                    return value
                value = 1
                return inner
            """,
        ),
        Example(
            """
            import os.path

            print(os.path.join('a'))
            """,
        ),
        Example(
            """
            try:
                import tomllib
            except ImportError:
                tomllib = None
            print(tomllib)
            """,
        ),
        Example(
            """
            command = {}


            class Point:
                __match_args__ = ('x',)


            match command:
                case {'x': px, **rest}:
                    print(px, rest)
                case [first, *others]:
                    print(first, others)
                case Point(x=0) as p:
                    print(p)
            """,
        ),
        Example(
            """
            from typing import TYPE_CHECKING

            if TYPE_CHECKING:
                from app.models import Student


            def f(s: 'Student') -> None:
                print(s)
            """,
        ),
        Example(
            """
            def f():
                exec('x = 1')
                return x
            """,
        ),
        Example(
            """
            print(__file__, __name__, __doc__, __builtins__)
            """,
        ),
        Example(
            """
            from x import *

            print(anything)
            """,
        ),
        Example(
            """
            def f(*args, **kwargs):
                lam = lambda q, *r: (q, r)
                return lam(args, kwargs)
            """,
        ),
        Example(
            """
            with open('f') as (a, b):
                print(a, b)
            for i, (j, k) in []:
                print(i, j, k)
            """,
        ),
        Example(
            """
            class C:
                def __init__(self):
                    print(__class__)
            """,
        ),
        Example(
            """
            def f():
                global G
                G = 1


            print(G)
            """,
        ),
    ),
    invalid_examples=(
        Example(
            """
            import sqlite3


            def get(item_id: int):
                raise HTTPException(status_code=404)
            """,
            fixed="""
            import sqlite3
            from fastapi import HTTPException


            def get(item_id: int):
                raise HTTPException(status_code=404)
            """,
        ),
        Example(
            """
            def f():
                return undefined_helper()
            """,
        ),
    ),
)
