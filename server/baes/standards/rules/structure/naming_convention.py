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
        if id(func) in methods_of_subclasses or _SNAKE.match(func.name):
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
    notes="Methods of classes with base classes are skipped: they may override a camelCase API.",
    valid_examples=(
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

