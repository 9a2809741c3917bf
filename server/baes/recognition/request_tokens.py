"""The words of a request as the offline recognizer reads them, and the word classes it uses.

Tokens are the request's canonical tokens (``baes.recognition.normalize.canonical_tokens``, i.e. the
recognition cache's key), each with its singular form and, for words that can be verbs, its
Snowball stem, so two requests with one cache key always read the same. ``Known`` holds the
project's existing entities.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from baes.recognition import vocabulary as vocab
from baes.recognition.model import RecognitionError
from baes.recognition.normalize import canonical_tokens, stem, verb_base
from baes.recognition.participles import is_participle
from baes.scaffold.spec import EntitySpec, SpecError, pascal_case, snake_case

# Canonical tokens have no "&", "!" or "?" ("and" and "." stand for them) and no inflected verb forms.
SEPARATORS = frozenset({",", ";", "and", "plus", "but", ".", "/"})
#: Only a sentence end ends a clause: a semicolon separates list items ("name; cuisine; rating").
CLAUSE_END = frozenset({"."})
ATTRIBUTE_MARKERS = frozenset(
    {"with", "having", "include", "contain", ":", "where", "whose", "fields", "attributes", "columns", "properties"}
    | {"capturing", "comprising", "comprise", "holding", "hold"}  # "a Reagent entity capturing name, …"
)
#: Markers that are also nouns ("manage our properties with ..."): a marker only before ":" or the list.
NOUN_MARKERS = frozenset({"fields", "attributes", "columns", "properties"})
RELATIVE = frozenset({"that", "which", "who"})
HAVE = frozenset(
    {"have", "had", "having", "need", "require", "store", "keep", "get", "hold", "track", "record", "contain", "include", "want"}
    | {"carry", "carries", "lack", "lacks", "gets"}  # "Kiln should also carry a brand", "Kiln lacks a brand field"
)
#: HAVE words that also begin attribute names ("store name", "record count"): kept inside a list item.
NOUN_LIKE_HAVE = frozenset({"store", "track", "record"})
MODALS = vocab.MODAL_VERBS | {"to", "do", "also", "too", "now", "each", "every", "all", "be", "is"}
MAYBE_MODALS = frozenset({"may", "might", "can", "could", "optionally"})
#: Forms of "to be" (canonical "are" is "is") before a participle: "students are attached to a course".
BE_WORDS = frozenset({"is", "be", "was", "were", "been", "being", "get", "got"})
#: Participles saying the subject holds a reference: "X is linked/attached/assigned to Y" → ``x.y_id``.
LINKED_PARTICIPLES = frozenset({"linked", "connected", "related", "associated", "tied", "assigned", "attached"})
#: Words that say "more than one" of a thing ("has many players", "loads of players", "several teams").
MANY_WORDS = frozenset({"many", "multiple", "several", "various", "lots", "numerous", "loads", "tons", "heaps", "plenty"})
MANY = frozenset({"many", "multiple", "several", "various", "lots", "some", "more"})
#: Verbs that say one thing points at another ("belongs to", "refers to", "a reference to").
REFERENCE_VERBS = frozenset({"belong", "belongs", "refer", "reference"})
RELATION_WORDS = frozenset({"reference", "relationship", "relation", "link", "foreign", "key", "fk", "connection", "association"})
SUBJECT_SKIP = frozenset({"each", "every", "all", "a", "an", "the", "our", "my", "their", "any", "one"})
PRONOUNS = frozenset({"i", "we", "you", "they", "it", "he", "she", "someone", "everyone", "this", "there"})
#: Words that point back at something named before ("delete it", "remove them").
REFERRING = frozenset({"it", "them", "that", "this", "those", "these"})
SKIP_IN_NOUNS = (
    vocab.NOUN_QUALIFIERS
    | vocab.STRUCTURE_WORDS
    | MODALS
    | RELATIVE
    | frozenset(
        {
            "i",
            "we",
            "you",
            "it",
            "to",
            "for",
            "in",
            "on",
            "by",
            "please",
            "that",
            "let",
            "me",
            "us",
            "want",
            "need",
            "like",
            "up",
            "where",
            "can",
            "which",
            "so",
        }
    )
)


@cache
def verb_stems(kind: str) -> frozenset[str]:
    """Stems of one verb list (computed on first use: the stemmer loads NLTK, ~0.4 s)."""
    words = {"create": vocab.CREATE_VERBS, "add": vocab.ADD_VERBS, "link": vocab.LINK_VERBS, "delete": vocab.DELETE_VERBS}[kind]
    return frozenset(stem(v) for v in words)


@cache
def command_stems() -> frozenset[str]:
    """Stems of every command verb: the create, add, link and delete lists together."""
    return verb_stems("create") | verb_stems("add") | verb_stems("link") | verb_stems("delete")


@dataclass(frozen=True)
class Tok:
    text: str  # as written (camelCase already split into snake_case)
    low: str
    sing: str  # singular lower-case form
    stem: str  # Snowball stem of a word that can be a verb here (see ``verb_stem``), else ``low``
    word: bool


def word_token(word: str) -> Tok:
    """A word the recognizer adds itself ("in", "with", "rename", a type word): every form is the word."""
    return Tok(word, word, word, word, True)


def verb_stem(low: str) -> str:
    """The stem verbs are matched on, for a word that can be a verb here; the word itself otherwise.

    The canonical form has folded every verb form used as a verb to its base, so a form left
    inflected ("tracking number", "records") is a noun, and so is any word that merely shares a
    stem with a verb ("buildings", "managers", "developers"): none of them may read as "build",
    "manage" or "develop". Participles ("linked", "referenced") and base verbs can be verbs.
    """
    base = verb_base(low)
    if base is not None:
        return stem(low) if base == low else low
    if low.endswith(("ed", "ing")):
        return stem(low)
    return low


def read_tokens(request: str) -> list[Tok]:
    """The request's canonical tokens (the cache key's words), so one key always gets one answer."""
    result: list[Tok] = []
    for low in canonical_tokens(request):
        word = low[:1].isalpha()
        result.append(Tok(low, low, vocab.singularize(low) if word else low, verb_stem(low) if word else low, word))
    return result


def entity_key(name: str) -> str:
    """The singular snake_case key an entity name is looked up by ("OrderItems" → ``order_item``)."""
    return vocab.singularize(snake_case(name.strip()).lower())


_CLASS_NAME = re.compile(r"[A-Z][A-Za-z0-9]*")


class Known:
    """The project's existing entities, looked up by singular snake_case name. ``listed`` is False when the caller
    did not say which entities the app has (``None``): then no check against them is made."""

    def __init__(self, names: Iterable[str] | None) -> None:
        self.listed = names is not None
        self.by_key: dict[str, str] = {}
        if names is None:
            return
        for name in names:
            if isinstance(name, str) and name.strip():
                key = entity_key(name)  # the app's own name, even a plural one ("Goods", "News")
                self.by_key[key] = name.strip() if _CLASS_NAME.fullmatch(name.strip()) else pascal_case(key)

    def get(self, key: str) -> str | None:
        return self.by_key.get(key)

    def ending_in(self, key: str) -> str | None:
        """The one entity whose name ends with ``key``'s words ("pairing" → FoodPairing), or None."""
        found = [name for k, name in self.by_key.items() if k.endswith("_" + key)]
        return found[0] if len(found) == 1 else None


