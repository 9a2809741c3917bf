"""``replace_literal_with_env``: a hard-coded string becomes an environment lookup.

``"sqlite:///app.db"`` becomes ``os.environ.get("DATABASE_URL", "sqlite:///app.db")`` (safe:
the program behaves the same while the variable is unset) or ``os.environ["SECRET_KEY"]``
(unsafe: it fails where the variable is missing), and ``import os`` is added.
"""
from __future__ import annotations

import ast
import re
from collections.abc import Mapping
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


def plan_replace_literal_with_env(source: PatchSource, line: int, col: int, env_var: str, keep_default: bool = True) -> PatchPlan:
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
    new: cst.BaseExpression
    if keep_default:
        call = cst.ensure_type(cst.parse_expression(f'os.environ.get("{env_var}", __default__)'), cst.Call)
        new = call.with_changes(args=[call.args[0], call.args[1].with_changes(value=literal_node)])
    else:
        new = cst.parse_expression(f'os.environ["{env_var}"]')
    if literal_node.lpar:
        new = new.with_changes(lpar=literal_node.lpar, rpar=literal_node.rpar)
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
    )
    summary = "read a hard-coded value from the environment"
    safety_reason = (
        "where the environment variable is set the program uses its value instead of the literal; without a "
        "default it fails where the variable is unset"
    )
    planner = staticmethod(plan_replace_literal_with_env)

    @classmethod
    def safety_for(cls, kwargs: Mapping[str, Any]) -> FixSafety:
        """Dropping the literal (``keep_default=False``) fails where the variable is unset: unsafe."""
        return FixSafety.SAFE if kwargs.get("keep_default", True) else FixSafety.UNSAFE
