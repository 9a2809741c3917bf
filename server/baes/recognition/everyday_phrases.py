"""Everyday phrases rewritten as the words the rules read, before the request is tokenized.

"take it out" removes, "has a few barns" has many, "where I keep the name, …" lists what is kept,
"Like the guest name, …" is a list, "with there name" means their name, "rename X into Y" renames
X to Y. Each is a whole phrase, matched on the text as written (``normalize.clean_text``).
"""

from __future__ import annotations

import re

#: Each phrase and what it says in the words the rules read.
EVERYDAY_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\btake (it|them|that|this|those) (?:out|away)\b", re.I), r"remove \1"),
    (re.compile(r"\btake (?:out|away)\b", re.I), "remove"),
    (re.compile(r"\btake off\b", re.I), "remove"),
    # "a farm has a few barns", "an order contains multiple lines": many, as "has many" says
    (
        re.compile(
            r"\b(has|have|hold|holds|contain|contains|include|includes)\s+"
            r"(?:a few|several|multiple|lots of|a lot of|one or more|numerous|a bunch of)\b",
            re.I,
        ),
        r"\1 many",
    ),
    (re.compile(r"\btake ((?:the |a |an )?[\w ]{1,40}?) off\b", re.I), r"remove \1 from"),
    # "where I keep the name, address ...": the list of what is kept
    (re.compile(r"\bwhere (?:i|we|you|they) (?:keep|store|have|record|track|save|note)\b", re.I), "with"),
    # "Like the guest name, the check-in date ...": an example list, as a list
    (re.compile(r"(?:^|(?<=[.!?]))(\s*)like,?\s+(?=(?:the|a|an|their|its)\b)", re.I | re.M), r"\1"),
    # "an entity for tournaments", "one module for Attendance": the entity the structure is for
    (
        re.compile(
            r"\b(an?|one|the)\s+(?:new\s+)?(?:entity|table|model|module|resource)\s+for\s+(?:(?:the|my|our|all)\s+)?"
            r"([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2}?)(?=\s*(?:[:?,.;(\n]|\bwith\b|\bthat\b|\bwhere\b|$))",
            re.I,
        ),
        r"\1 \2 entity",
    ),
    # "create Listing from these headers: …", "with the following columns: …"
    (re.compile(r"\b(?:from|with|using)\s+(?:these|those|the following|the)\s+(?:headers|columns|fields)\b", re.I), "with"),
    # "Weapon entity -> name; rarity": an arrow after a structure word opens its list
    (re.compile(r"\b(entity|table|model)\s*(?:->|=>|\u2192)\s*", re.I), r"\1: "),
    # "with there name and birthday": "there" for "their" before a field
    (re.compile(r"(\b(?:with|and|store|keep|record)|,)\s+there\s+(?=[a-z])", re.I), r"\1 their "),
    # "allow tracking of ferries", "support for managing grants": what is to be kept
    (
        re.compile(
            r"\b(?:allow|support|enable|add support for|support for)\s+(?:the\s+)?"
            r"(?:tracking|managing|storing|recording|logging|keeping)\s+(?:of\s+)?",
            re.I,
        ),
        "track ",
    ),
    # "dentist app - Patient w/ …", "Kindergarten app: Child entity with …": the app a line is about is
    # context when the rest of the line names its own entity and list
    (
        re.compile(
            r"^([^\w\n]*)(?:[A-Za-z][\w'-]*[ \t]+){1,3}(?:app|application|system|platform|portal|project)[ \t]*"
            r"(?:[:\-\u2013\u2014]+)[ \t]*(?=[^\n]*?\w[ \t]*(?:\bwith\b|\bw/|:|\(|\bentity\b))",
            re.I | re.M,
        ),
        r"\1",
    ),
    # "crate a Warehouse", "mak a Character", "ad an Election": a slip on the command verb before its object
    (
        re.compile(
            r"^(\W*(?:(?:pls|please|can you|could you)\s+)?)(?:crate|craete|mak|mke)\s+(?=(?:an?|new|the)\s|[A-Z])", re.I | re.M
        ),
        r"\1create ",
    ),
    (re.compile(r"^(\W*(?:(?:pls|please|can you|could you)\s+)?)ad\s+(?=an?\s)", re.I | re.M), r"\1add "),
    # "Commission is a percent, Accepts walk-ins is a checkbox": a no-code builder's field type, as a
    # parenthesis (``type_annotations`` reads it)
    (
        re.compile(
            r"[ \t]+(?:is|are)[ \t]+(?:an?[ \t]+)?((?:single[ \t]+line[ \t]+|long[ \t]+|short[ \t]+)?text|number|numeric|"
            r"checkbox|check[ \t]+box|percent|percentage|money|currency|decimal|whole[ \t]+number|integer|string|boolean|"
            r"date[ \t]+and[ \t]+time|date|yes/no|true/false)(?:[ \t]+(?:field|column|type|value))?"
            r"(?=[ \t]*(?:[,;.\n]|\band\b|$))",
            re.I,
        ),
        r" (\1)",
    ),
    # "Create Interpreter table have full name, …": the list of the structure being made
    (re.compile(r"\b((?:create|make|new)\b[^.\n]{0,40}?\b(?:entity|table|model))[ \t]+(?:have|having)\b", re.I), r"\1 with"),
    # "rename siret number into company number"
    (re.compile(r"\b(rename|renamed|renaming|change|changed)\b([^.!?\n]{1,60}?)\binto\b", re.I), r"\1\2to"),
)
