"""Frames of a request swept over many entities (round 22): every frame people use to ask for an entity
with its fields, or for a change of one, is read the same whatever the entity. The frames were found by
sweeping fifty templates over twenty entities; these are the ones that were read wrongly for every entity."""

from __future__ import annotations

import pytest
from tests.support.recognition_reading import reading

from baes.scaffold.spec import pascal_case, pluralize

ENTITIES = ["kiln", "tenant", "shipment", "recipe", "booking", "camera"]
CREATE_FRAMES = [
    "I'd like a {E} model storing name, email and start date",
    "Build an API for {p} where each has name, email and start date",
    "there should be {p} with name, email and start date",
    "we're building an app for {p}; they have name, email and start date",
    "create an entity for {p} containing name, email and start date",
    "manage {p} including name, email and start date",
    "{p}: we need name, email and start date",
    "- {E}\n  - name\n  - email\n  - start date",
    "What I need: {p} with name, email, start date",
    "We keep {p} in excel with name, email and start date columns",
    "we collect name, email and start date for each {e}",
    "So basically a {e} is a name, an email and a start date",
]


@pytest.mark.parametrize("frame", CREATE_FRAMES)
@pytest.mark.parametrize("entity", ENTITIES)
def test_a_create_frame(frame: str, entity: str) -> None:
    name = pascal_case(entity)
    got = reading(frame.format(e=entity, E=name, p=pluralize(entity)))
    assert (got["intent"], got["entity"], got["attributes"]) == (
        "create",
        name,
        [("name", "str", True), ("email", "email", True), ("start_date", "date", True)],
    )


@pytest.mark.parametrize("entity", ENTITIES)
def test_new_fields_for_an_entity(entity: str) -> None:
    name = pascal_case(entity)
    got = reading(f"new fields for {name} - email, start date", [name])
    assert (got["intent"], got["attributes"]) == ("add_attributes", [("email", "email", True), ("start_date", "date", True)])


@pytest.mark.parametrize("entity", ENTITIES)
def test_a_field_that_is_now_called_something_else(entity: str) -> None:
    name = pascal_case(entity)
    got = reading(f"fax on {pluralize(entity)} is now phone", [name])
    assert (got["intent"], got["renamed_from"], got["renamed_to"]) == ("rename_attribute", "fax", "phone")


def test_a_field_that_is_now_required_is_no_rename() -> None:
    with pytest.raises(ValueError):
        reading("fax on kilns is now required", ["Kiln"])


PAIRS = [("lesson", "teacher"), ("reading", "sensor"), ("review", "product")]


@pytest.mark.parametrize(
    "frame, kind",
    [
        ("each {a} is for a single {b}", "many_to_one"),
        ("{A} many-to-one {B}", "many_to_one"),
        ("link {pa} and {pb} both ways", "many_to_many"),
        ("{pa} have many {pb} and vice versa", "many_to_many"),
    ],
)
@pytest.mark.parametrize("pair", PAIRS)
def test_a_relationship_frame(frame: str, kind: str, pair: tuple[str, str]) -> None:
    a, b = pair
    first, second = pascal_case(a), pascal_case(b)
    request = frame.format(a=a, b=b, A=first, B=second, pa=pluralize(a), pb=pluralize(b))
    got = reading(request, [first, second])
    assert (got["intent"], got["entity"], got["relationships"]) == ("relationship", first, [(second, kind)])


@pytest.mark.parametrize("pair", PAIRS)
def test_an_entity_is_never_renamed_to_another_it_has(pair: tuple[str, str]) -> None:
    first, second = pascal_case(pair[0]), pascal_case(pair[1])
    with pytest.raises(ValueError, match="already an entity"):
        reading(f"{first} -> {second}", [first, second])


@pytest.mark.parametrize(
    "item, attribute",
    [
        ("capacity as a number", ("capacity", "int", True)),
        ("max temperature as a number", ("max_temperature", "float", True)),
        ("heated - yes/no", ("heated", "bool", True)),
        ("install date (can be blank)", ("install_date", "date", False)),
        ("how many shelves", ("shelves", "int", True)),
        ("number of kiln", ("kiln_number", "str", True)),
        ("price for night", ("price_per_night", "float", True)),
    ],
)
@pytest.mark.parametrize("frame", ["Create a Studio with name, {item} and colour", "add name, {item} and colour to Studio"])
def test_an_item_said_in_words(frame: str, item: str, attribute: tuple[str, str, bool]) -> None:
    got = reading(frame.format(item=item.replace("kiln", "room")), ["Studio"] if frame.startswith("add") else [])
    expected = (attribute[0].replace("kiln", "room"), *attribute[1:])
    assert got["attributes"] == [("name", "str", True), expected, ("colour", "str", True)]


def test_notes_which_can_be_empty_are_optional() -> None:
    assert reading("Create a Studio with name, notes, which can be empty")["attributes"][-1] == ("notes", "str", False)
