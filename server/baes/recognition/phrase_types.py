"""Types a name's phrase says whatever its last word is: "name of deceased" is text (no flag), "date of loss" a date, "lambed this
season" a flag (no year), "years experience" a count of years. Read by ``attribute_types.attribute_type``
before the vocabulary."""

from __future__ import annotations

from baes.recognition.participles import is_participle
from baes.recognition.spelling import english_words

#: Heads of "X of Y" names that are text whatever Y is ("name of deceased" is no flag).
_NAMING_HEADS = frozenset({"name", "names", "title", "description", "reason", "cause", "place", "address", "method", "kind"})
_NAMING_HEADS |= {"type", "sort", "category", "source", "status", "style", "mode", "form", "colour", "color", "origin"}
#: Periods a state is said of ("lambed this season").
_PERIODS = frozenset({"season", "year", "month", "week", "term", "semester", "quarter", "spring", "summer", "autumn", "winter"})

#: Heads of "X of Y" names that say when Y begins or ends ("start of apprenticeship"); of a period of hours it is a time.
_BOUNDS = frozenset({"start", "end", "beginning", "finish"})
_HOURS = frozenset({"shift", "class", "lesson", "session", "meeting", "call", "match", "game", "show", "trip", "work", "day"})
_MONEY_HEADS = frozenset({"price", "cost", "amount", "total", "fee", "rate", "salary", "budget"})
#: Second-language names of an email address ("email id", "mail id": Indian English).
_EMAIL_IDS = (["email", "id"], ["mail", "id"], ["e", "mail", "id"], ["e", "mail"])

#: Plural periods a name counts when it opens it ("weeks pregnant").
_COUNTED_PERIODS = frozenset({"years", "months", "weeks", "days", "nights"})


def phrase_type(parts: list[str]) -> str | None:
    """The type the phrase of a snake_case name's ``parts`` says, or None."""
    if len(parts) >= 3 and parts[1] == "of" and parts[0] in _NAMING_HEADS:
        return "str"  # "name of deceased", "reason of visit": the head names it, whatever follows
    if len(parts) >= 3 and parts[1] == "of" and parts[0] in {"date", "time"}:
        return "date" if parts[0] == "date" else "datetime"  # "date of loss" is no amount lost
    if len(parts) >= 3 and parts[-2] in {"this", "last"} and parts[-1] in _PERIODS and is_participle(parts[0]):
        return "bool"  # "lambed this season", "vaccinated this year": whether it happened
    if len(parts) >= 3 and parts[1] == "of" and parts[0] in _BOUNDS:
        return "datetime" if parts[-1] in _HOURS else "date"  # "start of apprenticeship", "end of shift"
    if any(parts[-len(said) :] == list(said) for said in _EMAIL_IDS):
        return "email"
    if len(parts) >= 2 and parts[-1] in {"number", "count"} and _plural_noun(parts[-2]):
        return "int"  # "pages number", "rooms count": the number of them, said in a second language's order
    if parts in (["sum"], ["total", "sum"]):
        return "float"  # "start date, end date, sum": an amount
    if parts in (["date", "and", "time"], ["date", "and", "hour"]):
        return "datetime"
    if parts[-1] == "hour" and "per" not in parts:
        return "datetime"  # "start hour", "hour": a time of day (the hours counted are "hours")
    if len(parts) == 2 and parts[0] in _MONEY_HEADS and len(parts[1]) <= 3:
        return "float"  # "price HT", "rate usd", "total TTC": an amount, with its tax or currency said
    if len(parts) >= 2 and parts[-1] in {"average", "avg", "mean"}:
        return "float"  # "grade average", "batting average"
    if len(parts) == 2 and parts[0] in _COUNTED_PERIODS and not is_participle(parts[1]):
        return "int"  # "years experience", "weeks pregnant", "days overdue": how many of them
    return None


def _plural_noun(word: str) -> bool:
    """A regular plural ("pages", "boxes"); not a word that merely ends in s ("address", "status", "gps", "sms")."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is")) or word in {"sms", "gps", "news"}:
        return False
    return bool(english_words().known([word[:-1], word[:-2]]))  # "pages", "boxes"; not "bpjs"
