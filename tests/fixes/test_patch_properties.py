"""Property tests over generated and real source: no crash, output parses (or nothing changes),
no change outside the target and the import block, applying twice equals applying once."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import fastapi
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from baes.fixes.patcher import CodePatcher
from baes.fixes.text_edits import LineIndex, minimal_edits

patcher = CodePatcher(measure_tokens=False)
ROOT = Path(__file__).resolve().parents[2]
REAL_FILES = sorted(Path(fastapi.__file__).parent.glob("*.py")) + sorted((ROOT / "examples").glob("*.py"))
REAL_SOURCES = [p.read_text(encoding="utf-8") for p in REAL_FILES if p.stat().st_size < 200_000]
IMPORTS = ["import os", "from fastapi import HTTPException", "from contextlib import contextmanager", "import json as js"]


# --- what a patch may touch ------------------------------------------------------------------
def _import_zone_end(tree: ast.Module) -> int:
    """Last line where imports may be added: the first import block, or just after the docstring."""
    body = tree.body
    end = 0
    position = 0
    if body and isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant):
        end = body[0].end_lineno or 0
        position = 1
    while position < len(body) and isinstance(body[position], (ast.Import, ast.ImportFrom)):
        end = body[position].end_lineno or end
        position += 1
    if position < len(body):
        end = max(end, body[position].lineno - 1 if end == 0 else end)
    merge_targets = [n.end_lineno or n.lineno for n in body if isinstance(n, ast.ImportFrom)]
    return max([end + 1] + [t + 1 for t in merge_targets])


def _check(code: str, patch_type: str, kwargs: dict[str, Any], region: tuple[int, int]) -> None:
    result = patcher.apply_patch(code, patch_type, **kwargs)
    if not result.success:
        assert result.patched_code == code
        assert result.error_message
        return
    new = result.patched_code
    ast.parse(new)
    tree = ast.parse(code)
    zone = _import_zone_end(tree)
    edits = minimal_edits(code, new)
    for edit in edits:
        inside_target = region[0] <= edit.span.start_line and edit.span.end_line <= region[1]
        in_imports = edit.span.end_line <= zone
        assert inside_target or in_imports, (patch_type, kwargs, edit)
    # twice equals once: the same patch, with its line mapped into the patched text
    again_kwargs = dict(kwargs)
    if "line" in again_kwargs:
        again_kwargs["line"] = _map_line(code, new, again_kwargs["line"])
    again = patcher.apply_patch(new, patch_type, **again_kwargs)
    assert again.success, again.error_message
    assert again.patched_code == new


def _map_line(old: str, new: str, line: int) -> int:
    """Where line ``line`` of ``old`` starts in ``new``, moved by the edits before it (an insertion
    at its start goes before it; a line inside a rewritten region goes where the region starts).

    Follows the patch's own edits, so identical functions (which a line diff may pair the other
    way round) cannot be confused.
    """
    index = LineIndex(old)
    offset, shift = index.offset(line, 0), 0
    for edit in minimal_edits(old, new):
        start = index.offset(edit.span.start_line, edit.span.start_col)
        end = index.offset(edit.span.end_line, edit.span.end_col)
        if end <= offset:
            shift += len(edit.new_text) - (end - start)
        elif start < offset:
            offset = start
    return LineIndex(new).position(offset + shift)[0]


def _targets(code: str) -> list[tuple[str, dict[str, Any], tuple[int, int]]]:
    """Every patch worth trying on ``code``, with the lines of its target."""
    tree = ast.parse(code)
    targets: list[tuple[str, dict[str, Any], tuple[int, int]]] = []
    lines = code.splitlines()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            first = min([node.lineno] + [d.lineno for d in node.decorator_list])
            span = (first, node.end_lineno or node.lineno)
            decorator = "asynccontextmanager" if isinstance(node, ast.AsyncFunctionDef) else "contextmanager"
            targets.append(
                ("add_decorator", {"function_name": node.name, "decorator_name": decorator, "line": node.lineno}, span)
            )
            targets.append(("fix_status_code", {"target_function": node.name, "correct_status": 201, "line": node.lineno}, span))
        elif isinstance(node, ast.ExceptHandler):
            targets.append(("replace_bare_except", {"line": node.lineno}, (node.lineno, node.lineno)))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.lineno == node.end_lineno:
            line = lines[node.lineno - 1] if node.lineno <= len(lines) else ""
            col = len(line.encode("utf-8")[: node.col_offset].decode("utf-8", "ignore"))
            span = (node.lineno, node.end_lineno or node.lineno)
            targets.append(
                ("replace_literal_with_env", {"line": node.lineno, "col": col, "env_var": "SOME_VAR", "keep_default": True}, span)
            )
            targets.append(("sql_create_if_not_exists", {"line": node.lineno, "col": col}, span))
        elif isinstance(node, ast.Call) and node.args and isinstance(node.func, ast.Attribute) and node.func.attr == "execute":
            first_arg = node.args[0]
            line = lines[first_arg.lineno - 1]
            col = len(line.encode("utf-8")[: first_arg.col_offset].decode("utf-8", "ignore"))
            targets.append(
                ("parameterize_sql", {"line": first_arg.lineno, "col": col}, (node.lineno, node.end_lineno or node.lineno))
            )
    for statement in IMPORTS:
        targets.append(("add_import", {"import_statement": statement}, (0, 0)))
    return targets


# --- generated source --------------------------------------------------------------------------
HEADERS = ["", '"""Module doc."""\n', "# -*- coding: utf-8 -*-\n# licence\n\n", "\n\n", "from __future__ import annotations\n\n"]
IMPORT_LINES = [
    "import os\n",
    "from fastapi import APIRouter, status\n",
    "from fastapi import (\n    Depends,  # why\n    Body,\n)\n",
    "import sqlite3\n",
]
NAMES = ["get_db", "get_db_pool", "create_item", "delete_item", "helper"]


@st.composite
def functions(draw: Any, indent: str) -> str:
    name = draw(st.sampled_from(NAMES))
    parts = []
    route = draw(
        st.sampled_from(
            [
                "",
                "@router.post('/x')\n",
                "@app.delete(\n    '/x/{id}',\n)\n",
                "@router.get('/x', status_code=200)\n",
                "@router.put('/x', status_code=status.HTTP_200_OK)\n",
            ]
        )
    )
    parts.append(route)
    kind = draw(st.sampled_from(["def", "async def"]))
    parts.append(f"{kind} {name}(conn, item_id):  # {name}\n")
    body = draw(
        st.lists(
            st.sampled_from(
                [
                    "yield conn\n",
                    "x = 'CREATE TABLE t (id INTEGER PRIMARY KEY)'\n",
                    'conn.execute(f"SELECT * FROM items WHERE id = {item_id}")\n',
                    'conn.execute(f"SELECT * FROM {item_id}")\n',
                    "try:\n{i}pass\nexcept:\n{i}raise\n",
                    "return   {{'ok' :  True}}\n",
                    "# a comment\n",
                ]
            ),
            min_size=1,
            max_size=4,
        )
    ) + ["pass\n"]
    lines = []
    for chunk in body:
        chunk = chunk.replace("{i}", indent).replace("{{", "{").replace("}}", "}") if "{i}" in chunk or "{{" in chunk else chunk
        lines += [indent + line if line else line for line in chunk.splitlines()]
    block = "".join(parts) + "\n".join(lines) + "\n"
    if draw(st.booleans()):
        block = "class Repo:\n" + "".join(indent + line + "\n" if line else "\n" for line in block.splitlines())
    return block


@st.composite
def modules(draw: Any) -> str:
    indent = draw(st.sampled_from(["    ", "\t", "  "]))
    code = draw(st.sampled_from(HEADERS))
    code += "".join(draw(st.lists(st.sampled_from(IMPORT_LINES), max_size=3, unique=True)))
    code += draw(st.sampled_from(["", "\n"])) + "\n\n".join(draw(st.lists(functions(indent), min_size=1, max_size=3)))
    code += draw(st.sampled_from(["", "DB = 'sqlite:///app.db'\n", 'SCHEMA = """CREATE TABLE a (id INTEGER)"""\n']))
    if draw(st.booleans()):
        code = code.replace("\n", "\r\n")
    if draw(st.booleans()):
        code = code.rstrip("\r\n")
    return code


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(modules(), st.data())
def test_generated_modules(code: str, data: Any) -> None:
    ast.parse(code)
    patch_type, kwargs, region = data.draw(st.sampled_from(_targets(code)))
    _check(code, patch_type, kwargs, region)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(REAL_SOURCES), st.data())
def test_real_files(code: str, data: Any) -> None:
    patch_type, kwargs, region = data.draw(st.sampled_from(_targets(code)))
    _check(code, patch_type, kwargs, region)


@settings(max_examples=150, deadline=None)
@given(
    st.text(max_size=80),
    st.sampled_from(
        sorted(
            [
                "add_decorator",
                "fix_status_code",
                "add_import",
                "replace_bare_except",
                "replace_literal_with_env",
                "parameterize_sql",
                "sql_create_if_not_exists",
                "nope",
            ]
        )
    ),
    st.dictionaries(
        st.sampled_from(
            [
                "line",
                "col",
                "function_name",
                "decorator_name",
                "import_statement",
                "env_var",
                "target_function",
                "correct_status",
                "keep_default",
                "junk",
            ]
        ),
        st.one_of(st.integers(-3, 30), st.text(max_size=12), st.booleans(), st.none()),
        max_size=4,
    ),
)
def test_garbage_never_raises(code: str, patch_type: str, kwargs: dict[str, Any]) -> None:
    result = patcher.apply_patch(code, patch_type, **kwargs)
    if result.success:
        ast.parse(result.patched_code)
    else:
        assert result.patched_code == code and result.error_message
