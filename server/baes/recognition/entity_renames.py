"""An entity of the app given a new name in a sentence with no verb of renaming, read from the text as
written: "Part should be Component", "`Trainee` should really be `Member` now", "The Spot table should be
called Advert from now on", "what we called a Workspace is now a Studio".

Requests are read in lower case, where "Part should be simpler" would look the same; so only the
request as written is read here, and only when the old name is one of the app's entities and the new
one is written as a name (capitalised or quoted as code), never an everyday word.
"""

from __future__ import annotations

import re

from baes.recognition import vocabulary as vocab
from baes.recognition.attribute_types import is_state_word
from baes.recognition.model import Draft
from baes.recognition.request_tokens import Known
from baes.scaffold.spec import EntitySpec, SpecError

_NEW = r"[`'\"]?(?P<new>[A-Z][A-Za-z0-9]*)[`'\"]?"
_STRUCTURE = r"(?:[ \t]+(?:entity|table|model|record|object))?"
_BECOMES = (
    r"(?:should|must|shall|will|has[ \t]+to|needs[ \t]+to)[ \t]+(?:really[ \t]+|now[ \t]+)?be"
    r"(?:[ \t]+(?:called|named|renamed[ \t]+to))?"
    r"|is[ \t]+now(?:[ \t]+(?:called|named))?(?:[ \t]+an?)?|becomes"
)
_AFTER = r"(?=[ \t]*(?:$|[.,;!?\n]|from[ \t]+now|now\b|going[ \t]+forward|in[ \t]+the[ \t]+(?:app|system|product)|across))"


def _says_a_state(word: str) -> bool:
    """ "Order should be Shipped", "Price should be Float": a state or a type, not a new name."""
    return word in vocab.TYPE_WORDS or word.endswith(("ed", "able", "ible")) or is_state_word(word)


def entity_renamed(request: str, known: Known) -> Draft | None:
    """The rename of one of the app's entities said as "E should be F" (see the module docstring), or None."""
    for name in known.by_key.values():
        written = r"[ _-]?".join(re.findall(r"[A-Z][a-z0-9]*", name))
        pattern = rf"(?<![\w.])[`'\"]?{written}[`'\"]?{_STRUCTURE}[ \t]+(?:{_BECOMES})[ \t]+{_NEW}{_AFTER}"
        match = re.search(pattern, request)
        word = match.group("new").lower() if match is not None else ""
        if match is None or match.group("new") == name or known.get(word) or _says_a_state(word):
            continue
        try:
            new = EntitySpec(match.group("new")).name
        except SpecError:
            continue
        return Draft("rename_entity", EntitySpec(name), renamed_from=name, renamed_to=new)
    return None
