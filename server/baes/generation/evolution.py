"""A recognized request that changes an existing entity, as the scaffold's ``EntityChange``.

The recognizers (``baes.recognition``) and the planner (``baes.scaffold.entity_update``) meet
here, on the fields of their shared contract, so neither imports the other.
"""

from __future__ import annotations

from typing import Any

from baes.scaffold.entity_update import EntityChange


def change_from_recognition(recognition: Any) -> EntityChange | None:
    """The ``EntityChange`` a recognized evolution asks for (None for create).

    Reads the fields of the shared contract (``removed``, ``renamed_from``/``renamed_to``,
    ``defaults``) with ``getattr`` so an older ``Recognition`` without them still works.
    """
    entity = recognition.entity
    defaults = tuple(getattr(recognition, "defaults", ()) or ())
    intent = recognition.intent
    if intent in ("add_attributes", "relationship"):
        return EntityChange.from_spec(entity, defaults=defaults)
    if intent == "remove_attributes":
        return EntityChange(entity.name, remove=tuple(getattr(recognition, "removed", ()) or ()))
    if intent == "rename_attribute":
        return EntityChange(entity.name, rename=(recognition.renamed_from, recognition.renamed_to), defaults=defaults)
    if intent == "rename_entity":
        return EntityChange(getattr(recognition, "renamed_from", None) or entity.name, new_name=recognition.renamed_to)
    if intent in ("delete", "delete_entity"):
        return EntityChange(entity.name, delete=True)
    return None
