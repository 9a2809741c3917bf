"""Many-to-many said the way people say it: "amenities are shared across rooms", "the same amenity can be
in lots of rooms", "a hive has several beekeepers and the other way round", "Beer and Hop need a junction
table", "Crops and Fields - many to many please",
"… right now, but a croissant has gluten AND dairy. Products and Allergens need to be many to many."

``many`` reads "X has many Ys and Ys have many Xs" and "a many-to-many relationship between X and Y".
These rules say the same facts in those words: a thing shared by many others, the same thing in many of
them, "vice versa" after "has many", a join table between two entities. A request that explains the
current state and then says which two entities must be many-to-many is read by its last sentence.

Part of ``baes.recognition.request_framing.unframed``, so it shapes the cache key too.
"""

from __future__ import annotations

import re

from baes.recognition.plurals import singularize
from baes.scaffold.spec import pluralize

_MANY = r"(?:many|several|multiple|lots\s+of|different|various)"
#: "amenities are shared across rooms": each side has many of the other.
_SHARED = re.compile(
    r"\b([a-z]\w*s)\s+(?:are|can\s+be|get|will\s+be)\s+shared\s+(?:across|between|among|by|with)\s+(?:the\s+|all\s+|"
    + _MANY
    + r"\s+)?([a-z]\w*s)\b",
    re.I,
)
#: "the same amenity can be in lots of rooms", "one tag can be on several posts".
_SAME_IN_MANY = re.compile(
    r"(\b[a-z]\w*\s+(?:have|has|hold|get)\s+[a-z]\w*\s*,?\s+(?:and|but)\s+)?"  # "kilns have glazes, and": said first
    r"\b(?:the\s+same|one|a|an)\s+([a-z]\w*)\s+(?:can|could|may|might)\s+(?:be\s+)?(?:in|on|at|used\s+by|part\s+of|used\s+in|"
    r"belong\s+to|go\s+into|appear\s+in)\s+" + _MANY + r"\s+([a-z]\w*s)\b",
    re.I,
)
#: "a hive has several beekeepers and the other way round", "… and vice versa", "… and tags are shared".
_VICE_VERSA = re.compile(
    r"\b([a-z]\w*)\s+(?:has|have|having|can\s+have|with)\s+" + _MANY + r"\s+([a-z]\w*s)\s*,?\s+and\s+"
    r"(?:the\s+other\s+way\s+(?:round|around)|vice\s+versa|the\s+reverse|(?:the\s+)?\2\s+(?:are|can\s+be)\s+shared)\b",
    re.I,
)
#: "link lessons and teachers both ways": each side has many of the other.
_BOTH_WAYS = re.compile(
    r"\b(?:link|connect|relate)\s+([a-z]\w*s)\s+(?:and|with|to)\s+([a-z]\w*s)\s+(?:both\s+ways|in\s+both\s+directions)", re.I
)
#: "could beekeepers share hives?": each side has many of the other.
_SHARE = re.compile(
    r"\b(?:([a-z]\w*s)\s+(?:can|could|should|may|will|need\s+to)|(?:can|could|should|may)\s+([a-z]\w*s))\s+share\s+([a-z]\w*s)\b",
    re.I,
)
#: "I want students to be able to join many clubs": the wish says what the things can do.
_WANTED_TO = re.compile(
    rf"\b(?:i|we)\s+(?:also\s+)?(?:want|need|would\s+like|'d\s+like)\s+((?:all\s+|the\s+)?[a-z]\w*s)\s+to\s+(?:be\s+able\s+to\s+)?"
    rf"(?=(?:join|attend|take|enrol|enroll|follow|like|book|visit|use|have|belong\s+to)\s+(?:in\s+|to\s+)?{_MANY}\b)",
    re.I,
)
#: "Beer and Hop need a junction table" (``cardinality`` reads "a join table between Beer and Hop").
_JOINED = re.compile(
    r"\b(\w+)\s+and\s+(\w+)\s+(?:need|needs|should\s+have|get|require|want)\s+(?:a\s+|an\s+)?"
    r"(?:junction|join|joining|link|linking|bridge|association|pivot|through|mapping)\s+table\b",
    re.I,
)
#: "Crops and Fields - many to many please", "Crops & Fields: M2M".
_PAIR_THEN_MANY = re.compile(
    r"^\s*(\w+)\s+(?:and|&|/)\s+(\w+)\s*[-:,\u2013\u2014]+\s*(?:many[\s-]+to[\s-]+many|m2m|n:m|m:n)\b", re.I | re.M
)
#: "tag work orders with Tags (many-to-many)": the things tagged come first.
_TAGGED = re.compile(
    r"^\s*tag\s+((?:\w+\s+){0,2}?\w+)\s+with\s+(?:the\s+)?(\w+)\s*[(,\-\u2013\u2014]?\s*(?:many[\s-]+to[\s-]+many|m2m)\s*\)?",
    re.I,
)
#: "Products and Allergens need to be many to many." as a request's last sentence.
_LAST_SAYS_MANY = re.compile(
    r"(?<=[.!?])\s+((?:the\s+)?\w+\s+and\s+(?:the\s+)?\w+\s+(?:need|needs|should|must|have|has)\s+(?:to\s+)?(?:be\s+)?"
    r"(?:a\s+)?(?:many[\s-]+to[\s-]+many|m2m|n:m|m:n)\b[^.!?\n]*[.!?]?)\s*$",
    re.I,
)

