"""Everyday words for what the recognizer reads, on canonical tokens: "log oil changes: …" is "track
oil changes", "a volunteer thing with …" is "a volunteer entity with …".

Part of ``baes.recognition.normalize``'s canonical tokens, so it shapes the cache key too.
"""

from __future__ import annotations

from collections.abc import Collection

#: Verbs that ask to keep records of something only as a command: at the start, or after "to", "I" or
#: "we" ("log oil changes: …", "we need to keep our reservations", "as a coach I log measurements: …");
#: elsewhere they are nouns or other verbs ("a maintenance log with …", "keep the old name").
_COMMAND_ONLY_VERBS = frozenset({"log", "keep"})
#: Words before "thing" that make it a thing of its own ("create a Thing", "one more thing").
_NOT_THING_NAMES = frozenset(
    {"one", "some", "any", "every", "each", "this", "that", "other", "more", "first", "last", "a", "an", "the"}
    | {"to", "from", "in", "on", "of", "for", "with", "into", "about", "and", "or", "called", "named"}
)


def thing_as_entity(words: list[str], verbs: Collection[str]) -> list[str]:
    """ "a volunteer thing", "the dishes thing" → "… entity": the word people use for what the app
    keeps; not after a verb of ``verbs`` ("create a Thing") or a word that makes it a thing of its own."""
    return [
        "entity"
        if word in {"thing", "things"}
        and i > 0
        and words[i - 1].isalpha()
        and words[i - 1] not in _NOT_THING_NAMES
        and words[i - 1] not in verbs
        else word
        for i, word in enumerate(words)
    ]


def command_verbs(words: list[str]) -> list[str]:
    """ "log X" / "keep X" as a command → "track X": the verb the recognizer creates with."""
    return [
        "track"
        if word in _COMMAND_ONLY_VERBS
        and (i == 0 or words[i - 1] in {"to", "i", "we"})
        and (i + 1 < len(words) and words[i + 1] not in {"track", ":", ",", ".", "entity", "table", "model"})
        else word
        for i, word in enumerate(words)
    ]
