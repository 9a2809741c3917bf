"""Sentences that only say what the app already has are context, not a change.

People evolving an app say first what is there, then what they want: "We already have Customers and
Orders. Now we need Suppliers too: …", "Our clinic app has Patient and Doctor.", "Student exists
already.", "We have the Warehouse entity already.", "… linked to Client, which we already have.",
"Next to Team and Player we'd like an Injury entity: …", "there are already about 300 customers in
it". Read as part of the request, these sentences name entities the app has and the request was
refused as "talks about Customer and creates nothing that uses it". They are dropped, never the
sentence that asks: a context sentence is only dropped when another sentence follows it.

Part of ``baes.recognition.request_framing.unframed``, so it shapes the cache key too.
"""

from __future__ import annotations

import re

#: One to five names, as written ("Customers and Orders", "the Team, Player and Coach entities").
_NOT_IN_NAMES = r"(?!(?:and|or|we|i|you|they|it|is|are|to|for|with|in|on|at|exists?|already)\b)"
_NAME = rf"(?:the\s+)?[A-Za-z][\w-]*(?:\s+{_NOT_IN_NAMES}[A-Za-z][\w-]*)?"
_NAMES = rf"{_NAME}(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*){_NAME}){{0,4}}"
_STRUCTURE = r"(?:\s+(?:entity|entities|tables?|models?|records?))?"
_END = r"\s*(?:[.!;]+\s+(?=\S)|[.!]?\s*$)"
_IN_THE_APP = r"(?:\s+in\s+(?:it|there|(?:the|our|my)\s+(?:[\w-]+\s+){0,2}?(?:app|system|database)))?"
#: "We already have Customers and Orders.", "Our clinic app has Patient and Doctor.", "We have the Warehouse
#: entity already.": what the app has, said before what is asked.
_ALREADY_HAS = re.compile(
    rf"(?:^|(?<=[.!?]\s))\s*(?:(?:we|i)\s+already\s+(?:have|got)|(?:we|i)\s+(?:have|got)(?=[^.!?]*\balready\b)|(?:the|our|my|this)\s+"
    rf"(?:[\w-]+\s+){{0,3}}?(?:app|system|project|database|db)\s+(?:already\s+)?(?:has|have|contains))\s+(?:already\s+)?"
    rf"{_NAMES}{_STRUCTURE}(?:\s+already)?{_IN_THE_APP}{_END}",
    re.I,
)
#: "Student exists already.", "Customers and Orders exist.", "Vendor is already there.".
_EXISTS = re.compile(
    rf"(?:^|(?<=[.!?]\s))\s*{_NAMES}{_STRUCTURE}\s+(?:already\s+)?(?:exists?|(?:is|are)\s+already\s+(?:there|in\s+the\s+app))"
    rf"(?:\s+already)?{_END}",
    re.I,
)
#: "there are already about 300 customers in it.", "We already have 15 doctors and about 2000 appointments.":
#: how much data there is says nothing to change.
_COUNTED = r"(?:about\s+|around\s+|over\s+|roughly\s+|some\s+|almost\s+|nearly\s+)?\d[\d,.]*(?:\s+[a-z][\w-]*){1,4}?"
_HOW_MUCH_DATA = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\band\s))\s*(?:there\s+are|we\s+(?:already\s+)?have|it\s+(?:already\s+)?has)\s+(?:already\s+)?"
    rf"{_COUNTED}(?:\s+and\s+{_COUNTED})?(?:\s+(?:in\s+(?:it|there|(?:the|our)(?:\s+[\w-]+){{1,3}}?)|already))?"
    r"\s*(?:[.!;]+\s*|$|(?=,|\s+(?:so|but)\b))",
    re.I,
)
#: "… and keep all 300 records", "data has to stay", "but keep what's already stored": a rename or an
#: addition keeps the rows it has, so saying so asks for nothing more.
_KEEP_DATA = re.compile(
    r",?\s*(?:\b(?:and|but)\s+)?(?:(?:please\s+)?keep(?:ing)?\s+(?:all\s+(?:the\s+|of\s+the\s+)?(?:\d[\d,.]*\s+)?(?:existing\s+|old\s+)?"
    r"[a-z]+|what(?:'s|\s+is)\s+already\s+(?:stored|there|in\s+it)|the\s+(?:old\s+|existing\s+)?(?:data|values|records|rows))"
    r"|(?:the\s+|our\s+)?data\s+(?:has|have|needs?|must)\s+to\s+stay|without\s+losing\s+(?:any\s+)?(?:data|records|rows))\b"
    r"(?=\s*(?:[.!;,]|$))",  # the end of its clause: "we keep all the receipts with …" keeps receipts
    re.I,
)
#: "…, which we already have", "…, that already exists": a clause that says the app has it.
_WHICH_WE_HAVE = re.compile(
    r",?\s*(?:which|that)\s+(?:(?:we|you)\s+already\s+have|already\s+exists?|(?:is|are)\s+already\s+there)\b", re.I
)
#: "Next to Team and Player we'd like …", "an Injury entity next to Customer: …": where it goes, not what it is.
_NEXT_TO = re.compile(rf"(?:,\s*)?\b(?:next\s+to|alongside|besides)\s+{_NAMES}{_STRUCTURE}\s*,?\s*(?=[:\w])", re.I)

