"""Changes said with the entity before the field: "remove from Surfboard the attribute volume", "Please
rename in Technician the field surname to last name", "the field grape please rename in varietal".

Second-language English often names where before what. Each such change is said again in the order
the rules read ("remove the attribute volume from Surfboard", "rename the field surname in Technician
to last name"); a rename "in" a new name (a literal "rinominare in") is a rename to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: A field's words after an owner-first command: up to the next clause, "to"/"into" or the end.
_FIELD = r"(?P<field>(?:the[ \t]+)?(?:(?:fields?|attributes?|columns?|properties|property)[ \t]+)?[^,.;:!?\n]+?)"
_OWNER = r"(?P<prep>from|of|in|on)[ \t]+(?:the[ \t]+)?(?P<owner>[A-Za-z]\w*)(?:[ \t]+(?:entity|table|model|record))?"

_OWNER_FIRST = re.compile(
    rf"\b(?P<verb>remove|delete|drop|eliminate|erase|suppress|rename|change)[ \t]+{_OWNER}[ \t]+{_FIELD}"
    r"(?=[ \t]+(?:to|into)\b|[ \t]*[,.;:!?\n]|[ \t]*$)",
    re.I,
)


def _reordered(match: re.Match[str]) -> str:
    field = match.group("field").strip()
    if not re.match(r"(?:the[ \t]+)?(?:(?:fields?|attributes?|columns?|propert(?:y|ies))\b|['\"])", field, re.I):
        return match.group(0)  # "remove from Surfboard all rows": no field named, left as written
    prep = match.group("prep")
    if prep.lower() == "of" and match.group("verb").lower() != "rename":
        prep = "from"  # "Remove of Client the field of second surname" (a literal "quitar del cliente")
    return f"{match.group('verb')} {field} {prep} {match.group('owner')}"


#: "For Wine, the field grape please rename to varietal", "In Pet the field raza was a mistake, rename it to breed".
_FIELD_THEN_RENAME = re.compile(
    r"^\W*(?:for|in|on)[ \t]+(?:the[ \t]+)?(?P<owner>[A-Za-z]\w*)[ \t]*,?[ \t]+(?:the[ \t]+)?"
    r"(?P<word>field|attribute|column|property)[ \t]+(?P<field>['\"][^'\"\n]{1,30}['\"]|\w+)[ \t,]+"
    r"(?:[^.!?\n]{0,40}?[ \t,]+)?(?:please[ \t]+)?rename(?:[ \t]+it)?[ \t]+(?:to|into|in)[ \t]+",
    re.I | re.M,
)

#: "The field actual_price in Product is confusing for the users, please rename in current_price": the field and its
#: owner first, why, then the new name.
_FIELD_OF_THEN_RENAME = re.compile(
    r"^\W*(?:the[ \t]+)?(?P<word>field|attribute|column|property)[ \t]+(?P<field>['\"][^'\"\n]{1,30}['\"]|\w+)[ \t]+"
    r"(?:in|on|of)[ \t]+(?:the[ \t]+)?(?P<owner>[A-Za-z]\w*)\b[^.!?\n]{0,80}?[ \t,.]+(?:so[ \t]+)?"
    r"(?:please[ \t]+|pls[ \t]+|kindly[ \t]+)?"
    r"(?:rename(?:[ \t]+it)?|change[ \t]+(?:his|its|the|her)[ \t]+name)[ \t]+(?:to|into|in|as)[ \t]+",
    re.I | re.M,
)

#: (pattern, replacement) pairs, applied in order to the request's text.
OWNER_FIRST: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (_FIELD_THEN_RENAME, r"rename the \g<word> \g<field> in \g<owner> to "),
    (_FIELD_OF_THEN_RENAME, r"rename the \g<word> \g<field> in \g<owner> to "),
    (_OWNER_FIRST, _reordered),
    # "the field grape please rename in varietal": "in" the new name, at the end of the request
    (re.compile(r"\b(rename)[ \t]+in[ \t]+(?=['\"]?[A-Za-z][\w ]{0,30}['\"]?[ \t]*(?:[,.;!?]|$))", re.I), r"\1 to "),
)
