"""Everyday words for what the recognizer reads, on canonical tokens: "log oil changes: …" is "track
oil changes", "a volunteer thing with …" is "a volunteer entity with …", and a command typed the
short way ("mk a Locker entity", "rm entity CallOut", "throw away the Waitlist model") is that command.

Part of ``baes.recognition.normalize``'s canonical tokens, so it shapes the cache key too.
"""

from __future__ import annotations

from collections.abc import Collection

from baes.recognition import vocabulary as vocab
from baes.recognition.verb_folding import verb_base

#: Verbs that ask to keep records of something only as a command: at the start, or after "to", "I" or
#: "we" ("log oil changes: …", "we need to keep our reservations", "as a coach I log measurements: …");
#: elsewhere they are nouns or other verbs ("a maintenance log with …", "keep the old name").
_COMMAND_ONLY_VERBS = frozenset({"log", "keep", "hold"})
#: Words before "to hold" that make it a wish to keep records ("I'd like the app to hold …").
_WANTING = frozenset({"app", "system", "database", "tool", "like", "want", "need", "able"})
#: Words before "thing" that make it a thing of its own ("create a Thing", "one more thing").
_NOT_THING_NAMES = frozenset(
    {"one", "some", "any", "every", "each", "this", "that", "other", "more", "first", "last", "a", "an", "the"}
    | {"to", "from", "in", "on", "of", "for", "with", "into", "about", "and", "or", "called", "named"}
)

#: Commands typed the short way, shell-style, or as a phrasal verb: what they stand for.
_SHORT_COMMANDS = {"mk": "make", "rm": "remove", "del": "delete"}
_PHRASAL_COMMANDS = {("throw", "away"): "remove", ("throw", "out"): "remove"}
#: Words after which a command starts ("ok, rm the Fax entity", "then mk …").
_COMMAND_START = frozenset({".", ",", ";", ":", "to", "i", "we", "and", "then", "pls", "please"})


def thing_as_entity(words: list[str], verbs: Collection[str]) -> list[str]:
    """ "a volunteer thing", "the dishes thing" → "… entity": the word people use for what the app
    keeps; not after a verb of ``verbs`` ("create a Thing") or a word that makes it a thing of its own."""
    return [
        "entity"
        if word in {"thing", "things"}
        and i > 0
        and words[i - 1].replace("_", "").isalpha()  # "FreezerReading thing" is read "freezer_reading thing"
        and words[i - 1] not in _NOT_THING_NAMES
        and words[i - 1] not in verbs
        else word
        for i, word in enumerate(words)
    ]


def everyday_commands(words: list[str]) -> list[str]:
    """Commands said the everyday way, as the recognizer's rules read them: "mk"/"rm"/"throw away" as
    "make"/"remove", "we forgot the X on E" as "add …", "we should not store X on E" as "remove …",
    "remove two columns from E: a, b" as "remove a, b from E", "Xs, each has …" as "Xs. each one has …",
    "I want X tracked: …" and "can the app remember X" as "track X", "it would be useful if each E showed
    X" as "each E have X", "contact no." as "contact number", "(both optional)" after a list as its own
    sentence."""
    words = _owner_first_no_more(_where_kept(_has_to_go(_do_not(words))))
    words = _each_has(_forgotten(_abbreviated_numbers(_wish_as_request(_said_of_all(words)))))
    return _kept_no_more(_list_after_owner(_short_commands(_uncounted_fields(words))))


def command_verbs(words: list[str]) -> list[str]:
    """ "log X" / "keep X" as a command → "track X": the verb the recognizer creates with."""
    return [
        "track"
        if word in _COMMAND_ONLY_VERBS
        and (i == 0 or words[i - 1] in {"to", "i", "we"})
        and (i + 1 < len(words) and words[i + 1] not in {"track", ":", ",", ".", "entity", "table", "model"})
        and (word != "hold" or (i > 1 and words[i - 2] in _WANTING))  # "the app to hold permits", not "change x to hold colour"
        else word
        for i, word in enumerate(words)
    ]


