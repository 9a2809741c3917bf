"""Punctuation said aloud to a phone: "volunteer name comma shift date comma start time", "boiler service new line
customer name new line address", "… and expiry date full stop".

Dictation software types the mark's name when the speaker says it. Said two times or more ("comma", "new line",
"semicolon"), or "full stop" anywhere, it is the mark; a single "comma" may be a word of a name and stays.
Part of ``normalize.clean_text``, so it shapes the cache key too.
"""

from __future__ import annotations

import re

#: (the mark's spoken name, the mark typed, how often it must be said to be the mark).
_MARKS: tuple[tuple[re.Pattern[str], str, int], ...] = (
    (re.compile(r"[ \t,]*\b(?:new|next)[ \t]+(?:line|paragraph)\b[ \t,]*", re.I), "\n", 2),
    (re.compile(r"[ \t]*\bcomma\b[ \t]*", re.I), ", ", 2),
    (re.compile(r"[ \t]*\bsemicolon\b[ \t]*", re.I), "; ", 2),
    (re.compile(r"[ \t]*\bfull[ \t]+stop\b[ \t]*", re.I), ". ", 1),
)


def typed_marks(text: str) -> str:
    """``text`` with the punctuation said aloud typed as marks (see the module docstring)."""
    for pattern, mark, times in _MARKS:
        if len(pattern.findall(text)) >= times:
            text = pattern.sub(mark, text).strip()
    return text
