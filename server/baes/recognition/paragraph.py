"""Requests of several sentences: the one that asks for something, and the sentences that go on describing it.

People write "We run a bike repair shop. We need to keep track of repair jobs: …", "Create an
Insurance Claim entity. Fields: claim number, … Each claim is linked to a policy holder." or
"Build me a time tracker. Each time entry should have …". The offline rules read one sentence;
this module picks the sentence they read and lets the following ones add to a created entity:

* **which sentence**: a sentence that starts with a command verb (create, add, remove, rename,
  delete…) comes first; otherwise the sentences in order. The first one a rule reads as a change
  with content wins (a created entity with fields, or any other change). A sentence whose rule
  refuses it does not end the search: "We run a small shop." is context, not a request. A
  created entity with no fields ("Create an Insurance Claim entity.") is kept while no later
  sentence asks for something else, and the sentences after it may give its fields.
* **continuations of a create**: a list introduced by "Fields:", "Attributes:", "It has / It should
  store", "Each <entity> has / needs", "with …", "I want / we would like to record the …, …" adds
  attributes; "Each <entity> belongs to / is linked to / is part of / references <Y>" (or "It belongs
  to …") adds a reference to Y. Any other sentence is left out with a note, so the user sees what was
  not used.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from baes.recognition import vocabulary as vocab
from baes.recognition.added_later import added_after
from baes.recognition.attribute_phrases import parse_fields
from baes.recognition.evolution_phrases import main_clause
from baes.recognition.later_optional import optional_said_later
from baes.recognition.later_types import typed_in_last_clause, typed_later
from baes.recognition.model import Draft, RecognitionError
from baes.recognition.owner_sentences import has_many_of, owner_sentence_after, owner_targets, refers_to
from baes.recognition.plausible_names import check_entity_word
from baes.recognition.request_tokens import (
    HAVE,
    MODALS,
    REFERRING,
    Known,
    Tok,
    compound,
    entity_key,
    entity_name,
    verb_stems,
    word_token,
)
from baes.recognition.sentence_joins import joined_sentences
from baes.recognition.stored_state import state_said_later
from baes.scaffold.spec import RelationshipSpec

Reader = Callable[[list[Tok], Known], Draft | None]

#: Words that start a sentence continuing an attribute list ("Fields: …", "It has …").
_LIST_OPENERS = frozenset({"fields", "field", "attributes", "columns", "properties", "with", "including", "include"})
_NOTE_UNUSED = "left out the sentence {text!r}: send one request per change"


def split_sentences(toks: Sequence[Tok]) -> list[list[Tok]]:
    """The request's sentences (a "." token ends one), without empty ones."""
    sentences: list[list[Tok]] = [[]]
    for at, tok in enumerate(toks):
        if tok.low == "." or (tok.low in {":", ";"} and owner_sentence_after(toks, at, sentences[-1])):
            sentences.append([])
        else:
            sentences[-1].append(tok)
    return [s for s in sentences if any(t.word for t in s)]


def _is_command(sentence: Sequence[Tok]) -> bool:
    words = [t for t in sentence if t.word and t.low not in {"also", "then", "and", "now"}]
    first = words[0] if words else None
    if first is None or (len(words) > 1 and first.low in {"make", "set"} and words[1].low in REFERRING):
        return False  # "make it optional": says how the field of the sentence before is
    return first.stem in verb_stems("create") | verb_stems("add") | verb_stems("delete") or first.low == "rename"


def _has_content(draft: Draft) -> bool:
    entity = draft.entity
    return draft.intent != "create" or bool(entity.attributes or entity.relationships)


