"""The package's shape: no import cycle, the core free of editor and terminal libraries, small modules."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from import_graph import PACKAGE_DIR, all_modules, cycles, import_sites  # noqa: E402

# Subsystems that make up the core: they never import the faces (lsp, cli) nor their libraries.
CORE = ("standards", "fixes", "recognition", "generation", "scaffold", "metrics", "settings", "files")
FACE_LIBRARIES = ("pygls", "lsprotocol", "argparse")
MAX_MODULE_LINES = 420


def test_the_cycle_finder_sees_a_cycle() -> None:
    from import_graph import ImportSite

    edges = [("a", "b"), ("b", "c"), ("c", "a"), ("d", "a")]
    assert cycles([ImportSite(x, y, 1, False) for x, y in edges]) == [["a", "b", "c"]]


def test_no_import_cycle_in_the_package() -> None:
    found = cycles(import_sites())
    assert found == [], "import cycles: " + "; ".join(" -> ".join(c) for c in found)


def test_core_never_imports_the_faces() -> None:
    offending = [
        f"{site.importer}:{site.line} imports {site.imported}"
        for site in import_sites()
        if _subsystem(site.importer) in CORE and _subsystem(site.imported) in ("lsp", "cli")
    ]
    assert offending == []


def _subsystem(module: str) -> str:
    """``baes.standards.engine`` -> ``standards``; top-level modules have none."""
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and (PACKAGE_DIR / parts[1]).is_dir()) else ""


@pytest.mark.parametrize("module", sorted(m for m in all_modules() if _subsystem(m) in CORE))
def test_core_modules_use_no_editor_or_terminal_library(module: str) -> None:
    import ast

    tree = ast.parse(all_modules()[module].read_text(encoding="utf-8"))
    used = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    used |= {node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    assert not used & set(FACE_LIBRARIES)


def test_no_module_is_over_the_size_limit() -> None:
    sizes = {m: len(p.read_text(encoding="utf-8").splitlines()) for m, p in all_modules().items()}
    over = {m: n for m, n in sizes.items() if n > MAX_MODULE_LINES}
    assert over == {}, f"modules over {MAX_MODULE_LINES} lines: {over}"


def test_the_package_folder_is_where_the_graph_looks() -> None:
    assert (PACKAGE_DIR / "__init__.py").is_file()
