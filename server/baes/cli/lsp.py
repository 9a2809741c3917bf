"""``baes lsp``: run the language server (stdio by default, or ``--tcp HOST:PORT``, ``--ws HOST:PORT``)."""

from __future__ import annotations

import argparse
import logging
import sys

DEFAULT_HOST = "127.0.0.1"
DEFAULT_TCP_PORT = 2087
DEFAULT_WS_PORT = 2088
LOG_LEVELS = ("error", "warning", "info", "debug")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "lsp",
        help="run the language server",
        description="Run the baes language server. Editors start it over stdio; --tcp and --ws serve one client "
        "on a socket. Logs go to the client (window/logMessage), never to stdout.",
    )
    transport = parser.add_mutually_exclusive_group()
    transport.add_argument("--stdio", action="store_true", help="talk over stdin/stdout (the default)")
    transport.add_argument(
        "--tcp",
        metavar="HOST:PORT",
        nargs="?",
        const=f"{DEFAULT_HOST}:{DEFAULT_TCP_PORT}",
        help=f"listen on a TCP socket (default {DEFAULT_HOST}:{DEFAULT_TCP_PORT})",
    )
    transport.add_argument(
        "--ws",
        metavar="HOST:PORT",
        nargs="?",
        const=f"{DEFAULT_HOST}:{DEFAULT_WS_PORT}",
        help=f"listen for a WebSocket client (default {DEFAULT_HOST}:{DEFAULT_WS_PORT})",
    )
    parser.add_argument(
        "--log-level",
        choices=LOG_LEVELS,
        default=None,
        help="minimum level of the log messages sent to the client (default: the logLevel setting, else info)",
    )
    parser.set_defaults(handler=run_lsp)


def parse_address(text: str, default_port: int) -> tuple[str, int]:
    """``"HOST:PORT"``, ``"PORT"`` or ``"HOST"`` → ``(host, port)``; ``ValueError`` when malformed."""
    host, sep, port_text = text.rpartition(":")
    if not sep:
        if text.isdigit():
            host, port_text = DEFAULT_HOST, text
        else:
            host, port_text = text, str(default_port)
    host = host.strip("[]") or DEFAULT_HOST
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise ValueError(f"invalid port in {text!r}; expected HOST:PORT with PORT from 1 to 65535")
    return host, int(port_text)


def run_lsp(args: argparse.Namespace) -> int:
    # Imported here, not at the top: every ``baes`` command registers this parser, and the server
    # (pygls, lsprotocol) takes about 340 ms to import (python -X importtime -c "import baes.lsp.server").
    from baes.lsp.log import parse_level
    from baes.lsp.server import create_server
    from baes.lsp.transport import start_stdio

    try:
        tcp = parse_address(args.tcp, DEFAULT_TCP_PORT) if args.tcp else None
        ws = parse_address(args.ws, DEFAULT_WS_PORT) if args.ws else None
    except ValueError as exc:
        print(f"baes lsp: {exc}", file=sys.stderr)
        return 2
    level = parse_level(args.log_level, logging.INFO)
    server = create_server(level, level_from_command_line=args.log_level is not None)
    if tcp is not None:
        server.start_tcp(*tcp)
    elif ws is not None:
        server.start_ws(*ws)
    else:
        return start_stdio(server)
    return 0
