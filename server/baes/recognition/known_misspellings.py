"""Misspellings people are known to make, from codespell's dictionary: "numer" → number, "recieved" → received.

The typo rules of ``baes.recognition.spelling`` leave a word alone when it is a real English word or
when several words are equally likely. Some misspellings are both common and listed as words by the
frequency list ("numer", "handel"), or sit between two words ("extention"). codespell (a
maintained, offline list of about 65,000 misspellings collected from real text, derived from
Wikipedia's lists of common misspellings) says what they are. Only its main dictionary is read,
and only entries with one correction that is one plain word: "wheather" (weather or whether?) and
"lable" (label, ladle, able?) are left to the other rules.

The list is loaded on the first word that needs it (about 65,000 lines, ~0.05 s), not at import;
without the codespell package installed every lookup answers None.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

#: Shortest misspelling looked up: three-letter entries ("nam", "ned", "teh") are left to the other rules.
_SHORTEST = 4


@lru_cache(maxsize=1)
def _corrections() -> dict[str, str]:
    spec = importlib.util.find_spec("codespell_lib")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "dictionary.txt"
    found: dict[str, str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    for line in lines:
        wrong, _, right = line.partition("->")
        options = [o.strip() for o in right.split(",") if o.strip()]
        if len(options) == 1 and options[0].isalpha() and options[0].islower() and len(wrong) >= _SHORTEST:
            found[wrong] = options[0]
    return found


def known_misspelling(word: str) -> str | None:
    """The word a lower-case ``word`` is a known misspelling of, or None."""
    return _corrections().get(word) if len(word) >= _SHORTEST else None
