"""Typos in attribute words: "weigth" → weight, "adress" → address (so the type is not lost).

A word is corrected only when all of these hold, so a real word is never "fixed" into another
("site" is not "size", "scope" is not "score", "data" is not "date"):

* it has three letters or more (a three-letter word only becomes a four-letter one: "dat" → date);
* it is not in baes's attribute vocabulary (``baes.recognition.vocabulary``), nor is its singular;
* it is not an English word: pyspellchecker's English frequency list (offline package data,
  ~160 000 words) does not know it;
* exactly one vocabulary word is closest to it, at Damerau-Levenshtein distance 1 (2 for words
  of 7 letters or more), with the same first letter (typos rarely hit the first letter).

The English list is loaded on the first word that is not in the vocabulary (~0.15 s, measured),
not at import: most requests never need it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from baes.recognition import vocabulary as vocab


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    """Single words a misspelt attribute word may be meant as."""
    words = {w for w in vocab.ATTRIBUTE_TYPES if "_" not in w}
    words |= set(vocab.SUFFIX_TYPES) | set(vocab.COUNT_NOUNS) | vocab.NAME_WORDS
    words |= {w for w in vocab.TEXT_OVERRIDES if "_" not in w}
    return frozenset(w for w in words if len(w) >= 4)


@lru_cache(maxsize=1)
def _english() -> Any:
    from spellchecker import SpellChecker  # lazy: ~0.15 s to load its word list, needed only for unknown words

    return SpellChecker(distance=1)


def _distance(a: str, b: str) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance."""
    rows = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        rows[i][0] = i
    for j in range(len(b) + 1):
        rows[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[len(a)][len(b)]


@lru_cache(maxsize=4096)
def correct_word(word: str) -> str | None:
    """The vocabulary word ``word`` is a typo of, or None (a known or unrecognizable word)."""
    if len(word) < 3 or not word.isalpha() or not word.isascii():
        return None
    known = _vocabulary()
    if word in known or vocab.singularize(word) in known or word in vocab.ATTRIBUTE_TYPES:
        return None
    if _english().known([word]):
        return None
    limit = 2 if len(word) >= 7 else 1
    shortest = 4 if len(word) == 3 else 0  # "dat" may be "date" (a letter left out), never "day"
    scored = sorted(
        (_distance(word, candidate), candidate)
        for candidate in known
        if candidate[0] == word[0] and abs(len(candidate) - len(word)) <= limit and len(candidate) >= shortest
    )
    if not scored or scored[0][0] > limit or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    return scored[0][1]
