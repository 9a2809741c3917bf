"""Re-parsing only what an edit touched: the language server's path to a tree per keystroke.

``ast.parse`` of a 500-line module costs several milliseconds, most of a keystroke's budget.
An edit usually touches one top-level statement, so ``IncrementalParser`` keeps the previous
version's tree cut into *chunks* (a top-level statement with the comments and blank lines after
it) and, for the next version, parses only the chunks whose lines changed, padded with empty
lines so the new nodes carry their real line numbers. Statements after the edit are reused; when
the edit added or removed lines their positions are shifted in place.

Why this gives the tree a full parse would: a chunk starts where a top-level statement starts, a
point where the tokenizer holds no open bracket, string, continuation or indentation. The text
before the region is unchanged, so the region is tokenized from the same clean state; if the
region parses on its own it ends in that state too (an unclosed bracket or string, a trailing
backslash, a lone decorator or a block header without a body is a syntax error in the region), so
the unchanged statements after it read as before. Anything else (the region does not parse, a form
feed or a byte-order mark in the text) falls back to a full parse, which also gives the user the
real syntax error. ``tests/standards/test_incremental.py`` compares both trees over random edits.

Each chunk's nodes are grouped by type once (``SourceIndex``'s walk); the index of the new version
is assembled from the chunks' groups, so only the edited chunk is walked again either.
"""

from __future__ import annotations

import ast
import re
import threading
from bisect import bisect_right
from dataclasses import dataclass
from operator import attrgetter

from baes.python_ast import parse as parse_python
from baes.python_ast import splitlines_is_exact
from baes.standards.chunks import Chunk
from baes.standards.node_groups import JoinedGroups, joined_module, walk_by_type
from baes.standards.statement_rules import StatementResults

_POSITIONED: dict[type, bool] = {}


@dataclass(frozen=True)
class ParsedModule:
    """A tree and its nodes grouped by type (the same groups ``SourceIndex`` would compute)."""

    tree: ast.Module
    by_type: JoinedGroups
    reparsed_lines: int  # how many lines were parsed for this version (all of them: a full parse)
    chunks: tuple[Chunk, ...] = ()


class IncrementalParser:
    """Parses successive versions of one document, reusing the statements an edit left alone.

    One instance per document. Calls are serialised by a lock: two versions of one document
    checked at once (a slow check overtaken by the next keystroke) take turns.
    """

    def __init__(self) -> None:
        #: Held around a whole check (see ``engine.run_checks``): reused nodes are shifted in place,
        #: so no check may still read the previous version's tree while the next one is parsed.
        self.lock = threading.RLock()
        #: the statement-scoped rules' results per chunk live on the chunks; their context keys here
        self.statement_results = StatementResults()
        self._lines: list[str] = []
        self._chunks: list[Chunk] = []

    def has_previous(self) -> bool:
        """Whether a previous version is kept (the next parse may reuse its statements)."""
        return bool(self._chunks)

    def parse(self, source: str, filename: str = "<unknown>") -> ParsedModule:
        """The tree of ``source``; raises what ``ast.parse`` raises for a file that does not parse."""
        with self.lock:
            try:
                return self._parse(source, filename)
            except (SyntaxError, ValueError):
                raise  # the last version that parsed stays the base the next one is compared with
            except BaseException:
                self._lines, self._chunks = [], []  # the next version parses from scratch
                raise

    def _parse(self, source: str, filename: str) -> ParsedModule:
        if not splitlines_is_exact(source) or source.startswith("\ufeff"):  # rare: not worth reusing
            return self._full(source, filename, [])
        lines = source.splitlines(keepends=True)
        if not self._chunks:
            return self._full(source, filename, lines)
        reused = self._reparse(lines, filename)
        return reused if reused is not None else self._full(source, filename, lines)

    # -- full parse -----------------------------------------------------------------------
    def _full(self, source: str, filename: str, lines: list[str]) -> ParsedModule:
        tree = parse_python(source, filename=filename)
        assert isinstance(tree, ast.Module)
        count = source.count("\n") + 1
        chunks = _chunks(tree.body, 1, len(lines) if lines else count)
        # a text with odd line breaks is never reused: no state kept
        self._lines, self._chunks = (lines, chunks) if lines else ([], [])
        return ParsedModule(tree, JoinedGroups(tree, [chunk.by_type for chunk in chunks]), count, tuple(chunks))

    # -- reuse ----------------------------------------------------------------------------
    def _reparse(self, lines: list[str], filename: str) -> ParsedModule | None:
        old = self._lines
        first_changed, old_stop = _changed_lines(old, lines)
        if first_changed is None:  # same text
            return ParsedModule(*joined_module(self._chunks), 0, tuple(self._chunks))
        # chunks [i, j] hold the changed old lines first_changed..old_stop (1-based, inclusive);
        # a pure insertion (old_stop < first_changed) goes to the chunk holding the line before it
        chunks = self._chunks
        low = max(1, min(first_changed, old_stop) if old_stop >= first_changed else first_changed - 1)
        high = max(low, old_stop)
        i = _chunk_at(chunks, low)
        j = _chunk_at(chunks, high)
        region_first = chunks[i].first
        delta = len(lines) - len(old)
        region_last = chunks[j].last + delta  # in the new text's lines
        text = "".join(lines[region_first - 1 : region_last])
        try:
            region = parse_python("\n" * (region_first - 1) + text, filename=filename)
        except SyntaxError as exc:
            if _decided_inside(exc, lines, region_first, region_last):
                raise  # what follows the region cannot change it: the file's error, without a full parse
            return None  # the full parse decides (and reports the real error)
        except ValueError:
            return None
        assert isinstance(region, ast.Module)
        after = chunks[j + 1 :]
        fresh = _chunks(region.body, region_first, region_last) if region_last >= region_first else []
        if region.type_ignores or (not fresh and not after and i == 0):
            return None  # nothing but comments left: a full parse says so cheaply
        # the new sequence is contiguous by construction; only now are kept chunks changed
        if delta:
            for chunk in after:
                _shift(chunk, delta)
        if not fresh and region_last >= region_first:  # comments and blank lines only
            if i > 0:
                chunks[i - 1].last = region_last  # they trail the previous statement
            else:  # they lead the file; the chunk's nodes stay put, so results cached by its first line are stale
                after[0].first = 1
                after[0].results.clear()
        new_chunks = chunks[:i] + fresh + after
        self._lines, self._chunks = lines, new_chunks
        return ParsedModule(*joined_module(new_chunks), max(0, region_last - region_first + 1), tuple(new_chunks))


