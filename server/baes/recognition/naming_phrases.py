"""Words around a name that are not the name, and removals said in passing.

"field of 'purchase price'" names ``purchase_price``; "one piece of Equipment" is the Equipment; ", not
needed." after a removal says why it goes; "field of study" is one name ("field" alone is a filler: "add a
field for notes"). "stop storing the fax number", "we no longer use …" and "we stopped collecting …" remove.

Part of ``normalize.clean_text``, so they shape the cache key too.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_NO_LONGER_USED = (
    r"\b(?:we|i|they)[ \t]+(?:no[ \t]+longer[ \t]+use|do[ \t]+not[ \t]+use(?=[^.!?\n,]*\banymore\b)|"
    r"(?:have[ \t]+)?stopped[ \t]+(?:using|tracking|recording|collecting|filling[ \t]+in)"
    r"(?![^.!?\n]*[.!?][ \t]+[^\n]*\b(?:remove|delete|drop)\b))[ \t]+"  # not "… years ago. Remove fax number …"
)
#: Words before "X records" that make them rows of data ("remove the Ferry records older than 2019").
_ABOUT_ROWS = re.compile(
    r"\b(?:remove|delete|drop|clear|wipe|erase|purge)\b|^[ \t]+(?:older|newer|where|before|after|from|whose)\b", re.I
)


def _named_record(match: re.Match[str]) -> str:
    before, after = match.string[: match.start()], match.string[match.end() :]
    if _ABOUT_ROWS.search(before) or _ABOUT_ROWS.match(after):
        return match[0]
    return f"{match[1]} entity"


#: Words before "no" that make it an answer, not "number" ("yes no", "yes or no", "say no").
_ANSWERING = frozenset(
    {"yes", "or", "y", "and", "say", "says", "answer", "answers", "is", "are", "with", "have", "has", "to", "at", "as", "be"}
    | {"default", "defaults", "defaulting", "defaulted", "set", "start", "starts", "initially", "means", "otherwise", "else"}
)


def _number_short(match: re.Match[str]) -> str:
    return match[0] if match[1].lower() in _ANSWERING else f"{match[1]}_no"


NAMING_PHRASES: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    # "stop storing the fax number for suppliers": a removal
    (
        re.compile(r"\bstop[ \t]+(?:storing|tracking|recording|keeping|saving|collecting|capturing|asking[ \t]+for)\b", re.I),
        "remove",
    ),
    # "we don't use the fax number on suppliers anymore": a removal ("… the word DJ anymore" says why a name changes)
    (re.compile(_NO_LONGER_USED + r"(?!(?:the[ \t]+)?(?:word|term|name|label)\b)", re.I), "remove "),
    # "delete the field 'gift wrap', not needed.": why it goes, no field ("not required" in a list makes one optional)
    (
        re.compile(
            r"^((?=[^\n]*\b(?:remove|delete|drop)\b)[^\n]*?),[ \t]*(?:it[ \t]+is[ \t]+|it's[ \t]+|is[ \t]+)?"
            r"(?:not|no[ \t]+longer)[ \t]+(?:more[ \t]+)?(?:needed|used|necessary)(?:[ \t]+any[ \t]*more)?(?=[ \t]*[.!]?[ \t]*$)",
            re.I,
        ),
        r"\1",
    ),
    # "Tenant: drop ssn (privacy review)": why it goes, in a last parenthesis
    (re.compile(r"^((?=[^\n]*\b(?:remove|delete|drop)\b)[^\n]*?)[ \t]*\([^()\n]{1,40}\)[ \t]*[.!]?[ \t]*$", re.I), r"\1"),
    # "no show (true/false)": a flag's name, not a negation
    (re.compile(r"\bno[ \t-]shows?\b", re.I), "no_show"),
    # "field of study" names one field ("field" alone is a filler: "add a field for notes")
    (re.compile(r"\bfield[ \t]+of[ \t]+(study|expertise|work|research|view|interest|practice|activity)\b", re.I), r"field_of_\1"),
    # "delete the field of 'purchase price'", "add the field of contract end date": the field named after "of"
    # ("the status field of Ticket" names the field before "of")
    (re.compile(r"\b(the|an?|one|new)[ \t]+(field|column|attribute)[ \t]+of[ \t]+(?=['\"\u2018\u201ca-z])", re.I), r"\1 \2 "),
    # "we need an Expense record —", "create VitalSign records with": a name in capitals, then what kind of thing it
    # is ("Training Record" in capitals and "vaccination records" are names of their own)
    (re.compile(r"(?<=[a-z,;:] )([A-Z][a-z]+(?:[A-Z][a-z]+)*)[ \t]+records?\b"), _named_record),
    # "roll no", "Part No", "reciept no": "no" short for number, ending a list item ("serial no." is read as a number)
    (re.compile(r"\b([A-Za-z]+)[ \t]+no\b(?=[ \t]*(?:[,;)|+\n]|$|[ \t]+(?:and|-)[ \t]))", re.I), _number_short),
    # "each rental is for one piece of Equipment": the thing, not a piece
    (re.compile(r"\b(for|to)[ \t]+(?:(?:one|an?|a[ \t]+single)[ \t]+)?piece[ \t]+of[ \t]+", re.I), r"\1 "),
    # "a proper Incident record instead with …": what it replaces was said before; "instead" is no name
    (re.compile(r"[ \t]+instead(?=[ \t]+(?:with|having)\b|[ \t]*:)", re.I), ""),
    # "… to replace them. Call it Patient Registration, with first name, …": a sentence that names and lists
    (
        re.compile(
            r"(?:^|(?<=[.!?][ \t])|(?<=\n))(?i:(?:please[ \t]+)?call[ \t]+it)[ \t]+([A-Z]\w*(?:[ \t]+[A-Z]\w*){0,2})"
            r"[ \t]*,?[ \t]+(?i:(with|having))\b"
        ),
        r"Create \1 \2",
    ),
)
