"""A table described as the spreadsheet it replaces: "Families tab — family name, …", "pallet tab, this is
my header row: …", "Work orders. Header is Customer Name|Device|…", "Make a Student table from my office
sheet. Columns: …", "Vaccination sheet for the goats, cols: …", "delete the tab for seed orders", "…: a, b, c. Can you make that a
Patient table?".

People who keep records in Excel or Google Sheets name a table by its tab or sheet and its fields by the
header row. The sheet, the tab and the header are where the words come from, never an entity or a field:
"X sheet" or "X tab" is the entity X, "the tab for X" is X, and the words that announce the header row
open the list, as a colon does. The name of the table may come after its list ("make that a Patient table",
"call it PartOrder").

Part of ``baes.recognition.request_framing.unframed``, so it shapes the cache key too.
"""

from __future__ import annotations

import re

_SHEET = r"(?:sheet|tab|spreadsheet|workbook|excel(?:\s+sheet)?|google\s+sheets?)"
#: "from my office sheet", "in our excel": where the words come from.
_FROM_SHEET = re.compile(
    rf"\s+(?:from|in|of|on)\s+(?:(?:my|our|the)\s+)?(?:[\w-]+\s+){{0,2}}?{_SHEET}\b(?!\s*(?:[:\-\u2013\u2014]))", re.I
)
#: ". Columns:", ", this is my header row:", "Header is", "sheet columns are", "cols:": the list begins.
_HEADER = re.compile(
    r"\s*[.,;:?!\-\u2013\u2014]?\s*(?:(?:this|these|here)\s+(?:is|are)\s+(?:my|our|the)\s+(?:header\s+row|headers|columns)|"
    r"(?:\b(?:the|my|our|sheet|spreadsheet|tab)\s+)?(?:header(?:\s+row)?|headers|columns|cols?)\s+(?:is|are|were)|"
    r"(?:has|with)\s+these\s+(?:headers|columns)|copied\s+from\s+the\s+sheet|(?:columns|cols?|headers)(?=\s*:)|"
    r"(?:each|every)\s+row(?:\s+(?:in|of|on)\s+(?:my|our|the)\s+\w+)?\s+(?:is|has))\s*:?\s*",
    re.I,
)
#: "Families tab —", "Members sheet ->", "Vaccination sheet for the goats,": the tab's name is the entity.
_NAMED_TAB = re.compile(
    rf"^(\s*(?:(?:my|our|the)\s+)?)([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)\s+{_SHEET}\b(?:\s+for\s+(?:the|my|our)\s+[\w-]+)?"
    r"(?=\s*(?:[:,;\-\u2013\u2014>]|has\b(?!\s+to\b)|\.))",  # not "each job sheet has to belong to …"
    re.I,
)
#: "harvest sheet got a new column: Buyer": a column added to the entity the sheet holds.
_NEW_COLUMN = re.compile(
    rf"^\s*(?:the\s+|my\s+|our\s+)?([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)\s+{_SHEET}\s+(?:got|gets|has|needs|now\s+has)\s+"
    r"(?:a\s+|an\s+|two\s+|some\s+)?(?:new|extra|more)\s+(?:columns?|fields?)\s*:\s*([^\n]+)",
    re.I,
)
#: "the tab for seed orders": the things on it.
_TAB_FOR = re.compile(rf"\b(?:the\s+)?{_SHEET}\s+(?:for|of|with)\s+(?:the\s+|our\s+|my\s+)?(?=[a-z])", re.I)


_MAKE_IT = (
    r"(?:(?:can|could)\s+you\s+|please\s+|pls\s+|i\s+want\s+(?:you\s+to\s+)?)?(?:make|turn|save|put)\s+(?:that|it|this|them)\s+"
    r"(?:into\s+|as\s+)?(?:a\s+|an\s+)?(?:proper\s+|real\s+)?((?-i:[A-Z])\w*)\s+(?:table|entity|model)"
)
#: "…: a, b, c. Can you make that a Patient table?", "… -- I want the same thing as a Unit entity", "… call it
#: PartOrder": the name of what was just listed comes last.
_NAMED_LAST = re.compile(
    r"\s*(?:[.!?,;]|--|[\-\u2013\u2014])\s*(?:" + _MAKE_IT + r"|i\s+want\s+the\s+same\s+thing\s+as\s+an?\s+((?-i:[A-Z])\w*)\s+"
    r"(?:table|entity|model)|call\s+it\s+((?-i:[A-Z])\w*)|(?:please\s+)?(?:make|create)\s+(?:an?\s+)?(?:entity|table|model)\s+"
    r"((?-i:[A-Z])\w*)\s+(?:with|from)\s+(?:them|these|those|it|this))\s*(?:,[^.?!\n]{0,60})?[.?!]*\s*$",
    re.I,
)
#: "Can you turn that into a proper Bike table? It's owner name, …": the name, then the list.
_NAMED_THEN_LISTED = re.compile(_MAKE_IT + r"\s*[?.!]\s*(?:it\s+is|it's|its|they\s+are|with|fields?\s+are)\s+", re.I)


def _named_last(text: str) -> str:
    """ "…: a, b, c. Can you make that a Patient table?" → "create Patient: a, b, c"."""
    last = _NAMED_LAST.search(text)
    if last is None:
        return _NAMED_THEN_LISTED.sub(r"create \1 with ", text, count=1)
    body = text[: last.start()]
    listed = re.split(r":|\s[\-\u2013\u2014]\s", body, maxsplit=1)
    return f"create {last[1] or last[2] or last[3] or last[4]}: {listed[-1].strip()}" if len(listed) == 2 else text


#: "Unit #", "Order #": a header's number sign is the word "number".
_NUMBER_SIGN = re.compile(r"\b([A-Za-z]\w*)\s*#(?=\s*(?:[,|;\t\n]|$))", re.M)


def without_the_sheet(text: str) -> str:
    """``text`` with its table named and listed as the rules read it (see the module docstring)."""
    text = _NUMBER_SIGN.sub(r"\1 number", text)
    if not re.search(rf"\b{_SHEET}\b|\bheaders?\b|\bcol(?:umn)?s\b", text, re.I):
        return text
    text = _NEW_COLUMN.sub(r"add \2 to \1", text, count=1)
    text = _NAMED_TAB.sub(r"\1\2", _FROM_SHEET.sub("", text, count=1), count=1)
    text = _HEADER.sub(": ", text, count=1)
    return _named_last(_TAB_FOR.sub(lambda m: m[0] if _named_thing(text[: m.start()]) else "", text, count=1))


#: Words before "sheet" that leave it a sheet ("the sheet for …", "a new tab with …"); any other word names a thing
#: called so ("create job sheet with job ref, …": a job sheet, the tradesman's form).
_BEFORE_A_SHEET = frozenset({"the", "a", "an", "my", "our", "this", "that", "new", "one", "another", "separate", "google"})
_BEFORE_A_SHEET |= {"delete", "remove", "drop", "make", "create", "add", "rename", "in", "on", "from", "to", "into", "for"}


def _named_thing(before: str) -> bool:
    words = before.split()
    return bool(words) and words[-1].lower() not in _BEFORE_A_SHEET and words[-1][:1].islower() and words[-1].isalpha()
