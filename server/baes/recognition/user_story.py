"""User stories read as the request they carry: "As a nurse, I want to log Readings so that ...".

Product owners write a change as a story: a role ("As a dispatcher,"), the wish ("I want to record
Driver Shifts"), a purpose ("so that I know who is on the road") and acceptance criteria on a
line of their own ("AC: a driver shift has driver name, shift start ..."). The role and the purpose
say why, never what: their words read as entities and attributes ("on road", "AsTeacherI"). Both
are dropped here, and a criteria label inside a line ends the sentence before it, so the wish and
the criteria read as two sentences of one request (``paragraph``). Part of ``text_layout``.
"""

from __future__ import annotations

import re

#: "As a shop owner, I ...", "As an accountant we ...": the role before the wish, at a sentence start.
_ROLE = re.compile(r"(?:(?<=^)|(?<=[.!?:\n]))(\s*)as an?\s+[\w' -]{1,40}?,?\s+(?=(?:i|we)\b)", re.I | re.M)
_SUBJECTS = r"(?:i|we|you|they|he|she|it|everyone|everybody|staff|users|people|customers|the \w+)"
_MODALS = r"(?:can|could|will|would|may|might|know|see|are|have|do not|don't|get|stay)"
#: Verbs that start a purpose after a bare "to": "renamed 'Service Request' to match our CRM wording".
_PURPOSE_VERBS = r"(?:match|reflect|align|mirror|comply|avoid|be consistent|stay consistent|keep (?:it|things) consistent)"
#: Words after such a verb that make it a purpose ("to match our wording"), not a new name ("to Match").
_PURPOSE_OBJECTS = r"(?:our|the|your|their|its|what|how|with|it|them|this|that)"
#: "so that ...", "so we can ...", "in order to ...": a purpose, up to the end of its sentence or a list; not "so I
#: would like …", the wish itself, nor "so that one will have to stay empty" (that field, therefore).
_THAT_FIELD = r"(?:one|field|column|value|date|number)\b"
_PURPOSE = re.compile(
    rf",?\s*\b(?:so that\b(?!\s+{_THAT_FIELD})|so {_SUBJECTS} {_MODALS}\b(?!\s+(?:like|love|prefer|want|need)\b)|in order to\b"
    rf"|to {_PURPOSE_VERBS}\s+{_PURPOSE_OBJECTS}\b)[^.!?\n:;]*",
    re.I,
)
#: "In order to bill clients, as an accountant I want …": a purpose that leads its sentence ends at its comma.
_LEADING_PURPOSE = re.compile(r"(?:(?<=^)|(?<=[.!?\n]))\s*(?:so that|in order to|to be able to)\b[^,.!?\n:;]*,\s*", re.I | re.M)
#: A criteria label after a sentence on the same line: "... sign up. Acceptance criteria: ...".
_CRITERIA = re.compile(r"(?<=[.!?])\s*(?:acceptance criteria|acceptance|ac)\s*:\s*", re.I)


def _purpose_dropped(match: re.Match[str]) -> str:
    """Nothing for a purpose; "in Order to amount" after a rename is the entity and the new name."""
    line = match.string[: match.start()].rsplit("\n", 1)[-1]
    renaming = re.search(r"\brenam", line, re.I) and match.group(0).strip(" ,").lower().startswith("in order")
    return match.group(0) if renaming else ""


#: "Given a Member exists / When I edit it / Then I can set a membership tier and a renewal date": what the user
#: can set on the thing given is added to it.
_GIVEN_THEN = re.compile(
    r"^\s*given\s+(?:that\s+)?(?:an?|the)\s+((?-i:[A-Z])\w*|\w+)\s+(?:exists|is\s+\w+|has\s+been\s+\w+)[^\n.]*[\n.,]\s*"
    r"(?:(?:and\s+)?when\s+[^\n.]*[\n.,]\s*)?then\s+(?:i|we|the\s+user|users?|they)\s+(?:can|should(?:\s+be\s+able\s+to)?|"
    r"will\s+be\s+able\s+to|must\s+be\s+able\s+to)\s+(?:set|see|enter|record|add|choose|pick|store|fill\s+in|edit)\s+"
    r"(?:(?:its|their|his|her)\s+)?([^\n.]+?)\s*[.!]?\s*$",
    re.I,
)


def without_role(text: str) -> str:
    """``text`` without a story's role ("As a dispatcher, I want …" → "I want …")."""
    return _ROLE.sub(r"\1", text)


def plain_story(text: str) -> str:
    """``text`` without a story's role and purpose, its criteria as a sentence of their own."""
    text = _GIVEN_THEN.sub(r"add \2 to \1", _ROLE.sub(r"\1", _LEADING_PURPOSE.sub("", text)))
    text = _PURPOSE.sub(_purpose_dropped, text)
    return _CRITERIA.sub("\n", text)
