"""A last look at a reading: names no person would give a field or an entity are a misreading.

When a sentence is read wrongly its words end up inside names: "with there name" gave a field
``there_name``, "add validation so the email …" a field ``validation_so_email``, "from these headers"
an entity ``FromTheseHeader``. A pronoun, an auxiliary, a conjunction or a filler inside a name (or
a name of one letter) is never what the user meant, nor is a preposition or a quantifier inside an
entity's name, so such a reading is refused with the name it would have made, instead of being shown
as a change. Flags keep their leading auxiliary ("is active", "can drive" are read without it or as a
flag before this check).
"""

from __future__ import annotations

import re

from baes.recognition.model import Draft, RecognitionError
from baes.recognition.normalize import normalize_request
from baes.recognition.request_tokens import Known, entity_key
from baes.recognition.state_words import PARTICLES

#: Words that are never part of a field or entity name.
_NEVER_IN_NAMES = frozenset(
    """i me my mine we us our ours you your yours he him his she her hers it they them their theirs there
    these those am is are was were be been being does did could should would shall might so but because
    if then just maybe really please pls like eg ie etc thanks how what which why whom whose""".split()
)
#: Prepositions and quantifiers are no part of an entity's name ("RentingDesksHere", "Many"); a field
#: may hold some of them ("paid_at", "picked_up_by"), so they are checked in entity names only.
_NEVER_IN_ENTITY_NAMES = _NEVER_IN_NAMES | frozenset(
    {"at", "from", "with", "by", "into", "about", "here", "many", "much", "several", "let"}
    | {"have", "has", "had", "having", "exactly", "also", "must", "will", "can", "too", "very"}
    # verbs and their forms that name no thing, and words that point at one ("could we get a …", "start
    # recording …", "need to remember …", "we keep losing track …", "the walk itself", "their own thing")
    | {"get", "start", "remember", "write", "need", "needed", "going", "losing", "comply", "stopped", "using"}
    | {"replace", "gotta", "lol", "rounded", "itself", "something", "anything", "own", "around"}
    # a feeling or a place said about the request ("I'd love a Handoff table", "saved somewhere too", "pleas")
    | {"love", "somewhere", "nothing", "plea"}
)
#: Auxiliaries that may open a flag's name ("is_active", "can_drive", "should_notify").
_FLAG_OPENERS = frozenset({"is", "do", "does", "did", "should", "will", "must", "can", "could", "would", "has"})


#: Words that end a field's name, never open one ("customer name", "name of the ship"; not "name price").
_NAME_ENDING_WORDS = frozenset({"name", "notes"})

#: Whole names that are words about the app, never a field of it ("a waitlist signup entity asap").
_NEVER_A_FIELD = frozenset(
    {"entity", "entities", "asap", "both", "all", "each", "everything", "this", "that", "these", "those", "following"}
)


#: Words that are never the whole name of an entity to create: words about the request, the code or the screen,
#: and words that name no thing ("the following", "this is not …", "public class …", "addresses are nested").
_NEVER_AN_ENTITY = frozenset(
    """following not public private nested custom asked suggest consist initial separate existing current same other
    above below structure implementation name information info data details detail column columns fields scaffold
    migration schema crud ability possibility possible one live today along even back down before next full blah
    required create table sync""".split()
)


#: Words that point at a thing said elsewhere: never an entity's name in the final reading (a sentence of a paragraph
#: may still read "This model should have …" on its way to the entity).
_POINTERS = frozenset({"this", "that", "these", "those", "it", "them"})


def never_an_entity(key: str) -> bool:
    """Whether the entity key names no thing ("following", "data", "possible")."""
    return key in _NEVER_AN_ENTITY


def check_entity_word(draft: Draft, known: Known) -> None:
    """Raise ``RecognitionError`` when a sentence reads as creating an entity named by a word that names none, so
    a paragraph's other sentences are read instead ("Create Expenditures Table. This is not in the prototype …")."""
    name = draft.entity.name
    if draft.intent in {"create", "relationship"} and never_an_entity(name.lower()) and not known.get(entity_key(name)):
        raise RecognitionError(
            f"could not read {name!r} as the name of an entity to create: name the entity, e.g. "
            "'create a Listing entity with address and price'"
        )


def _odd_word(name: str) -> str | None:
    parts = name.split("_")
    if len(name) == 1 or name in _NEVER_A_FIELD:
        return name
    if len(parts) > 1 and parts[0] in {"called", "named"} and parts[1] not in PARTICLES | {"at", "on", "by"}:
        return parts[0]  # "has a field called starts_at": the name is what follows
    if len(parts) > 2 and "many" in parts[1:]:
        return "many"  # "article_have_many_tags": a has-many sentence read as a field
    if len(parts) > 1 and parts[0] in _NAME_ENDING_WORDS and parts[1] not in {"of", "for", "on", "in", "at", "to", "as"}:
        return parts[0]  # "name_price", "notes_box": two fields of a list said without a mark, run together
    for index, part in enumerate(parts):
        if part in _NEVER_IN_NAMES and not (index == 0 and part in _FLAG_OPENERS):
            return part
    return None


