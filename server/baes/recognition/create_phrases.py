"""Requests that create an entity: "create a Book entity with ...", "a system to manage students with ...",
"new entity: Book(title, author)", "an entity called Invoice ...", "members must be stored with ...".

Part of the offline recognizer (``baes.recognition.offline`` tries these rules last, once no rule read the request
as a change of an existing entity). Also home of the word tests the other rules share: passive participles and which verbs create.
"""

from __future__ import annotations

from collections.abc import Sequence

from baes.recognition import vocabulary as vocab
from baes.recognition.attribute_phrases import build_spec, parse_fields
from baes.recognition.context_phrases import CONTAINERS, before_context, named_last
from baes.recognition.create_frames import comma_after_name, creating_verbs, framed_name, heading_name
from baes.recognition.model import Draft, RecognitionError
from baes.recognition.normalize import stem, verb_base
from baes.recognition.request_tokens import (
    ATTRIBUTE_MARKERS,
    BE_WORDS,
    CONTAINER_NOUNS,
    HAVE,
    LINKED_PARTICIPLES,
    MAX_NAME_WORDS,
    MAYBE_MODALS,
    MODALS,
    NOUN_MARKERS,
    PRONOUNS,
    REFERENCE_VERBS,
    RELATIVE,
    SKIP_IN_NOUNS,
    SUBJECT_SKIP,
    Known,
    Tok,
    clause_end,
    compound,
    entity_name,
    head_noun,
    index_of,
    is_entityish,
    joined,
    noun_after,
    verb_stems,
    word_token,
)
from baes.scaffold.spec import RelationshipSpec

#: Adverbs allowed between "is" and a participle ("students are also linked to a course").
_PARTICIPLE_ADVERBS = frozenset({"also", "always", "usually", "optionally", "now", "each", "all"})


def is_passive(toks: Sequence[Tok], verb: int, known: Known) -> bool:
    """ "students are attached to a course" describes a reference, it is no order to add something.

    True when the verb is a participle (-ed) after a form of "to be" or right after an entity noun.
    """
    if not toks[verb].low.endswith("ed"):
        return False
    before = verb - 1
    while before >= 0 and toks[before].low in _PARTICIPLE_ADVERBS:
        before -= 1
    return before >= 0 and (toks[before].low in BE_WORDS or is_entityish(toks[before], known))


#: Structure words that never name an entity themselves ("a CRUD resource", "a REST API").
_TECHNICAL_STRUCTURES = frozenset({"crud", "api", "rest", "endpoint", "endpoints"})
#: Structure words that are also entity nouns after an attribute word ("salary record", "price object").
_NAMING_STRUCTURES = frozenset({"record", "object", "type"})


def _names_before(toks: list[Tok], verb: int) -> bool:
    """Whether the words before ``verb`` are one or two nouns that open the request ("guitar build: …")."""
    before = toks[:verb]
    return 1 <= len(before) <= 2 and all(
        t.word and t.low not in SUBJECT_SKIP | SKIP_IN_NOUNS | MODALS and t.stem not in creating_verbs() for t in before
    )