#: "we now have several sites, so …": why a link is asked for, said before it.
_MORE_THAN_ONE_NOW = re.compile(
    r"(?:^|(?<=[.!?]\s))\s*(?:we|i)\s+(?:now\s+)?have\s+(?:now\s+)?(?:several|many|multiple|more\s+than\s+one|a\s+few|two|three|"
    r"lots\s+of)\s+[a-z][\w-]*(?:\s+now)?\s*(?:,\s*(?:so\s+|and\s+)?|[.!;]\s+(?:so\s+)?)(?=\S)",
    re.I,
)
#: "The inspectors asked us to know which inspector did each visit. Connect Visit to Inspector.": a sentence
#: saying what is to be known, before the one that says how.
_TO_KNOW_WHICH = re.compile(
    r"(?:^|(?<=[.!?]\s))[^.!?\n]*\b(?:know|see|tell)\s+(?:which|who)\b[^.!?\n]*[.!?]\s+"
    r"(?=[^\n]*\b(?:belongs?|connect|link|linked|relate|related)\b)",
    re.I,
)

#: "…, microchip is optional because …", "…, but some plots are vacant": a clause saying not every row has it,
#: said as a sentence of its own so the later-sentence reader (``later_optional``) makes the field optional.
_OPTIONAL_CLAUSE = re.compile(
    r",\s*(?:but\s+)?(?=(?:[a-z][\w-]*\s+){1,2}(?:is|are)\s+optional\b|some\s+[a-z][\w-]*\s+(?:are|is)\s+"
    r"(?:vacant|empty|unassigned|blank)\b|some\s+[a-z][\w-]*\s+(?:do\s+not|don't|does\s+not|doesn't)\s+have\b)",
    re.I,
)


#: "it can stay empty for the old items", "salary can be null for now", "leave it blank for existing customers",
#: "for the members already existing put nothing": the rows already stored go without it, so it is optional.
_EMPTY_FOR_OLD_ROWS = re.compile(
    r"\b(?:(?P<who>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:can|may|could|will|should|must|has\s+to|have\s+to)\s+"
    r"(?:stay|remain|be\s+left|be|start(?:\s+out)?)\s+(?:empty|blank|null|nil|unset|missing|nullable)"
    r"|leave\s+(?:it|them|that)\s+(?:empty|blank|null|unset)"
    r"|(?:for\s+the\s+[a-z]+\s+already\s+(?:existing|there|in\s+(?:it|there|the\s+\w+))\s+)?put\s+(?:nothing|null|blank)"
    r"(?:\s+for\s+(?:the\s+)?(?:old|existing|current)\s+[a-z]+)?)"
    r"(?:\s+(?:sometimes|at\s+times|for\s+now|until\s+[^.,;]{1,40}|for\s+(?:the\s+)?[a-z]+\s+(?:we|you)\s+already\s+have"
    r"|for\s+(?:the\s+)?(?:old|existing|current)\s+[a-z]+"
    r"(?:\s+already\s+there)?)){0,2}",
    re.I,
)
_POINTING = frozenset({"it", "they", "them", "this", "that", "these", "those"})


def _optional(match: re.Match[str]) -> str:
    who = match["who"]
    if who and who.lower() in {"which", "who"}:
        return match[0]  # "notes, which can be empty": the list's own rules read it of its item
    return f"{who} optional" if who and who.lower() not in _POINTING else "optional"


def without_app_context(text: str) -> str:
    """``text`` without the sentences and clauses that only say what the app already has."""
    for context in (_ALREADY_HAS, _EXISTS):
        left = context.sub("", text)
        text = left if left.strip() else text
    data_left = _HOW_MUCH_DATA.sub("", text)
    if data_left.strip():
        text = data_left
    text = _TO_KNOW_WHICH.sub("", _MORE_THAN_ONE_NOW.sub("", text, count=1), count=1)
    text = _OPTIONAL_CLAUSE.sub(". ", text, count=1)
    text = _EMPTY_FOR_OLD_ROWS.sub(_optional, _KEEP_DATA.sub("", _WHICH_WE_HAVE.sub("", text)))
    return _NEXT_TO.sub(lambda m: " " if m.start() else "", text).strip()
