"""Round 9 of recognition, in our own words (not the labelled set's): a request inside its frame (a
quoted client, a forwarded mail, a task number), "each one has …", bare lines under a first line,
renames said in everyday words, optional references and flags named by phrases."""

from __future__ import annotations

import pytest
from tests.support.recognition_reading import created, reading, reading_of

from baes.recognition.model import RecognitionError, recognition_to_json
from baes.recognition.normalize import canonical_tokens
from baes.recognition.recognize import recognize

R = True


@pytest.mark.parametrize(
    "request_text, entity, attributes",
    [
        (
            'the warehouse manager wrote: "we need to keep a list of forklifts with serial number, last inspection'
            ' and in service". please set it up',
            "Forklift",
            [("serial_number", "str", R), ("last_inspection", "date", R), ("in_service", "bool", R)],
        ),
        (
            'Fwd: from Priya — "Could the app keep a list of tutors? Name, hourly rate and whether they teach online."',
            "Tutor",
            [("name", "str", R), ("hourly_rate", "float", R), ("teaches_online", "bool", R)],
        ),
        (
            "Exercise 4: Design a database to store the boats of the sailing school. For each boat we store the name,"
            " hull length and purchase date.",
            "Boat",
            [("name", "str", R), ("hull_length", "float", R), ("purchase_date", "date", R)],
        ),
    ],
)
def test_the_request_is_read_inside_its_frame(request_text: str, entity: str, attributes: list[tuple[str, str, bool]]) -> None:
    """Who forwarded or quoted a request, or which exercise it is, says nothing about what to build."""
    assert created(request_text) == ("create", entity, attributes)


def test_a_quotation_that_is_a_name_stays_part_of_the_request() -> None:
    got = reading("rename 'opened at' to 'reported at' in Ticket", ["Ticket"])
    assert (got["renamed_from"], got["renamed_to"]) == ("opened_at", "reported_at")
    assert reading("add status to Ticket with default 'not yet triaged'", ["Ticket"])["defaults"] == {"status": "not yet triaged"}


@pytest.mark.parametrize(
    "request_text, entity, attributes",
    [
        (
            "we need to track kilns - each one has a serial, a max temperature and whether it's currently in service",
            "Kiln",
            [("serial", "str", R), ("max_temperature", "float", R), ("in_service", "bool", R)],
        ),
        (
            "I want store the hives, each hive have location, queen age and honey yield",
            "Hive",
            [("location", "str", R), ("queen_age", "int", R), ("honey_yield", "float", R)],
        ),
        (
            "create Shelf\nlabel\naisle\nmax weight",
            "Shelf",
            [("label", "str", R), ("aisle", "str", R), ("max_weight", "float", R)],
        ),
        (
            "add Locker model: number | floor | rented",
            "Locker",
            [("number", "str", R), ("floor", "int", R), ("rented", "bool", R)],
        ),
        (
            "Kiosk app needs a Snack entity: name + price + in stock",
            "Snack",
            [("name", "str", R), ("price", "float", R), ("in_stock", "bool", R)],
        ),
        (
            "new entity: boarding pass with seat, gate, boarded",
            "BoardingPass",
            [("seat", "str", R), ("gate", "str", R), ("boarded", "bool", R)],
        ),
        (
            "add a maintenance record entity: part, replaced on, cost",
            "MaintenanceRecord",
            [("part", "str", R), ("replaced_on", "date", R), ("cost", "float", R)],
        ),
        ("create drop-off point with address and open late", "DropOffPoint", [("address", "str", R), ("open_late", "bool", R)]),
        (
            "make a new one called Dive uh with the site the depth and the date",
            "Dive",
            [("site", "str", R), ("depth", "float", R), ("date", "date", R)],
        ),
        ("create Fermenter with volume and whether they vent", "Fermenter", [("volume", "float", R), ("vents", "bool", R)]),
    ],
)
def test_lists_after_each_one_has_bare_lines_pipes_and_spoken_articles(
    request_text: str, entity: str, attributes: list[tuple[str, str, bool]]
) -> None:
    assert created(request_text) == ("create", entity, attributes)


@pytest.mark.parametrize(
    "request_text, existing, renamed",
    [
        ("in Locker, call code 'pin' instead", ["Locker"], ("code", "pin")),
        ("Please change the name of the field 'opened at' in Ticket to 'reported at'", ["Ticket"], ("opened_at", "reported_at")),
        ("rename the cost column in Part as unit price", ["Part"], ("cost", "unit_price")),
        ("locker -> cubby (rename)", ["Locker"], ("Locker", "Cubby")),
        ("the Tenant dob field should be date_of_birth", ["Tenant"], ("dob", "date_of_birth")),
        ("customers call them cubbies now, so rename Locker to Cubby", ["Locker"], ("Locker", "Cubby")),
    ],
)
def test_renames_said_in_everyday_words(request_text: str, existing: list[str], renamed: tuple[str, str]) -> None:
    got = reading_of(request_text, existing, ("renamed_from", "renamed_to"))
    assert (got["renamed_from"], got["renamed_to"]) == renamed


