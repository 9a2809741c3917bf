"""The value existing rows get for a new required attribute: "… with default 0", ", defaulting to
'open'", ", true by default".

The phrase is taken out of the request before the rules read it (``take_default``) and given to the
one new attribute (``with_default``); ``original_case`` gives the value back as the user wrote it
(the canonical tokens are lower case).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from baes.recognition import vocabulary as vocab
from baes.recognition.attribute_types import attribute_type
from baes.recognition.existing_rows import FLAG_VALUES, ROWS_WORDS, ends_value, for_existing_rows, take_existing_rows_value
from baes.recognition.model import Draft, RecognitionError
from baes.recognition.request_tokens import SEPARATORS, Known, Tok, entity_key
from baes.scaffold.spec import AttributeSpec

#: Spellings of "default" that introduce the value ("defaulting to 'open'", "defaults to 0").
_DEFAULT_WORDS = frozenset({"default", "defaults", "defaulting", "defaulted"})
#: What may stand between the default word and its value, or before a "… by default" value.
DEFAULT_LINKS = frozenset({"of", "to", "value", "is", "=", ":", "set"})
_LITERAL_END = (SEPARATORS - {"/"}) | {"."}  # "default N/A"


def default_follows(toks: Sequence[Tok]) -> str | None:
    """The word a parenthesized "(default …)" follows: in "tracking url, status (default 'pending')"
    the value is the status's, whatever else the request adds."""
    lows = [t.low for t in toks]
    at = next((i for i, low in enumerate(lows) if low in _DEFAULT_WORDS), None)
    if at is None:
        return None
    opening = at - 1
    while opening > 0 and (lows[opening] == "," or lows[opening] in vocab.TYPE_WORDS):
        opening -= 1  # "loyalty points (int, default 0)": the type said first in the same parenthesis
    if opening < 1 or lows[opening] != "(" or not toks[opening - 1].word:
        return None
    return toks[opening - 1].low


_FOR_ALL = re.compile(r"\s+(?:for|to)\s+(?:both|all|each|every\s+one)(?:\s+of\s+them)?$", re.I)


def take_defaults(toks: Sequence[Tok]) -> tuple[list[Tok], str | None, bool, bool]:
    """``toks`` without the default said, the value, whether it is for the rows already stored ("existing
    rows should get 0") and whether it is said of every new field ("both default 0", "… 0 for both")."""
    rest, default, both = take_shared_default(toks)
    if default is not None:
        return rest, default, False, both
    rest, default = take_existing_rows_value(toks)
    return rest, (value_for_all(default)[0] if default is not None else None), default is not None, False


def value_for_all(literal: str) -> tuple[str, bool]:
    """ "0 for both" → ("0", True): a value said of every new field; any other value as it is."""
    shared = _FOR_ALL.search(literal)
    return (literal[: shared.start()], True) if shared else (literal, False)


def _textual(name: str) -> bool:
    """A name that holds text whatever its value looks like ("zip code", "reference number")."""
    return name in vocab.TEXT_OVERRIDES or name.split("_")[-1] in _IDENTIFIER_WORDS


def take_shared_default(toks: Sequence[Tok]) -> tuple[list[Tok], str | None, bool]:
    """``take_default``, and whether the value is said of every new field: "both default 0", "default 0 for
    both", "all default to false"."""
    rest, literal = take_default(toks)
    if literal is None:
        return rest, None, False
    value, shared = value_for_all(literal)
    if shared:
        return rest, value, True
    at = next((i for i in range(len(rest)) if rest[i] is not toks[i]), len(rest))  # where the default was said
    if at > 0 and rest[at - 1].low in {"both", "all"} and len(rest) < len(toks):
        return [*rest[: at - 1], *rest[at:]], literal, True
    return rest, literal, False


