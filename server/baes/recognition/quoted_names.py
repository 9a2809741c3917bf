"""Quoted names of a few words ("'renamed on'", "'preferred shift'") as one snake_case name.

Read first, before any rule reads the name's words as the request's own: "remove 'preferred shift' and …" asks
for no preference, "remove 'renamed on' …" for no rename. A quoted default value ("default 'not started'") stays.
"""

from __future__ import annotations

import re

#: The words before a quotation that make it a value, not a name ("default 'not started'").
_VALUE_BEFORE = re.compile(r"\b(?:default|defaults|defaulting|defaulted)\b(?:[ \t]+(?:to|of|is|=))?[ \t]*$", re.I)


def _quoted_name(match: re.Match[str]) -> str:
    """A quoted name of a few words as one snake_case name; a quoted default value stays as written."""
    if _VALUE_BEFORE.search(match.string[: match.start()]):
        return match.group(0)
    return match.group(1) + "_".join(match.group(2).split()) + match.group(1)


#: A quoted name of a few words ("'renamed on'", "'preferred shift'"), opened after a blank or a mark and closed before
#: one: no apostrophes ("I'd note the pupil's name").
_QUOTED_APART = re.compile(r"(?:(?<=[\s(:,])|^)(['\"])([a-z]+(?:[ \t]+[a-z]+){1,3})\1(?=[\s.,;:!?)]|$)", re.I)


def quoted_names(text: str) -> str:
    """``text`` with each quoted name of a few words as one snake_case name, before any rule reads its words as
    the request's own ("remove 'renamed on' …" asks for no rename)."""
    return _QUOTED_APART.sub(_quoted_name, text)
