"""Fields added or removed in words the change rules do not read: "Please remove from the Member the acreage",
"strip the `fax_number` field off Vendor", "we also need to know each student's gpa and graduation year".

A second-language order puts the entity before the field ("remove from the Member the acreage"); "strip X
off E" is "remove X from E"; and wanting to know each entity's fields is adding them. Each rule says the
change as "remove X from E" or "add X to E". "(not always known)" after a field is "(optional)", and
"heated - yes/no", "how many shelves", "how long it takes in minutes" and "how much they paid"
say a field's type as the type rules read it.

Part of ``baes.recognition.request_framing.unframed``, so it shapes the cache key too.
"""

from __future__ import annotations

import re

_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # "Please remove from the Member the acreage, we not collect it anymore"
    (
        re.compile(
            r"\b(remove|delete|drop)\s+(?:from|of)\s+(?:the\s+)?((?-i:[A-Z])\w*)\s+((?:the\s+)?[a-z][\w ]{0,40}?)"
            r"(?=\s*(?:[,.;!]|$))",
            re.I,
        ),
        r"\1 \3 from \2",
    ),
    # "strip the `fax_number` field off Vendor", "take the fax off suppliers"
    (re.compile(r"\b(?:strip|take)\s+(.{1,60}?)\s+off\s+(?:of\s+)?(?=(?:the\s+)?[A-Za-z])", re.I), r"remove \1 from "),
    # "pls put one more column in Booking for the court fee", "we need a field on Booking called no show": the
    # column's entity and what it is for (or is called) said after it
    (
        re.compile(
            r"^(?:[\w',]+\s+){0,5}?(?:put|add|need|want|have|get|create|make)\s+(?:(?:a|an|one\s+more|another|an\s+extra|a\s+new|new|extra)\s+)?"
            r"(?:column|field|attribute|box|slot)\s+"
            r"(?:in|on|to|for|at)\s+(?:the\s+)?((?-i:[A-Z])\w*|\w+s)(?:\s+(?:entity|table|model|records?))?\s+(?:for|called|named)\s+(?!\w+ing\b)"
            r"([^,\n.;!?]+)",
            re.I,
        ),
        r"add \2 to \1",
    ),
    # "existing items → vegan false", "old articles: paywalled = no": the value the rows already stored get
    (
        re.compile(
            r"\b(?:existing|old|current)\s+[a-z][\w ]{0,20}?\s*(?::|->|=>|\u2192)\s*(?P<field>[a-z][\w ]{0,30}?)\s*"
            r"(?:=|:|->|=>|\u2192|\bto\b|\bis\b)?\s*(?P<value>true|false|yes|no|none|\d+(?:\.\d+)?|'[^'\n]*'|\"[^\"\n]*\")"
            r"(?=\s*(?:$|[.,;!?\n]))",
            re.I,
        ),
        r"\g<field> defaults to \g<value>",
    ),
    # "new fields for Kiln - email, start date"
    (
        re.compile(
            r"^\s*(?:new|extra|more|two|some)\s+(?:fields|columns|attributes)\s+(?:for|on|in)\s+(\w+)\s*[:\-\u2013\u2014]\s*([^\n]+)$",
            re.I,
        ),
        r"add \2 to \1",
    ),
    # "we would like the Loan records to include an insurance value", "they want each Nurse to have a band and …":
    # what the entity should hold, wished for it
    (
        re.compile(
            r"(?<!\bnot\s)(?<!n't\s)(?<!\bnever\s)(?<!\blonger\s)\b(?:would\s+like|'d\s+like|wants?|needs?)\s+"
            r"(?:each|every|all|the|our)?\s*((?-i:[A-Z])\w*)"
            r"(?:\s+(?:records?|entries|entity|table|model|rows))?\s+to\s+(?:also\s+)?(?:include|have|store|record|hold|get"
            r"|carry|contain|gain)\s+(?![^.;!?\n]*\bany\s?more\b)([^.;!?\n]+?)(?:\s*,?\s+(?:please|pls|too|as\s+well))?"
            r"(?=\s*(?:[.;!?]\s|[.;!?]?$|\n)|\s*,?\s+(?:since|because)\s)",
            re.I,
        ),
        r"add \2 to \1",
    ),
    # "I don't want Appointment to carry the room anymore": the wish not to hold a field is its removal
    (
        re.compile(
            r"\b(?:don't|do\s+not|no\s+longer)\s+(?:want|need)\s+(?:the\s+)?((?-i:[A-Z])\w*)\s+to\s+"
            r"(?:have|carry|store|record|hold|keep|show)\s+(?:the\s+|an?\s+|its\s+)?([a-z][\w ]{0,40}?)(?:\s+(?:field|column))?"
            r"(?:\s+any\s?more|\s+now)?(?=\s*(?:[.;,!?]|$))",
            re.I,
        ),
        r"remove \2 from \1",
    ),
    # "an emergency contact email recorded against them": who the fields are kept for is the entity said before
    (
        re.compile(
            r"\s+(?:recorded|stored|kept|logged|held|saved)\s+(?:against|for|on|with)\s+(?:them|it|each(?:\s+one)?)\b", re.I
        ),
        "",
    ),
    # "I want the notes field removed from Order", "we need the Coupon entity gone", "please have the Fax entity
    # removed": the wish is the removal
    (
        re.compile(
            r"(?:\b(?:i|we|they)(?:\s+(?:also\s+)?(?:want|need|would\s+like)|'d\s+like)|^\s*(?:please\s+|pls\s+)?(?:have|get)"
            r"|\b(?:can|could)\s+(?:you|we)\s+(?:please\s+)?(?:have|get))\s+(the\s+[\w` -]{1,40}?|(?-i:[A-Z])\w*(?:\s+"
            r"(?:entity|table|model|field|column))?)\s+(?:to\s+be\s+)?(?:removed|deleted|dropped|gone|taken\s+out)\b",
            re.I,
        ),
        r"remove \1",
    ),
    # "we also need to know each student's gpa and graduation year"
    (
        re.compile(
            r"^\s*(?:we|i)\s+(?:also\s+)?(?:need|want|would\s+like)\s+to\s+(?:know|record|store|track|keep)\s+(?:each|every|the)\s+"
            r"([a-z]\w*)'s\s+(?![^.?!\n]*\b(?:on|to|in|for)\s+(?:an?\s+|the\s+|each\s+|every\s+)?(?-i:[A-Z]))([^.?!\n]+?)\s*[.?!]?\s*$",
            re.I,
        ),
        r"add \2 to \1",
    ),
)


