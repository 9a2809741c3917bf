"""Tokens of a targeted patch versus a full regeneration, measured with tiktoken.

Both are modelled as one LLM exchange about the same problem (``instruction``: the finding
or patch description):

* full regeneration = instruction + the whole original file (prompt) + the whole fixed file (answer)
* targeted patch    = instruction + each snippet read by the patch (prompt) + the same snippets
  after the patch (answer)

``tokens_saved = full - targeted``. A snippet is the region the patch itself had to parse
(the function with its decorators, the ``try`` statement, the lines of the literal or call,
the import block), so the figure grows with the file and shrinks with the size of the fix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from baes.fixes.patches.base import PatchPlan
from baes.metrics.tokens import count_tokens


@dataclass(frozen=True)
class TokenCost:
    full_regeneration: int
    targeted_patch: int

    @property
    def saved(self) -> int:
        return self.full_regeneration - self.targeted_patch


def snippets(original: str, plans: Sequence[PatchPlan]) -> list[tuple[str, str]]:
    """(before, after) text of every region the plans read, with their replacements applied."""
    replacements = [r for p in plans for r in p.replacements]
    regions = sorted({c for p in plans for c in p.contexts})
    merged: list[list[int]] = []
    for start, end in regions:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pairs = []
    for start, end in merged:
        inside = sorted((r for r in replacements if start <= r.start and r.end <= end), key=lambda r: r.start)
        after, cursor = [], start
        for r in inside:
            after.append(original[cursor : r.start])
            after.append(r.text)
            cursor = r.end
        after.append(original[cursor:end])
        pairs.append((original[start:end], "".join(after)))
    return pairs


def measure(instruction: str, original: str, patched: str, pairs: Sequence[tuple[str, str]]) -> TokenCost:
    """Token counts of the two ways of fixing, as defined in the module docstring."""
    ask = count_tokens(instruction)
    full = ask + count_tokens(original) + count_tokens(patched)
    targeted = ask + sum(count_tokens(before) + count_tokens(after) for before, after in pairs)
    return TokenCost(full, min(targeted, full))