def _changed_lines(old: list[str], new: list[str]) -> tuple[int | None, int]:
    """``(first changed line, last changed old line)``, 1-based; ``None`` first when the texts are
    equal. Lines before and after are identical in both (the region's new end follows from the
    change in line count)."""
    limit = min(len(old), len(new))
    prefix = 0
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    if prefix == len(old) == len(new):
        return None, 0
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return prefix + 1, len(old) - suffix


_FIRST = attrgetter("first")


def _chunk_at(chunks: list[Chunk], line: int) -> int:
    """Index of the chunk holding ``line`` (the last chunk for a line past the end)."""
    return max(0, bisect_right(chunks, line, key=_FIRST) - 1)


def _start(stmt: ast.stmt) -> int:
    decorators = getattr(stmt, "decorator_list", None)
    return min([stmt.lineno] + [d.lineno for d in decorators]) if decorators else stmt.lineno


def _chunks(body: list[ast.stmt], first: int, last: int) -> list[Chunk]:
    """Cut ``body`` (covering lines ``first``..``last``) into chunks; statements sharing a line
    (``a = 1; b = 2``) share a chunk."""
    groups: list[list[ast.stmt]] = []
    reach = 0
    for stmt in body:
        start = _start(stmt)
        if groups and start <= reach:
            groups[-1].append(stmt)
        else:
            groups.append([stmt])
        reach = max(reach, stmt.end_lineno or stmt.lineno)
    chunks: list[Chunk] = []
    for n, group in enumerate(groups):
        begin = first if n == 0 else _start(group[0])
        end = _start(groups[n + 1][0]) - 1 if n + 1 < len(groups) else last
        chunks.append(Chunk(begin, end, group, walk_by_type(group)))
    return chunks


# errors that text after the region could resolve or change: a string or a line left open at
# its end, a block header waiting for its body. ("'(' was never closed" is not among them: what
# follows the region is statements with balanced brackets, which cannot close it, and the
# parser reports the same bracket wherever after it it stops.)
_OPEN_ENDED = ("unterminated", "EOF", "expected an indented block")


# a region starting like this may continue the statement before it (``if``/``try``/a block)
_CONTINUES = re.compile(r"\s|(?:else|elif|except|finally)\b")


def _decided_inside(exc: SyntaxError, lines: list[str], first: int, last: int) -> bool:
    """Whether the region's syntax error is the whole file's, with no full parse to confirm it.

    Only when nothing outside the region can change it: the region's first line of code starts a
    statement of its own (at column 0 and no ``else``/``except``/... that would join the statement
    before), the error is not about something left open at the region's end, and either it is an
    unclosed bracket (see ``_OPEN_ENDED``) or a line of code follows the error inside the region,
    so the parser failed before reaching anything after the region (a lone decorator followed only
    by comments is completed by the next statement).
    """
    line = exc.lineno
    message = exc.msg or ""
    if line is None or line < first or any(marker in message for marker in _OPEN_ENDED):
        return False
    end = min(last, len(lines))
    for number in range(first, end + 1):
        code = lines[number - 1]
        stripped = code.strip()
        if stripped and not stripped.startswith("#"):
            if _CONTINUES.match(code):
                return False
            break
    if message.endswith("was never closed"):
        return True
    for number in range(end, line, -1):
        stripped = lines[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            return True
    return False


def _positioned(kind: type) -> bool:
    found = _POSITIONED.get(kind)
    if found is None:
        found = _POSITIONED[kind] = "lineno" in getattr(kind, "_attributes", ())
    return found


def _shift(chunk: Chunk, delta: int) -> None:
    """Move every node of ``chunk`` ``delta`` lines down (up when negative), in place."""
    chunk.first += delta
    chunk.last += delta
    for kind, nodes in chunk.by_type.items():
        if not _positioned(kind):
            continue
        for node in nodes:
            node.lineno += delta  # type: ignore[attr-defined]
            end = node.end_lineno  # type: ignore[attr-defined]
            if end is not None:
                node.end_lineno = end + delta  # type: ignore[attr-defined]
