"""How a list of fields is cut into items: at commas, "and", "or", "as well as" and the other separators, and
a comma-less run of known attribute words ("name email gpa") into one item per word."""

from __future__ import annotations

from collections.abc import Sequence

from baes.recognition import vocabulary as vocab
from baes.recognition.request_tokens import SEPARATORS, Tok
from baes.recognition.run_on import split_run
from baes.recognition.state_words import is_state_word


def _chunks(toks: Sequence[Tok]) -> list[list[Tok]]:
    chunks: list[list[Tok]] = [[]]
    i = 0
    while i < len(toks):
        tok = toks[i]
        if tok.low == "as" and i + 2 < len(toks) and toks[i + 1].low == "well" and toks[i + 2].low == "as":
            chunks.append([])
            i += 3
            continue
        if tok.low == "or" and _opposite_states(chunks[-1], toks, i):
            i += 2  # "paid or due", "open or closed": one flag, named by the first state
            continue
        if tok.low == "and" and [t.low for t in chunks[-1]] == ["date"] and _item_at(toks, i + 1, {"time", "hour"}):
            chunks[-1].extend(toks[i : i + 2])  # "patient, doctor, date and time, diagnosis": one moment
            i += 2
            continue
        plus_one = tok.low == "plus" and i + 1 < len(toks) and toks[i + 1].low in {"one", "ones"}  # "number of plus ones"
        if (tok.low in SEPARATORS and not plus_one) or (tok.low == "or" and chunks[-1]):
            chunks.append([])
        else:
            chunks[-1].append(tok)
        i += 1
    return [c for c in chunks if c]


def _item_at(toks: Sequence[Tok], i: int, words: set[str]) -> bool:
    """Whether ``toks[i]`` is one of ``words`` and a whole item (a separator or the end follows)."""
    return i < len(toks) and toks[i].low in words and (i + 1 == len(toks) or toks[i + 1].low in SEPARATORS)


def _opposite_states(chunk: list[Tok], toks: Sequence[Tok], i: int) -> bool:
    """Whether "or" at ``i`` joins two states said of one thing as its item ("paid or due", "open or closed",
    "paid or unpaid"): the item is one flag. "burial or cremation" are choices, read by the other rules."""
    after = i + 2
    if len(chunk) != 1 or after > len(toks) or not toks[i + 1].word or (after < len(toks) and toks[after].low not in SEPARATORS):
        return False
    first, second = chunk[0].low, toks[i + 1].low
    negated = second in {prefix + first for prefix in ("un", "in", "non", "non-", "dis")}  # "paid or unpaid"
    state = is_state_word(first) or vocab.ATTRIBUTE_TYPES.get(first) == "bool"
    return chunk[0].word and state and (is_state_word(second) or negated or second == "due")


def known_attribute(word: str) -> bool:
    """Whether the vocabulary types ``word`` as a name of its own ("email", "notes")."""
    return word in vocab.ATTRIBUTE_TYPES or word in vocab.TEXT_OVERRIDES


#: Fewest known attribute words in a comma-less list that are read as several attributes
#: ("with name email gpa"); two words are one name ("with a tax rate", "add published year to Book").
RUN_ON_MIN_WORDS = 3


def _split_run_on(chunk: list[Tok], min_words: int, separated: bool = False) -> list[list[Tok]]:
    """ "name email gpa" (commas left out) → three chunks; "email address", "tax rate" stay whole.

    With two words only in a list with no separator at all: "published year" or "tax rate" are
    names made of two attribute words, three known words in a row are three attributes.
    """
    paren = next((i for i, t in enumerate(chunk) if t.low == "("), None)
    if paren is not None and paren > 0:  # "expiry date (date)": the parenthesis says the last name's type
        *names, last = _split_run_on(chunk[:paren], min_words, separated)
        return [*names, [*last, *chunk[paren:]]]
    words = [t for t in chunk if t.word and t.low not in vocab.ATTRIBUTE_FILLERS]
    if any(t.low == "as" for t in chunk[1:]):
        return [chunk]  # "date of birth as a date": a name and its type, not a run of names
    if separated and len(chunk) > 1 and chunk[-1].word and is_state_word(chunk[-1].low) and not known_attribute(chunk[-1].low):
        return [chunk]  # "…, fire safety label present": in a list cut at commas, whether, said of the words before
    if all(t.word for t in chunk) and (names := split_run(words)) is not None:
        return names  # "first name last name phone number", "name email"
    if len(words) < min_words or len(words) != len([t for t in chunk if t.word]):
        return [chunk]
    if known_attribute("_".join(t.low for t in words)) or not all(known_attribute(t.low) for t in words):
        return [chunk]
    return [[t] for t in words]


def list_items(toks: Sequence[Tok], implicit: bool) -> list[list[Tok]]:
    """The list's items: one per comma/"and" item; a comma-less run of attribute words is split."""
    chunks = _chunks(toks)
    if len(chunks) != 1:  # "length width height and max load": a run of three known words in one item
        separated = sum(t.low == "," for t in toks) >= 2
        return [part for chunk in chunks for part in _split_run_on(chunk, RUN_ON_MIN_WORDS, separated)]
    return _split_run_on(chunks[0], 2 if implicit else RUN_ON_MIN_WORDS)