def _create_entity_index(toks: list[Tok], marker: int) -> int | None:
    # "an entity called Book", "named Book"
    for i in range(marker):
        if toks[i].low in {"called", "named"} and i + 1 < len(toks) and toks[i + 1].word:
            return i + 1
    # "a Book entity", "the student model"
    for i in range(1, marker):
        if toks[i].low in vocab.STRUCTURE_WORDS:
            if i + 1 < marker and toks[i + 1].low in vocab.STRUCTURE_WORDS and toks[i - 1].word:
                continue  # "a Gym Class entity": "class" is part of the name
            if i + 1 < marker and toks[i + 1].low == "of":
                continue  # "keep a record of repairs": the entity follows "of"
            j = i - 1
            while j >= 0 and toks[j].word and toks[j].low in vocab.ATTRIBUTE_FILLERS:
                j -= 1
            if j >= 0 and toks[j].low in _TECHNICAL_STRUCTURES:
                continue  # "a CRUD resource for Plant": the entity follows "for"
            if j >= 0 and toks[j].word and (_names_structure(toks, j) or toks[j].low in vocab.STRUCTURE_WORDS):
                if toks[i].low in _NAMING_STRUCTURES and (
                    toks[j].sing in vocab.ATTRIBUTE_TYPES or toks[j].sing in vocab.TEXT_OVERRIDES
                ):
                    return i  # "a Salary Record": an attribute word alone names no entity
                return j
    # "manage university students", "create students"
    verbs = [i for i in range(marker) if toks[i].word and toks[i].stem in creating_verbs()]
    for verb in reversed(verbs):
        if (
            verb + 1 == marker < len(toks)
            and toks[marker].low == ":"
            and _names_before(toks, verb)
            and toks[verb].low not in (CONTAINER_NOUNS | vocab.STRUCTURE_WORDS)
        ):
            return verb  # "pedal builds: …", "guitar build: …": a noun the verb's word ends
        if verb + 1 == marker < len(toks) and verb - 1 in verbs and toks[marker].low in {"with", ":", "(", "having"}:
            return verb  # "create a Track with …", "make a Design: …": a verb's noun right after the creating verb
        head = head_noun(toks, verb + 1, marker)
        if head is not None:
            return before_context(toks, verb + 1, head)
        if is_passive(toks, verb, Known(())):  # "members must be stored with ...": the subject
            be = verb - 1
            while be > 0 and (toks[be].low in BE_WORDS or toks[be].low in MODALS):
                be -= 1
            return head_noun(toks, 0, be + 1)
    head = head_noun(toks, 0, marker) if not verbs else None
    return before_context(toks, 0, head) if head is not None else None


#: Verbs that open a request as a command though the vocabulary does not create with them ("log batteries: …").
_OPENING_COMMANDS = frozenset({"log", "list", "show", "keep", "save", "note", "capture", "collect"})


#: A wish before its object: "I need", "we want", "I would like".
_WISHES = (("need",), ("want",), ("would", "like"), ("like",))


def _wish_end(toks: Sequence[Tok], start: int, index: int) -> int | None:
    if start >= index or toks[start].low not in {"i", "we"}:
        return None
    for wish in _WISHES:
        end = start + 1 + len(wish)
        if end <= index and tuple(t.low for t in toks[start + 1 : end]) == wish:
            return end
    return None


def _leading_name(toks: Sequence[Tok], index: int, marker: int) -> Tok:
    """ "lab result: test name, …", "parking permit with plate number, …": a request that opens with the
    entity's name and its list names the whole noun phrase, even words that could be verbs ("parking").
    Not "patients book appointments with …" nor "log batteries: …": a plural word before the noun is a
    subject and a plain verb is a command, neither is a modifier."""
    start = next((i for i in range(index) if toks[i].low not in SUBJECT_SKIP), index)
    wish = _wish_end(toks, start, index)
    if wish is not None:  # "I need a budget line with ...": the object of the wish
        start = next((i for i in range(wish, index) if toks[i].low not in SUBJECT_SKIP), index)
    if start + 2 < index and toks[start].low in CONTAINERS and toks[start + 1].low == "of":
        start += 2  # "I need a list of parking bays with …": what the list holds
    words = toks[start:index]
    if (
        not named_last(toks, index, marker)
        or marker >= len(toks)
        or toks[marker].low not in {"with", ":", "("}
        or not 0 < len(words) < MAX_NAME_WORDS
        or words[0].low in _OPENING_COMMANDS
        or any(
            not t.word
            or t.sing != t.low
            or verb_base(t.low) == t.low
            or t.low in SKIP_IN_NOUNS
            or t.low in PRONOUNS
            or t.low in HAVE
            or t.stem in creating_verbs()
            for t in words
        )
    ):
        return toks[index]
    return joined(toks[start : index + 1])


def _names_structure(toks: Sequence[Tok], index: int) -> bool:
    """Whether the word before "entity"/"model"/"table" is its name ("a Book entity").

    A qualifier ("store", "library") or a verb ("store", "record") is a name too when it is the
    object of a creating verb: "create a Store entity", "create a Record entity".
    """
    tok = toks[index]
    if object_of_verb(toks, index):
        return tok.low not in vocab.STRUCTURE_WORDS and (tok.low not in SKIP_IN_NOUNS or tok.sing in vocab.ENTITY_NOUNS)
    return tok.low not in SKIP_IN_NOUNS and tok.stem not in creating_verbs()


