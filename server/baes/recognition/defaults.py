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
from baes.recognition.model import Draft, RecognitionError
from baes.recognition.request_tokens import SEPARATORS, Known, Tok, entity_key
from baes.scaffold.spec import AttributeSpec

#: Spellings of "default" that introduce the value ("defaulting to 'open'", "defaults to 0").
_DEFAULT_WORDS = frozenset({"default", "defaults", "defaulting", "defaulted"})
#: What may stand between the default word and its value, or before a "… by default" value.
_DEFAULT_LINKS = frozenset({"of", "to", "value", "is", "=", ":", "set"})
_LITERAL_END = (SEPARATORS - {"/"}) | {"."}  # "default N/A"


def take_default(toks: Sequence[Tok]) -> tuple[list[Tok], str | None]:
    """``toks`` without a "with default 0" / ", defaulting to unknown" / ", true by default" phrase,
    and the default's literal text."""
    lows = [t.low for t in toks]
    at = next((i for i, low in enumerate(lows) if low in _DEFAULT_WORDS), None)
    if at is None:
        return list(toks), None
    if at > 0 and lows[at - 1] == "by" and (at + 1 == len(lows) or lows[at + 1] in _LITERAL_END):
        first = at - 1  # "a status, open by default": the value is before "by default"
        while first > 0 and lows[first - 1] not in _LITERAL_END | _DEFAULT_LINKS:
            first -= 1
        start = first
        while start > 0 and lows[start - 1] in _DEFAULT_LINKS | {","}:
            start -= 1
        literal = " ".join(t.text for t in toks[first : at - 1]).strip()
        if not literal or first == 0:
            return list(toks), None
        return list(toks[:start]) + list(toks[at + 1 :]), literal
    start = at
    while start > 0 and lows[start - 1] in {"with", ",", "and", "a", "its", "as", "of", "by"}:
        start -= 1
    i = at + 1
    while i < len(toks) and lows[i] in _DEFAULT_LINKS:
        i += 1
    stop = i
    while stop < len(toks) and lows[stop] not in _LITERAL_END:
        stop += 1
    literal = " ".join(t.text for t in toks[i:stop]).strip()
    if not literal:
        return list(toks), None
    return list(toks[:start]) + list(toks[stop:]), literal


def with_default(draft: Draft, default: str | None, known: Known) -> Draft:
    """``draft`` with the request's "default …" value on its one new attribute.

    A value is no reference: "add country to Address with default 'NL'" adds the text attribute
    ``country`` even though "country" could name an entity, unless that entity exists in the app.
    """
    if default is None:
        return draft
    draft = _reference_as_value(draft, known)
    attributes = draft.entity.attributes
    if draft.intent == "relationship":
        raise RecognitionError(
            f"{draft.related_entity} is an entity of this app: a reference to it takes no default value. "
            f"For a text field say e.g. 'add {vocab.singularize(str(draft.related_entity).lower())} name to "
            f"{draft.entity.name} with default {default}'"
        )
    if draft.intent not in ("create", "add_attributes") or len(attributes) != 1:
        raise RecognitionError(
            f"which attribute gets the default {default!r}? Add one attribute per request, "
            f"e.g. 'add priority to Ticket with default {default}'"
        )
    return replace(draft, defaults=((attributes[0].name, default),))


def _reference_as_value(draft: Draft, known: Known) -> Draft:
    """A lone new reference to an entity the app does not have, read as the attribute of that name."""
    entity = draft.entity
    if draft.intent not in ("relationship", "add_attributes") or entity.attributes or len(entity.relationships) != 1:
        return draft
    target = entity.relationships[0]
    if target.kind != "many_to_one" or known.get(entity_key(target.target)) is not None:
        return draft
    name = entity_key(target.target)
    attribute = AttributeSpec(name, vocab.infer_type(name), target.required)
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
