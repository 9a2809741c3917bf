"""A request passed on from someone else, read as the request itself: "the client says 'qty' should read
'quantity'", "Customer wants to tag wines with …", "my boss asked: could notes be renamed …", "… on Vehicle can we
also record fuel type? fleet manager asked", a forwarded e-mail's "> " lines, a quotation framed by who said it
(``quoted_request``: 'Client email, verbatim: "We want to record every donation …"').

Freelancers, agencies and team members relay what a client, a manager or a teacher asked. Who asked is never the
entity and never a field: read as words, "client wants a notes field on Customer" named an entity Client, and
"Customer wants the PisteReport table gone" was refused. Each rule drops the words that report who asked and keeps
what was asked. A person who may also be an entity of the app ("customer", "manager") is only read as the one
asking when a reporting verb follows ("says", "asked") or what they want names a capitalised entity or starts with
a verb ("wants to tag …"): "customer needs a phone number" stays a change of Customer.

Part of ``baes.recognition.request_framing.unframed``, so it shapes the cache key too.
"""

from __future__ import annotations

import re

#: Who relays a request: people who are never an entity of a CRUD app when they ask for one.
_ASKER = (
    r"(?:(?:the|my|our|a|one|this)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:client|boss|pm|product\s+owner|po|stakeholders?|[\w-]+\s+lead|accountant|colleagues?|co-?workers?|committee|"
    r"ceo|cto|founder)"
)
#: Who relays a request and may be an entity of the app as well ("Customers need a phone number", "each Coach has
#: a licence"): read as the one asking only before a reporting verb, a verb ("wants to tag …") or a capitalised
#: entity ("wants the PisteReport table gone", "wants each Team to have …").
_MAYBE_ENTITY = (
    r"(?:(?:the|my|our|a|one|this)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:customers?|managers?|teachers?|owners?|clients|supervisors?|professors?|lecturers?|tutors?|inspectors?|"
    r"researchers?|coach|coaches|directors?|secretary|officers?|auditors?|landlord|headmaster|principal|vets?|doctors?|"
    r"nurses?)"
)
_ASIDE = r"(?:\s*\([^()\n]{1,60}\))?"
_REPORTS = (
    r"(?:says|said|asks|asked|mentioned|wrote|requested|tells\s+me|told\s+(?:me|us)|pointed\s+out|noticed)"
    r"(?:\s+(?:that|if|whether))?"
    r"\s*[:,\-\u2014]?\s*"
)
_WANTS = r"(?:wants|want|would\s+like|needs|need|'d\s+like)\s+(?:(?:me|us)\s+)?"
#: "the client says X", "my boss asked: X", "Customer (St. Anne's pharmacy) says X".
_REPORTED = re.compile(rf"^\s*(?:{_ASKER}|{_MAYBE_ENTITY}){_ASIDE}\s+{_REPORTS}(?:they\s+want\s+)?(?=\S)", re.I)
#: "the inspectors asked us to keep a log of inspections", "the committee asked that each Book records …".
_ASKED_US_TO = re.compile(
    rf"^\s*(?:{_ASKER}|{_MAYBE_ENTITY}){_ASIDE}\s+(?:asked|asks|wants|told)\s+(?:us|me)\s+to\s+(?=[a-z])", re.I
)
#: Anyone the request names by role who asked for it, when the words after say what they asked ("that", "whether",
#: "us to"): "Our PI has asked that the inventory …", "Our box office volunteers have asked whether the app …".
_ANYONE_ASKED = re.compile(
    r"^\s*(?:(?:hi|hello|good\s+(?:morning|afternoon|evening)|dear\s+\w+)\s*[,!.]?\s+)?"
    r"(?:our|the|my|one\s+of\s+our|some\s+of\s+our)\s+(?:[\w-]+\s+){0,3}?[\w-]+\s+(?:(?:has|have|had)\s+)?"
    r"(?:asked|requested|suggested|proposed)\s+(?:(?:us|me)\s+(?P<to>to\s+(?=[a-z]))|(?P<if>if|whether)\s+|that\s+)",
    re.I,
)
#: "client wants to capture …", "customer wants the PisteReport table gone", "client wants a notes field on …".
_WANTED = re.compile(rf"^\s*{_ASKER}{_ASIDE}\s+{_WANTS}(?P<to>to\s+(?=[a-z]))?(?=[^\s:])", re.I)  # "Client needs: …" lists
_WANTED_MAYBE = re.compile(
    rf"^\s*{_MAYBE_ENTITY}{_ASIDE}\s+{_WANTS}(?:(?P<to>to\s+(?=[a-z]))|(?=(?:the|an?|each|every)\s+(?-i:[A-Z])|(?-i:[A-Z])))",
    re.I,
)
#: "…? fleet manager asked", "… (client asked)", "… - per the client": who asked, after the request.
_ASKED_AFTER = re.compile(
    rf"(?:(?<![\s,.;?!\-\u2014])[\s,.;?!\-\u2014]+|\s*\()(?:(?:{_ASKER}|{_MAYBE_ENTITY})\s+(?:asked|asks|wants\s+(?:it|this)|requested)|per\s+{_ASKER})"
    r"\s*\)?\s*[.!]?\s*$",
    re.I,
)


