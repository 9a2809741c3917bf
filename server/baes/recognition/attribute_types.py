"""Attribute types read from the grammar of a name when its words alone say nothing.

``vocabulary.infer_type`` types a name from the words it knows ("hire_date" → date, "max_guests"
→ int). A name it leaves as text may still say its type by its shape: a state word is a flag
("attended", "gift wrapped", "machine washable", "vegan", "sells tickets", "out of stock"), a
participle before "on" or "until" a date ("shipped on", "valid until"), a rate a number ("meals per
day"), and a qualified number the number it qualifies ("quantity on hand", "revenue target"). A regular participle is
recognized by its verb (``participles``: no part-of-speech tagger is installed).
"""

from __future__ import annotations

from collections.abc import Sequence

from baes.recognition import vocabulary as vocab
from baes.recognition.counted_plurals import LISTED_PLURALS, plural_type
from baes.recognition.participles import is_participle
from baes.recognition.phrase_types import phrase_type
from baes.recognition.request_tokens import SEPARATORS, Tok, word_token
from baes.recognition.state_words import (
    FOR_STATES,
    PARTICLES,
    PERIOD_STATES,
    STATE_ADJECTIVES,
    STATE_PREPOSITIONS,
    STATE_SUFFIXES,
    TIME_PARTICIPLES,
    WILLING_WORDS,
    is_state_word,
    takes_preposition,
    third_person,
)
from baes.recognition.type_annotations import annotation_type, category_head, choices_span, is_unit, scale_at

# fmt: off
#: Verbs before "on" that make it a date: "due on", "expires on" (participles qualify by themselves).
DATE_ON_WORDS: frozenset[str] = frozenset({"due", "expires", "starts", "ends", "happens", "occurs", "falls",
                                           "renews", "closes", "opens", "born", "spent", "remind", "review", "renew",
                                           "expire", "start", "end", "return", "visit", "pay", "deliver", "collect",
                                           "set", "shot", "cut", "rung", "sung", "sat", "out", "back", "run"})
#: Periods counted in days, whose start and end are dates ("lease start"; a shift starts at a time).
PERIODS: frozenset[str] = frozenset({"lease", "period", "contract", "placement", "term", "season", "subscription", "membership",
                                     "rental", "tenancy", "employment", "project", "campaign", "trip", "holiday",
                                     "vacation", "leave", "warranty", "policy", "coverage", "semester", "internship",
                                     "sprint", "loan", "tour", "festival", "residency", "stay", "booking"})
#: Amounts that stay amounts when paid ("amount paid"); anything else paid is a flag ("deposit paid").
PAID_AMOUNTS: frozenset[str] = frozenset({"amount", "total", "sum", "money", "cash", "balance", "sum_total", "price"})
#: Events after "last" that make it the date it last happened ("last checkup", "last service").
LAST_EVENTS: frozenset[str] = frozenset({"visit", "service", "check", "contact", "review", "maintenance", "trip",
                                         "session", "treatment", "update", "backup", "sync", "seen", "cleaning",
                                         "repair", "donation", "order", "purchase", "delivery", "meeting"})
#: -tion words that name no event ("last location" is a place).
NOT_EVENTS: frozenset[str] = frozenset({"version", "question", "edition", "station", "nation", "condition", "direction",
                                        "section", "option", "location", "position", "description", "destination",
                                        "occupation"})
#: Participles before "on" that make a state, not a date: "switched on", "logged on".
STATE_ON: frozenset[str] = frozenset({"turned", "switched", "logged", "plugged", "powered"})  # "signed on": the day
#: Participles before "on" that make a relation, not a date: "based on", "focused on".
NOT_DATE_ON: frozenset[str] = STATE_ON | frozenset({"based", "focused", "relied", "depended", "passed", "built",
                                                    "modeled", "modelled", "put", "carried"})
#: Prepositions after a typed head: "quantity on hand", "weight at birth", "cost of repair".
HEAD_PREPOSITIONS: frozenset[str] = frozenset({"on", "in", "at", "of", "for", "from", "before", "after", "to"})
#: Last words that keep the type of what they qualify: "population estimate", "revenue target".
HEAD_QUALIFIERS: frozenset[str] = frozenset({"estimate", "estimated", "target", "goal", "forecast",
                                             "projection", "threshold", "projected", "expected", "planned",
                                             "actual", "average", "avg"})
