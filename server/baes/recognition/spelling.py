"""Typos in a request's words: "creat" → create, "Reciept" → Receipt, "fisrt" → first, "weigth" → weight.

``correct(word)`` gives the word a lower-case ``word`` is a typo of, or None. A word is never
changed when it is:

* one of baes's own words (``baes.recognition.vocabulary``: attribute words, entity nouns, verbs
  and their forms, structure words, types…), or the plural of one;
* a real English word: pyspellchecker's English frequency list (offline package data, ~160 000
  words) has seen it in its corpus, i.e. lists it above ``FLOOR``. About 103 000 of its words sit
  exactly at the floor: forms it lists without corpus evidence (archaic, foreign, rare: "employe",
  "suppler"); such a word is corrected only towards baes's own words;
* spelt right for a British or Commonwealth writer, or two common words written as one
  (``baes.recognition.spelling_variants``: "labour", "analysed", "counterparty");
* shorter than four letters, except that a three-letter word may become a four-letter attribute
  word of the vocabulary ("dat" → date).

Otherwise, in this order (every candidate has the word's first letter: typos rarely hit it):

1. **our words**: the one vocabulary word at Damerau-Levenshtein distance 1 ("cretae" → create, "capcity" →
   capacity, "Studnet" → student; two at that distance: none). A plural with a letter left out stays plural
   ("studens" → students); a common English word two swapped letters away beats ours ("contarct": contract);
2. **English** (a word the list does not know): the known words at distance 1 that a typing slip explains
   (two letters swapped, a letter left out or doubled, a neighbouring key, a vowel for a vowel: "montly" is
   "monthly", not "mostly"), when one is clearly best: the only one, or ten times as frequent as the next
   ("fisrt" → first; "Flickr" stays), else none ("reagant"), except the e of "-ed" left out ("deliverd");
3. for words of seven letters or more, the same at distance 2: our words first, then English
   ("resturaunt" → restaurant).

The English list loads on the first word not ours (~0.15 s), the distance-2 index (~0.1 s) on the first long word.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from baes.recognition import vocabulary as vocab
from baes.recognition.keyboard import KEYBOARD_ROWS
from baes.recognition.known_misspellings import known_misspelling
from baes.recognition.spelling_variants import is_compound, is_prefixed, is_variant

#: pyspellchecker's frequency for the words its list holds without corpus evidence.
FLOOR = 50
#: Fewest sightings of an English word a typo is read as: rarer words ("instar", "reagan") are never meant.
RARE = 100
#: How much more frequent the best English candidate must be than the next one to be "clearly best".
CLEAR_RATIO = 10
_VOWELS = frozenset("aeiou")
#: Short forms in field names that begin no longer word ("desc", "cust" do: see ``_abbreviation``):
#: clipped words and the names of data formats and identifiers.
SHORT_FORMS = frozenset(
    {"dept", "acct", "mgmt", "govt", "asst", "bldg", "intl", "natl", "pmnt", "qnty", "stmt"}
    | {"json", "yaml", "toml", "guid", "uuid"}
)


@lru_cache(maxsize=1)
def typo_targets() -> frozenset[str]:
    """Our words a typo may be meant as: command verbs, structure words, attribute words, entity nouns."""
    words = {w for w in vocab.ATTRIBUTE_TYPES if "_" not in w}
    words |= set(vocab.SUFFIX_TYPES) | set(vocab.COUNT_NOUNS) | vocab.NAME_WORDS
    words |= {w for w in vocab.TEXT_OVERRIDES | vocab.ENTITY_NOUNS if "_" not in w}
    words |= vocab.CREATE_VERBS | vocab.ADD_VERBS | vocab.LINK_VERBS | vocab.DELETE_VERBS | vocab.NEED_VERBS
    words |= vocab.STRUCTURE_WORDS
    return frozenset(w for w in words if len(w) >= 4)


@lru_cache(maxsize=1)
def _attribute_targets() -> frozenset[str]:
    """The attribute words a three-letter typo may be meant as ("dat" → date, never "day")."""
    words = {w for w in vocab.ATTRIBUTE_TYPES if "_" not in w} | set(vocab.SUFFIX_TYPES) | vocab.NAME_WORDS
    return frozenset(w for w in words if len(w) == 4)


@lru_cache(maxsize=1)
def _ours() -> frozenset[str]:
    """Every single word baes's vocabulary knows: never corrected."""
    verbs = vocab.CREATE_VERBS | vocab.ADD_VERBS | vocab.LINK_VERBS | vocab.DELETE_VERBS | vocab.NEED_VERBS
    words = set(typo_targets()) | {form for verb in verbs for form in vocab.verb_forms(verb)}
    for group in (
        vocab.ATTRIBUTE_TYPES,
        vocab.TEXT_OVERRIDES,
        vocab.TYPE_WORDS,
        vocab.MEASURE_UNITS,
        vocab.CURRENCY_WORDS,
        vocab.AMOUNT_QUALIFIERS,
        vocab.COUNT_QUALIFIERS,
        vocab.COUNT_PREFIXES,
        vocab.NOUN_QUALIFIERS,
        vocab.ATTRIBUTE_FILLERS,
        vocab.OPTIONAL_WORDS,
        vocab.REQUIRED_WORDS,
        vocab.ALSO_WORDS,
        vocab.BOOL_PREFIXES,
        vocab.TECH_WORDS,
    ):
        words |= {part for w in group for part in w.split("_")}
    return frozenset(words)


