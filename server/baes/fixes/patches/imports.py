"""``add_import``: bind a name at module level, merging with the imports already there.

Placement: a ``from x import`` of a module already imported that way is merged into that
statement (parenthesised, multi-line and trailing commas kept); anything else becomes a new
statement in the file's first block of top-level imports (after the module docstring and
``__future__`` imports), next to imports of the same kind (``__future__``, standard library,
third-party, relative) in alphabetical order. Never inside a function, never in the middle
of a parenthesised import. Nothing changes when the name is already imported.

Blank lines at the very top of a file (no comment, no docstring above them) are taken by a
new import that becomes the file's first line: they carry no meaning, and an import block
should start the file rather than follow an empty line.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from baes.fixes.patches.base import PatchFailure, PatchPlan, Replacement
from baes.fixes.patches.patch_type import Param, PatchType
from baes.fixes.patches.sequences import insert_element
from baes.fixes.patches.snippets import parse_lines
from baes.fixes.patches.source import PatchSource
from baes.python_ast import parse as parse_python

_BLANK = re.compile(r"[ \t\f\r\n]*")
FUTURE, STDLIB, THIRD_PARTY, LOCAL = range(4)


@dataclass(frozen=True)
class ImportRequest:
    """One name to bind: ``from module import name as asname`` or ``import name as asname``."""

    module: str | None  # with leading dots when relative; None for ``import name``
    name: str
    asname: str | None = None

    @property
    def key(self) -> tuple[int, str]:
        return sort_key(self.module if self.module is not None else self.name, self.module is not None)

    def statement(self) -> str:
        alias = f"{self.name} as {self.asname}" if self.asname else self.name
        return f"from {self.module} import {alias}" if self.module is not None else f"import {alias}"


def sort_key(module: str, is_from: bool) -> tuple[int, str]:
    """Section (future, stdlib, third-party, relative) and name, as isort groups imports."""
    if module.startswith("."):
        return LOCAL, module
    top = module.split(".")[0]
    if top == "__future__":
        return FUTURE, module
    if top in sys.stdlib_module_names:
        return STDLIB, module.lower()
    return THIRD_PARTY, module.lower()


def parse_import(statement: str) -> list[ImportRequest]:
    """The names bound by one ``import`` statement; ``PatchFailure`` for anything else."""
    try:
        tree = parse_python(statement.strip())
    except (SyntaxError, ValueError) as exc:
        raise PatchFailure(f"not an import statement: {statement!r} ({exc})") from None
    if len(tree.body) != 1 or not isinstance(tree.body[0], (ast.Import, ast.ImportFrom)):
        raise PatchFailure(f"import_statement must be exactly one import statement, got {statement!r}")
    node = tree.body[0]
    if isinstance(node, ast.Import):
        return [ImportRequest(None, a.name, a.asname) for a in node.names]
    module = "." * node.level + (node.module or "")
    return [ImportRequest(module, a.name, a.asname) for a in node.names]


def _module_level_imports(source: PatchSource) -> Iterator[ast.Import | ast.ImportFrom]:
    """Imports that run at module level (also inside top-level ``try``/``if``, but not ``if TYPE_CHECKING``)."""
    stack: list[ast.stmt] = list(source.tree.body)
    while stack:
        stmt = stack.pop()
        if isinstance(stmt, (ast.Import, ast.ImportFrom)):
            yield stmt
        elif isinstance(stmt, ast.Try):
            stack += stmt.body + stmt.orelse + stmt.finalbody
            for handler in stmt.handlers:
                stack += handler.body
        elif isinstance(stmt, ast.If) and "TYPE_CHECKING" not in ast.dump(stmt.test):
            stack += stmt.body + stmt.orelse


def is_imported(source: PatchSource, request: ImportRequest) -> bool:
    """Whether ``request`` is already bound by a module-level import."""
    for node in _module_level_imports(source):
        if request.module is None and isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname == request.asname and (
                    alias.name == request.name or (request.asname is None and alias.name.startswith(request.name + "."))
                ):
                    return True
        elif request.module is not None and isinstance(node, ast.ImportFrom):
            if "." * node.level + (node.module or "") != request.module:
                continue
            for alias in node.names:
                if alias.name == "*" and request.asname is None:
                    return True
                if alias.name == request.name and alias.asname == request.asname:
                    return True
    return False


def binds_name(source: PatchSource, name: str) -> bool:
    """Whether some module-level import binds ``name`` (whatever it imports)."""
    for node in _module_level_imports(source):
        for alias in node.names:
            bound = alias.asname or (alias.name if isinstance(node, ast.ImportFrom) else alias.name.split(".")[0])
            if bound == name:
                return True
    return False


def _first_block(source: PatchSource) -> tuple[list[ast.stmt], ast.stmt | None]:
    """The first run of top-level imports (after the docstring) and the docstring statement."""
    body = source.tree.body
    docstring = None
    position = 0
    first = body[0] if body else None
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
        docstring = body[0]
        position = 1
    block: list[ast.stmt] = []
    while position < len(body) and isinstance(body[position], (ast.Import, ast.ImportFrom)):
        block.append(body[position])
        position += 1
    return block, docstring


def plan_imports(source: PatchSource, statements: Sequence[str]) -> tuple[list[Replacement], list[tuple[int, int]], int]:
    """Replacements adding every import of ``statements`` that is missing.

    Returns the replacements, the regions read, and the line where the imports go.
    """
    requests: list[ImportRequest] = []
    for statement in statements:
        for request in parse_import(statement):
            if request not in requests and not is_imported(source, request):
                requests.append(request)
    if not requests:
        return [], [], 1
    block, docstring = _first_block(source)
    merges: dict[int, tuple[ast.ImportFrom, list[ImportRequest]]] = {}
    new_statements: list[ImportRequest] = []
    for request in requests:
        target = _merge_target(source, request, block)
        if target is None:
            new_statements.append(request)
        else:
            merges.setdefault(id(target), (target, []))[1].append(request)
    in_block = [m for m in merges.values() if any(m[0] is b for b in block)]
    outside = [m for m in merges.values() if not any(m[0] is b for b in block)]
    replacements: list[Replacement] = []
    contexts: list[tuple[int, int]] = []
    for target, names in outside:
        start, end = source.statement_lines(target)
        snippet = parse_lines(source, start, end)
        replacement = snippet.replacement([_merge_line(line, names) for line in snippet.body])
        contexts.append((start, end))
        if replacement:
            replacements.append(replacement)
    lines = [target.lineno for target, _ in merges.values()]
    groups = _group_new(new_statements)
    if block and (groups or in_block):
        replacement, context, line = _edit_block(source, block, docstring, groups, in_block)
        lines.append(line)
    elif groups:
        replacement, context, line = _new_block(source, docstring, groups)
        lines.append(line)
    else:
        replacement = None
    if replacement:
        replacements.append(replacement)
        contexts.append(context)
    return replacements, contexts, min(lines)


def _merge_target(source: PatchSource, request: ImportRequest, block: list[ast.stmt]) -> ast.ImportFrom | None:
    if request.module is None:
        return None
    candidates = [
        stmt
        for stmt in source.tree.body
        if isinstance(stmt, ast.ImportFrom)
        and "." * stmt.level + (stmt.module or "") == request.module
        and not any(a.name == "*" for a in stmt.names)
    ]
    if not candidates:
        return None
    in_block = [c for c in candidates if any(c is b for b in block)]
    return (in_block or candidates)[0]


def _group_new(requests: list[ImportRequest]) -> list[list[ImportRequest]]:
    """New statements: names from the same module share one ``from`` statement."""
    groups: list[list[ImportRequest]] = []
    for request in requests:
        for group in groups:
            if request.module is not None and group[0].module == request.module:
                group.append(request)
                break
        else:
            groups.append([request])
    return groups


def _statement_text(group: list[ImportRequest]) -> str:
    if group[0].module is None:
        return group[0].statement()
    names = ", ".join(f"{r.name} as {r.asname}" if r.asname else r.name for r in group)
    return f"from {group[0].module} import {names}"


def _edit_block(
    source: PatchSource,
    block: list[ast.stmt],
    docstring: ast.stmt | None,
    groups: list[list[ImportRequest]],
    merges: list[tuple[ast.ImportFrom, list[ImportRequest]]],
) -> tuple[Replacement | None, tuple[int, int], int]:
    import libcst as cst  # lazy: 0.28 s (python -X importtime); only fixes need it

    start, _ = source.statement_lines(block[0])
    _, end = source.statement_lines(block[-1])
    leading_blank = docstring is None and start > 0 and _BLANK.fullmatch(source.text[:start]) is not None
    snippet = parse_lines(source, 0 if leading_blank else start, end)
    # libcst statement lines: each kind found here carries ``leading_lines``, which ``BaseStatement`` does not declare
    body: list[Any] = list(snippet.body)
    merge_lines = {target.lineno: names for target, names in merges}
    line_numbers = _line_numbers(block, len(body))
    for position, line in enumerate(body):
        names = merge_lines.get(line_numbers[position])
        if names:
            body[position] = _merge_line(line, names)
    first_position: int | None = None
    for group in groups:
        new_line = cst.parse_statement(_statement_text(group))
        position, takes_leading = _insert_position(body, group[0].key)
        if takes_leading and position < len(body):
            new_line = new_line.with_changes(leading_lines=body[position].leading_lines)
            body[position] = body[position].with_changes(leading_lines=[])
        body.insert(position, new_line)
        first_position = position if first_position is None else min(first_position, position)
    drop_header = leading_blank and first_position == 0
    if drop_header:
        body[0] = body[0].with_changes(leading_lines=[])
    replacement = snippet.replacement(body, drop_header=drop_header)
    first_line = 1 if drop_header else block[0].lineno + (first_position or 0)
    return replacement, (snippet.start, snippet.end), first_line


def _line_numbers(block: list[ast.stmt], count: int) -> list[int]:
    """First line of each libcst statement line of the block (``a; b`` is one line)."""
    lines: list[int] = []
    for stmt in block:
        if not lines or stmt.lineno != lines[-1]:
            lines.append(stmt.lineno)
    return lines[:count] + [0] * (count - len(lines))


def _insert_position(body: list[Any], key: tuple[int, str]) -> tuple[int, bool]:
    """Where a new import with ``key`` goes, and whether it takes over the comments above that line."""
    keys = [_line_key(line) for line in body]
    same = [i for i, k in enumerate(keys) if k is not None and k[0] == key[0]]
    if same:
        before = [i for i in same if keys[i] <= key]  # type: ignore[operator]
        if before:
            return before[-1] + 1, False
        return same[0], True
    earlier = [i for i, k in enumerate(keys) if k is not None and k[0] < key[0]]
    if earlier:
        return earlier[-1] + 1, False
    return 0, True


def _line_key(line: Any) -> tuple[int, str] | None:
    import libcst as cst  # lazy: 0.28 s (python -X importtime); only fixes need it
    from libcst.helpers import get_full_name_for_node

    if not isinstance(line, cst.SimpleStatementLine) or not line.body:
        return None
    stmt = line.body[0]
    if isinstance(stmt, cst.Import):
        name = get_full_name_for_node(stmt.names[0].name) or ""
        return sort_key(name, False)
    if isinstance(stmt, cst.ImportFrom):
        return sort_key(_from_module(stmt), True)
    return None


def _from_module(stmt: Any) -> str:
    """``..pkg.mod`` for a libcst ``from ..pkg.mod import ...``."""
    from libcst.helpers import get_full_name_for_node

    module = get_full_name_for_node(stmt.module) if stmt.module is not None else ""
    return "." * len(stmt.relative) + (module or "")


def _merge_line(line: Any, names: list[ImportRequest]) -> Any:
    """The statement line with ``names`` added to its ``from ... import``."""
    import libcst as cst  # lazy: 0.28 s (python -X importtime); only fixes need it

    if not isinstance(line, cst.SimpleStatementLine):
        return line
    small = list(line.body)
    for position, stmt in enumerate(small):
        if (
            isinstance(stmt, cst.ImportFrom)
            and not isinstance(stmt.names, cst.ImportStar)
            and _from_module(stmt) == names[0].module
        ):
            small[position] = _merge_names(stmt, names)
            return line.with_changes(body=small)
    return line


def _merge_names(stmt: Any, names: list[ImportRequest]) -> Any:
    import libcst as cst  # lazy: 0.28 s (python -X importtime); only fixes need it

    aliases = list(stmt.names)
    opening = stmt.lpar.whitespace_after if stmt.lpar else cst.SimpleWhitespace(" ")
    for request in names:
        alias = cst.ImportAlias(
            name=cst.Name(request.name),
            asname=cst.AsName(name=cst.Name(request.asname)) if request.asname else None,
        )
        current = [_alias_name(a) for a in aliases]
        ordered = current == sorted(current, key=str.lower)
        position = len(aliases)
        if ordered:
            position = sum(1 for name in current if name.lower() <= request.name.lower())
        aliases = insert_element(aliases, position, alias, opening)
    return stmt.with_changes(names=aliases)


def _alias_name(alias: Any) -> str:
    from libcst.helpers import get_full_name_for_node

    return get_full_name_for_node(alias.name) or ""


def _new_block(
    source: PatchSource, docstring: ast.stmt | None, groups: list[list[ImportRequest]]
) -> tuple[Replacement, tuple[int, int], int]:
    """A first import block: after the docstring, else before the first statement."""
    newline = source.newline
    text = "".join(_statement_text(group) + newline for group in sorted(groups, key=lambda g: g[0].key))
    body = source.tree.body
    following: ast.stmt | None = None
    if docstring is not None:
        last = docstring.end_lineno or docstring.lineno
        start = end = source.after_line(last)
        line = last + 1
        following = body[1] if len(body) > 1 else None
    elif body:
        start = end = source.statement_lines(body[0])[0]  # above its decorators, if any
        line = source.lines.position(start)[0]
        following = body[0]
        if start > 0 and _BLANK.fullmatch(source.text[:start]):
            start, line = 0, 1  # the new import takes the place of the blank lines at the top
    else:
        start = end = len(source.text)
        line = source.lines.line_count
    if start == len(source.text) and source.text and not source.text.endswith(("\n", "\r")):
        text = newline + text
        line += 1
    if following is not None and end == source.statement_lines(following)[0] and _needs_gap(following):
        text += newline
    return Replacement(start, end, text), (start, end), line


def _needs_gap(following: ast.stmt) -> bool:
    """A blank line between new imports and the code that follows them (not before more imports)."""
    return not isinstance(following, (ast.Import, ast.ImportFrom))


def plan_add_import(source: PatchSource, import_statement: str) -> PatchPlan:
    """Patch type ``add_import``: symbolic, resolved with the imports of other fixes (``patches.resolve``)."""
    requests = parse_import(import_statement)
    missing = [r for r in requests if not is_imported(source, r)]
    return PatchPlan(
        "add_import",
        (),
        imports=(import_statement.strip(),) if missing else (),
        line=1,
        description=f"add `{import_statement.strip()}`",
    )


class AddImport(PatchType):
    """``add_import``: add a missing import."""

    name = "add_import"
    params = (Param("import_statement", str, help="e.g. from fastapi import HTTPException"),)
    summary = "add a missing import"
    safety_reason = (
        "the name is unbound, so every path reaching it raises `NameError` today; the import binds only that "
        "name. It runs the module's import at load time: safe for the standard library and packages the file "
        "already imports from"
    )
    planner = staticmethod(plan_add_import)
