"""Round 38 of the recognizer: requests grounded in real tickets and schemas, and owners changing apps that hold data.

The examples are our own (a sailing club), not the labelled sets' words.
"""

from __future__ import annotations

import pytest
from tests.support.recognition_reading import one_line

from baes.recognition.attribute_types import attribute_type
from baes.recognition.counted_plurals import plural_type
from baes.recognition.keyboard import keyboard_run
from baes.recognition.model import OutOfScope, RecognitionError
from baes.recognition.state_words import is_state_word
from baes.recognition.type_annotations import category_head

APP = ("Berth", "Dinghy", "Member", "Race", "Sailor", "Gear", "Boat", "Locker", "Course", "Instructor", "BoatPark")


def _reading(request: str, existing: tuple[str, ...] | None = APP) -> str:
    return one_line(request, existing)


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (["oars"], "int"),
        (["life", "rings"], "int"),
        (["honey", "supers"], "int"),
        (["takings"], "float"),
        (["colours"], None),  # a list of them
        (["notes", "on", "repairs"], None),  # the head is "notes"
        (["person", "doing", "flowers"], None),
        (["readings"], None),
        (["status"], None),  # no plural
    ],
)
def test_a_plural_head_counts_or_sums_money_unless_it_lists_things(parts: list[str], expected: str | None) -> None:
    assert plural_type(parts) == expected


def test_plural_heads_in_a_create() -> None:
    assert _reading("Dinghy: sail number, oars, colours, takings, notes on repairs", None) == (
        "create Dinghy sail_number:str oars:int colours:str takings:float notes_on_repairs:str"
    )


@pytest.mark.parametrize(
    ("word", "flag"),
    [("competitive", True), ("boastful", True), ("freehold", True), ("narrative", False), ("handful", False)],
)
def test_adjectives_by_their_ending_are_flags_and_nouns_so_ending_are_not(word: str, flag: bool) -> None:
    assert is_state_word(word) is flag


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("the mooring fee should be removed from Berth", "remove_attributes Berth -mooring_fee"),
        ("Berth: mooring fee can be dropped", "remove_attributes Berth -mooring_fee"),  # not a deletion of Berth
        ("honestly the fax number can be removed from Member", "remove_attributes Member -fax_number"),
        ("remove the old phone columns from Member: home_phone, work_phone", "remove_attributes Member -home_phone -work_phone"),
    ],
)
def test_removals_said_in_the_passive_or_listed_after_the_owner(request_text: str, expected: str) -> None:
    assert _reading(request_text) == expected


def test_an_entity_said_to_be_removed_is_still_deleted() -> None:
    assert _reading("the Locker entity should be removed") == "delete_entity Locker"


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("assign each berth to a member", "relationship Berth ->Member:many_to_one"),
        ("assign a locker to each member", "relationship Member ->Locker:many_to_one"),
        ("put each dinghy in a boat park", "relationship Dinghy ->BoatPark:many_to_one"),
        ("one instructor attached to each course", "relationship Course ->Instructor:many_to_one"),
        ("a member can rent several lockers (but a locker only ever has one member)", "relationship Locker ->Member:many_to_one"),
        (
            "Crew for races: a race has several sailors and a sailor can sail in several races",
            "relationship Race ->Sailor:many_to_many",
        ),
        (
            "a sailor can borrow multiple pieces of gear and gear gets lent to many sailors",
            "relationship Sailor ->Gear:many_to_many",
        ),
        ("fuel log per boat: date, litres, cost", "create FuelLog date:date litres:float cost:float ->Boat:many_to_one"),
    ],
)
def test_which_side_holds_the_reference(request_text: str, expected: str) -> None:
    assert _reading(request_text) == expected


