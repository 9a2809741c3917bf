"""Requests written as stories, schemas and diagrams (round 7 of docs/recognition.md): Title Case names,
user stories with acceptance criteria, SQL / Prisma / TypeScript / pydantic definitions, cardinality
notation, example rows after the fields, the entity named before its command, and types said by the
grammar of a name ("year built", "still open", "calibration due").

Each case is our own wording (none is a labelled request of the benchmark) and asserts the whole reading.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from tests.support.recognition_reading import created, reading, reading_of

from baes.recognition.model import RecognitionError
from baes.recognition.normalize import canonical_tokens
from baes.recognition.title_names import join_title_names

R, OPT = True, False

CREATES: list[tuple[str, str, list[tuple[str, str, bool]]]] = [
    # a Title Case name of several words stays whole, qualifiers and structure words included
    (
        "Please set up a Harbour Pilot Booking: vessel name, pilot, boarding time",
        "HarbourPilotBooking",
        [("vessel_name", "str", R), ("pilot", "str", R), ("boarding_time", "datetime", R)],
    ),
    (
        "make Night School Class with tutor, room and max learners",
        "NightSchoolClass",
        [("tutor", "str", R), ("room", "str", R), ("max_learners", "int", R)],
    ),
    (
        "we want a Spare Part Record entity with part code, bin, quantity",
        "SparePartRecord",
        [("part_code", "str", R), ("bin", "str", R), ("quantity", "int", R)],
    ),
    # a misspelt word of a Title Case name is corrected as a name
    ("create Trainnig Session with coach, starts at", "TrainingSession", [("coach", "str", R), ("starts_at", "datetime", R)]),
    # user stories: the role and the purpose say why, the criteria say what
    (
        "As a kennel owner I want to track Dog Stays so that I can bill owners.\n"
        "Acceptance criteria: a dog stay has dog name, arrival date, nights and owner phone.",
        "DogStay",
        [("dog_name", "str", R), ("arrival_date", "date", R), ("nights", "int", R), ("owner_phone", "str", R)],
    ),
    (
        "As a curator, I need a loan agreement so we can lend paintings.\nAC: borrower, insured value, returned",
        "LoanAgreement",
        [("borrower", "str", R), ("insured_value", "float", R), ("returned", "bool", R)],
    ),
    (
        "I need a ferry route. It has origin port, destination port, crossing minutes",
        "FerryRoute",
        [("origin_port", "str", R), ("destination_port", "str", R), ("crossing_minutes", "int", R)],
    ),
    # schema definitions: SQL columns, Prisma and TypeScript blocks, a pydantic class
    (
        "create table Lockers: locker_code varchar(8) not null, floor integer, rented boolean, rented_until date null",
        "Locker",
        [("locker_code", "str", R), ("floor", "int", R), ("rented", "bool", R), ("rented_until", "date", OPT)],
    ),
    (
        "model Kite {\n  label String\n  span Float\n  lastFlown DateTime?\n}",
        "Kite",
        [("label", "str", R), ("span", "float", R), ("last_flown", "datetime", OPT)],
    ),
    (
        "interface Beacon {\n  serialCode: string;\n  batteryVolts: number;\n  note?: string;\n}",
        "Beacon",
        [("serial_code", "str", R), ("battery_volts", "float", R), ("note", "str", OPT)],
    ),
    (
        "class Greenhouse(BaseModel):\n    name: str\n    panes: int\n    heated: bool = False\n    notes: Optional[str] = None",
        "Greenhouse",
        [("name", "str", R), ("panes", "int", R), ("heated", "bool", R), ("notes", "str", OPT)],
    ),
    # an example row after the fields is no field
    (
        "Passenger (full name, seat, checked in) e.g. 'Li Wei', 14C, yes",
        "Passenger",
        [("full_name", "str", R), ("seat", "str", R), ("checked_in", "bool", R)],
    ),
    (
        "Could we keep track of rentals? Like the renter, the return date and the deposit.",
        "Rental",
        [("renter", "str", R), ("return_date", "date", R), ("deposit", "float", R)],
    ),
    (
        "I want to make entity Silo where I keep the name, the grain and the tonnes",
        "Silo",
        [("name", "str", R), ("grain", "str", R), ("tonnes", "float", R)],
    ),
    # types said by the grammar of a name
    (
        "create Lighthouse with year built, still lit, keeper present, paint due, beam chance",
        "Lighthouse",
        [
            ("year_built", "int", R),
            ("still_lit", "bool", R),
            ("keeper_present", "bool", R),
            ("paint_due", "date", R),
            ("beam_chance", "float", R),
        ],
    ),
    (
        "create Reactor with fuel rods, cooling cycles, shift start, lease start",
        "Reactor",
        [("fuel_rods", "int", R), ("cooling_cycles", "int", R), ("shift_start", "datetime", R), ("lease_start", "date", R)],
    ),
    # "an entity for X", a question before its list, spreadsheet headers with their tabs
    (
        "could you make a table for ferry crossings? departure port, sails at, car spaces",
        "FerryCrossing",
        [("departure_port", "str", R), ("sails_at", "datetime", R), ("car_spaces", "int", R)],
    ),
    (
        "create Buoy from these headers: Code\tDepth\tLast Painted\tLit",
        "Buoy",
        [("code", "str", R), ("depth", "float", R), ("last_painted", "date", R), ("lit", "bool", R)],
    ),
    (
        "we want to record check-ins: guest, room, in time, out time",
        "CheckIn",
        [("guest", "str", R), ("room", "str", R), ("in_time", "datetime", R), ("out_time", "datetime", R)],
    ),
    ("keep a list of my nephews with there name and shoe size", "Nephew", [("name", "str", R), ("shoe_size", "str", R)]),
    # a description of an entity the app does not have is a create
    (
        "Kayaks need a hull colour, a length and a last inspection date",
        "Kayak",
        [("hull_colour", "str", R), ("length", "float", R), ("last_inspection_date", "date", R)],
    ),
]


@pytest.mark.parametrize("request_text, entity, attributes", CREATES, ids=[c[0][:40] for c in CREATES])
def test_creates(request_text: str, entity: str, attributes: list[tuple[str, str, bool]]) -> None:
    assert created(request_text) == ("create", entity, attributes)


CHANGES: list[tuple[str, Sequence[str], dict[str, Any]]] = [
    # cardinality notation: the many side holds the key
    (
        "Harbour 1:N Berth",
        ["Harbour", "Berth"],
        {"intent": "relationship", "entity": "Berth", "relationships": [("Harbour", "many_to_one")]},
    ),
    (
        "Harbour 1-N Berths",
        ["Harbour", "Berth"],
        {"intent": "relationship", "entity": "Berth", "relationships": [("Harbour", "many_to_one")]},
    ),
    (
        "Berth N:1 Harbour",
        ["Harbour", "Berth"],
        {"intent": "relationship", "entity": "Berth", "relationships": [("Harbour", "many_to_one")]},
    ),
    (
        "one-to-many: Harbour (1) -> Berths (N)",
        ["Harbour", "Berth"],
        {"intent": "relationship", "entity": "Berth", "relationships": [("Harbour", "many_to_one")]},
    ),
    (
        "Sailor N:M Regatta",
        ["Sailor", "Regatta"],
        {"intent": "relationship", "entity": "Sailor", "relationships": [("Regatta", "many_to_many")]},
    ),
    (
        "Sailors <-> Regattas many2many",
        ["Sailor", "Regatta"],
        {"intent": "relationship", "entity": "Sailor", "relationships": [("Regatta", "many_to_many")]},
    ),
    (
        "we need a join table between Sailor and Boat",
        ["Sailor", "Boat"],
        {"intent": "relationship", "entity": "Sailor", "relationships": [("Boat", "many_to_many")]},
    ),
    # ALTER TABLE as the request it is
    (
        "ALTER TABLE berths ADD COLUMN depth_m float",
        ["Berth"],
        {"intent": "add_attributes", "entity": "Berth", "attributes": [("depth_m", "float", R)]},
    ),
    (
        "alter the berths table: drop column buoy",
        ["Berth"],
        {"intent": "remove_attributes", "entity": "Berth", "removed": ["buoy"]},
    ),
    (
        "ALTER TABLE berths RENAME COLUMN buoy TO mooring",
        ["Berth"],
        {"intent": "rename_attribute", "entity": "Berth", "renamed_from": "buoy", "renamed_to": "mooring"},
    ),
    # the entity named before its command
    (
        "Kayak add field: seat count, rudder",
        ["Kayak"],
        {"intent": "add_attributes", "entity": "Kayak", "attributes": [("seat_count", "int", R), ("rudder", "str", R)]},
    ),
    ("Kayaks: remove hull colour", ["Kayak"], {"intent": "remove_attributes", "entity": "Kayak", "removed": ["hull_colour"]}),
    (
        "For Kayak, rename rudder into skeg",
        ["Kayak"],
        {"intent": "rename_attribute", "entity": "Kayak", "renamed_from": "rudder", "renamed_to": "skeg"},
    ),
    # a removal said first, then "get rid of it": the field goes, not the entity
    (
        "Kayak no longer needs the rudder, get rid of it",
        ["Kayak"],
        {"intent": "remove_attributes", "entity": "Kayak", "removed": ["rudder"]},
    ),
    ("Remove entirely the entity Kayak.", ["Kayak"], {"intent": "delete_entity", "entity": "Kayak"}),
    ("nuke Kayak, nobody paddles", ["Kayak"], {"intent": "delete_entity", "entity": "Kayak"}),
]


@pytest.mark.parametrize("request_text, existing, expected", CHANGES, ids=[c[0][:40] for c in CHANGES])
def test_changes(request_text: str, existing: Sequence[str], expected: dict[str, Any]) -> None:
    assert reading_of(request_text, existing, expected) == expected


@pytest.mark.parametrize(
    "request_text",
    ["Can you explain what a join table is?", "explain the difference between a field and an entity"],
)
def test_questions_are_refused(request_text: str) -> None:
    with pytest.raises(Exception, match="question"):
        reading(request_text)


def test_title_case_is_kept_apart_from_commands_and_sentence_starts() -> None:
    """A command, a sentence's first word and "call X Y" are not part of a name; a request written
    all in Title Case says nothing by its capitals."""
    assert join_title_names("Merge Crew and Boat") == "Merge Crew and Boat"
    assert join_title_names("Create Ferry Route with name") == "Create Ferry_Route with name"
    assert join_title_names("let's call Ferries Boats") == "let's call Ferries Boats"
    assert join_title_names("Create A Ferry Route With Name And Port") == "Create A Ferry Route With Name And Port"
    assert join_title_names("Mooring Fee: amount") == "Mooring_Fee: amount"


def test_title_case_names_are_part_of_the_cache_key() -> None:
    """Two requests that read differently never share a cache key."""
    assert canonical_tokens("create Ferry Route with name") != canonical_tokens("create ferry route with name")


def test_everyday_names_ending_in_a_type_word_are_no_column_definitions() -> None:
    got = reading("create Shift with start date, break time, body text, hire date")
    assert got["attributes"] == [
        ("start_date", "date", R),
        ("break_time", "datetime", R),
        ("body", "str", R),
        ("hire_date", "date", R),
    ]


def test_a_version_number_is_no_cardinality() -> None:
    assert reading("create Release with name, phase 1 - draft")["relationships"] == []


@pytest.mark.parametrize(
    "request_text",
    ["create Tide with height so it floods, time", "create those over there: label"],
)
def test_a_name_no_one_would_give_is_refused_not_created(request_text: str) -> None:
    """A pronoun, an auxiliary or a conjunction inside a name means the sentence was misread."""
    with pytest.raises(RecognitionError, match="is not a word of a name"):
        reading(request_text, ["Member"])


@pytest.mark.parametrize(
    "text",
    ["e \tg x", "example - 'Ana' - text", "Acceptance - for I model ? ( Acceptance to", "for N:M there ? null", "eg 5, eg 'b'"],
)
def test_rewrites_keep_the_canonical_form_a_fixed_point(text: str) -> None:
    """A rewrite may make words another rewrite reads; the canonical form still reads as itself."""
    tokens = canonical_tokens(text)
    assert canonical_tokens(" ".join(tokens)) == tokens