def take_default(toks: Sequence[Tok]) -> tuple[list[Tok], str | None]:
    """``toks`` without a "with default 0" / ", defaulting to unknown" / ", true by default" phrase,
    and the default's literal text."""
    lows = [t.low for t in toks]
    at = next((i for i, low in enumerate(lows) if low in _DEFAULT_WORDS), None)
    if at is None:
        return list(toks), None
    if at > 0 and lows[at - 1] == "by" and (at + 1 == len(lows) or lows[at + 1] in _LITERAL_END | {")"}):
        first = at - 1  # "a status, open by default", "harvested (false by default)": the value is before "by default"
        while first > 0 and lows[first - 1] not in _LITERAL_END | DEFAULT_LINKS | {"("}:
            first -= 1
        start = first
        while start > 0 and lows[start - 1] in DEFAULT_LINKS | {","}:
            start -= 1
        literal = " ".join(t.text for t in toks[first : at - 1]).strip()
        if not literal or first == 0:
            return list(toks), None
        stop = at + 1
        if start > 0 and lows[start - 1] == "(" and lows[stop : stop + 1] == [")"]:
            start, stop = start - 1, stop + 1
        return list(toks[:start]) + list(toks[stop:]), literal
    start = at
    while start > 0 and lows[start - 1] in {"with", ",", "and", "a", "its", "as", "of", "by"}:
        start -= 1
    start = _rows_said_before(lows, start)  # "existing caregivers should default to false": the rows are no field
    i = at + 1
    if i + 1 < len(toks) and lows[i] in {"them", "it", "all", "those"} and lows[i + 1] == "to":
        i += 1  # "default them to 30"
    named = next((j for j in range(i + 1, min(i + 3, len(toks))) if lows[j] in {"is", "="}), None)
    field: list[str] = []  # "default level is 'normal'": the field named between the default word and its value
    if named is not None and all(t.word and t.low not in DEFAULT_LINKS for t in toks[i:named]):
        field, i = [t.text for t in toks[i:named]], named
    while i < len(toks) and lows[i] in DEFAULT_LINKS:
        i += 1
    stop = i
    ends = _LITERAL_END | {")"}
    while stop < len(toks) and lows[stop] not in ends and not for_existing_rows(lows, stop) and not ends_value(lows, stop):
        stop += 1
    literal = " ".join([*field, *(t.text for t in toks[i:stop])]).strip() if i < stop else ""
    if not literal:
        return list(toks), None
    while stop < len(toks) and lows[stop] not in ends:  # "… false for the people already registered"
        stop += 1
    if stop < len(toks) and lows[stop] == ")" and start > 0 and lows[start - 1] == "(":
        start, stop = start - 1, stop + 1  # "status (default open)"
    return list(toks[:start]) + list(toks[stop:]), literal


def _rows_said_before(lows: Sequence[str], start: int) -> int:
    """Where "existing caregivers should" / "all old ones will" starts before a default word, or ``start``."""
    first = start - 1 if start > 0 and lows[start - 1] in vocab.MODAL_VERBS else start
    if first >= 2 and lows[first - 2] in ROWS_WORDS:
        first -= 2
        return first - 1 if first > 0 and lows[first - 1] in {"all", "the"} else first
    return start


