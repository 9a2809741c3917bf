"""Additions and links said with a verb and the entity after it: "add X to Y", "link X with Y", "add a phone number
for students", "add to Student: email", and the fields said after the entity ("add microchip number to Dog and an
optional allergy notes field"). Part of the offline rules (``offline``)."""

from __future__ import annotations

from baes.recognition import vocabulary as vocab
from baes.recognition.attribute_phrases import parse_fields
from baes.recognition.create_phrases import is_passive
from baes.recognition.field_words import relationship_target
from baes.recognition.many import try_many
from baes.recognition.model import Draft, RecognitionError
from baes.recognition.ownership import (
    changed_draft,
    link_draft,
    links_draft,
    listed_targets,
)
from baes.recognition.request_tokens import (
    MODALS,
    RELATION_WORDS,
    SEPARATORS,
    Known,
    Tok,
    clause_end,
    command_stems,
    entity_name,
    first_index,
    index_of,
    is_entityish,
    noun_after,
    verb_stems,
    word_token,
)
from baes.recognition.type_annotations import is_unit


def _holder_preposition(
    toks: list[Tok], prepositions: set[str], start: int, end: int, known: Known, app_only: bool = False
) -> int | None:
    """The preposition before the holder: the first one right before a known entity ("add expires on date to
    Gadget", "add issued on to Gadget": "to"), else the first one (with ``app_only``, none)."""
    found = [i for i in range(start, end) if toks[i].low in prepositions]
    for i in found:
        noun = noun_after(toks[:end], i + 1)
        if noun is not None and known.get(toks[noun].sing) and not any(i < j < noun for j in found):
            return i  # the last preposition before it: "add issued on to Gadget" adds issued_on
    return found[0] if found and not app_only else None


def try_verb_to(toks: list[Tok], known: Known) -> Draft | None:
    """ "add X to Y", "link X with Y", "add a phone number for students", "add to Student: email"."""
    verb = first_index(toks, verb_stems("add") | verb_stems("link"))
    if verb is None or (toks[verb].low == "give") or is_passive(toks, verb, known):
        return None
    if first_index(toks, verb_stems("create"), 0, verb) is not None and toks[verb].stem not in verb_stems("link"):
        return None
    end = clause_end(toks, verb + 1)
    comma = index_of(toks, {",", ";"}, verb + 1)
    if toks[verb].stem in verb_stems("link") and comma is not None:
        many = try_many(toks[comma + 1 :], known)  # "link Musician with Band, a musician plays in many bands and …"
        if many is not None and any(r.kind == "many_to_many" for r in many.entity.relationships):
            return many
    prepositions = {"to", "for", "into", "in", "on"} | ({"with"} if toks[verb].stem in verb_stems("link") else set())
    prep = _holder_preposition(toks, prepositions, verb + 1, end, known)
    prep = _holder_preposition(toks, {"at"}, verb + 1, end, known, app_only=True) if prep is None else prep  # "add X at Patient"
    if prep is None or any(t.low in {"with", ":", "called", "named"} for t in toks[verb + 1 : prep]):
        return None  # "add an entity called Plot with …, area in square meters": a create, "in" is a unit's
    holder_index = noun_after(toks[:end], prep + 1)
    if holder_index is None:
        return None
    holder = toks[holder_index]
    source = index_of(toks[verb + 1 : prep], {"from"})
    if source is not None and any(t.low in RELATION_WORDS for t in toks[verb + 1 : prep]):
        owner = noun_after(toks[:prep], verb + 2 + source)  # "add a foreign key from Enrollment to Student"
        if owner is not None:
            targets = [toks[t] for t in listed_targets(toks, holder_index, end, known)]
            return links_draft(toks[owner], targets, known, required=True)
    if prep == verb + 1:  # "add to Student: email, phone"
        region = toks[holder_index + 1 : end]
    else:
        region = toks[verb + 1 : prep]
        if toks[verb].stem not in verb_stems("link"):  # "link orders to customers and products": two targets
            region += _listed_after_holder(toks[holder_index + 1 : end], known)
        region += _type_after_holder(toks[holder_index + 1 : end])
    region_words = [t for t in region if t.word]
    optional = any(t.low in vocab.OPTIONAL_WORDS for t in region_words)
    core = [
        t
        for t in region_words
        if t.low not in vocab.ATTRIBUTE_FILLERS
        and t.low not in vocab.OPTIONAL_WORDS
        and t.low not in vocab.REQUIRED_WORDS
        and t.low not in MODALS
        and t.low not in vocab.STRUCTURE_WORDS
    ]
    relation = any(t.low in RELATION_WORDS for t in core)
    core_nouns = [t for t in core if t.low not in RELATION_WORDS]
    single = len(core_nouns) == 1 and not any(t.low in SEPARATORS for t in region)
    if single and (
        relation
        or (is_entityish(core_nouns[0], known) and (known.get(core_nouns[0].sing) or core_nouns[0].sing not in vocab.NAME_WORDS))
        or core_nouns[0].sing.endswith("_id")
        and relationship_target(core_nouns, known, True)
    ):
        target_tok = core_nouns[0]
        if target_tok.sing.endswith("_id"):
            target_tok = Tok(target_tok.text[:-3], target_tok.low[:-3], target_tok.sing[:-3], target_tok.stem, True)
        if toks[verb].stem in verb_stems("link") or _assigned_to(toks, verb, holder_index):  # X points to Y (and Z)
            targets = [toks[t] for t in listed_targets(toks, holder_index, end, known)]
            return links_draft(target_tok, targets, known, required=not optional)
        return link_draft(holder, target_tok, known, required=not optional)  # "add X to Y": Y gets x_id
    if toks[verb].stem in verb_stems("link"):
        if len(core_nouns) == 1 and not any(t.low in SEPARATORS for t in region):  # "link payments to invoices"
            targets = [toks[t] for t in listed_targets(toks, holder_index, end, known)]
            return links_draft(core_nouns[0], targets, known, required=not optional)
        return None
    if [t.low for t in core] == ["support"] and toks[prep].low == "for":
        return None  # "add support for coupons with ...": a new entity, read by the create rules
    name = entity_name(holder, known)
    fields = parse_fields(region, known, entity_name=name)
    if not fields.attributes and not fields.relationships:
        raise RecognitionError(f"which attributes should be added to {name}?")
    return changed_draft(name, fields, "add_attributes")


