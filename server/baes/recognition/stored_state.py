"""What the rows already stored hold for a new field, said in a sentence of its own: "Give Project a status field.
All current ones are active.", "Reservation needs 'deposit paid' (yes/no). Nobody has paid one yet.", "add vaccinated
true/false. all the animals in there now were vaccinated already so true for those".

Part of ``baes.recognition.paragraph``: after the sentence that adds fields to an app that holds data, a later
sentence about the rows already stored (existing, old, current, past, already, now, yet, nobody, everyone) that
gives a value (a number, a yes/no or ticked/unticked word, a one-word state) or says the new flag of them (negated
or not) is that field's value for those rows, the default the migration fills in. A sentence that only reassures
("Nothing already saved can be lost") or says the field may be empty gives no value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from baes.recognition.defaults import GENERIC_NAME_WORDS
from baes.recognition.existing_rows import EXISTING_WORDS, NO_VALUE_WORDS, VALUE_NUMBERS
from baes.recognition.model import Draft
from baes.recognition.request_tokens import Tok
from baes.scaffold.spec import AttributeSpec

#: Words that say a sentence is about the rows already stored ("existing", "old", … and "now", "yet", "nobody").
_STORED_ROWS = EXISTING_WORDS | {"now", "yet", "nobody", "none", "everyone", "everybody", "anybody", "anyone"}
#: Words that negate the state a sentence gives the stored rows ("Nobody has paid one yet", "they are not active").
_NEGATIONS = frozenset({"not", "no", "never", "nobody", "none", "nothing", "without"})
#: Spoken flag values and the value a flag stores for them; not "no", "on", "off" or "y", which a sentence uses otherwise.
_FLAG_WORDS = {
    "true": "true",
    "yes": "true",
    "ticked": "true",
    "checked": "true",
    "false": "false",
    "unticked": "false",
    "unchecked": "false",
}
#: States that say the stored rows are safe or empty, not a value they get ("nothing saved can be lost", "can be empty");
#: "none" and "nothing" name the rows here ("None of them has paid yet").
_NO_VALUE = (NO_VALUE_WORDS - {"none", "nothing"}) | {"missing", "unknown", "nullable", "wiped", "overwritten"}
#: Forms of "be" after which one word is the state of the stored rows ("All current ones are active.").
_BE = frozenset({"is", "be", "was", "were"})
#: The most words a sentence giving the stored rows a one-word state has ("all the projects we have now are active").
_SHORT = 8
#: Words of a change request: such a sentence asks for something of its own.
_ASKING = frozenset({"add", "remove", "delete", "rename", "drop", "create", "need", "needs", "want", "make", "also"})


def state_said_later(draft: Draft, sentences: Sequence[list[Tok]], index: int, used: set[int]) -> tuple[Draft, set[int]]:
    """``draft`` (fields added to an app's entity) with the value a later sentence gives the rows already stored, and
    the index of that sentence; ``draft`` unchanged when no sentence after ``index`` (and not in ``used``) gives one."""
    attributes = draft.entity.attributes
    if draft.intent != "add_attributes" or draft.defaults or not attributes:
        return draft, set()
    for at in range(index + 1, len(sentences)):
        if at in used:
            continue
        found = _state_of(sentences[at], attributes)
        if found is not None:
            return replace(draft, defaults=(found,)), {at}
    return draft, set()


def _state_of(sentence: Sequence[Tok], attributes: Sequence[AttributeSpec]) -> tuple[str, str] | None:
    """The (field, value) a sentence about the stored rows gives, or None."""
    words = [t for t in sentence if t.word]
    lows = [t.low for t in words]
    if not _STORED_ROWS & set(lows) or _ASKING & set(lows) or _NO_VALUE & set(lows):
        return None
    named = _named(attributes, {t.sing for t in words} | set(lows))
    flag_value = next((_FLAG_WORDS[low] for low in lows if low in _FLAG_WORDS), None)
    number = next((VALUE_NUMBERS.get(low, low) for low in lows if low in VALUE_NUMBERS or low.isdigit()), None)
    if flag_value is not None:
        flags = [a for a in named if a.type == "bool"] or [a for a in attributes if a.type == "bool"]
        return (flags[0].name, flag_value) if len(flags) == 1 else None
    if number is not None:
        numbers = [a for a in named if a.type in ("int", "float")] or [a for a in attributes if a.type in ("int", "float")]
        return (numbers[0].name, number) if len(numbers) == 1 else None
    flags = [a for a in named if a.type == "bool"]
    if len(flags) == 1:  # "Nobody has paid one yet", "all the animals in there now were vaccinated"
        return flags[0].name, "false" if _NEGATIONS & set(lows) else "true"
    texts = [a for a in attributes if a.type == "str"]
    if len(attributes) == 1 and len(texts) == 1 and 3 <= len(lows) <= _SHORT and lows[-2] in _BE and not _NEGATIONS & set(lows):
        return texts[0].name, lows[-1]  # "All current ones are active."
    return None


def _named(attributes: Sequence[AttributeSpec], said: set[str]) -> list[AttributeSpec]:
    """The new fields a word of the sentence names (a word of the field's name that says which one)."""
    return [a for a in attributes if (set(a.name.split("_")) - GENERIC_NAME_WORDS) & said]
