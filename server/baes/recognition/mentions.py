"""The app's existing entities, found in a request however they are written.

A request about an app that exists names its entities in running text: "line items" for
LineItem, "school districts" for SchoolDistrict, "movies" for Movie. The rules read one word
as one noun, so a multi-word name would lose its first words ("line items" → Item) and an
irregular plural its spelling ("movies" → Movy). Before any rule runs, each mention of an
existing entity (its words in order, the last one singular or plural) becomes one token
whose singular is the entity's key, so every rule sees the entity the app has.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from baes.recognition import vocabulary as vocab
from baes.recognition.model import Draft
from baes.recognition.normalize import verb_base
from baes.recognition.request_tokens import SKIP_IN_NOUNS, Known, Tok, entity_key

#: Words before a noun that make it the entity an evolution is about ("add phone to Record", "each Store").
_BEFORE_AN_ENTITY = frozenset(
    {"to", "from", "in", "on", "of", "for", "each", "every", "this", "that", "our", "my", "their", "many", "several"}
    | {"delete", "remove", "drop", "rename", "link", "connect"}
)
#: Words after a sentence's first word that make it the subject ("Stores also need …", "Record has many …").
_AFTER_A_SUBJECT = frozenset({"also", "need", "needs", "have", "has", "should", "must", "can", "belong", "belongs", "is"}) | {
    "get",
    "gets",
    "carry",
    "carries",
    "lack",
    "lacks",
    "hold",
    "holds",
    "require",
    "requires",
    "want",
    "wants",
}


def _plurals(word: str) -> set[str]:
    forms = {word, word + "s", word + "es"}
    if word.endswith("y"):
        forms.add(word[:-1] + "ies")
    if word.endswith("f"):
        forms.add(word[:-1] + "ves")
    if word.endswith("fe"):
        forms.add(word[:-2] + "ves")
    return forms


def _forms(key: str) -> list[tuple[str, ...]]:
    """Word sequences that name the entity ``key`` (snake_case singular), longest first."""
    words = key.split("_")
    joined = [("".join(words[:-1]) + last,) for last in sorted(_plurals(words[-1]))] if len(words) > 1 else []
    return [(*words[:-1], last) for last in sorted(_plurals(words[-1]))] + joined  # "riderpayouts" too


def merge_known(toks: Sequence[Tok], known: Known) -> list[Tok]:
    """``toks`` with each mention of an existing entity as one token (singular: the entity's key)."""
    if not known.by_key:
        return list(toks)
    patterns = sorted(
        ((form, key) for key in known.by_key for form in _forms(key)),
        key=lambda item: -len(item[0]),
    )
    result: list[Tok] = []
    i = 0
    while i < len(toks):
        match = next(
            (
                (form, key)
                for form, key in patterns
                if len(form) > 1 or toks[i].sing != key  # a one-word key already reads through its singular
                if tuple(t.low for t in toks[i : i + len(form)]) == form and all(t.word for t in toks[i : i + len(form)])
            ),
            None,
        )
        if match is None:
            result.append(as_entity(toks, i, known) or toks[i])
            i += 1
            continue
        form, key = match
        words = toks[i : i + len(form)]
        low = "_".join(t.low for t in words)
        result.append(Tok(" ".join(t.text for t in words), low, key, low, True))
        i += len(form)
    return result


@lru_cache(maxsize=1)
def _grammar_words() -> frozenset[str]:
    """Words the rules read as grammar (structure words, qualifiers, fillers): an entity may still be named so."""
    verbs = {"change", "update", "modify", "switch", "call", "set", "move", "log", "keep", "link", "tag", "book", "order"}
    return frozenset(SKIP_IN_NOUNS | vocab.STRUCTURE_WORDS | vocab.NOUN_QUALIFIERS | vocab.ATTRIBUTE_FILLERS | verbs)


def as_entity(toks: Sequence[Tok], i: int, known: Known) -> Tok | None:
    """An existing entity named by a word the rules read as grammar ("add phone to Record", "delete
    the School entity", "each Store belongs to …"), as a token no rule reads as grammar: upper case,
    its singular the entity's key. Only where a noun stands: after "to"/"from"/"each"…, or before a
    structure word; elsewhere the word keeps its everyday sense ("record the phone on Record")."""
    tok = toks[i]
    if not tok.word or not known.get(tok.sing) or (tok.low not in _grammar_words() and verb_base(tok.low) is None):
        return None
    before = toks[i - 1].low if i > 0 else ""
    after = toks[i + 1].low if i + 1 < len(toks) else ""
    subject = before in {"", ".", ",", ";", ":"} and after in _AFTER_A_SUBJECT  # "Records also need a due date"
    if before in _BEFORE_AN_ENTITY or after in vocab.STRUCTURE_WORDS or subject:
        return Tok(tok.text, tok.low.upper(), tok.sing, tok.low.upper(), True)
    return None


#: Verbs after the people a user story is for ("Members can book …", "Users need to be able to …").
_ACTOR_VERBS = vocab.MODAL_VERBS | {"need", "want", "like", "wish"}


def unplaced_mention(draft: Draft, request: str, known: Known) -> str | None:
    """An entity the app has that a create names as written in the app but leaves out of what it creates
    ("Bug: Policy has no deductible …" read as creating Bug; "The head chef wants every Dish to belong to
    a Station" as HeadChef).

    A create that names one of the app's entities with its capital ("Policy", "RepairOrder") and neither
    links to it nor names a field or itself after it read the wrong words as the new entity: the request
    is about the entity it names. A name in lower case is an everyday word ("users can save bookmarks",
    "max teams"), and one opening a sentence before a modal is who the story is for ("Members can …").
    """
    placed = " ".join(
        [entity_key(draft.entity.name), *(a.name for a in draft.entity.attributes)]
        + [entity_key(r.target) for r in draft.entity.relationships]
    )
    for key, name in known.by_key.items():
        if re.search(rf"(?:^|[ _]){re.escape(key)}s?(?:$|[ _])", placed):
            continue
        for form in _forms(key):
            written = r"[ _-]?".join(word.capitalize() for word in form)
            for match in re.finditer(rf"(?<![\w.]){written}\b", request):
                opening = re.search(r"(?:^|[.!?:\n])\s*$", request[: match.start()]) is not None
                after = request[match.end() :].split(maxsplit=1)[:1]
                plural = form[-1] != key.rpartition("_")[2]
                if not (opening and plural and after and after[0].lower() in _ACTOR_VERBS):
                    return name
    return None


def with_full_names(toks: Sequence[Tok], known: Known) -> list[Tok] | None:
    """``toks`` with each word that is the last word of one multi-word entity of the app, and no entity of its
    own, read as that entity ("each reading comes from one panel" in an app with SolarReading); None when no word
    is. A second reading only: a first one that reads such a word as a field ("reading date") stands."""
    result = list(toks)
    for i, tok in enumerate(toks):
        if not tok.word or "_" in tok.sing or known.get(tok.sing):
            continue
        full = full_name(tok, known)
        if full is not tok and not (i and toks[i - 1].sing in full.sing.split("_")):  # "customers orders"
            result[i] = full
    return result if any(a is not b for a, b in zip(result, toks, strict=True)) else None


def full_name(tok: Tok, known: Known) -> Tok:
    """``tok`` read as the one entity of the app whose name ends with it ("sessions" of WorkshopSession), or as is."""
    name = known.ending_in(tok.sing)
    return Tok(tok.text, tok.low, entity_key(name), tok.low, True) if name is not None else tok


def short_name_note(said: str, name: str) -> str:
    """The note of a reading that took ``said`` for the app's entity ``name`` whose name ends with it."""
    return f"read {said} as {name}, the one entity of this app whose name ends so"
