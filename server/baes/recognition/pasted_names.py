"""The entity that the words around a pasted definition name, when the definition names none (a JSON record,
a table of fields, a CSV sample).

People say which thing a pasted block is in many ways besides "make a Listing entity out of it": the kind of
record before the block ("Booking entity. header + sample row:"), what they want kept ("the clinic wants
referrals stored", "we log every delivery, one looks like this:"), what the owner calls the rows ("they call
them purchase orders", "this is for a Manuscript entity"), or a word in quotes ("their 'vehicles' export").
Each is tried in that order of certainty. A word that names the block itself ("this", "the JSON", "columns")
or who sent it ("the client") is never the entity.

Used by ``baes.recognition.pasted_code``.
"""

from __future__ import annotations

import re

from baes.recognition.plurals import singularize
from baes.scaffold.spec import pascal_case

#: Words that point or belong to someone: never a word of the entity's name.
_POINTING = frozenset(
    "this that these those it them one ones some all every each their our my your his her its the a an they we i you "
    "he she what here there same new extra following below above".split()
)
#: Words that name the pasted block, its parts or who sent it: never the entity itself ("field visits" may be).
_NOT_ENTITY = _POINTING | frozenset(
    """json csv yaml yml sql schema spec record records row rows column columns field fields header headers sample
    example examples export data table tables list sheet spreadsheet excel file doc document line lines entry
    entries thing things stuff info details format shape version type types model entity client clients customer
    customers boss team user users app system tool api payload object objects body structure way""".split()
)
#: "a Listing entity", "an entity called Listing", "as Prescription", "Booking entity.", "the Member schema".
_NAMED = re.compile(
    r"\b(?:an?|the)\s+((?-i:[A-Z])\w*)\s+(?:entity|table|model|resource|schema|record|object)\b"
    r"|\b(?:entity|table|model)\s+(?:called|named|is|:)\s*((?-i:[A-Z])\w*)"
    r"|\bas\s+(?:an?\s+)?((?-i:[A-Z])\w*)\b"
    r"|(?:^|[.,;:\n]\s*|\bfor\s+(?:an?\s+)?)((?-i:[A-Z])\w*)\s+(?:entity|table|model|schema)\b",
    re.I,
)
#: "create a Vehicle from that", "make Vehicles out of this": the capitalised thing to create.
_CREATED = re.compile(r"\b(?:create|make|build|generate|scaffold)\s+(?:an?\s+|the\s+)?((?-i:[A-Z])\w*)\b(?!\s*:)", re.I)
_WORD = r"[A-Za-z][a-z-]+"
#: "they call them purchase orders", "client calls these Gateways"; "these are Shipments", "that's a Textbook".
_CALLED = re.compile(rf"\b(?:call|calls|called)\s+(?:them|these|those|it|this)\s+({_WORD}(?:\s+{_WORD})?)\b", re.I)
_THESE_ARE = re.compile(
    r"\b(?:these|those|they)\s+are\s+(?:the\s+|our\s+|their\s+)?([A-Z]\w*)\b"
    r"|\b(?:that|this|it)(?:'s|\s+is)\s+(?:for\s+)?(?:an?\s+|the\s+|our\s+)?([A-Z]\w*)\b"
)
#: "wants timesheets", "to log routes", "keep track of appointments", "store their properties", "every donation".
_KEPT = re.compile(
    rf"\b(?:wants?|needs?|tracks?|logs?|stores?|keeps?|records?|catalogues?|catalogs?|manages?|lists?|holds?|saves?|registers?)"
    rf"(?:\s+track\s+of)?\s+(?:all\s+|every\s+|each\s+)?(?:(?:the|their|our|his|her|its)\s+)?(?:(?:[a-z][\w-]*'s?)\s+)?"
    rf"({_WORD}(?:\s+{_WORD})?)\b(?=\s*(?:stored|kept|tracked|[.,:;!?\n(]|$|\s+(?:in|from|with|too|here|please|like|as|for)\b))",
    re.I,
)
#: "their 'vehicles' export", "“Inquiries”": a word or two in quotes.
_QUOTED = re.compile(r"['\"\u2018\u201c]([A-Za-z][a-z-]+(?:\s[A-Za-z][a-z-]+)?)['\"\u2019\u201d]")


def named_in(words: str) -> str | None:
    """The entity ``words`` name for a pasted block, in PascalCase and singular, or None."""
    named = _NAMED.search(words) or _CREATED.search(words) or _THESE_ARE.search(words)
    if named:
        found = next((g for g in named.groups() if g), None)
        if found and found.lower() not in _NOT_ENTITY:
            return found
    for pattern in (_CALLED, _QUOTED, _KEPT):
        for match in pattern.finditer(words):
            name = _thing(match.group(1))
            if name is not None:
                return name
    return None


def _thing(phrase: str) -> str | None:
    """A phrase of one or two words as an entity name, or None when a word of it names no thing."""
    words = phrase.split()
    while words and words[-1].lower() in _NOT_ENTITY | {"stored", "kept", "tracked"}:
        words.pop()
    if not words or words[-1].lower() in _NOT_ENTITY or any(w.lower() in _POINTING for w in words):
        return None
    words[-1] = singularize(words[-1])
    return pascal_case(" ".join(words))
