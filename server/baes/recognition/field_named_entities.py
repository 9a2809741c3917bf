"""An entity read from a field's name: "Please save customer name, phone, birthday and points" is a Customer whose
first field is ``customer_name``, not a ``CustomerName`` entity.

A create's entity is the noun before the list; when the writer names no entity and starts the list with the
owner's name field ("customer name, phone, …"), that first item was read as the entity. No app calls an entity
"CustomerName" or "StudentNumber": a two-word entity ending in such a field word is the first word's entity, and
the two words are its first field.
"""

from __future__ import annotations

import re
from dataclasses import replace

from baes.recognition.attribute_types import attribute_type
from baes.recognition.model import Draft
from baes.recognition.normalize import normalize_request
from baes.recognition.request_tokens import Known, entity_key
from baes.scaffold.spec import AttributeSpec, EntitySpec, SpecError, pascal_case

#: Last words of a field that never end an entity's name ("customer name", "student number", "parent phone").
_FIELD_ENDINGS = frozenset({"name", "number", "phone", "email", "date"})


def entity_of_field_name(draft: Draft, request: str, known: Known) -> Draft:
    """A create of ``XName`` (a field's name read as the entity) as a create of ``X`` with ``x_name`` first, unless
    ``request`` writes it as a name ("create Customer Name with …")."""
    key = entity_key(draft.entity.name)
    words = key.split("_")
    if draft.intent != "create" or len(words) != 2 or words[1] not in _FIELD_ENDINGS or known.get(key):
        return draft
    if any(re.search(rf"\b{re.escape(name)}", request, re.I) for name in known.by_key.values()):
        return draft  # "for Animal I forgot to ask for the kennel name, …": a change of the app's entity
    if key in normalize_request(request).split():
        return draft  # "create Customer Name with …": written as one name (one word of the request's key)
    try:
        owner = EntitySpec(pascal_case(words[0])).name
    except SpecError:
        return draft
    if known.get(entity_key(owner)) or any(a.name == key for a in draft.entity.attributes):
        return draft
    field = AttributeSpec(key, attribute_type(key))
    note = f"read {owner} as the entity and {key} as its first field"
    entity = replace(draft.entity, name=owner, attributes=(field, *draft.entity.attributes))
    return replace(draft, entity=entity, notes=(*draft.notes, note))
