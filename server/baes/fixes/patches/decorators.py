"""``add_decorator``: decorate exactly one function, and import what the decorator needs.

The function is matched by its exact name (``get_db`` never matches ``get_db_pool``), or
``Class.method``, with ``line`` picking one of several. A decorator already there under
either spelling (``@contextmanager`` / ``@contextlib.contextmanager``) means nothing to do.
"""

from __future__ import annotations

import ast

from baes.fixes.patches.base import PatchFailure, PatchPlan
from baes.fixes.patches.patch_type import Param, PatchType
from baes.fixes.patches.snippets import parse_function
from baes.fixes.patches.source import PatchSource
from baes.python_ast import parse as parse_python
from baes.standards.index import dotted_name

# bare decorator name -> the module it is imported from
KNOWN_DECORATORS: dict[str, str] = {
    "contextmanager": "contextlib",
    "asynccontextmanager": "contextlib",
    "wraps": "functools",
    "lru_cache": "functools",
    "cache": "functools",
    "cached_property": "functools",
    "total_ordering": "functools",
    "singledispatch": "functools",
    "dataclass": "dataclasses",
    "abstractmethod": "abc",
}
# decorators that must wrap the others (they turn the function into a descriptor)
_OUTERMOST = frozenset({"staticmethod", "classmethod", "property"})


def _callee(expr: ast.expr) -> ast.expr:
    return expr.func if isinstance(expr, ast.Call) else expr


def _spellings(name: str) -> set[str]:
    """Names under which the requested decorator may already be written."""
    spellings = {name}
    last = name.rsplit(".", 1)[-1]
    module = KNOWN_DECORATORS.get(last)
    if module and name in (last, f"{module}.{last}"):
        spellings |= {last, f"{module}.{last}"}
    return spellings


def required_import(decorator: ast.expr) -> str | None:
    """The import a decorator expression needs (``contextmanager`` -> ``from contextlib import contextmanager``)."""
    callee = dotted_name(_callee(decorator))
    if callee is None:
        return None
    if "." in callee:
        head = callee.split(".")[0]
        return f"import {head}" if head == "pytest" or head in KNOWN_DECORATORS.values() else None
    module = KNOWN_DECORATORS.get(callee)
    return f"from {module} import {callee}" if module else None


def plan_add_decorator(source: PatchSource, function_name: str, decorator_name: str, line: int | None = None) -> PatchPlan:
    """Patch type ``add_decorator``."""
    import libcst as cst  # lazy: 0.28 s (python -X importtime); only fixes need it

    text = decorator_name.strip().removeprefix("@").strip()
    try:
        parsed = parse_python(text, mode="eval").body
        decorator_node = cst.parse_expression(text)
    except Exception as exc:  # SyntaxError from ast, ParserSyntaxError (and others) from libcst
        raise PatchFailure(f"not a decorator expression: {decorator_name!r} ({exc})") from None
    wanted = dotted_name(_callee(parsed))
    if wanted is None:
        raise PatchFailure(f"not a decorator expression: {decorator_name!r}")
    info = source.find_function(function_name.strip(), line)
    func = info.node
    plan = PatchPlan(
        "add_decorator",
        (),
        line=func.lineno,
        function=info.qualname,
        description=f"add `@{text}` to `{info.qualname}`",
    )
    present = {dotted_name(_callee(d)) for d in func.decorator_list}
    if present & _spellings(wanted):
        return plan
    snippet, target = parse_function(source, info)
    new = cst.Decorator(decorator=decorator_node)
    decorators = list(target.decorators)
    if wanted in _OUTERMOST and decorators:
        # the new outermost decorator takes over the comments above the old first one
        new = new.with_changes(leading_lines=decorators[0].leading_lines)
        decorators[0] = decorators[0].with_changes(leading_lines=[])
        decorators.insert(0, new)
    else:
        decorators.append(new)
    replacement = snippet.replacement([target.with_changes(decorators=decorators)])
    needed = required_import(parsed)
    return PatchPlan(
        "add_decorator",
        (replacement,) if replacement else (),
        imports=(needed,) if needed else (),
        contexts=((snippet.start, snippet.end),),
        line=func.lineno,
        function=info.qualname,
        description=plan.description,
    )


class AddDecorator(PatchType):
    """``add_decorator``: decorate a function (and import the decorator)."""

    name = "add_decorator"
    params = (
        Param("function_name", str, help="the function's name, or Class.method"),
        Param("decorator_name", str, help="e.g. contextmanager"),
        Param("line", int, required=False, help="the def line, to pick one of several"),
    )
    summary = "decorate a function (and import the decorator)"
    safety_reason = (
        "the only uses of the generator in its file are `with` statements, which fail today (a generator has no "
        "`__enter__`); the rule offers the fix only then, so nothing that worked changes. Not seen: a module "
        "importing the function and driving the generator itself"
    )
    planner = staticmethod(plan_add_decorator)
