"""Verb forms folded to the base verb where they are verbs, kept where they are nouns.

"manages", "managing" → "manage" ("the system manages students"), but "with tracking number", "a
building entity", "…, contains nuts" keep their form: the context around a word decides, never a list
of nouns, and it is read on base forms so the canonical form (``normalize``) stays a fixed point.
"""

from __future__ import annotations

from functools import lru_cache

from baes.recognition import vocabulary as vocab


@lru_cache(maxsize=1)
def verb_bases() -> dict[str, str]:
    """Inflected form → base verb, for every verb of the vocabulary (built on first use)."""

    table: dict[str, str] = {}
    for verb in sorted(vocab.CREATE_VERBS | vocab.ADD_VERBS | vocab.LINK_VERBS | vocab.DELETE_VERBS | vocab.NEED_VERBS):
        for form in vocab.verb_forms(verb):
            table.setdefault(form, verb)
    return table


def verb_base(word: str) -> str | None:
    """The vocabulary verb ``word`` is a form of (its -s, -ing forms or itself), or None."""
    return verb_bases().get(word)


@lru_cache(maxsize=1)
def _base_verbs() -> frozenset[str]:
    """The vocabulary's verbs in their base form."""
    return frozenset(verb_bases().values())


#: Words after which an inflected verb form is a noun: "with tracking number", "have building",
#: "number of records", "(recording date"; a verb never follows them.
ARTICLES = frozenset({"a", "an", "the"})
_NOUN_CONTEXT = (
    frozenset(
        {
            "with",
            "having",
            "have",
            "had",
            "of",
            "without",
            "no",
            "(",
            ":",
            "/",
            "each",
            "every",
            "its",
            "their",
            "his",
            "her",
            "our",
            "my",
            "your",
            "these",
            "those",
        }
    )
    | ARTICLES
)
#: Words that open an attribute list, which runs to the end of the clause ("add a, b and needs repair to X").
_LIST_OPENERS = frozenset({"with", "having", ":", "(", "add"})
_CLAUSE_ENDS = frozenset({".", ";"})
#: Words after which a form inside an attribute list is still a verb ("with title that belongs to").
_VERB_CONTEXT = vocab.MODAL_VERBS | {
    "that",
    "which",
    "who",
    "also",
    "to",
    "do",
    "is",
    "it",
    "they",
    "i",
    "we",
    "you",
    "he",
    "she",
}
#: Words after which a form is the noun before them: "a university building with", "stores have".
_NOUN_FOLLOWERS = (vocab.MODAL_VERBS - {"can", "could"}) | frozenset({"with", "having", "have", "had", "is", "was", "were"})
#: Marks after which an -ing word ends its phrase, so it is a noun ("a university building, ...").
_PHRASE_ENDS = frozenset({",", ";", ".", ":", "(", ")", "/"})


def fold_verbs(words: list[str]) -> list[str]:
    """Fold the vocabulary's verb forms to the base verb, except where the word is a noun.

    A form is a noun inside an attribute list ("with tracking number, stores"), right after an
    article or determiner, a verb, "have", "of" or "with" ("a tracking number", "create records",
    "has tracking"), and before a structure word,
    a verb, "have"/"is" or "with" ("a university building entity", "records belong to users");
    an -ing form also at the end of its phrase.
    Only the context decides, never a list of nouns, and the context is read on base forms so
    the canonical form is a fixed point.
    """
    bases = verb_bases()
    result: list[str] = []
    in_list = False
    for i, word in enumerate(words):
        base = bases.get(word, word)
        if base != word and not _is_noun_here(words, i, in_list, bases):
            word = base
        result.append(word)
        if word in _LIST_OPENERS:
            in_list = True
        elif word in _CLAUSE_ENDS:
            in_list = False
    return result


def _is_noun_here(words: list[str], i: int, in_list: bool, bases: dict[str, str]) -> bool:
    """Whether the verb form ``words[i]`` is used as a noun (see ``_fold_verbs``)."""

    before = bases.get(words[i - 1], words[i - 1]) if i > 0 else None
    after = bases.get(words[i + 1], words[i + 1]) if i + 1 < len(words) else None
    if before in {"to", "from"} and words[i].endswith("ing") and (after is None or after in _PHRASE_ENDS):
        return True  # "add notes to Building", "remove fax from Recording": the entity a change is made to
    if in_list or (before in {",", ";"} and words[i].endswith("s") and after not in (None, *ARTICLES)) or _listed_flag(words, i):
        return before not in _VERB_CONTEXT  # "…, collected date, contains fresh produce": a flag's name
    if before in _NOUN_CONTEXT or before in _base_verbs():
        return True
    if after in _base_verbs() and bases.get(words[i]) in WANTING:
        return False  # "subscriber needs (a) reference to meter": what is needed is named by a verb's noun
    if after in vocab.STRUCTURE_WORDS or after in _NOUN_FOLLOWERS or after in _base_verbs():
        return True  # "records entity", "stores have", "records belong to": a noun, not a verb
    if words[i].endswith("ing") and after is not None and vocab.is_field_noun(after):
        return True  # "…, tracking number and …", "billing address": the -ing word qualifies a field noun
    return words[i].endswith("ing") and (after is None or after in _PHRASE_ENDS)


#: Verbs of wanting: their -s form is a verb before anything ("needs reference to", "requires link to").
WANTING = frozenset({"need", "require", "want"})
#: Words after a verb form that make it a verb even after "and": "… and belongs to a store", "and has many".
_VERB_FOLLOWERS = frozenset({"to", "with", "in", "on", "for", "from", "into", "many", "multiple", "several", "them", "it"})


def _listed_flag(words: list[str], i: int) -> bool:
    """ "…, a, b and contains nuts": a third-person form after "and" closing a comma list names a flag."""
    if i < 2 or words[i - 1] != "and" or not words[i].endswith("s") or i + 1 >= len(words):
        return False
    return words[i + 1] not in _VERB_FOLLOWERS | ARTICLES and "," in words[max(0, i - 6) : i]
