"""A reference said around the words ``many`` and ``ownership`` read: "Attach each walk to the dog that
went on it", "Please connect Referee to Match, every match has one referee", "link Matter to the
responsible Lawyer", "Their HR lead says one Department has lots of Employees".

* "attach/assign/link each X to a Y": each X belongs to a Y, as does "…, and link them to Ys" after a
  list (the order of "link A to B" alone says nothing about which side holds the key; "each" does);
* "connect A to B, every B has one A": the clause after the comma says which side holds the key, so
  the bare "connect" before it is dropped;
* a role word before an entity's capitalised name ("the responsible Lawyer", "a referring Employee")
  says which one, it is no part of the name;
* "points to" is "belongs to", and "the Bin table" is the Bin;
* "make X have many Ys" and "one X -> many Ys" are "X has many Ys"; what the referenced one does ("the Agent
  handling them") is no part of the link;
* a link said between a new entity and the colon of its list ("…, every check belongs to member: weight, …")
  is moved after the list, where it is read as the new entity's reference;
* a key column said with its target ("an author_id pointing at User") is a reference to it;
* who reported the fact ("Their HR lead says …") and what they would like of the app ("… and would like
  the app to reflect that") are no part of it.

Part of ``baes.recognition.request_framing.unframed``, so it shapes the cache key too.
"""

from __future__ import annotations

import re

_EACH_TO = re.compile(
    r"\b(?:attach|assign|link|connect|tie|match)\s+(each|every)\s+([a-z]\w*)\s+to\s+(?:a|an|the|one|its|their)\s+([a-z]\w*)\b",
    re.I,
)
#: "have the Project linked on each Expense", "link the Project to every Expense": "each" marks the side holding the key.
_LINKED_ON_EACH = re.compile(
    r"\b(?:(?:to\s+)?have\s+)?(?:the\s+|an?\s+)?['\"]?((?-i:[A-Z])\w*)['\"]?\s+(?:(?:should|must|could|can)\s+be\s+|is\s+|be\s+)?"
    r"(?:linked|attached|assigned|connected|tied)\s+(?:on|to|with)\s+(each|every)\s+((?-i:[A-Z])\w*)\b|"
    r"\b(?:link|attach|assign|connect|tie)\s+(?:the\s+|an?\s+)?((?-i:[A-Z])\w*)\s+(?:on|to|with)\s+(each|every)\s+((?-i:[A-Z])\w*)\b",
    re.I,
)
#: "Each one is for an existing Event", "each Shipment is handled by one Courier": the thing belongs to the other.
_EACH_IS_OF_ONE = re.compile(
    r"\b((?:each|every)\s+[A-Za-z]\w*)\s+(?:is\s+for\s+(?:an?|one)\s+(?:existing\s+)?|"
    r"(?:is|gets|will\s+be|should\s+be|must\s+be)\s+(?:[a-z]+ed|run|done|driven|led|taken)\s+by\s+(?:one|an?|exactly\s+one|a\s+single)\s+)"
    r"((?-i:[A-Z])\w*)\b",
    re.I,
)
_CONNECT_THEN_FACT = re.compile(
    r"^\s*(?:please\s+|pls\s+)?(?:connect|link|relate|associate)\s+\w+\s+(?:to|with|and)\s+\w+\s*[,;.:]\s*"
    r"(?=(?:every|each)\s+\w+\s+(?:has|have|needs?|gets?)\s+(?:exactly\s+)?(?:one|a|an|a\s+single)\s+\w+\s*[.!]?\s*$)",
    re.I,
)
_ROLE_BEFORE_NAME = re.compile(
    r"\b(to|with|by|a|an|the|one)\s+(?:responsible|referring|assigned|main|primary|default|current|preferred|owning|"
    r"supervising|lead|home|original|corresponding|related|relevant)\s+(?=(?-i:[A-Z]))",
    re.I,
)
_REPORTED = re.compile(
    r"^\s*(?:their|our|the|my)\s+(?:[\w-]+\s+){0,3}?(?:says|said|thinks|mentioned|reports|reported|told\s+us)\s+(?:that\s+)?",
    re.I,
)
_WISH_FOR_THE_APP = re.compile(
    r"\s*,?\s+and\s+(?:would\s+like|wants?|needs?)\s+the\s+(?:app|system|model|schema)\s+to\s+(?:reflect|show|support)\s+"
    r"(?:that|this|it)\b",
    re.I,
)


