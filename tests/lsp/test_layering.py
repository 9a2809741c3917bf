"""The layering of ``baes.lsp``, read from the source with ``ast`` (nothing is imported).

Every import counts wherever it sits (module level, in a function, under ``TYPE_CHECKING``).
Features take the ``Session`` and never the server; only ``server.py`` knows every feature;
the package has no import cycle.
"""

from __future__ import annotations

from pathlib import Path

from tests.architecture.import_graph import ImportSite, all_modules, cycles, import_sites

import baes.lsp

LSP_DIR = Path(baes.lsp.__file__).resolve().parent
SERVER = "baes.lsp.server"


def _graph() -> dict[str, set[str]]:
    """``baes.lsp`` module → the ``baes.lsp`` modules it imports (one import reader for the whole package)."""
    modules = {name for name in all_modules() if name.startswith("baes.lsp.")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for site in import_sites():
        if site.importer in modules and site.imported in modules and not site.importer.startswith(f"{site.imported}."):
            graph[site.importer].add(site.imported)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    return cycles([ImportSite(importer, imported, 0, False) for importer, targets in graph.items() for imported in targets])


def test_the_language_server_has_no_import_cycle() -> None:
    assert _cycles(_graph()) == []


def test_only_the_server_module_imports_the_server() -> None:
    graph = _graph()
    assert SERVER in graph
    assert sorted(name for name, imported in graph.items() if SERVER in imported) == []


def test_features_reach_the_editor_through_the_session_only() -> None:
    graph = _graph()
    features = sorted(name for name in graph if name.startswith("baes.lsp.features."))
    assert len(features) >= 8
    for name in features:
        source = (LSP_DIR.parent.parent / (name.replace(".", "/") + ".py")).read_text(encoding="utf-8")
        assert "pygls.lsp.server" not in source and "LanguageServer" not in source, name
    assert not graph["baes.lsp.session"] & set(features)  # the state never calls into a feature
    assert set(features) - {"baes.lsp.features"} <= {  # every feature is wired, or used by one that is
        name for name in features if name in graph[SERVER] or any(name in graph[other] for other in features)
    }