def with_default(
    draft: Draft, default: str | None, known: Known, *, every: bool = False, follows: str | None = None, both: bool = False
) -> Draft:
    """``draft`` with the request's "default …" value on its one new attribute.

    A value is no reference: "add country to Address with default 'NL'" adds the text attribute
    ``country`` even though "country" could name an entity, unless that entity exists in the app.
    A value that does not fit the type read from the name decides the type ("priority, default
    normal" is text). With ``every`` (a value for "the rows already stored") each new required
    attribute the value fits gets it ("home score and away score, existing ones start at 0"). A value in
    parentheses right after an attribute (``follows``: "status (default 'pending')") is that attribute's.
    ``both``: the value was said of every new attribute ("both default 0"), which types a name read as text.
    """
    if default is None:
        return draft
    draft = _reference_as_value(draft, known)
    attributes = draft.entity.attributes
    named = _named_in_value(default, attributes)
    if named is not None:  # "existing shipments can be set to not fragile", "should get escaped = false"
        (follows, default), every = named, False
    elif every and len(said := default.lower().split()) == 2 and said[0] in {"not", "no"}:  # a state the rows lack
        raise RecognitionError(f"which new field is {default!r} said of? Say e.g. 'default false for <field>'")
    if (every or both) and draft.intent in ("create", "add_attributes") and len(attributes) > 1:
        fitting = [
            a.name
            for a in attributes
            if a.required and fits(default, a.type) and (a.type == "bool" or default.lower() not in FLAG_VALUES)
        ]  # "existing ones should be false": the flags only, not a text field that could hold "false"
        numbers = [a.name for a in attributes if a.name in fitting and a.type in ("int", "float")]
        if _number_type(default) and numbers:
            fitting = numbers  # "old bookings can be 0": the amount, not a flag that could hold 0
        if fitting:  # a number for a name read as text makes it a number ("yellow cards, both default 0")
            said = _number_type(default)
            typed = tuple(
                replace(a, type=said) if both and said and a.name in fitting and a.type == "str" and not _textual(a.name) else a
                for a in attributes
            )
            return replace(draft, entity=replace(draft.entity, attributes=typed), defaults=tuple((n, default) for n in fitting))
    if draft.intent == "relationship":
        raise RecognitionError(
            f"{draft.related_entity} is an entity of this app: a reference to it takes no default value. "
            f"For a text field say e.g. 'add {vocab.singularize(str(draft.related_entity).lower())} name to "
            f"{draft.entity.name} with default {default}'"
        )
    owner = [
        a for a in attributes if follows is not None and vocab.singularize(a.name.split("_")[-1]) == vocab.singularize(follows)
    ]
    if len(owner) != 1 and default.lower() in FLAG_VALUES and draft.intent == "add_attributes":  # "… and a flag, default false"
        owner = [a for a in attributes if a.type == "bool"]
    if len(attributes) > 1 and len(owner) == 1 and draft.intent in ("create", "add_attributes"):
        alone = with_default(replace(draft, entity=replace(draft.entity, attributes=(owner[0],))), default, known)
        typed = tuple(alone.entity.attributes[0] if a is owner[0] else a for a in attributes)
        return replace(alone, entity=replace(alone.entity, attributes=typed))
    if draft.intent not in ("create", "add_attributes") or len(attributes) != 1:
        raise RecognitionError(
            f"which attribute gets the default {default!r}? Add one attribute per request, "
            f"e.g. 'add priority to Ticket with default {default}'"
        )
    attribute = attributes[0]
    said = _number_type(default)
    textual = _textual(attribute.name)
    if said is not None and not textual and (attribute.type == "str" or (attribute.type == "bool" and default not in {"0", "1"})):
        attribute = replace(attribute, type=said)  # "an xp field starting at 0": a number it counts from
        draft = replace(draft, entity=replace(draft.entity, attributes=(attribute,)))
    if attribute.type == "str" and default.lower() in {"true", "false"} and not textual:
        attribute = replace(attribute, type="bool")  # "add express to Order, default false": a flag
        draft = replace(draft, entity=replace(draft.entity, attributes=(attribute,)))
    if not fits(default, attribute.type):
        attribute = replace(attribute, type="str")
        draft = replace(draft, entity=replace(draft.entity, attributes=(attribute,)))
    return replace(draft, defaults=((attribute.name, as_value_of(default, attribute.type)),))


def as_value_of(value: str, type_name: str) -> str:
    """``value`` as a field of ``type_name`` stores it: "a checkbox, default no" is false."""
    return _SPOKEN_FLAGS.get(value.lower(), value) if type_name == "bool" else value


_SPOKEN_FLAGS = {
    "yes": "true",
    "y": "true",
    "on": "true",
    "no": "false",
    "n": "false",
    "off": "false",
    "ticked": "true",
    "checked": "true",
    "unticked": "false",
    "unchecked": "false",
    "true": "true",
    "false": "false",
}


