"""The app's existing entities, found in a request however they are written.

A request about an app that exists names its entities in running text: "line items" for
LineItem, "school districts" for SchoolDistrict, "movies" for Movie. The rules read one word
as one noun, so a multi-word name would lose its first words ("line items" → Item) and an
irregular plural its spelling ("movies" → Movy). Before any rule runs, each mention of an
existing entity (its words in order, the last one singular or plural) becomes one token
whose singular is the entity's key, so every rule sees the entity the app has.
"""

from __future__ import annotations

from collections.abc import Sequence

from baes.recognition.request_tokens import Known, Tok


def _plurals(word: str) -> set[str]:
    forms = {word, word + "s", word + "es"}
    if word.endswith("y"):
        forms.add(word[:-1] + "ies")
    if word.endswith("f"):
        forms.add(word[:-1] + "ves")
    if word.endswith("fe"):
        forms.add(word[:-2] + "ves")
    return forms


def _forms(key: str) -> list[tuple[str, ...]]:
    """Word sequences that name the entity ``key`` (snake_case singular), longest first."""
    words = key.split("_")
    return [(*words[:-1], last) for last in sorted(_plurals(words[-1]))]


def merge_known(toks: Sequence[Tok], known: Known) -> list[Tok]:
    """``toks`` with each mention of an existing entity as one token (singular: the entity's key)."""
    if not known.by_key:
        return list(toks)
    patterns = sorted(
        ((form, key) for key in known.by_key for form in _forms(key)),
        key=lambda item: -len(item[0]),
    )
    result: list[Tok] = []
    i = 0
    while i < len(toks):
        match = next(
            (
                (form, key)
                for form, key in patterns
                if len(form) > 1 or toks[i].sing != key  # a one-word key already reads through its singular
                if tuple(t.low for t in toks[i : i + len(form)]) == form and all(t.word for t in toks[i : i + len(form)])
            ),
            None,
        )
        if match is None:
            result.append(toks[i])
            i += 1
            continue
        form, key = match
        words = toks[i : i + len(form)]
        low = "_".join(t.low for t in words)
        result.append(Tok(" ".join(t.text for t in words), low, key, low, True))
        i += len(form)
    return result