def read_paragraph(toks: list[Tok], known: Known, reader: Reader) -> Draft | None:
    """The reading of the sentence that asks for something, with the sentences continuing it."""
    sentences = joined_sentences(split_sentences(toks))
    if len(sentences) <= 1:
        return reader(sentences[0] if sentences else toks, known)
    order = sorted(range(len(sentences)), key=lambda i: (not _is_command(sentences[i]), i))
    first_error: RecognitionError | None = None
    fallback: Draft | None = None  # a create with no fields, while no later sentence asks for more
    commanded: int | None = None  # the sentence of a command that created the fallback
    for index in order:
        try:
            draft = reader(sentences[index], known)
            if draft is not None:
                check_entity_word(draft, known)
        except RecognitionError as exc:
            first_error = first_error or exc
            draft = (
                _with_context_entity(sentences, index, known, reader)
                or _list_of_command(sentences, index, commanded, known, reader)
                or _with_next_list(sentences, index, known, reader)
            )
            if draft is not None and draft.intent == "create" and index + 1 < len(sentences):
                return _with_list_after(draft, sentences, index)
        if draft is None:  # "I need a Budget Line." read by no rule, with the list that follows it
            listed = _list_of_command(sentences, index, commanded, known, reader) or _with_next_list(
                sentences, index, known, reader
            )
            if listed is not None:
                return _with_list_after(listed, sentences, index)
        if draft is not None and draft.intent != "create" and index != order[0] and _is_command(sentences[order[0]]):
            continue  # a command was refused: a description next to it is no request of its own
        if draft is None:
            continue
        if draft.intent == "create":
            if (joined := _bare_list_after(sentences, index, known, reader)) is not None:
                return _with_list_after(_named_earlier(joined, sentences[:index], known), sentences, index)
            draft = _named_earlier(draft, sentences[:index], known)
            extended = _continue_create(draft, sentences, index, known)
            if _has_content(extended):
                return extended
            if fallback is None:
                fallback, commanded = extended, (index if _is_command(sentences[index]) else None)
            continue
        draft, used = added_after(draft, sentences, index, known)
        draft, sentences, said = optional_said_later(draft, sentences, index)
        draft, typed = typed_later(typed_in_last_clause(draft, sentences[index]), sentences, index)
        draft, stated = state_said_later(draft, sentences, index, used | said | typed)
        return _with_unused(draft, sentences, used | said | typed | stated)
    if fallback is not None:
        return fallback
    if first_error is not None:
        raise first_error
    return None


def _bare_list_after(sentences: Sequence[list[Tok]], index: int, known: Known, reader: Reader) -> Draft | None:
    """ "track patient visits. date, reason" as one request with its list (not "visits" of a Patient)."""
    after = sentences[index + 1] if index + 1 < len(sentences) else []
    if not after or any(t.low in {"with", ":", "having", ","} for t in sentences[index]) or _list_part(after) != after:
        return None
    return _create_with(reader, sentences[index], after, known)


def _create_with(reader: Reader, sentence: Sequence[Tok], fields: Sequence[Tok], known: Known) -> Draft | None:
    """``sentence`` read with ``fields`` as its list ("… with a, b"), when that reads as a create with content."""
    try:
        draft = reader([*sentence, word_token("with"), *fields], known)
    except RecognitionError:
        return None
    return draft if draft is not None and draft.intent == "create" and _has_content(draft) else None


def _with_list_after(draft: Draft, sentences: Sequence[list[Tok]], index: int) -> Draft:
    """``draft``, read from ``sentences[index]`` with the list of the sentence after it, noting the rest."""
    return _with_unused(draft, sentences, {index, index + 1, *range(index)})


def _with_context_entity(sentences: Sequence[list[Tok]], index: int, known: Known, reader: Reader) -> Draft | None:
    """A command that names no entity, read about the one existing entity the other sentences name:
    "The Event model has a start time and an end time. Remove end time." removes it from Event."""
    if not _is_command(sentences[index]):
        return None
    named = {t.sing for i, s in enumerate(sentences) if i != index for t in s if t.word and known.get(t.sing)}
    if len(named) != 1:
        return None
    key = named.pop()
    entity = word_token(key)
    try:
        return reader([*main_clause(sentences[index]), word_token("in"), entity], known)
    except RecognitionError:
        return None


def _list_part(sentence: Sequence[Tok]) -> list[Tok] | None:
    """The attribute list of a sentence that only lists fields: "Fields: a, b", "Each one has a, b",
    "For each speaker store a, b", "needs a, b", or a bare "a, b, c"; None for any other sentence."""
    words = list(sentence)
    wanted = _wanted_kept(words)
    if wanted is not None:
        return words[wanted:]  # "I want to store their name, email, …" (not "I want a Stall Application: …")
    for i, tok in enumerate(words[:6]):
        if tok.low in {",", "and"} and any(t.word for t in words[:i]):
            break  # "desk number, zone, has monitor": after a separator "has" names a flag of the list
        if tok.low in _LIST_OPENERS or tok.low == ":" or (tok.low in HAVE and tok.low != "get"):
            rest = words[i + 1 :]
            while rest and rest[0].low in {":", "is", "are", "be", "the"}:
                rest = rest[1:]
            return rest if any(t.low == "," for t in rest) or len(rest) <= 4 else None
    if sum(t.low == "," for t in words) >= 1 and all(t.word or t.low in {",", "(", ")", "/"} for t in words):
        return words
    if sum(t.low == "/" for t in words) >= 2 and all(t.word or t.low == "/" for t in words):
        return words  # "name / origin / price per kg / arrival date"
    return None