@lru_cache(maxsize=1)
def english_words() -> Any:
    from spellchecker import SpellChecker  # lazy: ~0.15 s to load its word list, needed only for words not ours

    return SpellChecker(distance=1)


def frequency(word: str) -> int:
    """How often pyspellchecker's corpus has ``word`` (0: not in its list; ``FLOOR``: listed, unseen)."""
    return int(english_words().word_frequency[word])


def distance(a: str, b: str) -> int:
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


def within(word: str, candidates: frozenset[str], limit: int) -> list[str]:
    """The candidates at exactly ``limit`` from ``word`` with its first letter."""
    return [c for c in candidates if c[0] == word[0] and abs(len(c) - len(word)) <= limit and distance(word, c) == limit]


def spelt_as_meant(word: str) -> bool:
    """Whether an unlisted ``word`` is still spelt as meant: a British spelling, two words written as one
    or an agent noun ("analysed", "counterparty", "fermenter")."""
    return is_variant(word, _known) or is_compound(word, frequency) or is_prefixed(word, frequency) or _agent_noun(word)


@lru_cache(maxsize=1)
def _neighbours() -> dict[str, frozenset[str]]:
    """Each letter's neighbouring keys on a QWERTY keyboard: left and right, and the two keys
    touching it in the row above (same column and the next) and below (same column and the one before)."""
    position = {ch: (row, col) for row, keys in enumerate(KEYBOARD_ROWS) for col, ch in enumerate(keys)}
    touching = {(0, -1), (0, 1), (-1, 0), (-1, 1), (1, -1), (1, 0)}
    return {
        ch: frozenset(o for o, (r2, c2) in position.items() if (r2 - r, c2 - c) in touching) for ch, (r, c) in position.items()
    }


#: How much commoner one of several likely slips must be to be read as meant ("varity": variety, 4x varsity).
_SLIP_RATIO = 4
#: Letters written for one another because they sound alike ("servise", "ofice"): not neighbours on a keyboard.
_SOUNDS_ALIKE = ({"s", "c"}, {"s", "z"}, {"c", "k"})


def slip(typed: str, meant: str) -> bool:
    """Whether one typing slip turns ``meant`` into ``typed`` (they are at distance 1).

    Two neighbouring letters swapped, a letter left out or added, or one letter for another when
    the keys are neighbours, both letters are vowels ("seperate") or they sound alike ("servise"); not any other
    substitution.
    """
    if len(typed) != len(meant):
        return True
    diff = [i for i in range(len(typed)) if typed[i] != meant[i]]
    if len(diff) != 1:
        return True  # a transposition
    a, b = typed[diff[0]], meant[diff[0]]
    return (a in _VOWELS and b in _VOWELS) or b in _neighbours().get(a, frozenset()) or {a, b} in _SOUNDS_ALIKE