def object_of_verb(toks: Sequence[Tok], index: int) -> bool:
    """ "create a Store entity": a word right after a creating verb is its object, even when it is
    also a verb itself (store, record, model); the article between them is already dropped."""
    before = toks[index - 1] if index > 0 else None
    if before is None or not before.word:
        return False
    if before.stem in creating_verbs():
        return True
    after = toks[index + 2].low if index + 2 < len(toks) else ""  # past the structure word
    return before.low in _WISHED and (toks[index].stem not in creating_verbs() or after in {"with", ":", "having", "("})


#: Verbs of wishing whose object is named like a creating verb's ("I need a Design entity").
_WISHED = frozenset({"need", "want", "like", "get", "add", "introduce"})


def _where_subject(toks: list[Tok], marker: int, end: int) -> tuple[int, int] | None:
    """ "... where each book has a title, ..." → (index of "book", index where its attributes start)."""
    if marker >= end or toks[marker].low not in {"where", "in", "whose"}:
        return None
    j = marker + 1
    while j < end and toks[j].low in SUBJECT_SKIP | {"which"}:
        j += 1
    if j >= end or not toks[j].word or toks[j].low in SKIP_IN_NOUNS:
        return None
    k = j + 1
    while k < end and toks[k].low in MODALS | MAYBE_MODALS:
        k += 1
    if k < end and toks[k].low in HAVE:
        return j, k + 1
    return None


def _find_marker(toks: list[Tok], start: int, end: int) -> int:
    """Where the attribute list starts: "with", "having", ":", "that has", "Book(" ...; ``end`` if none."""
    for i in range(start, end):
        low = toks[i].low
        if low in ATTRIBUTE_MARKERS and i > 0:
            if low in NOUN_MARKERS and index_of(toks[:end], {"with", ":"}, i + 1) is not None:
                continue  # "manage our properties with address": the list starts at "with"
            return i
        if (
            low in RELATIVE
            and i + 1 < end
            and (toks[i + 1].low in HAVE or toks[i + 1].low in MODALS or toks[i + 1].low in LINKED_PARTICIPLES | REFERENCE_VERBS)
        ):
            return i  # "a Book that has ...", "an Order that belongs to a customer"
        if low == "(" and i > 0 and toks[i - 1].word and any(t.low in {",", ":", "/"} for t in toks[i + 1 : end]):
            return i
    return end


def _implicit_list(toks: list[Tok], index: int, end: int) -> int | None:
    """ "create student name email gpa": the attribute list starts at the first attribute word after the noun."""
    for i in range(index + 1, end):
        if not toks[i].word:
            return None
        if toks[i].low in vocab.ATTRIBUTE_TYPES or toks[i].low in vocab.TEXT_OVERRIDES:
            return i
    return None


def _participle_by(toks: Sequence[Tok], index: int, marker: int) -> Tok | None:
    """The noun of "Xs placed/written/owned by Ys" or "X (entity) linked to Y" right after the entity
    noun, before its list, else None."""
    start = index + 1 + (index + 1 < marker and toks[index + 1].low in vocab.STRUCTURE_WORDS)
    linked = start + 1 < marker and toks[start].low in LINKED_PARTICIPLES and toks[start + 1].low in {"to", "with"}
    if linked or (index + 3 < marker + 1 and toks[index + 1].low.endswith(("ed", "en", "wn")) and toks[index + 2].low == "by"):
        first = start + 2 if linked else index + 3
        after = noun_after(toks[:marker], first)
        last = marker - 1 - (marker - 1 > first and toks[marker - 1].low == ",")
        if after is not None and after == last:
            return toks[after]
    return None


def _closed_list(toks: list[Tok], marker: int, start: int, end: int) -> list[Tok]:
    """The list region; one opened by "(" ends at its ")": "fuel purchases (liters, …, odometer reading)
    so I can see consumption" lists "odometer reading", and what follows is a clause of its own."""
    region = toks[start:end]
    if marker >= len(toks) or toks[marker].low != "(":
        return region
    depth = 0
    for i, tok in enumerate(region):
        depth += {"(": 1, ")": -1}.get(tok.low, 0)
        if depth < 0:
            return [*region[:i], word_token(","), *region[i + 1 :]]
    return region


