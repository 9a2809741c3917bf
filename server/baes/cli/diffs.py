"""Git-style unified diffs of two versions of a file, as ``baes fix --diff`` and ``baes scaffold --dry-run`` print them."""

from __future__ import annotations

import difflib

NO_FILE = "/dev/null"


def unified_diff(old: str, new: str, fromfile: str, tofile: str) -> str:
    """The diff from ``old`` to ``new`` (``fromfile``/``tofile`` as git names them, ``/dev/null`` for none);
    a last line without a line break is marked the way git marks it."""

    def lines(text: str) -> list[str]:
        result = text.splitlines(keepends=True)
        if result and not result[-1].endswith(("\n", "\r")):
            result[-1] += "\n\\ No newline at end of file\n"
        return result

    return "".join(difflib.unified_diff(lines(old), lines(new), fromfile=fromfile, tofile=tofile))
