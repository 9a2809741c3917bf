"""ST005 `http-call-without-timeout`: Flags `requests` and `urllib` calls that can wait forever for a server."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from baes.fixes.patches import AddTimeout
from baes.fixes.patches.timeouts import DEFAULT_TIMEOUT_SECONDS
from baes.standards.findings import Severity
from baes.standards.index import SourceIndex, dotted_name
from baes.standards.options import RuleOptions
from baes.standards.rule import Example, RuleContext, Violation
from baes.standards.rules.families import STRUCTURE

# what sends a request in ``requests`` (module functions and Session methods): none has a default timeout
_REQUESTS_METHODS = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "request"})
_REQUESTS_SESSIONS = frozenset({"requests.Session", "requests.session", "requests.sessions.Session"})
# ``urlopen(url, data=None, timeout=...)``: the third positional argument is the timeout
_URLOPEN = frozenset({"urllib.request.urlopen", "urllib2.urlopen"})


def _qualified(name: str | None, index: SourceIndex) -> str:
    """``req.get`` -> ``requests.get`` and ``get`` -> ``requests.get`` through the file's imports."""
    if not name:
        return ""
    head, _, rest = name.partition(".")
    bound = index.imports.get(head)
    if bound is None:
        return name
    return f"{bound}.{rest}" if rest else bound


def _session_names(index: SourceIndex) -> frozenset[str]:
    """Names bound to a ``requests.Session()`` (``s = ...``, ``self.http = ...``, ``with ... as s``)."""
    names: set[str] = set()
    for assign in index.nodes(ast.Assign):
        if isinstance(assign.value, ast.Call) and _qualified(dotted_name(assign.value.func), index) in _REQUESTS_SESSIONS:
            names.update(n for n in (dotted_name(t) for t in assign.targets) if n)
    for item in index.nodes(ast.withitem):
        expr, target = item.context_expr, item.optional_vars
        if isinstance(expr, ast.Call) and target is not None and _qualified(dotted_name(expr.func), index) in _REQUESTS_SESSIONS:
            name = dotted_name(target)
            if name:
                names.add(name)
    return frozenset(names)


def _waits_forever(call: ast.Call, index: SourceIndex, sessions: frozenset[str]) -> bool:
    func = call.func
    attr = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
    if attr is None:
        return False
    qualified = _qualified(dotted_name(func), index)
    if attr == "urlopen" or qualified in _URLOPEN:
        return qualified in _URLOPEN and len(call.args) < 3
    if attr not in _REQUESTS_METHODS:
        return False
    if qualified in (f"requests.{attr}", f"requests.api.{attr}"):
        return True
    if isinstance(func, ast.Attribute):
        owner = func.value
        if isinstance(owner, ast.Call):  # requests.Session().get(...)
            return _qualified(dotted_name(owner.func), index) in _REQUESTS_SESSIONS
        return dotted_name(owner) in sessions
    return False


def _check(ctx: RuleContext[RuleOptions]) -> Iterator[Violation]:
    index = ctx.index
    if not {"requests", "urllib", "urllib2"} & index.imported_modules:
        return  # nothing that waits forever is imported: no call can be one (the common case, cheaply)
    candidates = index.calls_to(*_REQUESTS_METHODS, "urlopen")
    if not candidates:
        return
    sessions = _session_names(index) if "requests" in index.imported_modules else frozenset()
    for call in candidates:
        # an explicit ``timeout=`` (``None`` included: a decision) or ``**kwargs`` that may carry one
        if any(k.arg in ("timeout", None) for k in call.keywords):
            continue
        if _waits_forever(call, index, sessions):
            func = call.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            fix = AddTimeout.spec({**ctx.position(call), "name": name}, f"pass timeout={DEFAULT_TIMEOUT_SECONDS}")
            yield Violation.at(call, fix=fix, call=dotted_name(func) or name)


RULE = STRUCTURE.rule(
    id="ST005",
    name="http-call-without-timeout",
    summary="Flags `requests` and `urllib` calls that can wait forever for a server.",
    severity=Severity.WARNING,
    confidence=0.9,
    critical=False,
    message="`{call}(...)` has no timeout: if the server never answers, this waits forever",
    why=(
        "`requests` and `urllib.request.urlopen` have no default timeout: a server that accepts the connection "
        "and never answers hangs the page, the worker or the script for good."
    ),
    how_to_fix=f"Pass `timeout=` in seconds (e.g. `requests.get(url, timeout={DEFAULT_TIMEOUT_SECONDS})`), or a "
    "`(connect, read)` pair.",
    check=_check,
    patch=AddTimeout,
    notes=(
        "Scope: every Python file (a Streamlit page, an API client, a script). Reported: `requests.get/post/put/"
        "patch/delete/head/options/request(...)` (however `requests` or its functions are imported), the same "
        "methods on a `requests.Session()` bound in the file, and `urlopen(...)` without its timeout. Not "
        "reported: `httpx`, whose calls time out after 5 seconds by default; an explicit `timeout=` (even "
        "`None`, a decision); calls passing `**kwargs`. The fix adds `timeout="
        f"{DEFAULT_TIMEOUT_SECONDS}` and is unsafe: a server slower than that now makes the call fail."
    ),
    valid_examples=(
        Example(
            """
            import requests


            def load(url: str) -> dict:
                return requests.get(url, timeout=10).json()
            """,
        ),
        # httpx has a default timeout (5 s); an explicit None is a decision
        Example(
            """
            import httpx
            import requests


            def load(url: str) -> dict:
                return httpx.get(url).json()


            def stream(url: str):
                return requests.get(url, stream=True, timeout=None)
            """,
        ),
        # a request to a test client or a mock is no network call
        Example(
            """
            def test_read(client) -> None:
                assert client.get('/items').status_code == 200
            """,
        ),
    ),
    invalid_examples=(
        Example(
            """
            import requests
            import streamlit as st

            API = st.secrets.get('api', 'http://localhost:8000')
            items = requests.get(f'{API}/items').json()
            st.write(items)
            """,
            fixed="""
            import requests
            import streamlit as st

            API = st.secrets.get('api', 'http://localhost:8000')
            items = requests.get(f'{API}/items', timeout=30).json()
            st.write(items)
            """,
        ),
        Example(
            """
            from requests import Session


            class Client:
                def __init__(self, base: str) -> None:
                    self.base = base
                    self.http = Session()

                def create(self, payload: dict) -> dict:
                    response = self.http.post(
                        f'{self.base}/items',
                        json=payload,
                    )
                    return response.json()
            """,
            fixed="""
            from requests import Session


            class Client:
                def __init__(self, base: str) -> None:
                    self.base = base
                    self.http = Session()

                def create(self, payload: dict) -> dict:
                    response = self.http.post(
                        f'{self.base}/items',
                        json=payload,
                        timeout=30,
                    )
                    return response.json()
            """,
        ),
        Example(
            """
            from urllib.request import urlopen


            def fetch(url: str) -> bytes:
                with urlopen(url) as response:
                    return response.read()
            """,
            fixed="""
            from urllib.request import urlopen


            def fetch(url: str) -> bytes:
                with urlopen(url, timeout=30) as response:
                    return response.read()
            """,
        ),
    ),
)
