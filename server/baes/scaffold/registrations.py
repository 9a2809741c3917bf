"""Where an entity is registered in the shared files, as whole lines to remove or replace.

Deleting or renaming an entity changes the lines scaffolding once inserted (``app/main.py``:
the router import and ``include_router``; ``ui/app.py``: the ``st.Page``; an app made before
migrations: the ``app/database.py`` import and ``TABLE_CREATORS`` element). They are found with
``ast`` and changed as whole lines, every other line of the user's file kept byte for byte.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping, Sequence

from baes.scaffold.insertions import InsertionError, parse

Lines = tuple[int, int]  # 1-based first and last line, inclusive


def _call_name(node: ast.AST) -> str:
    return ast.unparse(node.func) if isinstance(node, ast.Call) else ""


def _statements(module: ast.Module, match: Callable[[ast.stmt], bool]) -> list[ast.AST]:
    return [n for n in module.body if match(n)]


def _elements(module: ast.Module, name: str, match: Callable[[ast.expr], bool]) -> list[ast.AST]:
    found: list[ast.AST] = []
    for node in module.body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)
            and isinstance(node.value, (ast.List, ast.Tuple))
        ):
            found += [e for e in node.value.elts if match(e)]
    return found


def _whole_lines(text: str, path: str, nodes: list[ast.AST]) -> list[Lines]:
    """The nodes' line ranges, each checked to hold nothing else (but a trailing comma or comment)."""
    lines = text.splitlines()
    ranges = []
    for node in nodes:
        start, end = node.lineno, node.end_lineno or node.lineno  # type: ignore[attr-defined]
        before = lines[start - 1].encode("utf-8")[: node.col_offset].decode("utf-8", "ignore")  # type: ignore[attr-defined]
        after = lines[end - 1].encode("utf-8")[node.end_col_offset :].decode("utf-8", "ignore")  # type: ignore[attr-defined]
        if before.strip() or after.strip().lstrip(",").strip().split("#", 1)[0].strip():
            raise InsertionError(f"{path}: line {start} holds more than the entity's registration; change it by hand")
        ranges.append((start, end))
    return sorted(ranges)


def registration_lines(role: str, text: str, path: str, snake: str, table: str, page_file: str) -> list[Lines]:
    """The line ranges registering the entity in the shared file of ``role`` (``InsertionError`` if unsafe)."""
    module = parse(text, path)
    nodes: list[ast.AST] = []
    if role == "main":
        nodes = _statements(module, lambda n: isinstance(n, ast.ImportFrom) and n.module == f"app.routers.{snake}")
        nodes += _statements(
            module,
            lambda n: (
                isinstance(n, ast.Expr)
                and _call_name(n.value).endswith("include_router")
                and any(isinstance(a, ast.Name) and a.id == f"{snake}_router" for a in n.value.args)
            ),
        )
    elif role == "ui_app":
        nodes = _elements(
            module,
            "PAGES",
            lambda e: (
                isinstance(e, ast.Call) and any(isinstance(a, ast.Constant) and a.value == f"pages/{page_file}" for a in e.args)
            ),
        )
    elif role == "database":
        nodes = _statements(module, lambda n: isinstance(n, ast.ImportFrom) and n.module == f"app.tables.{snake}")
        nodes += _elements(module, "TABLE_CREATORS", lambda e: isinstance(e, ast.Name) and e.id == f"create_{table}_table")
    return _whole_lines(text, path, nodes)


def replace_lines(text: str, ranges: Sequence[Lines], replacements: Mapping[Lines, str] | None = None) -> str:
    """``text`` without the line ranges, or with ``replacements[range]`` in their place (same indent,
    the same trailing comma, the file's own line ending)."""
    lines = text.splitlines(keepends=True)
    replacements = replacements or {}
    starts = {start: (start, end) for start, end in ranges}
    out: list[str] = []
    number = 1
    while number <= len(lines):
        if number not in starts:
            out.append(lines[number - 1])
            number += 1
            continue
        start, end = starts[number]
        block = "".join(lines[start - 1 : end])
        if (start, end) in replacements:
            newline = "\r\n" if block.endswith("\r\n") else "\n"
            indent = block[: len(block) - len(block.lstrip())]
            comma = "," if block.split("#", 1)[0].rstrip().endswith(",") else ""
            out.append(indent + replacements[(start, end)] + comma + newline)
        number = end + 1
    return "".join(out)


__all__ = ["Lines", "registration_lines", "replace_lines"]
