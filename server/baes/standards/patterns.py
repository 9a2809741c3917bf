"""Recognisers for the code shapes several rules share: routes, status codes, generators,
pytest fixtures, HTTP client calls, literal addresses. One definition each, used by every rule.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from http import HTTPStatus

from baes.standards.index import (
    SourceIndex,
    call_name,
    dotted_name,
    keyword,
)

HTTP_METHODS = frozenset({"get", "post", "put", "patch", "delete", "head", "options"})
_NOT_ROUTERS = frozenset({"mock", "patch", "unittest", "requests", "httpx", "client", "session", "self", "os"})
_STATUS_CONSTANT = re.compile(r"HTTP_(\d{3})(?:_|$)")
URL_PREFIX = re.compile(r"^(https?|wss?)://", re.IGNORECASE)


@dataclass(frozen=True)
class Route:
    """A FastAPI path operation: ``@router.post("/x", ...)`` on a function."""

    function: ast.FunctionDef | ast.AsyncFunctionDef
    decorator: ast.Call
    method: str
    path: str

    @property
    def status_code_node(self) -> ast.expr | None:
        return keyword(self.decorator, "status_code")

    @property
    def status_code(self) -> int | None:
        node = self.status_code_node
        return status_value(node) if node is not None else None

    @property
    def has_path_parameter(self) -> bool:
        return "{" in self.path


def status_value(node: ast.expr) -> int | None:
    """``201``, ``status.HTTP_201_CREATED``, ``HTTPStatus.CREATED`` -> 201; None when unknown."""
    if isinstance(node, ast.Constant) and isinstance(node.value, int) and not isinstance(node.value, bool):
        return node.value
    if isinstance(node, ast.Attribute):
        m = _STATUS_CONSTANT.match(node.attr)
        if m:
            return int(m.group(1))
        if dotted_name(node.value) in ("HTTPStatus", "http.HTTPStatus"):
            try:
                return int(HTTPStatus[node.attr])
            except KeyError:
                return None
    return None


def route_of(func: ast.FunctionDef | ast.AsyncFunctionDef) -> Route | None:
    """The route decorator of ``func`` when it is a path operation."""
    for deco in func.decorator_list:
        if not (isinstance(deco, ast.Call) and isinstance(deco.func, ast.Attribute)):
            continue
        method = deco.func.attr
        if method not in HTTP_METHODS:
            continue
        owner = dotted_name(deco.func.value)
        if owner is None or owner.split(".")[-1].lower() in _NOT_ROUTERS:
            continue
        path_node = deco.args[0] if deco.args else keyword(deco, "path")
        if not (isinstance(path_node, ast.Constant) and isinstance(path_node.value, str)):
            continue
        path = path_node.value
        if path and not path.startswith("/"):
            continue
        return Route(func, deco, method, path)
    return None


def routes(index: SourceIndex) -> list[Route]:
    """Every path operation of the file (computed once per index)."""
    return index.memo("routes", lambda ix: [r for r in (route_of(f) for f in ix.functions) if r is not None])


def own_nodes(func: ast.AST) -> Iterator[ast.AST]:
    """Nodes of a function body, not descending into nested functions, lambdas or classes.

    The reference definition; rules use ``SourceIndex.own`` (the same nodes, grouped by type and
    walked once per function and index) so that several rules asking about one function, or one
    rule asking about many, do not walk it again.
    """
    stack = list(ast.iter_child_nodes(func))
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        stack.extend(ast.iter_child_nodes(node))


def is_generator(index: SourceIndex, func: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    own = index.own_types(func)
    return ast.Yield in own or ast.YieldFrom in own


def decorator_names(func: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> set[str]:
    """Last components of decorator names: ``contextlib.contextmanager`` -> ``contextmanager``."""
    names = set()
    for deco in func.decorator_list:
        target = deco.func if isinstance(deco, ast.Call) else deco
        name = dotted_name(target)
        if name:
            names.add(name.split(".")[-1])
    return names


_FIXTURE_DECORATORS = frozenset({"fixture", "yield_fixture"})


def is_fixture(func: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Decorated with ``@pytest.fixture`` (called or not, under any module alias)."""
    return not decorator_names(func).isdisjoint(_FIXTURE_DECORATORS)


def is_test_function(func: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return func.name.startswith("test")


_HTTP_CLIENT_MODULES = frozenset({"requests", "httpx", "aiohttp", "urllib", "urllib3"})
SEND_METHODS = frozenset({"post", "put", "patch", "delete"})
# the attribute names an HTTP client call can have: callers test this cheap set before the rest
CLIENT_ATTRS = HTTP_METHODS | {"request", "stream", "urlopen"}


def is_http_client_call(call: ast.Call, index: SourceIndex) -> bool:
    """``requests.post(...)``, ``httpx.get(...)``, ``client.put(...)`` on an HTTP client object."""
    func = call.func
    if not isinstance(func, ast.Attribute):
        return False
    if func.attr not in CLIENT_ATTRS:
        return False
    owner = dotted_name(func.value)
    if owner is None:
        return isinstance(func.value, ast.Call) and call_name(func.value) in ("Client", "AsyncClient", "Session")
    root = owner.split(".")[0]
    target = index.imports.get(root, root).split(".")[0]
    if target in _HTTP_CLIENT_MODULES:
        return True
    last = owner.split(".")[-1].lower()
    return last in ("client", "session", "http", "api", "http_client", "api_client")


def literal_url(node: ast.expr) -> bool:
    """A string literal (or an f-string starting with one) holding an absolute URL."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(URL_PREFIX.match(node.value))
    if isinstance(node, ast.JoinedStr) and node.values:
        head = node.values[0]
        return isinstance(head, ast.Constant) and isinstance(head.value, str) and bool(URL_PREFIX.match(head.value))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return literal_url(node.left)
    return False


def is_upper_constant_name(name: str) -> bool:
    return name.isupper() or (name.upper() == name and any(c.isalpha() for c in name))


def functions_named(index: SourceIndex, name: str) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    """Every ``def name`` of the file (any scope): a call by name may reach any of them."""
    return index.memo("functions_by_name", _functions_by_name).get(name, [])


def _functions_by_name(index: SourceIndex) -> dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]]:
    by_name: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]] = {}
    for func in index.functions:
        by_name.setdefault(func.name, []).append(func)
    return by_name


def name_load_counts(index: SourceIndex) -> Counter[str]:
    """How often each bare name appears as an ``ast.Name`` (one count over the file, shared by rules)."""
    return index.memo("name_counts", lambda ix: Counter(n.id for n in ix.nodes(ast.Name)))


def body_raises(index: SourceIndex, func: ast.AST) -> bool:
    """Whether ``func`` itself (not a nested function) has a ``raise`` statement."""
    return bool(index.own_statements(func, ast.Raise))
