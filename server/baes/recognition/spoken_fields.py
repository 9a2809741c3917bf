"""Fields said as a question or a clause in a list, as people say them aloud.

"whether they've paid a deposit" is the flag
``deposit_paid`` and "whether I've played it yet" the flag ``played``; "for every kitten, the name,
colour, …" lists what each kitten has. The rules that read lists read names and types; these
rewrites turn the spoken forms into the written ones before, in the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: Possessives and articles before a clause's object ("paid a deposit", "signed their form").
_DETERMINER = r"(?:a|an|the|their|his|her|its|my|our|your)"
#: An object that names nothing: "whether I've played it yet" is whether it was played.
_NO_OBJECT = frozenset({"it", "them", "this", "that", "one"})


def _flag_said_as_clause(match: re.Match[str]) -> str:
    participle, thing = match.group("participle"), (match.group("thing") or "").strip()
    if not thing or thing.lower() in _NO_OBJECT:
        return participle
    return f"{thing} {participle}"  # "deposit paid", "form signed"


SPOKEN_FIELDS: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    # "whether they've paid a deposit", "whether I have played it yet": the flag of the thing done
    (
        re.compile(
            r"\bwhether[ \t]+(?:they|we|i|you)(?:'ve|[ \t]+have)[ \t]+(?:already[ \t]+)?"  # not "it has heated floor"
            r"(?P<participle>[a-z]+ed|paid|done|seen|taken|given|sent|made|won|read|written|sung|ridden|driven)"
            rf"(?:[ \t]+(?:{_DETERMINER}[ \t]+)?(?P<thing>[a-z]+(?:[ \t]+(?!yet\b)[a-z]+)?))??(?:[ \t]+yet)?"
            r"(?=[ \t]*(?:,|;|\band\b|\.|\?|!|$))",
            re.I | re.M,
        ),
        _flag_said_as_clause,
    ),
    # "the year it was built", "the date they were bought": the name and what was done ("year built")
    (
        re.compile(
            r"(?<=[,:] )((?:the[ \t]+)?[a-z]+)[ \t]+(?:it|they)[ \t]+(?:was|were)[ \t]+([a-z]+ed|built|made|bought|sold|"
            r"taken|found|born|given|seen|caught|grown|written)(?=[ \t]*(?:,|;|\band\b|\.|$))",
            re.I | re.M,
        ),
        r"\1 \2",
    ),
    # "who it's issued to", "who they were referred by": the person, named by what was done ("issued to")
    (
        re.compile(
            r"(?<=[,:] )who[ \t]+(?:it|they|he|she)(?:[ \t]+(?:is|was|are|were))?[ \t]+"
            r"((?:[a-z]+ed|given|lent|sold|shown|sent|taken)(?:[ \t]+(?:out|back|over))?)[ \t]+(to|by|for|with)\b",
            re.I | re.M,
        ),
        r"\1 \2",
    ),
    # "the field it came from", "the shelf it sits on": the thing named before the clause
    (
        re.compile(
            r"(?<=[,:] )((?:the[ \t]+)?[a-z]+)[ \t]+(?:it|they)[ \t]+[a-z]+[ \t]+(?:from|at|in|on|to|with)"
            r"(?=[ \t]*(?:,|;|\band\b|\.|$))",
            re.I | re.M,
        ),
        r"\1",
    ),
    # "Drop Reading.raw_payload once the new parser is live": when to do it is no part of the change
    (
        re.compile(
            r"[ \t]+(?:once|as[ \t]+soon[ \t]+as|after|when)[ \t]+(?:the[ \t]+|our[ \t]+)?(?:new[ \t]+)?[a-z]+(?:[ \t]+[a-z]+)?"
            r"[ \t]+(?:is|are|has[ \t]+been|have[ \t]+been)[ \t]+(?:live|done|deployed|ready|finished|shipped|released|merged|"
            r"in[ \t]+place)(?=[ \t]*(?:[.!]|$))",
            re.I | re.M,
        ),
        "",
    ),
    # "for every kitten, the name, colour, arrival date": what each one has, said with no verb
    (
        re.compile(
            r"\b(?:for|about)[ \t]+(each|every)[ \t]+([A-Za-z][\w-]*(?:[ \t]+[A-Za-z][\w-]*)?)[ \t]*[,:][ \t]+"
            r"(?=(?!(?:we|i|you|they|he|she|it|please)\b)(?:the[ \t]+)?"
            r"[A-Za-z][\w-]*(?:[ \t]+[A-Za-z][\w-]*){0,2}[ \t]*,[^,.]+,)",
            re.I,
        ),
        r"\1 \2 has ",
    ),
)
