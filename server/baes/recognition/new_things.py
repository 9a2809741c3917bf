"""Adding a thing to the app is creating it: "add Puppies to the grooming app: name, …", "Add exhibitions
(title, curator, …)", "Added Fuel Purchases (liters, …)", "add a Kiln entity for the studio: …", "there should be kilns with …".

"Add" mostly adds fields to an entity ("add phone to Member"), so the rules read "add X to Y" as fields X
of an entity Y. When Y is the app itself ("the grooming app", "the system"), or when X is followed
straight away by its own list in parentheses, X is a new thing with that list: the request is rewritten
as a create. An entity the app already has is then refused with "already exists" rather than guessed.

Part of ``baes.recognition.request_framing.unframed``, so it shapes the cache key too.
"""

from __future__ import annotations

import re

_NAME = r"([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2}?)"
_ADD = r"^(\s*(?:please\s+|pls\s+|can\s+you\s+|could\s+you\s+|let\s+us\s+|let's\s+)?)add(?:ed)?\s*:?\s+(?:an?\s+|some\s+|new\s+)*"
#: "add Puppies to the grooming app: …", "Please add Chemicals to the system (…)": the app is where it goes.
_TO_THE_APP = re.compile(
    _ADD + _NAME + r"(?:\s+(?:entity|table|model|records?))?\s+(?:to|in|into)\s+(?:the|my|our|this)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:app|application|system|database|db|project|site|website|tool|platform)\b\s*(?=[:(\-\u2013\u2014,]|with\b)",
    re.I,
)
#: "Add exhibitions (title, curator, …)": a plural or a capitalised name, then its list in parentheses.
_WITH_ITS_LIST = re.compile(
    _ADD + r"((?:(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*){0,2})|[a-z][\w-]*(?:\s+[a-z][\w-]*)?s)"
    r"(?:\s+(?:entity|table|model))?\s*(?=\((?:[^()\n]*[,;]){2}[^()\n]*\))",
    re.I,
)


#: "add a table of species for the survey with …", "add a list of donors: …": the things the table holds.
_TABLE_OF = re.compile(_ADD + r"(?:table|list|register|log)\s+(?:of|for)\s+(?:the\s+|our\s+|all\s+)?(?=[a-z])", re.I)


#: "there should be kilns with …", "there must be a Kiln entity: …": what should exist is created.
_THERE_BE = re.compile(
    r"^(\s*)there\s+(?:should|must|will|needs\s+to|has\s+to|could)\s+be\s+(?:an?\s+|some\s+)?(?=[A-Za-z])", re.I
)


#: "a quick ReturnedItem thing", "create one entity Kolam": how big or how many, said before a name, are no part of it.
_SIZE_BEFORE_NAME = re.compile(
    r"\b(an?)\s+(?:quick|simple|small|little|basic|tiny)\s+(?=(?-i:[A-Z]))|\b(create|make|add|need)\s+one\s+(?=(?:entity|table|model)\b)",
    re.I,
)
#: "Driver attributes include license number, …": the entity's list.
_ATTRIBUTES_INCLUDE = re.compile(r"\b((?-i:[A-Z])\w*)\s+(?:attributes|fields|columns|properties)\s+(?:include|are)\b", re.I)
#: "set the app up so we can …": the phrasal verb said whole.
_SET_UP = re.compile(r"\bset\s+(the|our|my)\s+(app|system|database|tool)\s+up\b", re.I)


def as_created(text: str) -> str:
    """``text`` with an addition of a new thing said as its creation (see the module docstring)."""
    text = _SIZE_BEFORE_NAME.sub(lambda m: f"{m[1]} " if m[1] else f"{m[2]} an ", text)
    text = _SET_UP.sub(r"set up \1 \2", _ATTRIBUTES_INCLUDE.sub(r"\1:", text, count=1), count=1)
    text = _THERE_BE.sub(r"\1create ", text, count=1)
    text = _TABLE_OF.sub(r"\1create ", _TO_THE_APP.sub(r"\1create \2 ", text, count=1), count=1)
    return _WITH_ITS_LIST.sub(r"\1create \2 ", text, count=1)
