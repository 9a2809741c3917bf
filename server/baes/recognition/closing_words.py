"""What a request says after its change that asks for nothing more: "…, can you set that up?", "… — that's
what the crew call it", "… — we don't use it". Left in, these words read as more fields or as a reason the
rules cannot place, and the change is refused or misread; the change itself is said before them.

Part of ``baes.recognition.request_framing.unframed``, so it shapes the cache key too.
"""

from __future__ import annotations

import re

#: "…, can you set that up?", "… please do that", "… - can you rename the entity?": the change asked for again.
_ASKED_AGAIN = re.compile(
    r"(?:[,.;]|\s+[-\u2013\u2014]+)?\s*(?:(?:can|could|would)\s+(?:you|u)\s+(?:please\s+)?|please\s+|pls\s+|kindly\s+)"
    r"(?:set\s+(?:that|this|it|them)\s+up|do\s+(?:that|this|it)|make\s+(?:that|this|it)\s+happen|add\s+(?:that|this)|"
    r"rename\s+(?:it|them|the\s+(?:entity|table|model)))"
    r"(?:\s+(?:for\s+me|please|pls))?\s*[?.!]*\s*$",
    re.I,
)
#: "rename Pairing to Rotation — that's what the crew call it": after a dash, why; never part of the change.
_DASHED_REASON = re.compile(
    r"\s+[-\u2013\u2014]+\s+(?:that'?s|that\s+is|it'?s|it\s+is|this\s+is|because|cause|coz|bc|"
    r"(?:as|since)\s+(?:we|they|the|our|it|that|nobody|no\s+one))\b[^\n]*$",
    re.I,
)


def without_closing_words(text: str) -> str:
    """``text`` without a last clause that only asks again or says why (see the module docstring)."""
    return _DASHED_REASON.sub("", _ASKED_AGAIN.sub("", text, count=1), count=1)
