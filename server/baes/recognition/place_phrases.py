"""Where the app is used is no part of a change: "rename phone to mobile on Customer for the florist".

People changing their app often say whose app it is or where it runs: "Give Volunteer at the animal
shelter a t-shirt size", "delete the nickname column from Player in the rugby club app", "At the
daycare let's call Kid 'Child' instead", "delete the Coupon entity from the pet store app". Read as
part of the change, the place became an entity ("PetStoreApp", "AtDaycare") or a field name
("in_travel_agency_app"). In an app that has entities, a phrase "at/for/in/from + the/our/my + up
to four words" is dropped when it closes its clause (a mark, the end, or a verb follows) and none
of its words names one of the app's entities, a field ("for the delivery date") or the rows already
stored ("for the existing ones").
"""

from __future__ import annotations

import re
from functools import lru_cache

from baes.recognition import vocabulary as vocab
from baes.recognition.request_tokens import Known, entity_key

_CLAUSE = (
    r"(?:needs?|should|also|has|have|does|doesn'?t|can|could|must|wants?|let'?s|is|are|was|were|i|we|you|they|a|an"
    r"|says|said|asks|asked|wrote|writes|mentioned|told|reports|reported)"
)
_WORD = rf"(?!{_CLAUSE}\b)[A-Za-z][\w-]*"
#: Verbs before a place that say where something else is kept ("that lives in the finance system now"): a reason.
_KEPT_ELSEWHERE = r"(?<!\blives\s)(?<!\blive\s)(?<!\bstored\s)(?<!\bkept\s)(?<!\bhandled\s)(?<!\bmanaged\s)(?<!\bmoved\s)"
_PLACE = re.compile(
    rf"(?:(?<=^)|(?<=[\s,(])){_KEPT_ELSEWHERE}(?:at|for|in|from)\s+(?:the|our|my|this|their|your)\s+"
    rf"(?P<words>(?:{_WORD}\s+){{0,3}}{_WORD})(?=\s*(?:[,.:;!?)]|$|\s+{_CLAUSE}\b))"
    r"(?!\s+(?:we|you|they)\s+(?:already\s+)?(?:have|had|got|keep|store)\b)"  # "for the visits we already have"
    r"(?!\s+(?:says|said|asks|asked|wrote|writes|mentioned|told|reports|reported|wants)\b)",  # "Marco from the kitchen says"
    re.I,
)
#: Words that never qualify an entity's name as a place or a business ("the featured flag on Listing").
_NOT_QUALIFIERS = (
    r"(?:on|of|off|from|to|in|at|for|with|by|into|onto|and|or|but|the|a|an|key|foreign|field|column|attribute|flag"
    r"|property|value|new|old|existing|same|other|whole|first|last|every|each|all|many|one|two|optional|required"
    r"|has|have|had|is|are|was|were|be|needs?|wants?|gets?|got|app|system|database)"
)
#: "a column in Booking for the court fee": what follows "for" is the column's purpose, not a place.
_COLUMN_OF = re.compile(
    r"\b(?:column|field|box|slot|attribute)\s+(?:in|on|to)\s+(?:the\s+)?\w+(?:\s+(?:entity|table|model))?\s*$", re.I
)
#: Words of a phrase that say which rows, not where ("for the existing ones", "for all the old records").
_ROW_WORDS = frozenset({"existing", "old", "current", "ones", "rows", "records", "entries", "new", "first", "last"})
#: Words about what is shown or computed: such a phrase asks for the interface, which other rules refuse.
_INTERFACE_WORDS = frozenset({"form", "page", "screen", "list", "view", "table", "report", "dashboard", "menu", "tab"})


