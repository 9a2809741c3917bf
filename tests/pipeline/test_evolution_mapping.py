"""Recognized changes (the fields of the contract shared with recognition) become one ``EntityChange``."""

from __future__ import annotations

from types import SimpleNamespace

from baes.generation.evolution import change_from_recognition
from baes.scaffold.entity_update import EntityChange
from baes.scaffold.spec import AttributeSpec, EntitySpec, RelationshipSpec

STUDENT = EntitySpec("Student")


def _recognized(intent: str, entity: EntitySpec = STUDENT, **fields: object) -> SimpleNamespace:
    return SimpleNamespace(intent=intent, entity=entity, **fields)


def test_each_intent_maps_to_its_change() -> None:
    phone = EntitySpec("Student", (AttributeSpec("phone"),))
    assert change_from_recognition(_recognized("add_attributes", phone, defaults=(("phone", "unknown"),))) == EntityChange(
        "Student", (AttributeSpec("phone"),), defaults=(("phone", "unknown"),)
    )
    team = EntitySpec("Player", relationships=(RelationshipSpec("Team"),))
    assert change_from_recognition(_recognized("relationship", team)) == EntityChange(
        "Player", add_relationships=(RelationshipSpec("Team"),)
    )
    assert change_from_recognition(_recognized("remove_attributes", removed=("gpa",))) == EntityChange("Student", remove=("gpa",))
    assert change_from_recognition(_recognized("rename_attribute", renamed_from="gpa", renamed_to="grade")) == EntityChange(
        "Student", rename=("gpa", "grade")
    )
    assert change_from_recognition(_recognized("rename_entity", renamed_from="Student", renamed_to="Pupil")) == EntityChange(
        "Student", new_name="Pupil"
    )
    assert change_from_recognition(_recognized("delete_entity")) == EntityChange("Student", delete=True)
    assert change_from_recognition(_recognized("delete")) == EntityChange("Student", delete=True)  # old cache rows
    assert change_from_recognition(_recognized("create")) is None


def test_a_recognition_without_the_new_fields_still_maps() -> None:
    """Before the recognition branch lands, ``Recognition`` has no ``defaults``: none are assumed."""
    assert change_from_recognition(_recognized("add_attributes", EntitySpec("Student", (AttributeSpec("x"),)))) == EntityChange(
        "Student", (AttributeSpec("x"),)
    )