#: Position and ordering names ("display order", "sort index") → int.
POSITION_HEADS: frozenset[str] = frozenset({"display", "sort", "sorting", "sequence", "menu", "list", "rank"})
POSITION_WORDS: frozenset[str] = frozenset({"order", "index", "position", "rank", "number"})
#: Last words that keep the type of the number they bound or change: "salary min", "quantity change".
BOUND_WORDS: frozenset[str] = frozenset({"min", "max", "minimum", "maximum", "change", "delta", "adjustment", "limit", "cap"})
# fmt: on

#: Things numbered one after another: their number is a count along the sequence, not a label.
_IN_SEQUENCE = frozenset(
    "episode dose issue round dive period session step season replicate lap heat chapter attempt floor".split()
)


def attribute_type(name: str) -> str:
    """The type of a snake_case attribute name: the vocabulary's, else what its grammar says."""
    parts = name.split("_")
    if len(parts) >= 2 and parts[0] in {"percent", "percentage", "pct"}:
        return "float"  # "percent complete", "percentage sold": a share, whatever it is of
    if len(parts) == 2 and parts[1] == "number" and parts[0] in _IN_SEQUENCE:
        return "int"  # "episode number", "dose number": the place in a sequence; "jersey number" stays a label
    by_whom = parts[-1] == "by" and (len(parts) > 2 or is_participle(parts[0]))  # not "drink by", a date
    if len(parts) >= 2 and (by_whom or parts[-2:] == ["in", "charge"]):
        return "str"  # "signed for by", "paid for by", "nurse in charge": a person, named
    if len(parts) >= 2 and parts[-1] in {"required", "needed"} and _a_thing_needed(parts[:-1]):
        return "bool"  # "deposit required", "permit needed": whether one is; "amount required", "seats needed" say how much
    if len(parts) >= 2 and parts[-1] in WHICH_PARTICIPLES and _names_which(parts[:-1], parts[-1]):
        return "str"  # "languages spoken", "flour used", "topics discussed": which, not whether
    if len(parts) == 3 and parts[0] == "number" and parts[1] in ("in", "on"):
        return "int"  # "number in household", "number on waiting list": how many
    if (
        len(parts) >= 3
        and parts[1] in ("for", "to", "with")
        and takes_preposition(parts[0])
        and ((parts[1] == "to" and parts[0] in WILLING_WORDS) or vocab.infer_type(parts[-1]) == "str")
    ):
        return "bool"  # "willing to relocate", "ready for pickup", "treated for mites": yes or no
    if (
        _state_phrase(parts)
        or (len(parts) >= 2 and parts[-2] == "for" and parts[-1] in FOR_STATES)
        or (len(parts) >= 3 and parts[0] in STATE_ADJECTIVES - PERIOD_STATES and parts[1] in ("from", "for"))
    ):
        return "bool"  # before the vocabulary: "out of stock" says nothing about a stock, "exempt from charges" of charges
    if (said := phrase_type(parts)) is not None:
        return said  # "name of deceased", "lambed this season", "years experience"
    if len(parts) >= 2 and (parts[0] == "still" or parts[-2:] in (["opt", "in"], ["opted", "in"], ["opt", "out"])):
        return "bool"  # "still laying", "newsletter opt in"
    if len(parts) >= 2 and parts[-1] == "due" and vocab.infer_type("_".join(parts[:-1])) == "str":
        return "date"  # "calibration due"; "amount due" is an amount
    plural = vocab.singularize(parts[0]) != parts[0] or (parts[0].endswith("s") and not parts[0].endswith("ss"))
    if len(parts) == 2 and parts[1] in vocab.COUNTED_PARTICIPLES and plural and not is_unit(parts[0]):
        return (
            "float" if parts[0] == "hours" else "int"
        )  # "jars filled", "shifts worked", "pages read": how many ("tonnes picked", "hours worked" measure)
    if len(parts) == 2 and parts[0] in vocab.COUNT_NOUNS and parts[0] not in {"hours", "minutes"} and is_participle(parts[1]):
        return "int"  # "frames spun", "eggs laid": how many
    if len(parts) == 3 and parts[1] in {"in", "on", "during"} and parts[2] in _SEASONS and vocab.infer_type(parts[0]) == "bool":
        return "bool"  # "active in winter", "open on sunday": whether, when
    if len(parts) == 2 and is_unit(parts[0]) and vocab.singularize(parts[0]) != parts[0] and is_participle(parts[1]):
        return "float"  # "litres bought", "kilos harvested": how much, in that unit
    if len(parts) == 2 and parts[0] in {"location", "place", "where"} and is_participle(parts[1]):
        return "str"  # "location found": where, not whether
    if len(parts) == 2 and parts[0] in {"date", "time"} and (is_participle(parts[1]) or parts[1] in TIME_PARTICIPLES):
        return "date" if parts[0] == "date" else "datetime"  # "date paid", "time arrived": when, not whether
    if (
        len(parts) >= 2
        and parts[-1] in _SETTLED
        and parts[-2] not in PAID_AMOUNTS
        and parts[0] not in {"total", "amount", "sum"}  # "total fees paid": how much
        and (parts[-1] == "paid" or (not plural and vocab.infer_type(parts[-2]) != "int"))
    ):
        return "bool"  # "deposit paid", "fee paid", "deposit returned"; "amount paid" is an amount
    if len(parts) == 2 and parts[0] == "year" and (is_participle(parts[1]) or parts[1] in TIME_PARTICIPLES):
        return "int"  # "year born", "year built"
    if len(parts) >= 2 and parts[-1] in {"limit", "cap"} and parts[-2] in _AMOUNT_LIMITS:
        return "float"  # "credit limit", "monthly data limit": an amount, not how many
    if len(parts) >= 2 and parts[-1] in BOUND_WORDS and (bounded := _head_type(parts[:-1], numeric=True)):
        return bounded  # "salary min" is money, "quantity change" a count
    if len(parts) >= 2 and (parts[-1] in {"limit", "cap"} or (parts[-1] == "balance" and parts[-2] in vocab.COUNT_NOUNS)):
        return "int"  # "volunteer limit", "word cap", "points balance": how many
    if len(parts) >= 2 and (parts[0] in {"flagged", "fully", "partly", "partially"} or parts[-1] in {"expires", "expired"}):
        return "date" if parts[-1] in {"expires", "expired"} else "bool"  # "flagged abnormal", "fully repaid"; "warranty expires"
    if len(parts) >= 2 and parts[0] in {"mean", "average", "avg", "median"}:
        return _head_type(parts[1:], numeric=True) or "float"  # "mean absorbance"; "avg playtime minutes" counts
    known = vocab.infer_type(name)
    if known != "str" or name in vocab.TEXT_OVERRIDES:
        return known
    return _grammar_type(parts) or plural_type(parts) or "str"


