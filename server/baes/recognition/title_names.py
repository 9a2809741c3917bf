"""Names written in Title Case stay whole: "Building Permit Application" is one entity name.

A user who capitalizes a run of words ("a Fixed Asset entity", "Make Sunday School Class with ...",
"I want to record Driver Shifts") is naming one thing. Read word by word, such a name lost its
first words to the rules that drop qualifiers ("school", "application") and participles ("fixed")
before a noun. Here the run is written as one camel-like word ("Building_Permit_Application"),
which the tokenizer keeps as one token, so the cache key carries the same reading.

Only a run of two or more capitalized words between spaces counts, and only its content words:
a command, article, pronoun, preposition, type word or structure word ends the run ("Create",
"The", "With", "String", "Entity"), and a leading qualifier ("University Students") is left to the
rules. A request written mostly in Title Case says nothing by its capitals and is left as it is.
"""

from __future__ import annotations

import re
from functools import lru_cache

from baes.recognition import vocabulary as vocab

#: Words that are never part of a name: they end a Title Case run.
_FUNCTION_WORDS = frozenset(
    """a an the this that these those my our your their his her its i we you they he she it me us them
    is are was were be been am do does did have has had can could should would will shall must may might
    and or but so if then also too plus not no of in on at to for from with without by per as into onto
    about over under between after before via than each every all any some one new please pls kindly
    hey hi hello ok okay thanks what which who whose how why when where here there yes""".split()
)
_RENAME_WORDS = frozenset({"rename", "call", "change", "name", "called", "named", "move", "set", "update", "let"})
#: Trailing words that say what kind of thing the name is, not part of it ("Fixed Asset Entity").
_TRAILING_STRUCTURES = frozenset({"entity", "entities", "table", "tables", "model", "resource", "crud", "api", "object"})
_MIN_RUN = 2
#: A request with more of its words capitalized than this says nothing by its capitals.
_MOSTLY_TITLE = 0.5
_MOSTLY_TITLE_WORDS = 5
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_TITLE = re.compile(r"[A-Z][a-z]+")
_RUN = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)+")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    return (
        _FUNCTION_WORDS
        | _RENAME_WORDS
        | vocab.CREATE_VERBS
        | vocab.ADD_VERBS
        | vocab.LINK_VERBS
        | vocab.DELETE_VERBS
        | vocab.NEED_VERBS
        | vocab.ALSO_WORDS
        | vocab.OPTIONAL_WORDS
        | vocab.REQUIRED_WORDS
        | vocab.NEGATION_WORDS
        | frozenset(vocab.TYPE_WORDS)
        | _TRAILING_STRUCTURES
        | {"crud", "api"}
    )


#: Verbs that are also the noun a name ends on ("Training Record"); first in a run they are commands.
_NOUN_VERBS = frozenset({"record", "track"})

#: Commands a run of capitals may start with, typed with a slip ("Creat Warehouse: …").
_COMMANDS = ("create", "make", "build", "generate", "delete", "remove", "rename", "add")


def _command_slip(word: str) -> bool:
    """Whether ``word`` is a command verb typed with one slip ("creat", "crete", "delte")."""
    from baes.recognition.spelling import distance, slip

    return len(word) >= 4 and any(distance(word, verb) == 1 and slip(word, verb) for verb in _COMMANDS)


def _name_words(words: list[str]) -> list[str]:
    """The longest stretch of ``words`` that can be one name, or [] when none of two words is."""
    stops = _stop_words()
    best: list[str] = []
    current: list[str] = []
    for index, word in enumerate([*words, "The"]):
        if current and index == len(words) - 1 and word.lower() in _NOUN_VERBS:
            current.append(word)  # "Training Record", "Race Track": a verb ending a name is its noun
        elif word.lower() in stops or (not best and not current and _command_slip(word.lower())):
            while current and current[0].lower() in vocab.NOUN_QUALIFIERS:
                current.pop(0)  # "University Students": the rules decide on a qualifier
            if len(current) > len(best):
                best = current
            current = []
        else:
            current.append(word)
    return best if len(best) >= _MIN_RUN else []


#: Words that say a field follows ("rename Field Strasse in Address"), no part of its name after a change verb.
_FIELD_WORDS = frozenset({"field", "column", "attribute", "property"})

#: Marks after which a Title Case run stands as a heading: "Building Permit Application: ...".
_HEADING_END = re.compile(r"[ \t]*(?:(?:entity|table|model)[ \t]*)?(?:[:;(\n\-\u2013\u2014]|$)", re.I)
#: Marks before a sentence's first word.
_SENTENCE_START = re.compile(r"(?:^|[.!?:\n])\s*[\"'*#>\-]*\s*$")


def _joined(match: re.Match[str]) -> str:
    words = match.group(0).split(" ")
    before, after = match.string[: match.start()], match.string[match.end() :]
    if _SENTENCE_START.search(before) and not _HEADING_END.match(after):
        words = words[1:]  # "Merge Client and ...": a sentence's first word is capitalized anyway
        if len(words) < _MIN_RUN:
            return match.group(0)
        return match.group(0).split(" ", 1)[0] + " " + _joined_words(words, before)
    return _joined_words(words, before)


def _joined_words(words: list[str], before: str) -> str:
    if re.search(r"\bcall(?:s|ing)?\s+$", before, re.I):
        return " ".join(words)  # "call Venues Locations": two names, the old and the new
    if words[0].lower() in _FIELD_WORDS and re.search(r"\b(?:rename|remove|delete|drop|change)\s+(?:the\s+)?$", before, re.I):
        return words[0] + " " + _joined_words(words[1:], before) if len(words) > _MIN_RUN else " ".join(words)
    name = _name_words(words)
    text = " ".join(words)
    if not name:
        return text
    joined = "_".join(name)
    return text.replace(" ".join(name), joined, 1)


def join_title_names(text: str) -> str:
    """``text`` with each Title Case name of two or more words written as one word."""
    words = _WORD.findall(text)
    titled = sum(1 for w in words if _TITLE.fullmatch(w))
    if not words or (titled > _MOSTLY_TITLE * len(words) and titled >= _MOSTLY_TITLE_WORDS):
        return text
    return _RUN.sub(_joined, text)
