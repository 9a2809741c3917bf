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


def start_stdio(server: JsonRPCServer, stdin: BinaryIO | None = None, stdout: BinaryIO | None = None) -> None:
    """Serve ``server`` on stdin/stdout until the client exits or closes the pipe."""
    stdin = stdin or sys.stdin.buffer
    stdout = stdout or sys.stdout.buffer
    if sys.platform == "win32" or not _is_pipe_or_socket(stdin):
        server.start_io(stdin, stdout)
        return
    server._stop_event = stop_event = threading.Event()  # what pygls' shutdown() sets
    server.protocol.set_writer(StdoutWriter(stdout))

    async def serve() -> None:
        loop = asyncio.get_running_loop()
        reader = asyncio.StreamReader(limit=_LINE_LIMIT)
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), stdin)
        await run_async(
            stop_event=stop_event, reader=_Reader(reader), protocol=server.protocol,
            logger=logger, error_handler=server.report_server_error,
        )

    try:
        asyncio.run(serve())
    except BrokenPipeError:
        logger.error("the connection to the client is lost: shutting down")
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.shutdown()


class _Reader:
    """``readline``/``readexactly`` as pygls' loop expects them: empty bytes at the end of input."""

    def __init__(self, reader: asyncio.StreamReader) -> None:
        self._reader = reader

    async def readline(self) -> bytes:
        try:
            return await self._reader.readline()
        except (asyncio.LimitOverrunError, ValueError):
            logger.error("a header line longer than %d bytes: closing", _LINE_LIMIT)
            return b""

    async def readexactly(self, n: int) -> bytes:
        try:
            return await self._reader.readexactly(n)
        except asyncio.IncompleteReadError as exc:  # the end of input: what came (``b""`` stops the loop)
            return exc.partial
