"""An HTTP transport for the LLM client that bounds every answer in bytes and in wall time.

The OpenAI client reads a whole body before anything can look at it, so a misbehaving
endpoint (a 24 MB answer, an answer dripped for minutes) would cost unbounded memory and
time. The transport wraps the HTTP library's own one and stops reading as soon as a body
passes ``max_bytes`` (its ``Content-Length`` is checked first) or the call passes its
deadline; the client then reports ``LLMError("too_large" | "timeout")``.

The HTTP library is the one the installed ``openai`` is built on (``httpx2`` for openai 3,
``httpx`` before), handed in by the client, so this module imports neither.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from types import ModuleType
from typing import Any

DEFAULT_MAX_ANSWER_BYTES = 2 * 1024 * 1024


class AnswerTooLarge(Exception):
    """The endpoint's answer passed the byte budget; nothing of it is parsed."""


class AnswerTooSlow(Exception):
    """The endpoint kept sending past the call's deadline."""


def capped_transport(http: ModuleType, max_bytes: int, deadline_s: float) -> Any:
    """A transport of ``http`` (httpx-like module) whose answers stop at ``max_bytes`` / ``deadline_s``."""

    class _CappedStream(http.SyncByteStream):  # type: ignore[name-defined,misc]
        def __init__(self, inner: Any, started: float) -> None:
            self._inner = inner
            self._started = started

        def __iter__(self) -> Iterator[bytes]:
            received = 0
            for chunk in self._inner:
                received += len(chunk)
                if received > max_bytes:
                    raise AnswerTooLarge(f"answer passed {max_bytes} bytes; the rest was not read")
                if time.monotonic() - self._started > deadline_s:
                    raise AnswerTooSlow(f"answer still arriving after {deadline_s:g} s")
                yield chunk

        def close(self) -> None:
            self._inner.close()

    class _CappedTransport(http.BaseTransport):  # type: ignore[name-defined,misc]
        def __init__(self) -> None:
            self._inner = http.HTTPTransport()

        def handle_request(self, request: Any) -> Any:
            started = time.monotonic()
            response = self._inner.handle_request(request)
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                response.close()
                raise AnswerTooLarge(f"answer of {declared} bytes is over the {max_bytes}-byte limit; not read")
            return http.Response(
                status_code=response.status_code,
                headers=response.headers,
                stream=_CappedStream(response.stream, started),
                extensions=response.extensions,
                request=request,
            )

        def close(self) -> None:
            self._inner.close()

    return _CappedTransport()
