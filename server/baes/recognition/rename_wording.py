"""A field's new name said around the words ``rename_phrases`` reads: "change the attribute name of Slip
from boat_len into boat_length", "change sqm field name to area_sqm", "Bunk: header nr_beds → bed_count",
"Client wants 'deposit' on Rental renamed to …", "change where it says weight to net weight", "on the
harvest thing weight should be called net weight".

The words around the old name say where it is written (a header, "where it says"), who asks, or that the
entity is "the X thing"; none is part of the name. Each rule says the rename as "rename OLD to NEW".

Part of ``baes.recognition.request_framing.unframed``, so it shapes the cache key too.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: Words after "should be" that say how a field is, not its new name ("status on Order should be optional").
_NOT_A_NAME = (
    r"(?!(?:required|optional|mandatory|unique|nullable|needed|empty|blank|a|an|the|true|false|yes|no|on|off|default|"
    r"set|renamed|removed|deleted|hidden|visible|shown|editable|lowercase|uppercase|int|integer|float|decimal|text|string|date|"
    r"datetime|bool|boolean|number|numeric|money|email|longer|shorter|bigger|smaller|sorted|filled|zero|\d)\b)"
)

_RULES: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    # "change the attribute name of Slip from boat_len into boat_length"
    (
        re.compile(
            r"\b(?:change|rename)\s+(?:the\s+)?(?:attribute|field|column|property)\s+name\s+(?:of|in|on)\s+(\w+)\s+from\s+"
            r"(\S+)\s+(?:into|to)\s+",
            re.I,
        ),
        r"rename \2 in \1 to ",
    ),
    # "change the name field on stylist to full name": the field, its owner, then the new name
    (
        re.compile(
            r"\bchange\s+(?:the\s+)?(?:name\s+of\s+(?:the\s+)?)?([\w'\"` ]{1,30}?)\s+(?:field|column|attribute|property)\s+"
            r"(?:on|in|of|for)\s+(?:the\s+)?(\w+)"
            r"\s+to\s+(?:be\s+)?(?:called\s+|named\s+)?(?=\S)",
            re.I,
        ),
        r"rename \1 in \2 to ",
    ),
    # "change the name of the entity Veiculo for Vehicle": "for" a new name (a literal "por", "pour", "für")
    (
        re.compile(
            r"\b(?:change|modify|update)\s+the\s+name\s+of\s+(?:the\s+)?(?:(entity|table|model|field|column|attribute)\s+)?"
            r"(['\"`]?\w+['\"`]?)\s+(?:for|by|as)\s+(?=['\"`]?\w)(?!(?:a|an|the|some|something|another|one|better)\b)",
            re.I,
        ),
        lambda m: f"rename the {m[1]} {m[2]} to " if m[1] else f"rename {m[2]} to ",
    ),
    # "change the plot 'size' field name to 'area sqm'": the quoted field, its name changed
    (re.compile(r"(?<=['\"`])[ \t]+(?:field|column)[ \t]+name[ \t]+(?=to\b)", re.I), " "),
    # "the complaints table needs renaming to service requests", "Camper needs to be renamed to Participant"
    (re.compile(r"\b(?:needs?|requires?)\s+(?:renaming|to\s+be\s+renamed)\s+(?=(?:to|as|into)\b)", re.I), "should be renamed "),
    # "the column that says Qty on Orders …": the column is named by what it says
    (
        re.compile(
            r"\bthe\s+(column|field|box|label|header)\s+(?:that|which)\s+(?:says|reads|is\s+labell?ed)\s+(['\"`]?)(\w+(?:\s+\w+){0,2}?)\2"
            r"(?=\s+(?:on|in|of|for|should|needs?|to)\b)",
            re.I,
        ),
        r"the \3 \1",
    ),
    # "the Qty column on Orders should say quantity": what a column says is its name
    (
        re.compile(r"\b(column|field|label|header)\b([^.\n]{0,40}?)\s+should\s+(?:say|read)\s+(?=\S)", re.I),
        r"\1\2 should be called ",
    ),
    # "change sqm field name to area_sqm in Property"
    (
        re.compile(r"\b(?:change|rename)\s+(?:the\s+)?(\w+)\s+(?:field|column|attribute|property)\s+name\s+to\s+", re.I),
        r"rename \1 to ",
    ),
    # "event model: createdDate -> created_at": the label names the entity, "model" says what it is
    (re.compile(r"^(\s*\w+)\s+(?:model|table|entity|class)\s*:(?=[^\n]*(?:->|=>|\u2192))", re.I | re.M), r"\1:"),
    # "Rename ExpertRating to ContributorComparison for more clarity": why, no part of the new name
    (
        re.compile(
            r"\b((?i:rename)\s[^.\n]*?\b(?i:to|as|into)\s+[`'\"]?[A-Za-z_]\w*[`'\"]?)[ \t]*[,;]?[ \t]*(?i:for|to make it)[ \t]+"
            r"(?i:(?:more|better|the sake of|the sake of more|extra)[ \t]+)?"
            r"(?i:clarity|consistency|readability|clearer|consistent)\b[^.\n]*"
        ),
        r"\1",
    ),
    # "Rename Attendee model to EventParticipant — Attendee is ambiguous": a reason after a dash, no other command
    (
        re.compile(
            r"\b((?i:rename)\s[^.\n]*?\b(?i:to|as|into)\s+[A-Z]\w*)[ \t]+[-\u2013\u2014]+[ \t]+"
            r"(?![^\n]*\b(?i:add|remove|delete|drop|create|rename|link|change|and\s+also)\b)[^\n]*$",
            re.M,
        ),
        r"\1",
    ),
    # "Rename Drug entity → Medication", "rename the Drug model -> Medication": the kind said before the arrow
    (
        re.compile(
            r"\b(?i:rename)\s+(?:the\s+)?([A-Z]\w*)\s+(?i:model|table|entity|class)\s*(?:->|=>|\u2192|:)\s*(?=[A-Z]\w*\s*(?:[.!]|$))",
            re.M,
        ),
        r"rename the \1 entity to ",
    ),
    # "Person → Ancestor (rename the entity please)": the arrow is the rename the parenthesis asks for
    (
        re.compile(
            r"^\s*([A-Z]\w*)\s*(?:->|=>|\u2192)\s*([A-Z]\w*)\s*\(\s*(?i:(?:please\s+)?rename\s+(?:the\s+|this\s+)?"
            r"(?:entity|model|table|class)(?:\s+please)?)\s*\)\s*$",
            re.M,
        ),
        r"rename the \1 entity to \2",
    ),
    # "rename event_date by event_datetime" (French "renommer par", Spanish "por"): one name for another
    (
        re.compile(r"\brename\s+([`'\"]?\w+[`'\"]?)\s+(?:by|with)\s+(?=[`'\"]?\w+[`'\"]?\s*(?:[.,;!]|$))", re.I | re.M),
        r"rename \1 to ",
    ),
    # "Bunk: header nr_beds → bed_count": a spreadsheet's header is the field
    (re.compile(r"^(\s*\w+\s*:\s*)(?:header|column|col|field)\s+(?=\w+\s*(?:->|=>|\u2192))", re.I | re.M), r"\1"),
    # "Client wants 'deposit' on Rental renamed to …": who asks is no part of the name
    (
        re.compile(
            r"^\s*(?:the\s+)?(?:client|customer|boss|manager|team|users?|they|he|she|[A-Z][\w&' ]{0,30}?)\s+"
            r"(?:wants?|would\s+like|asked\s+for|asks\s+for)\s+"
            r"(?=(?:['\"][^'\"\n]+['\"]|\w+(?:\s+\w+){0,3})\s+(?:on|in)\s+\w+\s+(?:to\s+be\s+)?(?:renamed|called)\b)",
        ),
        "",
    ),
    # "`phone_no` on Contact should just be `phone`"
    (
        re.compile(
            r"^\s*[`'\"]?([a-z]\w*)[`'\"]?\s+(?:on|in)\s+(\w+)\s+should\s+(?:just\s+|really\s+|now\s+)?be\s+(?:called\s+|named\s+)?"
            + _NOT_A_NAME
            + r"[`'\"]?(\w+)[`'\"]?\s*[.!]?\s*$",
            re.M,
        ),
        r"rename \1 in \2 to \3",
    ),
    # "In Course, call the 'teacher' field 'instructor' instead"
    (
        re.compile(
            r"\bcall\s+the\s+(['\"][\w ]+['\"]|\w+)\s+(?:field|column|attribute)\s+"
            r"(?!(?:on|in|of|for|at)\b)(['\"][\w ]+['\"]|\w+)(?:\s+instead)?",
            re.I,
        ),
        r"rename \1 to \2",
    ),
    # "The Reading.temp field name is confusing, change it to …", "on Unit, 'vacant' is confusing people, rename it to …"
    (
        re.compile(
            r"^\s*(?:(?:the\s+)?((?-i:[A-Z])\w*)\.(\w+)|(?:on|in|for)\s+(\w+)\s*,\s*['\"]?([\w ]+?)['\"]?)"
            r"(?:\s+(?:field|column))?(?:\s+name)?"
            r"\s+is\s+[^,.;\n]{1,40}[,.;]\s*(?:so\s+)?(?:please\s+)?(?:change|rename)\s+it\s+to\s+",
            re.I,
        ),
        lambda m: f"rename {m[2] or m[4]} in {m[1] or m[3]} to ",
    ),
    # "we say crops not plants on this farm, rename Plant": the word they use is the new name
    (
        re.compile(
            r"^\s*we\s+(?:say|call\s+them|use)\s+(\w+)\s+not\s+\w+\b[^,.;\n]*[,.;]\s*(?:so\s+)?(?:please\s+)?rename\s+(?:the\s+)?"
            r"([A-Z]\w*)(?:\s+entity)?\s*[.!]?\s*$",
            re.I,
        ),
        r"rename the \2 entity to \1",
    ),
    # "the doctor wants 'Patients' to be called 'Clients'"
    (
        re.compile(
            r"^\s*(?:the\s+)?[\w ]{1,30}?\s+(?:wants?|would\s+like)\s+(['\"][^'\"\n]+['\"])\s+to\s+be\s+"
            r"(?:called|named|renamed)\s+",
            re.I,
        ),
        r"rename \1 to ",
    ),
    # "On Volunteer I want that the phone is named mobile": a second-language "that"
    (
        re.compile(
            r"\b(?:i\s+want|we\s+want|i\s+would\s+like)\s+that\s+(?:the\s+)?(\w+(?:\s+\w+)?)\s+is\s+(?:named|called)\s+", re.I
        ),
        r"rename \1 to ",
    ),
    # "fax on kilns is now phone": the field's new name (not "status on Order is now required")
    (
        re.compile(
            r"^\s*([a-z][\w ]{0,30}?)\s+(?:on|in|of)\s+(\w+)\s+is\s+now\s+(?:called\s+|named\s+)?"
            r"(?!(?:required|optional|mandatory|unique|nullable|needed|obsolete|deprecated|unused|empty|a|an|the)\b)"
            r"([a-z]\w*(?:\s+[a-z]\w*)?)\s*[.!]?\s*$",
            re.I,
        ),
        r"rename \1 in \2 to \3",
    ),
    # "student name in sessions should just be learner", "i think start on Shift should really be start time"
    (
        re.compile(
            r"^\s*(?:i\s+think\s+|[\w ]{0,30}?\bsays?\s+)?['\"]?([a-z][\w ]{0,30}?)['\"]?\s+(?:on|in|of|for)\s+(\w+)\s+"
            r"should\s+(?:just\s+|really\s+|rather\s+)?(?:be|read)\s+"
            + _NOT_A_NAME
            + r"['\"]?([a-z]\w*(?:\s+[a-z]\w*)?)['\"]?\s*(?:,[^.\n]*)?[.!]?\s*$",
            re.I,
        ),
        r"rename \1 in \2 to \3",
    ),
    # "total should be grand total on orders", "our HR lead says salary should be base salary on Employee, …"
    (
        re.compile(
            r"^\s*(?:i\s+think\s+|[\w ]{0,30}?\bsays?\s+)?['\"]?([a-z][\w ]{0,30}?)['\"]?\s+should\s+(?:just\s+|really\s+)?"
            r"(?:be|read)\s+" + _NOT_A_NAME + r"['\"]?([a-z]\w*(?:\s+[a-z]\w*)?)['\"]?\s+(?:on|in|for)\s+(\w+)"
            r"\s*(?:,[^.\n]*)?[.!]?\s*$",
            re.I,
        ),
        r"rename \1 in \3 to \2",
    ),
    # "In Lesson, call topic learning objective instead", "in Event can we call 'place' 'location' instead"
    (
        re.compile(
            r"^\s*(?:in|on|for)\s+(\w+)\s*,?\s+(?:can\s+we\s+|could\s+we\s+|please\s+|pls\s+)?call\s+(?:the\s+)?"
            r"(?:['\"]([\w ]+?)['\"]|(\w+))\s+(?:['\"]([\w ]+?)['\"]|([a-z][\w ]{0,30}?))\s+instead\b",
            re.I,
        ),
        lambda m: f"rename {m[2] or m[3]} in {m[1]} to {m[4] or m[5]}",
    ),
    # "Renaming request: Meeting → calendar event": the request's label is the command
    (re.compile(r"^\s*(?:renaming|rename)\s+(?:request|ticket|task)\s*:", re.I), "Rename:"),
    # "change where it says weight to net weight"
    (re.compile(r"\bchange\s+where\s+it\s+says\s+", re.I), "rename "),
    # "on the harvest thing weight should be called …": the entity, said as a thing
    (re.compile(r"^(\s*(?:ok(?:ay)?\s+)?(?:so\s+)?on\s+the\s+\w+)\s+thing\b", re.I | re.M), r"\1"),
    # "Tool is the wrong word, everyone here says Machine": the name in use, then the one people say
    (
        re.compile(
            r"\b([A-Z]\w*)\s+is\s+(?:the\s+|a\s+)?(?:wrong|bad|confusing|odd)\s+(?:word|name|term)\b[^.!?\n]{0,40}?"
            r"\b(?:says?|calls?\s+(?:it|them)|uses?|prefers?)\s+['\"`]?([A-Z]\w*)['\"`]?(?=\s*(?:[.,;!?]|$))[^\n]*",
            re.M,
        ),
        r"rename \1 to \2",
    ),
    # "Staff has a field called mobile, I'd like it to be named phone": the field said first, its new name after
    (
        re.compile(
            r"\b([A-Z]\w*)\s+(?:has|have)\s+(?:a|an|the|one)?\s*(?:field|column|attribute|property)\s+(?:called|named)\s+"
            r"['\"`]?(\w[\w ]{0,30}?)['\"`]?\s*[,.;]?\s*(?:and|but|so)?\s*(?:(?:i|we)(?:'d|\s+would)\s+like|(?:i|we)\s+want)?\s*"
            r"it\s+(?:to\s+be|should\s+be|must\s+be|needs\s+to\s+be)\s+(?:named|called|renamed(?:\s+to)?)\s+"
            + _NOT_A_NAME
            + r"['\"`]?(\w[\w ]{0,30}?)['\"`]?\s*(?=[.,;!?]|$)",
            re.I | re.M,
        ),
        r"rename \2 to \3 in \1",
    ),
)


def renamed_plainly(text: str) -> str:
    """``text`` with a field's new name said as "rename OLD to NEW" (see the module docstring)."""
    for pattern, replacement in _RULES:  # a replacement is a template or a function of the match
        text = pattern.sub(replacement, text, count=1)
    return text