#: Plurals the vocabulary keeps as attribute names ("pages", "seats"): an entity is named in the singular.
_ATTRIBUTE_PLURALS = frozenset({"pages", "seats", "credits"})


def entity_name(tok: Tok, known: Known) -> str:
    existing = known.get(tok.sing)
    if existing:
        return existing
    sing = tok.sing[:-1] if tok.sing.rpartition("_")[2] in _ATTRIBUTE_PLURALS else tok.sing  # "manage pages" → Page
    head, _, last = sing.rpartition("_")
    if head and last in CONTAINER_NOUNS:  # "a cake order tracker" keeps cake orders: CakeOrder
        *before, noun = head.split("_")
        sing = "_".join([*before, vocab.singularize(noun)])
        existing = known.get(sing)
        if existing:
            return existing
    try:
        return EntitySpec(pascal_case(sing)).name
    except SpecError as exc:
        raise RecognitionError(f"{tok.text!r} cannot be an entity name: {exc}") from exc


#: Words after a name that say where its records are kept, not what they are ("expense tracker", "fleet
#: management", "booking system", "asset register"); not "list" ("waiting list", "guest list" name things).
CONTAINER_NOUNS = frozenset(
    {"tracker", "trackers", "management", "tracking", "system", "database", "db", "register", "registry", "catalog", "catalogue"}
)
#: Most words of a multi-word entity name ("purchase order line").
MAX_NAME_WORDS = 3


#: Qualifiers and structure words that are also nouns a name ends on after another noun of it:
#: "job application", "vaccination record", "gym class", "coffee shop" (alone they stay fillers:
#: "university students" is Student, "the Book entity" is Book).
HEAD_QUALIFIERS = frozenset(
    {"application", "record", "class", "type", "store", "shop", "library", "clinic", "school", "hospital", "company", "college"}
    | {"university", "bookstore", "church", "mosque", "temple", "parish", "bakery", "canteen", "cafe", "hostel", "hotel", "choir"}
    | {"salon", "restaurant"}
)


def _modifies_name(tok: Tok) -> bool:
    """Whether ``tok`` may be the first part of a multi-word entity name ("purchase" in "purchase order")."""
    return (
        tok.word
        and tok.low not in SKIP_IN_NOUNS
        and tok.low not in SUBJECT_SKIP
        and tok.low not in PRONOUNS
        and tok.low not in HAVE
        and tok.low not in vocab.NEGATION_WORDS
        and tok.low not in {"called", "named"}
        and verb_base(tok.low) is None
        and tok.stem not in verb_stems("create")
        and not _participle(tok.low)
    )


def _participle(word: str) -> bool:
    """ "reported", "cancelled"; not "seed", "bed", "speed" ("seed order", "bed booking" are names), and
    not an irregular form that begins names ("lost property item")."""
    return word.endswith("ed") and is_participle(word)