#: Last words of a name whose digits are an identifier, not a number ("zip code default 10001").
_IDENTIFIER_WORDS = frozenset({"code", "number", "no", "zip", "postcode", "phone", "id", "pin", "ref", "reference", "sku"})


def _named_in_value(value: str, attributes: Sequence[AttributeSpec]) -> tuple[str, str] | None:
    """The attribute a value names and the value it gives it: "not fragile", "unverified" → (fragile, false),
    "escaped false" → (escaped, false), "fragile" → (fragile, true); None when it names none."""
    for attribute in attributes:  # "gift_aid = false": the name as written in code
        if value.lower().startswith(attribute.name) and "_" in attribute.name:
            value = attribute.name.replace("_", " ") + value[len(attribute.name) :]
    words = value.lower().replace("=", " ").split()
    negated = bool(words) and words[0] in {"not", "no", "non"}
    words = words[negated:]
    prefix = next((p for p in ("non-", "non", "un") if len(words) == 1 and words[0].startswith(p)), None)
    if prefix is not None and not negated and any(a.name == words[0][len(prefix) :] for a in attributes):
        negated, words = True, [words[0][len(prefix) :]]  # "existing customers should be unverified"
    for attribute in attributes:
        name = attribute.name.split("_")
        if negated and attribute.type == "bool" and len(words) == 1 and _names_state(words[0], name):
            return name[-1], "false"  # "existing claims are not flagged" (fraud_flag), "old entries: no sound" (has_sound)
        if words[: len(name)] != name:
            continue
        rest = " ".join(words[len(name) :]).strip()
        if attribute.type == "bool" and not rest:
            return name[-1], "false" if negated else "true"
        if rest and not negated:
            return name[-1], " ".join(_after_links(value.replace("=", " ").split()[len(name) :]))  # as written
    return None if negated else _part_named(value, words, attributes) or _counted_unit(words, attributes)


def _counted_unit(words: Sequence[str], attributes: Sequence[AttributeSpec]) -> tuple[str, str] | None:
    """ "1 copy" (number_of_copies), "0 staff" (number_of_staff): a number and what it counts, a word of one new
    number field's name."""
    if len(words) != 2 or _number_type(words[0]) is None:
        return None
    counted = vocab.singularize(words[1])
    owners = [
        a
        for a in attributes
        if a.type in ("int", "float")
        and counted not in GENERIC_NAME_WORDS
        and counted in map(vocab.singularize, a.name.split("_"))
    ]
    return (owners[0].name.split("_")[-1], words[0]) if len(owners) == 1 else None


def _part_named(value: str, words: Sequence[str], attributes: Sequence[AttributeSpec]) -> tuple[str, str] | None:
    """ "laptop to no" (has_laptop), "mooring fee 0" (mooring_fee_per_night), "tap = false" (water_tap_nearby): a value
    after words that are part of one new field's name, and only of that one; the value must fit the field."""
    for size in (3, 2, 1):
        head = list(words[:size])
        if len(words) <= size or (size == 1 and head[0] in GENERIC_NAME_WORDS):
            continue
        owners = [a for a in attributes if _run_in(head, a.name.split("_"))]
        if len(owners) != 1:
            continue
        said = _after_links(value.replace("=", " ").split()[size:])
        literal = " ".join(said)
        owner = owners[0]
        if len(said) > 3 or not fits(literal, owner.type) or (owner.type == "str" and literal.lower() in FLAG_VALUES):
            return None
        return owner.name.split("_")[-1], literal
    return None


def _run_in(head: Sequence[str], name: Sequence[str]) -> bool:
    """Whether ``head`` is a run of consecutive words of ``name``."""
    return any(list(name[at : at + len(head)]) == list(head) for at in range(len(name) - len(head) + 1))


#: Words too common in field names to say alone which field a value (or a sentence about the stored rows) is for.
GENERIC_NAME_WORDS = frozenset({"number", "date", "name", "is", "has", "flag", "field", "count", "at", "on", "of", "to", "the"})