#: Participles after a thing that say which one was so, not whether ("chemical used", "body part injured").
WHICH_PARTICIPLES = frozenset(
    {"spoken", "used", "discussed", "practised", "practiced", "involved", "injured", "wanted", "memorised"}
    | {"memorized", "prescribed", "administered", "preferred", "requested", "taught"}
)


def _a_thing_needed(head: list[str]) -> bool:
    """Whether ``head`` names one thing that may be needed ("deposit", "parking permit"), not an amount or a count."""
    last = head[-1]
    return vocab.singularize(last) == last and last not in PAID_AMOUNTS and vocab.infer_type("_".join(head)) in ("str", "float")


def _names_which(head: list[str], participle: str) -> bool:
    """Whether ``head`` + ``participle`` names which thing it was ("flour used", "topics discussed"), not how many
    ("hints used", "classes taught": a plural that lists nothing counts, as ``counted_plurals`` reads it), when ("date
    requested") or how much ("amount requested")."""
    if head[-1] in vocab.COUNT_NOUNS or is_unit(head[-1]) or vocab.infer_type("_".join(head)) != "str":
        return False
    return vocab.singularize(head[-1]) == head[-1] or head[-1] in LISTED_PLURALS


#: Times of the year or week a state may hold in ("active in winter", "open on sunday").
_SEASONS = frozenset(
    """winter summer spring autumn fall weekend weekends weekdays holidays monday tuesday wednesday thursday friday
    saturday sunday morning mornings evening evenings night nights season""".split()
)
#: Participles that settle a sum ("deposit returned", "fee waived", "deposit taken"): whether it happened.
_SETTLED = frozenset({"paid", "returned", "refunded", "received", "waived", "taken", "collected"})
#: Words before "limit" that make it an amount ("credit limit", "overdraft limit", "monthly limit").
# fmt: off
_AMOUNT_LIMITS = frozenset({"credit", "overdraft", "spending", "withdrawal", "loan", "transaction", "purchase", "expense",
                            "payment", "monthly", "daily", "weekly", "annual", "yearly", "data", "budget"})
