"""Sentences that open with the entity they change: "Shipment: add signed by", "Course add field: …".

People name the entity first and then say what to do with it, as a heading or a label: "Shipment:
add signed by, signature time", "Course add field: max students, is online", "Teachers: remove
years of experience", "For Supplier, rename siret number to company number". The rules read a
command before its entity, so the sentence is turned around first ("add … to Shipment", "remove …
from Teacher").

A heading that is no entity of the app is a label of the task ("Ticket: delete the unused TempReading
model", "Homework 2b: extend the Course entity with …", "feat(kiln): add cone rating to Kiln"):
when the command after it names its own entity, the label is left out (``without_label``).
"""

from __future__ import annotations

from baes.recognition import vocabulary as vocab
from baes.recognition.mentions import as_entity, full_name
from baes.recognition.reason_clauses import REASON_OPENERS
from baes.recognition.request_tokens import MANY_WORDS, Known, Tok, command_stems, verb_stems, word_token

_FIELD_WORDS = frozenset({"field", "fields", "column", "columns", "attribute", "attributes", "property", "properties"})


#: Most tokens of a task's label before its colon ("homework 2 b :", "feat ( kiln ) :").
_LABEL_MOST_TOKENS = 5
#: Most tokens of a lead-in before a colon and a create command that names its own entity.
_LEAD_IN_MOST_TOKENS = 20


def without_label(toks: list[Tok], known: Known) -> list[Tok]:
    """``toks`` without a label before a command that names its own entity (see the module docstring):
    the label names no entity of the app, and the command names an existing entity or a structure word."""
    colon = next((i for i, t in enumerate(toks[: _LABEL_MOST_TOKENS + 1]) if t.low == ":"), None)
    lead_in = _lead_in(toks)
    if lead_in is not None:  # "my friend said to type it like this: create an entity for …": a longer lead-in to a create
        return toks[lead_in:]
    if (
        not colon
        or colon + 2 >= len(toks)
        or not toks[colon + 1].word
        or toks[colon + 1].stem not in command_stems() | {"rename"}
    ):
        return toks
    if toks[colon + 2].low in {",", "and", ";"}:
        return toks  # "Tractor: make, model, year": a list whose first field is a verb
    label, rest = toks[:colon], toks[colon + 1 :]
    if any(t.word and (known.get(t.sing) or known.ending_in(t.sing)) for t in label) or not all(
        t.low.isalnum() or t.low in {"(", ")", "#"} for t in label
    ):
        return toks
    names_own = any(t.word and (known.get(t.sing) or t.low in vocab.STRUCTURE_WORDS) for t in rest[1:])
    return rest if names_own else toks


def _lead_in(toks: list[Tok]) -> int | None:
    """Where a create command starts after a lead-in of up to twenty tokens and a colon ("pydantic-ish, for
    the harvest side: class Lot: …" reads "create Lot: …"), when the command names its entity outright."""
    colon = next((i for i, t in enumerate(toks[:_LEAD_IN_MOST_TOKENS]) if t.low == ":"), None)
    if colon is None:
        return None
    start = colon + 1
    while start < len(toks) and toks[start].low == ",":
        start += 1  # the line break after the colon
    if start + 2 >= len(toks) or toks[start].stem not in verb_stems("create"):
        return None
    names_own = any(t.low in vocab.STRUCTURE_WORDS or t.low == ":" for t in toks[start + 1 : start + 4])
    return start if names_own and colon > _LABEL_MOST_TOKENS or (names_own and toks[start - 1].low == ",") else None


