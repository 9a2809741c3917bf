"""Sentences around a new entity that say what it belongs to: "Each award belongs to a Scout and a Badge", "…, paid —
each invoice belongs to a Customer", "Patients have many allergies. Add Allergy with …".

Part of ``paragraph``: a create read from one sentence takes the references these sentences add.
"""

from __future__ import annotations

from collections.abc import Sequence

from baes.recognition.request_tokens import (
    LINKED_PARTICIPLES,
    MANY,
    MAX_NAME_WORDS,
    MODALS,
    SEPARATORS,
    SKIP_IN_NOUNS,
    SUBJECT_SKIP,
    Known,
    Tok,
    compound,
    entity_key,
    entity_name,
)
from baes.recognition.vocabulary import OPTIONAL_WORDS

#: Verbs of a sentence that says what the new entity belongs to ("each award belongs to", "is linked to").
_OWNED_BY = frozenset({"belong", "belongs", "reference", "references"}) | LINKED_PARTICIPLES
#: Words that open a clause about the target, no part of its name.
_CLAUSE_OPENERS = frozenset({"they", "we", "you", "he", "she", "i", "it", "that", "which", "who", "whom", "where"})
#: Subjects that stand for the entity just created.
_PRONOUN_SUBJECTS = frozenset({"it", "they", "each", "every", "one", "this", "these", "them", "its", "their"})


def owner_sentence_after(toks: Sequence[Tok], at: int, before: Sequence[Tok]) -> bool:
    """ "… with amount, paid — each invoice belongs to a Customer": a dash (read as ":") after a list, before
    a sentence that says what the entity belongs to, ends the list's sentence."""
    after = toks[at + 1 : at + 6]
    return (
        any(t.low in {",", "with"} for t in before)
        and after[:1] != []
        and after[0].low in {"each", "every", "it", "they", "all"}
        and any(t.low in _OWNED_BY or t.stem in {"belong", "referenc"} for t in after[1:])
    )


def owner_targets(sentence: Sequence[Tok], entity: str, known: Known) -> list[str]:
    """The Ys of "each <entity> belongs to / is linked to / is part of Y (and Z)", or none."""
    lows = [t.low for t in sentence]
    for i, low in enumerate(lows):
        part_of = low == "part" and i + 1 < len(lows) and lows[i + 1] == "of"
        part_of = part_of or (low in {"point", "points"} and lows[i + 1 : i + 2] == ["to"])  # "it should point to the Animal"
        if not (part_of or low in _OWNED_BY or sentence[i].stem in {"belong", "referenc"}):
            continue
        if not refers_to([t for t in sentence[:i] if t.low not in {"is", "be"}], entity, known):
            return []
        targets: list[str] = []
        start = i + 1
        while True:
            while start < len(sentence) and (sentence[start].low in {"to", "with", "of"} or sentence[start].low in SUBJECT_SKIP):
                start += 1
            stop = start
            while (
                stop < len(sentence)
                and sentence[stop].word
                and sentence[stop].low not in SEPARATORS
                and sentence[stop].low not in SKIP_IN_NOUNS
                and sentence[stop].low not in _CLAUSE_OPENERS  # "the Animal they want to adopt"
                and stop - start < MAX_NAME_WORDS
            ):
                stop += 1
            if stop == start:
                return targets
            target = entity_name(compound(sentence[start:stop], stop - start - 1), known)
            targets.append(target)
            if not targets[1:] and lows[stop : stop + 1] in (["and"], [","]) and known.get(_next_noun(sentence, stop + 1)):
                start = stop + 1  # "belongs to a Scout and a Badge": both, when the second is an entity of the app
                continue
            return targets
    return []


def has_many_of(sentence: Sequence[Tok], entity: str, known: Known) -> list[str]:
    """[X] for "one X has many <entity>s", "each X can have several <entity>s" (X an entity of the app): the new
    entity belongs to X."""
    lows = [t.low for t in sentence]
    have = next((i for i, low in enumerate(lows) if low in {"has", "have"}), None)
    if have is None or have + 2 >= len(lows) or lows[have + 1] not in MANY - {"some", "more"}:
        return []
    owner = [t for t in sentence[:have] if t.word and t.low not in SUBJECT_SKIP and t.low not in MODALS]
    owned = [t for t in sentence[have + 2 :] if t.word]
    target = known.get("_".join(t.sing for t in owner)) if owner else None
    if target is None or target == entity or not owned or entity_key(entity) != "_".join(t.sing for t in owned):
        return []
    return [target]


def _next_noun(sentence: Sequence[Tok], at: int) -> str:
    """The singular of the first word from ``at`` that is no article ("a Badge" → badge)."""
    return next((t.sing for t in sentence[at:] if t.word and t.low not in {"a", "an", "the", "its", "their"}), "")


def refers_to(words: Sequence[Tok], entity: str, known: Known) -> bool:
    """Whether a sentence's subject words name ``entity`` ("each claim" for InsuranceClaim, "it")."""
    nouns = [t for t in words if t.word and t.low not in SUBJECT_SKIP and t.low not in MODALS and t.low not in OPTIONAL_WORDS]
    if not nouns:
        return any(t.low in _PRONOUN_SUBJECTS for t in words)
    if len(nouns) == 1 and nouns[0].low in _PRONOUN_SUBJECTS:
        return True
    key = entity_key(entity)
    joined = "_".join(t.sing for t in nouns)
    return key == joined or key.endswith("_" + nouns[-1].sing) or key == nouns[-1].sing
