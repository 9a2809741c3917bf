"""An entity of the app given a new name in a sentence with no verb of renaming, read from the text as
written: "Part should be Component", "`Trainee` should really be `Member` now", "The Spot table should be
called Advert from now on", "what we called a Workspace is now a Studio".

Requests are read in lower case, where "Part should be simpler" would look the same; so only the
request as written is read here, and only when the old name is one of the app's entities and the new
one is written as a name (capitalised or quoted as code), never an everyday word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from baes.recognition import vocabulary as vocab
from baes.recognition.model import Draft
from baes.recognition.request_tokens import Known, entity_key
from baes.recognition.state_words import is_state_word
from baes.recognition.vocabulary import singularize
from baes.scaffold.spec import EntitySpec, SpecError, pascal_case, snake_case

_NEW = r"[`'\"]?(?P<new>[A-Z][A-Za-z0-9]*(?:[ \t][A-Z][A-Za-z0-9]*)?)[`'\"]?"  # "Waste Collection" too
_STRUCTURE = r"(?:[ \t]+(?:entity|table|model|record|object))?"
_BECOMES = (
    r"(?:should|must|shall|will|has[ \t]+to|needs[ \t]+to)[ \t]+(?:really[ \t]+|now[ \t]+|actually[ \t]+)?be"
    r"(?:[ \t]+(?:called|named|renamed[ \t]+to))?"
    r"|be[ \t]+(?:called|named|renamed[ \t]+to)"  # "can Cow be called Animal instead"
    r"|is[ \t]+now(?:[ \t]+(?:called|named))?(?:[ \t]+an?)?|becomes|(?:should|must|will)[ \t]+become"
    r"|(?:renamed|changed)[ \t]+(?:to|into)"
)
#: "on the ward we say Episode, not Admission": the word people use, then the entity's name.
_WE_SAY = (
    r"\b(?:we|they|people|everyone|staff|users)[ \t]+(?:say|use|call[ \t]+(?:it|them))[ \t]+{new}[ \t]*,?[ \t]+"
    r"(?:not|instead[ \t]+of)[ \t]+(?:an?[ \t]+)?{old}\b"
)
#: "…, rename it to Coach" in a request about one entity of the app and no field.
_RENAME_IT = re.compile(r"\b(?:rename|call)[ \t]+(?:it|them)[ \t]+(?:to[ \t]+)?[`'\"]?(?P<new>[A-Z][A-Za-z0-9]*)[`'\"]?\b")
_AFTER = (
    r"(?=[ \t]*(?:$|[.,;!?\n]|from[ \t]+now|now\b|going[ \t]+forward|in[ \t]+the[ \t]+(?:app|system|product)|across"
    r"|(?:please|pls|thanks|thank[ \t]+you|instead)\b))"
)


#: Why, after a new name: a clause in lower case opening with who or a reason word ("… to Property we do yards now").
_REASON_AFTER = r"(?=[ \t]+(?:we|i|they|cause|coz|cuz|because|since|as|got|cos|now[ \t]+we)\b)"

_FIELD_SAID = re.compile(r"\b(?:field|attribute|column|property)\b", re.I)


def _says_a_state(word: str) -> bool:
    """ "Order should be Shipped", "Price should be Float": a state or a type, not a new name."""
    return word in vocab.TYPE_WORDS or word.endswith(("ed", "able", "ible")) or is_state_word(word)


def entity_renamed(request: str, known: Known, mentioned: Sequence[str] = ()) -> Draft | None:
    """The rename of one of the app's entities said as "E should be F" (see the module docstring), or
    None. ``mentioned``: the app's entities the request names, however written ("our tutors")."""
    for name in known.by_key.values():
        written = r"[ _-]?".join(re.findall(r"[A-Z][a-z0-9]*", name)) + r"(?:s|es)?"
        patterns = (
            rf"(?<![\w.])[`'\"]?{written}[`'\"]?{_STRUCTURE}[ \t]+(?:{_BECOMES})[ \t]+{_NEW}{_AFTER}",
            _WE_SAY.format(new=_NEW, old=written),
            rf"\b(?:can|could)[ \t]+(?:we[ \t]+make[ \t]+)?(?:the[ \t]+)?{written}{_STRUCTURE}[ \t]+become[ \t]+{_NEW}{_AFTER}",
            # "rename the Garden entity to Property we do yards now": a name, then why in lower case
            rf"\b(?i:rename|change)[ \t]+(?:(?i:the)[ \t]+)?{written}{_STRUCTURE}[ \t]+(?i:to|into)[ \t]+{_NEW}{_REASON_AFTER}",
            # "Tractor to Machine please, got diggers now": the old name, "to", a new one not of the app
            rf"^[ \t]*{written}{_STRUCTURE}[ \t]+to[ \t]+{_NEW}(?=[ \t]*(?:$|[.,;!]|[ \t]+(?:please|pls|thanks)\b))",
        )
        for pattern in patterns:
            found = re.search(pattern, request)
            if found is not None and _FIELD_SAID.search(request[: found.start()]):
                continue  # "the column Date In on WorkOrder should be called Received On": the column's new name
            new = _new_name(found, name, known)
            if new is not None:
                return Draft("rename_entity", EntitySpec(name), renamed_from=name, renamed_to=new)
    if len(set(mentioned)) == 1 and not _FIELD_SAID.search(request):
        name = mentioned[0]  # "our tutors hate being called tutors lol, rename it to Coach"
        match = _RENAME_IT.search(request)
        before = request[: match.start()] if match is not None else ""
        naming = match is not None and (
            match.group(0).lower().startswith("call")  # "call it ParkingTicket"
            or re.search(r"\b(?:call(?:ed|s)?|names?|named|word|term|label)\b", before)  # "hate being called tutors"
            or re.search(r"[`'\"]\w+[`'\"]", before) is not None  # "'Design' confuses my VA"
        )
        new = _new_name(match, name, known) if naming else None  # "…, the bio is unclear, rename it" is of the bio
        if new is not None:
            return Draft("rename_entity", EntitySpec(name), renamed_from=name, renamed_to=new)
    return None


def _new_name(match: re.Match[str] | None, name: str, known: Known) -> str | None:
    """The new name a match holds, singular, unless it is the entity's own, another of the app's, or says a state
    ("Shipped Today")."""
    return None if match is None else new_entity_name(match.group("new"), name, known)


def new_entity_name(new: str, name: str, known: Known) -> str | None:
    """``new`` as the new name of the app's entity ``name``: singular, PascalCase; None when it is the entity's own,
    another of the app's or a state."""
    said = re.sub(r"[ \t]+", "", new)  # "Waste Collection" → WasteCollection
    plain = snake_case(said).lower()
    word = singularize(plain)
    if word == entity_key(name) or known.get(entity_key(said)) or any(_says_a_state(part) for part in word.split("_")):
        return None
    try:
        return EntitySpec(pascal_case(word) if word != plain else said).name
    except SpecError:
        return None
