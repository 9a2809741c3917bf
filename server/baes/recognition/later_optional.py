"""A field made optional by a later sentence: "Add an insurance number to Patient. Not all patients
have one.", "Could you add the acquisition year and the estimated value? The value is not always known."

Part of ``baes.recognition.paragraph``: the sentence that asks for a change is read first; a later
sentence saying that not every row has the field (or naming one of the new fields as sometimes
unknown) makes it optional instead of being left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from baes.recognition import vocabulary as vocab
from baes.recognition.existing_rows import EXISTING_WORDS
from baes.recognition.model import Draft
from baes.recognition.request_tokens import MAYBE_MODALS, Tok
from baes.scaffold.spec import AttributeSpec


def says_optional(sentence: Sequence[Tok]) -> bool:
    """ "Not all of them have one", "some expenses do not have a category yet", "it must be optional"."""
    lows = [t.low for t in sentence]
    pairs = set(zip(lows, lows[1:], strict=False))
    return (
        any(low in vocab.OPTIONAL_WORDS for low in lows)
        or ("not", "all") in pairs
        or ("not", "every") in pairs  # "not every lot has a donor"
        or ("not", "each") in pairs
        or ("some" in lows and "not" in lows)
        or (bool((MAYBE_MODALS | {"some"}) & set(lows)) and "no" in lows and not {"longer", "more"} & set(lows))
        or bool({("allow", "empty"), ("allow", "null"), ("allow", "blank"), ("allows", "empty")} & pairs)
        or (("not", "have") in pairs and bool(_STORED_ROWS & set(lows)))  # "payments already in there don't have one"
        or ("some" in lows and ("without" in lows or ("with", "no") in pairs))  # "some dogs came in without an owner"
        or (bool(_STORED_ROWS & set(lows)) and bool((_EMPTY | {"without"}) & set(lows) or ("with", "no") in pairs))
        or ("be", "empty") in pairs
        or ("be", "blank") in pairs
        or ("be", "null") in pairs
        or ("not", "always") in pairs  # "the value is not always known"
        or "unknown" in lows
        or ("some" in lows and any(low in {"vacant", "unassigned"} for low in lows))  # "some plots are vacant"
    )


#: Words of a sentence that makes every new field optional ("Both optional.", "All of them are nullable.").
_ALL_OF_THEM = frozenset(
    {"both", "all", "of", "them", "are", "is", "fields", "columns", "should", "be", "can", "empty", "blank", "null"}
)


def _said_of_all(sentence: Sequence[Tok]) -> bool:
    """ "Both optional.", "All of them are nullable.", "Both can be null for shipments that haven't left yet."."""
    words = [t.low for t in sentence if t.word]
    if set(words) <= _ALL_OF_THEM | vocab.OPTIONAL_WORDS:
        return True
    head = words[:5]
    return bool(head) and head[0] in {"both", "all"} and any(w in _EMPTY | vocab.OPTIONAL_WORDS for w in head)


_EMPTY = frozenset({"empty", "blank", "null", "missing"})
#: Words naming the rows already stored ("the old appointments with no dog recorded", "old members can be blank").
_STORED_ROWS = EXISTING_WORDS | {"older"}


def _stored_rows_lack_all(sentence: Sequence[Tok]) -> bool:
    """ "old customers can be blank for both", "the old items can have all of those empty": every new field."""
    lows = {t.low for t in sentence}
    return bool(lows & _STORED_ROWS) and bool(lows & {"both", "all"}) and bool(lows & (_EMPTY | vocab.OPTIONAL_WORDS))


def _clauses(sentence: Sequence[Tok]) -> list[list[Tok]]:
    """ "Batch is mandatory, expiry is optional": each part said of its own field."""
    parts: list[list[Tok]] = [[]]
    for tok in sentence:
        if tok.low in {",", ";", "but", "while", "whereas"}:
            parts.append([])
        else:
            parts[-1].append(tok)
    return [part for part in parts if part]


def _fields_named(attributes: Sequence[AttributeSpec], toks: Sequence[Tok], *, by_first_word: bool) -> list[AttributeSpec]:
    """The new fields whose last word (or first word, with ``by_first_word``) is one of ``toks``."""
    said = {t.sing for t in toks if t.word}
    return [a for a in attributes if a.name.split("_")[-1] in said or (by_first_word and a.name.split("_")[0] in said)]


def optional_said_later(draft: Draft, sentences: Sequence[list[Tok]], index: int) -> tuple[Draft, Sequence[list[Tok]], set[int]]:
    """A change adding one field, made optional by a later sentence that says not every row has it; of
    several new fields, the one such a sentence names ("The value is not always known.")."""
    used = {index}
    entity = draft.entity
    later = [i for i in range(index + 1, len(sentences)) if says_optional(sentences[i])]
    if draft.intent not in ("add_attributes", "relationship", "create") or not later:
        return draft, sentences, used
    said_of_all = [i for i in later if _said_of_all(sentences[i]) or _stored_rows_lack_all(sentences[i])]
    if said_of_all and entity.attributes and not entity.relationships:  # "add a, b. Both optional."
        used.update(said_of_all)
        attributes = tuple(replace(a, required=False) for a in entity.attributes)
        return replace(draft, entity=replace(entity, attributes=attributes)), sentences, used
    if len(entity.attributes) + len(entity.relationships) != 1:  # "… The value is not always known."
        in_clauses = [t for i in later for clause in _clauses(sentences[i]) if says_optional(clause) for t in clause]
        named = _fields_named(entity.attributes, in_clauses, by_first_word=True)  # "…, expiry is optional"
        if not named:  # "Also operator email, it can be empty sometimes.": the field said before the clause
            later_words = [t for i in later for t in sentences[i]]
            named = _fields_named(entity.attributes, later_words, by_first_word=False) or _fields_named(
                entity.attributes, later_words, by_first_word=True
            )  # "Some of the older tutors never had a DBS check recorded, so allow that one to be blank"
        if len(named) != 1 or entity.relationships:
            return draft, sentences, used
        used.update(later)
        attributes = tuple(replace(a, required=False) if a is named[0] else a for a in entity.attributes)
        return replace(draft, entity=replace(entity, attributes=attributes)), sentences, used
    if draft.intent == "create":
        return draft, sentences, used
    used.update(later)
    attributes = tuple(replace(a, required=False) for a in entity.attributes)
    relationships = tuple(replace(r, required=r.kind == "many_to_many") for r in entity.relationships)  # a join: no key
    return replace(draft, entity=replace(entity, attributes=attributes, relationships=relationships)), sentences, used
