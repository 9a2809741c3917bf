"""A removal that points back at fields listed before it: "in Booking we have promo code and referral source,
neither is used. delete those fields pls".

People say what an entity holds first and then ask to remove "those", "them", "both" or "these two fields",
often with a reason in between. The sentence that asks names no field, so the fields are the list said
after "has" / "we have" about one entity of the app. Only a short list (up to four items of up to four
words) is read, and only when the pointer comes after it; anything else is left to the other rules.
"""

from __future__ import annotations

import re

from baes.recognition.model import Draft
from baes.recognition.quoted_fields import field_name
from baes.recognition.request_tokens import Known, entity_key
from baes.scaffold.spec import EntitySpec

#: "in Booking we have …", "on the Machine table there's …", "Machine has …", "our Guest entity still has …".
_LISTED = re.compile(
    r"(?:\b(?:in|on|for)\s+(?:the\s+|our\s+)?(?P<owner>[A-Za-z]\w*)(?:\s+(?:entity|table|model|records?))?,?\s+"
    r"(?:we(?:'ve)?|you|it|there(?:'s| is| are)?)\s*(?:still\s+)?(?:have|has|got)?"
    r"|\b(?:the\s+|our\s+)?(?P<subject>[A-Za-z]\w*)(?:\s+(?:entity|table|model))?\s+(?:still\s+)?(?:has|have|got))"
    r"\s+(?:(?:fields?|columns?|attributes?)\s+(?:called\s+)?)?(?P<items>[^.;!?:\n]+?)"
    r"\s*(?=[,.;!?\n]|\s+(?:but|which|that|neither|none|nobody|we)\b|\s+from\s+(?:the\s+|our\s+)?(?:old|previous|legacy)\b)",
    re.I,
)
#: The removal pointing back ("delete those fields", "remove both", "drop them", "get rid of these two").
_POINTER = re.compile(
    r"\b(?:remove|delete|drop|get\s+rid\s+of|take\s+out|lose|ditch)\s+"
    r"(?:both(?:\s+of\s+them)?|them(?:\s+both)?|those|these|it)(?:\s+(?:two|three|2|3))?(?:\s+(?:fields|columns|attributes))?\b",
    re.I,
)
#: Words of what an entity has that are no field of it ("no rows left", "lots of records").
_NOT_FIELDS = frozenset({"no", "nothing", "none", "rows", "records", "entries", "data", "anything", "everything", "lots"})
_ITEM_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s+or\s+)\s*", re.I)
_ARTICLE = re.compile(r"^(?:a|an|the|its|their|some)\s+", re.I)
_FIELD_WORD = re.compile(r"\s+(?:field|column|attribute|flag)$", re.I)


def removal_pointed_back(request: str, known: Known) -> Draft | None:
    """The fields of the list said about one entity, removed by a later "delete those" (see the docstring)."""
    pointer = _POINTER.search(request)
    if pointer is None:
        return None
    for listed in _LISTED.finditer(request[: pointer.start()]):
        owner = known.get(entity_key(listed["owner"] or listed["subject"]))
        if owner is None:
            continue
        names = [_name(item) for item in _ITEM_SPLIT.split(listed["items"].strip())]
        if not 1 <= len(names) <= 4 or any(
            not n or n.count("_") > 3 or known.get(n) or _NOT_FIELDS & set(n.split("_")) for n in names
        ):
            continue  # "The Glaze table has no rows left, delete it": the rows, not a field
        if len(names) == 1 and not pointer.group(0).lower().rstrip("s").endswith(("it", "field", "column")):
            continue  # "remove both" after one name is not about it
        return Draft("remove_attributes", EntitySpec(owner), removed=tuple(names))
    return None


def _name(item: str) -> str:
    words = _FIELD_WORD.sub("", _ARTICLE.sub("", item.strip().strip("`'\"")))
    return field_name(words) if re.fullmatch(r"[\w .-]+", words) else ""
