"""The things kept, not who keeps them: "the clinic keeps track of referrals with …", "Payroll needs a Pay
Period with …", "a jobs tracker for my plumbing business: …", "Track the church's properties — …".

A request often opens with the organisation that keeps the records (a clinic, a league, payroll, "my
plumbing business") and the kind of place they go in (a tracker, a list). Neither is the entity: the
things kept are, and what the opening says of them ("properties I own:", "Supplies we order for the
clinic:") is no part of their name. Each rule rewrites the opening so that the things kept stand where the
rules look for an entity ("create referrals with …"). An entity the app already has, said as the subject ("Student
needs a phone number"), is no keeper: a singular thing is only read after a lower-case keeper ("the
league needs a Match with"), or when it is capitalised itself ("Payroll needs a Pay Period with").

Part of ``baes.recognition.request_framing.unframed``, so it shapes the cache key too.
"""

from __future__ import annotations

import re

from baes.recognition.plurals import singularize

_KEEPING = r"(?:needs|need|wants|want|keeps(?:\s+track\s+of)?|keep(?:\s+track\s+of)?|tracks|track)"
_NOT_THINGS = (
    r"(?!(?:fields|attributes|columns|properties|details|these|those|data|info|things|more|two|three|four|five|to|"
    r"it|them|this|that|an?|the|some|our|my|your|their|field|attribute|column|property|way|place|list|app|system|tool|"
    r"new|extra|additional|other|following)\b)"
)
_THINGS = r"([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?s)"
#: "soil lab needs Analyses: sample code, …", "track orders: …": things in the plural, then a colon and their list.
_NEEDS_THINGS = re.compile(
    rf"^[^:,.\n]{{0,40}}?\b{_KEEPING}\s+(?:some\s+|a\s+list\s+of\s+|all\s+(?:the\s+|our\s+)?)?{_NOT_THINGS}{_THINGS}"
    r"[ \t]*:(?=\s*\S)",
    re.I,
)
#: "the club keeps track of members with …": a keeper, then things in the plural with their list ("track
#: indexes with …" has no keeper: the rules read it as it is).
_KEEPER_WITH_THINGS = re.compile(
    rf"^\s*[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){{0,3}}?\s+{_KEEPING}\s+(?:some\s+|all\s+(?:the\s+|our\s+)?)?{_NOT_THINGS}"
    rf"{_THINGS}\s+with\b(?=\s*\S)",
    re.I,
)
#: "Payroll needs a Pay Period with …", "the league needs a Match: …": one thing, capitalised or after a
#: keeper in lower case, then its list.
_NEEDS_A_THING = re.compile(
    rf"^\s*(?:(?:the|our|my)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?|(?-i:[A-Z])[\w-]+)\s+{_KEEPING}\s+an?\s+{_NOT_THINGS}"
    r"((?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*){0,2})[ \t]*(?:\s+(?:entity|table|model|record))?(?:\s+for\s+[^:\n]{1,40}?)?"
    r"(:|\s+with\b)(?=\s*\S)",
    re.I,
)
#: "a jobs tracker for my plumbing business: …", "an equipment list for the makerspace, …": the things
#: listed; the list and whom it is for are neither.
_TRACKER_FOR = re.compile(
    r"\b([a-z][\w-]*)\s+(?:tracker|list|register|database|thing|app|system|tool)\s+for\s+(?:the|my|our|a|an)\s+(?:[\w'-]+\s+){0,3}?[\w'-]+"
    r"\s*(?=[:,\-\u2013\u2014]|\s+with\b)",
    re.I,
)
#: "Track the church's properties" at the request's start: the things, not their owner.
_OWNERS_THINGS = re.compile(
    r"^(\s*(?:please\s+)?(?:track|keep\s+track\s+of|manage|record|log|store|list))\s+(?:the|our|my)\s+[a-z][\w-]*(?:'s|s')\s+"
    r"(?=[a-z][\w-]*s\b)",
    re.I,
)


