"""The value the rows already stored get for a new field, said of those rows: "existing tickets should get 'normal'",
"the ones already in the db can start at 0", "existing orders = 0.0", "0.2 for the existing ones".

Part of ``defaults``: the clause is taken out of the request before the rules read it, and its value is the new
field's default.
"""

from __future__ import annotations

from collections.abc import Sequence

from baes.recognition.request_tokens import Tok
from baes.recognition.spoken_numbers import NUMBER_WORDS as SPOKEN_NUMBERS


def for_existing_rows(lows: Sequence[str], at: int) -> bool:
    """ "for the existing ones", "for everyone already in there", "for old rows", "on the venues we already have":
    which rows a value is for."""
    if lows[at] == "on":
        return _for_rows_we_have(lows, at)  # "put 0 on the venues we already have"; not "on Venue"
    if lows[at] != "for":
        return False
    return _for_rows_we_have(lows, at) or any(low in EXISTING_WORDS or low in _EVERYONE for low in lows[at + 1 : at + 4])


def _for_rows_we_have(lows: Sequence[str], at: int) -> bool:
    """ "for the rooms we have", "for those you already have": the rows already stored."""
    after = lows[at + 1 : at + 6]
    return any(a in {"we", "you"} and b in {"have", "already"} for a, b in zip(after, after[1:], strict=False))


#: Words saying a clause is about the rows already stored ("existing tickets should get 'normal'").
EXISTING_WORDS = frozenset({"existing", "already", "current", "currently", "old", "past", "previous"})
#: Of those, the words that name the rows ("existing claims", "old entries"); "already" and "currently" name none.
ROWS_WORDS = EXISTING_WORDS - {"already", "currently"}
#: Verbs giving those rows their value, and the words that may follow them before it.
_VALUE_VERBS = frozenset(
    {"get", "gets", "start", "starts", "starting", "put", "be", "set", "use", "take", "have", "say", "give", "leave"}
    | {"=", "default", "defaults"}
)  # "existing orders = 0", "existing ones should default to false"
#: Forms of "be" that say the state of the rows: "existing claims are not flagged", "old entries: no sound".
_STATE_VERBS = frozenset({"are", "is", "were", "stay", "remain", ":", "="})
_NEGATIONS = frozenset({"not", "no", "never"})
_VALUE_LINKS = frozenset(
    {"at", "to", "as", "with", ":", "=", "value", "just", "set", "marked", "initialised", "initialized", "left", "kept"}
)
_CLAUSE_MARKS = frozenset({".", "(", ")", ";"})
#: Words that end a value and start what is said about it ("default True so every category stays active", "0, which
#: we treat as unlimited", "5.0 please"): a value is a literal, never a clause.
VALUE_ENDS = frozenset({"so", "since", "because", "which", "unless", "until", "while", "though", "if", "please", "pls", "thanks"})


def ends_value(lows: Sequence[str], at: int) -> bool:
    """Whether the word at ``at`` ends a value literal: a clause word, or "for now"."""
    return lows[at] in VALUE_ENDS or (lows[at] == "for" and lows[at + 1 : at + 2] == ["now"])


#: Values only a flag takes: a default of "false" among several new fields is the one flag's.
FLAG_VALUES = frozenset({"true", "false", "yes", "no"})
#: States of stored rows that say they are safe, not a value they get ("existing data must be kept").
_KEPT_STATES = frozenset(
    {"kept", "preserved", "untouched", "intact", "safe", "unchanged", "retained", "migrated", "not lost", "kept as is"}
)


def take_existing_rows_value(toks: Sequence[Tok]) -> tuple[list[Tok], str | None]:
    """``toks`` without a clause giving the value of rows already stored, and that value.

    "Existing tickets should get 'normal'", "the ones already in the db can start at 0", "(for
    people already in the system just put 2020-01-01)": the value every new attribute gets for the
    rows that exist, like "with default …".
    """
    lows = [t.low for t in toks]
    said = [i for i, low in enumerate(lows) if low in EXISTING_WORDS and not _names_a_field(toks, i)]
    for at in said:  # "don't lose any of the current rooms! the rate for the existing ones can be 85": the one with a value
        rest, value = _take_at(toks, lows, at)
        if value is not None or len(rest) != len(toks):
            return rest, value
    rows_at = next((i for i in range(len(lows)) if lows[i] == "for" and _for_rows_we_have(lows, i)), None)
    if said or rows_at is None:
        return list(toks), None
    start = rows_at  # "leave it unticked for all the members we have": the rows said after the value
    while start > 0 and lows[start - 1] not in _CLAUSE_MARKS and lows[start - 1] != ",":
        start -= 1
    return _value_before(toks, start, rows_at + 1)


