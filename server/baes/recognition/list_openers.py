"""Words that open a list of fields the way "with" does: "Kilns — each has a serial code, …", "a Kiln model
storing name, …", "an API for kilns where each has …", "we're building an app for kilns; they have …",
"kilns: we need name, …", "we collect name, … for each kiln", "a kiln is a name, an email and …", "our school has
lessons, each with a title, …", "… For each one: …", "fields for Kiln: …", "The core object is Kiln: …".

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

#: "fields for Quadrat: …", "Acceptance criteria for Supplier: …": the list's name, then whose list it is.
_LIST_OF = re.compile(
    r"^(\s*)(?:the\s+)?(?:fields|columns|attributes|properties|acceptance\s+criteri(?:a|on)|acceptence\s+criteria|"
    r"requirements|spec|specification)\s+(?:for|of)\s+(?:the\s+|an?\s+)?(?=[A-Za-z][\w]*(?:\s+[A-Za-z][\w]*){0,2}"
    r"(?:\s+(?:entity|table|model))?\s*(?:[:\u2013\u2014]|-+>?))",
    re.I,
)
#: "The core object is Cleaning Job: …", "the thing we store first is Lessons — …": the thing is named after it.
_CORE_THING = re.compile(
    r"\bthe\s+(?:core\s+|main\s+|central\s+|primary\s+|key\s+)?(?:object|thing|entity|record)\s+"
    r"(?:(?:to\s+store|we\s+(?:store|need|track|keep))(?:\s+first)?\s+)?(?:is|are)\s+(?:the\s+|an?\s+)?"
    r"(?=[A-Za-z][\w]*(?:\s+[A-Za-z][\w]*){0,2}\s*[:\u2013\u2014-])",
    re.I,
)

#: "swimming club wants Swimmer with …", "tutoring centre - Lesson with …": a few lower-case words saying where,
#: then the thing named in capitals with its list (no command among the words).
_WHERE_THEN_NAME = re.compile(
    r"^(?!.*\b(?:create|make|add|remove|delete|rename|drop|change|update|link|give|put|build|set|move)\b[^A-Z]*[A-Z])"
    r"(?:[a-z][\w']*\s+){0,4}[a-z][\w']*(?:\s+(?:wants|needs)|\s*[:\u2013\u2014]|\s+-)\s+(?:an?\s+|the\s+)?"
    r"(?=[A-Z][a-z]\w*(?:\s+[A-Z][a-z]\w*){0,2}\s+(?:(?:entity|table|model)\s+)?(?:with|having)\b)"
)

#: "I manage a small campsite and every pitch has a pitch number, …": the things each have the list.
_AND_EACH_HAS = re.compile(
    r"^([^.:;\n]*?)\band\s+(?:each|every)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:has|have|needs|gets)\s+"
    r"(?:an?\s+|the\s+|its\s+)?(?!(?:many|several|multiple|lots|some|a\s+lot|a\s+few)\b)(?=[a-z][\w ]{0,30},)",
    re.I,
)
#: "My wife teaches a pottery class and wants to keep students with name, …": what is kept, then its list.
_AND_WANTS_TO_KEEP = re.compile(
    r"^[^.:;\n]*?\band\s+(?:i\s+|we\s+|she\s+|he\s+|they\s+)?(?:wants?|needs?|would\s+like)\s+to\s+"
    r"(?:keep|track|store|log|record|manage|save)\s+(?:track\s+of\s+)?(?:the\s+|our\s+|her\s+|his\s+|their\s+|my\s+)?"
    r"(?=[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+(?:with|having)\b)",
    re.I,
)
#: "…, whether it's been scanned, each ticket belongs to a show": a last clause saying whose each one is.
_EACH_BELONGS_LAST = re.compile(
    r",\s*(?=(?:and\s+)?(?:each|every)\s+[a-z][\w-]*\s+(?:belongs\s+to|is\s+for|is\s+linked\s+to)\s+"
    r"(?:an?|one|the)\s+[a-z][\w-]*\s*[.!]?\s*$)",
    re.I,
)

#: "I want to store patients. The form has boxes for full name; …": the paper form's boxes are the list.
_FORM_HAS_BOXES = re.compile(
    r"[.!?]\s+the\s+(?:paper\s+|old\s+|current\s+)?form\s+has\s+(?:boxes|fields|spaces|lines|blanks)\s+for\s+(?:the\s+)?", re.I
)

#: "… for my uncle shop, in which each product has name, …", "motorbike rental, motorbike has brand, …": the
#: things that have the list, said after what the request opened with.
_THEN_EACH_HAS = re.compile(
    r"^[^.\n]*?,\s*(?:in\s+which\s+|where\s+|and\s+)?(?:(?:each|every)\s+)?(?!(?:one|it|they|this|that|he|she|we|i|you)\b)([a-z][\w-]*)\s+(?:has|have)\s+"
    r"(?:an?\s+|the\s+)?"
    r"(?=[a-z][\w ]{0,30},)",
    re.I,
)


def _then_each_has(match: re.Match[str]) -> str:
    said_before = match[0][: match.start(1) - match.start()].lower()
    each = re.search(r"\b(?:each|every)\s+$", said_before) is not None
    if not each and not re.search(rf"\b{re.escape(match[1].lower())}", said_before):
        return match[0]  # "…, name has …": only a thing said before, or each of something, has the list
    return f"{match[1]} with "


#: "Create a system to manage beehives; hive name; apiary location; …": the first semicolon opens the list.
_SEMICOLON_OPENS = re.compile(
    r"^([^;:\n]{0,40}?\b(?:manage|managing|track|tracking|store|keep|create|make|build|need)\b"
    r"[^;:\n\-\u2013\u2014]{1,40}?)[ \t]*;"
    r"(?=[^;\n]+;[^;\n]+;)",
    re.I,
)


#: "pls create Tutor table, fields are name, email, …": the list after "fields are" ("are" is no flag's "is").
_FIELDS_ARE = re.compile(
    r"\b(?:the\s+)?(?:fields|columns|attributes|properties|cols)\s+(?:are|will\s+be|should\s+be|would\s+be)\s*:?\s*"
    r"(?=[a-z][\w ]{0,30},)",
    re.I,
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
    text = _CORE_THING.sub("", _LIST_OF.sub(r"\1", _has_lines(text), count=1), count=1)
    text = _THEN_EACH_HAS.sub(_then_each_has, _WHERE_THEN_NAME.sub("", text, count=1), count=1)
    text = _AND_WANTS_TO_KEEP.sub("", _AND_EACH_HAS.sub(r"\2 with ", text, count=1), count=1)
    text = _FORM_HAS_BOXES.sub(" with ", _EACH_BELONGS_LAST.sub(". ", text, count=1), count=1)
    if not re.search(r"\bwith\b|\bfor\b|:", text.split(";", 1)[0], re.I):  # not "a tool tracker for the makerspace;"
        text = _SEMICOLON_OPENS.sub(r"\1:", text, count=1)
    text = _FOR_EACH_ONE.sub(" with ", _EACH_WITH.sub(r"\1 with", text, count=1), count=1)
    text = _BULLETED_NAME.sub(lambda m: m[1] + "\n" + "\n".join(line.strip() for line in m[2].splitlines()), text, count=1)
    text = _FOR_EACH_AFTER.sub(r"each \2 has \1", text, count=1)
    text = _LIST_WORD_AFTER.sub(r"\1", _IS_MADE_OF.sub(r"\1 with ", text, count=1), count=1)
    text = _EACH_HAS.sub(lambda m: m[1] if m[1].strip()[:1] in {":", "-", "\u2013", "\u2014"} else " with ", text, count=1)
    if not re.search(r"\bwith\b|\bhaving\b|:", text.split("\n", 1)[0], re.I):
        text = _KEEPING.sub(r"\1 with ", text, count=1)
    return _WE_NEED.sub(": ", _FIELDS_ARE.sub("fields: ", text, count=1), count=1)