def test_a_reason_before_a_command_on_it_keeps_what_it_names() -> None:
    """ "… so delete that entity": the reason names the entity, so it is not cut off."""
    assert reading("we stopped renting kayaks so delete that entity", ["Kayak"])["entity"] == "Kayak"


def test_removals_and_deletions_with_a_reason_or_an_adjective() -> None:
    assert reading("drop column fax from Vendor, it is not used", ["Vendor"])["removed"] == ["fax"]
    assert reading_of("remove the deprecated Pager entity", ["Pager"], ("intent", "entity")) == {
        "intent": "delete_entity",
        "entity": "Pager",
    }
    assert reading("delete the old bike entity", ["OldBike"])["entity"] == "OldBike"


@pytest.mark.parametrize(
    "request_text",
    ["link each dive to a boat, if any", "connect Dive to Boat (optional, shore dives have none)"],
)
def test_a_reference_said_to_be_optional_is_optional(request_text: str) -> None:
    recognition = recognize(request_text, existing_entities=("Dive", "Boat"))
    spec = recognition_to_json(recognition)
    assert recognition.intent == "relationship"
    assert [(r["target"], r["kind"], r["required"]) for r in spec["relationships"]] == [("Boat", "many_to_one", False)]


def test_flags_and_amounts_named_by_phrases() -> None:
    assert created(
        "create Rental with deposit paid, amount paid, signed by renter, lease end, last cleaning, helmet qty, petty cash"
    )[2] == [
        ("deposit_paid", "bool", R),
        ("amount_paid", "float", R),
        ("signed_by_renter", "bool", R),
        ("lease_end", "date", R),
        ("last_cleaning", "date", R),
        ("helmet_qty", "int", R),
        ("petty_cash", "float", R),
    ]
    assert created("create Rota with shift start, last name, available evenings, courier required (bool)")[2] == [
        ("shift_start", "datetime", R),
        ("last_name", "str", R),
        ("available_evenings", "bool", R),
        ("courier_required", "bool", R),
    ]


def test_a_long_name_ending_in_a_restated_type_is_one_name() -> None:
    got = reading("give Driver a licence check expiry date and a jacket size", ["Driver"])
    assert got["attributes"] == [("licence_check_expiry_date", "date", R), ("jacket_size", "str", R)]
    assert created("create Person with first name last name start date end date")[2] == [
        ("first_name", "str", R),
        ("last_name", "str", R),
        ("start_date", "date", R),
        ("end_date", "date", R),
    ]


def test_a_word_for_who_does_a_known_verb_is_no_typo() -> None:
    assert canonical_tokens("create Fermenter with volume")[1] == "fermenter"
    assert created("create Fermenter with volume")[1] == "Fermenter"


@pytest.mark.parametrize(
    "request_text, entity, attributes",
    [
        (
            "For my web dev project (a gym scenario), I need a Locker Rental with locker number, starts on and paid",
            "LockerRental",
            [("locker_number", "str", R), ("starts_on", "date", R), ("paid", "bool", R)],
        ),
        (
            "What we need is basically a list of charging stations, each with a code, a location and a fast charger yes/no",
            "ChargingStation",
            [("code", "str", R), ("location", "str", R), ("fast_charger", "bool", R)],
        ),
        (
            "I need Tool Loan Slip, it have borrower name, tool, due date",
            "ToolLoanSlip",
            [("borrower_name", "str", R), ("tool", "str", R), ("due_date", "date", R)],
        ),
        (
            "Please make Kayak entity. hull number, colour, has rudder, hourly price.",
            "Kayak",
            [("hull_number", "str", R), ("colour", "str", R), ("has_rudder", "bool", R), ("hourly_price", "float", R)],
        ),
        (
            "Pump station -> name, district, pump count, last inspection",
            "PumpStation",
            [("name", "str", R), ("district", "str", R), ("pump_count", "int", R), ("last_inspection", "date", R)],
        ),
        ("Hostel, fields: name / city / beds free", "Hostel", [("name", "str", R), ("city", "str", R), ("beds_free", "int", R)]),
        (
            "I want a form where I can enter each water reading: meter, read at, litres",
            "WaterReading",
            [("meter", "str", R), ("read_at", "datetime", R), ("litres", "float", R)],
        ),
        (
            "we need bike repairs with frame number, booked in and it is done or not, and if it's urgent",
            "BikeRepair",
            [("frame_number", "str", R), ("booked_in", "bool", R), ("done", "bool", R), ("urgent", "bool", R)],
        ),
    ],
)
def test_preambles_said_lists_and_clauses_that_name_flags(
    request_text: str, entity: str, attributes: list[tuple[str, str, bool]]
) -> None:
    assert created(request_text) == ("create", entity, attributes)


