"""Serving LSP over stdio with stdin read by the event loop itself.

pygls' stdio transport reads stdin in a worker thread, one hand-off per header line and one per
body: three thread hops for every message, a fifth of a keystroke's round trip. When stdin is a
pipe or a socket (how every editor starts a language server) the event loop can watch it
directly: an ``asyncio.StreamReader`` fed by ``connect_read_pipe`` offers the ``readline`` /
``readexactly`` pygls' message loop (``pygls.io_.run_async``) reads with, and the messages are
parsed and dispatched by pygls exactly as before. Anything else (a regular file, a console on
Windows) falls back to pygls' own ``start_io``.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import stat
import sys
import threading
from typing import BinaryIO

from pygls.io_ import StdoutWriter, run_async
from pygls.server import JsonRPCServer

logger = logging.getLogger(__name__)

# Header lines are short; a body is read with ``readexactly``, which this limit does not bound.
_LINE_LIMIT = 1024 * 1024


def _is_pipe_or_socket(stream: BinaryIO) -> bool:
    try:
        mode = os.fstat(stream.fileno()).st_mode
    except (OSError, ValueError, AttributeError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


def start_stdio(server: JsonRPCServer, stdin: BinaryIO | None = None, stdout: BinaryIO | None = None) -> int:
    """Serve ``server`` on stdin/stdout until the client exits or closes the pipe; the exit code."""
    stdin = stdin or sys.stdin.buffer
    stdout = stdout or sys.stdout.buffer
    if sys.platform == "win32" or not _is_pipe_or_socket(stdin):
        try:
            server.start_io(stdin, stdout)
        except SystemExit as exc:
            return exc.code if isinstance(exc.code, int) else 0
        return 0
    server._stop_event = stop_event = threading.Event()  # what pygls' shutdown() sets
    server.protocol.set_writer(StdoutWriter(stdout))

    async def serve() -> None:
        loop = asyncio.get_running_loop()
        reader = asyncio.StreamReader(limit=_LINE_LIMIT)
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), stdin)
        await run_async(
            stop_event=stop_event,
            reader=_Reader(reader),
            protocol=server.protocol,
            logger=logger,
            error_handler=server.report_server_error,
        )

    code = 0
    try:
        asyncio.run(serve())
    except BrokenPipeError:
        logger.error("the connection to the client is lost: shutting down")
    except SystemExit as exc:  # the ``exit`` notification: 0 after ``shutdown``, 1 without (the spec)
        code = exc.code if isinstance(exc.code, int) else 0
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return code


# A header as it can only appear between messages: inside a JSON body a line break is escaped.
_HEADER = re.compile(rb"Content-Length: *\d+\r\n")
_SKIPPED_LINE = b"X-Baes-Skipped: overlong header line\r\n"  # matches nothing pygls looks for


class _Reader:
    """``readline``/``readexactly`` as pygls' loop expects them, resynchronising on bad framing.

    A ``Content-Length`` too long makes the body swallow the next message's header: the body
    is cut where that header starts and the rest is read again. One too short leaves the end
    of the body in front of the next header: the header is found inside that line. A header
    line over the limit is skipped (not fatal). Empty bytes mean the end of input.
    """

    def __init__(self, reader: asyncio.StreamReader) -> None:
        self._reader = reader
        self._pending = b""

    async def readline(self) -> bytes:
        if self._pending:
            cut = self._pending.find(b"\n")
            if cut >= 0:
                line, self._pending = self._pending[: cut + 1], self._pending[cut + 1 :]
                return _from_header(line)
            line, self._pending = self._pending, b""
            return _from_header(line + await self._raw_line())
        return _from_header(await self._raw_line())

    async def _raw_line(self) -> bytes:
        try:
            return await self._reader.readline()
        except (asyncio.LimitOverrunError, ValueError):
            # readline dropped what it buffered of the line; the rest arrives as more lines
            logger.warning("skipped a header line longer than %d bytes", _LINE_LIMIT)
            return _SKIPPED_LINE

    async def readexactly(self, n: int) -> bytes:
        body, self._pending = self._pending[:n], self._pending[n:]
        if len(body) < n:
            try:
                body += await self._reader.readexactly(n - len(body))
            except asyncio.IncompleteReadError as exc:  # the end of input: what came (``b""`` stops the loop)
                body += exc.partial
        header = _HEADER.search(body)
        if header is not None and header.start() > 0:
            logger.warning("a message's Content-Length overran into the next message; resynchronised")
            self._pending = body[header.start() :] + self._pending
            body = body[: header.start()]
        return body


def _from_header(line: bytes) -> bytes:
    header = _HEADER.search(line)
    if header is not None and header.start() > 0:
        logger.warning("dropped %d bytes before a message header (a Content-Length was too short)", header.start())
        return line[header.start() :]
    return line
