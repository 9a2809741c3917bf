"""The attribute a pronoun refers to in a removal: "the nickname field on players …, get rid of it",
"owner phone should not be on Patient any more, remove it", "Alert still has snoozed_until, … drop
it". Read before the entity itself is taken for the pronoun's antecedent (``entity_deletion``): a
field said right before "it" is what goes, not the entity that has it.
"""

from __future__ import annotations

from collections.abc import Sequence

from baes.recognition import vocabulary as vocab
from baes.recognition.evolution_phrases import FIELD_WORDS, NOISE, OWNER_PREPOSITIONS, attribute_name
from baes.recognition.model import Draft
from baes.recognition.normalize import verb_base
from baes.recognition.request_tokens import HAVE, NOUN_LIKE_HAVE, Known, Tok, entity_name
from baes.scaffold.spec import EntitySpec


def field_before(toks: Sequence[Tok], stop: int, known: Known) -> Draft | None:
    """The removal a pronoun refers to: "the nickname field on players …, get rid of it" removes
    ``nickname`` from Player; "the fax field and the secondary contact field on Agency …, delete them"
    removes both; "the pager number on Doctor …, take it out" needs no field word when an existing
    entity owns the words ("on/of/in/from Doctor")."""
    owner = next(
        (i for i in range(stop - 1, 1, -1) if toks[i].word and known.get(toks[i].sing) and toks[i - 1].low in OWNER_PREPOSITIONS),
        None,
    )
    field = next((i for i in range(stop - 1, 0, -1) if toks[i].low in FIELD_WORDS), None)
    if owner is not None and (field is None or field < owner):
        end = owner - 1
        while end > 0 and toks[end - 1].low in _COPULA:  # "owner phone should not be on Patient …, remove it"
            end -= 1
    elif field is not None:
        end = field
    else:
        return _had_before(toks, stop, known)
    end = _before_noise(toks, end)
    names: list[str] = []
    while end > 0:
        first = end
        while first > 0 and _in_name(toks, first - 1, known):
            first -= 1
        if first > 0 and toks[first - 1].low in vocab.NEGATION_WORDS and first < end - 1:
            first += 1  # "do not use the nickname field": the verb after "not" is no part of the name
        name = attribute_name([t for t in toks[first:end] if t.low not in FIELD_WORDS])
        if name is None:
            break
        names.insert(0, name)
        joint = _before_noise(toks, first) - 1
        if joint < 0 or toks[joint].low not in {"and", ","}:
            break
        end = _before_noise(toks, joint)  # "the fax field and the secondary contact field"
    after = owner if owner is not None else field
    owners = [t for t in toks[after:stop] if t.word and known.get(t.sing)]
    if not owners:  # "Appointment has a notes attribute nobody fills in, delete it": its subject owns it
        owners = [t for t in toks[: max(end, 0)] if t.word and known.get(t.sing)]
    if not names or len({t.sing for t in owners}) != 1:
        return None
    return Draft("remove_attributes", EntitySpec(entity_name(owners[0], known)), removed=tuple(names))


#: A copula between a field and its owner: "X should not be (kept) on Patient".
_COPULA = NOISE | vocab.NEGATION_WORDS | {"kept", "stored", "shown", "held", "saved"}


def _had_before(toks: Sequence[Tok], stop: int, known: Known) -> Draft | None:
    """ "Alert still has snoozed_until, …, drop it": what an existing entity has, said before the
    pronoun, is what goes (not the entity: "has no users" says nothing it has)."""
    for i in range(stop - 2, 0, -1):
        if toks[i].low not in {"have", "has"}:
            continue
        owner = toks[i - 2] if i > 1 and toks[i - 1].low in {"still", "also", "currently"} else toks[i - 1]
        if not owner.word or not known.get(owner.sing):
            continue
        if i + 1 < stop and toks[i + 1].low in vocab.NEGATION_WORDS | {"nothing", "none"}:
            return None
        end = i + 1
        while end < stop and (toks[end].low in NOISE or _in_name(toks, end, known)):
            end += 1  # "a logo we never show": the name ends before its clause
        words = [t for t in toks[i + 1 : end] if t.low not in NOISE and t.low not in FIELD_WORDS]
        if not words:
            return None
        name = attribute_name(words)
        return None if name is None else Draft("remove_attributes", EntitySpec(entity_name(owner, known)), removed=(name,))
    return None


_REPORTING = frozenset({"says", "said", "thinks", "wants", "asks", "asked", "told", "decided", "agreed", "noticed"})
_NOBODY = frozenset({"nobody", "noone", "everyone", "everybody", "someone", "anyone", "we", "they", "i", "you"})


def _in_name(toks: Sequence[Tok], index: int, known: Known) -> bool:
    tok = toks[index]
    return (
        tok.word
        and not known.get(tok.sing)
        and tok.low not in NOISE | vocab.NEGATION_WORDS | (HAVE - NOUN_LIKE_HAVE) | _NOBODY | {"and", "in"}
        and not (index > 0 and toks[index - 1].low in _NOBODY)  # "nobody fills the fax number": a verb
        and verb_base(tok.low) is None
        and tok.low not in _REPORTING  # "our officer says hourly rate …": the name starts after the verb
        and not (index > 0 and toks[index - 1].low in vocab.NEGATION_WORDS | {"to", "never"})  # "not use the …"
    )


def _before_noise(toks: Sequence[Tok], end: int) -> int:
    """``end`` moved left over field words and fillers ("the fax field" ends at "fax")."""
    while end > 0 and toks[end - 1].low in FIELD_WORDS | NOISE:
        end -= 1
    return end
