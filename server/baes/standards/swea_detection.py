"""Which SWEA type a file is: a ``# baes: swea=...`` comment, then ``settings.swea_overrides``,
then its imports, then its path. ``None`` means no SWEA kind (only structure rules apply).
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

from baes.settings.config import Settings
from baes.standards.selection import path_matches, relative_path
from baes.swea import SWEAType

if TYPE_CHECKING:
    from baes.standards.index import SourceIndex

_DIRECTIVE = re.compile(r"^[ \t]*#[ \t]*baes:[ \t]*swea[ \t]*=[ \t]*([A-Za-z]+)", re.MULTILINE)
_IMPORT_LINE = re.compile(r"^[ \t]*(?:from[ \t]+([\w.]+)[ \t]+import|import[ \t]+([\w.]+))", re.MULTILINE)

_TEST_MODULES = frozenset({"pytest", "unittest", "hypothesis"})
_FRONTEND_MODULES = frozenset({"streamlit"})
_BACKEND_MODULES = frozenset({"fastapi", "starlette", "pydantic"})
_DATABASE_MODULES = frozenset({"sqlite3", "sqlalchemy", "sqlmodel", "aiosqlite", "psycopg", "psycopg2", "asyncpg"})
_PATH_HINTS: tuple[tuple[SWEAType, tuple[str, ...]], ...] = (
    (SWEAType.FRONTEND, ("pages", "ui", "frontend", "streamlit_app")),
    (SWEAType.BACKEND, ("routers", "routes", "api", "endpoints", "backend")),
    (SWEAType.DATABASE, ("database", "db", "schema", "schemas", "migrations", "ddl")),
)


def directive(source: str, index: SourceIndex | None = None) -> tuple[bool, SWEAType | None]:
    """``(found, type)`` from a ``# baes: swea=backend`` comment (``swea=none`` opts out)."""
    for match in _DIRECTIVE.finditer(source):
        line = source.count("\n", 0, match.start()) + 1
        if index is not None and _inside_string(index, line):
            continue
        found = _named_swea(match.group(1))
        if found[0]:
            return found
    return False, None


def _named_swea(text: str) -> tuple[bool, SWEAType | None]:
    """What a directive or an override names: ``(True, type)``, ``(True, None)`` for an opt-out
    (``none``, ``off``, ``other``), ``(False, None)`` for an unknown word (the next one is tried)."""
    value = text.strip().lower()
    if value in ("none", "off", "other"):
        return True, None
    try:
        return True, SWEAType.parse(value)
    except ValueError:
        return False, None


def _inside_string(index: SourceIndex, line: int) -> bool:
    return any(a < line <= b for a, _, b, _ in index.string_spans if b > a)


def _override(settings: Settings, path: str | os.PathLike[str] | None) -> tuple[bool, SWEAType | None]:
    if not settings.swea_overrides or path is None:
        return False, None

    relative = relative_path(path, settings.root) or ""
    for pattern, value in settings.swea_overrides.items():
        if path_matches(pattern, relative):
            found = _named_swea(str(value))
            if found[0]:
                return found
    return False, None


def _modules(source: str, index: SourceIndex | None) -> frozenset[str]:
    if index is not None:
        return index.imported_modules
    found = set()
    for match in _IMPORT_LINE.finditer(source):
        name = match.group(1) or match.group(2)
        found.add(name.split(".")[0])
    return frozenset(found)


_STREAMLIT_UI = frozenset(
    {
        "write",
        "title",
        "header",
        "subheader",
        "markdown",
        "button",
        "form",
        "form_submit_button",
        "text_input",
        "number_input",
        "selectbox",
        "columns",
        "sidebar",
        "session_state",
        "success",
        "error",
        "warning",
        "info",
        "dataframe",
        "table",
        "tabs",
        "expander",
        "cache_data",
        "set_page_config",
    }
)
_STREAMLIT_IMPORT = re.compile(r"^[ \t]*import[ \t]+streamlit\b", re.MULTILINE)
_STREAMLIT_FROM = re.compile(r"^[ \t]*from[ \t]+streamlit[ \t]+import[ \t]+\(?([\w ,\t]+)", re.MULTILINE)


def _uses_streamlit_ui(source: str, index: SourceIndex | None) -> bool:
    """A Streamlit page imports ``streamlit`` itself or its widgets, not its internals
    (``from streamlit import config`` in Streamlit's own package is no page)."""
    if index is not None:
        import ast

        if any(a.name == "streamlit" for node in index.nodes(ast.Import) for a in node.names):
            return True
        return any(
            node.module == "streamlit" and any(a.name in _STREAMLIT_UI for a in node.names)
            for node in index.nodes(ast.ImportFrom)
        )
    if _STREAMLIT_IMPORT.search(source):
        return True
    return any(name.strip() in _STREAMLIT_UI for m in _STREAMLIT_FROM.finditer(source) for name in m.group(1).split(","))


def is_test_path(path: str | os.PathLike[str] | None) -> bool:
    if path is None:
        return False
    parts = _parts(path)
    name = parts[-1] if parts else ""
    if name == "conftest.py" or name.startswith("test_") or name.endswith("_test.py"):
        return True
    return any(part in ("tests", "test") for part in parts[:-1])


def _parts(path: str | os.PathLike[str]) -> list[str]:
    return [p for p in os.fspath(path).replace("\\", "/").split("/") if p]


def detect_swea(
    source: str,
    path: str | os.PathLike[str] | None = None,
    settings: Settings | None = None,
    index: SourceIndex | None = None,
) -> SWEAType | None:
    """The SWEA type of one file, or None when it is none of the four kinds."""
    found, kind = directive(source, index) if "baes:" in source else (False, None)
    if found:
        return kind
    found, kind = _override(settings or Settings(), path)
    if found:
        return kind
    modules = _modules(source, index)
    if is_test_path(path) and (modules & (_TEST_MODULES | _BACKEND_MODULES) or "def test" in source):
        return SWEAType.TEST
    if modules & _TEST_MODULES and "def test" in source:
        return SWEAType.TEST
    if modules & _FRONTEND_MODULES and _uses_streamlit_ui(source, index):
        return SWEAType.FRONTEND
    if modules & _BACKEND_MODULES:
        return SWEAType.BACKEND
    if modules & _DATABASE_MODULES:
        return SWEAType.DATABASE
    if path is not None:
        parts = [p.lower().rsplit(".", 1)[0] for p in _parts(path)]
        for swea, hints in _PATH_HINTS:
            if any(part in hints for part in parts):
                return swea
    return None