# fmt: on


def _head_type(parts: list[str], numeric: bool = False) -> str | None:
    kind = attribute_type("_".join(parts)) if parts else "str"
    if kind == "str" or (numeric and kind not in ("int", "float")):
        return None
    return kind


def _grammar_type(parts: list[str]) -> str | None:
    last = parts[-1]
    if len(parts) >= 3 and "per" in parts[1:-1]:  # "meals per day" → int, "milk yield per day" → float
        head = parts[: parts.index("per")]
        return _head_type(head, numeric=True) or ("int" if vocab.singularize(head[-1]) != head[-1] else "float")
    if len(parts) >= 2:
        date = _date_type(parts)
        if date:
            return date
        if parts[0] in {"last", "first"} and len(parts) == 2 and is_participle(last):
            return "date"  # "last watered", "first seen": the day it happened, like "last service"
        if parts[0] in {"last", "next"} and len(parts) == 2 and (last in LAST_EVENTS or _names_an_event(last)):
            return "date"  # "last checkup", "next service"; not "last name"
        if last in {"start", "end"} and parts[-2] in PERIODS:
            return "date"  # "lease start", "placement end"; a shift's start is a time of day (vocabulary)
        if parts[0] in POSITION_HEADS and last in POSITION_WORDS:
            return "int"  # "display order", "sort index"
        preposition = next((i for i, p in enumerate(parts[1:-1], 1) if p in HEAD_PREPOSITIONS), None)
        if preposition is not None and _head_type(parts[:preposition], numeric=True):
            return _head_type(parts[:preposition])  # "quantity on hand"; "time on site" is no moment
        if last in HEAD_QUALIFIERS and _head_type(parts[:-1]):
            return _head_type(parts[:-1])  # "population estimate"
    if len(parts) >= 3 and parts[1] == "by" and is_participle(parts[0]) and parts[0] not in TIME_PARTICIPLES:
        return "bool"  # "approved by patient", "paid by card"; "approved by" alone names who
    return "bool" if _is_flag(parts) else None


def _names_an_event(word: str) -> bool:
    """ "checkup", "inspection", "payment": a word for something that happens, so "last X" is a date."""
    return word.endswith(("up", "ment", "tion")) and word not in NOT_EVENTS and word not in vocab.NAME_WORDS


def _date_type(parts: list[str]) -> str | None:
    last, before = parts[-1], parts[-2]
    if last in {"until", "till", "since", "thru", "through"}:
        return "date"  # "valid until", "member since"
    if before in {"due", "return", "back"} and last in {"back", "by"}:
        return "date"  # "due back", "return by", "back by"
    if last == "from" and before in PERIOD_STATES:
        return "date"  # "available from"; "moved from" is a place
    if last == "on" and before not in NOT_DATE_ON and (before in DATE_ON_WORDS or is_participle(before)):
        return "date"  # "collected on", "due on"
    if last == "on" and len(parts) >= 3 and before in PARTICLES and is_participle(parts[-3]):
        return "date"  # "dropped off on", "handed out on", "checked out on"
    if last == "on" and len(parts) == 3 and parts[0] == "last" and before not in NOT_DATE_ON:
        return "date"  # "last sung on", "last rung on": the day it last happened, whatever the verb's form
    return None


def _state_phrase(parts: list[str]) -> bool:
    """ "out of stock", "out of print"; two words led by a preposition: "in stock", "on sale", "under warranty"."""
    if len(parts) >= 3 and parts[0] == "out" and parts[1] == "of":
        return True
    return (
        len(parts) == 2 and parts[0] in STATE_PREPOSITIONS and parts[1] not in {"time", "date", "at", "hand"}
    )  # "in time": a clock-in


