"""What several frontend rules share."""

from __future__ import annotations

import ast
import ipaddress
import re
from urllib.parse import urlsplit

from baes.standards.index import SourceIndex, dotted_name
from baes.standards.patterns import SEND_METHODS, is_http_client_call

_BASE_URL = re.compile(r"^https?://[^/\s]+/?$")
_LOCAL_HOSTS = frozenset({"localhost", "0.0.0.0", "host.docker.internal"})


def _streamlit_call(call: ast.Call, index: SourceIndex, *names: str) -> bool:
    name = dotted_name(call.func) or ""
    parts = name.split(".")
    if len(parts) < 2 or parts[-1] not in names:
        return False
    return index.imports.get(parts[0], parts[0]).split(".")[0] == "streamlit" or parts[0] == "st"


def _is_send(call: ast.Call, index: SourceIndex, local_senders: set[str]) -> bool:
    if isinstance(call.func, ast.Attribute) and call.func.attr in SEND_METHODS and is_http_client_call(call, index):
        return True
    return isinstance(call.func, ast.Name) and call.func.id in local_senders


def _local_senders(index: SourceIndex) -> set[str]:
    """Functions of this file that send data to the API (so calling them counts as sending)."""

    def compute(ix: SourceIndex) -> set[str]:
        # without local senders a send is an HTTP client's post/put/patch/delete: find those once,
        # then ask which functions hold one themselves (not in a nested function or lambda)
        sends = {id(c) for c in ix.calls_to(*SEND_METHODS) if _is_send(c, ix, set())}
        if not sends:
            return set()
        return {func.name for func in ix.functions if any(id(n) in sends for n in ix.own(func, ast.Call))}

    return index.memo("frontend_senders", compute)


def is_streamlit_page(index: SourceIndex) -> bool:
    """Whether the file is a page Streamlit runs: a statement of the module itself (or under
    ``if __name__ == "__main__":``) calls ``st.*`` or a function of this file that does. A module
    that only defines components, models or helpers is a library: its caller is the page."""

    def compute(ix: SourceIndex) -> bool:
        calls = {func.name: ix.own(func, ast.Call) for func in ix.functions}
        drawing = {
            name
            for name, own in calls.items()
            if any(isinstance(c.func, ast.Attribute) and _streamlit_call(c, ix, c.func.attr) for c in own)
        }
        grown = True
        while grown:  # ``main()`` drawing through ``render()``
            more = {n for n, own in calls.items() if any(_called_name(c) in drawing for c in own)} - drawing
            drawing |= more
            grown = bool(more)
        for stmt in ix.tree.body:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom)):
                continue
            for node in ast.walk(stmt):
                if not isinstance(node, ast.Call):
                    continue
                if isinstance(node.func, ast.Attribute) and _streamlit_call(node, ix, node.func.attr):
                    return True
                if _called_name(node) in drawing:
                    return True
        return False

    return index.memo("streamlit_page", compute)


def is_local_address(url: str) -> bool:
    """An address of the app's own deployment: loopback, a private network, ``0.0.0.0`` or a
    service name without a domain (``http://backend:8000``). These change between development and
    deployment; a public host with a domain (a third-party API, an image to download) does not."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return False
    if host in _LOCAL_HOSTS or (host and "." not in host and ":" not in host):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_private or address.is_unspecified


def _called_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in ("self", "cls"):
        return func.attr
    return ""