def without_places(text: str, known: Known) -> str:
    """``text`` without the phrases saying where the app is used (see the module docstring), and without
    the everyday words before an entity the app has, written with its capital ("our youth soccer Team",
    "a hospital Ward", "The makerspace Workshop")."""
    if not known.by_key:
        return text
    names = tuple(sorted(known.by_key.values(), key=len, reverse=True))
    left = text if _SHOWING.search(text) else _entity_screen(names).sub(lambda m: f"{m[1]} {m[2]}" if m[1] else m[2], text)
    left = _qualified_entity(names).sub(lambda m: m[1] if _is_place(m[2], known) else m[0], left)
    left = _PLACE.sub(
        lambda m: "" if _is_place(m["words"], known) and not _COLUMN_OF.search(m.string[: m.start()]) else m[0], left
    )
    left = _aside_after(names).sub(r"\1", left)
    if left == text:
        return text
    return re.sub(r"[ \t]{2,}", " ", left).strip().lstrip(",").strip()


@lru_cache(maxsize=32)
def _aside_after(names: tuple[str, ...]) -> re.Pattern[str]:
    """One word in parentheses right after one of ``names``: what the writer calls it ("A Field (parcela) has many
    Harvests"), no field; a type or "optional" in them is kept."""
    written = "|".join(re.escape(name) for name in names)
    kept = r"(?:optional|required|nullable|unique|fk|text|string|int|integer|number|date|bool|boolean|float|decimal)"
    return re.compile(rf"\b((?:{written})s?)\s*\((?!{kept}\))[A-Za-zÀ-ÿ]{{2,20}}\)", re.I)


@lru_cache(maxsize=32)
def _qualified_entity(names: tuple[str, ...]) -> re.Pattern[str]:
    """Everyday words between a determiner and one of ``names`` written with its capital; compiled once per
    app, not once per part of a request read (``segments`` reads up to sixteen)."""
    written = "|".join(r"\s*".join(re.findall(r"[A-Z][a-z0-9]*", name)) for name in names)
    qualifier = rf"(?!{_NOT_QUALIFIERS}\b)[a-z][a-z-]*"
    return re.compile(rf"\b((?i:the|our|my|a|an|this|their|every|each)\s+)((?:{qualifier}\s+){{1,3}}?)(?=(?:{written})s?\b)")


#: Words about what a screen shows or how it looks: such a request is about the screen, which other rules refuse.
_SHOWING = re.compile(
    r"\b(?:slow|loads?|loading|speed|colou?rs?|green|pink|red|blue|black|grey|gray|bigger|smaller|show|hide|see|sort|"
    r"sorted|filter|chart|graph|histogram|looks?|layout|open|print|export|button|scroll)\b",
    re.I,
)


@lru_cache(maxsize=32)
def _entity_screen(names: tuple[str, ...]) -> re.Pattern[str]:
    """ "the Orders page", "the Partner Agencies tab", "in the member screen": in a change, the screen of one of
    ``names`` stands for the entity ("the Films page needs a country", "take 'fax' off the Clients page"). What is
    asked of the screen itself ("the Orders page is slow") is still refused by the interface rules."""
    written = "|".join(_plural_pattern(name) for name in names)
    return re.compile(rf"\b(?:(on|in|from|to)\s+the\s+)?({written})\s+(?:page|screen|tab|view)\b", re.I)


def _plural_pattern(name: str) -> str:
    """``PartnerAgency`` → a pattern of "Partner Agency", "partner agencies", "PartnerAgencies"."""
    words = re.findall(r"[A-Z][a-z0-9]*", name) or [name]
    last = words[-1]
    plural = rf"{last[:-1]}(?:y|ies)" if len(last) > 2 and last[-1] == "y" and last[-2] not in "aeiou" else rf"{last}(?:e?s)?"
    return r"\s*".join([*words[:-1], plural])


def _is_place(words: str, known: Known) -> bool:
    lows = [w.lower() for w in words.split()]
    if any(low in _ROW_WORDS or low in _INTERFACE_WORDS for low in lows) or all(low in vocab.STRUCTURE_WORDS for low in lows):
        return False  # "for the existing ones", "on the order form", "from the model"
    whole = "_".join([*lows[:-1], vocab.singularize(lows[-1])])
    if known.get(whole) or any(
        known.get(vocab.singularize(low)) or known.get(entity_key(word)) for low, word in zip(lows, words.split(), strict=True)
    ):
        return False  # "from the DiveLog": the app's entity, written as the app names it
    return not any(vocab.is_field_noun(vocab.singularize(low)) for low in lows)
