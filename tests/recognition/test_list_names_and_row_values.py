"""Where a list's thing is named ("fields for Kiln:", "The core object is Kiln:", "… and every kiln has …"),
values set for the rows already stored, "stopped using" as a removal, and fields named "field of …"."""

from __future__ import annotations

import pytest

from baes.recognition.offline import recognize_offline


@pytest.mark.parametrize(
    ("request_text", "entity", "first_field"),
    [
        ("fields for Kiln: serial code, max temperature, fired on", "Kiln", "serial_code"),
        ("Acceptance criteria for Vendor:\n* trading name\n* contact email", "Vendor", "trading_name"),
        ("An app for potters. The core object is Firing Log: kiln, started at, cone", "FiringLog", "kiln"),
        ("The main thing we store is the Glaze: colour, recipe, cone", "Glaze", "colour"),
        ("pottery studio wants Member with name, email and locker number", "Member", "name"),
        ("ceramics school - Workshop with title, starts at, seats", "Workshop", "title"),
        ("I run a small marina and every berth has a berth code, length, monthly fee", "Berth", "berth_code"),
        ("My neighbour runs a choir and wants to keep singers with name, voice part and email", "Singer", "name"),
    ],
)
def test_the_thing_a_list_describes_is_the_entity(request_text: str, entity: str, first_field: str) -> None:
    draft = recognize_offline(request_text, ())
    assert draft.intent == "create"
    assert (draft.entity.name, draft.entity.attributes[0].name) == (entity, first_field)


def test_many_after_each_is_no_list() -> None:
    draft = recognize_offline("singers can join many choirs and each choir has many singers", ())
    assert draft.intent == "relationship"


def test_a_last_clause_saying_whose_each_one_is_links_it() -> None:
    draft = recognize_offline("I'd like Seats with row, number and whether it's booked, each seat belongs to a hall", ("Hall",))
    assert [r.target for r in draft.entity.relationships] == ["Hall"]
    assert [a.name for a in draft.entity.attributes] == ["row", "number", "booked"]


@pytest.mark.parametrize(
    ("request_text", "value"),
    [
        ("please add a region field to the Store and set the existing ones to 'North'", "North"),
        ("add a tier to Store, set all existing stores to 1", "1"),
        ("add a size to Store and put the current ones at small", "small"),
    ],
)
def test_a_value_set_for_the_rows_already_stored(request_text: str, value: str) -> None:
    draft = recognize_offline(request_text, ("Store",))
    assert [v for _, v in draft.defaults] == [value.lower()]  # recognize() gives the case back


@pytest.mark.parametrize(
    ("request_text", "removed"),
    [
        ("We stopped using the promo code on Order, delete that field please.", ["promo_code"]),
        ("we have stopped tracking the fax number on Order", ["fax_number"]),
        ("We stopped using pagers years ago. Remove pager number from Order.", ["pager_number"]),  # the next sentence asks
        ("In Order please delete the field of 'gift wrap', not needed.", ["gift_wrap"]),
    ],
)
def test_what_is_no_longer_used_is_removed(request_text: str, removed: list[str]) -> None:
    draft = recognize_offline(request_text, ("Order",))
    assert (draft.intent, draft.removed) == ("remove_attributes", tuple(removed))


def test_a_piece_of_equipment_is_the_equipment() -> None:
    draft = recognize_offline("each hire is for one piece of Equipment", ("Hire", "Equipment"))
    assert [r.target for r in draft.entity.relationships] == ["Equipment"]


def test_a_field_of_study_is_one_field() -> None:
    draft = recognize_offline("add field of study to Student", ("Student",))
    assert [a.name for a in draft.entity.attributes] == ["field_of_study"]


def test_the_field_of_names_the_field_after_it() -> None:
    draft = recognize_offline("Kindly add to the Order the field of delivery note and the courier name", ("Order",))
    assert [a.name for a in draft.entity.attributes] == ["delivery_note", "courier_name"]
    renamed = recognize_offline("rename the status field of Order to state", ("Order",))
    assert (renamed.renamed_from, renamed.renamed_to) == ("status", "state")


def test_a_later_clause_makes_the_field_it_names_optional() -> None:
    draft = recognize_offline("Please add lot number and expiry date to Order. Lot is mandatory, expiry is optional.", ("Order",))
    assert [(a.name, a.required) for a in draft.entity.attributes] == [("lot_number", True), ("expiry_date", False)]


@pytest.mark.parametrize(
    ("request_text", "entity", "target"),
    [
        ("we now have several depots, so every van belongs to a depot", "Van", "Depot"),
        ("the managers want to know which driver did each run. connect Run to Driver", "Run", "Driver"),
        ("We should see which depot each van is parked at. Van belongs to Depot.", "Van", "Depot"),
    ],
)
def test_why_a_link_is_wanted_is_no_part_of_it(request_text: str, entity: str, target: str) -> None:
    draft = recognize_offline(request_text, ("Van", "Depot", "Run", "Driver"))
    assert (draft.intent, draft.entity.name, [r.target for r in draft.entity.relationships]) == ("relationship", entity, [target])


@pytest.mark.parametrize(
    ("request_text", "entity"),
    [
        ("I want to keep tenants. The form has boxes for full name; move in date; deposit", "Tenant"),
        ("We need a Donation record with donor name, amount and given on", "Donation"),  # a name, then what it is
        ("create Locker records with:\n- number\n- floor\n- taken", "Locker"),
        ("vaccination records with vaccine, given on, batch", "VaccinationRecord"),  # no capitals: one name
    ],
)
def test_a_form_s_boxes_and_a_named_record(request_text: str, entity: str) -> None:
    assert recognize_offline(request_text, ()).entity.name == entity


@pytest.mark.parametrize(
    ("request_text", "fields"),
    [
        (
            "crate with barcode | shelf | weight | packed date",
            ["barcode", "shelf", "weight", "packed_date"],
        ),  # pipes after "with"
        (
            "Create Boiler with capacity, current pressure, last serviced date, in use flag",
            ["capacity", "current_pressure", "last_serviced_date", "in_use"],
        ),
    ],
)
def test_every_listed_field_is_read(request_text: str, fields: list[str]) -> None:
    draft = recognize_offline(request_text, ())
    assert ([a.name for a in draft.entity.attributes], draft.defaults) == (fields, ())


def test_a_reason_in_a_last_parenthesis_is_no_part_of_a_removal() -> None:
    draft = recognize_offline("Order: drop the fax (privacy review)", ("Order",))
    assert draft.removed == ("fax",)


def test_no_show_is_a_flag_name() -> None:
    draft = recognize_offline("Order: add price and no show (true/false), default false", ("Order",))
    assert [(a.name, a.type) for a in draft.entity.attributes] == [("price", "float"), ("no_show", "bool")]


@pytest.mark.parametrize(
    ("request_text", "optional"),
    [
        ("add a locker code to Member, locker is optional because some members have none", [("locker_code", False)]),
        ("add a locker code to Member, but some members don't have one", [("locker_code", False)]),
    ],
)
def test_a_clause_saying_not_every_row_has_it_makes_it_optional(request_text: str, optional: list[tuple[str, bool]]) -> None:
    draft = recognize_offline(request_text, ("Member",))
    assert [(a.name, a.required) for a in draft.entity.attributes] == optional


def test_some_rows_without_a_link_make_it_optional() -> None:
    draft = recognize_offline("Each locker is assigned to a member, but some lockers are vacant", ("Locker", "Member"))
    assert [(r.target, r.required) for r in draft.entity.relationships] == [("Member", False)]