def _take_at(toks: Sequence[Tok], lows: Sequence[str], at: int) -> tuple[list[Tok], str | None]:
    """``take_existing_rows_value`` for the rows named at ``at``."""
    start = at
    while start > 0 and lows[start - 1] not in _CLAUSE_MARKS and lows[start - 1] != ",":
        start -= 1  # "add status to Claim, existing claims should be 'open'": the comma starts the clause
    stop = at
    while stop < len(toks) and lows[stop] not in _CLAUSE_MARKS:
        stop += 1
    verb = next((i for i in range(at + 1, stop) if lows[i] in _VALUE_VERBS and not _we_have(lows, i)), None)
    if verb is not None and any(low in {"not", "never", "no"} for low in lows[at:verb]):
        return list(toks), None  # "old prescriptions won't have one": they go without, no value is given
    if verb is None and (set_before := _set_before(lows, start, at, stop)) is not None:
        start, verb = set_before  # "and set the existing ones to 'Unknown'": the verb before the rows
    value_at = at + 3 if lows[at + 2 : at + 3] in ([":"], ["to"]) else at + 2  # "existing policies -> false"
    if verb is None and stop == value_at + 1 and _a_value(lows[value_at]):
        verb = value_at - 1  # "existing orders = 0.0" (the "=" is no word), "existing orders: false"
    negated_state = _negated_state(lows, at, stop)
    if verb is None and negated_state is not None:  # "existing claims are not flagged", "old entries: no sound"
        rest = [
            *toks[: start - 1 if start and lows[start - 1] == "(" else start],
            *toks[stop + (lows[stop : stop + 1] == [")"]) :],
        ]
        if any(low in _UNCHANGED for low in lows[negated_state:stop]):
            return rest, None  # "existing claims are not affected": they keep what they hold, no value is said
        return rest, " ".join(t.text for t in toks[negated_state:stop])
    if verb is None:
        return _value_before(toks, start, at)
    literal = _value_after(toks, verb, stop).split(" for ")[0]  # "can have 1 for number in household": the value
    if len(said := literal.split()) > _LONGEST_VALUE and not _named_then_value(said):
        # "get 10, that's the standard package": the value, then a clause
        literal = said[0] if _a_value(said[0].lower()) else ""  # "already it would be great to have a log book": no value
    if not literal:
        return list(toks), None
    if stop < len(toks) and lows[stop] == ")" and start > 0 and lows[start - 1] == "(":
        start, stop = start - 1, stop + 1
    if literal.lower() in _KEPT_STATES | _UNCHANGED:
        return [*toks[:start], *toks[stop:]], None  # "existing data must be kept": a reassurance, no value
    return [*toks[:start], *toks[stop:]], VALUE_NUMBERS.get(literal.lower(), literal)


def _named_then_value(said: Sequence[str]) -> bool:
    """ "the number of staff as 0": a field's name of up to four words, a link word, and a value of one or two."""
    link = next((i for i in range(len(said) - 1, 0, -1) if said[i].lower() in {"as", "to", "=", ":"}), None)
    return link is not None and link <= _LONGEST_VALUE and len(said) - link - 1 in (1, 2) and said[0].lower() not in _VALUE_VERBS


def _negated_state(lows: Sequence[str], at: int, stop: int) -> int | None:
    """Where "not flagged" / "no sound" starts in "existing claims are not flagged", "old entries: no sound",
    "(existing orders = not rush)": a state of the new flag the rows lack, at most two words long."""
    if lows[at] not in ROWS_WORDS:
        return None  # "we have them already but they're not connected": no rows named
    verb = next((i for i in range(at + 1, min(at + 4, stop)) if lows[i] in _STATE_VERBS or i == at + 1), None)
    if verb is not None and lows[verb + 1 : verb + 2] != [] and lows[verb + 1] not in _NEGATIONS:
        verb = next((i for i in range(verb + 1, min(at + 4, stop)) if lows[i] in _STATE_VERBS), None)  # "claims are"
    if verb is None or verb + 1 >= stop or lows[verb + 1] not in _NEGATIONS or not 1 <= stop - verb - 2 <= 2:
        return None
    return verb + 1


#: States that say the stored rows are left as they are, not a flag they lack.
_UNCHANGED = frozenset(
    {"affected", "changed", "touched", "impacted", "modified", "deleted", "lost", "removed", "migrated", "broken", "updated"}
)


def _a_value(low: str) -> bool:
    """A literal said alone as a value: a number or a yes/no word."""
    return low in FLAG_VALUES or low.replace(".", "", 1).isdigit()


