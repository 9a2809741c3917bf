"""A page, tab or screen asked for with the fields it shows is the entity it shows.

In an app people know by its screens, a new kind of record is asked for as a screen: "can you add a Kit
Check page — team member, check date, radio working yes/no", "can u add a Late Arrival tab — guest, expected
at, keycode sent y/n". Read as a name, the screen became an entity called KitCheckPage, refused as a part of the user
interface. A screen named with two or more fields is the record it lists: the entity is named without the
screen's word. A screen asked for alone ("add a login page") is still refused by ``out_of_scope``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from baes.recognition.model import Draft
from baes.recognition.request_tokens import Known
from baes.recognition.vocabulary import singularize
from baes.scaffold.spec import EntitySpec, SpecError, pascal_case

#: The screen words a name may end on.
_SCREEN = re.compile(r"(?<=[a-z0-9])(?:Page|Tab|Screen)$")


def entity_of_screen(draft: Draft, known: Known) -> Draft:
    """``draft`` with a new entity named after a screen and given fields renamed to what the screen shows: in an
    app that has entities, or for a screen named in the plural ("a Payments page with …"; not "a pricing page")."""
    entity = draft.entity
    if draft.intent != "create" or len(entity.attributes) + len(entity.relationships) < 2 or not _SCREEN.search(entity.name):
        return draft
    words = re.findall(r"[A-Z][a-z0-9]*", _SCREEN.sub("", entity.name))
    single = singularize(words[-1].lower()) if words else ""
    if not single or (not known.by_key and single == words[-1].lower()):
        return draft
    try:
        name = EntitySpec(pascal_case("_".join([*(w.lower() for w in words[:-1]), single]))).name
    except SpecError:
        return draft
    note = f"read the {entity.name} asked for as the entity {name} it shows"
    return replace(draft, entity=replace(entity, name=name), notes=(*draft.notes, note))
