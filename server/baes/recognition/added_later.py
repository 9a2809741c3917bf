"""More fields added in the sentences after an addition: "Is it possible to add a website url to Podcast? And the
host email too.", "add allergy info to Guest. Also we need to know if guests come by car, so add parking needed
(yes/no)", "… Old bookings can be 0. Also one yes/no column 'preponed' because …".

A later sentence that only names more fields (opening with "and", "plus" or "also"), or whose last clause adds
with no entity after it, adds them to the entity of the addition; a reason after "because" is no field.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from baes.recognition.attribute_phrases import parse_fields
from baes.recognition.evolution_phrases import main_clause
from baes.recognition.later_optional import says_optional
from baes.recognition.model import Draft
from baes.recognition.request_tokens import Known, Tok, verb_stems, word_token


def added_after(draft: Draft, sentences: Sequence[list[Tok]], index: int, known: Known) -> tuple[Draft, set[int]]:
    """ "Is it possible to add a website url to Podcast? And the host email too.": a sentence that only
    names more fields, after an addition, adds them too."""
    used = {index}
    if draft.intent != "add_attributes":
        return draft, used
    for later in range(index + 1, len(sentences)):  # "… Old bookings can be 0. Also one yes/no column 'preponed'."
        following = _after_add_verb(sentences[later])  # "Also we need to know …, so add parking needed"
        said = main_clause(following)  # "Also the operator email, it can be empty sometimes."
        said = said[: next((i for i, t in enumerate(said) if t.low in {"because", "since", "cause", "coz"}), len(said))]
        optional = said != following and says_optional(following[len(said) :])
        words = [t for t in said if t.low not in {"too", "well", "as", "please"}]
        if [t.low for t in words[1:6]] in (["while", "you", "is", "at", "it"], ["while", "you", "are", "at", "it"]):
            words = [words[0], *words[6:]]  # "and while you're at it a newsletter opt in": more fields
        if not words or words[0].low not in {"and", "plus", "also"} or not all(t.word or t.low in _IN_FIELDS for t in words):
            continue
        fields = parse_fields(words[1:], known, all_optional=optional, entity_name=draft.entity.name)
        had = {a.name for a in draft.entity.attributes}
        if not fields.attributes or fields.relationships or fields.notes or any(a.name in had for a in fields.attributes):
            continue  # a field said again is no addition ("… Create! and optional Create")
        draft = replace(draft, entity=replace(draft.entity, attributes=(*draft.entity.attributes, *fields.attributes)))
        used.add(later)
    return draft, used


#: Marks a sentence of more fields may hold: "also one yes/no column 'preponed'", "… (yes/no)".
_IN_FIELDS = frozenset({",", "(", ")", "/", "'", '"', "`"})


def _after_add_verb(sentence: list[Tok]) -> list[Tok]:
    """A sentence whose last clause adds, with no entity named after it ("…, so add parking needed (yes/no)"), as
    "also" and the words it adds; any other sentence as it is."""
    verbs = [i for i, t in enumerate(sentence) if t.word and t.stem in verb_stems("add")]
    if not verbs:
        return sentence
    verb = verbs[-1]
    if any(t.low in {"to", "in", "on", "into", "for"} for t in sentence[verb + 1 :]):
        return sentence  # "add X to …": the rules read it with its owner
    opening = {"also", "so", "and", "please", "pls", "kindly", "then", ","}
    if verb > 0 and sentence[verb - 1].low not in opening and sentence[0].low not in {"also", "and", "plus"}:
        return sentence
    return [word_token("also"), *sentence[verb + 1 :]]
