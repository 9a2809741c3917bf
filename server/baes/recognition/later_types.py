"""A new field's type said after the list: "Add magnification to Sample. Magnification is an int.", "… to
ComicIssue? Condition grade is a decimal like 9.8", "…, magnification is an int".

Part of ``baes.recognition.paragraph``: the sentence that asks for the change is read first; a later sentence
(or the request's last clause) that names one of the new fields and gives it a type word retypes that field
instead of being left out as another request.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from baes.recognition import vocabulary as vocab
from baes.recognition.model import Draft
from baes.recognition.request_tokens import Tok

#: Words between a field's name and its type ("is an int", "should be a decimal", "( integer )").
_LINKS = frozenset({"is", "are", "should", "must", "be", "will", "a", "an", "(", "stored", "as", "kept"})
#: Words that may follow the type ("a decimal like 9.8", "an int please").
_AFTER = frozenset({"like", "e.g", "eg", "such", "please", "pls", ")", "number", "value"})


def typed_later(draft: Draft, sentences: Sequence[list[Tok]], index: int) -> tuple[Draft, set[int]]:
    """``draft`` with each new field a later sentence gives a type retyped, and those sentences' indexes."""
    used: set[int] = set()
    for number in range(index + 1, len(sentences)):
        typed = _field_and_type(sentences[number], draft)
        if typed is not None:
            draft = _retyped(draft, *typed)
            used.add(number)
    return draft, used


def typed_in_last_clause(draft: Draft, sentence: Sequence[Tok]) -> Draft:
    """ "add microscope used and magnification to Sample, magnification is an int": the clause after the last comma."""
    commas = [i for i, t in enumerate(sentence) if t.low == ","]
    typed = _field_and_type(sentence[commas[-1] + 1 :], draft) if commas else None
    return _retyped(draft, *typed) if typed is not None else draft


def _field_and_type(words: Sequence[Tok], draft: Draft) -> tuple[str, str] | None:
    """(field, type) for "<one of the new fields> is a <type word>", or None."""
    if draft.intent not in ("add_attributes", "create") or not draft.entity.attributes:
        return None
    lows = [t.low for t in words if t.low not in {"the", "its", "their"}]
    verb = next((i for i, low in enumerate(lows) if low in {"is", "are", "should", "must", "("}), None)
    if verb is None or verb == 0:
        return None
    rest = [low for low in lows[verb:] if low not in _LINKS]
    if not rest or rest[0] not in vocab.TYPE_WORDS or (len(rest) > 1 and rest[1] not in _AFTER):
        return None  # "is a decimal like 9.8"; not "is a date we agree on"
    said = "_".join(vocab.singularize(low) for low in lows[:verb])
    named = [a.name for a in draft.entity.attributes if vocab.singularize(a.name) == said]
    if len(named) != 1:
        return None
    return named[0], vocab.TYPE_WORDS[rest[0]]


def _retyped(draft: Draft, name: str, type_name: str) -> Draft:
    attributes = tuple(replace(a, type=type_name) if a.name == name else a for a in draft.entity.attributes)
    return replace(draft, entity=replace(draft.entity, attributes=attributes))