def likeliest_slip(word: str, candidates: Sequence[str]) -> str | None:
    """The one candidate that the likeliest slips explain: a letter left out ("trackng" → tracking), two
    letters swapped ("shfit" → shift) or one doubled ("roomm" → room); of several, the clearly commonest; None when
    none, or several and none clearly commonest."""
    best = [c for c in candidates if _likely_slip(word, c)]
    return best[0] if len(best) == 1 else _clearly_best(best, _SLIP_RATIO)  # "tuor": tour, not tumor


def _likely_slip(word: str, candidate: str) -> bool:
    if len(candidate) == len(word) + 1:  # a letter left out; not the e of "-er" ("Flickr", "Tumblr" are names)
        return not (candidate.endswith("er") and word.endswith("r")) and _left_out(word, candidate)
    if len(candidate) == len(word) - 1:  # a letter doubled
        return any(word[i] == word[i - 1] and word[:i] + word[i + 1 :] == candidate for i in range(1, len(word)))
    if len(candidate) == len(word) and not (word.endswith("re") and candidate.endswith("er")):
        # two neighbours swapped ("litre", "centre" are British spellings, not swaps)
        diff = [i for i in range(len(word)) if word[i] != candidate[i]]
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and word[diff[0]] == candidate[diff[1]]
            and word[diff[1]] == candidate[diff[0]]
        )
    return False


def _left_out(word: str, candidate: str) -> bool:
    return len(candidate) == len(word) + 1 and any(candidate[:i] + candidate[i + 1 :] == word for i in range(len(candidate)))


def _vowel_for_vowel(word: str, candidate: str) -> bool:
    """Whether ``word`` is ``candidate`` with one vowel written for another ("delivary", "seperate")."""
    diff = [i for i in range(len(word)) if len(word) == len(candidate) and word[i] != candidate[i]]
    return len(diff) == 1 and word[diff[0]] in "aeiou" and candidate[diff[0]] in "aeiou"


def _clearly_best(candidates: list[str], ratio: int = CLEAR_RATIO) -> str | None:
    """The candidate ``ratio`` times more frequent than any other, or the only one."""
    ranked = sorted(candidates, key=frequency, reverse=True)
    if len(ranked) == 1 or (ranked and frequency(ranked[0]) >= ratio * frequency(ranked[1])):
        return ranked[0]
    return None


def _english_at_1(word: str) -> list[str]:
    """The attested English words one typing slip from ``word``."""
    spell = english_words()
    return [
        c
        for c in spell.known(spell.edit_distance_1(word))
        if c[0] == word[0] and len(c) >= 4 and c.isascii() and c.isalpha() and frequency(c) > FLOOR and slip(word, c)
    ]


@lru_cache(maxsize=1)
def _long_words() -> dict[tuple[str, int], list[tuple[str, frozenset[str]]]]:
    """Attested English words of five letters or more by (first letter, length), with their letter sets."""
    index: dict[tuple[str, int], list[tuple[str, frozenset[str]]]] = defaultdict(list)
    for word, count in english_words().word_frequency.dictionary.items():
        if count > FLOOR and len(word) >= 5 and word.isascii() and word.isalpha():
            index[(word[0], len(word))].append((word, frozenset(word)))
    return index


