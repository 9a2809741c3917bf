"""The base protocol under abuse (issue 15 case 9): bad framing, huge headers, lifecycle order."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.protocol.raw_server import RawServer, frame, notification, request

pytestmark = pytest.mark.slow


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RawServer]:
    raw = RawServer(tmp_path)
    yield raw
    raw.close()


def test_a_content_length_too_long_does_not_desync_the_stream(server: RawServer) -> None:
    server.start()
    body = json.dumps(request(2, "workspace/executeCommand", {"command": "baes.listTemplates"})).encode()
    wrong = b"Content-Length: %d\r\n\r\n" % (len(body) + 40) + body
    server.send(wrong + frame(request(3, "workspace/executeCommand", {"command": "baes.listTemplates"})))
    assert "result" in server.answer(3)


def test_a_content_length_too_short_does_not_desync_the_stream(server: RawServer) -> None:
    server.start()
    body = b'{"jsonrpc": "2.0", "id": 2, "method": "workspace/executeCommand", "params": {"command": "x"}}'
    server.send(b"Content-Length: %d\r\n\r\n" % (len(body) - 10) + body)
    server.send(frame(request(3, "workspace/executeCommand", {"command": "baes.listTemplates"})))
    assert "result" in server.answer(3)


def test_a_3_mb_header_line_is_skipped_and_the_server_keeps_serving(server: RawServer) -> None:
    server.start()
    server.send(b"X-Junk: " + b"a" * (3 * 1024 * 1024) + b"\r\n")
    server.send(frame(request(4, "workspace/executeCommand", {"command": "baes.listTemplates"})))
    assert "result" in server.answer(4)
    assert server.proc.poll() is None


def test_requests_after_shutdown_get_invalid_request(server: RawServer) -> None:
    server.start()
    server.send(frame(request(2, "shutdown")))
    assert server.answer(2).get("result", "missing") is None
    server.send(
        frame(
            request(3, "textDocument/hover", {"textDocument": {"uri": "file:///x.py"}, "position": {"line": 0, "character": 0}})
        )
    )
    error = server.answer(3)["error"]
    assert error["code"] == -32600
    server.send(frame(notification("exit")))
    assert server.wait() == 0


def test_exit_without_shutdown_exits_1(server: RawServer) -> None:
    server.start()
    server.send(frame(notification("exit")))
    assert server.wait() == 1


def test_closing_stdin_mid_request_prints_no_traceback(server: RawServer, tmp_path: Path) -> None:
    server.start()
    source = tmp_path / "big.py"
    source.write_text("def f():\n    return " + " and ".join(["a"] * 50_000) + "\n")
    server.send(frame(request(5, "textDocument/diagnostic", {"textDocument": {"uri": source.as_uri()}})))
    assert server.proc.stdin is not None
    server.proc.stdin.close()
    server.wait()
    stderr = server.stderr_tail()
    assert "Traceback" not in stderr and "CancelledError" not in stderr, stderr


@pytest.mark.parametrize(
    "junk",
    [
        b"Content-Length: 5\r\n\r\n{not}",
        frame(b'{"jsonrpc": "2.0", "id": 7, "method": 12}'),
        frame(b"[1, 2, 3]"),
        frame(b'"a string"'),
        frame({"jsonrpc": "2.0", "id": 8, "method": "textDocument/hover", "params": {"textDocument": 5}}),
        frame({"jsonrpc": "1.0", "id": 9, "method": "shutdown"}),
        b"Content-Length: abc\r\n\r\n",
        b"\r\n\r\n\r\n",
    ],
)
def test_malformed_messages_never_stop_the_server(server: RawServer, junk: bytes) -> None:
    server.start()
    server.send(junk)
    server.send(frame(request(20, "workspace/executeCommand", {"command": "baes.listTemplates"})))
    assert "result" in server.answer(20)


def test_debug_logging_never_echoes_a_secret_from_editor_settings(tmp_path: Path) -> None:
    """Issue 15 case 7: at debug level pygls logged the client's workspace/configuration answer verbatim."""
    raw = RawServer(tmp_path)
    try:
        raw.send(
            frame(
                request(
                    1,
                    "initialize",
                    {
                        "processId": None,
                        "rootUri": tmp_path.as_uri(),
                        "capabilities": {"workspace": {"configuration": True}},
                        "initializationOptions": {"settings": {"logLevel": "debug"}},
                    },
                )
            )
        )
        raw.answer(1)
        raw.send(frame(notification("initialized", {})))
        secret = {"logLevel": "debug", "apiKey": "sk-live-SECRET42", "llm": {"baseUrl": "http://bob:pw-SECRET43@h/v1"}}
        seen: list[str] = []
        for _ in range(200):
            message = raw.message(timeout=3)
            if message is None:
                break
            seen.append(json.dumps(message))
            if message.get("method") == "workspace/configuration":
                items = message["params"]["items"]
                raw.send(frame({"jsonrpc": "2.0", "id": message["id"], "result": [secret] * len(items)}))
        logs = [text for text in seen if "window/logMessage" in text]
        assert any("Received result" in text for text in logs), "the debug log line under test did not appear"
        assert not [text for text in logs if "SECRET4" in text]
    finally:
        raw.close()


def test_devices_and_fifos_are_never_read_by_any_feature(server: RawServer, tmp_path: Path) -> None:
    """Issue 15 case 1: /dev/zero grew the server to many GB, a FIFO blocked it."""
    import os

    fifo = tmp_path / "pipe.py"
    os.mkfifo(fifo)
    server.start()
    for uri in ("file:///dev/zero", fifo.as_uri()):
        document = {"textDocument": {"uri": uri}}
        start = {"line": 0, "character": 0}
        calls = [
            ("textDocument/diagnostic", document),
            ("textDocument/hover", {**document, "position": start}),
            ("textDocument/codeLens", document),
            ("textDocument/codeAction", {**document, "range": {"start": start, "end": start}, "context": {"diagnostics": []}}),
            ("workspace/executeCommand", {"command": "baes.fixAll", "arguments": [{"uri": uri}]}),
        ]
        for number, (method, params) in enumerate(calls):
            server.send(frame(request(100 + number, method, params)))
            answer = server.answer(100 + number, timeout=20)
            assert "result" in answer or "error" in answer
    assert server.proc.poll() is None