#: "an artist can do many styles and a style can be done by many artists", "a course has many tutors, and a
#: tutor teaches several courses": each side said to have many of the other, whatever the verbs.
_CROSSED = re.compile(
    rf"(?:^|(?<=[.;:!?])\s*|\b(?:an?|one|each|every|the)\s+)([a-z]\w*)\s+(?:[a-z]+\s+){{0,4}}?{_MANY}\s+([a-z]\w*)\s*"
    rf"(?:,\s*|;\s*)?(?:and|but|while|whereas|;|,)\s+(?:an?\s+|one\s+|each\s+|every\s+|the\s+)?([a-z]\w*)\s+"
    rf"(?:[a-z]+\s+){{0,4}}?{_MANY}\s+([a-z]\w*)(?=\s*(?:$|[.,;!?)]|and\b|too\b|as\s+well\b|so\b))",
    re.I,
)
#: Words that are no entity's name in ``_CROSSED`` ("it", "we", "there").
_NO_THING = frozenset({"it", "they", "we", "you", "i", "there", "he", "she", "this", "that", "which", "who"})


def _crossed(match: re.Match[str]) -> str:
    """ "X … many Ys and a Y … many Xs" as "Xs have many Ys and Ys have many Xs"; anything else as written."""
    first, many, other, back = (singularize(g.lower()) for g in match.groups())
    if first != back or many != other or first == many or {first, many} & _NO_THING:
        return match[0]
    return _each_has_many(_plural(match[1]), _plural(match[2]))


def as_many_to_many(text: str) -> str:
    """``text`` with many-to-many said in the words ``many`` reads (see the module docstring)."""
    last = _LAST_SAYS_MANY.search(text)
    if last and not re.search(r"\bwith\b|:|\b(?:create|add|new)\b", text[: last.start()], re.I):
        text = last[1]
    text = _CROSSED.sub(_crossed, _WANTED_TO.sub(r"\1 can ", text, count=1), count=1)
    text = _VICE_VERSA.sub(lambda m: _each_has_many(_plural(m[1]), m[2]), text)
    text = _BOTH_WAYS.sub(lambda m: _each_has_many(m[1], m[2]), text)
    text = _SHARE.sub(lambda m: _each_has_many(m[1] or m[2], m[3]), _SHARED.sub(r"\1 have many \2", text))
    text = _SAME_IN_MANY.sub(_same_in_many, text)
    text = _TAGGED.sub(r"a many-to-many relationship between \1 and \2", text)
    text = _PAIR_THEN_MANY.sub(r"a many-to-many relationship between \1 and \2", text)
    return _JOINED.sub(r"a many-to-many relationship between \1 and \2", text)


def _same_in_many(match: re.Match[str]) -> str:
    """ "a glaze can be in several kilns" → glazes and kilns have many of each other, the one named first first."""
    shared, sharing = _plural(match[2]), match[3]
    return _each_has_many(sharing, shared) if match[1] else _each_has_many(shared, sharing)


def _plural(word: str) -> str:
    """ "hive" → hives; "invoices" stays ("invoices have many customers and vice versa")."""
    return word if word.lower().endswith("s") or singularize(word.lower()) != word.lower() else pluralize(word)


def _each_has_many(these: str, those: str) -> str:
    return f"{these} have many {those} and {those} have many {these}"