#: "Comment needs an author_id pointing at User": a key column said with its target is a reference to it.
_KEY_POINTING = re.compile(
    r"\b(?:an?\s+)?[a-z]\w*_id\s+(?:pointing|that\s+points|which\s+points|referring|linked|linking)\s+(?:at|to)\s+(?:the\s+)?"
    r"(?=(?-i:[A-Z])\w*\b)",
    re.I,
)


_FOREIGN_KEY_POINTING = re.compile(
    r"\b(foreign\s+key|fk)\s+(?:pointing|that\s+points|which\s+points|referring|that\s+refers)\s+(?:at|to)\b", re.I
)


#: "Pallet should reference the Bin table", "each vaccination record points to a pet": the entity, not its table.
_POINTS_TO = re.compile(
    r"\b(references?|reference|point(?:s|ing)?\s+to|links?\s+to|linked\s+to|belongs?\s+to)\s+(?:the\s+)?((?-i:[A-Z])\w*)\s+"
    r"(?:table|entity|model|record)\b",
    re.I,
)
_EACH_POINTS = re.compile(r"\b((?:each|every|a|an)\s+[a-z]\w*)(?:\s+(?:record|entry|row))?\s+points\s+to\s+", re.I)


#: "make a Body Check entity, every check belongs to member: weight, …": the link said between the entity and
#: its list, moved to the list's end, where the list rules read it as the new entity's reference.
_LINK_BEFORE_LIST = re.compile(
    r",\s*((?:each|every)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+belongs\s+to\s+(?:one\s+|an?\s+)?[A-Za-z][\w-]*)\s*:\s*"
    r"([^\n:]+?)\s*$",
    re.I,
)


#: "Make Program have many Modules", "let each Team have several Players": the has-many said as a wish.
_MAKE_HAVE = re.compile(
    r"\b(?:make|let)\s+((?:each|every|a|an|the)\s+)?((?-i:[A-Z])\w*)\s+ha(?:ve|s)\s+(?=(?:many|multiple|several)\b)", re.I
)
#: "point to the Agent handling them", "the Vet who treated it": what the referenced one does, no part of the link.
_WHAT_IT_DOES = re.compile(r"\b(the\s+(?-i:[A-Z])\w*)\s+(?:\w+ing|who\s+\w+ed)\s+(?:them|it)\b", re.I)
#: "One Choir -> many Concerts", "1 Choir → n Concerts": the has-many as an arrow.
_ONE_ARROW_MANY = re.compile(
    r"\b(?:one|1)\s+([A-Za-z]\w*)\s*(?:->|=>|\u2192)\s*(?:many|n|multiple|several)\s+([A-Za-z]\w*)", re.I
)


#: "set up Events: title, date, and link them to courts": the link said of the list's entity with a pronoun.
_LINK_THEM = re.compile(r",\s*(?:and\s+)?(?:link|connect|tie|attach)\s+(?:them|those|these|it)\s+(?:to|with)\s+", re.I)


#: "one Wedding has loads of Vendor Bookings": everyday words for many.
_LOADS_OF = re.compile(r"\b(?:loads|heaps|tons|a\s+bunch|a\s+lot|plenty)\s+of\b(?=\s+(?-i:[A-Z]))", re.I)


def linked_plainly(text: str) -> str:
    """``text`` with a reference said in the words the relationship rules read (see the module docstring)."""
    text = _LINKED_ON_EACH.sub(
        lambda m: f"{m[2] or m[5]} {m[3] or m[6]} belongs to a {m[1] or m[4]}", _LOADS_OF.sub("many", text)
    )
    text = _EACH_IS_OF_ONE.sub(r"\1 belongs to a \2", text, count=1)
    text = _EACH_TO.sub(
        r"\1 \2 belongs to a \3", _CONNECT_THEN_FACT.sub("", _LINK_THEM.sub(", each one linked to ", text), count=1)
    )
    text = _LINK_BEFORE_LIST.sub(r": \2, \1", text, count=1)
    text = _WHAT_IT_DOES.sub(r"\1", text)
    text = _ONE_ARROW_MANY.sub(r"each \1 has many \2", _MAKE_HAVE.sub(r"\1\2 has ", text, count=1), count=1)
    text = _KEY_POINTING.sub("a reference to ", _EACH_POINTS.sub(r"\1 belongs to ", _POINTS_TO.sub(r"\1 \2", text)))
    text = _FOREIGN_KEY_POINTING.sub(r"\1 to", text)  # "a foreign key pointing to projects": a foreign key to them
    return _WISH_FOR_THE_APP.sub("", _REPORTED.sub("", _ROLE_BEFORE_NAME.sub(r"\1 ", text), count=1))