def _short_commands(words: list[str]) -> list[str]:
    """Shell-style and phrasal commands where a command starts, as the verb they stand for."""
    result: list[str] = []
    i = 0
    while i < len(words):
        starts = i == 0 or words[i - 1] in _COMMAND_START
        pair = tuple(words[i : i + 2])
        if starts and pair in _PHRASAL_COMMANDS and i + 2 < len(words):
            result.append(_PHRASAL_COMMANDS[(pair[0], pair[1])])
            i += 2
            continue
        short = _SHORT_COMMANDS.get(words[i]) if starts and i + 1 < len(words) and words[i + 1].isalpha() else None
        result.append(short or words[i])
        i += 1
    return result


#: How many fields a request says it names ("remove two fields: …"): the list says it again.
_FIELD_COUNTS = frozenset(
    {"one", "1", "two", "three", "four", "five", "six", "2", "3", "4", "5", "6", "few", "couple", "several"}
)
_PLURAL_FIELDS = frozenset({"fields", "columns", "attributes", "properties", "field", "column"})
_MORE_FIELDS = (
    ["new", "fields"],
    ["more", "fields"],
    ["extra", "fields"],
    ["new", "columns"],
    ["more", "columns"],
    ["more", "field"],
)


def _uncounted_fields(words: list[str]) -> list[str]:
    """ "remove two fields: brand and shelves", "add a couple of columns to Kiln: …": the count is no part of a name."""
    result: list[str] = []
    i = 0
    while i < len(words):
        size = 2 if words[i + 1 : i + 2] == ["of"] else 1  # "a couple of fields"
        after = words[i + size : i + size + 2]
        if words[i] in _FIELD_COUNTS and after[:1] and (after[0] in _PLURAL_FIELDS or after in _MORE_FIELDS):
            i += size + (after in _MORE_FIELDS)  # "two more fields": "more" counts too
            continue
        result.append(words[i])
        i += 1
    return result


_LIST_VERBS = {"add": "to", "remove": "from", "delete": "from", "drop": "from"}


def _list_after_owner(words: list[str]) -> list[str]:
    """ "add fields to Kiln: brand, shelves" / "remove columns from Kiln: brand, shelves" → "add brand,
    shelves to Kiln" / "remove brand, shelves from Kiln": the list after the owner is what changes."""
    if not words or words[0] not in _LIST_VERBS:
        return words
    i = 1
    while i < len(words) and (words[i] in _PLURAL_FIELDS or words[i] == "following"):
        i += 1  # "add the following fields to Kiln: …"
    holders = {"to", "in", "on", "for"} if words[0] == "add" else {"from"}
    mark = next((m for m in (":", ",") if m in words[i + 2 : i + 5]), None)
    if i >= len(words) or words[i] not in holders or mark is None or (mark == "," and i == 1):
        return words  # "add in Kayak, X" needs a field word: "add brand to Kiln, default x" is no list after
    colon = words.index(mark, i + 2)
    end = next((k for k in range(colon + 1, len(words)) if words[k] == "."), len(words))  # the list's sentence
    owner, listed, later = words[i + 1 : colon], words[colon + 1 : end], words[end:]
    if not listed or not all(w.isalnum() or "_" in w for w in owner):
        return words
    tail = next((k for k in range(1, len(listed) - 1) if listed[k] == "," and listed[k + 1] in {"it", "they", "this"}), None)
    listed, after = (listed[:tail], listed[tail:]) if tail else (listed, [])  # "…, it is optional" says how
    return [words[0], *listed, "to" if words[0] == "add" else words[i], *owner, *after, *later]


_PEOPLE = frozenset({"we", "i", "you", "they"})
_NO_MORE = (["should", "not"], ["must", "not"], ["do", "not", "want", "to"], ["do", "not", "need", "to"], ["no", "longer"])
_OWNER_WORDS = frozenset({"on", "in", "for", "from"})


def _kept_no_more(words: list[str]) -> list[str]:
    """ "we should not (be) storing brand on Kiln (at all)", "we don't want to keep brand on Kiln anymore" →
    "remove brand on Kiln": people saying a field of an entity is no longer kept ask to remove it."""
    if len(words) < 5 or words[0] not in _PEOPLE:
        return words
    said = next((len(n) for n in _NO_MORE if words[1 : 1 + len(n)] == n), None)
    if said is None:
        return words
    verb = 1 + said + (words[1 + said] == "be")
    if verb >= len(words) - 2 or (verb_base(words[verb]) or words[verb]) not in vocab.KEEPING_VERBS:
        return words
    rest = words[verb + 1 :]
    clause = next((i for i, w in enumerate(rest) if w in {".", ";", ","}), len(rest))
    if not any(w in _OWNER_WORDS for w in rest[1:clause]):
        return words
    kept = rest[:clause]
    while kept and (kept[-1] == "anymore" or kept[-2:] == ["at", "all"]):
        kept = kept[:-1] if kept[-1] == "anymore" else kept[:-2]
    return ["remove", *kept, *rest[clause:]]


