"""Minimal insertions into the shared files of a generated app, found with ``ast`` positions.

Adding an entity to an existing application must not rewrite the user's code: each change
is a pure insertion (a ``TextEdit`` with an empty span) placed after the last statement of
the same kind (the last router import, the last ``include_router`` call, the last element of
``TABLE_CREATORS`` or ``PAGES``), falling back to the end of the imports or of the file.
Inserted text uses the file's own line ending.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from baes.fixes.text_edits import LineIndex
from baes.python_ast import parse as parse_python
from baes.standards.findings import Span, TextEdit


class InsertionError(ValueError):
    """A shared file cannot be extended safely (it does not parse, or has no anchor)."""


@dataclass(frozen=True)
class SourceLines:
    """A source with helpers to turn ``ast`` positions (UTF-8 byte columns) into code points."""

    text: str
    newline: str

    @cached_property
    def lines(self) -> list[str]:
        """The lines with their endings, broken only where Python and ``TextEdit`` positions break
        them (``\\n``, ``\\r\\n``, ``\\r``; not at form feeds as ``str.splitlines`` does)."""
        starts = LineIndex(self.text).starts
        lines = [self.text[a:b] for a, b in zip(starts, starts[1:], strict=False)]
        tail = self.text[starts[-1] :]
        return lines + [tail] if tail else lines

    def column(self, line: int, byte_col: int) -> int:
        """Code-point column of a 1-based line and a UTF-8 byte offset."""
        content = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        return len(content.encode("utf-8")[:byte_col].decode("utf-8", errors="ignore"))

    def end_of_line(self, line: int) -> tuple[int, int]:
        """Position just after the line break of ``line`` (or the end of the file)."""
        lines = self.lines
        if line < len(lines):
            return line + 1, 0
        last = lines[-1] if lines else ""
        stripped = last.rstrip("\r\n")
        return (len(lines), len(stripped)) if lines else (1, 0)

    def ends_with_newline(self) -> bool:
        return self.text.endswith(("\n", "\r"))


def parse(text: str, path: str) -> ast.Module:
    try:
        return parse_python(text)
    except (SyntaxError, ValueError) as exc:
        raise InsertionError(f"{path} does not parse ({exc}); fix it, then scaffold again") from exc


def _insert_after_line(src: SourceLines, line: int, new_lines: list[str]) -> TextEdit:
    """Insert whole lines after ``line`` (0 means at the top of the file)."""
    if line == 0:
        return TextEdit(Span(1, 0, 1, 0), "".join(f"{t}{src.newline}" for t in new_lines))
    at_line, at_col = src.end_of_line(line)
    body = "".join(f"{t}{src.newline}" for t in new_lines)
    if at_col != 0:  # the last line has no line break
        body = src.newline + body.rstrip("\r\n")
    return TextEdit(Span(at_line, at_col, at_line, at_col), body)


def _last(module: ast.Module, match: Callable[[ast.stmt], bool]) -> ast.stmt | None:
    found = [node for node in module.body if match(node)]
    return found[-1] if found else None


def _is_import_from(prefix: str) -> Callable[[ast.stmt], bool]:
    return lambda n: isinstance(n, ast.ImportFrom) and (n.module or "").startswith(prefix)


def _is_import(node: ast.stmt) -> bool:
    return isinstance(node, (ast.Import, ast.ImportFrom))


def _normalize(code: str) -> str:
    """Code compared by meaning (quotes, spacing), so nothing is added twice."""
    try:
        return ast.unparse(parse_python(code))
    except SyntaxError:
        return code


def _new(existing: set[str], items: list[str]) -> list[str]:
    """The items (in order, without repeats) whose normalized form is not already present."""
    return [item for item in dict.fromkeys(items) if _normalize(item) not in existing]


def add_imports(src: SourceLines, module: ast.Module, statements: list[str], prefix: str) -> TextEdit | None:
    """Add import lines after the last import from ``prefix`` (else after the last import)."""
    missing = _new({ast.unparse(n) for n in module.body if _is_import(n)}, statements)
    if not missing:
        return None
    anchor = _last(module, _is_import_from(prefix)) or _last(module, _is_import)
    line = (anchor.end_lineno or anchor.lineno) if anchor else _docstring_end(module)
    return _insert_after_line(src, line, missing)


def _docstring_end(module: ast.Module) -> int:
    first = module.body[0] if module.body else None
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
        return first.end_lineno or first.lineno
    return 0


def add_statements_after(
    src: SourceLines, module: ast.Module, statements: list[str], match: Callable[[ast.stmt], bool], what: str, path: str
) -> TextEdit | None:
    """Add ``statements`` after the last top-level statement matching ``match``."""
    missing = _new({ast.unparse(n) for n in module.body}, statements)
    if not missing:
        return None
    anchor = _last(module, match)
    if anchor is None:
        raise InsertionError(f"{path}: no {what} found to add the new entity after")
    return _insert_after_line(src, anchor.end_lineno or anchor.lineno, missing)


def append_to_sequence(src: SourceLines, module: ast.Module, name: str, elements: list[str], path: str) -> TextEdit | None:
    """Add ``elements`` as the last items of the top-level list/tuple literal assigned to ``name``."""
    node = None
    for statement in module.body:
        targets = (
            statement.targets
            if isinstance(statement, ast.Assign)
            else ([statement.target] if isinstance(statement, ast.AnnAssign) else [])
        )
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            node = statement.value
    if not isinstance(node, (ast.List, ast.Tuple)):
        raise InsertionError(f"{path}: no list or tuple assigned to {name} to add the new entity to")
    missing = _new({ast.unparse(e) for e in node.elts}, elements)
    if not missing:
        return None
    if not node.elts:
        # ``NAME = ()`` / ``NAME = []``: put the elements right after the opening bracket.
        line, col = node.lineno, src.column(node.lineno, node.col_offset) + 1
        text = ", ".join(missing) + ("," if isinstance(node, ast.Tuple) else "")
        return TextEdit(Span(line, col, line, col), text)
    last = node.elts[-1]
    end_line = last.end_lineno or last.lineno
    end_col = src.column(end_line, last.end_col_offset or 0)
    rest = src.lines[end_line - 1][end_col:]
    has_comma = rest.lstrip().startswith(",")
    multiline = last.lineno != node.lineno
    if multiline:
        indent = src.lines[last.lineno - 1][: src.column(last.lineno, last.col_offset)]
        added = "".join(f"{src.newline}{indent}{element}," for element in missing)
        if has_comma:
            at = end_col + rest.index(",") + 1
            return TextEdit(Span(end_line, at, end_line, at), added)
        return TextEdit(Span(end_line, end_col, end_line, end_col), "," + added)
    added = ", ".join(missing)
    if has_comma:
        at = end_col + rest.index(",") + 1
        return TextEdit(Span(end_line, at, end_line, at), f" {added},")
    return TextEdit(Span(end_line, end_col, end_line, end_col), f", {added}")


def merge_insertions(edits: list[TextEdit]) -> list[TextEdit]:
    """Insertions at the same point joined into one edit, in the order they were planned.

    Two additions can land at one point (``from fastapi import FastAPI; app = FastAPI()`` on one
    line: the router import and the ``include_router`` call both go after it); one edit keeps
    their order, which ``text_edits.apply_edits`` rightly refuses to guess.
    """
    merged: list[TextEdit] = []
    at_point: dict[tuple[int, int], int] = {}
    for edit in edits:
        span = edit.span
        if (span.start_line, span.start_col) != (span.end_line, span.end_col):
            merged.append(edit)
            continue
        point = (span.start_line, span.start_col)
        if point in at_point:
            first = merged[at_point[point]]
            merged[at_point[point]] = TextEdit(first.span, first.new_text + edit.new_text)
        else:
            at_point[point] = len(merged)
            merged.append(edit)
    return merged
