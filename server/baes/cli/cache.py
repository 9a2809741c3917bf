"""``baes cache stats|clear|cleanup``: the recognition cache from the terminal.

Everything goes through ``baes.recognition.cache.RecognitionCache`` (the same object the
language server's cache commands use); this module only parses arguments and prints.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from baes.cli.arguments import whole_number

if TYPE_CHECKING:
    from baes.recognition.cache import RecognitionCache


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "cache",
        help="inspect or clear the recognition cache",
        description="The recognition cache (SQLite in the user's cache folder).",
    )
    parser.add_argument("--db", metavar="PATH", help="use this cache file instead of the default one")
    actions = parser.add_subparsers(dest="cache_action", metavar="ACTION")
    stats = actions.add_parser("stats", help="sizes, hit rates and the oldest/newest entry")
    stats.add_argument("--format", choices=("text", "json"), default="text")
    stats.set_defaults(handler=run_stats)
    clear = actions.add_parser("clear", help="remove every cached recognition")
    clear.set_defaults(handler=run_clear)
    cleanup = actions.add_parser("cleanup", help="remove entries older than N days")
    cleanup.add_argument("--days", type=whole_number(0), default=30, metavar="N", help="age limit in days (default 30)")
    cleanup.set_defaults(handler=run_cleanup)
    parser.set_defaults(handler=_missing_action(parser))


def _missing_action(parser: argparse.ArgumentParser) -> Any:
    def handler(args: argparse.Namespace) -> int:
        parser.print_help(sys.stderr)
        return 2

    return handler


def _open(args: argparse.Namespace, read_only: bool = False) -> RecognitionCache:
    """The cache to act on; a file named with ``--db`` is never moved aside or rebuilt."""
    # lazy: 36 ms (python -X importtime) that every other baes command would pay at registration
    from baes.recognition.cache import RecognitionCache

    if args.db:
        return RecognitionCache(args.db, read_only=read_only, owned=False)
    return RecognitionCache(read_only=read_only)


def _problem(cache: RecognitionCache) -> int:
    """Exit 2 with the reason when the cache file could not be used (0 otherwise)."""
    if cache.problem is None or cache.problem.startswith("no cache file at"):
        return 0
    print(f"baes cache: {cache.problem}", file=sys.stderr)
    return 2


def run_stats(args: argparse.Namespace) -> int:
    cache = _open(args, read_only=True)
    stats = cache.summary()
    if _problem(cache):
        return 2
    if args.format == "json":
        json.dump(stats, sys.stdout, indent=2, sort_keys=True)
        sys.stdout.write("\n")
        return 0
    rows = [
        ("Cache file", stats["cache_db_path"]),
        ("Entries in memory", str(stats["memory_size"])),
        ("Entries on disk", str(stats["persistent_size"])),
        ("Oldest entry", str(stats["oldest_entry"] or "-")),
        ("Newest entry", str(stats["newest_entry"] or "-")),
        ("Requests (this process)", str(stats["total_requests"])),
    ]
    width = max(len(label) for label, _ in rows)
    sys.stdout.write("".join(f"{label.ljust(width)}  {value}\n" for label, value in rows))
    sys.stdout.write("(hit rates are per process; see `baes metrics` for recorded generations)\n")
    return 0


def run_clear(args: argparse.Namespace) -> int:
    cache = _open(args)
    removed = cache.clear_counted()
    if _problem(cache):
        return 2
    print(f"Removed {removed} cached recognition(s).")
    return 0


def run_cleanup(args: argparse.Namespace) -> int:
    cache = _open(args)
    removed = cache.cleanup_old_entries(days=args.days)
    if _problem(cache):
        return 2
    print(f"Removed {removed} entr{'y' if removed == 1 else 'ies'} older than {args.days} day(s).")
    return 0
