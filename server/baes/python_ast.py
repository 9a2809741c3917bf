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
from typing import Literal, overload

# What ``str.splitlines`` breaks lines on besides ``\n``, ``\r\n`` and ``\r`` (the tokenizer and
# LSP do not).
_OTHER_BREAKS = ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e")
_OTHER_BREAKS_WIDE = ("\x85", "\u2028", "\u2029")


def splitlines_is_exact(text: str) -> bool:
    """Whether ``text.splitlines()`` breaks lines exactly where Python and LSP do (only at ``\n``,
    ``\r\n`` and ``\r``). A few ``in`` scans: several times faster than a
    regular expression's character class on a long text, and this runs on every keystroke."""
    for char in _OTHER_BREAKS:
        if char in text:
            return False
    if not text.isascii():
        for char in _OTHER_BREAKS_WIDE:
            if char in text:
                return False
    return True


#: Re-entrant so a caller holding it (e.g. the pipeline around a whole check) can parse.
PARSE_LOCK = threading.RLock()


@overload
def parse(source: str | bytes, filename: str = ..., mode: Literal["exec"] = ...) -> ast.Module: ...
@overload
def parse(source: str | bytes, filename: str = ..., *, mode: Literal["eval"]) -> ast.Expression: ...
@overload
def parse(source: str | bytes, filename: str = ..., mode: str = ...) -> ast.AST: ...


def parse(source: str | bytes, filename: str = "<unknown>", mode: str = "exec") -> ast.AST:
    """``ast.parse(source, filename, mode)`` under ``PARSE_LOCK``."""
    with PARSE_LOCK:
        return ast.parse(source, filename=filename, mode=mode)