def check_names(draft: Draft, known: Known, request: str = "") -> None:
    """Raise ``RecognitionError`` when the reading would create a name no one would give; an entity the app
    has is named as the app names it ("delete the Like entity"). A field written as one name in ``request`` (quoted,
    "'how found us'", or snake_case: one word of its key) is the user's own name, whatever its words."""
    check_entity_word(draft, known)
    if draft.entity.name.lower() in _POINTERS and not known.get(entity_key(draft.entity.name)):
        raise RecognitionError(  # "For this need a table with code, amount, …": what "this" is was said before
            f"could not tell which entity {draft.entity.name!r} points at: name the entity, e.g. "
            "'create a GiftCard entity with code and amount'"
        )
    _check_link_as_field(draft, known, request)
    fields = [a.name for a in draft.entity.attributes] + list(draft.removed or ())
    if draft.intent == "rename_attribute":
        fields += [n for n in (draft.renamed_from, draft.renamed_to) if n]
    quoted = {word for word in normalize_request(request).split() if "_" in word}  # "'how found us'" → how_found_us
    for name in fields:
        odd = None if name in quoted else _odd_word(name)
        if odd is not None:
            raise RecognitionError(
                f"could not read {name.replace('_', ' ')!r} as a field name ({odd!r} is not a word of a name): "
                "list the fields after the entity, e.g. 'create Member with name, email and join date'"
            )
    for entity in (draft.entity.name, *(r.target for r in draft.entity.relationships)):
        if known.get(entity_key(entity)):
            continue
        words = [w.lower() for w in re.findall(r"[A-Z][a-z]*", entity)]
        odd = next((w for w in words if w in _NEVER_IN_ENTITY_NAMES), None)
        if odd is not None:
            raise RecognitionError(
                f"could not read {entity!r} as an entity name ({odd!r} is not a word of a name): "
                "name the entity, e.g. 'create a Listing entity with address and price'"
            )


def check_one_new_name(draft: Draft) -> None:
    """Refuse a rename to two names offered side by side ("rename Team to Group or Squad, whichever is better",
    "rename mobile to phone_or_cell"): which one is the user's choice, not the recognizer's."""
    if draft.intent not in ("rename_entity", "rename_attribute") or not draft.renamed_to:
        return
    words = re.findall(r"[A-Za-z][a-z0-9]*", draft.renamed_to.replace("_", " "))
    lows = [w.lower() for w in words]
    joint = "" if draft.intent == "rename_entity" else "_"  # the names as they would be written
    if lows[-1:] == ["or"] and len(lows) > 1:  # "rename Member to Fisher or to Partner": the second cut off
        raise RecognitionError(
            f"the new name of {draft.renamed_from} is one of several offered: say which one, e.g. "
            f"'rename {draft.renamed_from} to {joint.join(words[:-1])}'"
        )
    if "or" not in lows[1:-1]:
        return
    at = lows.index("or")
    first, second = joint.join(words[:at]), joint.join(words[at + 1 :])
    raise RecognitionError(
        f"{draft.renamed_to!r} reads as two names, {first!r} or {second!r}: say which one, e.g. "
        f"'rename {draft.renamed_from} to {first}'"
    )


#: Field names that are the request's word for a link between entities ("add the relationship that places children in a
#: household"), when no field of that name is meant.
_LINK_WORDS = frozenset({"relationship", "relationships", "relation", "relations", "association", "associations"})


def _check_link_as_field(draft: Draft, known: Known, request: str) -> None:
    """Refuse a lone field named "relationship" added to an entity when the request names another entity of the app:
    the user asks for a link the rules did not read, not for a text field."""
    names = [a.name for a in draft.entity.attributes]
    if draft.intent != "add_attributes" or len(names) != 1 or names[0] not in _LINK_WORDS or draft.entity.relationships:
        return
    own = entity_key(draft.entity.name)
    others = sorted(
        {name for word in re.findall(r"[A-Za-z]+", request) if (name := known.get(entity_key(word))) and entity_key(name) != own}
    )
    if others:
        raise RecognitionError(
            f"this asks for a link between {draft.entity.name} and {others[0]}, which was not read: say e.g. "
            f"'each {others[0]} belongs to one {draft.entity.name}' (or the other way round)"
        )
