"""A request corrected while it was said: "add a phone number to customer no actually to client", "with the dog
name, the walker no wait the walker name", "name, sorry I meant full name, phone".

Dictated and quickly typed requests correct themselves in passing. Read as words, both the slip and its correction
became fields ("walker", "wait_walker_name") or the slip won ("to customer"). The correction replaces the slip:
when its first word was said shortly before ("to client" after "to customer", "the walker name" after "the
walker"), from that word on; otherwise the list item it stands in (from the last comma, "and", "with" or colon). A
correction after the end of a sentence ("… be just driver? wait no, call it …") starts a sentence of its own and is
left to the rules.

Part of ``baes.recognition.request_framing.unframed``, so it shapes the cache key too.
"""

from __future__ import annotations

import re

#: What says the words before it were a slip.
_MARKER = re.compile(
    r"(?<![.?!])(?:\s*,)?\s+(?:no+\s+wait|wait\s+no|no\s+no|no,?\s+actually|actually\s+no|sorry,?\s+i\s+meant?|"
    r"(?<=,)\s*i\s+mean|or\s+rather|scratch\s+that|i\s+meant)\b\s*[,:\-\u2013\u2014]*\s*(?=\w)",
    re.I,
)
#: How far back the correction's first word is looked for, in words.
_WINDOW = 8
#: Where a list item starts: the slip it corrects is replaced from there.
_ITEM_START = re.compile(r"(?:,|:|\band\b|\bwith\b|\bis\b|\bare\b)\s*", re.I)
#: Most corrections one request is read with.
_MOST = 3


def corrected(text: str) -> str:
    """``text`` with each slip replaced by its correction (see the module docstring)."""
    for _ in range(_MOST):
        marker = _MARKER.search(text)
        if marker is None:
            return text
        before, after = text[: marker.start()], text[marker.end() :]
        first = after.split()[0].lower()
        words = list(re.finditer(r"[\w'-]+", before))[-_WINDOW:]
        same = [w for w in words if w.group(0).lower() == first]
        if same:
            cut = same[-1].start()
        else:
            starts = list(_ITEM_START.finditer(before))
            cut = starts[-1].end() if starts else 0
        text = f"{before[:cut]}{after}" if cut else after
    return text
