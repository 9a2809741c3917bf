"""``ast.parse`` that is safe to call from several threads.

CPython 3.11 keeps the AST converter's recursion depth in shared state, so two threads
running ``ast.parse`` at once can fail with "SystemError: AST constructor recursion depth
mismatch" (python/cpython#106905). The language server and the generation pipeline both
check files from worker threads, so every parse in baes goes through this one lock.
Parsing holds the GIL anyway, so the lock costs no parallelism.
"""
from __future__ import annotations

import ast
import threading

#: Re-entrant so a caller holding it (e.g. the pipeline around a whole check) can parse.
PARSE_LOCK = threading.RLock()


def parse(source: str | bytes, filename: str = "<unknown>", mode: str = "exec") -> ast.AST:
    """``ast.parse(source, filename, mode)`` under ``PARSE_LOCK``."""
    with PARSE_LOCK:
        return ast.parse(source, filename=filename, mode=mode)
