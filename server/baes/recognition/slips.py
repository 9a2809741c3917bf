"""Slips of typing on the words that frame a request: "crate a Warehouse", "ad an Election", "a new
entitiy", "a tick box". Read before any phrase of the request, so every rule sees the word meant.

Only the command verbs and the structure word "entity" are corrected here, where a slip is sure to
be one (a misspelt attribute word is corrected later, against the vocabulary: ``request_spelling``).
"""

from __future__ import annotations

import re

#: (pattern, replacement) pairs, applied in order to the request's text.
SLIPS: tuple[tuple[re.Pattern[str], str], ...] = (
    # "can u rename …", "ur Kiln": chat spellings of "you", "your"
    (re.compile(r"(?<![\w'.-])u(?![\w'.-])"), "you"),
    (re.compile(r"(?<![\w'.-])ur(?![\w'.-])"), "your"),
    (re.compile(r"(?<![\w'.-])teh(?![\w'.-])", re.I), "the"),
    # "print orders shud be saved", "… entity pleas": chat spellings of "should", "please" (never a plea here)
    (re.compile(r"(?<![\w'.-])shud(?![\w'.-])", re.I), "should"),
    # "more then one crop", "less then 5": "than" typed as its sound-alike after a comparison
    (re.compile(r"\b(more|less|fewer|other|rather|bigger|smaller|longer|shorter|older|newer)[ \t]+then\b", re.I), r"\1 than"),
    (re.compile(r"(?<![\w'.-])pleas(?![\w'.-])", re.I), "please"),  # "rename teh 'notes' field": a slip no rule reads
    (re.compile(r"(?<![\w'.-])e-mail(?=s?\b)", re.I), "email"),  # "e-mail address": the one word "email"
    *(  # "2nd phone", "(1st/2nd year)": an ordinal in digits is the word ("2nd" read as "2 and" before)
        (re.compile(rf"(?<![\w.]){number}(?:st|nd|rd|th)\b", re.I), word)
        for number, word in (("1", "first"), ("2", "second"), ("3", "third"), ("4", "fourth"), ("5", "fifth"))
    ),
    # "crate a Warehouse", "mak a Character", "ad an Election": a slip on the command verb before its object
    # ("Crate has a label" is a crate)
    (
        re.compile(
            r"^(\W*(?:(?:pls|please|can you|could you)\s+)?)(?:crate|craete|mak|mke)\s+"
            r"(?=(?:an?|new|the)\s|[A-Z])(?!(?:has|have|is|are|was|should|must|needs?|gets?|holds?|contains?|with)\b)",
            re.I | re.M,
        ),
        r"\1create ",
    ),
    (re.compile(r"^(\W*(?:(?:pls|please|can you|could you)\s+)?)ad\s+(?=an?\s)", re.I | re.M), r"\1add "),
    # "a new entitiy", "add a enity for bottlings", "Coach entty": letters doubled, dropped or swapped in "entity"
    (re.compile(r"\b(?:entitiy|entitty|entty|enity|entiy|enitity|entitie|entiti|entiity|enitty|entitiy)\b", re.I), "entity"),
    (re.compile(r"\b(?:entitys|entites|entitties|entitiys)\b", re.I), "entities"),
    (re.compile(r"\b(?:tick|check)[ \t-]?box(es)?\b", re.I), r"checkbox\1"),  # "a 'followed up' tick box"
    # "Patient no need insurance number anymore": a second-language "no longer needs"
    (re.compile(r"(?<=[A-Za-z])[ \t]+no[ \t]+need[ \t]+(?!(?:for|to|of)\b)", re.I), " no longer needs "),
    # "I want program for keep my rooms": a second-language "for" before a verb is "to"
    (re.compile(r"\bfor[ \t]+(?=(?:keep|store|track|save|record|manage|register|log)[ \t]+(?:my|our|the|all)\b)", re.I), "to "),
    # "a Venue thingy", "a thingie for …": a thing
    (re.compile(r"\b(?:thingy|thingie|thingamajig|whatchamacallit)\b", re.I), "thing"),
    # "make me a Delivery thing", "build me an entity": the person asking is no part of the name
    (re.compile(r"\b(make|build|create|set\s+up|give)\s+me\s+(?=(?:an?|new|the|some)\s)", re.I), r"\1 "),
)
