"""Structure rules (ST): checks that hold for any Python file, SWEA kind or not."""
from __future__ import annotations

import ast
import builtins
import re
from collections.abc import Iterable, Iterator

from baes.standards.findings import FixSafety, FixSpec, Severity
from baes.standards.index import SourceIndex
from baes.standards.rule import Example, Rule, RuleContext, Violation


def _no_check(ctx: RuleContext) -> Iterator[Violation]:
    """The engine itself reports these (a crash in a rule, a syntax error)."""
    return iter(())


INTERNAL_ERROR = Rule(
    id="ST000",
    name="internal-error",
    summary="Reports a rule that crashed on this file (the other rules still ran).",
    swea_type=None,
    severity=Severity.WARNING,
    confidence=0.0,
    critical=False,
    message="internal error in rule {rule}: {error}",
    why="A rule crashed on this file; the other rules still ran. Please report it with the file.",
    how_to_fix="Nothing to fix in your code; the file's outcome is 'uncertain' until the rule is fixed.",
    check=_no_check,
)

SYNTAX_ERROR = Rule(
    id="ST001",
    name="syntax-error",
    summary="Reports a file that Python cannot parse, at the error's position.",
    swea_type=None,
    severity=Severity.ERROR,
    confidence=1.0,
    critical=True,
    message="syntax error: {error}",
    why="Python cannot run a file that does not parse, and no other check can look at it.",
    how_to_fix="Correct the code at the reported position.",
    check=_no_check,
    invalid_examples=(Example("def f(:\n    pass\n"),),
    valid_examples=(Example("def f():\n    pass\n"),),
)


# --- ST002 bare except ----------------------------------------------------------------------
def _bare_except(ctx: RuleContext) -> Iterator[Violation]:
    for handler in ctx.index.nodes(ast.ExceptHandler):
        if handler.type is None:
            fix = FixSpec(
                "replace_bare_except", {"line": handler.lineno}, "replace with `except Exception:`", FixSafety.UNSAFE
            )
            yield Violation(handler.lineno, handler.col_offset, handler.lineno, handler.col_offset + 6, fix=fix)


BARE_EXCEPT = Rule(
    id="ST002",
    name="bare-except",
    summary="Flags `except:` without an exception type.",
    swea_type=None,
    severity=Severity.WARNING,
    confidence=0.95,
    critical=False,
    message="bare `except:` also catches KeyboardInterrupt and SystemExit",
    why=(
        "A bare `except:` swallows every exception, including Ctrl-C and `sys.exit()`, and hides the "
        "real error behind whatever the handler does."
    ),
    how_to_fix="Catch the exceptions you expect, or at least `except Exception:`.",
    check=_bare_except,
    fix_safety=FixSafety.UNSAFE,
    patch_type="replace_bare_except",
    valid_examples=(
        Example("try:\n    run()\nexcept Exception:\n    log()\n"),
        Example("try:\n    run()\nexcept (ValueError, KeyError) as exc:\n    log(exc)\n"),
    ),
    invalid_examples=(
        Example(
            "try:\n    run()\nexcept:\n    log()\n",
            fixed="try:\n    run()\nexcept Exception:\n    log()\n",
        ),
    ),
)


# --- ST003 undefined names / missing imports ---------------------------------------------------
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
    {"__name__", "__file__", "__doc__", "__package__", "__spec__", "__loader__", "__path__",
     "__builtins__", "__cached__", "__annotations__", "__dict__", "__module__", "__qualname__",
     "__class__", "__debug__", "__all__", "__version__", "__getattr__", "__dir__"}
)
# names that are builtins on some platforms or versions only
_PLATFORM_BUILTINS = frozenset({"WindowsError", "unicode", "long", "basestring", "xrange", "raw_input"})
_BUILTINS = frozenset(dir(builtins)) | _MODULE_NAMES | _PLATFORM_BUILTINS
_DYNAMIC_SCOPE_CALLS = frozenset({"exec", "globals", "locals", "vars", "eval", "__import__"})


def _binding_groups(index: SourceIndex) -> Iterator[Iterable[str]]:
    """Names bound by imports, defs, parameters, handlers, ``global`` and ``match`` captures.

    Together with assignment targets this is a deliberately flat view of the file's bindings
    (any scope counts), so correct scoping the rule does not model never raises an alarm.
    Yielded group by group, so the rule stops as soon as every candidate name is bound.
    """
    yield index.imports
    for kind in (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef):
        yield [node.name for node in index.nodes(kind)]
    yield [node.arg for node in index.nodes(ast.arg)]
    yield [node.name for node in index.nodes(ast.ExceptHandler) if node.name]
    for scope_kind in (ast.Global, ast.Nonlocal):
        for statement in index.nodes(scope_kind):
            yield statement.names
    for match_kind in (ast.MatchAs, ast.MatchStar):
        yield [node.name for node in index.nodes(match_kind) if node.name]
    yield [node.rest for node in index.nodes(ast.MatchMapping) if node.rest]


