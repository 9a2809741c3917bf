"""A real HTTP server on 127.0.0.1 speaking the OpenAI chat-completions API, with scripted answers.

Tests run the real ``openai`` client against it, so retries, timeouts, status errors and
malformed bodies go through exactly the code paths a user's endpoint would exercise.

Answers come from a queue (``server.enqueue(reply("..."), error(500), slow("...", 2.0))``)
or, when the queue is empty, from a callable (``server.handler = lambda request: reply(...)``),
or else from ``server.default``. With none of them, the server answers 500 with an
OpenAI-style error saying nothing was scripted, so a test never passes by accident.
Every request is recorded (method, path, headers, parsed JSON body).

Use it as a context manager (``with FakeOpenAI() as server:``) or through the
``fake_openai`` pytest fixture (register it with ``pytest_plugins = ["tests.support.fake_openai"]``
or import the fixture into a conftest).
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest


@dataclass(frozen=True)
class ScriptedResponse:
    """One scripted answer.

    ``content`` is the assistant message of a 200 answer; ``status`` other than 200 gives an
    OpenAI-style error body; ``raw_body`` (bytes) replaces the whole body (malformed answers);
    ``delay_s`` waits before answering (client timeouts); ``drop_connection`` closes the socket
    without answering.
    """

    content: str | None = ""
    prompt_tokens: int = 10
    completion_tokens: int = 5
    status: int = 200
    error_message: str = ""
    error_type: str = "server_error"
    error_code: str | None = None
    delay_s: float = 0.0
    raw_body: bytes | None = None
    drop_connection: bool = False
    finish_reason: str = "stop"
    headers: Mapping[str, str] = field(default_factory=dict)


def reply(
    content: str | Mapping[str, Any] | list[Any], prompt_tokens: int = 10, completion_tokens: int = 5, delay_s: float = 0.0
) -> ScriptedResponse:
    """A successful answer; a mapping or list is sent as its JSON text."""
    text = content if isinstance(content, str) else json.dumps(content)
    return ScriptedResponse(content=text, prompt_tokens=prompt_tokens, completion_tokens=completion_tokens, delay_s=delay_s)


def error(
    status: int,
    message: str = "scripted failure",
    error_type: str | None = None,
    code: str | None = None,
    retry_after_ms: int | None = 1,
) -> ScriptedResponse:
    """An HTTP error with an OpenAI-style JSON body.

    ``retry_after_ms`` (default 1 ms) is sent as ``retry-after-ms`` so the client's retries of a
    retryable status (408, 409, 429, 5xx) do not wait out its exponential back-off in tests.
    """
    kind = error_type or ("server_error" if status >= 500 else "invalid_request_error")
    headers = {"retry-after-ms": str(retry_after_ms)} if retry_after_ms is not None else {}
    return ScriptedResponse(content=None, status=status, error_message=message, error_type=kind, error_code=code, headers=headers)


def slow(
    content: str | Mapping[str, Any], delay_s: float, prompt_tokens: int = 10, completion_tokens: int = 5
) -> ScriptedResponse:
    """A successful answer sent only after ``delay_s`` seconds."""
    return reply(content, prompt_tokens, completion_tokens, delay_s=delay_s)


def malformed(body: bytes | str = b"{not json", status: int = 200) -> ScriptedResponse:
    """A body that is not a chat completion (not JSON at all by default)."""
    data = body.encode("utf-8") if isinstance(body, str) else body
    return ScriptedResponse(content=None, status=status, raw_body=data)


def dropped() -> ScriptedResponse:
    """Close the connection without answering (a connection error for the client)."""
    return ScriptedResponse(content=None, drop_connection=True)


@dataclass(frozen=True)
class RecordedRequest:
    """What the server received: method, path, headers (lower-case names) and the JSON body."""

    method: str
    path: str
    headers: Mapping[str, str]
    body: Any
    raw_body: bytes
    received_at: float

    @property
    def messages(self) -> list[dict[str, Any]]:
        return list(self.body.get("messages", [])) if isinstance(self.body, dict) else []

    @property
    def prompt_text(self) -> str:
        """All message contents joined, for handlers that answer by prompt content."""
        parts: list[str] = []
        for message in self.messages:
            content = message.get("content")
            if isinstance(content, str):
                parts.append(content)
            elif isinstance(content, list):
                parts.extend(str(p.get("text", "")) for p in content if isinstance(p, dict))
        return "\n".join(parts)

    @property
    def user_text(self) -> str:
        """The last user message's content."""
        for message in reversed(self.messages):
            if message.get("role") == "user" and isinstance(message.get("content"), str):
                return message["content"]
        return ""


Handler = Callable[[RecordedRequest], ScriptedResponse]