def _with_next_list(sentences: Sequence[list[Tok]], index: int, known: Known, reader: Reader) -> Draft | None:
    """A create refused for naming no fields, read with the list of the sentence after it: "We need
    to store warehouses. Each one has a code, a city and a capacity." """
    if index + 1 >= len(sentences):
        return None
    fields = _list_part(sentences[index + 1])
    if not fields:
        return None
    try:
        own = reader(sentences[index + 1], known)
    except RecognitionError:
        own = None
    if own is not None and _has_content(own) and _wanted_kept(sentences[index + 1]) is None:
        return None  # "Build me a time tracker. Each time entry should have …": the next sentence names it
    return _create_with(reader, sentences[index], fields, known)


def _list_of_command(
    sentences: Sequence[list[Tok]], index: int, command: int | None, known: Known, reader: Reader
) -> Draft | None:
    """A list said after a command that created an entity with no fields belongs to that entity, not to a
    word of the sentences between: "Create Booking table. We went over it on Monday. Columns: a, b, c"."""
    if command is None:
        return None
    fields = next((f for at in (index, index + 1) if at < len(sentences) and (f := _list_part(sentences[at]))), None)
    if not fields:
        return None
    return _create_with(reader, sentences[command], fields, known)


#: Nouns too general to name an entity alone: "leave requests. Each request has …" means the leave request.
_GENERIC_HEADS = frozenset(
    """request item entry record line detail log note report form slot unit plan period session result reading
    type application order event card list assignment booking check claim document file ticket transaction visit
    batch""".split()
)


def _named_earlier(draft: Draft, earlier: Sequence[list[Tok]], known: Known) -> Draft:
    """A one-word entity named in full by an earlier sentence: "We log leave requests. Each request
    has …" creates LeaveRequest, the name the user gave it first, when the word alone is too general
    to name it ("request", "item", "entry"); "conference speakers. Each speaker has …" creates Speaker."""
    key = entity_key(draft.entity.name)
    if "_" in key or known.get(key) or key not in _GENERIC_HEADS:
        return draft  # "conference speakers. Each speaker has …" is about speakers
    for sentence in earlier:
        for i, tok in enumerate(sentence):
            if tok.word and tok.sing == key and i > 0:
                full = compound(sentence, i)
                if "_" in full.sing:
                    name = entity_name(full, known)
                    return replace(draft, entity=replace(draft.entity, name=name))
    return draft


def _with_unused(draft: Draft, sentences: Sequence[Sequence[Tok]], used: set[int]) -> Draft:
    notes = [_NOTE_UNUSED.format(text=_text(s)) for i, s in enumerate(sentences) if i not in used]
    return replace(draft, notes=(*draft.notes, *notes)) if notes else draft


def _text(sentence: Sequence[Tok]) -> str:
    return " ".join(t.text for t in sentence)


