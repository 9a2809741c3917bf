"""Tokenizing requests and turning them into cache keys, with no NLTK data needed.

Both the offline recognizer and the recognition cache read requests through
``canonical_tokens``, so they split and fold words the same way. Only NLTK's data-free pieces
are used (``RegexpTokenizer``, ``SnowballStemmer``); nothing here may depend on optional
downloads, since a cache key must be the same on every machine.

The cache key is the request in *canonical form*, and the offline recognizer reads that same
form, so two requests with one key always get the same offline answer. It keeps word order and
negations ("add course to student" is not "add student to course", "with no email" is not "with
email") and folds what does not change the meaning: case, punctuation other than list and clause
marks, articles and polite fillers, and the inflections of the vocabulary's verbs, so "Create a
Student entity", "create student entity" and "Please create the Student entity!" share a key.
Nouns are not stemmed: a Snowball stem makes "rating"/"rate", "active"/"activity" and
"title"/"titl" collide, and the cache would then answer one request with the other's attribute.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

#: Bump when the key function changes: the cache re-keys its rows on migration.
KEY_VERSION = 1

_CONTRACTIONS = (
    (re.compile(r"\bcan't\b", re.I), "can not"),
    (re.compile(r"\bwon't\b", re.I), "will not"),
    (re.compile(r"n't\b", re.I), " not"),
    (re.compile(r"'re\b", re.I), " are"),
    (re.compile(r"'ll\b", re.I), " will"),
    (re.compile(r"'d\b", re.I), " would"),
    (re.compile(r"'ve\b", re.I), " have"),
    (re.compile(r"'m\b", re.I), " am"),
    (re.compile(r"'s\b", re.I), ""),  # possessive or "is": neither changes what is asked
)
_CAMEL_1 = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_CAMEL_2 = re.compile(r"(?<=[A-Z])(?=[A-Z][a-z])")
_WORD = r"[^\W\d_]\w*|\d+(?:\.\d+)?|[^\w\s]"  # words (any script), numbers, marks

#: Words dropped anywhere: they never change what a request asks for.
FILLERS: frozenset[str] = frozenset({"a", "an", "the", "please", "kindly", "just", "new"})
#: Openings dropped at the start of a request (repeatedly): "can you please create ..." = "create ...".
_OPENINGS: tuple[tuple[str, ...], ...] = tuple(tuple(p.split()) for p in (
    "can you", "could you", "would you", "will you", "i want to", "i would like to", "i would love to",
    "we want to", "we would like to", "i need to", "we need to", "let us", "let me", "help me", "please",
    "kindly", "hey", "hi", "hello", "ok", "okay", "now", "then", "next", "so"))
#: Closings dropped at the end: "..., thanks" / "please".
_CLOSINGS: tuple[tuple[str, ...], ...] = tuple(tuple(p.split()) for p in (
    "thanks", "thank you", "please", "thx", "for me"))
#: Single-word spellings with one meaning for the recognizer.
_SAME: dict[str, str] = {"has": "have", "does": "do", "are": "is", "&": "and", "!": ".", "?": "."}
#: Punctuation the recognizer reads (lists, clauses, explicit types); any other mark is dropped.
_KEPT_MARKS = frozenset({",", ";", ":", "(", ")", "/", ".", "and"})


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    from nltk.tokenize import RegexpTokenizer  # data-free

    return RegexpTokenizer(_WORD)


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    from nltk.stem.snowball import SnowballStemmer  # data-free

    return SnowballStemmer("english", ignore_stopwords=False)


def clean_text(text: str) -> str:
    """NFKC, straight quotes, expanded contractions, camelCase split into snake_case words."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    return text


def split_camel(word: str) -> str:
    """``OrderItem`` → ``Order_Item`` (case kept); other words unchanged."""
    if not word[:1].isalpha() or "_" in word or word.isupper() or word.islower():
        return word
    return _CAMEL_2.sub("_", _CAMEL_1.sub("_", word))


def tokenize(text: str) -> list[str]:
    """Words (case kept, camelCase split into snake_case), numbers and punctuation marks."""
    if not isinstance(text, str):
        return []
    return [split_camel(token) for token in _tokenizer().tokenize(clean_text(text))]


def stem(word: str) -> str:
    """Snowball stem of a lower-case word (snake_case parts one by one); the recognizer matches verbs on it."""
    if "_" in word:
        return "_".join(_stemmer().stem(part) for part in word.split("_") if part)
    return _stemmer().stem(word)


@lru_cache(maxsize=1)
def _verb_bases() -> dict[str, str]:
    """Inflected form → base verb, for every verb of the vocabulary (built on first use)."""
    from baes.core import vocabulary as vocab

    table: dict[str, str] = {}
    for verb in sorted(vocab.CREATE_VERBS | vocab.ADD_VERBS | vocab.LINK_VERBS | vocab.DELETE_VERBS
                       | vocab.NEED_VERBS):
        for form in vocab.verb_forms(verb):
            table.setdefault(form, verb)
    return table


def canonical_tokens(text: str) -> list[str]:
    """The request as the recognizer reads it and the cache keys it (see the module docstring)."""
    if not isinstance(text, str):
        return []
    return list(_canonical(text))


@lru_cache(maxsize=2048)
def _canonical(text: str) -> tuple[str, ...]:
    """Canonical tokens, memoized: the recognizer, the cache key and the context all ask for them.

    Lower-case, camelCase split, fillers and polite openings dropped, verb inflections of the
    vocabulary folded to the base verb ("manages", "managing" → "manage"), only meaningful
    punctuation kept (sentence ends inside the request become "."). Nouns keep their form:
    "tags" and "tag" are different attribute names.
    """
    words: list[str] = []
    bases = _verb_bases()
    for token in tokenize(text):
        low = _SAME.get(token.lower(), token.lower())
        if low[:1].isalnum() or low[:1] == "_":
            if low in FILLERS:
                continue
            words.append(bases.get(low, low))
        elif low in _KEPT_MARKS:
            words.append(low)
    return tuple(_strip_edges(_join_phrasal_verbs(words)))


def _join_phrasal_verbs(words: list[str]) -> list[str]:
    """ "set up" → "setup", "keep track of" → "track": one token per verb the recognizer knows."""
    result: list[str] = []
    i = 0
    while i < len(words):
        pair = tuple(words[i:i + 2])
        if pair in (("set", "up"), ("sets", "up"), ("setting", "up")):
            result.append("setup")
            i += 2
        elif tuple(words[i:i + 3]) in (("keep", "track", "of"), ("keeps", "track", "of"), ("keeping", "track", "of")):
            result.append("track")
            i += 3
        else:
            result.append(words[i])
            i += 1
    return result


def _strip_edges(words: list[str]) -> list[str]:
    changed = True
    while changed and words:
        changed = False
        while words and words[0] in {",", ";", ":", ".", ")", "/", "and"}:
            words.pop(0)
            changed = True
        while words and words[-1] in {",", ";", ":", ".", "(", "/", "and"}:
            words.pop()
            changed = True
        for opening in _OPENINGS:
            if tuple(words[:len(opening)]) == opening and len(words) > len(opening):
                del words[:len(opening)]
                changed = True
                break
        for closing in _CLOSINGS:
            if tuple(words[-len(closing):]) == closing and len(words) > len(closing):
                del words[-len(closing):]
                changed = True
                break
    return words


def normalize_request(text: str) -> str:
    """The cache key of a request: its canonical tokens joined by spaces."""
    if not isinstance(text, str):
        return ""
    return " ".join(canonical_tokens(text))
