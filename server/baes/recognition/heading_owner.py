"""A new entity whose heading names the app's entity each of its rows is for: "daily production log per animal: date,
milk in litres", "emergency contact for associates: name, phone", "RoomBooking (linked to Room): date, paid" in an app
with Animal, Associate and Room.

The heading without "per/for <entity>" names the new entity, and the entity named becomes its reference, as if the
list had ended with "belongs to <entity>". A heading of fields ("details for each student: …") or with a verb that
changes an entity ("add fields for students: …") is an addition to that entity, and left as it is.
"""

from __future__ import annotations

from baes.recognition.request_tokens import LINKED_PARTICIPLES, MODALS, Known, Tok, verb_stems, word_token

#: Words between "per"/"for" and the entity ("for each associate").
_QUANTIFIERS = frozenset({"each", "every", "the", "a", "an", "one", "our", "their"})
#: Participles before "to" that link a new entity's heading to the app's entity ("… linked to Room:").
_LINKED = (LINKED_PARTICIPLES - {"assigned"}) | {"belonging"}
#: Words of a clause, which a heading naming a new entity has none of.
_CLAUSE = frozenset({"to", "we", "i", "you", "they", "is", "are", "keep", "need", "want"})
#: Last words of a heading that names fields of the entity, not a new one ("details for each student").
_FIELD_HEADINGS = frozenset(
    {"field", "fields", "column", "columns", "attribute", "attributes", "detail", "details", "info", "information",
     "data", "property", "properties", "extra", "extras"}
)  # fmt: skip


def owner_in_heading(toks: list[Tok], known: Known) -> list[Tok]:
    """``toks`` with the heading's "per <entity>" said as a reference after the list (see the module docstring)."""
    colon = next((i for i, t in enumerate(toks[:12]) if t.low == ":"), None)
    named = colon - 2 if colon is not None and colon > 3 and toks[colon - 1].low == ")" else (colon or 0) - 1
    if colon is None or colon < 3 or not known.get(toks[named].sing):
        return toks
    joiner = named - 1
    while joiner > 0 and toks[joiner].low in _QUANTIFIERS:
        joiner -= 1
    linked = toks[joiner].low == "to" and joiner > 1 and toks[joiner - 1].low in _LINKED  # "RoomBooking linked to Room:"
    heading = toks[: joiner - 1] if linked else toks[:joiner]
    if heading and heading[-1].low == "(" and named != colon - 1:
        heading = heading[:-1]  # "RoomBooking (linked to Room):"
    if not (linked or toks[joiner].low in {"per", "for"}) or not heading or not all(t.word for t in heading):
        return toks
    changing = verb_stems("add") | verb_stems("delete") | verb_stems("link") | {"rename", "change", "update"}
    if heading[-1].low in _FIELD_HEADINGS or any(known.get(t.sing) or t.stem in changing or t.low in _CLAUSE for t in heading):
        return toks  # "to initiate maintenance for a vehicle: …", "we keep a record for every volunteer: …"
    end = next((i for i in range(colon + 1, len(toks)) if toks[i].low == "."), len(toks))
    if any(t.low in MODALS for t in toks[colon + 1 : end]):
        return toks  # "Support for volunteers: events can be assigned volunteers, …": sentences, no list of fields
    reference = [Tok(",", ",", ",", ",", False), word_token("belongs"), word_token("to"), toks[named]]
    return [*heading, *toks[colon:end], *reference, *toks[end:]]
