"""Everyday phrases rewritten as the words the rules read, before the request is tokenized.

"take it out" removes, "has a few barns" has many, "where I keep the name, …" lists what is kept,
"Like the guest name, …" is a list, "with there name" means their name, "rename X into Y" renames
X to Y. Each is a whole phrase, matched on the text as written (``normalize.clean_text``).

The table is grouped by what the phrases say: what to remove or own, what is kept and where its list
starts ("each one has …", ", it have …", "X fields:"), how a command is said ("Could the system keep
…", "give me X:", "should be logged as a X:"), flags said as clauses ("it is paid or not"), and renames
said in everyday words ("call X 'Y' instead", "should be called", "(rename)"). A phrase that would also
match ordinary text carries the context that keeps it apart (a lookahead for a list, a capital letter).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from baes.recognition import vocabulary as vocab

#: Words that are no entity's name before "should be called" ("this field should be called …").
_NOT_RENAMED = frozenset(
    {"it", "this", "that", "which", "field", "column", "attribute", "property", "one", "name", "value", "thing", "things"}
)
#: Words that may come before the one-word name in its clause ("the Item should be called Product").
_BEFORE_A_NAME = frozenset({"the", "our", "my", "a", "an", "so", "and", "but", "also", "now", "then", "actually"})
#: Words before it in its sentence that make the rename one of a field ("the fired_at field on Blast should …").
_FIELD_BEFORE = re.compile(r"\b(?:field|column|attribute|property)\b[^.!?\n]*$", re.I)


def _called_instead(match: re.Match[str]) -> str:
    """ "Item should be called Product": a rename of the entity; "this field should be called …", a field's
    new name ("… should be called detonated_at") and a field named before it stay for the rename rules."""
    field_said = _FIELD_BEFORE.search(match.string[: match.start()])
    if match.group(1).lower() in _NOT_RENAMED or "_" in match.group(2) or field_said:
        return match.group(0)
    clause = re.split(r"[.!?\n,;:]", match.string[: match.start()])[-1].split()
    if any(word.lower() not in _BEFORE_A_NAME for word in clause):
        return match.group(0)  # "honey frames should be called …", "sim card should …": a name of several words
    return f"rename {match.group(1)} to {match.group(2)}"


#: "call it label instead of …": the new name, then the old one.
_CALL_IT_INSTEAD = r"\bcall[ \t]+(?:it|them|that)[ \t]+'?([A-Za-z][\w \t]{0,40}?)'?[ \t]+instead[ \t]+of[ \t]+(?:the[ \t]+)?"


def _kept_for_each(match: re.Match[str]) -> str:
    """ "store A and B for each vehicle" → "each vehicle has A and B" ("also …" / "… too": also has)."""
    also = "also " if match.group("also") or match.group("too") else ""
    return f"each {match.group('entity')} {also}has {match.group('list')}"


#: Words after which a list has begun, so what follows them is a field, not the entity's name.
#: A holder at the end of a list's line ("… to Item.").
_TO_HOLDER_AT_END = re.compile(r"\b(?:to|into|on)[ \t]+[A-Za-z]\w*[ \t]*[.!]?[ \t]*$")
_LIST_BEGUN = frozenset({"with", "has", "have", "having", "containing", "including", "needs", "need", "of", "for"})


def _named_list(match: re.Match[str]) -> str:
    """ "Membership Plan; name; monthly price; …": the name before a list of fields, unless it is a field itself."""
    words = match.group(1).strip(" \t-*#").lower().split()
    if _LIST_BEGUN.intersection(words):
        return match.group(0)  # "Gadget with name; email; …": the list is already opened
    line = match.string[match.end() :].split("\n", 1)[0]
    if words[0] in vocab.ADD_VERBS and _TO_HOLDER_AT_END.search(line):
        return match.group(0)  # "add brand; serial number; price to Item": every item is a field of Item
    first = "_".join(words)
    if first in vocab.ATTRIBUTE_TYPES or first in vocab.NAME_WORDS or first in vocab.TEXT_OVERRIDES:
        return match.group(0)  # "name; email; phone; …": a bare list, no entity named
    return match.group(1) + ":"


#: Each phrase and what it says in the words the rules read.
EVERYDAY_PHRASES: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
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
    (re.compile(r"\b(entity|table|model|thing|record)\s*(?:->|=>|\u2192)\s*", re.I), r"\1: "),
    # "with there name and birthday": "there" for "their" before a field
    (re.compile(r"(\b(?:with|and|store|keep|record)|,)\s+there\s+(?=[a-z])", re.I), r"\1 their "),
    # "track fermenters – each one has a tank number, …": what each one has is a sentence of its own
    (
        re.compile(
            r"[ \t]*[,:;\u2013\u2014][ \t]*(?:and[ \t]+)?((?:each|every)[ \t]+(?:one|of[ \t]+them|[A-Za-z]\w*))[ \t]+"
            r"(has|have|needs|should[ \t]+have|must[ \t]+have|gets|contains|includes)\b"
            r"(?![ \t]+(?:many|multiple|several|one|a[ \t]+few|lots|a[ \t]+lot|zero|exactly|at[ \t]+least|only)\b)",
            re.I,
        ),
        r". \1 has",
    ),
    # "For every vehicle we store the plate number, …", "for each member record their name, …", "for each cake order
    # I need …"
    (
        re.compile(
            r"\b(?:for|about)[ \t]+(each|every)[ \t]+([A-Za-z][\w-]*(?:[ \t]+(?!(?:we|i|you|they|also)\b)[A-Za-z][\w-]*){0,2})"
            r"[ \t]*,?[ \t]+(?:(?:we|i|you|they)[ \t]+)?(?:also[ \t]+)?"
            r"(?:(?:want|need|have|would(?:[ \t]+also)?(?:[ \t]+like)?|will|should|must|can)(?:[ \t]+to)?[ \t]+)?"
            r"(?:record|store|keep|track|save|capture|log|note|collect|need|want)\b",
            re.I,
        ),
        r"\1 \2 has",
    ),
    # "store the plate number and colour for each vehicle", "also keep a phone on every customer": the same,
    # said the other way round
    (
        re.compile(
            r"^[ \t]*(?:(?:we|i)[ \t]+(?:want|need|would[ \t]+like)[ \t]+to[ \t]+)?(?P<also>also[ \t]+)?"
            r"(?:record|store|keep|track|save|capture|log|note|collect)[ \t]+(?P<list>[^.!?\n]+?)[ \t]+"
            r"(?:for|on|about|of)[ \t]+(?:each|every|all)[ \t]+(?P<entity>[A-Za-z][\w-]*(?:[ \t]+(?!too\b|as\b)[A-Za-z][\w-]*)?)"
            r"(?P<too>[ \t]+(?:too|as[ \t]+well))?[ \t]*(?=[.!?]|$)",
            re.I | re.M,
        ),
        _kept_for_each,
    ),
    # "new field on Gadget: colour", "new columns for orders: a, b": the entity first, then what it gets
    (
        re.compile(
            r"\b(?:new|extra|another|more)[ \t]+(?:fields?|columns?|attributes?|propert(?:y|ies))[ \t]+(?:on|for|in)[ \t]+"
            r"(?:the[ \t]+)?([A-Za-z]\w*(?:[ \t]+[A-Za-z]\w*)?)[ \t]*:[ \t]*",
            re.I,
        ),
        r"\1: add ",
    ),
    # "call it label instead of title on Book": a rename, the new name said first; the old name is the
    # longest that leaves an owner after it ("instead of last serviced on on Trailer")
    (
        re.compile(
            _CALL_IT_INSTEAD + r"'?([A-Za-z][\w \t]{0,40})'?"
            r"([ \t]+(?:on|in|for|of)[ \t]+(?:the[ \t]+)?[A-Za-z]\w*(?:[ \t]+[A-Za-z]\w*)?)[ \t]*(?=[.,!?]|$)",
            re.I | re.M,
        ),
        r"rename \2 to \1\3",
    ),
    (re.compile(_CALL_IT_INSTEAD + r"'?([A-Za-z][\w \t]{0,40}?)'?[ \t]*(?=[.,!?]|$)", re.I | re.M), r"rename \2 to \1"),
    # "Could the system keep a list of suppliers?", "the app should store …": what the app is to keep
    (
        re.compile(
            r"\b(?:(?:could|can|would|will|should|must)[ \t]+(?:the[ \t]+|our[ \t]+|this[ \t]+)?"
            r"(?:system|app|application|tool|database|site|it)|(?:the[ \t]+|our[ \t]+|this[ \t]+)?"
            r"(?:system|app|application|tool|database)[ \t]+(?:should|must|will|needs[ \t]+to|has[ \t]+to))"
            r"[ \t]+(?:also[ \t]+)?(?:keep|store|track|record|save|hold|manage|log)\b",
            re.I,
        ),
        "track",
    ),
    # "I need Color Formula Card, it have client name, …", "…, it will carry name, …": what it has is the list
    (
        re.compile(
            r"[ \t]*,[ \t]*(?:and[ \t]+)?(?:it|they|he|she)[ \t]+(?:(?:should|must|will|shall|can|would)[ \t]+)?"
            r"(?:have|has|needs|need|contains?|includes?|carry|carries|holds?|stores?|keeps?)\b"
            r"(?![ \t]+(?:many|multiple|several|one|a[ \t]+few|lots|to|more|no|not|any)\b)"
            r"(?=[^.!?\n]{1,80}(?:,|\band\b))",
            re.I,
        ),
        " with",
    ),
    # "a list of parking bays, each with a bay number, …"
    (re.compile(r"[ \t]*,[ \t]*(?:each|every[ \t]*one)[ \t]+with\b", re.I), " with"),
    # "The lecturer said it needs: name, …": what someone said it has is its list
    (
        re.compile(
            r"\b(?:the[ \t]+)?(?:[A-Za-z]+[ \t]+){0,2}(?:said|says|told[ \t]+(?:me|us))[ \t]+(?:that[ \t]+)?(?:it|they)[ \t]+"
            r"(?:needs|need|has|have|should[ \t]+have|must[ \t]+have)[ \t]*:",
            re.I,
        ),
        "it has",
    ),
    # "Create Defendant. It has: name, …": the colon after "it has" opens nothing new
    (re.compile(r"\b(it|they)[ \t]+(has|have|needs|need)[ \t]*:", re.I), r"\1 \2"),
    # "…, and it is paid or not", "and if it's urgent": a flag said as a clause
    (
        re.compile(
            r"(,|\band\b)[ \t]+(?:if[ \t]+)?(?:it|they)[ \t]+(?:is|are|was|were)[ \t]+"
            r"((?:[A-Za-z-]+[ \t]+){0,2}[A-Za-z-]+)(?=[ \t]+or[ \t]+not\b)",
            re.I,
        ),
        r"\1 whether it is \2",
    ),
    (re.compile(r"(,|\band\b)[ \t]+if[ \t]+(?:it|they)[ \t]+(?=[A-Za-z-]+[ \t]*(?:[,.;!?)]|$))", re.I), r"\1 whether it is "),
    # "Grower, fields: name / email", "Room; fields: …": the entity and its list
    (
        re.compile(
            r"^([^\w\n]*[A-Za-z][\w -]{0,40}?)[ \t]*[,;]?[ \t]+(?:fields|columns|attributes|properties)[ \t]*:", re.I | re.M
        ),
        r"\1:",
    ),
    # "Crew member -> name, rank, nationality": an arrow from a name to its list
    (
        re.compile(
            r"^([^\w\n]*[A-Za-z][\w ]{0,40}?)[ \t]*(?:->|=>|\u2192)"
            r"(?![ \t]*(?:many\b|one\b|(?-i:[A-Z])\w*[ \t]*\())[ \t]*(?=[^\n,]+,[^\n,]+,)",
            re.I | re.M,
        ),
        r"\1: ",
    ),
    # "a form where I can enter each vote count: …": what the form is for is what is kept
    (
        re.compile(
            r"\b(want|need|like|get)[ \t]+(?:an?|the|one)[ \t]+(?:form|page|screen|place|spot)[ \t]+(?:where|in[ \t]+which)[ \t]+"
            r"(?:i|we|you|staff|users)[ \t]+(?:can[ \t]+)?"
            r"(?:enter|record|log|add|keep|store|track|put[ \t]+in|input|fill[ \t]+in)[ \t]+(?:each|every|all|our|my)?[ \t]*",
            re.I,
        ),
        r"\1 to track ",
    ),
    # "a place to log receipts - …", "we need a way to keep track of loans: …": what the place is for is
    # what is kept
    (
        re.compile(
            r"(?:\b(?P<verb>want|need|like|get)[ \t]+|^[ \t]*)"
            r"(?:an?|some|one)[ \t]+(?:simple[ \t]+|easy[ \t]+|little[ \t]+)?"
            r"(?:place|way|spot|page|screen|form|tool|app|system|somewhere)[ \t]+to[ \t]+"
            r"(?:log|track|store|record|keep(?:[ \t]+track[ \t]+of)?|save|manage|list|note|enter)[ \t]+"
            r"(?:(?:all|our|my|the|each|every)[ \t]+)?",
            re.I | re.M,
        ),
        lambda m: f"{m.group('verb')} to track " if m.group("verb") else "track ",
    ),
    # "an app for my clients, name, phone and email": what the app is for, then its list
    (
        re.compile(
            r"\b(?:an?[ \t]+|the[ \t]+|my[ \t]+|our[ \t]+)?(?:simple[ \t]+|little[ \t]+)?"
            r"(?:app|application|system|tool|database|program|software|website|site)[ \t]+"
            r"(?:for|to[ \t]+manage|to[ \t]+track)[ \t]+(?:(?:my|our|the|all)[ \t]+)?"
            r"((?:(?!(?:with|having|including|and)\b)[A-Za-z][\w']*[ \t]+){0,3}?"
            r"(?!(?:with|having|including|and)\b)[A-Za-z][\w']*)"
            r"[ \t]*,(?=[^,\n.]+(?:,|\band\b))",
            re.I,
        ),
        r"track \1:",
    ),
    # "associated with exactly one Team": one is what a reference is
    (re.compile(r"\b(?:exactly|only|just|at[ \t]+least)[ \t]+one\b", re.I), "one"),
    # "Each Book may or may not have a Shelf": it may (an optional reference), not a negation
    (re.compile(r"\b(may|might|can|could)[ \t]+or[ \t]+(?:may|might|can|could)[ \t]*(?:not|n't)\b", re.I), r"\1"),
    # "My 'Medication' list should really be called 'Pills'": the entity gets a new name
    (
        re.compile(
            r"\b(?:(?:my|our|the)[ \t]+)?'?([A-Za-z]\w*)'?[ \t]+(?:list|table|entity|model|records?)[ \t]+should[ \t]+"
            r"(?:really[ \t]+)?be[ \t]+(?:called|named|renamed(?:[ \t]+to)?)[ \t]+'?([A-Za-z]\w*)'?",
            re.I,
        ),
        r"rename the \1 entity to \2",
    ),
    # "Membership Plan; name; monthly price; …": a name, then its fields
    (re.compile(r"^([^\w\n]*[A-Za-z]\w*(?:[ \t]+[A-Za-z]\w*){0,2})[ \t]*;(?=[^\n;]+;[^\n;]+;)", re.M), _named_list),
    # "Every call that comes in should be logged as a CallLog: …"
    (
        re.compile(
            r"^[^.\n]{0,80}?\b(?:should|must|will|to)[ \t]+be[ \t]+(?:logged|stored|recorded|saved|kept|tracked)[ \t]+as[ \t]+"
            r"(?:an?[ \t]+)?(?=[A-Za-z]\w*[ \t]*:)",
            re.I | re.M,
        ),
        "create ",
    ),
    # "no time, just give me Vote: …": give me, as create
    (
        re.compile(
            r"^[^.\n]{0,30}?\b(?:just[ \t]+)?give[ \t]+me[ \t]+(?:an?[ \t]+)?"
            r"(?=[A-Za-z]\w*(?:[ \t]+[A-Za-z]\w*){0,2}[ \t]*(?::|\bwith\b|\())",
            re.I | re.M,
        ),
        "create ",
    ),
    # "Let's start with a Project.": the first entity to create
    (re.compile(r"\blet[ \t]+us[ \t]+(?:start|begin)[ \t]+with[ \t]+(?:an?[ \t]+)?", re.I), "create "),
    # "doctors work at more than one clinic": many
    (re.compile(r"\bmore[ \t]+than[ \t]+one\b", re.I), "many"),
    # "log my health readings every morning": how often is no part of what is kept
    (re.compile(r"[ \t]+(?:every|each)[ \t]+(?:morning|evening|night|day|week|month|year|weekend|(?-i:shift))\b", re.I), ""),
    # "the qty column should be renamed quantity": to the new name
    (re.compile(r"\b((?:be|been|get|gets|is|are)[ \t]+renamed)[ \t]+(?!to\b|as\b)(?=[A-Za-z'\"])", re.I), r"\1 to "),
    # "I think Item should be called Product": a new name for an entity
    (
        re.compile(
            r"(?:\b(?:i[ \t]+think|i[ \t]+guess|maybe)[ \t]+)?(?<![\w.])([A-Za-z]\w*)[ \t]+should[ \t]+(?:really[ \t]+)?"
            r"be[ \t]+(?:called|named)[ \t]+([A-Za-z]\w*)\b",
            re.I,
        ),
        _called_instead,
    ),
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
    # context when the rest of the line names its own entity and list (a parenthesis of a list, not one type:
    # "Loom project: title (text), …" is the project's list)
    (
        re.compile(
            r"^([^\w\n]*)(?:[A-Za-z][\w'-]*[ \t]+){1,3}(?:app|application|system|platform|portal|project|tracker|planner)[ \t]*"
            r"(?:[:\-\u2013\u2014]+)[ \t]*(?=[^\n]*?\w[ \t]*(?:\bwith\b|\bw/|:|\([^)\n]*,|\bentity\b))",
            re.I | re.M,
        ),
        r"\1",
    ),
    # "dentist app needs a Treatment entity: …": what the app needs is the entity to create
    (
        re.compile(
            r"^([^\w\n]*)(?:(?:our|my|the)[ \t]+)?(?:[A-Za-z][\w'-]*[ \t]+){1,3}(?:app|application|system|platform|portal)[ \t]+"
            r"(?:needs|requires|should have|must have|will need)[ \t]+(?=(?:an?|one|the)[ \t]+(?:new[ \t]+)?"
            r"[A-Za-z][\w-]*(?:[ \t]+[A-Za-z][\w-]*){0,2}[ \t]+(?:entity|table|model)\b)",
            re.I | re.M,
        ),
        r"\1create ",
    ),
    # "create drop off slot", "a drop-off point": the noun "drop-off", not the verb "drop"
    (
        re.compile(r"\b(create|make|new|add|track|manage|an?|the|each|every)[ \t]+drop[ \t-]?off(?=[ \t]+[A-Za-z])", re.I),
        r"\1 DropOff",
    ),
    (re.compile(r"\bdrop-off\b", re.I), "DropOff"),
    # "with the port the weight and the date" (spoken): an article after a word starts the next item
    (re.compile(r"\b(with[ \t]+(?:the|a|an)[ \t]+[a-z]\w*)[ \t]+(?=(?:the|a|an)[ \t]+[a-z])"), r"\1, "),
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
    # "one entity Donation where we will store donor name, …": what is stored there is its list
    (
        re.compile(
            r"\b((?:entity|table|model|record)[ \t]+[A-Za-z]\w*)[ \t]+where[ \t]+(?:we|i|you|they)[ \t]+"
            r"(?:(?:will|can|would|shall)[ \t]+)?(?:store|keep|record|save|track|put|log|enter|write)\b",
            re.I,
        ),
        r"\1 with",
    ),
    # "Create Interpreter table have full name, …": the list of the structure being made
    (
        re.compile(
            r"\b((?:create|make|new)\b[^.\n]{0,40}?\b(?:entity|table|model)\b[^.\n,]{0,40}?)[ \t]*,?[ \t]+"
            r"(?:it[ \t]+)?(?:have|having|has)\b",
            re.I,
        ),
        r"\1 with",
    ),
    # "rename the reason field as chief complaint": as, for "to"
    (re.compile(r"\b(rename[^.!?\n]{1,60}?)[ \t]+as[ \t]+(?!well\b)", re.I), r"\1 to "),
    # "change the name of the attribute 'scheduled at' in WorkOrder to …": the attribute's name
    (re.compile(r"\bname[ \t]+of[ \t]+(?:the[ \t]+)?(?:attribute|field|column|property)[ \t]+", re.I), "name of "),
    # "call location 'venue' instead": the new name of an attribute
    (
        re.compile(r"\bcall[ \t]+((?:the[ \t]+)?[A-Za-z][\w ]{0,40}?)[ \t]+(['\"][^'\"\n]{1,40}['\"])[ \t]+instead\b", re.I),
        r"rename \1 to \2",
    ),
    # "a 'last turned on' date", "an 'arrived at' time": the quotation is the name, the word after it its type
    (re.compile(r"(['\"])(\w+)\1[ \t]+(date|time|datetime|timestamp|flag|boolean|number|integer)\b", re.I), r"\1\2\1 (\3)"),
    # "the owner calls them stylists now so rename Groomer to Stylist": the reason before the command
    (
        re.compile(
            r"^[^.!?\n]{3,100}?[ \t,]+(?:so|therefore|hence|thus)[ \t]+(?=(?:please[ \t]+|pls[ \t]+)?"
            r"(?:(?:rename|remove|delete|drop|add|create|make|change)\b|(?:i[ \t]+think[ \t]+)?(?:we|i)[ \t]+(?:need|want)[ \t]+"
            r"(?-i:[A-Z])|(?:like[ \t]+)?(?:an?|each|every|one)[ \t]+(?-i:[A-Z])\w*[ \t]+(?:has|have|can|belongs?)\b)"
            r"(?![ \t]+(?:it|that|this|them|those|these)\b))",
            re.I | re.M,
        ),
        "",
    ),
    # "periodical -> magazine (rename)": an arrow that says it renames
    (re.compile(r"^([ \t]*[A-Za-z]\w*[ \t]*(?:->|=>|\u2192)[ \t]*[A-Za-z]\w*)[ \t]*\([ \t]*rename[ \t]*\)", re.I | re.M), r"\1"),
    # "the Member dob column should be date_of_birth": a new name in the form of a name
    (
        re.compile(
            r"^[ \t]*(?:the[ \t]+)?(?!the\b)([A-Za-z]\w*)[ \t]+([A-Za-z]\w*)[ \t]+(?:column|field|attribute)[ \t]+"
            r"should[ \t]+be[ \t]+(?:called[ \t]+|named[ \t]+)?([a-z]+_\w+)[ \t]*[.!]?[ \t]*$",
            re.I | re.M,
        ),
        r"rename \2 in \1 to \3",
    ),
    # "rename siret number into company number"
    (re.compile(r"\b(rename|renamed|renaming|change|changed)\b([^.!?\n]{1,60}?)\binto\b", re.I), r"\1\2to"),
)