def entity_first(toks: list[Tok], known: Known) -> list[Tok]:
    """``toks`` with an existing entity named first moved after its command: "Shipment: add signed by"
    reads "add signed by to Shipment", "Teachers: remove years of experience" "remove … from Teacher";
    renames read "E: …" themselves."""
    toks = _owner_opening(toks, known)  # "For Supplier, rename ...", "for the entity Kiln I need to add …"
    if (
        len(toks) >= 3
        and toks[1].word
        and toks[1].stem in verb_stems("add")
        and known.get(toks[0].sing)
        and toks[2].low not in MANY_WORDS  # "Exhibition includes many Loans": what it holds, not what is added
    ):
        toks = [toks[0], word_token(":"), *toks[1:]]  # "Course add field: max students"
    if len(toks) < 3 or toks[1].low != ":" or not (known.get(toks[0].sing) or known.ending_in(toks[0].sing)) or not toks[2].word:
        return toks  # "Shipment: …", or "sessions: …" of the app's WorkshopSession
    verb = next((i for i in range(2, len(toks)) if toks[i].low not in vocab.ASKING_WORDS), len(toks))
    if verb + 1 < len(toks) and toks[verb].low in vocab.KEEPING_VERBS and toks[verb].low not in {"keep", "note"}:
        return [word_token("add"), *toks[verb + 1 :], word_token("to"), toks[0]]  # "Routes: please also store a …"
    said = [
        t for i, t in enumerate(toks) if i >= 2 and not (toks[i - 1].low == "/" or toks[min(i + 1, len(toks) - 1)].low == "/")
    ]
    if not any(t.word and (t.stem in command_stems() or t.low in _CHANGE_WORDS) for t in said) and "." not in [
        t.low for t in toks
    ]:  # "Kiln: nullable text brand, and shelves (yes/no)": the app has Kiln, so the list is what it gets
        return [word_token("add"), *toks[2:], word_token("to"), toks[0]]
    if len(toks) < 4:
        return toks
    linked = [t.low for t in toks[3:6]]
    if toks[2].stem in verb_stems("add") and len(toks) == 6 and linked[:2] in (["link", "to"], ["reference", "to"]):
        if known.get(toks[5].sing):  # "payments: add a link to commission": the entity gets a reference
            owner = toks[0] if known.get(toks[0].sing) else full_name(toks[0], known)
            return [word_token("link"), owner, word_token("to"), toks[5]]
    if toks[2].stem in verb_stems("add") and toks[2].low != "give" and not any(t.low == "to" for t in toks[3:]):
        rest = toks[3:]
        while len(rest) > 1 and (rest[0].low in _FIELD_WORDS or rest[0].low == ":"):
            rest = rest[1:]  # "add field: max students" adds max students
        return [toks[2], *rest, word_token("to"), toks[0]]
    if (
        toks[2].low in {"change", "rename"}
        and (to := next((i for i in range(3, len(toks)) if toks[i].low == "to"), None)) is not None
        and 1 <= len(toks) - to - 1 <= 3  # nothing said after the new name ("…, since that's …" reads as written)
        and all(t.word for t in toks[to + 1 :])
        and not any(t.low in {"in", "on", "of"} or known.get(t.sing) for t in toks[3:])
    ):
        moved = [*toks[2:], word_token("in"), toks[0]]  # "Property: change 'price' to 'asking price'"
        return [*moved[:-1], as_entity(moved, len(moved) - 1, known) or toks[0]]
    if toks[2].stem in verb_stems("delete") and not any(t.low == "from" for t in toks[3:]):
        comma = next((j for j in range(3, len(toks)) if toks[j].low == "," and _clause_after(toks[j + 1 :])), len(toks))
        if all(t.low != "," for t in toks[3:comma]):  # "Teachers: remove years of experience", "…, the club …"
            return [*toks[2:comma], word_token("from"), toks[0]]
    return toks


#: Words that open a message about one entity: "For Supplier, …", "re the member thing - …", "regarding Orders: …".
_OPENERS = frozenset({"for", "on", "in", "re", "regarding", "about", "wrt"})
_BEFORE_OWNER = frozenset({":", "the", "our", "my", "this", "that"})
#: Words after the entity that still only name it ("the member thing -", "the Orders page:").
_AFTER_OWNER = frozenset({",", ":", "thing", "stuff", "page", "screen", "tab"})


