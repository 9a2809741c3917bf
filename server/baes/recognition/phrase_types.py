"""Types a name's phrase says whatever its last word is: "name of deceased" is text (no flag), "date of loss" a date, "lambed this
season" a flag (no year), "years experience" a count of years. Read by ``attribute_types.attribute_type``
before the vocabulary."""

from __future__ import annotations

from baes.recognition.participles import is_participle

#: Heads of "X of Y" names that are text whatever Y is ("name of deceased" is no flag).
_NAMING_HEADS = frozenset({"name", "names", "title", "description", "reason", "cause", "place", "address", "method", "kind"})
#: Periods a state is said of ("lambed this season").
_PERIODS = frozenset({"season", "year", "month", "week", "term", "semester", "quarter", "spring", "summer", "autumn", "winter"})

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
    if len(parts) == 2 and parts[0] in _COUNTED_PERIODS and not is_participle(parts[1]):
        return "int"  # "years experience", "weeks pregnant", "days overdue": how many of them
    return None
