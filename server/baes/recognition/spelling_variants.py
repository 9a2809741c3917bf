"""Real words the American frequency list lacks: British spellings and closed compounds.

pyspellchecker's English list is American ("labor", "analyze", "center"), so without this a careful
British or Commonwealth writer would see "labour cost" read as ``labor_cost`` and "analysed at" as
``analyzes_at``: a correction of a word that was never wrong, and a column named differently from
what its user wrote. A word is a spelling variant when one of the usual British-to-American changes
("our" → "or", "ise" → "ize", "yse" → "yze", "tre" → "ter", "ae" → "e", "ogue" → "og", "ence" →
"ense", "mme" → "m", "lled" → "led", "lment" → "llment", "ium" → "um") turns a word of six letters
or more into one the list has seen; it is a closed compound when it splits into two common words of four letters or
more ("counterparty", "sailboat").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

#: British spelling → American spelling, each applied at one place of the word at a time.
_CHANGES: tuple[tuple[str, str], ...] = (
    ("our", "or"),
    ("is(?=[aei])", "iz"),
    ("ys(?=[aei])", "yz"),
    ("tre", "ter"),
    ("ae", "e"),
    ("oe", "e"),
    ("ogue", "og"),
    ("(?<=lic|def|off|ret)ence", "ense"),  # "licence", "pretence"; "expence" is a slip
    ("mme", "m"),
    ("ll(?=(?:ed|ing|ers?|ors?|ations?|ous)$)", "l"),
    ("ellery$", "elry"),  # "jewellery"
    ("ciality$", "cialty"),  # "speciality"  # "travelled", "cancelling"; "nationallity" is a slip
    ("l(?=ment|ful)", "ll"),
    ("ium", "um"),
    ("yre", "ire"),
)
#: Shorter words are left to the typo reader: "sise" is a slip for "size", not a spelling of it.
_SHORTEST = 6
#: How often both halves of a closed compound must have been seen.
_COMPOUND_PART_FREQUENCY = 1000


def _american(word: str) -> Iterator[str]:
    """Every spelling one or two of ``_CHANGES`` make of ``word``."""
    once = {word[: m.start()] + new + word[m.end() :] for old, new in _CHANGES for m in re.finditer(old, word)}
    yield from once
    for form in once:
        for old, new in _CHANGES:
            for m in re.finditer(old, form):
                yield form[: m.start()] + new + form[m.end() :]


def is_variant(word: str, seen: Callable[[str], bool]) -> bool:
    """Whether ``word`` is the British spelling of a word ``seen`` knows ("labour", "digitised"; of five letters
    only "-bre" and "-tre": "fibre", "litre")."""
    if len(word) == _SHORTEST - 1 and word.endswith(("bre", "tre")):
        return seen(word[:-2] + "er")
    return len(word) >= _SHORTEST and any(seen(form) for form in _american(word) if form != word)


#: Prefixes that make a word of another ("repotted", "unticked", "prebooked").
_PREFIXES = ("re", "un", "pre", "non", "sub")
#: How often the word after the prefix must have been seen, and its shortest length.
_PREFIXED_FREQUENCY = 1000
_PREFIXED_SHORTEST = 5


def is_prefixed(word: str, frequency: Callable[[str], int]) -> bool:
    """Whether ``word`` is a common word of five letters or more after "re", "un", "pre", "non" or "sub"
    ("repotted" is no slip for "reported", "unticked" none for "unlocked")."""
    return any(
        word.startswith(prefix)
        and len(word) - len(prefix) >= _PREFIXED_SHORTEST
        and frequency(word[len(prefix) :]) >= _PREFIXED_FREQUENCY
        for prefix in _PREFIXES
    )


def is_compound(word: str, frequency: Callable[[str], int]) -> bool:
    """Whether ``word`` is two common words written as one, the first of four letters or more
    ("counterparty", "autopay")."""
    return any(
        frequency(word[:i]) >= _COMPOUND_PART_FREQUENCY and frequency(word[i:]) >= _COMPOUND_PART_FREQUENCY
        for i in range(4, len(word) - 2)
    )
