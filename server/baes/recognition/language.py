"""Requests the offline recognizer cannot read because they are not in English.

The offline grammar is English; reading "Crear una entidad Cliente con nombre" with it would create an
entity named after a Spanish verb. Two signs say a request is another language:
- most of its letters are of another script (Chinese, Arabic, Cyrillic, Devanagari …);
- its words are far more likely in Spanish, French, German, Portuguese, Italian or Dutch than in
  English, by the word frequencies pyspellchecker ships for those languages (offline package data).
  Each word is scored in each language (its share of that language's corpus, with a floor for unseen
  words), and the request is foreign when the best other language beats English by a wide margin per
  word and most words lean its way. A hand-made list of "foreign small words" read "free range y/n" as
  Spanish ("y") and missed "Ajouter la possibilité pour un Gym de gérer …"; counting every word does
  neither. Typos and identifiers are unknown in every language, so they weigh on no side.
The other languages' lists are read only for a request whose words are not mostly common English, and
only their most frequent words are kept (memory stays small; a rare word weighs little anyway).
"""

from __future__ import annotations

import gzip
import json
import math
import re
from functools import lru_cache
from importlib import resources

from baes.recognition.spelling import english_words

#: Languages with a word list in pyspellchecker whose requests a user of an English grammar might send.
_OTHER_LANGUAGES = ("es", "fr", "de", "pt", "it", "nl")
#: Most frequent words kept of each other language: its function words and everyday vocabulary.
_KEPT_WORDS = 10_000
#: A word's smallest share of a corpus: an unseen word (a typo, an identifier) costs every language the same.
_FLOOR = 1e-7
#: Fewest words a verdict is given on ("Rename Show -> Programme" is too short to tell).
_FEWEST_WORDS = 4
#: How much more likely, per word (natural log), the other language must be; English requests stay below
#: 3.4 on the labelled set and foreign ones start near 4.
_MARGIN_PER_WORD = 3.5
#: Share of the words that must be at least ten times likelier in the other language.
_LEANING_SHARE = 0.5
#: The same two bars when words carry letters English does not write ("només", "gérer"): a language without a
#: list of its own (Catalan) still leans on its neighbour's words, and English with a "café" stays far below.
_ACCENTED_MARGIN_PER_WORD = 2.5
_ACCENTED_LEANING_SHARE = 0.4
#: Share of common English words above which the other lists are not read at all.
_PLAINLY_ENGLISH = 0.8
_WORD = re.compile(r"(?<![\w'-])[^\W\d_]{2,}(?![\w-])")
_CAMEL = re.compile(r"[a-z][A-Z]")


def foreign_language_reason(request: str) -> str | None:
    """Why the request is not read offline (not English), or None when it looks English."""
    letters = [c for c in request if c.isalpha()]
    if letters and sum(not c.isascii() for c in letters) > len(letters) / 2:
        return _message()
    words = [w.lower() for w in _WORD.findall(request) if not _CAMEL.search(w)]  # "CustomerID" names no language
    if len(words) < _FEWEST_WORDS:
        return None
    english = english_words().word_frequency
    if sum(english[w] > 0 for w in words) >= _PLAINLY_ENGLISH * len(words):
        return None
    english_scores = [_log_share(english[w], english.total_words) for w in words]
    accented = any(not w.isascii() for w in words)
    per_word = _ACCENTED_MARGIN_PER_WORD if accented else _MARGIN_PER_WORD
    share = _ACCENTED_LEANING_SHARE if accented else _LEANING_SHARE
    for language in _OTHER_LANGUAGES:
        counts, total = _frequencies(language)
        scores = [_log_share(counts.get(w, 0), total) for w in words]
        margin = sum(scores) - sum(english_scores)
        leaning = sum(s > e + math.log(10) for s, e in zip(scores, english_scores, strict=True))
        if margin >= per_word * len(words) and leaning >= share * len(words):
            return _message()
    return None


def _log_share(count: int, total: int) -> float:
    return math.log(count / total + _FLOOR) if total else math.log(_FLOOR)


@lru_cache(maxsize=len(_OTHER_LANGUAGES))
def _frequencies(language: str) -> tuple[dict[str, int], int]:
    """The most frequent words of ``language`` and the size of its corpus; empty when the list is missing."""
    try:
        data = (resources.files("spellchecker") / "resources" / f"{language}.json.gz").read_bytes()
        counts: dict[str, int] = json.loads(gzip.decompress(data))
    except (OSError, ValueError, ModuleNotFoundError):
        return {}, 0
    total = sum(counts.values())
    kept = sorted(counts.items(), key=lambda item: -item[1])[:_KEPT_WORDS]
    return dict(kept), total


def _message() -> str:
    return (
        "the request does not look like English: the offline recognizer reads English only. "
        "Configure an LLM (BAES_LLM_BASE_URL and BAES_LLM_MODEL) to use other languages, or phrase it "
        "in English, e.g. 'create a Customer entity with name and email'"
    )
