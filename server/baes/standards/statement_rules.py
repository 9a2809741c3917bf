"""Re-running a statement-scoped rule only on the top-level statements an edit touched.

A rule declared with ``scope="statement"`` promises that what it reports inside one top-level
statement depends only on that statement and on module facts: the imports, the module and
class constants, whether there is a star import, where the ``if __name__ == "__main__":``
blocks are (plus the file's SWEA type, path and the rule's options). With an
``IncrementalParser`` the engine keeps each rule's violations per chunk (a top-level statement
and the lines after it) and runs the rule again only on a ``StatementView``, an index of the
chunks without a valid entry, whose module facts are those of the whole file.

An entry is valid while the chunk is the same object (its statements were reused, not parsed
again) and the rule's options and the module facts are the ones it was computed under; when an
edit above added or removed lines, its violations move with the chunk (``Violation.moved``:
positions, and the ``line`` a fix carries). ``tests/standards/test_incremental.py`` checks the findings
against a plain check over random edits.
"""

from __future__ import annotations

import ast
from bisect import bisect_right
from collections.abc import Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

from baes.standards.chunks import Chunk
from baes.standards.index import SourceIndex
from baes.standards.node_groups import joined_module
from baes.standards.options import RuleOptions
from baes.standards.rule import Rule, RuleContext, Violation

if TYPE_CHECKING:
    from baes.swea import SWEAType


class StatementView(SourceIndex):
    """The index of some top-level statements of a file, answering module facts for the file."""

    def __init__(self, full: SourceIndex, chunks: Sequence[Chunk]) -> None:
        super().__init__(full.source, *joined_module(chunks))
        self.full = full

    # the module facts a statement-scoped rule may read: the whole file's
    @property
    def imports(self) -> dict[str, str]:
        return self.full.imports

    @property
    def imported_modules(self) -> frozenset[str]:
        return self.full.imported_modules

    @property
    def has_star_import(self) -> bool:
        return self.full.has_star_import

    @property
    def module_constants(self) -> dict[str, ast.expr]:
        return self.full.module_constants

    @property
    def main_block_lines(self) -> list[tuple[int, int]]:
        return self.full.main_block_lines

    @cached_property
    def lines(self) -> list[str]:
        return self.full.lines

    def has_code(self) -> bool:
        return self.full.has_code()


def module_facts(index: SourceIndex) -> tuple[Any, ...]:
    """What a statement-scoped rule may read beyond its statement. Constants are compared by node
    identity: a reused statement keeps its nodes, a statement parsed again gets new ones. The
    ``__main__`` blocks are not needed: they are top-level statements, so whether a node is in one
    depends on its own statement only."""
    return (
        tuple(index.imports.items()),
        tuple(index.module_constants.items()),
        index.has_star_import,
    )


class StatementResults:
    """Per-chunk violations of the statement-scoped rules of one document (kept by its parser).

    ``key`` interns the context a rule runs under, so each chunk's entry is checked with ``is``.
    """

    def __init__(self) -> None:
        self._keys: dict[str, tuple[Any, ...]] = {}

    def key(
        self, rule: Rule, options: RuleOptions, swea: SWEAType | None, path: str | None, facts: tuple[Any, ...]
    ) -> tuple[Any, ...]:
        wanted = (options, swea, path, facts)
        known = self._keys.get(rule.id)
        if known is not None and known == wanted:
            return known
        self._keys[rule.id] = wanted
        return wanted

    def check(self, rule: Rule, ctx: RuleContext[RuleOptions], chunks: Sequence[Chunk], key: tuple[Any, ...]) -> list[Violation]:
        """``rule``'s violations in the whole file: kept ones, and new ones for the chunks without."""
        found: list[Violation] = []
        stale: list[Chunk] = []
        for chunk in chunks:
            entry = chunk.results.get(rule.id)
            if entry is None or entry[1] is not key:
                stale.append(chunk)
            elif entry[0] == chunk.first:
                found += entry[2]
            else:  # lines added or removed above it: the same violations, moved
                moved = tuple(v.moved(chunk.first - entry[0]) for v in entry[2])
                chunk.results[rule.id] = (chunk.first, key, moved)
                found += moved
        if not stale:
            return found
        if len(stale) == len(chunks):
            view: SourceIndex = ctx.index
        else:
            view = StatementView(ctx.index, stale)
        fresh = list(rule.check(RuleContext(view, ctx.options, ctx.swea_type, ctx.path)))
        per_chunk: list[list[Violation]] = [[] for _ in stale]
        firsts = [chunk.first for chunk in stale]
        for violation in fresh:
            per_chunk[max(0, bisect_right(firsts, violation.line) - 1)].append(violation)
        for chunk, violations in zip(stale, per_chunk, strict=False):
            chunk.results[rule.id] = (chunk.first, key, tuple(violations))
        return found + fresh
