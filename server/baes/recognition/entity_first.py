"""Sentences that open with the entity they change: "Shipment: add signed by", "Course add field: …".

People name the entity first and then say what to do with it, as a heading or a label: "Shipment:
add signed by, signature time", "Course add field: max students, is online", "Teachers: remove
years of experience", "For Supplier, rename siret number to company number". The rules read a
command before its entity, so the sentence is turned around first ("add … to Shipment", "remove …
from Teacher").
"""

from __future__ import annotations

from baes.recognition.request_tokens import Known, Tok, verb_stems, word_token

_FIELD_WORDS = frozenset({"field", "fields", "column", "columns", "attribute", "attributes", "property", "properties"})


def entity_first(toks: list[Tok], known: Known) -> list[Tok]:
    """``toks`` with an existing entity named first moved after its command: "Shipment: add signed by"
    reads "add signed by to Shipment", "Teachers: remove years of experience" "remove … from Teacher";
    renames read "E: …" themselves."""
    if len(toks) >= 4 and toks[0].low == "for" and toks[2].low == "," and known.get(toks[1].sing):
        toks = [toks[1], word_token(":"), *toks[3:]]  # "For Supplier, rename ..."
    if len(toks) >= 3 and toks[1].word and toks[1].stem in verb_stems("add") and known.get(toks[0].sing):
        toks = [toks[0], word_token(":"), *toks[1:]]  # "Course add field: max students"
    if len(toks) < 4 or toks[1].low != ":" or not known.get(toks[0].sing) or not toks[2].word:
        return toks
    if toks[2].stem in verb_stems("add") and toks[2].low != "give" and not any(t.low == "to" for t in toks[3:]):
        rest = toks[3:]
        while len(rest) > 1 and (rest[0].low in _FIELD_WORDS or rest[0].low == ":"):
            rest = rest[1:]  # "add field: max students" adds max students
        return [toks[2], *rest, word_token("to"), toks[0]]
    if toks[2].stem in verb_stems("delete") and not any(t.low in {"from", ","} for t in toks[3:]):
        return [*toks[2:], word_token("from"), toks[0]]  # "Teachers: remove years of experience"
    return toks
