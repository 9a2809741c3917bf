"""The layering of ``baes.lsp``, read from the source with ``ast`` (nothing is imported).

Every import counts wherever it sits (module level, in a function, under ``TYPE_CHECKING``).
Features take the ``Session`` and never the server; only ``server.py`` knows every feature;
the package has no import cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import baes.lsp

LSP_DIR = Path(baes.lsp.__file__).resolve().parent
SERVER = "baes.lsp.server"


def _module_name(path: Path) -> str:
    parts = path.relative_to(LSP_DIR.parent.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _graph() -> dict[str, set[str]]:
    """``baes.lsp`` module → the ``baes.lsp`` modules it imports (``from pkg import mod`` counts as ``mod``)."""
    modules = {_module_name(path): path for path in LSP_DIR.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                targets = [f"{node.module}.{alias.name}" for alias in node.names] + [node.module]
            else:
                continue
            for target in targets:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name and target != "baes.lsp" and not name.startswith(f"{target}."):
                    graph[name].add(target)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_sees_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]


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