def _we_have(lows: Sequence[str], at: int) -> bool:
    """ "… the venues we already have": "have" says which rows, it gives them no value."""
    return (
        lows[at] == "have"
        and lows[at - 1] in {"we", "you", "already", "currently"}
        and lows[at + 1 : at + 2] not in ([","], [":"])
    )


def _names_a_field(toks: Sequence[Tok], at: int) -> bool:
    """ "current temperature", "old address": a field named with the word, not the rows already stored
    ("current members", "old guests", "the current ones")."""
    if toks[at].low not in {"current", "old", "past", "previous"} or at + 1 >= len(toks) or not toks[at + 1].word:
        return False
    nxt = toks[at + 1]
    return nxt.sing == nxt.low and nxt.low not in _EVERYONE


def _set_before(lows: Sequence[str], start: int, at: int, stop: int) -> tuple[int, int] | None:
    """ "set the existing ones to 'Unknown'", "put all current members at 0": where the clause starts and
    the token before the value's link, or None."""
    verb = next((i for i in range(at - 1, max(start, at - 3) - 1, -1) if lows[i] in {"set", "put", "mark"}), None)
    link = next((i for i in range(at + 1, stop) if lows[i] in {"to", "at", "as"}), None)
    if verb is None or link is None or any(low not in {"the", "all", "our"} for low in lows[verb + 1 : at]):
        return None
    begin = verb
    while begin > start and lows[begin - 1] in {",", "and"}:
        begin -= 1
    return begin, link - 1


#: Words that point at the field, never its value ("it for the existing ones").
_POINTING = frozenset({"it", "them", "this", "that", "those", "these", "all", "and", "or", "but", "so"})
#: Numbers said as words ("they should all be zero"); not "one", which is a pronoun as often ("never had one").
VALUE_NUMBERS = {word: number for word, number in SPOKEN_NUMBERS.items() if word != "one"}
#: The most words a value for the stored rows has ("'in stock'", "not gluten free", "mooring fee 0"); more is a clause.
_LONGEST_VALUE = 4
#: Values that say the rows hold nothing: the field is optional, it gets no value.
_EMPTY_VALUES = frozenset({"empty", "blank", "null", "optional", "nothing", "none", "unset"})
#: Words that say what happens to the stored rows, never a value they get ("nothing saved can be lost", "leave it empty").
NO_VALUE_WORDS = _KEPT_STATES | _UNCHANGED | _EMPTY_VALUES
#: Words for all the rows: "for everyone already in there", "for all existing members".
_EVERYONE = frozenset({"everyone", "everybody", "all", "every", "each", "those", "ones", "rows", "records", "entries"})


def _value_after(toks: Sequence[Tok], verb: int, stop: int) -> str:
    """The literal between a value verb and ``stop``: "get 'normal'", "start at 0" → "normal", "0"."""
    first = verb + 1
    if first + 1 < stop and toks[first].low in {"it", "them", "everyone", "all", "both"}:
        first += 1  # "set it to pending", "start everyone at 0", "leave it unticked"
    while first < stop and toks[first].low in _VALUE_LINKS:
        first += 1
    lows = [t.low for t in toks]
    stop = next((i for i in range(first + 1, stop) if for_existing_rows(lows, i) or ends_value(lows, i)), stop)
    stop = next(
        (i for i in range(first + 1, stop) if lows[i] == "," and lows[i + 1 : i + 2] == ["not"]), stop
    )  # "false, not NULL"
    return " ".join(t.text for t in toks[first:stop] if t.low != ",").strip()


def _value_before(toks: Sequence[Tok], start: int, at: int) -> tuple[list[Tok], str | None]:
    """ "…, starting at 0 for everyone already in there": the value comes before "for" and the rows."""
    lows = [t.low for t in toks]
    for_at = next((i for i in range(at - 1, start - 1, -1) if for_existing_rows(lows, i)), None)
    verb = next((i for i in range(for_at - 1, start - 1, -1) if lows[i] in _VALUE_VERBS), None) if for_at else None
    if for_at is not None and verb is None and 0 < for_at - start <= 2 and lows[start] not in _POINTING:
        verb = start - 1  # "add tax_rate to Category, 0.2 for the existing ones": the value alone opens its clause
    if for_at is None or verb is None:
        return list(toks), None
    literal = _value_after(toks, verb, for_at)
    if not literal or literal.lower() in _EMPTY_VALUES:
        return list(toks), None  # "leave it empty for the ones we have": optional, no value
    begin = verb
    while begin > start and lows[begin - 1] in {",", "and", "with"}:
        begin -= 1
    stop = at
    while stop < len(toks) and lows[stop] not in _CLAUSE_MARKS:
        stop += 1
    return [*toks[:begin], *toks[stop:]], literal