#: A quotation (one of six words or more can be the request: ``_FEWEST_QUOTED_WORDS``).
#: In single quotes, an apostrophe between letters ("we'd") is no end of it.
_QUOTE = re.compile(r'"([^"\n]{12,})"|(?:^|(?<=[\s:(]))\'((?:[^\'\n]|(?<=\w)\'(?=\w)){12,}?)\'(?=[\s.,!?;:)]|$)')
#: Words outside a quotation that report who said it.
_REPORTING = re.compile(
    r"\b(?:wrote|writes|says|said|asks|asked|e-?mail(?:ed)?|messaged|message|forwarded|fwd|fw|from|quote|quoting|verbatim|"
    r"sent|pasted|relay(?:ed|ing)?|request(?:ed)?)\b",
    re.I,
)
#: Most words around a quotation or an e-mail's quoted lines ("Forwarded email:", "can you do this?") that still
#: only frame it.
_MOST_FRAME_WORDS = 14
_FEWEST_QUOTED_WORDS = 6


def as_asked(text: str) -> str:
    """``text`` without the words that say who relayed it (see the module docstring)."""
    text = _quoted_lines(text)
    text = _ASKED_AFTER.sub("", text, count=1)
    text = _ASKED_US_TO.sub("", text, count=1)
    reported = _REPORTED.search(text) or _ANYONE_ASKED.search(text)
    if reported is not None:
        asked = text[reported.end() :]
        if re.search(r"\b(?:if|whether)\s*$", reported.group(0), re.I):  # "asks if each repair could point to …"
            asked = re.sub(r"\b(?:could|can|would|might)\b", "should", asked, count=1, flags=re.I)
        return asked
    for wanting in (_WANTED, _WANTED_MAYBE):
        wanted = wanting.sub(_we_want, text, count=1)
        if wanted != text:
            return wanted
    return text


def _we_want(match: re.Match[str]) -> str:
    """ "client wants to tag …" → "tag …"; "client wants a notes field …" → "we want a notes field …"."""
    return "" if match["to"] else "we want "


def _quoted_lines(text: str) -> str:
    """The lines of a forwarded e-mail ("> Hi Sam, we'd love a way to …") when the lines around them only frame
    them."""
    lines = text.splitlines()
    quoted = [line.lstrip()[1:].strip() for line in lines if line.lstrip().startswith(">")]
    frame = [line for line in lines if not line.lstrip().startswith(">")]
    if not quoted or not any(quoted) or len(" ".join(frame).split()) > _MOST_FRAME_WORDS:
        return text
    return "\n".join(quoted)


def quoted_request(text: str) -> str:
    """The quotation, when it is the request and the words around it only report who made it; else ``text``."""
    quotes = [double or single for double, single in _QUOTE.findall(text)]
    if len(quotes) != 1 or len(quotes[0].split()) < _FEWEST_QUOTED_WORDS:
        return text
    frame = _QUOTE.sub(" ", text)
    if len(frame.split()) > _MOST_FRAME_WORDS or not _REPORTING.search(frame):
        return text
    return quotes[0]