def compound(toks: Sequence[Tok], index: int, floor: int = 0) -> Tok:
    """The entity name ending at ``toks[index]`` with the nouns before it ("loyalty card" → ``loyalty_card``).

    Goes left from ``index`` (not below ``floor``) over words that can modify a noun: no article,
    qualifier ("university"), verb, structure word or pronoun.
    """
    start = index
    while (
        start - 1 >= floor
        and index - start + 1 < MAX_NAME_WORDS
        and (
            _modifies_name(toks[start - 1])
            or (toks[start - 1].low in HEAD_QUALIFIERS and start - 2 >= floor and _modifies_name(toks[start - 2]))
        )
    ):  # "sunday school class": a qualifier after a noun of the name is part of it
        if start - 2 >= 0 and toks[start - 2].low == "to":
            break  # "possible to save notes": a word after "to" is a verb
        if start - 2 >= 0 and toks[start - 2].low in BE_WORDS and toks[start - 1].low.endswith(("ing", "ed")):
            break  # "we are digitising the vaccination log": a participle, not part of the name
        start -= 1
    return joined(toks[start : index + 1])


def joined(words: Sequence[Tok]) -> Tok:
    """Words of one name as one token ("loyalty card" → ``loyalty_card``); the last word is the noun."""
    if len(words) == 1:
        return words[0]
    parts = [t.low for t in words[:-1]]
    low = "_".join([*parts, words[-1].low])
    return Tok(" ".join(t.text for t in words), low, "_".join([*parts, words[-1].sing]), low, True)


def is_entityish(tok: Tok, known: Known) -> bool:
    if known.get(tok.sing):
        return True
    return tok.sing in vocab.ENTITY_NOUNS and tok.sing not in vocab.ATTRIBUTE_TYPES


def first_index(toks: Sequence[Tok], stems: frozenset[str], start: int = 0, stop: int | None = None) -> int | None:
    for i in range(start, len(toks) if stop is None else stop):
        if toks[i].word and (toks[i].stem in stems or toks[i].low in stems):
            return i
    return None


def index_of(toks: Sequence[Tok], words: frozenset[str] | set[str], start: int = 0) -> int | None:
    for i in range(start, len(toks)):
        if toks[i].low in words:
            return i
    return None


def noun_after(toks: Sequence[Tok], start: int) -> int | None:
    """Index of the first noun-like word from ``start`` within the clause."""
    for i in range(start, len(toks)):
        tok = toks[i]
        if tok.low in CLAUSE_END:
            return None
        if tok.word and tok.low not in SKIP_IN_NOUNS and tok.low not in SUBJECT_SKIP:
            return i
    return None


def head_noun(toks: Sequence[Tok], start: int, stop: int) -> int | None:
    """The last noun-like word of ``toks[start:stop]`` before a separator ("university students" → students)."""
    best: int | None = None
    qualifier: int | None = None  # "create a School with …": a qualifier that is the only noun is the name
    for i in range(start, stop):
        tok = toks[i]
        if (
            tok.low in SEPARATORS
            or tok.low in RELATIVE
            or (tok.low in ATTRIBUTE_MARKERS and (tok.low not in NOUN_MARKERS or (i + 1 < len(toks) and toks[i + 1].low == ":")))
        ):
            break
        qualifier = (
            i
            if tok.low in HEAD_QUALIFIERS and (best is None or best == i - 1) and not (i > 0 and toks[i - 1].low in PREPOSITIONS)
            else None
        )  # not "new entity for the shop: Veg Box with …"
        if i + 1 < stop and toks[i + 1].low == "by" and tok.low.endswith(("ed", "en", "wn")):
            break  # "orders placed by customers": the noun before the participle
        if i > start and toks[i - 1].low in BE_WORDS:
            continue  # "a Delivery is made with": a participle, not the noun
        if best is not None and best == i - 1 and tok.low in _SCREEN_PARTS and toks[best].low != toks[best].sing:
            continue  # "an Invoices section", "a Sponsors module" (not "a course module"): the part that shows them
        if tok.word and tok.low not in SKIP_IN_NOUNS and tok.low not in PREPOSITIONS and tok.stem not in verb_stems("create"):
            best = i
        elif tok.low in HEAD_QUALIFIERS and (
            best == i - 1 or (best is None and i + 1 < stop and toks[i + 1].low in vocab.STRUCTURE_WORDS - {tok.low})
        ):
            best = i  # "job application", "coffee shop", "a shop entity": the qualifier is the noun the name ends on
    return best if best is not None else qualifier


#: Parts of the app named after the entities they show ("an Invoices section"); after a singular or alone they may
#: name one ("a course module", "Module").
_SCREEN_PARTS = frozenset({"section", "module", "area", "tab"})

#: Prepositions: never the head of a noun phrase ("the patients at our clinic", "clinic" being a qualifier).
PREPOSITIONS = frozenset({"at", "in", "on", "for", "from", "of", "to", "by", "into", "about", "near", "inside", "during"})


def clause_end(toks: Sequence[Tok], start: int) -> int:
    for i in range(start, len(toks)):
        if toks[i].low in CLAUSE_END:
            return i
    return len(toks)