#: "properties I own: …", "Supplies we order for the clinic: …", "stock transfer between our two warehouses: …":
#: what the opening says of the things before their list is no part of their name; a question ("can we track
#: sprays: …") is no such opening.
_SAID_OF_THINGS = re.compile(
    r"^(\s*(?!(?:things|stuff|fields|columns|details|what|can|could|would|will|should|shall|may|might|must|do|does|did|"
    r"please|how|where|when|why|if|so|and|then|now)\b)[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)\s+"  # not "can we track …:"
    r"(?:(?:i|we|they)\s+(?!(?:will|would|shall|need|want|must|should|can|could|am|are|have|had|do)\b)(?:[a-z]+\s+){0,4}?[a-z]+|between\s+(?:our|the|my|two|all)\s+[^:\n]{1,40}?)\s*(?=:)",
    re.I,
)


#: "we want Inquiries stored from their contact form: …", "need the invoices tracked": the things, to keep.
_WANTED_KEPT = re.compile(
    r"^(?:[^:\n]{0,40}?\b)?(?:wants?|needs?|would\s+like)\s+(?:(?:the|their|our|all|my)\s+)?(['\"]?)"
    r"((?!(?:it|them|this|that|these|those)\b)[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)\1\s+"
    r"(?:stored|kept|tracked|logged|saved|recorded|remembered)\b"
    r"(?:\s+somewhere|\s+(?:from|in|on)\s+[^:,.\n]{1,40}?)?(?=\s*[:,(\-\u2013\u2014]|\s+with\b)",
    re.I,
)


#: "I'd like turnout gear to be tracked somewhere: …", "their guests be stored: …", ", every visitor has to be logged
#: from now on: …": the things, kept (a passive wish before their list).
_PASSIVE_KEPT = re.compile(
    r"^[^\n:]*?(?:\b(?:like|love|want|wants|that)\s+|,\s*|^\s*)(?:(?:the|their|our|my|all|every|each)\s+)?"
    r"((?!(?:it|them|this|that|these|those|we|i|they|you)\b)(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)\s+"
    r"(?:to\s+be|be|(?:has|have|needs?)\s+to\s+be|(?:should|must|could|can)\s+be)\s+"
    r"(?:tracked|stored|logged|kept|recorded|saved|remembered)(?:\s+(?:somewhere|on\s+record|from\s+now\s+on|in\s+the\s+app))*"
    r"(?=\s*[:(\u2013\u2014]|\s+-\s)",
    re.I | re.M,
)
#: "record each loan of a painting: …", "every Feeding of the sourdough starter (…)": the thing is the loan; what
#: it is of is said by the fields. "each copy of a book" or "every kind of tea" name a thing of their own.
_EACH_OF = re.compile(
    r"\b((?:each|every)\s+(?!(?:one|kind|type|sort|part|piece|copy|instance|version|unit|edition|bit)\b)[A-Za-z][\w-]*)"
    r"\s+of\s+(?:an?|the|our|their|my|his|her)\s+(?:[\w-]+\s+){0,2}?[\w-]+(?=\s*[:(,\-\u2013\u2014]|\s+with\b)",
    re.I,
)


#: "i wanna track my tutoring sessions student name, subject, date": things in the plural, then their list with
#: no colon (typed on a phone or dictated).
_KEPT_THEN_LIST = re.compile(
    r"(?:^|\b(?:i|we)\s+(?:[a-z']+\s+){0,2}?)(track|log|keep\s+track\s+of|store|record|manage)\s+(?:all\s+)?"
    r"(?:(?:my|our|the|their)\s+)?((?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*s)\s+(?![a-z]+ed\b|(?:taken|given|done|made|held|kept|sent|seen|written|bought|sold|lent|paid|brought|left|won|lost)\b)(?!(?:with|for|in|and|or|on|at|by|from|to|that|which|who|where|so|because|"
    r"like|including|as|i|we|they|it|per|each|every|of|are|is|have|has)\b)(?=[a-z][^\n.:?!]*(?:,|\band\b))",
)


