"""Sentences of a request that belong with the one before them, or say nothing of their own.

"Appointment has a notes attribute nobody fills in. Delete it." removes the notes of Appointment;
"… should be named due date. Please rename it." and "… doesn't need X or Y anymore. Both can go." say
again what the sentence before asked; "Please add both; …" after the fields are named; "… and a glaze
is fired in many kilns. Please model this n:m relation." asks for the many-to-many the sentence before
described. Part of ``baes.recognition.paragraph``, before it picks the sentence that asks for something.
"""

from __future__ import annotations

from collections.abc import Sequence

from baes.recognition.request_tokens import MANY_WORDS, REFERRING, Tok, command_stems, verb_stems, word_token

#: Words of a "rename it" that only says again what the sentence before asked.
_SAYS_AGAIN = frozenset(
    {"it", "this", "that", "them", "field", "column", "attribute", "pls", "accordingly", "too", "entity", "model", "table"}
)


#: Words of a sentence that only says the fields named before may go ("Both can go.").
_GOES = frozenset({"both", "all", "it", "they", "them", "these", "those", "can", "should", "must", "have", "to", "go"})


def _names_only_many_to_many(words: Sequence[Tok]) -> bool:
    """A sentence that asks for a many-to-many and names nothing: "Please create a many to many relation."."""
    lows = [t.low for t in words]
    has = any(lows[i : i + 3] == ["many", "to", "many"] for i in range(len(lows)))
    return has and all(t.low in _MANY_TO_MANY_ASKS or t.stem in command_stems() for t in words)


#: Words of a sentence that only asks for a many-to-many.
_MANY_TO_MANY_ASKS = frozenset(
    {"many", "to", "relation", "relationship", "link", "this", "it", "them", "as", "model", "please", "set", "up", "and", "is"}
)


def _says_the_other_side(before: Sequence[Tok], words: Sequence[Tok]) -> bool:
    """Whether ``words`` say "many" of a noun the sentence before said "many" about: the two sides of one
    many-to-many, told a sentence each."""
    if not any(t.low in MANY_WORDS for t in before) or not any(t.low in MANY_WORDS for t in words):
        return False
    nouns = {t.sing for t in before if t.word and len(t.low) > 2 and t.low not in MANY_WORDS}
    return len(nouns & {t.sing for t in words if t.word and len(t.low) > 2 and t.low not in MANY_WORDS}) >= 2


def joined_sentences(sentences: list[list[Tok]]) -> list[list[Tok]]:
    """ "Appointment has a notes attribute nobody fills in. Delete it.": a removal whose object is a
    pronoun is read with the sentence before it, where the pronoun's field is named."""
    joined: list[list[Tok]] = []
    for sentence in sentences:
        words = [t for t in sentence if t.word and t.low not in {"also", "then", "and", "now", "just"}]
        clause = sentence[: next((i for i, t in enumerate(sentence) if t.low == ","), len(sentence))]
        said = [t for t in clause if t.word and t.low not in {"also", "then", "and", "now", "just"}]  # "…, a reason"
        if joined and said and said[0].low == "rename" and all(t.low in _SAYS_AGAIN for t in said[1:]):
            continue  # "… should be named due date. Please rename it.": the sentence before said the rename
        if joined and said and all(t.low in _GOES for t in said) and said[-1].low == "go":
            continue  # "… doesn't need X or Y anymore. Both can go."
        if joined and len(words) >= 2 and words[0].low == "add" and words[1].low in REFERRING | {"both", "all"}:
            rest = sentence[sentence.index(words[1]) + 1 :]  # "… is missing X and Y. Please add both; …"
            rest = rest[1:] if rest and rest[0].low in {";", ","} else rest
            if any(t.word for t in rest):
                joined.append(list(rest))
            continue
        if joined and _names_only_many_to_many(words):  # "… and a glaze is fired in many kilns. Please model this n:m."
            joined[-1] = [*joined[-1], word_token(","), *sentence]
            continue
        if joined and _says_the_other_side(joined[-1], words):  # "A vet treats many animals. An animal sees several vets."
            joined[-1] = [*joined[-1], word_token(","), *sentence]
            continue
        if joined and len(words) >= 2 and words[0].stem in verb_stems("delete") and words[1].low in REFERRING:
            joined[-1] = [*joined[-1], word_token(","), *sentence]
        else:
            joined.append(list(sentence))
    return joined
