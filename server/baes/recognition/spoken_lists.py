"""Lists said aloud, with no word or mark before them: "policies for my little insurance office name renewal date
premium", "stylist entity name hourly rate and is available", "address then roof type then start date",
"booking. customer name. party size. time".

Dictated requests leave out the "with" or colon that opens a list, and use "then" and "plus", or a full stop after
each word, where a writer would type a comma. Read as words, the things and whom they are for ran into the list
("PoliciesForMyLittleInsuranceOfficeName") or the list was refused. Each rule puts back the mark a writer would
have typed:
- after the things and whom they are for, the list starts at the first word that names a field on its own
  ("name", "title", "date", "first name": ``vocabulary.ATTRIBUTE_TYPES`` and ``NAME_WORDS``);
- after "entity", "table" or "thing", what follows is the list;
- "then", "plus" and "and then" between items are commas, when they come twice or more;
- a line of very short sentences is a list after its first.

Part of ``baes.recognition.request_framing.unframed``, so it shapes the cache key too.
"""

from __future__ import annotations

import re

from baes.recognition import vocabulary as vocab

#: Fillers and a verb before the things: "so um i need", "create", "make".
_OPENING = (
    r"(?:(?:so|um|uh|ok|okay|basically|like|hey)\s+)*(?:(?:i|we)\s+(?:need|want|wanna)\s+|create\s+|make\s+|new\s+|need\s+)?"
)
#: Things, then whom or what they are for, then the list: "puppies for the breeding side of things name sex …".
_THINGS_FOR = re.compile(
    rf"^(\s*{_OPENING}(?:an?\s+|some\s+|the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(for|in|from)\s+"
    r"((?:the|my|our|a|an)\s+[a-z][\w' ,-]*)$",
    re.I,
)
#: Words of an owner phrase that never start the list.
_OWNER_WORDS = frozenset({"the", "my", "our", "a", "an", "of", "side", "things", "little", "small", "new"})
#: "stylist entity name hourly rate …": what follows a structure word with no mark is the list.
_STRUCTURE_THEN_LIST = re.compile(
    rf"^(\s*{_OPENING}(?:an?\s+|the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){{0,2}}\s+(?:entity|table|thing|record)\s+)"
    r"(?=([a-z][\w-]*)[\s,]+([a-z][\w-]*))",
    re.I,
)
#: Words of a change or a link: the request is no new list of fields.
_CHANGE_WORDS = re.compile(
    r"\b(?:rename|change|modify|call|called|should|points?|link|linked|remove|delete|drop|add|each|every|belongs?|has|have)\b",
    re.I,
)
#: "address then roof type then start date", "client name plus the date plus the price".
_SPOKEN_COMMA = re.compile(r"\s+(?:and\s+)?(?:then|plus)\s+(?:the\s+)?", re.I)
#: "booking. customer name. party size. time": sentences of one to three words.
_SHORT_SENTENCE = re.compile(r"^\s*[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}\s*$", re.I)


def spoken_list(text: str) -> str:
    """``text`` with the mark that opens or separates its list put back (see the module docstring)."""
    if "\n" in text.strip() or re.search(r"[:(]|\bwith\b|\s[-\u2013\u2014]\s", text, re.I):  # "… - a, b": a list opened
        return text
    if len(_SPOKEN_COMMA.findall(text)) >= 2:
        text = _SPOKEN_COMMA.sub(", ", text)
    sentences = [s for s in re.split(r"\s*\.\s+|\s*\.\s*$", text) if s.strip()]
    if len(sentences) >= 3 and all(_SHORT_SENTENCE.match(s) for s in sentences):
        return f"{sentences[0]} with {', '.join(sentences[1:])}"
    if _CHANGE_WORDS.search(text):
        return text  # a change of what the app has ("change the Gig entity name to …", "each record points to …")
    structure = _STRUCTURE_THEN_LIST.match(text)
    listed = text[structure.end() :] if structure is not None else ""
    opens = structure is not None and _opens_list([structure[2], structure[3]], 0)
    if opens and re.search(r",|\band\b", listed) and _readable(listed):
        return f"{structure[1]}with {listed}"
    return _things_for(text)


def _readable(listed: str) -> bool:
    """Whether a list with no commas can be cut into fields without guessing: each item (between commas and
    "and") is one word, a two-word name the vocabulary knows, or a run long enough to be cut
    (``run_on.SHORTEST_RUN``). "title date and max attendees" is not: "title date" may be one name or two; after
    commas ("address, roof type, start date") each item is one name as said."""
    for item in re.split(r"\s*,\s*|\s+and\s+", listed.strip()):
        words = [w for w in item.lower().split() if w not in {"the", "a", "an", "is", "its"}]
        guessed = "," not in listed  # with commas, "roof type" is one item as said
        if guessed and len(words) in (2, 3) and "_".join(words) not in vocab.ATTRIBUTE_TYPES and not _named_pair(words):
            return False
        if len(words) > 3 and any(w in {"of", "in", "on", "at", "for", "per", "by"} for w in words):
            return False  # "name hourly rate years of experience": where one name ends is a guess
    return True


def _named_pair(words: list[str]) -> bool:
    """Whether two or three words read as names without a guess: fields that stand alone side by side ("name
    phone": ``run_on`` cuts them), or words that qualify a head ("boat type", "move in date"; not "title date",
    where the title is a field of its own)."""
    if all(w in vocab.STANDALONE_FIELDS for w in words):
        return True
    alone = any(w in vocab.STANDALONE_FIELDS or w in vocab.ATTRIBUTE_TYPES for w in words[:-1])
    return words[-1] in _HEADS and not alone


#: Last words of a name that a word before them qualifies ("boat type", "pitch number").
_HEADS = frozenset({"type", "kind", "number", "code", "size", "level", "status", "date", "time", "name", "id", "count"})


def _things_for(text: str) -> str:
    """ "policies for my little insurance office name renewal date premium" → "policies for my little insurance
    office with name renewal date premium"."""
    match = _THINGS_FOR.match(text)
    if match is None:
        return text
    words = match[3].replace(",", " , ").split()
    start = next((i for i in range(1, len(words)) if _opens_list(words, i)), None)
    if start is None or len(words) - start < 2:
        return text
    listed = " ".join(words[start:]).replace(" , ", ", ")
    if "," in " ".join(words[:start]) or not re.search(r",|\band\b", listed) or not _readable(listed):
        return text
    return f"{match[1]} {match[2]} {' '.join(words[:start])} with {listed}"


def _opens_list(words: list[str], index: int) -> bool:
    """Whether the list can start at ``words[index]``: a field's word on its own, or the first of a two-word one."""
    word = words[index].lower()
    if word in _OWNER_WORDS or word in vocab.STRUCTURE_WORDS:
        return False
    after = words[index + 1].lower() if index + 1 < len(words) else ""
    known = word in vocab.ATTRIBUTE_TYPES or word in vocab.NAME_WORDS or word in vocab.STANDALONE_FIELDS
    return known or (word in _NAME_QUALIFIERS and after == "name")


#: Words that open a list as the first of a name ("first name", "full name").
_NAME_QUALIFIERS = frozenset({"first", "full", "last", "given", "family"})
