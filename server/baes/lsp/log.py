"""Logging through ``window/logMessage`` only: a language server's stdout is the protocol.

Python ``logging`` records of ``baes`` and ``pygls`` go to the client at or above the
configured level (``logLevel`` setting, or ``--log-level``). Records from worker threads
are handed to the event loop, the only place that may write to the transport. Every line is
redacted first (``baes.settings.redaction``): at debug level pygls logs the client's answers
verbatim, and those hold the editor settings, API keys included.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from typing import TYPE_CHECKING

from lsprotocol import types

from baes.settings.redaction import redact

if TYPE_CHECKING:
    from pygls.lsp.server import LanguageServer

LEVELS: dict[str, int] = {
    "error": logging.ERROR,
    "warning": logging.WARNING,
    "warn": logging.WARNING,
    "info": logging.INFO,
    "debug": logging.DEBUG,
    "trace": logging.DEBUG,
}


def parse_level(name: str | None, default: int = logging.INFO) -> int:
    """``"debug"`` → ``logging.DEBUG``; unknown names give ``default``."""
    if not name:
        return default
    return LEVELS.get(str(name).strip().lower(), default)


def _message_type(levelno: int) -> types.MessageType:
    if levelno >= logging.ERROR:
        return types.MessageType.Error
    if levelno >= logging.WARNING:
        return types.MessageType.Warning
    if levelno >= logging.INFO:
        return types.MessageType.Info
    return types.MessageType.Log


class ClientLogHandler(logging.Handler):
    """Forwards log records to the client as ``window/logMessage`` notifications."""

    def __init__(self, server: LanguageServer) -> None:
        super().__init__()
        self.server = server
        self.loop: asyncio.AbstractEventLoop | None = None
        self._loop_thread: int | None = None
        self._local = threading.local()
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))

    def bind(self, loop: asyncio.AbstractEventLoop) -> None:
        """Remember the event loop (call from inside it) so other threads can post to it."""
        self.loop = loop
        self._loop_thread = threading.get_ident()

    def emit(self, record: logging.LogRecord) -> None:
        if getattr(self._local, "busy", False):  # a record raised while sending one: drop it
            return
        try:
            text = self.format(record)
        except Exception:  # a bad format string in a record must not break the server
            text = str(record.msg)
        text = redact(text)
        params = types.LogMessageParams(type=_message_type(record.levelno), message=text)
        if self.loop is None or self.server.protocol.writer is None:
            return
        if threading.get_ident() == self._loop_thread:
            self._send(params)
        elif not self.loop.is_closed():
            self.loop.call_soon_threadsafe(self._send, params)

    def _send(self, params: types.LogMessageParams) -> None:
        self._local.busy = True
        try:
            self.server.window_log_message(params)
        except Exception:
            pass  # the transport is gone (shutdown): nothing sensible left to do with a log line
        finally:
            self._local.busy = False


def install(server: LanguageServer, level: int) -> ClientLogHandler:
    """Route the ``baes`` and ``pygls`` loggers to the client; nothing else writes logs."""
    handler = ClientLogHandler(server)
    for name in ("baes", "pygls"):
        logger = logging.getLogger(name)
        logger.handlers = [h for h in logger.handlers if not isinstance(h, ClientLogHandler)]
        logger.addHandler(handler)
        logger.propagate = False
    set_level(level)
    return handler


def set_level(level: int) -> None:
    """Change the level in force (pygls' own chatter stays at warnings unless debugging)."""
    logging.getLogger("baes").setLevel(level)
    logging.getLogger("pygls").setLevel(level if level <= logging.DEBUG else logging.WARNING)