def _check_adding(toks: list[Tok], index: int, region_start: int, end: int, implicit: int | None, known: Known) -> None:
    """Refuse an "add ..." that names no target and no new entity ("add email", "add a phone number").

    "add" creates only when it clearly names an entity: a structure word ("add a Book entity"), an
    attribute list after "with"/":" ("add a Book with title"), or an entity noun ("add students").
    """
    if any(t.word and (t.stem in verb_stems("create") or t.low in vocab.STRUCTURE_WORDS) for t in toks[:region_start]):
        return
    if implicit is None and (region_start < end or is_entityish(toks[index], known)):
        return
    if implicit is not None and is_entityish(toks[index], known):  # "add student name email": change or create?
        what, target = ", ".join(t.text for t in toks[implicit:end] if t.word), entity_name(toks[index], known)
        raise RecognitionError(
            f"a change of {target} or a new entity? Say 'add {what} to {target}', or 'create a {target} entity with {what}'"
        )
    add = next(i for i, t in enumerate(toks) if t.word and t.stem == stem("add"))
    what = " ".join(t.text for t in toks[add + 1 : end] if t.word)
    raise RecognitionError(
        f"add {what!r} to which entity? Say e.g. 'add {what} to Student', or 'create a Student entity with ...' for a new entity"
    )


def _unnamed_before(toks: Sequence[Tok], i: int) -> bool:
    """Whether ``toks[i]`` (before "entity:") names nothing: a filler or a creating verb ("new entity:",
    "create entity:"), not the last word of a name ("a vaccination record entity:", "a Book entity:")."""
    if toks[i].low not in SKIP_IN_NOUNS and toks[i].stem not in creating_verbs():
        return False
    return i == 0 or not toks[i - 1].word or toks[i - 1].low in SKIP_IN_NOUNS or toks[i - 1].stem in creating_verbs()


