"""A field's type described in words rather than named: "an amount in pounds and pence", "the price should allow
pence", "a sale time with both the date and the hour", "last cleaned at (date plus time)", "(it's money, so
decimals)", "the seat row is a letter", "the performance date is just a day", "weight limit in kg, which can be a
decimal", "severity as a number from 1 to 5", "the accession number must be text because it contains dots".

People who do not think in column types say what a value looks like. Read as words, the description became part of
the name ("price_allow_pence", "sale_time_both_date"), a field of its own ("pence", "hour") or stopped the list.
Each description is said as the parenthesis the rules read ("(money)", "(datetime)", "(decimal)", "(date)",
"(text)", "(integer)"), so the name before it keeps its own words. Part of the canonical text (through
``request_framing.unframed``), so it shapes the cache key too.
"""

from __future__ import annotations

import re

_MONEY_UNITS = (
    r"(?:pounds|dollars|euros|francs|rands?|rupees|pesos|quid|bucks)[ \t]+(?:and|&|/)[ \t]+(?:pence|cents?|centimes|paise|p)"
)
_DATE_AND_TIME = (
    r"(?:the[ \t]+|an?[ \t]+)?(?:date|day)(?:[ \t]+(?:and|plus|with)[ \t]+|[ \t]*[&+][ \t]*)(?:the[ \t]+)?(?:time|hour|minute)s?"
    r"|(?:the[ \t]+)?(?:time|hour)(?:[ \t]+(?:and|plus)[ \t]+|[ \t]*[&+][ \t]*)(?:the[ \t]+)?(?:date|day)"
)
#: What a described value is, as the type word the rules read, each with the words that describe it.
_DESCRIBED = (
    ("money", rf"money|currency|cash|{_MONEY_UNITS}"),
    ("datetime", rf"{_DATE_AND_TIME}|timestamp"),
    ("decimal", r"decimals?|(?:a[ \t]+)?decimal[ \t]+number|fractions?|(?:a[ \t]+)?number[ \t]+with[ \t]+decimals"),
    ("integer", r"(?:a[ \t]+)?whole[ \t]+numbers?|(?:an[ \t]+)?integer|(?:a[ \t]+)?count"),
    ("date", r"(?:just[ \t]+|only[ \t]+)?(?:a[ \t]+|the[ \t]+)?(?:day|date)(?:[ \t]+only)?"),
    ("text", r"(?:a[ \t]+)?(?:letters?|text|words?)(?:[ \t]+in[ \t]+it)?"),
)

#: The words before a description inside a parenthesis: "(it's money, …)", "(it can have decimals)".
_LEAD = (
    r"(?:it[ \t]*'?s[ \t]+|it[ \t]+is[ \t]+|its[ \t]+|as[ \t]+|in[ \t]+|an?[ \t]+"
    r"|it[ \t]+(?:can|may|might|will|could|has|must)[ \t]+(?:have[ \t]+|be[ \t]+|hold[ \t]+|include[ \t]+)?(?:an?[ \t]+)?)?"
)


def _one_of(kinds: tuple[str, ...]) -> str:
    return "|".join(f"(?P<{kind}>{said})" for kind, said in _DESCRIBED if kind in kinds)


def _type_word(match: re.Match[str]) -> str:
    found = match.groupdict()
    return next(kind for kind, _ in _DESCRIBED if found.get(kind) is not None)