def _each_has(words: list[str]) -> list[str]:
    """ "track kayaks, each has a hull number, …": "each" alone is "each one", a sentence of its own."""
    result = list(words)
    for i in range(len(result) - 2, 0, -1):
        if result[i - 1] in {",", ";"} and result[i] == "each" and result[i + 1] in {"have", "with"}:
            result[i - 1 : i + 1] = [".", "each", "one"]
    return result


_OWNER_STRUCTURES = frozenset({"entity", "model", "table"})


def _forgotten(words: list[str]) -> list[str]:
    """ "Kiln is missing a brand field" → "Kiln lack …"; "we forgot (to add) the brand on Kiln" → "add
    the brand on Kiln"; "add to Kiln entity the brand" → "add to Kiln the brand": what is missing is added."""
    if words[:2] in (["we", "forgot"], ["i", "forgot"]):
        rest = words[2:]
        words = ["add", *(rest[2:] if rest[:2] == ["to", "add"] else rest)]
    if words[:2] == ["add", "to"] and len(words) > 4 and words[3] in _OWNER_STRUCTURES:
        words = [*words[:3], *words[4:]]
    result: list[str] = []
    for i, word in enumerate(words):
        after = words[i + 1] if i + 1 < len(words) else ""
        if word == "missing" and result[-1:] == ["is"] and after.isalpha() and after not in _OWNER_WORDS:
            result[-1] = "lack"
        else:
            result.append(word)
    return result


#: Words before "no." that make it "number": "contact no.", "serial no.", "policy no.".
_NUMBERED = frozenset(
    """serial contact phone mobile tel telephone account invoice order policy reference ref house room unit vehicle
    registration reg case file batch lot part item ticket seat flight passport license licence tax vat member
    student employee customer client patient booking receipt cheque check card plot bed cabin""".split()
)


def _abbreviated_numbers(words: list[str]) -> list[str]:
    """ "email and contact no. for the Supplier" → "… contact number …": "no." after such a word is "number"."""
    result: list[str] = []
    skip = False
    for i, word in enumerate(words):
        if skip:
            skip = False
            continue
        if word == "no" and result and result[-1] in _NUMBERED and words[i + 1 : i + 2] == ["."]:
            result.append("number")
            skip = (i + 2 < len(words) and not words[i + 2][:1].isalpha()) or _continues(words, i + 2)  # the "."
            continue
        result.append(word)
    return result


def _continues(words: list[str], at: int) -> bool:
    """Whether the words from ``at`` continue the sentence ("… no. for the Supplier"), so the "." was no end."""
    return at < len(words) and words[at] in {"and", "for", "on", "in", "to", "of", "with", "from", "or"}


#: Verbs of a wish that each row show something ("if each installation showed the panel count").
_SHOWING = frozenset({"showed", "shows", "show", "displayed", "displays", "display", "had", "included", "listed"})


def _wish_as_request(words: list[str]) -> list[str]:
    """ "it would be really useful if each kiln showed the brand" → "each kiln have brand": a wish that
    each row show something asks for that field."""
    if words[:3] == ["it", "would", "be"] and "if" in words[3:6]:
        words = words[words.index("if", 3) + 1 :]
    elif words[:1] == ["if"] and words[1:2] in (["each"], ["every"]):
        words = words[1:]
    if words[:1] in (["each"], ["every"]):
        verb = next((i for i in (2, 3) if i < len(words) and words[i] in _SHOWING), None)
        if verb is not None:
            words = [*words[:verb], "have", *words[verb + 1 :]]
    return words


def _said_of_all(words: list[str]) -> list[str]:
    """ "add brand + shelf count (both optional)" → "add brand, shelf count . both optional": said of the
    whole list, not of its last item."""
    for i in range(len(words) - 3):
        if words[i] == "(" and words[i + 1] in {"both", "all"} and words[i + 3] == ")" and i + 4 == len(words):
            return [*words[:i], ".", words[i + 1], words[i + 2]]
    return words


