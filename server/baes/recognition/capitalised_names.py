"""The entity a writer marks with a capital letter inside a sentence: "I need to keep Stay of each dog: …",
"Need to maintain Test Result of students", "We want to follow the Harvest which is coming from each farmer".

Writers of many first languages capitalise the thing they mean (German and Dutch capitalise every noun), and the
rules, which read lower-cased words, take the last noun before the list instead ("each dog", "students") or a
place ("a hostel in Cusco"). When exactly one capitalised English noun stands inside a sentence before the
list, ends its phrase ("Stay of", "the Guests,", "the Teachers?") and is no place, person or greeting, it is
the entity a create reading makes; the fields read stay. A reading whose entity the user capitalised, or
that names an entity of the app, is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import replace

from baes.recognition import vocabulary as vocab
from baes.recognition.model import Draft, RecognitionError
from baes.recognition.named_entity import renamed_entity
from baes.recognition.normalize import stem
from baes.recognition.plausible_names import never_an_entity
from baes.recognition.request_tokens import Known, entity_key, verb_stems
from baes.recognition.spelling import english_words
from baes.scaffold.spec import EntitySpec, SpecError, pascal_case

#: A run of one to three capitalised words, with the word before it and what follows it.
_RUN = re.compile(
    r"(?P<before>[^\s]*)[ \t]+(?P<name>(?-i:[A-Z][a-z]+)(?:[ \t](?-i:[A-Z][a-z]+)){0,2})"
    r"(?=(?P<after>[ \t]*(?:$|[,.:;?!(\n]|(?:of|which|that|who|with|like|for|where|please|pls|kindly)\b)))"
)
#: Words before a capitalised word that make it a place, a person or a greeting's ("in Cusco", "Dear Maria").
_NOT_BEFORE = frozenset("in at from to near into of by with on dear hi hello hey mr mrs ms dr sir madam o and or".split())
#: Capitalised words that are never the entity: greetings, courtesy, calendar and words about the request.
_NEVER = frozenset(
    """i sir madam hello hi hey thanks thank please kindly dear good morning evening afternoon regards best team guys boss
    god allah english monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december christmas easter ramadan diwali eid app application system database
    software program excel sheet list page screen form need want""".split()
)
#: The note a reading gets when its entity is the capitalised name.
_NOTE = "read {name} as the entity: the one name written with a capital letter"
#: Where a request's list starts: the words before it may name the entity, the list's own words do not.
_LIST_START = re.compile(r":|\b(?:with|like|such as|including)\b")


def _opening_verbs() -> frozenset[str]:
    """Verbs that open a request ("Create Teacher"), never a word of the name after them."""
    return verb_stems("create") | verb_stems("add")


def _candidates(request: str) -> dict[str, int]:
    """The entity keys of the capitalised nouns that may name the entity (see the module docstring), each with where
    its name ends in ``request``."""
    head = _LIST_START.split(request, maxsplit=1)[0]
    found: dict[str, int] = {}
    for match in _RUN.finditer(head):
        before = match.group("before")
        last = re.split(r"[^A-Za-z']", before)[-1]
        if not before or before[-1] in ".!?,|" or last.lower() in _NOT_BEFORE:
            continue  # a sentence's first word, a place or person ("in Cusco", "Dear Maria", "…, Giulia"), a table
        if last[:1].isupper():
            continue  # "Loyalty Card: …", "Date In|Picked Up": part of a longer capitalised name
        if re.match(r"[ \t]*,[ \t]*[A-Z]", head[match.end() :]):
            continue  # "the fields I track are Title, Author, …": a list written in capitals
        words = match.group("name").lower().split()
        if any(w in _NEVER or w in vocab.STRUCTURE_WORDS or stem(w) in _opening_verbs() for w in words):
            continue
        if not all(english_words().known([w, vocab.singularize(w)]) for w in words):
            continue  # "Kota", "Ayvalık", "Giulia": names of places and people
        found.setdefault(entity_key("_".join(words)), match.end("name"))
    return found


def capital_context(request: str) -> str:
    """What of the request's capitals decides its reading, for the cache's context (its key is lower-case): the
    words written with a capital inside a sentence, when one of them may name the entity; "" otherwise."""
    if not _candidates(request):
        return ""
    written = {m.lower() for m in re.findall(r"(?<=[\w,;:)'\"] )(?-i:[A-Z][a-z]+)", request)}
    return "caps=" + ",".join(sorted(written))


def as_capitalised(draft: Draft, request: str, known: Known, read: Callable[[str], Draft]) -> Draft:
    """A create of another entity than the one noun the user capitalised, as a create of that one. When the fields
    read were said before that name ("My uncle has a honey farm. We follow the Extraction …: frames, …"), the list
    after it is read instead (``read`` reads a request)."""
    if draft.intent != "create" or known.get(entity_key(draft.entity.name)):
        return draft
    candidates = _candidates(request)
    if len(candidates) != 1:
        return draft
    (key, end), old = candidates.popitem(), entity_key(draft.entity.name)
    if key == old or known.get(key) or never_an_entity(key):
        return draft
    written = r"[\s_-]*".join(re.findall(r"[A-Z][a-z0-9]*", draft.entity.name))  # "Volunteer Shift", "VolunteerShift"
    said = re.search(rf"(\S*)\s+{written}\b", request)
    if said and said.group(1).lower() not in {"in", "at", "from", "near"} and not key.endswith("_" + old):
        return draft  # the user wrote the reading's entity as a name ("a Book entity for the Library: …"), no place
    try:
        name = EntitySpec(pascal_case(key)).name
    except SpecError:
        return draft
    after = request[end:].lower()
    if draft.entity.attributes and not any(a.name.split("_")[0] in after for a in draft.entity.attributes):
        return _read_list_after(key, after, known, read) or draft  # the fields read were said before the name
    attributes = tuple(a for a in draft.entity.attributes if a.name != key)  # "I need Customer for …": no field
    draft = renamed_entity(replace(draft, entity=replace(draft.entity, attributes=attributes)), name, request)
    return replace(draft, notes=(*draft.notes, _NOTE.format(name=name)))


#: Set while a list is read under a capitalised name, so that the reading is tried once.
_READING: ContextVar[bool] = ContextVar("reading_capitalised", default=False)
#: The list after a colon or "with", to the end of its sentence, with at least one comma.
_COLON_LIST = re.compile(r"(?::|\bwith\b)\s*([^.!?:\n]*,[^.!?:\n]*)")


def create_of_capitalised(request: str, known: Known, read: Callable[[str], Draft]) -> Draft | None:
    """A request the rules read nothing of, read as a create of its one capitalised noun with the list after its
    colon ("I need something simple to control the Clients of my barber shop: name, cell phone, …"), or None."""
    candidates = _candidates(request)
    if len(candidates) != 1:
        return None
    return _read_list_after(next(iter(candidates)), request, known, read)


def _read_list_after(key: str, text: str, known: Known, read: Callable[[str], Draft]) -> Draft | None:
    """The create of ``key`` with the list after the first colon or "with" of ``text``, or None."""
    listed = _COLON_LIST.search(text)
    if listed is None or _READING.get() or known.get(key) or never_an_entity(key):
        return None
    name = pascal_case(key)
    token = _READING.set(True)
    try:
        draft = read(f"Create {name} with {listed.group(1)}.")
    except RecognitionError:
        return None
    finally:
        _READING.reset(token)
    if draft.intent != "create" or entity_key(draft.entity.name) != key:
        return None
    return replace(draft, notes=(*draft.notes, _NOTE.format(name=draft.entity.name)))