def test_a_participle_of_a_delete_verb_names_a_state_not_a_deletion() -> None:
    assert created("let's log each harvest: crate count, picked at and discarded yes/no")[1] == "Harvest"
    assert reading("the Coupon entity should be deleted", ["Coupon"])["intent"] == "delete_entity"
    assert created("store drop-off points with name and accepts glass")[1] == "DropOffPoint"


def test_a_screen_part_added_to_an_entity_is_refused() -> None:
    with pytest.raises(RecognitionError, match="user interface"):
        reading("add a button to print the Invoices", ["Invoice"])
    assert reading("add page count to Report", ["Report"])["attributes"] == [("page_count", "int", R)]


@pytest.mark.parametrize(
    "request_text, entity, attributes",
    [
        (
            "Tool Kit; label; shelf; kits available; includes torch",
            "ToolKit",
            [("label", "str", R), ("shelf", "str", R), ("kits_available", "int", R), ("includes_torch", "bool", R)],
        ),
        (
            "Each parcel that arrives should be logged as a Delivery: sender, arrived at, received by",
            "Delivery",
            [("sender", "str", R), ("arrived_at", "datetime", R), ("received_by", "str", R)],
        ),
        ("busy day, just give me Shift: starts at, ends at", "Shift", [("starts_at", "datetime", R), ("ends_at", "datetime", R)]),
        ("can u make a Lamp thing -> wattage + colour", "Lamp", [("wattage", "float", R), ("colour", "str", R)]),
        (
            "As a baker I log Proofing records: dough, minutes, room temperature",
            "Proofing",
            [("dough", "str", R), ("minutes", "int", R), ("room_temperature", "float", R)],
        ),
    ],
)
def test_names_before_semicolons_logged_as_give_me_and_arrows_after_thing(
    request_text: str, entity: str, attributes: list[tuple[str, str, bool]]
) -> None:
    assert created(request_text) == ("create", entity, attributes)


def test_changes_said_with_a_trailing_optional_or_a_reason() -> None:
    assert reading("put a fax on the Vendor, optional", ["Vendor"])["attributes"] == [("fax", "str", False)]
    assert reading("Remove the pager from the Nurse record, HR keeps it elsewhere", ["Nurse"])["removed"] == ["pager"]
    link = reading("each Ticket is associated with exactly one Venue", ["Ticket", "Venue"])
    assert (link["intent"], link["relationships"]) == ("relationship", [("Venue", "many_to_one")])
    renamed = reading("Our 'Pupil' table should really be called 'Learner'", ["Pupil"])
    assert (renamed["intent"], renamed["renamed_to"]) == ("rename_entity", "Learner")


def test_a_verb_or_adverb_never_names_an_entity() -> None:
    """A misread sentence refuses rather than make "Have" or "Exactly" an entity."""
    with pytest.raises(RecognitionError):
        reading("Given a Kiosk, it must also have a serial and a zone", ["Kiosk"])
    with pytest.raises(RecognitionError, match="is not a word of a name"):
        reading("create Have with name")


def test_a_clause_about_what_the_app_does_ends_the_list_with_a_note() -> None:
    recognition = recognize("create Volunteer with name and phone and remind them by text when a shift opens")
    spec = recognition_to_json(recognition)
    assert [a["name"] for a in spec["attributes"]] == ["name", "phone"]
    assert any("what the app does" in note for note in recognition.notes)
    assert created("create Plugin with name, download count and remind on")[2] == [
        ("name", "str", R),
        ("download_count", "int", R),
        ("remind_on", "date", R),
    ]


@pytest.mark.parametrize(
    "request_text",
    [
        "rename 'opened at' to 'reported at' in Ticket",
        "Tool Kit; label; shelf; kits available",
        "busy day, just give me Shift: starts at, ends at",
        "I think Locker should be called Cubby",
        "Our 'Pupil' table should really be called 'Learner'",
        "the Tenant dob field should be date_of_birth",
        'Fwd: From Priya — "Could the app keep a list of tutors? Name and hourly rate."',
    ],
)
def test_this_rounds_phrases_read_the_same_in_any_case(request_text: str) -> None:
    """The cache key folds case, so every rewrite reads "GIVE ME SHIFT:" as "give me shift:" (only a Title Case
    name of several words, as written, is read as one name: ``title_names``)."""
    assert canonical_tokens(request_text.upper()) == canonical_tokens(request_text.lower())
