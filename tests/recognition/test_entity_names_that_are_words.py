"""An app's entity may be named by a word the rules read as grammar ("Record", "Store", "School",
"Project", "Log", "Change"): every basic change of such an entity is still read as a change of it.

Found by sweeping the basic request shapes over about 140 common entity names: "remove phone from
Project" was refused because "from the project" reads as "in this app", "add phone to School"
because "school" qualifies a noun ("school students"), "delete the Record entity" because "record"
is a structure word.
"""

from __future__ import annotations

import pytest
from tests.support.recognition_reading import reading

from baes.recognition.model import RecognitionError

#: Names that are also structure words, app words, qualifiers, fillers or verbs of the rules.
WORD_NAMES = (
    "Project",
    "Record",
    "Type",
    "Store",
    "Model",
    "Table",
    "School",
    "Log",
    "Field",
    "Value",
    "Class",
    "Object",
    "Resource",
    "Change",
    "Update",
    "Order",
    "Entry",
    "List",
    "System",
    "Data",
)


@pytest.mark.parametrize("name", WORD_NAMES)
def test_basic_changes_of_an_entity_named_like_a_word(name: str) -> None:
    existing = [name, "Widget"]
    added = reading(f"add phone to {name}", existing)
    assert (added["intent"], added["entity"], added["attributes"]) == ("add_attributes", name, [("phone", "str", True)])
    assert reading(f"add a due date to the {name} entity", existing)["entity"] == name
    assert reading(f"remove phone from {name}", existing)["removed"] == ["phone"]
    renamed = reading(f"rename phone to mobile in {name}", existing)
    assert (renamed["entity"], renamed["renamed_from"], renamed["renamed_to"]) == (name, "phone", "mobile")
    assert reading(f"rename the {name} entity to Gadget", existing)["renamed_to"] == "Gadget"
    deleted = reading(f"delete the {name} entity", existing)
    assert (deleted["intent"], deleted["entity"]) == ("delete_entity", name)
    owned = reading(f"each {name} belongs to a Widget", existing)
    assert (owned["intent"], owned["entity"], owned["relationships"]) == ("relationship", name, [("Widget", "many_to_one")])


def test_the_word_keeps_its_everyday_sense_where_no_noun_stands() -> None:
    """ "keep a log of deliveries" still asks to keep deliveries when the app has a Log entity."""
    got = reading("keep a log of deliveries with driver and arrived at", ["Log"])
    assert (got["intent"], got["entity"]) == ("create", "Delivery")


@pytest.mark.parametrize("name", ["Record", "Store", "Model", "Track", "School"])
def test_such_an_entity_as_a_subject_or_a_bare_object(name: str) -> None:
    existing = [name, "Widget"]
    needs = reading(f"{name}s also need a due date", existing)
    assert (needs["intent"], needs["entity"], needs["attributes"]) == ("add_attributes", name, [("due_date", "date", True)])
    assert reading(f"delete {name}", existing)["intent"] == "delete_entity"
    linked = reading(f"link {name} to Widget", existing)
    assert (linked["intent"], linked["entity"]) == ("relationship", name)


def test_a_structure_word_before_a_bare_list_names_no_field_as_the_entity() -> None:
    """ "Record: title, notes" is refused rather than read as an entity "Title" with no fields."""
    with pytest.raises(RecognitionError):
        reading("Record: title, notes")
