"""What several testing rules share."""

from __future__ import annotations

import ast
import re
from bisect import bisect_right
from dataclasses import dataclass

from baes.standards.index import SourceIndex, dotted_name, keyword
from baes.standards.patterns import (
    HTTP_METHODS,
    is_fixture,
    is_test_function,
    routes,
)

_CLIENT_NAMES = frozenset({"client", "test_client", "api_client", "ac", "async_client"})


_ASSERTING_CALL = re.compile(r"(assert|check|verify|expect|raises|warns|validate|fail|snapshot|compare|match)", re.IGNORECASE)


def client_calls(index: SourceIndex) -> list[ast.Call]:
    """``client.get(...)``-style requests to the application under test (cached per index)."""
    return index.memo("client_calls", _find_client_calls)


def _find_client_calls(index: SourceIndex) -> list[ast.Call]:
    calls = []
    for call in index.calls_to(*HTTP_METHODS):
        func = call.func
        if isinstance(func, ast.Attribute):
            owner = dotted_name(func.value) or ""
            if owner.split(".")[-1] in _CLIENT_NAMES:
                calls.append(call)
    calls.sort(key=lambda c: (c.lineno, c.col_offset))
    return calls


def _assert_ranges(index: SourceIndex) -> tuple[list[int], list[int]]:
    """Start and end lines of every ``assert`` (they never nest), sorted by start (once per index:
    TE001 and TE004 ask several times)."""

    def compute(ix: SourceIndex) -> tuple[list[int], list[int]]:
        ranges = sorted((a.lineno, a.end_lineno or a.lineno) for a in ix.nodes(ast.Assert))
        return [a for a, _ in ranges], [b for _, b in ranges]

    return index.memo("assert_ranges", compute)


def _in_an_assert(index: SourceIndex, nodes: list[ast.AST]) -> bool:
    starts, ends = _assert_ranges(index)
    for node in nodes:
        line = getattr(node, "lineno", 0)
        i = bisect_right(starts, line) - 1
        if i >= 0 and ends[i] >= line:
            return True
    return False


# path segments of endpoints that authenticate rather than manage a resource
_AUTH_SEGMENTS = frozenset(
    {
        "login",
        "logout",
        "token",
        "tokens",
        "auth",
        "oauth",
        "oauth2",
        "signin",
        "sign-in",
        "signup",
        "sign-up",
        "register",
        "refresh",
        "session",
        "sessions",
        "password",
        "verify",
        "me",
        "jwt",
    }
)
_ID_SEGMENT = re.compile(r"^(\{\}|\d+|[0-9a-f]{8}-[0-9a-f-]{27,})$", re.IGNORECASE)
_BODY_KEYWORDS = frozenset({"json", "data", "content", "files"})


@dataclass(frozen=True)
class ApiCall:
    """One request of a test to the application, read from its call."""

    call: ast.Call
    verb: str
    path: str | None  # the path with each spliced value as ``{}``; None when not written out
    setup: bool  # made by a fixture or a helper function, not by a test itself

    @property
    def segments(self) -> list[str]:
        """Path segments, without a spliced base URL in front (``f"{BASE}/students"``)."""
        path = (self.path or "").split("?")[0]
        if path.startswith("{}"):
            path = path[2:]
        return [s for s in path.split("/") if s]

    @property
    def auth(self) -> bool:
        """A request to an authentication endpoint (``/login``, ``/auth/token``)."""
        return any(s.lower() in _AUTH_SEGMENTS for s in self.segments)

    @property
    def item(self) -> bool:
        """A request to one resource by id (``/students/{id}``, ``/students/3``), or to a path not written out."""
        return self.path is None or any(_ID_SEGMENT.match(s) for s in self.segments)

    @property
    def sends_body(self) -> bool:
        return any(k.arg in _BODY_KEYWORDS for k in self.call.keywords)

    @property
    def resource(self) -> str | None:
        """The collection the request is about (ids dropped at the end), None when unknown."""
        if self.path is None:
            return None
        parts = ["{}" if _ID_SEGMENT.match(s) else s for s in self.segments]
        while parts and parts[-1] == "{}":
            parts.pop()
        return "/" + "/".join(parts)

    @property
    def parent(self) -> str | None:
        """The collection holding the one resource the path names (its last segment dropped)."""
        if self.path is None or not self.segments:
            return None
        return "/" + "/".join(self.segments[:-1])


def api_calls(index: SourceIndex) -> list[ApiCall]:
    """The client calls of the file as requests (cached per index)."""

    def compute(ix: SourceIndex) -> list[ApiCall]:
        out = []
        for call in client_calls(ix):
            assert isinstance(call.func, ast.Attribute)  # client_calls are all attribute calls
            func = ix.enclosing_function(call)
            setup = func is not None and (is_fixture(func) or not is_test_function(func))
            out.append(ApiCall(call, call.func.attr, _path(call), setup))
        return out

    return index.memo("api_calls", compute)


def _path(call: ast.Call) -> str | None:
    first = call.args[0] if call.args else keyword(call, "url")
    if isinstance(first, ast.Constant) and isinstance(first.value, str):
        return first.value
    if isinstance(first, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) and isinstance(v.value, str) else "{}" for v in first.values)
    return None


_PATH_PARAMETER = re.compile(r"^\{[^}]*\}$")


def route_verbs(index: SourceIndex) -> dict[str, set[str]] | None:
    """The verbs of the routes the test file defines itself, by resource (the path with its
    trailing parameters dropped, as ``ApiCall.resource``); None when it defines none (the app is
    imported, its routes unknown)."""
    found = routes(index)
    if not found:
        return None
    verbs: dict[str, set[str]] = {}
    for route in found:
        parts = ["{}" if _PATH_PARAMETER.match(s) else s for s in route.path.split("/") if s]
        while parts and parts[-1] == "{}":
            parts.pop()
        verbs.setdefault("/" + "/".join(parts), set()).add(route.method)
    return verbs
