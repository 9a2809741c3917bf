"""ST004 `naming-convention`: Flags function names that are not snake_case and class names that are not CapWords."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from baes.standards.findings import Severity
from baes.standards.options import RuleOptions
from baes.standards.rule import Example, RuleContext, Violation
from baes.standards.rules.families import STRUCTURE

_SNAKE = re.compile(r"^_{0,2}[a-z][a-z0-9_]*_{0,2}$|^_+$")


_PASCAL = re.compile(r"^_?[A-Z][A-Za-z0-9]*$")


# Names other code dispatches on: ``visit_<NodeName>`` (ast, libcst, SQLAlchemy's compiler),
# ``leave_<NodeName>``, ``do_<VERB>`` (http.server): the part after the prefix is someone else's name.
_DISPATCH = re.compile(r"^_?(?:visit|leave|do|depart)_[A-Za-z0-9_]+$")


def _decorator_names(func: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    names = set()
    for decorator in func.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        while isinstance(target, ast.Attribute):
            names.add(target.attr)
            target = target.value
        if isinstance(target, ast.Name):
            names.add(target.id)
    return names


def _conventional_exception(func: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Names outside snake_case that follow another convention on purpose.

    - tests (``test_...``) may spell what they test (``test_create_UserAdmin``, ``test_path_True``);
    - a pytest fixture that provides a class is named as the class its tests use (``def Order():``);
    - dispatch methods are named after what they handle (``visit_LTREE``, ``do_GET``).
    """
    name = func.name
    if name.startswith("test_") or _DISPATCH.match(name):
        return True
    return bool(_PASCAL.match(name)) and "fixture" in _decorator_names(func)


def _naming(ctx: RuleContext[RuleOptions]) -> Iterator[Violation]:
    index = ctx.index
    methods_of_subclasses: set[int] = set()
    for cls in index.nodes(ast.ClassDef):
        if not _PASCAL.match(cls.name):
            yield Violation.header(cls, kind="class", name=cls.name, style="CapWords")
        if cls.bases or cls.keywords:
            # methods may override a base class's camelCase API (setUp, visit_Name, do_GET)
            methods_of_subclasses.update(id(s) for s in cls.body)
    for func in index.functions:
        if id(func) in methods_of_subclasses or _SNAKE.match(func.name) or _conventional_exception(func):
            continue
        yield Violation.header(func, kind="function", name=func.name, style="snake_case")


RULE = STRUCTURE.rule(
    id="ST004",
    name="naming-convention",
    summary="Flags function names that are not snake_case and class names that are not CapWords.",
    severity=Severity.INFO,
    confidence=0.9,
    critical=False,
    message="{kind} `{name}` should be {style} (PEP 8)",
    why="PEP 8 names (snake_case functions, CapWords classes) make code predictable for every reader.",
    how_to_fix="Rename it, and its uses.",
    check=_naming,
    profiles=frozenset({"strict", "generated"}),
    notes=(
        "Methods of classes with base classes are skipped: they may override a camelCase API. So are tests "
        "(`test_...`, which may spell what they test), pytest fixtures named after the class they provide, "
        "and dispatch methods named after what they handle (`visit_<Node>`, `leave_<Node>`, `do_<VERB>`)."
    ),
    valid_examples=(
        Example(
            """
            import pytest


            @pytest.fixture
            def Order(Base):
                class Order(Base):
                    __tablename__ = "orders"

                return Order


            def test_create_Order(Order):
                assert Order.__tablename__ == "orders"


            def visit_LTREE(element, compiler, **kw):
                return "LTREE"
            """,
        ),
        Example(
            """
            class StudentRead:
                pass


            def list_students():
                return []
            """,
        ),
        Example(
            """
            import unittest


            class T(unittest.TestCase):
                def setUp(self):
                    pass
            """,
        ),
    ),
    invalid_examples=(
        Example(
            """
            def listStudents():
                return []
            """,
        ),
        Example(
            """
            class student_read:
                pass
            """,
        ),
    ),
)