#: Words between a field's name and the value it gets ("pregnant to false", "room number as TBD", "weight is 0").
_NAME_LINKS = frozenset({"to", "as", "is", "at", "be", ":", "should"})


def _after_links(said: list[str]) -> list[str]:
    """The words of a value after the link words that follow the field's name ("to false" → "false")."""
    while len(said) > 1 and said[0].lower() in _NAME_LINKS:
        said = said[1:]
    return said


def _names_state(word: str, name: Sequence[str]) -> bool:
    """ "flagged" for fraud_flag, "sound" for has_dcc_sound, "recalled" for recall_flag: a word the flag's state
    is said with."""
    said = [part for part in name if part not in {"is", "has", "flag"}] or list(name)
    return any(word in {part, part + "ed", part + "d", part + "ged"} for part in (said[0], said[-1], name[-1]))


def _number_type(value: str) -> str | None:
    """ "0", "12" → int; "0.5" → float; anything else None."""
    if re.fullmatch(r"-?\d+", value):
        return "int"
    return "float" if re.fullmatch(r"-?\d*\.\d+", value) else None


_FITS = {
    "int": re.compile(r"[-+]?\d+"),
    "float": re.compile(r"[-+]?(\d+([.,]\d*)?|[.,]\d+)|\d+ \. \d+"),
    "bool": re.compile(r"true|false|yes|no|y|n|on|off|0|1|(un)?(ticked|checked)", re.IGNORECASE),
    "date": re.compile(r"\d{4}[- /.]\d{1,2}[- /.]\d{1,2}|today"),  # the canonical tokens split "2020-01-01"
    "datetime": re.compile(r"\d{4}[- /.]\d{1,2}[- /.]\d{1,2}([ t]+\d{1,2}\s?:?\s?\d{2}(\s?:?\s?\d{2})?)?|now", re.IGNORECASE),
}


def fits(value: str, type_name: str) -> bool:
    """Whether ``value`` (as written) can be a value of ``type_name`` (text and email take anything)."""
    pattern = _FITS.get(type_name)
    return pattern is None or pattern.fullmatch(value.strip()) is not None


def _reference_as_value(draft: Draft, known: Known) -> Draft:
    """A lone new reference to an entity the app does not have, read as the attribute of that name."""
    entity = draft.entity
    if draft.intent not in ("relationship", "add_attributes") or entity.attributes or len(entity.relationships) != 1:
        return draft
    target = entity.relationships[0]
    if target.kind != "many_to_one" or known.get(entity_key(target.target)) is not None:
        return draft
    name = entity_key(target.target)
    attribute = AttributeSpec(name, attribute_type(name), target.required)
    return replace(
        draft, intent="add_attributes", related_entity=None, entity=replace(entity, attributes=(attribute,), relationships=())
    )


#: A quoted literal after "default" ("default 'N/A'", 'defaulting to "In progress"').
_QUOTED_DEFAULT = re.compile(r"\bdefault\w*\b[^'\"\n]{0,24}?(['\"])(.+?)\1", re.IGNORECASE)


def original_case(request: str, value: str) -> str:
    """``value`` (a literal read from the lower-cased canonical tokens) as the request wrote it.

    The canonical form is lower case and drops marks and articles, so "default 'NL'" reads as ``nl``
    and "default 'N/A'" as ``n``: a quoted literal after "default" whose words start with the value's
    is taken whole; otherwise the value's words are found again in ``request`` case-insensitively,
    with any non-word characters between them (``value`` if not found).
    """
    words = re.findall(r"\w+", value)
    quoted = _QUOTED_DEFAULT.search(request)
    if quoted and words and re.findall(r"\w+", quoted.group(2).lower())[: len(words)] == [w.lower() for w in words]:
        return quoted.group(2)
    if not words:
        return value
    pattern = r"(?<!\w)" + r"\W*".join(re.escape(w) for w in words) + r"(?!\w)"
    found = re.search(pattern, request, flags=re.IGNORECASE)
    return found.group(0) if found else value