#: Words after "add X to E and …" that start another request, not more fields ("and make it optional").
_NOT_MORE_FIELDS = frozenset(
    {"make", "set", "default", "it", "them", "please", "pls", "thanks", "to", "in", "on", "from", "for", "sorry", "then"}
)


def _listed_after_holder(tail: list[Tok], known: Known) -> list[Tok]:
    """ "add microchip number to Dog and an optional allergy notes field": the fields said after the entity."""
    if tail and tail[0].low in vocab.STRUCTURE_WORDS:
        tail = tail[1:]  # "add field X in Patient table and also blood group"
    if len(tail) > 2 and tail[0].low == "," and tail[1].low in {"and", "plus", "also"}:
        tail = tail[1:]  # "add a VAT number to Pharmacy, and an opening date"
    if len(tail) < 2 or tail[0].low not in {"and", "plus", "also"} or not tail[1].word:
        return []  # not "…, the landlord keeps asking"
    unit = {i for i, t in enumerate(tail[:-1]) if t.low == "in" and is_unit(tail[i + 1].low)}  # "and weight in grams"
    if any(
        (t.low in _NOT_MORE_FIELDS and i not in unit) or t.stem in command_stems() or known.get(t.sing)
        for i, t in enumerate(tail[1:], 1)
    ):
        return []
    return [word_token(","), *tail[1:]]


def _assigned_to(toks: list[Tok], verb: int, holder: int) -> bool:
    """ "assign each work order to a technician", "put each scout in a patrol", "assign tickets to users": the thing
    assigned points to where it goes, as with "link". People assigned to work ("assign employees to orders") and "a
    mechanic to each repair" are given to it: the work holds them, as with "add"."""
    if toks[verb].stem not in {"assign", "put", "place"}:
        return False
    if any(t.low in {"each", "every", "all"} for t in toks[max(verb + 1, holder - 2) : holder]):
        return False
    assigned = [t for t in toks[verb + 1 : holder] if t.word and t.low not in {"each", "every", "all", "to", "in", "the"}]
    return not (assigned and vocab.singularize(assigned[-1].low) in _PEOPLE)


#: People who are assigned to work: the work records who does it ("assign employees to orders").
_PEOPLE = frozenset(
    """employee staff user volunteer driver technician teacher tutor nurse agent worker person people engineer mechanic
    coach trainer instructor doctor vet manager guide courier cleaner carer therapist stylist leader operator sailor
    player student pupil steward waiter chef cook porter picker packer ranger marshal referee umpire judge inspector
    surveyor auditor reviewer assessor examiner mentor host usher helper assistant rep salesperson""".split()
)


def _type_after_holder(after: list[Tok]) -> list[Tok]:
    """ "add a shoe_size field to Student (int)": the type said after the entity is the field's."""
    lows = [t.low for t in after[:3]]
    return list(after[:3]) if len(lows) == 3 and lows[0] == "(" and lows[2] == ")" and lows[1] in vocab.TYPE_WORDS else []