def _slips(word: str) -> set[str]:
    """Every string one typing slip away from ``word`` (see ``slip``)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    cuts = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    found = {a + b[1:] for a, b in cuts if b}
    found |= {a + b[1] + b[0] + b[2:] for a, b in cuts if len(b) > 1}
    found |= {a + ch + b for a, b in cuts for ch in letters}
    for a, b in cuts:
        if b:
            others = _neighbours().get(b[0], frozenset()) | (_VOWELS if b[0] in _VOWELS else frozenset())
            found |= {a + ch + b[1:] for ch in others if ch != b[0]}
    return found


def _english_at_2(word: str) -> str | None:
    """The clearly best attested English word two typing slips away, of about the same length and
    letters: two slips in one word are mostly letters swapped, doubled or left out, or a vowel for
    another ("resturaunt", "recieveing"); dropping or changing two letters makes a different word
    ("peloton" is no "proton", "linkedin" no "linked")."""
    letters = frozenset(word)
    index = _long_words()
    near = [
        c
        for length in range(len(word) - 1, len(word) + 2)
        for c, c_letters in index.get((word[0], length), ())
        if len(letters ^ c_letters) <= 2 and distance(word, c) == 2
    ]
    typed = _slips(word) if near else set()
    return _clearly_best([c for c in near if typed & _slips(c)])


@lru_cache(maxsize=1)
def _beginnings() -> frozenset[str]:
    """The first 4-8 letters of common English words (seen 1000 times or more) two or more letters longer."""
    return frozenset(
        word[:n]
        for word, count in english_words().word_frequency.dictionary.items()
        if count >= 1000 and word.isascii() and word.isalpha()
        for n in range(4, min(9, len(word) - 1))
    )


def _abbreviation(word: str, fixed: str) -> bool:
    """Whether ``word`` reads as a shortening rather than a typo of ``fixed``: the beginning of a
    common word that ``fixed`` does not complete ("desc", "cust", "dest", "prev"), an initial before
    one of our words ("fname", "lname"), or a usual short form (``SHORT_FORMS``)."""
    if word in SHORT_FORMS or (word[1:] in _ours() and len(word) >= 5):
        return True
    if len(word) >= 5 and sorted(word) == sorted(fixed):
        return False  # "dialy": two letters swapped, no shortening of "dialysis" ("prev" is one)
    return len(word) <= 5 and word in _beginnings() and not fixed.startswith(word)  # "recipie" is no shortening


def _seen(word: str) -> bool:
    """Whether pyspellchecker's corpus has seen ``word`` or its singular: a real English word."""
    return frequency(word) > FLOOR or frequency(vocab.singularize(word)) > FLOOR


def _known(word: str) -> bool:
    """A real English word or one of baes's own."""
    return word in _ours() or _seen(word)


def _agent_noun(word: str) -> bool:
    """ "fermenter", "splicer", "assignee": who does (or undergoes) a verb the list has seen ("ferment"), unless
    the usual agent noun is one slip away ("transmiter" is "transmitter", "instructer" "instructor")."""
    singular = vocab.singularize(word)
    stems = [singular[:-2], singular[:-1]] if singular.endswith(("er", "or", "ee")) else []  # ferment-er, bake-r, assign-ee
    if not any(len(stem) >= 4 and frequency(stem) > FLOOR for stem in stems):
        return False
    usual = [c for c in _english_at_1(singular) if c.startswith(singular[:-2]) and c.endswith(("er", "or"))]
    return not any(frequency(c) >= _COMMON for c in usual)


@lru_cache(maxsize=4096)
def correct(word: str, *, name: bool = False) -> str | None:
    """The word a lower-case ``word`` is a typo of, or None (see the module docstring).

    ``name``: the word was written capitalized inside a sentence, as a name ("a Flickr account"):
    it is read as an English word only one slip away, never two.
    """
    if len(word) < 3 or not word.isalpha() or not word.isascii():
        return None
    if word in _ours() or vocab.singularize(word) in _ours():
        return None
    listed_wrong = known_misspelling(word)  # "numer", "extention": misspellings people are known to make
    if listed_wrong is not None and not is_variant(word, _known) and not (name and distance(word, listed_wrong) > 1):
        return listed_wrong
    if _seen(word):
        return _plural_of_ours(word)
    ours = within(word, typo_targets(), 1)
    compound = (  # "studnet" is no stud net, "fullfilled" no full filled: one letter doubled in a word
        is_compound(word, frequency)
        and not ours
        and not any(
            (len(c) == len(word) - 1 and _likely_slip(word, c)) or (_vowel_for_vowel(word, c) and frequency(c) >= _COMMON)
            for c in _english_at_1(word)
        )
    )  # "delivary" is no deli vary, "deductable" no deduct able: one vowel for another in a common word
    prefixed = is_prefixed(word, frequency) and not ours
    agent = _agent_noun(word) and all(c[:-2] == word[:-2] for c in ours)  # "approver" is no typo of "approved"
    if is_variant(word, _known) or compound or prefixed or agent:
        return None  # "labour", "analysed", "counterparty", "fermenter": spelt right, only not in the list; "supplyer" is ours
    tripled = re.sub(r"(.)\1\1", r"\1\1", word)
    if tripled != word and _known(tripled):
        return tripled  # "addd": one key held too long
    if len(word) == 3:
        found = within(word, _attribute_targets(), 1)
        return found[0] if len(found) == 1 else None
    listed = frequency(word) > 0  # listed at the floor: corrected only towards our words
    fixed = _typo_of(word, listed, name)
    if name and fixed is not None and fixed not in typo_targets() and (fixed[0] != word[0] or fixed == word[0] + word[2:]):
        return None  # "Mpesa" is no "mesa": a name's first letters are as meant (a typo rarely starts a word)
    if fixed is None:
        return None
    doubled = len(fixed) == len(word) - 1 and _likely_slip(word, fixed)  # "roomm" → room
    left_out = word not in SHORT_FORMS and fixed in typo_targets() and not fixed.startswith(word) and _left_out(word, fixed)
    return None if _abbreviation(word, fixed) and not (doubled or left_out) else fixed  # "membr", "stok": typos