#: "a simple thing where my client can log found items? …", "something to hold newsletter issues", "a thing for my
#: food truck orders like …": a placeholder for the app, then the things it keeps ("a jobs thing for my cleaning
#: business" names the things before it).
_PLACEHOLDER_FOR = re.compile(
    r"(?:\b(?:an?|some)\s+(?:(?:simple|little|small|quick|basic)\s+)?(?:thing|system|app|tool|place|page|database)|\bsomething)\s+"
    r"(?:for|to|where|that|so|in\s+which)\s+(?:(?:i|we|they|people|staff|[a-z]+|(?:my|our|the)\s+[a-z]+)\s+(?:can|could|will)\s+)?"
    r"(?:(?:track|tracking|log|logging|hold|holding|store|storing|keep|keeping|record|recording|manage|managing|list|listing)"
    r"(?:\s+track\s+of)?\s+)?(?:all\s+)?(?:(?:my|our|the|their|his|her|each|every)\s+)?(?:[a-z]+'s\s+)?"
    r"((?!(?:it|them|this|that|stuff|things|everything)\b)(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)"
    # "… the horses at the riding stable?", "… each Dive we do?": where, or who does it, says no more of the things
    r"(?:\s+(?:at|in|on)\s+(?:the|our|my)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?|\s+(?:we|i)\s+(?:do|run|make|have|get))?"
    r"(?:\s+(?P<like>like)\b|(?=\s*[?,\-\u2013\u2014.(]|\s*:(?!\s*\w+(?:\s+\w+)?\s+with\b)|\s+(?:with|including)\b))",
    re.I,
)


def _plural_then_list(match: re.Match[str]) -> str:
    last = match[2].split()[-1]
    return f"{match[1]} {match[2]}: " if singularize(last) != last else match[0]


#: "keep Reservations too — each one needs …": "too" before the dash that opens what each thing holds.
_TOO_BEFORE_DASH = re.compile(r"\s+(?:too|as\s+well)(?=\s*[\u2014\u2013]|\s+-\s)", re.I)


#: "a shift: it holds a start time, …", "each one stores …": what a thing holds is what it has.
_HOLDS = re.compile(
    r"\b(it|each\s+one|each|every\s+one|they)\s+(?-i:holds|contains|stores|keeps|hold|contain|store|keep)"
    r"(?=:|\s+(?:a|an|the|its|their|some|one|two|three|\d))",  # not "each Store belongs to …", an entity
    re.I,
)


def things_kept(text: str) -> str:
    """``text`` with the things kept where a keeper or a tracker stood (see the module docstring)."""
    text = _HOLDS.sub(lambda m: f"{m[1]} {'have' if m[1].lower() == 'they' else 'has'}", _TOO_BEFORE_DASH.sub("", text, count=1))
    text = _KEPT_THEN_LIST.sub(
        _plural_then_list, _PLACEHOLDER_FOR.sub(lambda m: f"create {m[1]}{' with' if m['like'] else ''}", text, count=1), count=1
    )
    text = _EACH_OF.sub(r"\1", _WANTED_KEPT.sub(r"store \2", text, count=1), count=1)
    text = _PASSIVE_KEPT.sub(r"store \1", text, count=1)
    text = _SAID_OF_THINGS.sub(r"\1", text, count=1)
    text = _KEEPER_WITH_THINGS.sub(r"create \1 with", _NEEDS_THINGS.sub(r"create \1:", text, count=1), count=1)
    text = _NEEDS_A_THING.sub(lambda m: f"create {m[1]}{':' if m[2] == ':' else ' with'}", text, count=1)
    return _OWNERS_THINGS.sub(r"\1 ", _TRACKER_FOR.sub(r"\1", text, count=1), count=1)