def _undefined_names(ctx: RuleContext) -> Iterator[Violation]:
    index = ctx.index
    extra_builtins = set(ctx.options.get("extra_builtins", ()))
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
        fix = FixSpec("add_import", {"import_statement": statement}, f"add `{statement}`") if statement else None
        yield Violation.at(node, fix=fix, name=name, hint=f": add `{statement}`" if statement else "")


UNDEFINED_NAME = Rule(
    id="ST003",
    name="undefined-name",
    summary="Flags names that are used but neither imported, defined in the file nor builtins.",
    swea_type=None,
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
    fix_safety=FixSafety.SAFE,
    patch_type="add_import",
    options={"extra_builtins": []},
    notes=(
        "Silent in files with `from x import *` or that call `exec`, `eval`, `globals`, `locals` or "
        "`vars`, where names can appear without a visible binding. A name bound anywhere in the file "
        "(any scope) counts as defined, so the rule never fires on correct scoping it does not model."
    ),
    valid_examples=(
        Example("from fastapi import HTTPException\n\n\ndef f():\n    raise HTTPException(status_code=404)\n"),
        Example("class A:\n    x = 1\n    y = [x for _ in range(3)]\n\n\nprint(len(A.y), __name__)\n"),
        Example("def f():\n    global counter\n    counter = 1\n\n\ndef g():\n    return counter\n"),
        Example("from os.path import *\n\nprint(join('a', 'b'))\n"),
    ),
    invalid_examples=(
        Example(
            "import sqlite3\n\n\ndef get(item_id: int):\n    raise HTTPException(status_code=404)\n",
            fixed=(
                "import sqlite3\nfrom fastapi import HTTPException\n\n\n"
                "def get(item_id: int):\n    raise HTTPException(status_code=404)\n"
            ),
        ),
        Example("def f():\n    return undefined_helper()\n"),
    ),
)


# --- ST004 naming -----------------------------------------------------------------------------
_SNAKE = re.compile(r"^_{0,2}[a-z][a-z0-9_]*_{0,2}$|^_+$")
_PASCAL = re.compile(r"^_?[A-Z][A-Za-z0-9]*$")


def _naming(ctx: RuleContext) -> Iterator[Violation]:
    index = ctx.index
    methods_of_subclasses: set[int] = set()
    for cls in index.nodes(ast.ClassDef):
        if not _PASCAL.match(cls.name):
            yield Violation.header(cls, kind="class", name=cls.name, style="CapWords")
        if cls.bases or cls.keywords:
            # methods may override a base class's camelCase API (setUp, visit_Name, do_GET)
            methods_of_subclasses.update(id(s) for s in cls.body)
    for func in index.functions:
        if id(func) in methods_of_subclasses or _SNAKE.match(func.name):
            continue
        yield Violation.header(func, kind="function", name=func.name, style="snake_case")


NAMING = Rule(
    id="ST004",
    name="naming-convention",
    summary="Flags function names that are not snake_case and class names that are not CapWords.",
    swea_type=None,
    severity=Severity.INFO,
    confidence=0.9,
    critical=False,
    message="{kind} `{name}` should be {style} (PEP 8)",
    why="PEP 8 names (snake_case functions, CapWords classes) make code predictable for every reader.",
    how_to_fix="Rename it, and its uses.",
    check=_naming,
    profiles=frozenset({"strict", "generated"}),
    notes="Methods of classes with base classes are skipped: they may override a camelCase API.",
    valid_examples=(
        Example("class StudentRead:\n    pass\n\n\ndef list_students():\n    return []\n"),
        Example("import unittest\n\n\nclass T(unittest.TestCase):\n    def setUp(self):\n        pass\n"),
    ),
    invalid_examples=(
        Example("def listStudents():\n    return []\n"),
        Example("class student_read:\n    pass\n"),
    ),
)

RULES: tuple[Rule, ...] = (INTERNAL_ERROR, SYNTAX_ERROR, BARE_EXCEPT, UNDEFINED_NAME, NAMING)