#: "Buyer (not always known)", "(sometimes empty)": a field that may be empty, said in a parenthesis.
_SOMETIMES_EMPTY = re.compile(
    r"\(\s*(?:not\s+always\s+(?:known|available|there|filled(?:\s+in)?|present|set)|sometimes\s+(?:unknown|missing|empty|blank)|"
    r"(?:may|can)\s+be\s+(?:empty|blank|missing|unknown|null|left\s+(?:empty|blank))|"
    r"(?:unassigned|empty|blank|null|missing|no)\s+(?:[a-z]+\s+){0,2}?(?:allowed|ok|okay|possible|permitted))\s*\)"
    r"|,?\s+which\s+(?:can|may)\s+be\s+(?:empty|blank|null|missing|left\s+(?:empty|blank))\b",
    re.I,
)
#: "Link Expense to Category; some expenses have no category", "… (not every expense has one)": a clause saying some
#: rows lack it, said as the later sentence ``later_optional`` reads.
_SOME_LACK_IT = re.compile(r"(?:\s*[;\u2014\u2013]\s*|\s+-\s+|\s*\(\s*)((?:some|not\s+(?:all|every|each))\s[^.;()\n]*)\)?", re.I)
#: Where an item of a list starts: after a comma, a colon, "and" or "with".
_LIST_ITEM = r"((?:[,:]|\band\b|\bwith\b|\balso\b|\bplus\b)\s+)"
#: "heated - yes/no", "how many shelves": an item's type said in words; a name said the second-language way.
_TYPE_SAID = (
    (re.compile(r"\s+[-\u2013\u2014]\s+(yes/no|y/n|true/false)\b", re.I), r" (\1)"),
    # "vaccinated yes-no" in a list that "/" separates: the flag's mark hyphenated
    (re.compile(r"(?<=[a-z])\s+\(?(?:yes-no|y-n|true-false)\)?(?![\w/-])", re.I), " (yes/no)"),
    # spoken flags: "callouts yes no", "yes or no if paid", "true/false for shipped"
    (
        re.compile(rf"{_LIST_ITEM}([a-z][\w-]*(?:\s+[a-z][\w-]*){{0,2}})\s+(?:yes\s+no|true\s+false)\b(?!/)", re.I),
        r"\1\2 (yes/no)",
    ),
    (
        re.compile(
            r"\b(?:an?\s+)?(?:yes\s*(?:or|/)\s*no|true\s*(?:or|/)\s*false|y/n)\s+(?:if|whether|for)\s+(?:(?:it|they)\s+(?:is|are|was|were)\s+)?"
            r"([a-z][\w-]*(?:\s+[a-z][\w-]*)?)(?=\s*(?:,|\band\b|$|[.;)]))",
            re.I | re.M,
        ),
        r"\1 (yes/no)",
    ),
    # spoken questions as fields: "is it paid" (whether it is paid), "how old they are" (age)
    (re.compile(rf"{_LIST_ITEM}(?:is|was)\s+(it|they)\s+(?=[a-z])", re.I), r"\1whether \2 is "),
    (re.compile(rf"{_LIST_ITEM}how\s+old\s+(?:they|it|he|she)\s+(?:are|is)\b", re.I), r"\1age"),
    # one modifier said for two: "first and last name", "start and end time", "home and work phone"
    (
        re.compile(
            r"\b(first|start|min|minimum|home|arrival|check-?in|pick-?up|opening|billing|morning|from)\s+(?:and|&|/)\s+"
            r"(last|end|max|maximum|work|departure|check-?out|drop-?off|closing|shipping|evening|to)\s+([a-z]\w*)\b",
            re.I,
        ),
        r"\1 \3, \2 \3",
    ),
    (re.compile(r"\bhow\s+many\s+([a-z]\w*s)\s+(?:per|a|each)\s+(day|week|month|year|hour)\b", re.I), r"\1 per \2 (number)"),
    # "how many plus ones they bring": what is counted, without who brings it
    (
        re.compile(
            r"\bhow\s+many\s+((?:plus\s+)?[a-z]\w*s)(?:\s+(?:they|he|she|we|i|you|people)\s+[a-z]+(?=\s*(?:,|;|\band\b|\.|$)))?\b",
            re.I | re.M,
        ),
        r"\1 (number)",
    ),
    # spoken measures, as items of a list: "…, how long it takes in minutes" is a duration, "and how much they
    # paid" the amount paid
    (
        re.compile(
            rf"{_LIST_ITEM}how\s+long(?:\s+(?:it|each|the|they|a|an|one)(?:\s+[a-z]+)?\s+(?:takes|took|lasts|lasted|runs|"
            r"ran|goes|went|is|was|stays|stayed))?(?:\s+(?:in|for)\s+(minutes|hours|days|mins))?\b(?!\s+(?:ago|until|before))",
            re.I,
        ),
        lambda m: f"{m[1]}duration_{m[2].lower().replace('mins', 'minutes')} (number)" if m[2] else f"{m[1]}duration (number)",
    ),
    (
        re.compile(rf"{_LIST_ITEM}how\s+much\s+(?:(?:it|they|he|she|we|you|the\s+\w+|each\s+\w+)\s+)?(?:paid|pay|pays)\b", re.I),
        r"\1amount paid (money)",
    ),
    (re.compile(rf"{_LIST_ITEM}how\s+much\s+(?:it|each\s+\w+|the\s+\w+|they|one)\s+costs?\b", re.I), r"\1price (money)"),
    # a second-language name: "number of room" is the room's number, "price for night" the price per night
    (
        re.compile(
            r"\bnumber\s+of\s+(?:the\s+)?(room|house|apartment|flat|unit|seat|table|order|invoice|ticket|account|phone|passport|"
            r"licen[cs]e|member|student|employee|case|file|bed|locker|parcel|plot|box|car|vehicle|card)\b(?!s)",
            re.I,
        ),
        r"\1 number",
    ),
    (
        re.compile(
            r"\b(price|rate|cost|fee)\s+for\s+(?:one\s+|a\s+|the\s+)?(night|day|hour|week|month|person|kg|item|unit)\b", re.I
        ),
        r"\1 per \2",
    ),
)


#: A removal: the fields named in it are the columns as they are, whatever their type.
REMOVING = re.compile(
    r"\b(?:remove|delete|drop(?![ \t-]*(?:off|in)\b)|take\s+(?:off|out)|get\s+rid\s+of|scrap|ditch|strip\s+out)\b", re.I
)
#: "on Garden take off pond y/n and the soil ph": a removed field's type said after it, no part of its name.
_FLAG_MARK = re.compile(r"(?<=[a-z])[ \t]+\(?(?:y/n|yes/no|yes\s+or\s+no|true/false)\)?(?=[ \t]*(?:[,.;]|and\b|$))", re.I | re.M)


def fields_plainly(text: str) -> str:
    """``text`` with a field change said as "remove X from E" or "add X to E" (see the module docstring)."""
    if REMOVING.search(text):
        text = _FLAG_MARK.sub("", text)
    text = _SOME_LACK_IT.sub(lambda m: f". {m[1][:1].upper()}{m[1][1:]}.", text)
    text = _SOMETIMES_EMPTY.sub(lambda m: " (optional)" if m[0].lstrip(", ").startswith("which") else "(optional)", text)
    for pattern, replacement in _TYPE_SAID:
        text = pattern.sub(replacement, text)
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text, count=1)
    return text
