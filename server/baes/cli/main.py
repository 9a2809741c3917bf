"""Entry point of the ``baes`` console script.

Each subcommand lives in its own module of this package and exposes
``register(subparsers) -> None``; the module adds its parser and sets ``handler`` (a
function taking the parsed ``argparse.Namespace`` and returning the exit code) with
``parser.set_defaults(handler=...)``. Registration must stay cheap: heavy core modules
are imported inside the handlers, so ``baes --help`` and ``baes lsp`` start fast.

Exit codes: 0 clean, 1 findings (or a failed operation), 2 usage or configuration error.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from typing import Sequence

from baes import __version__

# Subcommand modules, in the order ``baes --help`` lists them. A module that is missing
# (not written yet) is skipped so the rest of the CLI keeps working.
SUBCOMMAND_MODULES: tuple[str, ...] = (
    "baes.cli.check",      # baes check
    "baes.cli.fix",        # baes fix
    "baes.cli.explain",    # baes explain, baes rules
    "baes.cli.scaffold",   # baes scaffold, baes templates
    "baes.cli.metrics",    # baes metrics
    "baes.cli.cache",      # baes cache stats|clear|cleanup
    "baes.cli.lsp",        # baes lsp
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
    for module_name in SUBCOMMAND_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                continue
            raise
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
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
