"""Attribute lists typed without commas: "first name last name phone number shirt size".

People on a phone or dictating leave the commas out. A run of four words or more is cut into
attribute names that each end on a word that can end one (a *head*: "name", "number", "size",
"date", "price", or any attribute word of the vocabulary), of at most three words, or "X of Y"
("number of seats", "date of birth"), or a lone word ("species"). Each name has a cost: one for a
name known as a whole or ending on a head, more for a lone word that is no head and for a head
inside a name that does not qualify the next word ("name fund name"); the cheapest cut wins, and
of equal ones the one with fewer names ("phone number | shirt size", not "phone | number shirt
size"). "X of Y" only when Y is a head or a plural ("the date of the last maintenance" is one
name). A run holding a word of a sentence ("whether they have …") or that cannot be cut so stays
one item (and is reported as no attribute name when too long).

Two words are cut only when both are attribute words that never qualify another ("name email"):
"tax rate" and "published year" are one name each.
"""

from __future__ import annotations

from collections.abc import Sequence

from baes.recognition import vocabulary as vocab
from baes.recognition.participles import is_participle
from baes.recognition.request_tokens import Tok

#: Longest attribute name a run is cut into (besides "X of Y").
_LONGEST = 3
#: Fewest words of a run before it is cut into names.
SHORTEST_RUN = 4
#: Attribute words that stand alone: two of them side by side are two attributes ("name email").
STANDALONE = vocab.STANDALONE_FIELDS
#: Words that only say which one of a name ("last", "next"): never a name on their own.
_NEVER_ALONE = frozenset({"last", "first", "next", "previous", "latest", "current"})
#: First words of "X of Y" names.
_OF_HEADS = frozenset({"number", "date", "place", "count", "type", "name", "amount", "cost", "price", "time", "years", "level"})


def _known(name: str) -> bool:
    return name in vocab.ATTRIBUTE_TYPES or name in vocab.TEXT_OVERRIDES


#: Short words of the trades that end a name ("job ref", "van reg", "ewe tag", "lambs born").
_SHORT_HEADS = frozenset({"ref", "reg", "tag", "postcode", "zip", "born"})


def _is_head(word: str) -> bool:
    """Whether an attribute name can end on ``word``."""
    return (
        _known(word)
        or word in vocab.SUFFIX_TYPES
        or word in vocab.NAME_WORDS
        or word in vocab.COUNT_NOUNS
        or word in vocab.MEASURE_UNITS
        or word in vocab.QUALIFIED_HEADS
        or word in _SHORT_HEADS
        or is_participle(word)  # "work done", "materials used", "treatment given", "lambs born"
    )


#: Words of a sentence, not of a list of names: a run holding one is left whole.
_SENTENCE_WORDS = frozenset(
    {"whether", "they", "it", "have", "has", "is", "are", "be", "to", "for", "with", "in", "on", "at", "by", "that"}
    | {"which", "who", "if", "when", "so", "their", "my", "our", "per", "we", "i", "you", "not", "or", "can", "should"}
)
#: Type words that end one flag's name ("club member flag", "followed up checkbox").
_FLAG_TYPES = frozenset({"flag", "checkbox", "tickbox", "toggle", "boolean", "bool"})
_POSSESSIVES = frozenset({"their", "its", "his", "her", "my", "our", "your"})
#: A word standing alone as a name though no attribute ends on it ("species", "breed"): worse than a head.
_LONE_WORD = 1.5
#: A head inside a name that does not qualify the word after it ("name fund name"): a cut is likelier there.
_INNER_HEAD = 1.5


def _qualifies(word: str, nxt: str) -> bool:
    """Whether ``word`` qualifies ``nxt`` in a name: "phone number", "total cost"; not "name email"."""
    pair = f"{word}_{nxt}"
    if word == "date":
        return False  # "date" qualifies nothing after it: "date phone number" is two names
    return _known(pair) or (word not in STANDALONE and vocab.infer_type(pair) != "str")


def _restated(word: str, nxt: str) -> bool:
    """Whether ``nxt`` restates the type ``word`` already has ("expiry date"): one name, never cut there."""
    kind = vocab.infer_type(word)
    return kind not in ("str", "bool") and kind == vocab.infer_type(nxt) and nxt in vocab.SUFFIX_TYPES


def _cost(words: Sequence[str]) -> float | None:
    """How likely ``words`` is one attribute name (lower is likelier), or None when it is none."""
    if _known("_".join(words)):
        return 1.0
    if len(words) == 3 and words[1] == "of" and words[0] in _OF_HEADS:
        of_what = words[2]  # "number of seats", "date of birth", "date of visit"
        return 1.0 if _is_head(of_what) or vocab.singularize(of_what) != of_what or of_what in vocab.ENTITY_NOUNS else None
    restated = len(words) >= 2 and _restated(words[-2], words[-1])  # "dbs check expiry date": one longer name
    leading = words[0] in _NEVER_ALONE  # "last water change date": "last" says which one, a name follows
    if (len(words) == 1 and leading) or len(words) > _LONGEST + restated + leading or "of" in words:
        return None
    if not _is_head(words[-1]):
        return _LONE_WORD if len(words) == 1 else None
    inner = sum(_is_head(w) and not _qualifies(w, nxt) for w, nxt in zip(words, words[1:], strict=False))
    return 1.0 + _INNER_HEAD * inner


def split_run(chunk: list[Tok]) -> list[list[Tok]] | None:
    """``chunk`` cut into attribute names (see the module docstring), or None to keep it whole."""
    if chunk and chunk[0].low in _POSSESSIVES:
        chunk = chunk[1:]  # "their name fund name check size"
    if not all(t.word for t in chunk):
        return None
    words = [t.low for t in chunk]
    if len(words) == 2:
        both = all(w in STANDALONE for w in words) and not _known("_".join(words))
        return [[chunk[0]], [chunk[1]]] if both else None
    if len(words) < SHORTEST_RUN or any(w in _SENTENCE_WORDS for w in words):
        return None
    if len(words) <= 4 and "of" in words[1:-1]:
        return None  # "next of kin phone", "place of birth city": one name built around "of"
    if words[-1] in _FLAG_TYPES or words[-2:] in (["tick", "box"], ["check", "box"]):
        return None  # "wine club member flag": one flag, named by the words before its type
    best: list[tuple[float, list[int]] | None] = [None] * (len(words) + 1)
    best[0] = (0.0, [])
    for end in range(1, len(words) + 1):
        for start in range(max(0, end - _LONGEST - 1), end):
            before, cost = best[start], _cost(words[start:end])
            if before is None or cost is None or (0 < start and _restated(words[start - 1], words[start])):
                continue
            total = before[0] + cost
            current = best[end]
            if current is None or (total, len(before[1])) < (current[0], len(current[1]) - 1):
                best[end] = (total, [*before[1], end])
    found = best[len(words)]
    if found is None or len(found[1]) < 2:
        return None
    cuts = [0, *found[1]]
    return [chunk[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]
