"""``add_timeout``: give an HTTP call that could wait forever a ``timeout=`` argument.

``requests.get(url)`` becomes ``requests.get(url, timeout=30)``, keeping the call's layout (one
line, or one argument per line with or without a trailing comma).

Unsafe: a fix is safe only if it cannot change behaviour in any environment, and against a
server slower than the timeout the call that used to succeed now raises ``Timeout``. 30 seconds
is the default value because it is far above what an interactive page or an API client expects
from a healthy server (httpx's own default is 5 s) while still ending a hung connection; the
user reviews the value when applying the fix.
"""

from __future__ import annotations

import ast

from baes.fixes.patches.base import PatchFailure, PatchPlan
from baes.fixes.patches.patch_type import Param, PatchType
from baes.fixes.patches.sequences import insert_element
from baes.fixes.patches.snippets import parse_expression
from baes.fixes.patches.source import PatchSource
from baes.standards.findings import FixSafety

DEFAULT_TIMEOUT_SECONDS = 30


def plan_add_timeout(source: PatchSource, line: int, col: int, name: str, seconds: int = DEFAULT_TIMEOUT_SECONDS) -> PatchPlan:
    """Patch type ``add_timeout``."""
    import libcst as cst  # lazy: 0.28 s (python -X importtime); only fixes need it

    if seconds <= 0:
        raise PatchFailure(f"a timeout must be a positive number of seconds, got {seconds}")
    function = source.function_at(line)
    description = f"pass timeout={seconds} to the call"
    # several calls can start at one position (``requests.get(url).json()``): the innermost of the name
    calls = [n for n in source.nodes_at(line, col, ast.Call) if isinstance(n, ast.Call) and _called(n) == name]
    if not calls:
        raise PatchFailure(f"no call of `{name}` starts at line {line}, column {col}")
    call = calls[-1]
    if any(k.arg == "timeout" for k in call.keywords):
        return PatchPlan("add_timeout", (), line=line, function=function, description=description)
    if any(k.arg is None for k in call.keywords):
        raise PatchFailure("the call passes **kwargs, which may hold a timeout already")
    snippet = parse_expression(source, call)
    node = snippet.node
    if not isinstance(node, cst.Call):
        raise PatchFailure(f"no call starts at line {line}, column {col}")
    new_arg = cst.Arg(
        value=cst.Integer(str(seconds)),
        keyword=cst.Name("timeout"),
        equal=cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")),
    )
    args = insert_element(node.args, len(node.args), new_arg, node.whitespace_before_args)
    replacement = snippet.replacement(node.with_changes(args=args))
    return PatchPlan(
        "add_timeout",
        (replacement,) if replacement else (),
        contexts=(source.statement_lines(call),),
        line=line,
        function=function,
        description=description,
    )


def _called(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else None


class AddTimeout(PatchType):
    """``add_timeout``: pass ``timeout=`` to an HTTP call that has none."""

    name = "add_timeout"
    params = (
        Param("line", int, help="line where the call starts"),
        Param("col", int, help="column where the call starts"),
        Param("name", str, help="the called function or method (`get`, `urlopen`)"),
        Param("seconds", int, required=False, help=f"the timeout (default {DEFAULT_TIMEOUT_SECONDS})"),
    )
    summary = "pass timeout= to an HTTP call that could wait forever"
    # a server slower than the timeout now makes the call fail
    safety = FixSafety.UNSAFE
    safety_reason = "against a server slower than the timeout a call that used to succeed now raises"
    planner = staticmethod(plan_add_timeout)
