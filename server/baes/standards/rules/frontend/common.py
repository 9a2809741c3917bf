"""What several frontend rules share."""
from __future__ import annotations

import ast
import re

from baes.standards.index import SourceIndex, dotted_name
from baes.standards.patterns import SEND_METHODS, is_http_client_call

_BASE_URL = re.compile(r"^https?://[^/\s]+/?$")


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