def test_a_heading_of_fields_for_the_apps_entity_is_no_new_entity() -> None:
    assert not _reading("add fields for each member: locker code", APP).startswith("create")


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("berth model: fee -> mooring_fee, for clarity", "rename_attribute Berth fee->mooring_fee"),
        ("Berth: rename fee by mooring_fee", "rename_attribute Berth fee->mooring_fee"),
        ("boats are really just yachts here — rename Boat to Yacht", "rename_entity Boat Boat->Yacht"),
        ("Race -> add a wind speed", "add_attributes Race wind_speed:float"),
        ("members table: add locker code", "add_attributes Member locker_code:str"),
    ],
)
def test_labels_arrows_and_second_language_renames(request_text: str, expected: str) -> None:
    assert _reading(request_text) == expected


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        (
            "add a locker_number field to Member (int). existing members can stay empty",
            "add_attributes Member locker_number:int?",
        ),
        ("add mooring_fee to Berth, existing berths = 0", "add_attributes Berth mooring_fee:float mooring_fee=0"),
        ("add a paid flag to Member, existing members: false", "add_attributes Member paid:bool paid=false"),
        ("add a paid flag to Member, existing members -> true", "add_attributes Member paid:bool paid=true"),
        ("add a paid flag (true by default) to Member", "add_attributes Member paid:bool paid=true"),
    ],
)
def test_types_and_values_for_the_rows_already_stored(request_text: str, expected: str) -> None:
    assert _reading(request_text) == expected


def test_values_listed_after_a_category_field_are_no_fields() -> None:
    assert _reading("Race: name, course type (windward, triangle, pursuit), start time", None) == (
        "create Race name:str course_type:str start_time:datetime"
    )
    assert category_head(["name", ",", "course", "type"]) == "type"
    assert category_head(["name", ",", "address"]) == ""  # "address (street, city, zip)" may list parts


def test_names_with_a_currency_or_a_category_head() -> None:
    assert _reading("Boat: value_gbp, type of hull", None) == "create Boat value_gbp:float type_of_hull:str"


@pytest.mark.parametrize(
    "request_text",
    ["qwer tyui boat", "only the commodore should be able to edit races", "Regatta needs some tweaks"],
)
def test_noise_permissions_and_vague_asks_are_refused_with_their_reason(request_text: str) -> None:
    with pytest.raises(OutOfScope):
        _reading(request_text)


@pytest.mark.parametrize(("word", "noise"), [("asdf", True), ("poiu", True), ("jkl", True), ("were", False), ("tree", False)])
def test_keys_typed_in_a_row(word: str, noise: bool) -> None:
    assert keyboard_run(word) is noise


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        (
            "Member: add insured (bool, default false), locker_count (int, default 0)",
            "add_attributes Member insured:bool locker_count:int insured=false locker_count=0",
        ),
        ("add mooring_fee to Berth, put 0 on the berths we already have", "add_attributes Berth mooring_fee:float mooring_fee=0"),
        ("Race: no more wind speed", "remove_attributes Race -wind_speed"),
        ("cleanup - Member.fax isn't needed anymore, please remove it", "remove_attributes Member -fax"),
        ("change the Locker entity name to Cubby, it's what we call them", "rename_entity Locker Locker->Cubby"),
        ("assign sailors to races", "relationship Race ->Sailor:many_to_one"),  # people are given to the work
        ("assign dinghies to berths", "relationship Dinghy ->Berth:many_to_one"),
    ],
)
def test_defaults_labels_and_who_is_assigned(request_text: str, expected: str) -> None:
    assert _reading(request_text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("deposit_required", "bool"),
        ("amount_required", "float"),
        ("flour_used", "str"),
        ("hints_used", "int"),
        ("date_requested", "date"),
        ("topics_discussed", "str"),
        ("materials_used", "str"),  # a plural that lists things: which ones
        ("classes_taught", "int"),  # a plural that lists nothing: how many
    ],
)
def test_which_thing_or_whether_or_how_many(name: str, expected: str) -> None:
    assert attribute_type(name) == expected


def test_a_default_in_a_fields_parenthesis_that_fits_no_field_is_refused_not_lost() -> None:
    with pytest.raises(RecognitionError, match="which field gets the default"):
        _reading("Member: add insured (bool, default false), locker_count (int, default lots)")
