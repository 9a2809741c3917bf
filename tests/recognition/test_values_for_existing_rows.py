"""Round 17, in our own words: the value existing rows get, said of one of several new fields by naming
it ("existing crates can be set to not stackable", "should get sealed = false", "(int, start all at 0)"),
and a change opened by a greeting on the same line or with "register"."""

from __future__ import annotations

import pytest
from tests.support.recognition_reading import reading


@pytest.mark.parametrize(
    "request_text, defaults",
    [
        (
            "Could Crate also get a label and a flag for stackable? Existing crates can be set to not stackable.",
            {"stackable": "false"},
        ),
        ("Add 'lid colour' and 'sealed' to Crate. Existing crates should get sealed = false.", {"sealed": "false"}),
        ("Crate: please add reuse count (int, start everyone at 0) and an optional supplier.", {"reuse_count": "0"}),
    ],
)
def test_a_value_for_existing_rows_that_names_its_field(request_text: str, defaults: dict[str, str]) -> None:
    got = reading(request_text, ["Crate"])
    assert got["intent"] == "add_attributes" and got["defaults"] == defaults


@pytest.mark.parametrize("greeting", ["Hola!", "Ciao,", "Good morning team,", "Hi there!"])
def test_a_greeting_on_the_first_line_is_no_part_of_the_request(greeting: str) -> None:
    got = reading(f"{greeting} For the Crate we want to register also the tare weight", ["Crate"])
    assert (got["intent"], got["entity"], got["attributes"]) == ("add_attributes", "Crate", [("tare_weight", "float", True)])


def test_a_name_and_its_type_after_as_stay_one_item() -> None:
    from tests.support.recognition_reading import created

    got = created("Pupil with date of birth as a date, and number of lessons left as an integer")
    assert got[2] == [("date_of_birth", "date", True), ("number_of_lessons_left", "int", True)]


def test_a_last_date_in_a_typed_list_is_a_type() -> None:
    from tests.support.recognition_reading import created

    got = created("Hive — frames int, brood weight float, inspected on date, queenless bool")
    assert got[2][2] == ("inspected_on", "date", True)
    assert created("Hive — frames int, brood weight float, queen marked date")[2][2] == ("queen_marked_date", "date", True)


def test_a_one_to_many_said_as_something_to_add() -> None:
    got = reading("Add a one-to-many from Apiary to Hive", ["Apiary", "Hive"])
    assert (got["intent"], got["entity"], got["relationships"]) == ("relationship", "Hive", [("Apiary", "many_to_one")])


def test_an_app_entity_assigned_is_a_reference() -> None:
    got = reading("inspections need an inspector assigned", ["Inspection", "Inspector"])
    assert (got["intent"], got["entity"], got["relationships"]) == ("relationship", "Inspection", [("Inspector", "many_to_one")])
