"""Round 8 of recognition, in our own words (not the labelled set's): the entity before a context
phrase, types said in parentheses, labelled cardinality, "allow tracking of …" and owning verbs."""

from __future__ import annotations

import pytest
from tests.support.recognition_reading import created, reading, reading_of

from baes.recognition.model import RecognitionError

R = True


@pytest.mark.parametrize(
    "request_text, entity",
    [
        ("we need to track referees for the league: name, licence level, phone", "Referee"),
        ("log the pallets at the east dock: barcode, weight, arrived at", "Pallet"),
        ("Volunteers in our food bank: first name, shift day, phone", "Volunteer"),
        ("keep the sermons from the archive with title, preacher, preached on", "Sermon"),
        ("create Seat for the opera house with row, number, accessible", "Seat"),
        ("i need somewhere to keep readings from the sensors: value, taken at", "Reading"),
        ("make a table for invoices: number, total, due date", "Invoice"),
        ("a form for repairs with item, fault, fixed", "Repair"),
    ],
)
def test_the_entity_comes_before_its_context_phrase(request_text: str, entity: str) -> None:
    """ "referees for the league": the league is context; a container ("a table for …") holds the entity."""
    assert created(request_text)[:2] == ("create", entity)


@pytest.mark.parametrize(
    "request_text, attributes",
    [
        (
            "create Parcel with weight (kg), length (cm), fragile (checkbox), received (date and time)",
            [("weight", "float", R), ("length", "float", R), ("fragile", "bool", R), ("received", "datetime", R)],
        ),
        (
            "create Donation with amount (euro), gift aid (yes/no), donors (number)",
            [("amount", "float", R), ("gift_aid", "bool", R), ("donors", "int", R)],
        ),
        (
            "create Plot with area (number with decimals), rows (whole number), planted (date)",
            [("area", "float", R), ("rows", "int", R), ("planted", "date", R)],
        ),
        (
            "create Tank with capacity in litres (decimal), label (single line text)",
            [("capacity", "float", R), ("label", "str", R)],
        ),
    ],
)
def test_a_type_said_in_parentheses_types_the_field_and_leaves_its_name(
    request_text: str, attributes: list[tuple[str, str, bool]]
) -> None:
    assert created(request_text)[2] == attributes


def test_a_parenthesis_that_says_no_type_is_left_to_the_other_rules() -> None:
    assert created("create Crown with shade (light/dark), fitted on")[2][-1] == ("fitted_on", "date", R)


@pytest.mark.parametrize(
    "request_text, existing, expected",
    [
        ("one-to-many: Region -> Depot", ["Region", "Depot"], {"entity": "Depot", "relationships": [("Region", "many_to_one")]}),
        ("many-to-one: Depot -> Region", ["Region", "Depot"], {"entity": "Depot", "relationships": [("Region", "many_to_one")]}),
        ("many-to-many: Singer, Choir", ["Singer", "Choir"], {"entity": "Singer", "relationships": [("Choir", "many_to_many")]}),
        (
            "Playlists can include many Songs and a song can be on many playlists",
            ["Playlist", "Song"],
            {"entity": "Playlist", "relationships": [("Song", "many_to_many")]},
        ),
    ],
)
def test_labelled_cardinality_and_owning_verbs_read_as_relationships(
    request_text: str, existing: list[str], expected: dict[str, object]
) -> None:
    assert reading_of(request_text, existing, expected) == expected


def test_allow_tracking_of_names_what_is_kept() -> None:
    text = "Feature request: allow tracking of kayaks\n\nFields: name, length, seats"
    assert created(text)[:2] == ("create", "Kayak")


@pytest.mark.parametrize("request_text", ["Letting store many dues with amount"])
def test_a_preposition_or_quantifier_inside_an_entity_name_is_refused(request_text: str) -> None:
    with pytest.raises(RecognitionError, match="is not a word of a name"):
        reading(request_text)


def test_an_ing_form_after_a_plural_says_more_about_it() -> None:
    """ "Tenants living here": who they are, not part of the entity's name (was refused as "TenantsLivingHere")."""
    assert created("make me a list of Tenants living here with name, unit")[:2] == ("create", "Tenant")


@pytest.mark.parametrize(
    "request_text, entity",
    [
        ("bakery app - Loaf w/ name, flour, baked at", "Loaf"),
        ("Tennis club system: Court entity with number, surface, indoor", "Court"),
    ],
)
def test_an_app_label_before_a_line_that_names_its_entity_is_context(request_text: str, entity: str) -> None:
    assert created(request_text)[:2] == ("create", entity)


def test_an_app_label_before_a_bare_list_still_names_the_entity() -> None:
    assert created("Rota app: date, nurse, ward")[:2] == ("create", "Rota")


@pytest.mark.parametrize(
    "request_text, entity",
    [
        ("crate a Kennel with size, heated", "Kennel"),
        ("mak a Locker entity with number", "Locker"),
        ("Crate: label, size", "Crate"),
    ],
)
def test_a_slip_on_the_command_verb_before_its_object_still_creates(request_text: str, entity: str) -> None:
    assert created(request_text)[:2] == ("create", entity)


def test_a_no_code_builders_field_types_type_the_fields() -> None:
    text = "Create Stall table have owner name, rent is money, pitches is a number, covered is a checkbox, opened is a date"
    assert created(text) == (
        "create",
        "Stall",
        [("owner_name", "str", R), ("rent", "float", R), ("pitches", "int", R), ("covered", "bool", R), ("opened", "date", R)],
    )


def test_a_table_that_has_fields_of_an_existing_entity_still_adds_them() -> None:
    assert reading_of("the Kennel table has a heated flag", ["Kennel"], ["intent", "entity"]) == {
        "intent": "add_attributes",
        "entity": "Kennel",
    }


def test_measures_of_land_machines_and_soil_are_decimals() -> None:
    text = "create Paddock with acreage, slope, soil ph, max altitude, max cattle, rainfall"
    assert created(text)[2] == [
        ("acreage", "float", R),
        ("slope", "float", R),
        ("soil_ph", "float", R),
        ("max_altitude", "float", R),
        ("max_cattle", "int", R),
        ("rainfall", "float", R),
    ]
