"""The source a patch works on: its ``ast`` tree, offsets, and the regions around targets.

Targets are found with ``ast`` (fast, exact line and column positions); libcst then parses
only the region holding the target (a statement or an expression), never the whole file.
That keeps a fix proportional to what it touches, and every byte outside the region is
left alone by construction.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import cached_property

from baes.fixes.patches.base import PatchFailure, Replacement
from baes.fixes.text_edits import NEWLINE, LineIndex, common_prefix, common_suffix
from baes.python_ast import parse as parse_python
from baes.standards.index import SourceIndex

FUNCTION_TYPES = (ast.FunctionDef, ast.AsyncFunctionDef)


@dataclass(frozen=True)
class FunctionInfo:
    node: ast.FunctionDef | ast.AsyncFunctionDef
    qualname: str
    module_level: bool


class PatchSource:
    """One parsed source, shared by every patch planned on it."""

    def __init__(self, text: str) -> None:
        if not isinstance(text, str):
            raise PatchFailure(f"code must be a string, got {type(text).__name__}")
        try:
            tree = parse_python(text)
        except SyntaxError as exc:
            raise PatchFailure(f"the code does not parse (line {exc.lineno}): {exc.msg}") from None
        except (ValueError, RecursionError, MemoryError, UnicodeError) as exc:
            raise PatchFailure(f"the code cannot be parsed: {exc}") from None
        self.text = text
        self.tree = tree
        self.index = SourceIndex(text, tree)
        self.lines = LineIndex(text)
        match = NEWLINE.search(text)
        self.newline = match.group() if match else "\n"

    # --- positions ---------------------------------------------------------------------------
    def offset(self, line: int, col: int) -> int:
        """Offset of a 1-based line and 0-based code-point column; ``PatchFailure`` if outside."""
        try:
            return self.lines.offset(line, col)
        except ValueError as exc:
            raise PatchFailure(str(exc)) from None

    def start(self, node: ast.AST) -> int:
        line: int = getattr(node, "lineno")  # noqa: B009 (every node given here has a position; ``ast.AST`` declares none)
        col: int = getattr(node, "col_offset")  # noqa: B009
        return self.lines.starts[line - 1] + self.index.code_point_col(line, col)

    def end(self, node: ast.AST) -> int:
        line: int = getattr(node, "end_lineno")  # noqa: B009
        col: int = getattr(node, "end_col_offset")  # noqa: B009
        return self.lines.starts[line - 1] + self.index.code_point_col(line, col)

    def col(self, node: ast.AST) -> int:
        """Code-point column where ``node`` starts."""
        return self.index.code_point_col(node.lineno, node.col_offset)  # type: ignore[attr-defined]

    def line_start(self, line: int) -> int:
        return self.lines.starts[line - 1]

    def after_line(self, line: int) -> int:
        """Offset just after the newline ending ``line`` (the end of the text on the last line)."""
        return self.lines.starts[line] if line < len(self.lines.starts) else len(self.text)

    def statement_lines(self, node: ast.AST) -> tuple[int, int]:
        """Offsets of the whole lines of a statement (decorators included) or an expression."""
        end_line = node.end_lineno or node.lineno  # type: ignore[attr-defined]
        return self.line_start(first_line(node)), self.after_line(end_line)

    def nodes_at(self, line: int, col: int, *kinds: type[ast.AST]) -> list[ast.AST]:
        """Nodes of the given kinds starting exactly at ``(line, col)`` (code-point column), outermost first."""
        found: list[ast.AST] = [
            node
            for kind in kinds
            for node in self.index.nodes(kind)
            if getattr(node, "lineno", None) == line and self.col(node) == col
        ]
        found.sort(key=lambda n: -(self.end(n) - self.start(n)))
        return found

    # --- functions ---------------------------------------------------------------------------
    @cached_property
    def functions(self) -> list[FunctionInfo]:
        """Every function and method in document order, with its dotted name."""
        found: list[FunctionInfo] = []

        def visit(body: list[ast.stmt], prefix: str, module_level: bool) -> None:
            for stmt in body:
                if isinstance(stmt, FUNCTION_TYPES):
                    qualname = f"{prefix}{stmt.name}"
                    found.append(FunctionInfo(stmt, qualname, module_level))
                    visit(stmt.body, f"{qualname}.", False)
                elif isinstance(stmt, ast.ClassDef):
                    visit(stmt.body, f"{prefix}{stmt.name}.", False)
                else:
                    for name in ("body", "orelse", "finalbody"):
                        visit(getattr(stmt, name, None) or [], prefix, module_level)
                    for handler in getattr(stmt, "handlers", None) or []:
                        visit(handler.body, prefix, module_level)
                    for case in getattr(stmt, "cases", None) or []:
                        visit(case.body, prefix, module_level)

        visit(self.tree.body, "", True)
        found.sort(key=lambda f: f.node.lineno)
        return found

    def find_function(self, name: str, line: int | None = None) -> FunctionInfo:
        """The one function called ``name`` (or ``Class.name``); ``line`` picks among several."""
        if "." in name:
            matches = [f for f in self.functions if f.qualname == name]
        else:
            matches = [f for f in self.functions if f.node.name == name]
        if line is not None:
            at_line = [f for f in matches if first_line(f.node) <= line <= f.node.lineno]
            if not at_line:
                raise PatchFailure(f"no function named {name!r} is defined at line {line}")
            return at_line[0]
        if not matches:
            raise PatchFailure(f"no function named {name!r} in the code")
        if len(matches) > 1:
            top = [f for f in matches if f.module_level]
            if len(top) == 1:
                return top[0]
            lines = ", ".join(str(f.node.lineno) for f in matches)
            raise PatchFailure(f"{len(matches)} functions are named {name!r} (lines {lines}); pass line= to pick one")
        return matches[0]

    def function_at(self, line: int) -> str | None:
        """Dotted name of the innermost function containing ``line``."""
        inner = None
        for info in self.functions:
            node = info.node
            if first_line(node) <= line <= (node.end_lineno or node.lineno):
                inner = info.qualname
        return inner


def first_line(node: ast.AST) -> int:
    """The line a node starts on, its decorators included (``lineno`` is the ``def`` line)."""
    line: int = getattr(node, "lineno")  # noqa: B009 (``ast.AST`` declares no position)
    decorators: list[ast.expr] = getattr(node, "decorator_list", [])
    return min([line] + [d.lineno for d in decorators])


def tightened(start: int, old: str, new: str) -> Replacement | None:
    """The smallest replacement turning region ``old`` (at ``start``) into ``new``; None if equal."""
    if old == new:
        return None
    head = common_prefix(old, new)
    tail = common_suffix(old, new, head)
    return Replacement(start + head, start + len(old) - tail, new[head : len(new) - tail])
