"""Column types as SharePoint lists, Access and Excel forms name them: "Title (Single line of text)", "Issued - Date
and Time", "Fee: Currency", "Holder: Lookup to Resident", "ID - AutoNumber".

People moving a list out of an office tool describe its columns with the tool's own type names. Read as words they
became parts of the names ("notes_multiple_lines_of", "fee_currency", "lookup_resident"). Each type name is said as
the type word the rules read ("(text)", "(money)", "(datetime)"); a lookup is a reference to the list it looks up;
an AutoNumber column is the row's id, which every entity has, and is left out.

Part of ``baes.recognition.request_framing.unframed``, so it shapes the cache key too.
"""

from __future__ import annotations

import re

#: Each office type name, as the type word the rules read.
_TYPES = {
    "single line of text": "text",
    "multiple lines of text": "text",
    "short text": "text",
    "long text": "text",
    "rich text": "text",
    "plain text": "text",
    "hyperlink": "text",
    "hyperlink or picture": "text",
    "person or group": "text",
    "choice": "text",
    "managed metadata": "text",
    "date and time": "datetime",
    "currency": "money",
    "yes/no": "yes/no",
    "number": "number",
    "whole number": "integer",
}
_TYPE_NAMES = "|".join(sorted((re.escape(t).replace(r"\ ", r"\s+") for t in _TYPES), key=len, reverse=True))
#: A column and its type: "Title (Single line of text)", "Issued - Date and Time", "Fee: Currency".
_COLUMN = re.compile(
    rf"(?P<name>\b[A-Za-z][\w']*(?:[ \t]+[A-Za-z][\w']*){{0,3}}?)[ \t]*(?:\([ \t]*|[:\-\u2013\u2014][ \t]*)"
    rf"(?P<type>{_TYPE_NAMES}|date/time)\b[ \t]*\)?(?=[ \t]*(?:[,;.\n]|$|and\b|\())",
    re.I,
)
#: "Holder: Lookup to Resident", "Resident (Lookup)", "Site - lookup from Sites".
_LOOKUP = re.compile(
    r"\b(?P<name>[A-Za-z]\w*(?:[ \t]+[A-Za-z]\w*){0,2}?)[ \t]*(?:\([ \t]*|[:\-\u2013\u2014][ \t]*)lookup"
    r"(?:[ \t]+(?:to|from|of|on|into)[ \t]+(?:the[ \t]+)?(?P<target>[A-Za-z]\w*)(?:[ \t]+list)?)?[ \t]*\)?",
    re.I,
)
#: "ID - AutoNumber", "RecordID (AutoNumber)": the row's id.
_AUTONUMBER = re.compile(
    r"[,;]?[ \t]*\b(?:[A-Za-z]\w*[ \t]+){0,2}[A-Za-z]\w*[ \t]*(?:\([ \t]*|[:\-\u2013\u2014][ \t]*)auto[ -]?number\b[ \t]*\)?",
    re.I,
)
#: Names that say a day: an Access "Date/Time" column named so holds a date.
_DAY_NAME = re.compile(r"(?:date|day|on|birthday|dob|deadline|due)$", re.I)


def office_typed(text: str) -> str:
    """``text`` with office type names said as the rules' type words (see the module docstring)."""
    if not re.search(rf"{_TYPE_NAMES}|date/time|lookup|auto[ -]?number", text, re.I):
        return text
    text = _AUTONUMBER.sub("", text)
    return _COLUMN.sub(_typed, _LOOKUP.sub(_looked_up, text))


def _looked_up(match: re.Match[str]) -> str:
    """ "Holder: Lookup to Resident" → "Holder (reference to Resident)"; "Resident (Lookup)" → "reference to Resident"."""
    return f"{match['name']} (reference to {match['target']})" if match["target"] else f"reference to {match['name']}"


def _typed(match: re.Match[str]) -> str:
    name, said = match["name"], " ".join(match["type"].lower().split())
    if said == "date/time":
        return f"{name} ({'date' if _DAY_NAME.search(name.strip()) else 'datetime'})"
    return f"{name} ({_TYPES[said]})"
