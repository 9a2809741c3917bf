"""``replace_literal_with_env``: a hard-coded string becomes an environment lookup.

``"sqlite:///app.db"`` becomes ``os.environ.get("DATABASE_URL", "sqlite:///app.db")`` or
``os.environ["SECRET_KEY"]``, and ``import os`` is added; with ``keep_suffix`` the end of the
literal stays in the code: ``"http://localhost:8000/items"`` becomes
``os.environ.get("API_BASE_URL", "http://localhost:8000") + "/items"``.

Unsafe either way: a fix is safe only if it cannot change behaviour in any environment, and in
one where the variable is set (perhaps for another program) the value now comes from it; without
a default the program fails where it is unset.
"""

from __future__ import annotations

import ast
import re
from typing import Any

from baes.fixes.patches.base import PatchFailure, PatchPlan
from baes.fixes.patches.patch_type import Param, PatchType
from baes.fixes.patches.snippets import parse_expression
from baes.fixes.patches.source import PatchSource
from baes.standards.findings import FixSafety
from baes.standards.index import dotted_name

_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _is_env_lookup(node: ast.AST, env_var: str) -> bool:
    if isinstance(node, ast.Call) and dotted_name(node.func) in ("os.environ.get", "os.getenv"):
        first = node.args[0] if node.args else None
    elif isinstance(node, ast.Subscript) and dotted_name(node.value) == "os.environ":
        first = node.slice
    else:
        return False
    return isinstance(first, ast.Constant) and first.value == env_var


def plan_replace_literal_with_env(
    source: PatchSource, line: int, col: int, env_var: str, keep_default: bool = True, keep_suffix: str = ""
) -> PatchPlan:
    """Patch type ``replace_literal_with_env``."""
    import libcst as cst  # lazy: 0.28 s (python -X importtime); only fixes need it

    if not _ENV_NAME.fullmatch(env_var):
        raise PatchFailure(f"not an environment variable name: {env_var!r}")
    function = source.function_at(line)
    lookup = f'os.environ.get("{env_var}", …)' if keep_default else f'os.environ["{env_var}"]'
    description = f"read the value from {lookup}"
    nodes = source.nodes_at(line, col, ast.Call, ast.Subscript, ast.Constant, ast.JoinedStr)
    if nodes and any(_is_env_lookup(n, env_var) for n in nodes):
        return PatchPlan("replace_literal_with_env", (), line=line, function=function, description=description)
    literals = [n for n in nodes if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    if not literals or any(isinstance(n, ast.JoinedStr) for n in nodes):
        raise PatchFailure(f"no plain string literal starts at line {line}, column {col}")
    literal = literals[0]
    if any(statement.value is literal for statement in source.index.nodes(ast.Expr)):
        raise PatchFailure("the string is a docstring or a bare expression, not a value to configure")
    snippet = parse_expression(source, literal)
    if not isinstance(snippet.node, (cst.SimpleString, cst.ConcatenatedString)) or "f" in _prefixes(snippet.node):
        raise PatchFailure(f"no plain string literal starts at line {line}, column {col}")
    if "b" in _prefixes(snippet.node):
        raise PatchFailure("a bytes literal cannot come from the environment")
    literal_node = snippet.node
    suffix_node: cst.SimpleString | None = None
    if keep_suffix:
        literal_node, suffix_node = _split_literal(literal_node, keep_suffix)
    new: cst.BaseExpression
    if keep_default:
        call = cst.ensure_type(cst.parse_expression(f'os.environ.get("{env_var}", __default__)'), cst.Call)
        new = call.with_changes(args=[call.args[0], call.args[1].with_changes(value=literal_node)])
    else:
        new = cst.parse_expression(f'os.environ["{env_var}"]')
    if suffix_node is not None:
        new = cst.BinaryOperation(left=new, operator=cst.Add(), right=suffix_node)
    if snippet.node.lpar:
        new = new.with_changes(lpar=snippet.node.lpar, rpar=snippet.node.rpar)
    replacement = snippet.replacement(new)
    return PatchPlan(
        "replace_literal_with_env",
        (replacement,) if replacement else (),
        imports=("import os",),
        contexts=(source.statement_lines(literal),),
        line=line,
        function=function,
        description=description,
    )


def _split_literal(node: object, suffix: str) -> tuple[Any, Any]:
    """``"http://h:8000/items"`` and ``"/items"`` -> ``"http://h:8000"``, ``"/items"`` in the literal's own quotes."""
    import libcst as cst  # lazy: 0.28 s (python -X importtime); only fixes need it

    if not isinstance(node, cst.SimpleString) or "\\" in node.value or node.quote in ('"""', "'''"):
        raise PatchFailure("only a plain one-line string without escapes can be split")
    body = node.value[len(node.prefix) + len(node.quote) : -len(node.quote)]
    if not body.endswith(suffix) or body == suffix:
        raise PatchFailure(f"the string does not end with {suffix!r}")
    head = f"{node.prefix}{node.quote}{body[: -len(suffix)]}{node.quote}"
    tail = f"{node.prefix}{node.quote}{suffix}{node.quote}"
    return node.with_changes(value=head, lpar=[], rpar=[]), cst.SimpleString(tail)


def _prefixes(node: object) -> str:
    """Lower-case prefix letters of every part of a (possibly concatenated) string literal."""
    import libcst as cst  # lazy: 0.28 s (python -X importtime); only fixes need it

    if isinstance(node, cst.ConcatenatedString):
        return _prefixes(node.left) + _prefixes(node.right)
    if isinstance(node, cst.SimpleString):
        return node.prefix.lower()
    if isinstance(node, cst.FormattedString):
        return "f" + node.prefix.lower()
    return ""


class ReplaceLiteralWithEnv(PatchType):
    """``replace_literal_with_env``: read a hard-coded value from the environment."""

    name = "replace_literal_with_env"
    params = (
        Param("line", int, help="line of the string literal"),
        Param("col", int, help="column where the literal starts"),
        Param("env_var", str, help="the environment variable"),
        Param("keep_default", bool, required=False, help="keep the literal as the default"),
        Param("keep_suffix", str, required=False, help="the end of the literal kept after the lookup (a URL's path)"),
    )
    summary = "read a hard-coded value from the environment"
    safety = FixSafety.UNSAFE
    safety_reason = (
        "where the environment variable is set the program uses its value instead of the literal (a generic "
        "name would let an unrelated setting redirect it); without a default it fails where the variable is unset"
    )
    planner = staticmethod(plan_replace_literal_with_env)
