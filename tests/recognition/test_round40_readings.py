"""Round 40 of the recognizer: owners' changes and real posts again.

The examples are our own (a bicycle workshop), not the labelled sets' words.
"""

from __future__ import annotations

import pytest
from tests.support.recognition_reading import one_line

from baes.recognition.spelling import correct

APP = ("Bike", "Customer", "Repair", "Mechanic", "Part", "Invoice")


def _reading(request: str, existing: tuple[str, ...] | None = APP) -> str:
    return one_line(request, existing)


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("remove the Bike's frame number", "remove_attributes Bike -frame_number"),
        ("we stopped asking for it: drop the Customer's fax number", "remove_attributes Customer -fax_number"),
        ("nobody uses the Mechanic's pager code, remove it", "remove_attributes Mechanic -pager_code"),
    ],
)
def test_an_entitys_possessive_field_is_removed_never_the_entity(request_text: str, expected: str) -> None:
    assert _reading(request_text) == expected


@pytest.mark.parametrize(
    "request_text",
    ["delete the Part entity please", "remove Part completely", "delete Part before the audit", "drop the Part feature"],
)
def test_an_entity_named_alone_or_with_a_reason_is_still_deleted(request_text: str) -> None:
    assert _reading(request_text) == "delete_entity Part"


@pytest.mark.parametrize(("typed", "meant"), [("membr", "member"), ("stok", "stock")])
def test_one_of_our_words_with_a_letter_left_out_inside_is_a_typo_not_a_shortening(typed: str, meant: str) -> None:
    assert correct(typed) == meant


@pytest.mark.parametrize("shortening", ["addr", "dept", "desc", "cust", "prev"])
def test_shortenings_stay(shortening: str) -> None:
    assert correct(shortening) is None


def test_a_flag_marked_yes_hyphen_no_in_a_slash_list_is_a_flag() -> None:
    assert _reading("Bike: add frame colour / tubeless yes-no / serviced y-n") == (
        "add_attributes Bike frame_colour:str tubeless:bool serviced:bool"
    )


def test_as_a_percentage_is_the_type_and_no_part_of_the_name() -> None:
    assert _reading("Invoice: add discount rate as a percentage") == "add_attributes Invoice discount_rate:float"


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("WS-12 Mechanic.pager -> phone_number", "rename_attribute Mechanic pager->phone_number"),
        ("BK-3 Part -> Component (we call them that now)", "rename_entity Part Part->Component"),
    ],
)
def test_a_ticket_key_before_a_rename_written_with_an_arrow(request_text: str, expected: str) -> None:
    assert _reading(request_text) == expected


def test_acceptance_criteria_about_the_work_name_no_field() -> None:
    assert _reading("WS-40 Repair: add labour hours (decimal), warranty y/n\nAC: migration + CRUD page updated") == (
        "add_attributes Repair labour_hours:float warranty:bool"
    )


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        (
            "Bike: add wheel size (e.g. 27.5) and saddle height (e.g. 71.25)",
            "add_attributes Bike wheel_size:float saddle_height:float",
        ),
        ("Repair: add torque like 5.5, notes", "add_attributes Repair torque:float notes:str"),
        ("Part: add code (e.g. SH-105), name", "add_attributes Part code:str name:str"),
    ],
)
def test_an_example_value_with_decimals_says_the_field_holds_decimals(request_text: str, expected: str) -> None:
    assert _reading(request_text) == expected