def _continue_create(draft: Draft, sentences: Sequence[list[Tok]], index: int, known: Known) -> Draft:
    """``draft`` (a create read from ``sentences[index]``) with what the sentences after it add."""
    entity = draft.entity
    attributes = list(entity.attributes)
    relationships = list(entity.relationships)
    notes = list(draft.notes)
    used = {index}
    for number in range(index + 1, len(sentences)):
        sentence = sentences[number]
        start = _list_start(sentence, entity.name, known)
        if start is None and number == index + 1 and not entity.attributes and _list_part(sentence) == list(sentence):
            start = 0  # "add an entity for tournaments? name, game, start date": the bare list after it
        if start is not None:
            fields = parse_fields(sentence[start:], known, entity_name=entity.name)
            if fields.attributes or fields.relationships:
                names = {a.name for a in attributes}
                attributes += [a for a in fields.attributes if a.name not in names]
                relationships += [r for r in fields.relationships if r.target not in {x.target for x in relationships}]
                notes += fields.notes
                used.add(number)
                continue
        targets = [t for t in owner_targets(sentence, entity.name, known) if t != entity.name] or has_many_of(
            sentence, entity.name, known
        )
        optional = any(t.low in vocab.OPTIONAL_WORDS or t.low in {"may", "might", "can"} for t in sentence)
        _add_references(relationships, targets, required=not optional)
        if targets:
            used.add(number)
    for number in range(index):  # "patients have many allergies. add Allergy …"
        _add_references(relationships, has_many_of(sentences[number], entity.name, known), required=True)
        used.add(number)  # sentences before the request are its context
    spec = replace(entity, attributes=tuple(attributes), relationships=tuple(relationships))
    extended = replace(draft, entity=spec, notes=tuple(notes))
    return _with_unused(extended, sentences, used)


def _add_references(relationships: list[RelationshipSpec], targets: Sequence[str], *, required: bool) -> None:
    """Each of ``targets`` as a reference, unless one to it is already there."""
    for target in targets:
        if all(r.target != target for r in relationships):
            relationships.append(RelationshipSpec(target, required=required))


def _list_start(sentence: Sequence[Tok], entity: str, known: Known) -> int | None:
    """Where the attribute list of a continuing sentence starts, or None if it is no list."""
    words = list(sentence)
    first = 0
    while first < len(words) and not words[first].word and words[first].low != ":":
        first += 1
    wanting = _wanted_list(words[first:])
    if wanting is not None:
        return first + wanting
    if first < len(words) and words[first].low in _LIST_OPENERS:
        after = first + 1
        while after < len(words) and words[after].low in {":", "is", "are", "be"}:
            after += 1
        return after if after < len(words) else None
    for i, tok in enumerate(words[first:], first):
        if tok.low == ",":
            return None  # a list's flag ("zone, has monitor"), not the verb of a sentence about the entity
        if tok.low in HAVE or tok.low == ":":
            if tok.low in HAVE and i + 1 < len(words) and words[i + 1].low == "to":
                return None  # "it needs to send reminders": no list
            subject = [t for t in words[:i] if t.low not in MODALS]
            elided = not any(t.word for t in subject) and tok.low in HAVE  # "Make a Quiz entity. Needs title, level."
            if (elided or refers_to(subject, entity, known)) and i + 1 < len(words):
                return i + 1
            return None
    return None


#: "I want / we need / I'd like (to store|record …) the trail name, distance, …": a list the writer wants kept.
_WANT_VERBS = frozenset({"want", "need", "like", "wish", "require"})
_KEEP_VERBS = frozenset({"store", "record", "track", "keep", "save", "have", "know", "see", "capture", "log", "note"})


def _wanted_kept(words: Sequence[Tok]) -> int | None:
    """Where the list starts in "I want to store their name, email, …": what the writer wants kept, said with a verb."""
    at = _wanted_list(words)
    kept = at is not None and at >= 2 and words[at - 1].low in _KEEP_VERBS | {"their", "its", "his", "her"}
    if not kept or at is None or not any(t.low == "to" for t in words[:at]):
        return None
    named = any(t.low in {":", "with", "each", "every", "(", "my", "our", "all"} for t in words[at:])
    return None if named else at  # "I need to record each kiln firing: …" names its entity: no list alone


def _wanted_list(words: Sequence[Tok]) -> int | None:
    """Where the list of a sentence that says what the writer wants kept starts ("I want the trail name, …")."""
    lows = [t.low for t in words] + ["", "", "", ""]
    if lows[0] not in {"i", "we"}:
        return None
    at = 3 if lows[1] == "would" else 2
    if lows[at - 1] not in _WANT_VERBS:
        return None
    if lows[at] == "to":
        if lows[at + 1] not in _KEEP_VERBS:
            return None
        at += 2
    if lows[at] in {"their", "its", "his", "her"} and at + 1 < len(words):
        at += 1  # "I want to store their name, email, …"
    rest = lows[at : len(words)]
    if not rest or rest[0] in REFERRING or rest[0] in {"you", "to"}:
        return None  # "I need it to send reminders": no list
    return at if "," in rest or "and" in rest else None