#: How often a word must be seen to be read as meant even when one of ours is a slip away.
_COMMON = 1000


def _plural_of_ours(word: str) -> str | None:
    """ "clints": a plural the list has never seen, whose singular is a rare word ("clint", a name) one slip
    from one of our words ("client"): the plural of ours. Any other word the list has seen stays ("kilns"
    is no typo of "kills")."""
    singular = vocab.singularize(word)
    if singular == word or frequency(word) > FLOOR or frequency(singular) >= _COMMON or not word.startswith(singular):
        return None
    if is_variant(singular, _known):
        return None  # "enrolments": the British spelling of "enrollments", not a slip
    ours = within(singular, _nouns(), 1)
    return ours[0] + word[len(singular) :] if len(ours) == 1 else None


@lru_cache(maxsize=1)
def _nouns() -> frozenset[str]:
    """Our nouns a plural may be meant as: entity nouns and one-word attribute words (no verbs: "kilns" is no "kills")."""
    return frozenset(w for w in vocab.ENTITY_NOUNS | set(vocab.ATTRIBUTE_TYPES) if "_" not in w and len(w) >= 4)


def _past_of(word: str, verb: str, limit: int) -> str | None:
    """The past form of ``verb`` a word ending in "d" was written for, when it is as near as the verb."""
    if not word.endswith("d") or verb.endswith("d"):
        return None
    past = [p for p in (verb + "d", verb + "ed") if _seen(p) and distance(word, p) <= limit]
    return past[0] if past else None


def _typo_of(word: str, listed: bool, name: bool) -> str | None:
    """Steps 1-3 of the module docstring for a word of four letters or more."""
    for limit in (1, 2) if len(word) >= 7 else (1,):
        ours = within(word, typo_targets(), limit)
        if len(ours) > 1:
            return likeliest_slip(word, ours)  # "roomm": room, a letter doubled; else "which one?"
        if ours and limit == 1 and not listed and not _likely_slip(word, ours[0]):  # "contarct": contract, not contact
            longer = (0, 1) if not slip(word, ours[0]) else (0,)  # "monthy": monthly left out, no y typed for an s
            slips = [c for c in _english_at_1(word) if len(c) - len(word) in longer and _likely_slip(word, c)]
            likelier = [c for c in slips if frequency(c) >= _COMMON]  # "prise" stays price, a sound-alike
            if len(likelier) == 1 and likelier[0] != ours[0]:
                return likelier[0]
        if ours and (past := _past_of(word, ours[0], limit)) is not None:
            return past  # "registerd", "introdused": the past form, as written, not the verb
        if ours:  # "studens": students with a letter left out, not student with an s for a t
            plural = ours[0] + "s"
            return plural if word.endswith("s") and not ours[0].endswith("s") and _likely_slip(word, plural) else ours[0]
        if listed or (name and limit == 2):
            continue
        if limit == 1:
            near = [c for c in _english_at_1(word) if frequency(c) >= RARE]  # "insta" is no "instar", seen 71 times
            if word.endswith("d") and word[:-1] + "ed" in near:
                return word[:-1] + "ed"  # "deliverd", "startd": the e of -ed left out, not "deliver" or "delivers"
            doubled = word[:-2] + word[-3] + "ed"  # "loged", "stoped": the consonant of -ed doubled, not "loved"
            if word.endswith("ed") and doubled in near:
                return doubled
            if near:  # one slip away: the likeliest slip, the clearly best, or none ("reagant": reagan or reagent?)
                return likeliest_slip(word, near) or _clearly_best(near)
        elif (fixed := _english_at_2(word)) is not None:
            return fixed
    return None
