"""One typo pass over a request's tokens, before any rule reads them ("creat an entitty Reciept").

The tokens are the canonical ones (lower-case: the cache key, which stays the user's words), so how
a word was *written* comes from the request itself: a word written as an identifier (snake_case,
camelCase, ALL CAPS, with digits, a dotted attribute, quoted) is left as it is, and so is a word naming an existing entity.
Each correction is a note ("read 'Reciept' as 'Receipt'") that reaches the answer, so the user sees
it in the dry run. Which words are corrected, and into what, is ``baes.recognition.spelling``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from baes.recognition import vocabulary as vocab
from baes.recognition.field_change_wording import REMOVING
from baes.recognition.normalize import tokenize
from baes.recognition.request_tokens import Known, Tok, verb_stem
from baes.recognition.spelling import correct, frequency, spelt_as_meant, typo_targets, within


def _written(request: str) -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """Each word as first written (by its lower-case form), the words left as written (ALL CAPS, a
    dotted attribute, quoted), and the words written capitalized inside a sentence ("a Flickr account")."""
    spelled: dict[str, str] = {}
    caps: set[str] = set()
    names: set[str] = set()
    sentence_start = True
    for token in tokenize(request):
        if not token[:1].isalpha():
            sentence_start = sentence_start or token in {".", "!", "?", ":"}
            continue
        low = token.lower()
        spelled.setdefault(low, token)
        if len(token) > 1 and token.isupper():
            caps.add(low)
        elif token[0].isupper() and not sentence_start:
            names.add(low)
        sentence_start = False
    for literal in _LITERALS.findall(request):  # "Booking.checkin", "'lecturer'": the app's own names
        caps.update(word.lower() for word in re.findall(r"[^\W\d_]+", literal))
    return spelled, frozenset(caps), frozenset(names)


#: Names written as code or quoted: a dotted attribute ("Booking.checkin"), a quoted name ('lecturer'),
#: a name before its type ("callsign:str").
_LITERALS = re.compile(r"(?<=\w)\.[A-Za-z_]\w*|'[^'\n]{1,40}'|\"[^\"\n]{1,40}\"|\b[A-Za-z_]\w*(?=:[A-Za-z])")


def correct_tokens(toks: Sequence[Tok], known: Known, request: str) -> tuple[list[Tok], list[str]]:
    """``toks`` with misspelt words corrected, and a note per corrected word."""
    spelled, caps, names = _written(request)
    changing = REMOVING.search(request) is not None or _RENAMING.search(request) is not None
    written_words = frozenset(form for t in toks if t.word and t.low.isalpha() for form in (t.low, t.sing) if frequency(form) > 0)
    result: list[Tok] = []
    notes: list[str] = []
    for tok in toks:
        fixed = None
        if tok.word and tok.low.isalpha() and tok.low not in caps and known.get(tok.sing) is None:
            fixed = correct(tok.low, name=tok.low in names)
        elif tok.word and known.get(tok.sing) is None and _title_name(spelled.get(tok.low, "")):
            fixed = _corrected_parts(tok.low)
        elif tok.word and known.get(tok.sing) is None and _snake_name(spelled.get(tok.low, "")) and not changing:
            fixed = _corrected_snake(tok.low)
        if fixed is None and tok.word and tok.low.isalpha() and tok.low not in caps and known.get(tok.sing) is None:
            fixed = _echo(tok.low, written_words)
        if fixed is None:
            result.append(tok)
            continue
        result.append(Tok(fixed, fixed, vocab.singularize(fixed), verb_stem(fixed), True))
        written = spelled.get(tok.low, tok.low)
        shown = _shown(fixed) if written[:1].isupper() else fixed
        note = f"read {written!r} as {shown!r}"
        if note not in notes:
            notes.append(note)
    return result, notes


def _echo(word: str, written_words: frozenset[str]) -> str | None:
    """The word of the same request one slip from an unknown ``word`` ("bottlings: …, botling date"):
    the user wrote it right once, so the slip is of that word (or of its singular). ``written_words``: the
    request's listed words and their singulars, gathered once per request."""
    if len(word) < 5 or frequency(word) > 0 or spelt_as_meant(word):
        return None
    singular = vocab.singularize(word)
    near = {o for o in written_words if o != singular and not word.startswith(o) and within(word, frozenset({o}), 1)}
    return near.pop() if len(near) == 1 else None


def _title_name(written: str) -> bool:
    """Whether a joined token is a name of several capitalised words, written apart ("Traning Session", see
    ``title_names``) or joined ("ChessTournment"): each word is corrected as a name would be, one slip away at
    most. (Identifiers were once left as written; every labelled one with a slip was meant spelt right.)"""
    parts = written.split("_")
    return len(parts) > 1 and all(p[:1].isupper() and p[1:].islower() and p.isalpha() for p in parts)


#: A rename or a fix of a slip (a removal is ``field_change_wording.REMOVING``): the names in it are the columns',
#: slips and all ("rename pickup_adress to pickup_address").
_RENAMING = re.compile(r"\b(?:renam\w*|misspel\w*|typo\w*)\b", re.I)
#: How often a word must be seen before a part of a snake_case name is read as a slip of it ("refil" → refill):
#: a rare word is likelier a domain word spelt right ("nitrox", "rebuy", "hanko").
_SNAKE_FIX_SEEN = 2000


def _corrected_snake(low: str) -> str | None:
    """A snake_case name with each misspelt part of four letters or more corrected ("defualt_branch"), or None."""
    parts = low.split("_")
    fixed = [_part_fixed(part) or part for part in parts]
    return "_".join(fixed) if fixed != parts else None


def _part_fixed(part: str) -> str | None:
    fixed = correct(part) if len(part) >= 4 else None
    return fixed if fixed is not None and (fixed in typo_targets() or frequency(fixed) >= _SNAKE_FIX_SEEN) else None


def _snake_name(written: str) -> bool:
    """Whether a token is a snake_case field name of lower-case words ("defualt_branch", "postd_at")."""
    parts = written.split("_")
    return len(parts) > 1 and all(p.isalpha() and p.islower() for p in parts)


def _corrected_parts(low: str) -> str | None:
    """A Title Case name with each misspelt word corrected as a name would be, or None when none is."""
    parts = low.split("_")
    fixed = [correct(part, name=True) or part for part in parts]
    return "_".join(fixed) if fixed != parts else None


def _shown(fixed: str) -> str:
    return " ".join(part.capitalize() for part in fixed.split("_"))
