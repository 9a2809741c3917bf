"""Protocol fuzzing (issue 15 suite): random requests and notifications, wrong types and shapes,
sent to one real server; every request is answered (result or error) and the server lives on."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from tests.protocol.raw_server import RawServer, frame, notification, request

pytestmark = pytest.mark.slow

METHODS = [
    "textDocument/hover",
    "textDocument/codeAction",
    "textDocument/diagnostic",
    "textDocument/codeLens",
    "codeAction/resolve",
    "workspace/diagnostic",
    "workspace/executeCommand",
    "textDocument/didOpen",
    "textDocument/didChange",
    "textDocument/didClose",
    "textDocument/didSave",
    "workspace/didChangeConfiguration",
    "workspace/didChangeWatchedFiles",
    "workspace/didChangeWorkspaceFolders",
    "$/cancelRequest",
    "$/setTrace",
    "textDocument/completion",
    "baes/unknown",
    "",
]
COMMANDS = [
    "baes.applyFix",
    "baes.fixAll",
    "baes.scaffoldEntity",
    "baes.listTemplates",
    "baes.cacheStats",
    "baes.showMetrics",
    "baes.printDebugInformation",
    "baes.nope",
]


def _value(rng: random.Random, depth: int = 0) -> Any:
    kinds = ["int", "str", "none", "bool", "float", "uri", "position"]
    if depth < 3:
        kinds += ["list", "dict", "dict"]
    kind = rng.choice(kinds)
    if kind == "int":
        return rng.choice([0, -1, 1, 2**31, -(2**63), 10**20])
    if kind == "str":
        return rng.choice(["", "x", "file:///dev/zero", "untitled:1", "\ud83d\ude00", "a" * 1000, "../../etc/passwd"])
    if kind == "float":
        return rng.choice([0.5, -1e300, 1e308])
    if kind == "bool":
        return rng.random() < 0.5
    if kind == "none":
        return None
    if kind == "uri":
        return {"uri": rng.choice(["file:///tmp/x.py", "file:///dev/zero", "untitled:a", "http://x", 5])}
    if kind == "position":
        return {"line": rng.choice([0, -1, 10**9]), "character": rng.choice([0, -5, 10**9])}
    if kind == "list":
        return [_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    keys = [
        "textDocument",
        "position",
        "range",
        "context",
        "command",
        "arguments",
        "settings",
        "changes",
        "contentChanges",
        "text",
        "version",
        "id",
        "diagnostics",
        "items",
        "event",
        "uri",
    ]
    return {rng.choice(keys): _value(rng, depth + 1) for _ in range(rng.randrange(5))}


def _params(rng: random.Random, method: str) -> Any:
    if method == "workspace/executeCommand" and rng.random() < 0.7:
        return {"command": rng.choice(COMMANDS), "arguments": [_value(rng)] if rng.random() < 0.7 else []}
    return _value(rng)


def test_random_messages_are_answered_and_never_stop_the_server(tmp_path: Path) -> None:
    rng = random.Random(20261205)
    server = RawServer(tmp_path)
    try:
        server.start()
        pending: list[int] = []
        for index in range(300):
            method = rng.choice(METHODS)
            if rng.random() < 0.6:
                msg_id = 1000 + index
                server.send(frame(request(msg_id, method, _params(rng, method))))
                pending.append(msg_id)
            else:
                server.send(frame(notification(method, _params(rng, method))))
        for msg_id in pending:
            answer = server.answer(msg_id, timeout=60)
            assert "result" in answer or "error" in answer
        server.send(frame(request(5000, "workspace/executeCommand", {"command": "baes.listTemplates"})))
        assert "result" in server.answer(5000, timeout=60)
        assert server.proc.poll() is None
    finally:
        server.close()