def try_create(toks: list[Tok], known: Known) -> Draft | None:
    end = clause_end(toks, 0)
    marker = _find_marker(toks, 0, end)
    named = next(
        (
            i
            for i in range(min(marker + 2, end) - 1)
            if toks[i].low in vocab.STRUCTURE_WORDS
            and toks[i + 1].low == ":"
            and i + 2 < end
            and toks[i + 2].word
            and (i == 0 or _unnamed_before(toks, i - 1))
            and not (toks[i].low in _NAMING_STRUCTURES | {"model", "table"} and i + 3 < end and toks[i + 3].low == ",")
        ),
        None,
    )
    where = _where_subject(toks, marker, end)
    implicit: int | None = None  # where an implicit list ("create student name email") starts
    floor = 0  # where a multi-word entity name may start at the earliest
    if named is not None:  # "new entity: Book(title, author)"
        floor = named + 2
        marker = _find_marker(toks, floor + 1, end)
        if marker == end and floor + 2 < end and toks[floor + 1].low == "," and "," in (t.low for t in toks[floor + 2 : end]):
            marker = floor + 1  # "Entity: Boat, hull id, length": the comma after the name opens the list
        index = head_noun(toks, floor, marker) or floor  # "entity: purchase order with …": the whole name
        region_start = marker + 1 if marker < end else end
    elif where is not None:
        index, region_start = where
    else:
        found = _create_entity_index(toks, marker)
        if found is None:
            return None
        index, region_start = found, (marker + 1 if marker < end else end)
        called = next((i for i in range(index) if toks[i].low in {"called", "named"}), None)
        if called is not None and called + 1 == index:  # "an entity called Insurance Policy with"
            index, floor = head_noun(toks, index, marker) or index, index
        if marker < end and toks[marker].low in RELATIVE:  # "a Book that (should) stores title, ..."
            while region_start < end and toks[region_start].low in HAVE | MODALS:
                region_start += 1
        comma = comma_after_name(toks, index, end) if marker == end else None
        if comma is not None:  # "make a Gadget model, name, email, bio": the comma opens the list
            marker, region_start = comma, comma + 1
        elif marker == end and called != index - 1:  # "create student name email gpa" (not "… named Commission")
            verbs = [i for i in range(index) if toks[i].word and toks[i].stem in creating_verbs()]
            first = noun_after(toks[:end], verbs[-1] + 1) if verbs else None
            implicit = _implicit_list(toks, first, end) if first is not None else None
            if implicit is not None and first is not None:
                index = head_noun(toks, first, implicit) or first
                marker, region_start = implicit - 1, implicit
    explicit = any(t.word and (t.stem in creating_verbs() or t.low in vocab.STRUCTURE_WORDS) for t in toks[:marker])
    explicit = explicit or (index > 0 and toks[floor - 1].low in {"called", "named"})  # "an app called boiler service"
    # A multi-word name only after a creating verb or before "entity": elsewhere the words before the
    # noun may be verbs the vocabulary does not know ("let visitors leave feedback with ...").
    name = entity_name(
        heading_name(toks, index, marker)
        or framed_name(toks, index)
        or (compound(toks, index, floor) if explicit or named is not None else _leading_name(toks, index, marker)),
        known,
    )
    by = _participle_by(toks, index, marker)  # "orders placed by customers with ...": a reference
    if any(t.word and t.stem == stem("add") for t in toks[:index]):
        _check_adding(toks, index, region_start, end, implicit, known)
    maybe = any(t.low in MAYBE_MODALS for t in toks[marker : min(marker + 3, end)])
    region = _closed_list(toks, marker, region_start, end)
    fields = parse_fields(region, known, all_optional=maybe, entity_name=name, implicit=implicit is not None)
    if by is not None and entity_name(by, known) != name:
        fields.relationships.append(RelationshipSpec(entity_name(by, known)))
    if not explicit:
        nouns = [
            t
            for i, t in enumerate(toks[:marker])
            if t.word and t.low not in SKIP_IN_NOUNS and t.low not in SUBJECT_SKIP and not (i > 0 and toks[i - 1].low in BE_WORDS)
        ]
        listed = (
            named_last(toks, index, marker) and marker < end and toks[marker].low in {"with", "having", ":"} and fields.attributes
        )
        if len(nouns) > 1 and not listed:
            return None  # a sentence about several things ("students can enroll in courses") is no create
        if not (fields.attributes or fields.relationships or is_entityish(toks[index], known)):
            return None  # a lone unknown word ("hello") is not a request to create an entity
    elif not (fields.attributes or fields.relationships) and not _names_an_entity(toks, index, marker, known):
        raise RecognitionError(
            f"no attributes and no entity named: is {name} meant as a new entity? Say e.g. "
            f"'create a {name} entity with name and description' (a request that is not about an entity, "
            "such as 'make the button blue', is out of scope)"
        )
    return Draft("create", build_spec(name, fields), notes=tuple(fields.notes))


#: Verbs that create an entity even with nothing else said ("create students", "add a Book").
_PLAIN_CREATE = frozenset({"create", "scaffold", "add", "generate", "setup", "define"})


def _names_an_entity(toks: Sequence[Tok], index: int, marker: int, known: Known) -> bool:
    """Whether a create with no attributes still clearly names an entity: a structure word ("a Backup
    entity"), "called"/"named", an existing entity or common entity noun, or a plural noun right after
    "create"/"add" ("create students"). "make the button blue", "build the project" and "implement
    caching" name no entity: other verbs need an attribute list."""
    before = toks[:marker]
    if (
        any(t.low in {"called", "named"} for t in before[:index])
        or (index + 1 < marker and toks[index + 1].low in vocab.STRUCTURE_WORDS)
        or (index > 0 and toks[index - 1].low == ":" and any(t.low in vocab.STRUCTURE_WORDS for t in before[:index]))
    ):
        return True  # "a Backup entity", "an entity called Invoice", "new entity: Book"
    if not any(t.word and (verb_base(t.low) or t.low) in _PLAIN_CREATE for t in before[:index]):
        return False
    verb = max((i for i in range(index) if toks[i].word and toks[i].stem in creating_verbs()), default=index)
    if any(t.word and t.low not in SKIP_IN_NOUNS for t in toks[verb + 1 : index]):
        return False  # "generate a report of sales": the noun is not what is created
    head = toks[index]
    return is_entityish(head, known) or head.sing != head.low