def _is_flag(parts: list[str]) -> bool:
    """Whether a name reads as a yes/no state: see the module docstring."""
    last = parts[-1]
    if len(parts) == 1:
        return is_state_word(last)
    if parts[0] in {"auto", "available", "unavailable"}:
        return True  # "auto renew", "available weekends"; "available seats" is a count (vocabulary)
    if third_person(parts[0]):
        return True  # "sells organic produce", "accepts cash"
    if last in STATE_SUFFIXES:
        return True  # "gluten free", "pets allowed", "signature required"
    if last in PARTICLES and is_participle(parts[-2]) and parts[-2] not in TIME_PARTICIPLES:
        return True  # "sold out", "checked in"
    if last == "on" and parts[-2] in STATE_ON:
        return True  # "switched on"
    if len(parts) == 2 and last == "for" and parts[0] in {"signed", "paid", "accounted"}:
        return True  # "signed for", "paid for"; "offered for" names for whom
    if len(parts) == 2 and parts[0] in _FEATURE_ADJECTIVES and _a_feature(last):
        return True  # "private bathroom", "free entry", "electric hookup": whether it has one
    if len(parts) == 2 and last in _DONE_TO and parts[0] not in {"last", "first", "date", "time", "when", "recently"}:
        return vocab.singularize(parts[0]) == parts[0]  # "linen changed": whether; "parts changed": which; "last changed": when
    return is_state_word(last)  # "wheelchair accessible", "hazardous materials allowed"


#: Time participles that say a thing was done to the noun before them ("linen changed", "bins logged").
_DONE_TO = frozenset({"changed", "recorded", "logged", "edited"})


#: Adjectives that make a feature of the noun after them ("private bathroom", "free entry", "dual controls"); not
#: "primary" or "favourite", which pick a value ("primary physician", "favourite colour").
# fmt: off
_FEATURE_ADJECTIVES = frozenset({"private", "free", "electric", "late", "dual", "single", "unlimited", "manual", "salt",
                                 "public", "vegetarian", "open"})
# fmt: on


def _a_feature(noun: str) -> bool:
    """A noun such an adjective makes a feature of ("bathroom", "entry", "calls"): no name or thing of its own."""
    singular = vocab.singularize(noun)
    return not (singular in vocab.NAME_WORDS or singular in vocab.ENTITY_NOUNS or noun in vocab.TYPE_WORDS)


def mark_types(toks: Sequence[Tok]) -> list[Tok]:
    """Type phrases as one type word, before the list is split on "/", "or" and commas:
    "true/false", "yes/no", "yes or no", "… or not" → ``boolean``; "in dollars", "in kg", "in mAh" → ``float``."""
    result: list[Tok] = []
    i = 0
    while i < len(toks):
        low = toks[i].low
        nxt = toks[i + 1].low if i + 1 < len(toks) else None
        if i + 2 < len(toks) and nxt in ("/", "or") and (low, toks[i + 2].low) in vocab.BOOL_PAIRS:
            result.append(word_token("boolean"))
            i += 3
            continue
        if low == "or" and nxt == "not" and result and result[-1].word and _ends_item(toks, i + 2):
            result.append(word_token("boolean"))  # "alcoholic or not"
            i += 2
            continue
        annotated = annotation_type([t.low for t in toks[i : i + 8]], name_type(result)) if low == "(" else None
        if annotated is not None:  # "weight (kg)", "attendance (number)": the type, no part of the name
            said = (word_token(annotated.type_word),) + ((word_token(annotated.presence),) if annotated.presence else ())
            result.extend((toks[i], *said, word_token(")")))
            i += annotated.span
            continue
        lows = [t.low for t in toks[i : i + 12]] if low == "(" and result and result[-1].word else []
        head = category_head([t.low for t in result]) if lows else ""  # "type of contribution (…)"
        for kind, choices in (("text", choices_span(lows, head=head)), ("integer", choices_span(lows, numbers=True))):
            if choices is not None:  # "priority (low/medium/high)", "dose (1, 2 or 3)": values of the field
                result.extend((toks[i], word_token(kind), word_token(")")))
                i += choices
                break
        else:
            choices = None
        if choices is not None:
            continue
        scale = scale_at([t.low for t in toks[i:]]) if result and result[-1].word else None
        if scale is not None:  # "pain score (0-10)", "rating 1 to 5", "score out of 10": the scale is the type
            result.extend([word_token(scale[0])] if scale[0] else [])
            i += scale[1]
            continue
        unit = _unit_after(toks, i, result)
        if unit is not None:
            size = 3 if toks[i + 1].low in {"square", "cubic", "sq", "cu"} else 2  # "in square meters"
            after = [t.low for t in toks[i + size : i + size + 8]]
            explicit_after = (
                len(after) > 1
                and after[0] == "("
                and (after[1] in vocab.TYPE_WORDS or annotation_type(after, "float") is not None)
            ) or _type_said_as(toks[i + size : i + size + 4])
            if not explicit_after:  # "dosage in mg (decimal)", "deviation in mm as float": the type is said after
                result.append(word_token(unit))
            i += size
            continue
        result.append(toks[i])
        i += 1
    return result