class FakeOpenAI:
    """The server: ``base_url`` is ``http://127.0.0.1:<port>/v1``; start/stop or use ``with``."""

    def __init__(
        self, model: str = "fake-model", handler: Handler | None = None, default: ScriptedResponse | None = None
    ) -> None:
        self.model = model
        self.handler = handler
        self.default = default
        self.requests: list[RecordedRequest] = []
        self._queue: deque[ScriptedResponse] = deque()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._ids = itertools.count(1)
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- scripting -------------------------------------------------------------------------
    def enqueue(self, *responses: ScriptedResponse) -> FakeOpenAI:
        with self._lock:
            self._queue.extend(responses)
        return self

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._queue)

    @property
    def completion_requests(self) -> list[RecordedRequest]:
        return [r for r in self.requests if r.path.rstrip("/").endswith("/chat/completions")]

    def reset(self) -> None:
        with self._lock:
            self._queue.clear()
            self.requests.clear()
        self.handler = None
        self.default = None

    def _next_response(self, request: RecordedRequest) -> ScriptedResponse:
        with self._lock:
            if self._queue:
                return self._queue.popleft()
        if self.handler is not None:
            return self.handler(request)
        if self.default is not None:
            return self.default
        return error(500, "fake_openai: no scripted response left", retry_after_ms=None, error_type="fake_openai_unscripted")

    # -- lifecycle -------------------------------------------------------------------------
    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("fake OpenAI server is not running")
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> FakeOpenAI:
        if self._httpd is not None:
            return self
        self._stopping.clear()
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), _make_handler_class(self))
        httpd.daemon_threads = True
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-openai", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        httpd, self._httpd = self._httpd, None
        if httpd is None:
            return
        self._stopping.set()  # wakes handlers sleeping on a scripted delay
        httpd.shutdown()
        httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def llm_config(self, timeout_s: float = 5.0, max_retries: int = 0, model: str | None = None) -> Any:
        """A ``baes.generation.llm_client.LLMConfig`` pointing at this server (short timeout, no retries by default)."""
        from baes.generation.llm_client import LLMConfig

        return LLMConfig(
            base_url=self.base_url, model=model or self.model, api_key="fake-key", timeout_s=timeout_s, max_retries=max_retries
        )

    def env(self, timeout_s: float = 5.0, max_retries: int = 0) -> dict[str, str]:
        """Environment variables that point baes (e.g. a CLI subprocess) at this server."""
        return {
            "BAES_LLM_BASE_URL": self.base_url,
            "BAES_LLM_MODEL": self.model,
            "BAES_LLM_API_KEY": "fake-key",
            "BAES_LLM_TIMEOUT": str(timeout_s),
            "BAES_LLM_MAX_RETRIES": str(max_retries),
        }

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- answering (called from handler threads) -------------------------------------------
    def _record(self, method: str, path: str, headers: Mapping[str, str], raw: bytes) -> RecordedRequest:
        try:
            body: Any = json.loads(raw.decode("utf-8")) if raw else None
        except (UnicodeDecodeError, json.JSONDecodeError):
            body = None
        request = RecordedRequest(
            method=method, path=path, headers=dict(headers), body=body, raw_body=raw, received_at=time.monotonic()
        )
        with self._lock:
            self.requests.append(request)
        return request

    def _completion_body(self, request: RecordedRequest, scripted: ScriptedResponse) -> dict[str, Any]:
        model = request.body.get("model", self.model) if isinstance(request.body, dict) else self.model
        return {
            "id": f"chatcmpl-fake-{next(self._ids)}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": model,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": scripted.content},
                    "finish_reason": scripted.finish_reason,
                    "logprobs": None,
                }
            ],
            "usage": {
                "prompt_tokens": scripted.prompt_tokens,
                "completion_tokens": scripted.completion_tokens,
                "total_tokens": scripted.prompt_tokens + scripted.completion_tokens,
            },
        }


def _error_body(scripted: ScriptedResponse) -> dict[str, Any]:
    return {
        "error": {
            "message": scripted.error_message or f"HTTP {scripted.status}",
            "type": scripted.error_type,
            "param": None,
            "code": scripted.error_code,
        }
    }


def _make_handler_class(server: FakeOpenAI) -> type[BaseHTTPRequestHandler]:
    class _Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Buffer the answer so headers and body leave in one write (no Nagle/delayed-ACK 40 ms stall).
        wbufsize = -1

        def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
            return

        def _send(self, status: int, payload: bytes, headers: Mapping[str, str] | None = None) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)
                self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError, OSError):
                # The client gave up (its timeout) before the scripted delay ended.
                self.close_connection = True

        def _read_body(self) -> bytes:
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(length) if length > 0 else b""

        def _no_route(self) -> None:
            error_body = {"message": f"no route {self.path}", "type": "invalid_request_error", "param": None, "code": None}
            self._send(404, json.dumps({"error": error_body}).encode())

        def do_GET(self) -> None:
            server._record("GET", self.path, {k.lower(): v for k, v in self.headers.items()}, b"")
            if self.path.rstrip("/").endswith("/models"):
                body = {"object": "list", "data": [{"id": server.model, "object": "model", "created": 0, "owned_by": "fake"}]}
                self._send(200, json.dumps(body).encode())
            else:
                self._no_route()

        def do_POST(self) -> None:
            raw = self._read_body()
            request = server._record("POST", self.path, {k.lower(): v for k, v in self.headers.items()}, raw)
            if not self.path.rstrip("/").endswith("/chat/completions"):
                self._no_route()
                return
            try:
                scripted = server._next_response(request)
            except Exception as exc:  # a test handler's bug becomes a visible 500, not a hang
                scripted = error(
                    500, f"fake_openai handler raised {exc!r}", retry_after_ms=None, error_type="fake_openai_handler_error"
                )
            if scripted.delay_s > 0 and server._stopping.wait(scripted.delay_s):
                self.close_connection = True
                return
            if scripted.drop_connection:
                self.close_connection = True
                try:
                    self.connection.shutdown(2)
                except OSError:
                    pass
                return
            if scripted.raw_body is not None:
                self._send(scripted.status, scripted.raw_body, scripted.headers)
            elif scripted.status != 200:
                self._send(scripted.status, json.dumps(_error_body(scripted)).encode(), scripted.headers)
            else:
                body = server._completion_body(request, scripted)
                self._send(200, json.dumps(body).encode(), scripted.headers)

    return _Handler


@pytest.fixture
def fake_openai() -> Iterator[FakeOpenAI]:
    """A running fake OpenAI server, stopped after the test."""
    with FakeOpenAI() as server:
        yield server
