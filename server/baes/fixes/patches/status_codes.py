"""``fix_status_code``: set ``status_code=`` in a function's FastAPI route decorator.

The route decorator is found on the function (``@router.post(...)``, ``@app.delete(...)``,
any ``.get/.post/.put/.patch/.delete/.head/.options/.trace/.api_route`` call); the value is
replaced or added, written in the style the decorator (or else the file) already uses:
``201``, ``status.HTTP_201_CREATED`` (importing ``status`` from fastapi when needed), a bare
``HTTP_201_CREATED``, or ``HTTPStatus.CREATED``.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from http import HTTPStatus

from baes.fixes.patches.base import PatchFailure, PatchPlan
from baes.fixes.patches.imports import binds_name
from baes.fixes.patches.patch_type import Param, PatchType
from baes.fixes.patches.sequences import insert_element
from baes.fixes.patches.snippets import parse_function
from baes.fixes.patches.source import PatchSource
from baes.standards.findings import FixSafety
from baes.standards.index import dotted_name

ROUTE_METHODS = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "trace", "api_route"})
_CONSTANT = re.compile(r"HTTP_(\d{3})(_\w+)?$")


@dataclass(frozen=True)
class Style:
    """How status codes are written: ``int``, ``constant`` (with a prefix), or ``httpstatus``."""

    kind: str
    prefix: str = ""  # "status." / "fastapi.status." / "" for constants; "HTTPStatus." for httpstatus

    def render(self, code: int) -> str:
        if self.kind == "constant":
            return f"{self.prefix}{constant_name(code)}"
        if self.kind == "httpstatus":
            return f"{self.prefix}{HTTPStatus(code).name}"
        return str(code)


def constant_name(code: int) -> str:
    """Starlette's name for a status code: 201 -> ``HTTP_201_CREATED``."""
    phrase = HTTPStatus(code).phrase.upper()
    words = re.sub(r"[^A-Z0-9]+", "_", phrase.replace("'", "")).strip("_")
    return f"HTTP_{code}_{words}"


def style_of(value: ast.expr) -> Style | None:
    if isinstance(value, ast.Constant) and isinstance(value.value, int) and not isinstance(value.value, bool):
        return Style("int")
    name = dotted_name(value)
    if name is None:
        return None
    head, _, last = name.rpartition(".")
    prefix = f"{head}." if head else ""
    if _CONSTANT.match(last):
        return Style("constant", prefix)
    if head.endswith("HTTPStatus") and last in HTTPStatus.__members__:
        return Style("httpstatus", prefix)
    return None


def code_of(value: ast.expr) -> int | None:
    """The status code an expression stands for, when it is plain to see."""
    if isinstance(value, ast.Constant) and isinstance(value.value, int) and not isinstance(value.value, bool):
        return value.value
    name = dotted_name(value)
    if name is None:
        return None
    last = name.rpartition(".")[2]
    match = _CONSTANT.match(last)
    if match:
        return int(match.group(1))
    if last in HTTPStatus.__members__:
        return HTTPStatus[last].value
    return None


def route_decorators(func: ast.FunctionDef | ast.AsyncFunctionDef) -> list[tuple[int, ast.Call]]:
    return [
        (position, d)
        for position, d in enumerate(func.decorator_list)
        if isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute) and d.func.attr in ROUTE_METHODS
    ]


def _file_style(source: PatchSource) -> Style:
    """The style of the first ``status_code=`` in a route decorator of the file (else ``int``)."""
    for info in source.functions:
        for _, call in route_decorators(info.node):
            for keyword in call.keywords:
                if keyword.arg == "status_code":
                    style = style_of(keyword.value)
                    if style:
                        return style
    return Style("int")


def _import_for(source: PatchSource, style: Style, code: int) -> str | None:
    if style.kind == "constant":
        if style.prefix == "":
            return None if binds_name(source, constant_name(code)) else f"from fastapi.status import {constant_name(code)}"
        head = style.prefix.rstrip(".").split(".")[0]
        if binds_name(source, head):
            return None
        return "from fastapi import status" if head == "status" else f"import {head}"
    if style.kind == "httpstatus":
        head = style.prefix.rstrip(".").split(".")[0]
        if binds_name(source, head):
            return None
        return "from http import HTTPStatus" if head == "HTTPStatus" else f"import {head}"
    return None


def plan_fix_status_code(source: PatchSource, target_function: str, correct_status: int, line: int | None = None) -> PatchPlan:
    """Patch type ``fix_status_code``."""
    import libcst as cst  # lazy: 0.28 s (python -X importtime); only fixes need it

    if not 100 <= correct_status <= 599:
        raise PatchFailure(f"correct_status must be an HTTP status code (100-599), got {correct_status}")
    info = source.find_function(target_function.strip(), line)
    func = info.node
    routes = route_decorators(func)
    if not routes:
        raise PatchFailure(f"function {info.qualname!r} has no route decorator (@router.post(...), @app.get(...), ...)")
    description = f"set status_code={correct_status} on `{info.qualname}`"
    styles: list[Style] = []
    to_change: list[int] = []
    for position, call in routes:
        if any(k.arg is None for k in call.keywords):
            raise PatchFailure(f"the route decorator of {info.qualname!r} passes **kwargs; status_code cannot be set safely")
        current = next((k.value for k in call.keywords if k.arg == "status_code"), None)
        if current is not None and code_of(current) == correct_status:
            continue
        style = style_of(current) if current is not None else None
        styles.append(style or _file_style(source))
        to_change.append(position)
    if not to_change:
        return PatchPlan("fix_status_code", (), line=func.lineno, function=info.qualname, description=description)
    snippet, target = parse_function(source, info)
    decorators = list(target.decorators)
    imports: list[str] = []
    for position, style in zip(to_change, styles, strict=False):
        try:
            rendered = style.render(correct_status)
        except ValueError:
            style = Style("int")  # not a standard status: no constant exists for it
            rendered = str(correct_status)
        value = cst.parse_expression(rendered)
        route_call = cst.ensure_type(decorators[position].decorator, cst.Call)  # ``ast`` saw a call there
        args = list(route_call.args)
        existing = next((i for i, a in enumerate(args) if a.keyword is not None and a.keyword.value == "status_code"), None)
        if existing is not None:
            args[existing] = args[existing].with_changes(value=value)
        else:
            new_arg = cst.Arg(
                value=value,
                keyword=cst.Name("status_code"),
                equal=cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")),
            )
            args = insert_element(args, len(args), new_arg, route_call.whitespace_before_args)
        decorators[position] = decorators[position].with_changes(decorator=route_call.with_changes(args=args))
        needed = _import_for(source, style, correct_status)
        if needed and needed not in imports:
            imports.append(needed)
    replacement = snippet.replacement([target.with_changes(decorators=decorators)])
    return PatchPlan(
        "fix_status_code",
        (replacement,) if replacement else (),
        imports=tuple(imports),
        contexts=((snippet.start, snippet.end),),
        line=func.lineno,
        function=info.qualname,
        description=description,
    )


class FixStatusCode(PatchType):
    """``fix_status_code``: set status_code= in the function's route decorator."""

    name = "fix_status_code"
    params = (
        Param("target_function", str, help="the route function's name"),
        Param("correct_status", int, help="e.g. 201"),
        Param("line", int, required=False, help="the def line, to pick one of several"),
    )
    summary = "set status_code= in the function's route decorator"
    safety = FixSafety.UNSAFE
    safety_reason = "clients see another status code (a 200 becomes a 201 or 204): their behaviour may depend on it"
    planner = staticmethod(plan_fix_status_code)
