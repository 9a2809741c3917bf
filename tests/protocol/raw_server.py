"""The real server over stdio, driven with raw bytes: framing and lifecycle cases a well-behaved
client library cannot send. Reading the answers parses only the LSP base-protocol headers."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

COMMAND = [sys.executable, "-m", "baes", "lsp"]


def frame(payload: dict[str, Any] | bytes, length: int | None = None) -> bytes:
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    return b"Content-Length: %d\r\n\r\n" % (len(body) if length is None else length) + body


def request(msg_id: int, method: str, params: Any = None) -> dict[str, Any]:
    message: dict[str, Any] = {"jsonrpc": "2.0", "id": msg_id, "method": method}
    if params is not None:
        message["params"] = params
    return message


def notification(method: str, params: Any = None) -> dict[str, Any]:
    message: dict[str, Any] = {"jsonrpc": "2.0", "method": method}
    if params is not None:
        message["params"] = params
    return message


INITIALIZE = request(1, "initialize", {"processId": None, "rootUri": None, "capabilities": {}})


class RawServer:
    def __init__(self, cwd: Path) -> None:
        env = {**os.environ, "BAES_CACHE_DIR": str(cwd / ".cache")}
        self.proc = subprocess.Popen(
            COMMAND, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
        )
        self._buffer = b""
        self._answers: dict[Any, dict[str, Any]] = {}  # responses read while waiting for another one

    def send(self, data: bytes) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def start(self) -> dict[str, Any]:
        self.send(frame(INITIALIZE))
        answer = self.answer(1)
        self.send(frame(notification("initialized", {})))
        return answer

    def _fill(self, deadline: float) -> bool:
        assert self.proc.stdout is not None
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        ready, _, _ = select.select([self.proc.stdout], [], [], remaining)
        if not ready:
            return False
        chunk = os.read(self.proc.stdout.fileno(), 65536)
        if not chunk:
            return False
        self._buffer += chunk
        return True

    def message(self, timeout: float = 20.0) -> dict[str, Any] | None:
        deadline = time.monotonic() + timeout
        while True:
            head, sep, rest = self._buffer.partition(b"\r\n\r\n")
            if sep:
                length = next(
                    int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")
                )
                if len(rest) >= length:
                    self._buffer = rest[length:]
                    return json.loads(rest[:length])
            if not self._fill(deadline):
                return None

    def answer(self, msg_id: int, timeout: float = 20.0) -> dict[str, Any]:
        """The response to request ``msg_id`` (notifications and server requests on the way are skipped)."""
        if msg_id in self._answers:
            return self._answers.pop(msg_id)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = self.message(deadline - time.monotonic())
            if message is None:
                break
            if "id" in message and "method" not in message:
                if message["id"] == msg_id:
                    return message
                self._answers[message["id"]] = message
        raise AssertionError(f"no answer to request {msg_id}; stderr: {self.stderr_tail()}")

    def wait(self, timeout: float = 20.0) -> int:
        return self.proc.wait(timeout=timeout)

    def stderr_tail(self) -> str:
        if self.proc.poll() is None or self.proc.stderr is None:
            return "(running)"
        return self.proc.stderr.read().decode(errors="replace")[-3000:]

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)