_ALL = tuple(kind for kind, _ in _DESCRIBED)
#: A parenthesis that holds a description and maybe why: "(date and time, to the minute)", "(it's money, so
#: decimals)", "(it has letters in it)", "(date plus time)"; not one that says more ("(text, optional)").
_ASIDE = re.compile(
    rf"\([ \t]*{_LEAD}(?:{_one_of(_ALL)})(?:[ \t]*,?[ \t]+(?:so|to|because|since|as|in|for|like|e\.?g\.?)\b[^()\n/=]*)?[ \t]*\)",
    re.I,
)
#: A value said to allow a finer part: "the price should allow pence", "can take decimals".
_ALLOWS = re.compile(
    r"[ \t]+(?:should|must|can|will|needs?[ \t]+to|has[ \t]+to)[ \t]+(?:allow|accept|take|have|hold|include|store)[ \t]+"
    r"(?:for[ \t]+)?(?P<part>pence|cents?|decimals?|decimal[ \t]+places?|fractions?)\b",
    re.I,
)
#: Money in two units, or a date with its time, said after the name: "an amount in pounds and pence", "a sale time
#: with both the date and the hour".
_AFTER_NAME = re.compile(
    rf"[ \t]+(?:in[ \t]+(?P<money>{_MONEY_UNITS})"
    rf"|(?:with|including|showing|holding|as)[ \t]+(?:both[ \t]+)?(?P<datetime>{_DATE_AND_TIME}))\b",
    re.I,
)
#: "tested at time", "paid at date time": the moment something happened, the type said where its time would be.
_AT_TIME = re.compile(
    r"(?<=[a-z])[ \t]+at[ \t]+(?:date[ \t]*(?:and|&|\+|/)?[ \t]*time|time)(?=[ \t]*(?:[,;.)]|\band\b|$))", re.I | re.M
)
#: A description said of the name before it: "the seat row is a letter", "the performance date is just a day",
#: "rooms checked is a count", "the damp reading is a percentage with one decimal place", "the accession number must
#: be text because it contains dots", "height and width are in cm with decimals".
_SAID_TO_BE = re.compile(
    rf"[ \t]+(?:is|are|must[ \t]+be|should[ \t]+be|has[ \t]+to[ \t]+be|will[ \t]+be)[ \t]+"
    rf"(?:always[ \t]+|just[ \t]+|only[ \t]+|simply[ \t]+)?"
    rf"(?:(?:an?[ \t]+)?(?P<percentage>percentage|percent)(?:[ \t]+with[ \t]+(?:one|two|\d)[ \t]+decimal(?:[ \t]+places?)?)?"
    rf"|in[ \t]+[a-z]+[ \t]+with[ \t]+(?P<decimal_unit>decimals)|{_one_of(('datetime', 'date', 'text', 'integer'))})"
    rf"(?:[ \t]+(?:because|since|as)[ \t]+[^,;.()\n]*)?(?=[ \t]*(?:[,;.\n)]|\band\b|$))",
    re.I,
)
#: A number said with its range: "severity as a number from 1 to 5", "a score between 0 and 10".
_RANGED = re.compile(
    r"[ \t]+(?:as|is)[ \t]+(?:an?[ \t]+)?(?:number|integer|whole[ \t]+number|score|value)[ \t]+"
    r"(?:from|between)[ \t]+\d+[ \t]*(?:to|and|-)[ \t]*\d+\b",
    re.I,
)
#: A clause after the name that says what it may hold: ", which can be a decimal", ", which may have decimals".
_WHICH_CAN = re.compile(
    r"[ \t]*,?[ \t]+which[ \t]+(?:can|could|may|might|will|should)[ \t]+(?:be|have|hold|include|contain)[ \t]+"
    r"(?:an?[ \t]+)?(?P<part>decimals?|fractions?|pence|cents)\b",
    re.I,
)


#: "a free-text summary": the kind of text said before the one word that names the field (not "a free text field").
_FREE_TEXT_BEFORE = re.compile(
    r"\bfree[ \t-]?(?:form[ \t-]?)?text[ \t]+(?!(?:field|box|column|area|input|entry)\b)(?=[a-z]+[ \t]*(?:[,;.)\n]|\band\b|$))",
    re.I,
)


def types_described(text: str) -> str:
    """``text`` with each described type said as the parenthesis the rules read (see the module docstring)."""
    text = _FREE_TEXT_BEFORE.sub("", text)
    text = _ASIDE.sub(lambda m: f"({_type_word(m)})", text)
    text = _ALLOWS.sub(lambda m: f" ({_finer(m['part'])})", text)
    text = _WHICH_CAN.sub(lambda m: f" ({_finer(m['part'])})", text)
    text = _AFTER_NAME.sub(lambda m: " (money)" if m["money"] else " (datetime)", text)
    text = _RANGED.sub(" (integer)", _AT_TIME.sub(" at (datetime)", text))
    return _SAID_TO_BE.sub(_said_to_be, text)


def _finer(part: str) -> str:
    """The type of a value with pence or cents (money) or decimals."""
    return "money" if part.lower().startswith(("pence", "cent")) else "decimal"


def _said_to_be(match: re.Match[str]) -> str:
    if match["percentage"]:
        return " (percentage)"
    if match["decimal_unit"]:
        return " (decimal)"
    return f" ({_type_word(match)})"
