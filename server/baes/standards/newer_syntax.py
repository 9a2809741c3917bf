"""Which newer Python a file needs when the running one cannot parse it.

The engine parses with the running Python's ``ast`` (its rules need that tree), and ``ast.parse``
only knows grammars up to the running version (``feature_version`` can go lower, never higher).
When that parse fails, the file is parsed again with libcst's native parser, which knows the
grammar up to Python 3.14 (PEP 695/696 type parameters, PEP 701 f-strings, PEP 750 t-strings,
PEP 758 ``except A, B``): if it parses and uses a construct newer than the running Python, the
file is valid for that version and the engine says so instead of "syntax error". If libcst
cannot parse it either, or finds nothing newer, it is a real syntax error.

libcst is only asked when the text could hold such a construct (a cheap look at its shape, or
an error message about an f-string): while a user types, most versions do not parse, and a
second full parse per keystroke would cost more than the whole check (``bench/bench_lsp.py``).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

RUNNING = (sys.version_info.major, sys.version_info.minor)

# Shapes of the constructs ``_features`` knows, other than f-strings (those show in the error message).
_NEWER_SHAPES = re.compile(
    r"^[ \t]*(?:async[ \t]+)?(?:class|def)[ \t]+\w+[ \t]*\["  # class C[T]: / def f[T]():
    r"|^[ \t]*type[ \t]+\w+[ \t]*(?:\[|=)"  # type X = ... / type X[T] = ...
    r"|(?<![\w.])(?:[tT][rR]?|[rR][tT])['\"]"  # t"..." template strings
    r"|^[ \t]*except[ \t]+[^:(\n]+,[^:\n]*:",  # except A, B:
    re.MULTILINE,
)


def worth_checking(source: str, error_message: str | None, error_line: int | None = None) -> bool:
    """Whether ``source`` could be newer Python at all (cheap: no parse).

    With ``error_line`` only the lines around it are looked at: the running parser stops at the
    first construct it does not know, so a newer construct that matters is where it stopped (and a
    look at the whole file on every keystroke that does not parse would cost a millisecond).
    """
    if "f-string" in (error_message or ""):
        return True
    if error_line is not None:
        lines = source.splitlines()[max(0, error_line - 2) : error_line + 1]
        source = "\n".join(lines)
    return _NEWER_SHAPES.search(source) is not None


@dataclass(frozen=True)
class NewerSyntax:
    """The newest grammar a file needs, and where it first uses it."""

    version: tuple[int, int]
    feature: str
    line: int
    col: int

    @property
    def version_text(self) -> str:
        return f"{self.version[0]}.{self.version[1]}"


def newer_syntax(
    source: str,
    running: tuple[int, int] = RUNNING,
    error_message: str | None = None,
    screen: bool = True,
    error_line: int | None = None,
) -> NewerSyntax | None:
    """The newer Python ``source`` is written for, or None when it is no valid newer Python either.

    ``error_message``: the running parser's message (``screen`` skips the libcst parse when
    neither it nor the text's shape points at a newer construct).
    """
    if screen and not worth_checking(source, error_message, error_line):
        return None
    # lazy: libcst costs 0.28 s to import (python -X importtime) and is only needed for files the
    # running Python cannot parse
    import libcst as cst
    from libcst.metadata import MetadataWrapper, PositionProvider

    try:
        module = cst.parse_module(source)
    except Exception:  # libcst's ParserSyntaxError, or anything its native parser raises on odd input
        return None
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    positions = wrapper.resolve(PositionProvider)
    found = [(version, feature, node) for version, feature, node in _features(cst, module) if version > running]
    if not found:
        return None
    newest = max(version for version, _, _ in found)
    first = min(
        (
            (positions[node].start.line, positions[node].start.column, feature)
            for version, feature, node in found
            if version == newest and node in positions
        ),
        default=(1, 0, found[0][1]),
    )
    return NewerSyntax(newest, first[2], first[0], first[1])


def _features(cst: Any, module: Any) -> Iterator[tuple[tuple[int, int], str, Any]]:
    """Every construct of ``module`` that a Python older than some version cannot parse."""
    stack: list[Any] = [module]
    while stack:
        node = stack.pop()
        stack.extend(node.children)
        if isinstance(node, cst.TypeParameters):
            yield (3, 12), "type parameters such as `class C[T]:` (PEP 695)", node
            if any(param.default is not None for param in node.params):
                yield (3, 13), "a type parameter default such as `[T = int]` (PEP 696)", node
        elif isinstance(node, cst.TypeAlias):
            yield (3, 12), "a `type X = ...` statement (PEP 695)", node
        elif isinstance(node, cst.TemplatedString):
            yield (3, 14), 'a template string `t"..."` (PEP 750)', node
        elif isinstance(node, (cst.ExceptHandler, cst.ExceptStarHandler)):
            kind = node.type
            if isinstance(kind, cst.Tuple) and not kind.lpar:
                yield (3, 14), "`except A, B:` without parentheses (PEP 758)", node
        elif isinstance(node, cst.FormattedString) and _needs_pep_701(cst, module, node):
            yield (3, 12), "an f-string reusing its quotes or holding a backslash inside `{}` (PEP 701)", node
        elif isinstance(node, cst.TryStar):
            yield (3, 11), "`except*` (PEP 654)", node
        elif isinstance(node, cst.Match):
            yield (3, 10), "a `match` statement (PEP 634)", node


def _needs_pep_701(cst: Any, module: Any, node: Any) -> bool:
    """An f-string whose replacement fields hold its own quote, a backslash, a comment or a line
    break in a one-line string: Python 3.12 accepts them (PEP 701), older ones do not."""
    quote = node.end
    for part in node.parts:
        if not isinstance(part, cst.FormattedStringExpression):
            continue
        code = module.code_for_node(part.expression)
        if quote in code or "\\" in code or "#" in code or (len(quote) == 1 and "\n" in code):
            return True
        spec = part.format_spec
        if spec and any(
            isinstance(p, cst.FormattedStringExpression) and _needs_pep_701(cst, module, _wrap(node, p)) for p in spec
        ):
            return True
    return False


def _wrap(outer: Any, part: Any) -> Any:
    """A nested replacement field of a format spec, seen as an f-string with the outer quotes."""
    return outer.with_changes(parts=[part])
