"""A field asked as a question at the very end of a list: "Climb: route name, grade, flash?", "…, first visit?".

In the middle of a list the mark already makes a yes/no field ("insured?, notes": ``normalize``); at the end it
might only close a question. It is a field's question when the request is no question itself (it opens with no
"can", "could", "is", "how" …), a list comes before it, and its words are no field of a known kind ("…, phone?" is
an unsure phone number, not a flag).
"""

from __future__ import annotations

import re

from baes.recognition import vocabulary as vocab

#: The request, when it opens with no question word, up to a comma list whose last item ends with "?".
LAST_ITEM_ASKED = re.compile(
    r"^(?![ \t]*(?:can|could|would|will|is|are|do|does|did|how|what|why|should|shall|may|where|which|who|any)\b)"
    r"(?P<before>[^?]*,[^?,]*,[ \t]*(?:and[ \t]+)?)(?P<item>[A-Za-z][\w-]*(?:[ \t]+[A-Za-z][\w-]*){0,3})\?[ \t]*$",
    re.I | re.S,
)


def as_flag(match: re.Match[str]) -> str:
    """The item marked "(yes/no)" unless its last word names a field of another kind."""
    last = match["item"].split()[-1].lower()
    typed = last in vocab.ATTRIBUTE_TYPES or last in vocab.TEXT_OVERRIDES or last in vocab.NAME_WORDS
    typed = typed or vocab.singularize(last) != last  # "…, vet initials?": a plural names things, never whether
    return match[0] if typed else f"{match['before']}{match['item']} (yes/no)"
