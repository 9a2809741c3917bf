"""What every patch produces: a plan of replacements in the original text, plus imports it needs.

A planner never returns text for the whole file. It names the exact ranges it changes
(code-point offsets in the source it was given), the regions it had to read to make the
change (the snippet a targeted LLM patch would see, used to measure tokens), and the
import statements the new code needs. Keeping imports symbolic lets several fixes that
each need an import be combined without fighting over the import block.
"""

from __future__ import annotations

from dataclasses import dataclass


class PatchFailure(Exception):
    """A patch cannot be applied to this source; the message says why (shown to users)."""


@dataclass(frozen=True)
class Replacement:
    """Replace ``source[start:end]`` with ``text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class PatchPlan:
    """The changes one patch makes, all in the coordinates of the source it was planned on."""

    patch_type: str
    replacements: tuple[Replacement, ...]
    imports: tuple[str, ...] = ()
    # (start, end) offsets of the regions read to make the change (the targeted snippet)
    contexts: tuple[tuple[int, int], ...] = ()
    line: int = 1
    function: str | None = None
    description: str = ""

    @property
    def location(self) -> str:
        """``"Line 4 (function: get_db_connection)"``, or ``"Line 1 (module)"``."""
        where = f"function: {self.function}" if self.function else "module"
        return f"Line {self.line} ({where})"

    @property
    def is_noop(self) -> bool:
        return not self.replacements and not self.imports
