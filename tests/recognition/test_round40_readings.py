"""Round 40 of the recognizer: owners' changes and real posts again.

The examples are our own (a bicycle workshop), not the labelled sets' words.
"""

from __future__ import annotations

import pytest
from tests.support.recognition_reading import one_line

from baes.recognition.model import RecognitionError
from baes.recognition.recognize import recognize
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
    [
        "delete the Part entity please",
        "remove Part completely",
        "delete Part before the audit",
        "drop the Part feature",
        "Remove part tables. We keep parts in the supplier's system now.",
    ],
)
def test_an_entity_named_alone_or_with_a_reason_is_still_deleted(request_text: str) -> None:
    assert _reading(request_text) == "delete_entity Part"


@pytest.mark.parametrize(
    ("typed", "meant"), [("membr", "member"), ("stok", "stock"), ("approver", None), ("supplyer", "supplier")]
)
def test_one_of_our_words_with_a_letter_left_out_inside_is_a_typo_not_a_shortening(typed: str, meant: str | None) -> None:
    # "approver" is who approves, no typo of our "approved"; "supplyer" is our "supplier"
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


@pytest.mark.parametrize(
    "request_text",
    [
        "It would help to have the Mechanic linked on each Repair",
        "Mechanic should be assigned to every Repair",
        "link the Mechanic to each Repair",
    ],
)
def test_each_marks_the_side_that_holds_the_reference(request_text: str) -> None:
    assert _reading(request_text) == "relationship Repair ->Mechanic:many_to_one"


@pytest.mark.parametrize(
    "request_text",
    [
        "Link Repair to Mechanic; some repairs have no mechanic",
        "Link Repair to Mechanic (not every repair has one)",
        "Link Repair to Mechanic - some repairs may have no mechanic yet",
    ],
)
def test_a_clause_saying_some_rows_lack_the_link_makes_it_optional(request_text: str) -> None:
    got = recognize(request_text, existing_entities=APP)
    assert [(r.target, r.kind, r.required) for r in got.entity.relationships] == [("Mechanic", "many_to_one", False)]


def test_a_many_to_many_link_stays_required_when_some_rows_lack_it() -> None:
    got = recognize("Parts and Bikes should be many-to-many (not every part fits every bike)", existing_entities=APP)
    assert [(r.target, r.kind, r.required) for r in got.entity.relationships] == [("Bike", "many_to_many", True)]


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        (
            "I want my bikes remembered somewhere - each one's name, its frame size in cm, and its last service date",
            "create Bike name:str frame_size:float last_service_date:date",
        ),
        (
            "Let's have the app keep Rentals too — each one needs a renter name and a deposit",
            "create Rental renter_name:str deposit:float",
        ),
        ("there should be Rentals: each one holds a renter name and a deposit", "create Rental renter_name:str deposit:float"),
        ("Rental: renter name, a rating from 1-5", "create Rental renter_name:str rating:int"),
    ],
)
def test_everyday_ways_to_say_what_to_keep(request_text: str, expected: str) -> None:
    assert _reading(request_text, None) == expected


def test_an_issue_templates_headings_and_checkboxes_are_no_part_of_the_request() -> None:
    request_text = (
        "### Is there an existing issue for this?\n- [x] I have searched the existing issues\n\n"
        "### Feature Description\nWe need a proper relationship between Bike and Repair: one bike -> multiple repairs, "
        "each repair belongs to one bike."
    )
    assert _reading(request_text) == "relationship Repair ->Bike:many_to_one"


def test_a_dash_before_the_ask_ends_the_label_before_it() -> None:
    assert _reading("Workshop data model - we need a Tyre table: brand; model; tubeless yes/no", None) == (
        "create Tyre brand:str model:str tubeless:bool"
    )


def test_each_one_is_for_an_existing_entity_is_its_reference() -> None:
    assert _reading("we'd like a Test Ride entity. Each one is for an existing Bike, with ride date and rider name") == (
        "create TestRide ride_date:date rider_name:str ->Bike:many_to_one"
    )


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("As the shop manager I'd like loaner bikes to be tracked somewhere: frame tag, size, lent on", "create LoanerBike"),
        ("The owner asked that our suppliers be stored: company name, contact email, account number", "create Supplier"),
        ("From now on, every warranty claim has to be logged: claim number, filed on, approved (y/n)", "create WarrantyClaim"),
    ],
)
def test_things_wished_kept_in_the_passive_before_their_list(request_text: str, expected: str) -> None:
    assert _reading(request_text, None).startswith(expected + " ")


def test_a_type_said_among_chatter_in_a_parenthesis() -> None:
    assert _reading("Please add an optional pickup date (a simple ISO date is enough) to Repair") == (
        "add_attributes Repair pickup_date:date?"
    )


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        (
            "ALTER TABLE bike ADD COLUMN frame_colour TEXT;\nALTER TABLE bike ADD COLUMN weight REAL;",
            "add_attributes Bike frame_colour:str weight:float",
        ),
        ("each Repair is handled by one Mechanic", "relationship Repair ->Mechanic:many_to_one"),
        ("Invoice: add the amount itself and a due date", "add_attributes Invoice amount:float due_date:date"),
        ("Renaming request: Mechanic → bike technician", "rename_entity Mechanic Mechanic->BikeTechnician"),
    ],
)
def test_more_ways_to_say_a_change(request_text: str, expected: str) -> None:
    assert _reading(request_text) == expected


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("need a quick LoanerBike thing: frame tag, lent on", "create LoanerBike frame_tag:str lent_on:date"),
        ("kindly create one entity LoanerBike. Fields are frame tag, lent on", "create LoanerBike frame_tag:str lent_on:date"),
        (
            "Loaner attributes include frame tag, lent on, returned (yes/no)",
            "create Loaner frame_tag:str lent_on:date returned:bool",
        ),
    ],
)
def test_how_a_new_entity_is_introduced(request_text: str, expected: str) -> None:
    assert _reading(request_text, None) == expected


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("remove 'preferred shop' and 'loyalty code' from Customer", "remove_attributes Customer -preferred_shop -loyalty_code"),
        ("remove 'renamed on' and 'loyalty code' from Customer", "remove_attributes Customer -renamed_on -loyalty_code"),
    ],
)
def test_a_fields_own_words_ask_for_nothing(request_text: str, expected: str) -> None:
    assert _reading(request_text) == expected


def test_a_participle_of_renaming_in_a_fields_name_asks_for_no_rename() -> None:
    with pytest.raises(RecognitionError):  # "remove renamed on from Customer": honestly unsure, never a rename
        _reading("remove renamed on from Customer")


def test_a_rename_said_with_be_renamed_still_reads() -> None:
    assert _reading("the pager field on Mechanic should be renamed phone") == "rename_attribute Mechanic pager->phone"


def test_a_to_between_the_words_of_one_name_stays() -> None:
    assert _reading("create Tyre with brand, days to delivery, safe to ride (yes/no), relationship to Bike", None) == (
        "create Tyre brand:str days_to_delivery:int safe_to_ride:bool ->Bike:many_to_one"
    )


def test_a_parenthesis_allowing_no_value_makes_the_link_optional() -> None:
    got = recognize("Repair gets a mechanic (unassigned repairs allowed)", existing_entities=APP)
    assert [(r.target, r.required) for r in got.entity.relationships] == [("Mechanic", False)]