#: Participles of keeping ("I want maintenance requests tracked: …").
_KEPT = frozenset({"tracked", "recorded", "logged", "stored", "kept", "saved", "managed"})
#: Who keeps or remembers: "a place where I store …", "can the app remember …".
_KEEPERS = frozenset({"i", "we", "you", "they", "app", "system", "it"})


def _where_kept(words: list[str]) -> list[str]:
    """Each sentence of ``words`` read by ``_kept_said``."""
    result: list[str] = []
    start = 0
    for end in [*(i for i, w in enumerate(words) if w == "."), len(words)]:
        result.extend(_kept_said(words[start:end]))
        result.extend(words[end : end + 1])
        start = end + 1
    return result


def _kept_said(words: list[str]) -> list[str]:
    """ "somewhere to keep track of tournaments" → "track tournaments";
    "can the app remember repair jobs" → "track repair jobs"; "I want maintenance requests tracked: …" →
    "track maintenance requests: …": the place, the memory and the wish only say what is kept."""
    for i, word in enumerate(words[:8]):
        rest = words[i + 1 :]
        if word == "somewhere" and rest[:1] == ["to"]:
            return words[i + 2 :]  # "somewhere to track tournaments"
        if word == "remember" and (i == 0 or words[i - 1] in _KEEPERS) and rest:
            return ["track", *rest]
        if word in {"want", "need"} and i <= 2:
            done = next((j for j in range(1, 4) if j < len(rest) and rest[j] in _KEPT), None)
            if done is not None and rest[done + 1 : done + 2] in ([":"], [","], ["with"]):
                return ["track", *rest[:done], *rest[done + 1 :]]
    return words


#: Endings that say a field is to go: "tasting notes on Batch has to go", "the fax on Supplier can go".
_TO_GO = (["have", "to", "go"], ["can", "go"], ["must", "go"], ["should", "go"], ["need", "to", "go"])


def _has_to_go(words: list[str]) -> list[str]:
    """ "X on E has to go, it's clutter" → "remove X on E, …"; "any more" at a clause's end is "anymore"."""
    result: list[str] = []
    for i, word in enumerate(words):
        if word == "any" and words[i + 1 : i + 2] == ["more"] and (i + 2 == len(words) or not words[i + 2].isalpha()):
            result.append("anymore")
        elif not (word == "more" and result[-1:] == ["anymore"]):
            result.append(word)
    end = next((i for i, w in enumerate(result) if w in {".", ",", ";"}), len(result))
    for ending in _TO_GO:
        size = len(ending)
        if end > size + 2 and result[end - size : end] == ending and "on" in result[: end - size]:
            return ["remove", *result[: end - size], *result[end:]]
    return result


def _do_not(words: list[str]) -> list[str]:
    """ "we not need X anymore" → "we do not need X anymore": the "do" a second-language writer leaves out."""
    result = list(words)
    for i in range(len(result) - 2, 0, -1):
        if result[i] == "not" and result[i - 1] in _PEOPLE and result[i + 1] in {"need", "want", "use"}:
            result.insert(i, "do")
    return result


_NOT_NEEDED = (["do", "not"], ["no", "longer"], ["not"], ["do", "not", "really"])
_NEEDING = frozenset({"need", "want", "use", "store", "keep", "track", "record", "require"})


def _owner_first_no_more(words: list[str]) -> list[str]:
    """ "In Trailer (,) we do not need colour anymore" → "remove colour anymore from Trailer": the owner
    said first, then that people no longer need a field of it."""
    if len(words) < 6 or words[0] not in {"in", "on", "for"}:
        return words
    at = 3 if words[2] == "," else 2
    if words[at : at + 1] not in (["we"], ["i"], ["they"]):
        return words
    said = next((len(n) for n in _NOT_NEEDED if words[at + 1 : at + 1 + len(n)] == n), None)
    verb = at + 1 + (said or 0)
    if said is None or verb >= len(words) - 1 or words[verb] not in _NEEDING:
        return words
    rest = words[verb + 1 :]
    clause = next((i for i, w in enumerate(rest) if w in {".", ",", ";"}), len(rest))
    named = [w for w in rest[:clause] if w != "anymore"]
    return ["remove", *named, "from", words[1], *rest[clause:]] if named else words