def _unit_after(toks: Sequence[Tok], i: int, before: Sequence[Tok]) -> str | None:
    """The type an "in …" phrase at ``toks[i]`` gives the attribute before it, or None.

    A currency or unit of measure is an amount ("cost in dollars", "dosage in mg" → float); a plural
    noun ending the item is what the number counts ("term in months", "capacity in pallets" → int)
    when that noun counts things or the name before it is already a number ("interested in sports" and
    "years in business" stay as they are).
    """
    if toks[i].low != "in" or i + 1 >= len(toks) or not before or not before[-1].word:
        return None
    nxt = toks[i + 1]
    if is_unit(nxt.low):
        return "float"
    if nxt.low in {"square", "cubic", "sq", "cu"} and i + 2 < len(toks) and is_unit(toks[i + 2].low):
        return "float"  # "area in square meters"
    if _ends_item(toks, i + 2) and (nxt.low in {"g", "m"} or _unit_abbreviation(nxt.text)):
        return "float"  # "speed in g", "turbidity in NTU"
    head = []
    for tok in reversed(before):
        if not tok.word or tok.low in SEPARATORS:
            break
        head.insert(0, tok.low)
    measured = bool(head) and attribute_type("_".join(head)) == "float"
    if measured and nxt.word and nxt.low not in _NOT_UNIT_WORDS | vocab.COUNT_NOUNS and _ends_item(toks, i + 2):
        return "float"  # "weight in maund", "length in cubits", "price in taka": a unit the vocabulary lacks
    if not nxt.word or nxt.sing == nxt.low or not _ends_item(toks, i + 2) or before[-1].low in vocab.COUNT_NOUNS:
        return None
    if nxt.low in vocab.COUNT_NOUNS:
        return "float" if nxt.low == "hours" else "integer"  # "duration in hours": 1.5 hours, as "hours" alone
    return "integer" if head and attribute_type("_".join(head)) in ("int", "float") else None


#: Words after "in" that say how or where a measure is, not its unit ("paid in full", "weight in total").
_NOT_UNIT_WORDS = frozenset(
    {"total", "advance", "full", "general", "stock", "use", "transit", "progress", "cash", "person", "time"}
)
#: Capitals after "in" that are places, formats or time zones, not units ("made in USA", "export in PDF").
_NOT_UNITS = frozenset(
    {"USA", "UK", "US", "EU", "UAE", "ID", "PDF", "CSV", "UTC", "GMT", "EST", "PST", "CET", "IT", "HR", "AM", "PM"}
)


def _unit_abbreviation(text: str) -> bool:
    """ "NTU", "CFS": two to four capitals naming a unit the vocabulary lacks."""
    return 2 <= len(text) <= 4 and text.isalpha() and text.isupper() and text not in _NOT_UNITS


def name_type(before: Sequence[Tok]) -> str:
    """The type the words of the current item read as by themselves."""
    head: list[str] = []
    for tok in reversed(before):
        if not tok.word or tok.low in SEPARATORS:
            break
        head.insert(0, tok.low)
    return attribute_type("_".join(head)) if head else "str"


def _ends_item(toks: Sequence[Tok], i: int) -> bool:
    """Whether the item's words end at ``toks[i]``: a separator, or "as float" saying its type."""
    return i >= len(toks) or toks[i].low in SEPARATORS or toks[i].low == ")" or _type_said_as(toks[i:])


def _type_said_as(toks: Sequence[Tok]) -> bool:
    """ "as float", "as an integer": the type said after a name."""
    said = [t.low for t in toks[1:4] if t.low not in {"a", "an"}]
    return bool(toks) and toks[0].low == "as" and said[:1] != [] and said[0] in vocab.TYPE_WORDS