def _owner_opening(toks: list[Tok], known: Known) -> list[Tok]:
    """ "For the Kiln entity please add …", "for entity Kiln I need to add …", "For Supplier, rename …",
    "on the Kiln record can we add …", "re the kiln thing - can we add …" → "Kiln: add …": an entity of the
    app named after "for", "on", "in", "re" or "regarding", then its command."""
    if len(toks) < 4 or toks[0].low not in _OPENERS:
        return toks
    i = 1
    while i < len(toks) and (toks[i].low in vocab.STRUCTURE_WORDS or toks[i].low in _BEFORE_OWNER):
        i += 1
    if i >= len(toks) or not toks[i].word or not known.get(toks[i].sing):
        return toks
    owner, i = toks[i], i + 1
    start = i
    while i < len(toks) and (toks[i].low in vocab.STRUCTURE_WORDS or toks[i].low in vocab.ASKING_WORDS | _AFTER_OWNER):
        i += 1
    i, wished = _wish_said(toks, start, i)
    if i >= len(toks) or not toks[i].word:
        return toks
    referred = _said_of_it(toks[i:], owner)
    if referred is not None:  # "In Horse, the 'height' field is not useful, please drop it."
        return referred
    if toks[i].low in vocab.KEEPING_VERBS and i + 1 < len(toks):  # "for kilns we want to track the brand"
        return [word_token("add"), *toks[i + 1 :], word_token("to"), owner]
    rest = toks[i:]
    if wished and not any(t.stem in command_stems() | {"rename"} or t.low in _CHANGE_WORDS | _CLAUSE_WORDS for t in rest):
        return [word_token("add"), *rest, word_token("to"), owner]  # "For Patient we need microchip number and …"
    if toks[i].stem in verb_stems("add") | verb_stems("delete") | {"rename"}:
        return [owner, word_token(":"), *toks[i:]]
    lows = [t.low for t in toks[i:]]
    if len(lows) >= 4 and lows[-3:-1] == ["should", "be"] and toks[-1].word and lows[-1] not in _NOT_NEW_NAMES:
        return [owner, word_token(":"), *toks[i:]]  # "in Hike, dist should be distance_km": a new name said last
    return toks


#: Words that open a clause after a comma, not another item of a list ("…, the club insures everything now").
_CLAUSE_OPENERS = REASON_OPENERS | {"the", "no", "lol", "that", "our"}


def _clause_after(rest: list[Tok]) -> bool:
    """Whether the words after a comma say a reason of their own rather than name one more field."""
    words = [t for t in rest if t.word]
    return bool(words) and (words[0].low in _CLAUSE_OPENERS or len(words) >= 5)


#: Words that end a field's name said before what is said of it ("the height field is …", "the paid on name is …").
_NAME_ENDS = frozenset({"field", "column", "attribute", "name", "is", "are", "was", "has"})


def _said_of_it(rest: list[Tok], owner: Tok) -> list[Tok] | None:
    """ "the 'height' field is not useful, please drop it" → "drop height from Horse"; "the 'paid on' name is weird,
    call it payment date instead" → "rename paid on to payment date in Invoice": a field named first, then a
    command that points back at it."""
    end = next((j for j, t in enumerate(rest) if t.low in _NAME_ENDS), None)
    if not end or end > 3 or not all(t.word for t in rest[:end]):
        return None
    name = rest[:end]
    for j in range(end + 1, len(rest) - 1):
        verb, it = rest[j], rest[j + 1]
        if it.low not in {"it", "them"}:
            continue
        if verb.stem in verb_stems("delete") and j + 2 == len(rest):
            return [verb, *name, word_token("from"), owner]
        new = [t for t in rest[j + 2 :] if t.low not in {"instead", "please", "pls", "to", "now"}]
        if verb.low in {"call", "rename", "name"} and new and all(t.word for t in new) and len(new) <= 3:
            return [word_token("rename"), *name, word_token("to"), *new, word_token("in"), owner]
    return None


#: Words that make the wished-for words more than a list of fields ("the year it was built", "… if I have one",
#: "children separately from adults"): such a wish is left to the other rules.
_CLAUSE_WORDS = frozenset({":", "if", "from", "separately", "because", "since", "was", "were", "so", "but"})


def _wish_said(toks: list[Tok], start: int, i: int) -> tuple[int, bool]:
    """Where the wished-for fields start after "For E, …", and whether a wish was said: "we need", "could we also
    have", "I forgot to ask for" (the fields are what is wished for)."""
    asked = {t.low for t in toks[start:i]}
    wished = bool(asked & {"need", "want", "like"})
    if i < len(toks) and toks[i].low in {"have", "get"} and asked & {"could", "can", "would"}:
        return i + 1, True  # "could we also have a max occupancy"
    if i < len(toks) and toks[i].low == "forgot":
        i += 1
        while i < len(toks) and toks[i].low in {"to", "ask", "for", "add", "include", "mention", "about"}:
            i += 1
        return i, True  # "for Animal I forgot to ask for the kennel name"
    return i, wished


#: Words after "should be" that say how a field is, not what it is called.
_NOT_NEW_NAMES = frozenset({"called", "named", "renamed", "optional", "required", "unique", "removed", "deleted"})


#: Words that make a sentence after "E:" a change of its own ("Tenant: rent should be monthly rent").
_CHANGE_WORDS = frozenset(
    {"rename", "called", "named", "should", "must", "no", "not", "longer", "many", "anymore", "to", "rid", "lose"}
)
