"""The arguments ``baes check`` and ``baes fix`` share, and argument types other commands use;
argparse only, so registering is cheap."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def _comma_list(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


def whole_number(minimum: int) -> Callable[[str], int]:
    """An argparse ``type``: a whole number of at least ``minimum``, argparse printing why not."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError("must not be negative" if minimum == 0 else f"must be at least {minimum}")
        return value

    return parse


def add_common_arguments(parser: argparse.ArgumentParser) -> None:
    """Paths, rule selection, configuration and parallelism, as ``check`` and ``fix`` take them."""
    parser.add_argument(
        "paths", nargs="*", default=["."], metavar="PATH", help="files or folders to check (default: the current folder)"
    )
    parser.add_argument(
        "--select",
        type=_comma_list,
        action="extend",
        metavar="CODES",
        help="only these rule ids or prefixes (comma-separated; replaces the configured selection)",
    )
    parser.add_argument(
        "--extend-select", type=_comma_list, action="extend", metavar="CODES", help="rule ids or prefixes to add to the selection"
    )
    parser.add_argument("--ignore", type=_comma_list, action="extend", metavar="CODES", help="rule ids or prefixes to leave out")
    parser.add_argument(
        "--profile", choices=("default", "strict", "generated"), help="rule profile (default: the configured one, else 'default')"
    )
    parser.add_argument(
        "--config", metavar="FILE", help="use this pyproject.toml or baes.toml for every file instead of discovering one"
    )
    parser.add_argument(
        "--exclude",
        type=_comma_list,
        action="extend",
        metavar="GLOBS",
        help="extra globs to skip when walking folders (relative to the current folder)",
    )
    parser.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when findings remain (usage and config errors still exit 2)"
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=whole_number(1),
        default=None,
        metavar="N",
        help="worker processes for large trees (default: all cores; 1 disables)",
    )
    parser.add_argument("--unsafe-fixes", action="store_true", help="also apply fixes marked unsafe (they may change behaviour)")
    parser.add_argument("--diff", action="store_true", help="print the fixes as a unified diff instead of writing them")
