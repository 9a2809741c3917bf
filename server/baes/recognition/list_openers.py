"""Words that open a list of fields the way "with" does: "Kilns — each has a serial code, …", "a Kiln model
storing name, …", "an API for kilns where each has …", "we're building an app for kilns; they have …",
"kilns: we need name, …", "we collect name, … for each kiln", "a kiln is a name, an email and …", "our school has
lessons, each with a title, …", "… For each one: …".

The rules read a list after "with", "having" or a colon. People also open it with a clause saying that
each thing has it, or with a participle of keeping ("storing", "containing", "including"); each of these
is said as "with" (or the colon it follows is kept). "Rooms: has balcony" is a flag, not a clause: only a
subject ("each", "it", "they") makes "has" open the list.

Part of ``baes.recognition.request_framing.unframed``, so it shapes the cache key too.
"""

from __future__ import annotations

import re

#: "our school has lessons, each with a title, …": the things had are what the list describes.
_EACH_WITH = re.compile(
    r"^[^,.:;\n]{0,40}?\b(?:has|have|keeps|keep|runs|run|holds|hold|offers|offer|sells|sell)\s+(?:a\s+lot\s+of\s+|lots\s+of\s+|many\s+|several\s+)?"
    r"([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s*,\s*(?:and\s+)?(?:each|every)(?:\s+one)?(?:\s+of\s+them)?\s+(?:with|has|having|needs)\b",
    re.I,
)
#: "I'd like the app to hold enrolments. For each one: …": the list describes the things just named.
_FOR_EACH_ONE = re.compile(r"\s*[.;]\s*(?:and\s+)?for\s+(?:each|every)(?:\s+one)?(?:\s+of\s+them)?\s*[:,]\s*", re.I)
#: "Kilns — each has a serial code, …", "…; they have name, …", "… where each has …".
_EACH_HAS = re.compile(
    r"([:,;.\-\u2013\u2014]\s*|\s+where\s+)(?:and\s+)?(?:each(?:\s+one)?(?:\s+of\s+them)?|every\s+one|it|they)\s+"
    r"(?:has|have|contains?|includes?)\s+(?=[a-z][\w ]{0,30},)",
    re.I,
)
#: "a Kiln model storing name, …", "an entity for kilns containing …", "manage kilns including …": a participle
#: of keeping right after the things, before their list (when no "with" or colon came first); not "we shouldn't be
#: storing card_number on Rental", a verb.
_KEEPING = re.compile(
    r"^([^:\n]*?\b(?!(?:be|is|are|am|was|were|been|not|stop|keep|start)\b)[A-Za-z][\w-]*)\s+(?:storing|holding|containing|including|comprising|capturing|recording)\s+"
    r"(?=[a-z][\w ]{0,30},)",
    re.I,
)
#: "kilns: we need name, …": who needs the list says nothing more.
_WE_NEED = re.compile(r":\s*(?:we|i)\s+(?:need|want|have|keep|store|track|record)\s+(?=[a-z][\w ]{0,30},)", re.I)


#: "we collect name, email and start date for each kiln": the list, then whose it is.
_FOR_EACH_AFTER = re.compile(
    r"^\s*(?:we|i)\s+(?:also\s+)?(?:collect|record|store|keep|track|need|want|capture|note)\s+([^.!?\n]+?)\s+for\s+(?:each|every)\s+"
    r"([a-z]\w*)\s*[.!]?\s*$",
    re.I,
)
#: "So basically a kiln is a name, an email and a start date": what each thing is made of.
_IS_MADE_OF = re.compile(r"\b(?:an?|each|every)\s+([a-z]\w*)\s+is\s+(?:just\s+)?(?=an?\s+[a-z][\w ]{0,30},)", re.I)
#: "- Kiln" (or "Kiln") on the first line, then indented bullets: the name, then its list.
_BULLETED_NAME = re.compile(r"\A[ \t]*(?:[-*\u2022][ \t]+)?([^\n]+)\n((?:[ \t]+[-*\u2022][ \t]+[^\n]*(?:\n|\Z))+)")
#: "… with name, email and start date columns": the list's last word says what the items are.
_LIST_WORD_AFTER = re.compile(r"(,[^,\n]*\band\s+[a-z][\w ]{0,30}?)\s+(?:columns|fields|attributes|cols)\s*(?=[.!?]?\s*$)", re.I)


#: "- a Shipment has a tracking code" on each line of a list: one thing, its fields a line each.
_HAS_LINE = re.compile(
    r"^[ \t]*(?:[-*\u2022][ \t]+)?(?:(?:a|an|the|each|every)\s+)?(\w+)\s+(?:has|have|should\s+have|must\s+have|needs|gets)"
    r"\s+(?:an?\s+|the\s+|its\s+)?([^\n]+?)\s*[.;]?[ \t]*$",
    re.I | re.M,
)


def _has_lines(text: str) -> str:
    """Lines that each say "a Shipment has a …" of one thing, as one "Shipment has a, b and c"."""
    lines = list(_HAS_LINE.finditer(text))
    things = {m[1].lower() for m in lines}
    if len(lines) < 2 or len(things) != 1:
        return text
    listed = f"{lines[0][1]} has {', '.join(m[2] for m in lines)}"
    return text[: lines[0].start()] + listed + text[lines[-1].end() :]


def list_opened(text: str) -> str:
    """``text`` with its list opened by "with" or a colon (see the module docstring)."""
    text = _has_lines(text)
    text = _FOR_EACH_ONE.sub(" with ", _EACH_WITH.sub(r"\1 with", text, count=1), count=1)
    text = _BULLETED_NAME.sub(lambda m: m[1] + "\n" + "\n".join(line.strip() for line in m[2].splitlines()), text, count=1)
    text = _FOR_EACH_AFTER.sub(r"each \2 has \1", text, count=1)
    text = _LIST_WORD_AFTER.sub(r"\1", _IS_MADE_OF.sub(r"\1 with ", text, count=1), count=1)
    text = _EACH_HAS.sub(lambda m: m[1] if m[1].strip()[:1] in {":", "-", "\u2013", "\u2014"} else " with ", text, count=1)
    if not re.search(r"\bwith\b|\bhaving\b|:", text.split("\n", 1)[0], re.I):
        text = _KEEPING.sub(r"\1 with ", text, count=1)
    return _WE_NEED.sub(": ", text, count=1)
