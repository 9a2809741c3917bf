"""The shared index of one parsed file: one walk over the tree, queried by every rule.

Rules never walk the whole module themselves; they ask the index for the nodes of a type,
the imports, the module constants, the string spans. Anything only some rules need is
computed lazily, once, on first use.
"""

from __future__ import annotations

import ast
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import cached_property
from typing import Any, TypeVar

from baes.standards.node_groups import JoinedGroups, walk_by_type, walk_own

N = TypeVar("N", bound=ast.AST)
T = TypeVar("T")
_LINE_SPLIT = re.compile(r"\r\n|\r|\n")
# the scopes that can hold statements (a lambda holds one expression)
_STATEMENT_SCOPES: tuple[type, ...] = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


class SourceIndex:
    """One file's tree and source, with the lookups rules share."""

    def __init__(self, source: str, tree: ast.Module, by_type: dict[type, list[ast.AST]] | JoinedGroups | None = None) -> None:
        """``by_type``: the nodes of ``tree`` grouped by type when already known (an incremental
        parse assembles them from the statements it kept), else walked here."""
        self.source = source
        self.tree = tree
        self.by_type = by_type if by_type is not None else walk_by_type([tree])
        self.is_ascii = source.isascii()
        self._memo: dict[str, Any] = {}
        self._own: dict[int, dict[type, list[ast.AST]]] = {}
        self._own_statements: dict[type, dict[int, list[ast.AST]]] = {}
        self._byte_to_code_point: dict[int, list[int]] = {}

    def memo(self, key: str, compute: Callable[[SourceIndex], T]) -> T:
        """``compute(self)`` once per index: how helpers shared by several rules cache their result."""
        if key not in self._memo:
            self._memo[key] = compute(self)
        result: T = self._memo[key]
        return result

    # --- nodes -----------------------------------------------------------------------------
    def nodes(self, kind: type[N]) -> list[N]:
        """All nodes of exactly this type (document order is not guaranteed)."""
        return self.by_type.get(kind, [])  # type: ignore[return-value]

    def own(self, scope: ast.AST, kind: type[N]) -> list[N]:
        """The nodes of exactly type ``kind`` that ``scope`` (a function, class, lambda or the
        module) holds itself, not inside a nested function, lambda or class.

        Rules ask this of several functions and several rules ask it of the same function, so each
        scope is walked at most once per index, and only when some rule asks.
        """
        return self.own_types(scope).get(kind, [])  # type: ignore[return-value]

    def own_types(self, scope: ast.AST) -> dict[type, list[ast.AST]]:
        """``scope``'s own nodes grouped by type (see ``own``): one walk per scope and index."""
        found = self._own.get(id(scope))
        if found is None:
            found = self._own[id(scope)] = walk_own(scope)
        return found

    def own_statements(self, scope: ast.AST, kind: type[N]) -> list[N]:
        """The statements of type ``kind`` (``ast.Return``, ``ast.Raise``, ``ast.Assign``, ...) that
        ``scope`` (a function, class or the module) holds itself: ``own(scope, kind)`` without
        walking ``scope``.

        Statements have exact positions and only functions and classes hold statements, so each
        statement's scope is found by position; the statements of one kind are grouped by scope
        once per index. Same nodes, same order as ``own``.
        """
        grouped = self._own_statements.get(kind)
        if grouped is None:
            grouped = {}
            for node in self.nodes(kind):
                key = id(self.statement_scope(node))
                bucket = grouped.get(key)
                if bucket is None:
                    grouped[key] = [node]
                else:
                    bucket.append(node)
            self._own_statements[kind] = grouped
        return grouped.get(id(scope), [])  # type: ignore[return-value]

    def statement_scope(self, stmt: ast.AST) -> ast.AST:
        """The innermost function or class holding statement ``stmt``, else the module."""
        starts, ends, parents, scopes = self._statement_scopes
        end = (getattr(stmt, "end_lineno", None) or 0, getattr(stmt, "end_col_offset", None) or 0)
        # the last scope starting before ``stmt`` holds it, or one of its enclosing scopes does
        i = bisect_left(starts, (getattr(stmt, "lineno", 0), getattr(stmt, "col_offset", 0))) - 1
        while i >= 0 and ends[i] < end:
            i = parents[i]
        return scopes[i] if i >= 0 else self.tree

    @cached_property
    def _statement_scopes(self) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[int], list[ast.AST]]:
        """Functions and classes sorted by position: starts, ends, the index of the enclosing one
        (-1: the module) and the nodes. Their spans nest, so a stack sweep finds every parent."""
        scopes: list[ast.AST] = []
        for kind in _STATEMENT_SCOPES:
            scopes += self.nodes(kind)
        scopes.sort(key=lambda n: (n.lineno, n.col_offset))  # type: ignore[attr-defined]
        starts = [(n.lineno, n.col_offset) for n in scopes]  # type: ignore[attr-defined]
        ends = [(n.end_lineno or n.lineno, n.end_col_offset or 0) for n in scopes]  # type: ignore[attr-defined]
        parents: list[int] = []
        open_scopes: list[int] = []
        for i in range(len(scopes)):
            while open_scopes and ends[open_scopes[-1]] < ends[i]:
                open_scopes.pop()
            parents.append(open_scopes[-1] if open_scopes else -1)
            open_scopes.append(i)
        return starts, ends, parents, scopes

    @cached_property
    def functions(self) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
        """Every function and method (in no particular order)."""
        return [*self.nodes(ast.FunctionDef), *self.nodes(ast.AsyncFunctionDef)]

    @cached_property
    def _functions_by_line(
        self,
    ) -> tuple[list[int], list[int], list[ast.FunctionDef | ast.AsyncFunctionDef]]:
        """Functions sorted by their ``def`` line: those lines, the running maximum of their last
        lines, the functions. ``enclosing_function`` searches backwards from a line and stops where
        no earlier function reaches it, instead of testing every function of the file."""
        ordered = sorted(self.functions, key=lambda f: f.lineno)
        reach: list[int] = []
        furthest = 0
        for func in ordered:
            furthest = max(furthest, func.end_lineno or func.lineno)
            reach.append(furthest)
        return [f.lineno for f in ordered], reach, ordered

    @property
    def calls(self) -> list[ast.Call]:
        """Every call (in no particular order; the engine sorts findings)."""
        return self.nodes(ast.Call)

    @cached_property
    def calls_by_name(self) -> dict[str, list[ast.Call]]:
        """Calls grouped by ``call_name`` (``f`` for ``f(...)`` and ``x.f(...)``)."""
        grouped: dict[str, list[ast.Call]] = {}
        Name, Attribute = ast.Name, ast.Attribute
        for call in self.nodes(ast.Call):
            func = call.func
            kind = type(func)
            if kind is Attribute:
                key = func.attr  # type: ignore[attr-defined]
            elif kind is Name:
                key = func.id  # type: ignore[attr-defined]
            else:
                continue
            bucket = grouped.get(key)
            if bucket is None:
                grouped[key] = [call]
            else:
                bucket.append(call)
        return grouped

    def calls_to(self, *attrs: str) -> list[ast.Call]:
        """Calls whose function is ``name(...)`` or ``x.name(...)`` for one of ``attrs``."""
        grouped = self.calls_by_name
        found: list[ast.Call] = []
        for attr in attrs:
            found += grouped.get(attr, ())
        return found

    def enclosing_function(self, node: ast.AST) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
        """The innermost function whose body holds ``node`` (found by position, no parent map)."""
        line = getattr(node, "lineno", 0)
        col = getattr(node, "col_offset", 0)
        starts, reach, ordered = self._functions_by_line
        # the innermost holder is the one starting last (two defs never share a line): search
        # backwards from the last function starting on or before ``line``
        for i in range(bisect_right(starts, line) - 1, -1, -1):
            if reach[i] < line:
                break  # neither this function nor any earlier one reaches ``line``
            func = ordered[i]
            if func is node:
                continue
            body_start = func.body[0].lineno if func.body else func.lineno
            end = func.end_lineno or func.lineno
            if not body_start <= line <= end:
                continue
            if line == end and col >= (func.end_col_offset or 0):
                continue
            return func
        return None

    # --- imports and module names -----------------------------------------------------------
    @cached_property
    def imports(self) -> dict[str, str]:
        """Local name -> what it is bound to (``st`` -> ``streamlit``, ``Depends`` -> ``fastapi.Depends``)."""
        bound: dict[str, str] = {}
        for node in self.nodes(ast.Import):
            for alias in node.names:
                if alias.asname:
                    bound[alias.asname] = alias.name
                else:
                    top = alias.name.split(".")[0]
                    bound[top] = top
        for node_from in self.nodes(ast.ImportFrom):
            module = "." * node_from.level + (node_from.module or "")
            for alias in node_from.names:
                if alias.name != "*":
                    bound[alias.asname or alias.name] = f"{module}.{alias.name}"
        return bound

    @cached_property
    def imported_modules(self) -> frozenset[str]:
        """Top-level names of every module imported (``fastapi``, ``sqlite3``, ``streamlit``)."""
        mods: set[str] = set()
        for node in self.nodes(ast.Import):
            for alias in node.names:
                mods.add(alias.name.split(".")[0])
        for node_from in self.nodes(ast.ImportFrom):
            if node_from.module and node_from.level == 0:
                mods.add(node_from.module.split(".")[0])
        return frozenset(mods)

    @cached_property
    def has_star_import(self) -> bool:
        return any(a.name == "*" for node in self.nodes(ast.ImportFrom) for a in node.names)

    def resolves_to(self, name: str, *qualified: str) -> bool:
        """Whether local ``name`` is imported as one of ``qualified`` (``fastapi.Depends``)."""
        return self.imports.get(name) in qualified

    @cached_property
    def module_constants(self) -> dict[str, ast.expr]:
        """Module- and class-level ``NAME = value`` assignments (last one wins)."""
        found: dict[str, ast.expr] = {}
        bodies: list[list[ast.stmt]] = [self.tree.body]
        bodies += [c.body for c in self.nodes(ast.ClassDef)]
        for body in bodies:
            for stmt in body:
                if isinstance(stmt, ast.Assign):
                    for target in stmt.targets:
                        if isinstance(target, ast.Name):
                            found[target.id] = stmt.value
                elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.value:
                    found[stmt.target.id] = stmt.value
        return found

    @cached_property
    def main_block_lines(self) -> list[tuple[int, int]]:
        """Line ranges of ``if __name__ == "__main__":`` blocks."""
        ranges = []
        for stmt in self.tree.body:
            if isinstance(stmt, ast.If) and _is_main_test(stmt.test):
                ranges.append((stmt.lineno, stmt.end_lineno or stmt.lineno))
        return ranges

    def in_main_block(self, node: ast.AST) -> bool:
        line = getattr(node, "lineno", 0)
        return any(a <= line <= b for a, b in self.main_block_lines)

    # --- text ---------------------------------------------------------------------------------
    @cached_property
    def lines(self) -> list[str]:
        """Physical lines as ``ast`` counts them (``\\n``, ``\\r\\n`` and ``\\r`` end a line)."""
        return _LINE_SPLIT.split(self.source)

    def code_point_col(self, line: int, byte_col: int) -> int:
        """Convert an ``ast`` UTF-8 byte column on ``line`` to a code-point column."""
        if self.is_ascii or byte_col <= 0:
            return max(byte_col, 0)
        lines = self.lines
        if not 1 <= line <= len(lines):
            return byte_col
        text = lines[line - 1]
        if text.isascii():
            return byte_col
        table = self._byte_to_code_point.get(line)
        if table is None:  # once per line: many findings on one long line stay linear
            table = []
            for position, char in enumerate(text):
                table.extend([position] * len(char.encode("utf-8", "surrogatepass")))
            table.append(len(text))
            self._byte_to_code_point[line] = table
        return table[min(byte_col, len(table) - 1)]

    @cached_property
    def string_spans(self) -> list[tuple[int, int, int, int]]:
        """``(line, col, end_line, end_col)`` (byte columns) of every string literal and f-string."""
        spans = []
        for kind in (ast.Constant, ast.JoinedStr):
            for node in self.nodes(kind):
                if isinstance(node, ast.Constant) and not isinstance(node.value, (str, bytes)):
                    continue
                spans.append((node.lineno, node.col_offset, node.end_lineno or node.lineno, node.end_col_offset or 0))
        spans.sort()
        return spans

    @cached_property
    def statement_ends(self) -> dict[int, int]:
        """First line -> last line of every simple (non-compound) statement spanning several lines."""
        ends: dict[int, int] = {}
        for kind in _SIMPLE_STATEMENTS:
            for node in self.nodes(kind):
                end = node.end_lineno or node.lineno
                if end != node.lineno:
                    for line in range(node.lineno, end + 1):
                        ends[line] = max(ends.get(line, 0), end)
        return ends

    def has_code(self) -> bool:
        """Whether the module holds anything beyond a docstring and ``pass``/``...``."""
        for stmt in self.tree.body:
            if isinstance(stmt, ast.Pass):
                continue
            if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
                continue
            return True
        return False


_SIMPLE_STATEMENTS: tuple[type[ast.stmt], ...] = (
    ast.Expr,
    ast.Assign,
    ast.AugAssign,
    ast.AnnAssign,
    ast.Return,
    ast.Raise,
    ast.Assert,
    ast.Delete,
    ast.Import,
    ast.ImportFrom,
    ast.Global,
    ast.Nonlocal,
)


def _is_main_test(test: ast.expr) -> bool:
    if not isinstance(test, ast.Compare) or len(test.comparators) != 1:
        return False
    sides = [test.left, test.comparators[0]]
    names = [s for s in sides if isinstance(s, ast.Name) and s.id == "__name__"]
    consts = [s for s in sides if isinstance(s, ast.Constant) and s.value == "__main__"]
    return bool(names and consts)


def call_name(call: ast.Call) -> str | None:
    """``f`` for ``f(...)`` and ``x.f(...)``; None for anything else."""
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def dotted_name(node: ast.AST) -> str | None:
    """``a.b.c`` for a chain of attributes over a name; None otherwise."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def keyword(call: ast.Call, name: str) -> ast.expr | None:
    for kw in call.keywords:
        if kw.arg == name:
            return kw.value
    return None
