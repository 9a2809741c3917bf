"""Entry point of the ``baes`` console script.

Each subcommand lives in its own module of this package and exposes
``register(subparsers) -> None``; the module adds its parser and sets ``handler`` (a
function taking the parsed ``argparse.Namespace`` and returning the exit code) with
``parser.set_defaults(handler=...)``. The core imports in about 0.1 s; only the language
server's pygls/lsprotocol stack (about 0.4 s) is imported when ``baes lsp`` runs.

Exit codes: 0 clean, 1 findings (or a failed operation), 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Sequence
from types import ModuleType

from baes import __version__
from baes.cli import cache, check, explain, fix, lsp, metrics, scaffold

# Subcommand modules, in the order ``baes --help`` lists them.
SUBCOMMAND_MODULES: tuple[ModuleType, ...] = (
    check,  # baes check
    fix,  # baes fix
    explain,  # baes explain, baes rules
    scaffold,  # baes scaffold, baes templates
    metrics,  # baes metrics
    cache,  # baes cache stats|clear|cleanup
    lsp,  # baes lsp
)

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="baes",
        description="BAES: standards checks, safe fixes and CRUD scaffolding for FastAPI/SQLite/Streamlit/pytest code.",
    )
    parser.add_argument("--version", action="version", version=f"baes {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in SUBCOMMAND_MODULES:
        module.register(subparsers)
    return parser


def _exit_on_sigterm(signum: int, frame: object) -> None:
    """SIGTERM unwinds like Ctrl-C: temporary files are removed and worker pools shut down."""
    raise SystemExit(128 + signum)


def main(argv: Sequence[str] | None = None) -> int:
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _exit_on_sigterm)
    try:
        return _run(argv)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(handler(args))
    except KeyboardInterrupt:
        print("baes: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
