"""Requests as people paste and abbreviate them (round 5 of docs/recognition.md): layout, shorthands,
units after "in", values for stored rows, removals through a pronoun, and what is refused.

Each case is our own wording (none is a labelled request of the benchmark) and asserts the whole reading.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from tests.support.recognition_reading import created, reading_of
from tests.support.recognition_reading import reading as _reading  # a test below names a local `reading`

from baes.recognition.model import RecognitionError
from baes.recognition.recognize import recognize

R = True

CREATES: list[tuple[str, str, list[tuple[str, str, bool]]]] = [
    # layout people paste
    ("new Kayak w/ hull length, seats, color", "Kayak", [("hull_length", "float", R), ("seats", "int", R), ("color", "str", R)]),
    ("**Beehive**: hive code (string), frames (integer)", "Beehive", [("hive_code", "str", R), ("frames", "int", R)]),
    (
        "OPS-77: Implement Generator entity\nFields:\n- serial code\n- fuel litres",
        "Generator",
        [("serial_code", "str", R), ("fuel_litres", "float", R)],
    ),
    (
        "Certainly! Here is what you asked for:\n\nTelescopeMount\n- payload\n- motorized",
        "TelescopeMount",
        [("payload", "str", R), ("motorized", "bool", R)],
    ),
    ("Table Greenhouse\n- bench count\n- heated", "Greenhouse", [("bench_count", "int", R), ("heated", "bool", R)]),
    (
        "generate Drone wingspan:float armed:bool callsign:str",
        "Drone",
        [("wingspan", "float", R), ("armed", "bool", R), ("callsign", "str", R)],
    ),
    (
        "make a Cask with owner + volume + filled on",
        "Cask",
        [("owner", "str", R), ("volume", "float", R), ("filled_on", "date", R)],
    ),
    # units after "in", scales
    (
        "Create a Pond with depth in metres, capacity in kayaks, cleaning interval in weeks",
        "Pond",
        [("depth", "float", R), ("capacity", "int", R), ("cleaning_interval", "int", R)],
    ),
    ("Create a Barn with floor area in square feet", "Barn", [("floor_area", "float", R)]),
    (
        "create a Survey Answer with satisfaction (1-5) and comment",
        "SurveyAnswer",
        [("satisfaction", "int", R), ("comment", "str", R)],
    ),
    ("add a Lens with focal length, coating in nm (decimal)", "Lens", [("focal_length", "float", R), ("coating", "float", R)]),
    # the request opens with the entity's noun phrase
    (
        "boarding pass: gate, seat, boarding time",
        "BoardingPass",
        [("gate", "str", R), ("seat", "str", R), ("boarding_time", "datetime", R)],
    ),
    ("log tractors: brand, engine hours", "Tractor", [("brand", "str", R), ("engine_hours", "float", R)]),
    # types that depend on the words before the head
    (
        "Create a Rugby Match with final score, glove size, fuel level",
        "RugbyMatch",
        [("final_score", "int", R), ("glove_size", "str", R), ("fuel_level", "float", R)],
    ),
    ("Create a Candidate with name and willing to travel", "Candidate", [("name", "str", R), ("willing_to_travel", "bool", R)]),
    (
        "Create an Orchard with row, field, cider kilos",
        "Orchard",
        [("row", "str", R), ("field", "str", R), ("cider_kilos", "float", R)],
    ),
    # a purpose clause ends the list; a later short name wins unless too general
    (
        "record sightings with bird, place and count, so that the club can compare years",
        "Sighting",
        [("bird", "str", R), ("place", "str", R), ("count", "int", R)],
    ),
    ("We book festival stalls. Each stall has a number and a rent.", "Stall", [("number", "str", R), ("rent", "float", R)]),
    (
        "We handle repair requests. Each request has a device and a fault.",
        "RepairRequest",
        [("device", "str", R), ("fault", "str", R)],
    ),
]


@pytest.mark.parametrize("request_text, entity, attributes", CREATES, ids=[c[0][:40] for c in CREATES])
def test_creates(request_text: str, entity: str, attributes: list[tuple[str, str, bool]]) -> None:
    assert created(request_text) == ("create", entity, attributes)


CHANGES: list[tuple[str, Sequence[str], dict[str, Any]]] = [
    # renames written as code or with an arrow, and new names that end before a clause
    (
        "Kennel.size -> pen_size",
        ["Kennel"],
        {"intent": "rename_attribute", "entity": "Kennel", "renamed_from": "size", "renamed_to": "pen_size"},
    ),
    (
        "Courier.vehicle should be transport_mode",
        ["Courier"],
        {"intent": "rename_attribute", "entity": "Courier", "renamed_from": "vehicle", "renamed_to": "transport_mode"},
    ),
    (
        "Hangar -> Depot please",
        ["Hangar"],
        {"intent": "rename_entity", "entity": "Hangar", "renamed_from": "Hangar", "renamed_to": "Depot"},
    ),
    (
        "rename Trainer to Coach throughout the codebase",
        ["Trainer"],
        {"intent": "rename_entity", "entity": "Trainer", "renamed_from": "Trainer", "renamed_to": "Coach"},
    ),
    (
        "on Quiz could we change 'pts' to 'points' so the export reads well",
        ["Quiz"],
        {"intent": "rename_attribute", "entity": "Quiz", "renamed_from": "pts", "renamed_to": "points"},
    ),
    (
        "in the Cabin entity rename the field 'sleeps' into 'beds'",
        ["Cabin"],
        {"intent": "rename_attribute", "entity": "Cabin", "renamed_from": "sleeps", "renamed_to": "beds"},
    ),
    (
        "could we call Supplier Vendor instead",
        ["Supplier"],
        {"intent": "rename_entity", "entity": "Supplier", "renamed_from": "Supplier", "renamed_to": "Vendor"},
    ),
    # "E: add …", "+" lists, values for stored rows
    (
        "Kennel: add heated + has run",
        ["Kennel"],
        {"intent": "add_attributes", "entity": "Kennel", "attributes": [("heated", "bool", R), ("has_run", "bool", R)]},
    ),
    (
        "Rider needs a helmet size and a tier (default 'bronze' for existing riders)",
        ["Rider"],
        {
            "intent": "add_attributes",
            "entity": "Rider",
            "attributes": [("helmet_size", "str", R), ("tier", "str", R)],
            "defaults": {"tier": "bronze"},
        },
    ),
    (
        "add a visits count to Patron, starting at 0 for all the current ones",
        ["Patron"],
        {
            "intent": "add_attributes",
            "entity": "Patron",
            "attributes": [("visits_count", "int", R)],
            "defaults": {"visits_count": "0"},
        },
    ),
    (
        "give Ferry a 'refrigerated' flag, defaulting to false for the old ones",
        ["Ferry"],
        {
            "intent": "add_attributes",
            "entity": "Ferry",
            "attributes": [("refrigerated", "bool", R)],
            "defaults": {"refrigerated": "false"},
        },
    ),
    # removals through a pronoun, and the whole app as a place
    (
        "nobody fills the fax number on Clinic, take it out",
        ["Clinic"],
        {"intent": "remove_attributes", "entity": "Clinic", "removed": ["fax_number"]},
    ),
    (
        "the nickname column and the motto column on Crew are unused; drop them",
        ["Crew"],
        {"intent": "remove_attributes", "entity": "Crew", "removed": ["nickname", "motto"]},
    ),
    (
        "Cabin has a wifi password field that is never used. Remove it.",
        ["Cabin"],
        {"intent": "remove_attributes", "entity": "Cabin", "removed": ["wifi_password"]},
    ),
    (
        "scrap the notes + legacy_code cols on Ferry",
        ["Ferry"],
        {"intent": "remove_attributes", "entity": "Ferry", "removed": ["notes", "legacy_code"]},
    ),
    (
        "remove the Voucher entity from the app, we stopped the promotion",
        ["Voucher"],
        {"intent": "delete_entity", "entity": "Voucher"},
    ),
    (
        "drivers <-> depots, m2m",
        ["Driver", "Depot"],
        {"intent": "relationship", "entity": "Driver", "relationships": [("Depot", "many_to_many")]},
    ),
]


@pytest.mark.parametrize("request_text, existing, expected", CHANGES, ids=[c[0][:40] for c in CHANGES])
def test_changes(request_text: str, existing: Sequence[str], expected: dict[str, Any]) -> None:
    assert reading_of(request_text, existing, expected) == expected


@pytest.mark.parametrize(
    "request_text, existing, reason",
    [
        ("make the Kennel table filterable by size", ["Kennel"], "how data is shown"),
        ("change the colour of the Rider cards to green", ["Rider"], "how data is shown"),
        ("add sign in with GitHub", [], "signing in"),
        ("run `npm install` and then `docker compose up`", [], "commands to run"),
        ("remove the Ferry records older than 2019", ["Ferry"], "deleting rows"),
        ("add some things for the shop", [], "which attributes|which entity"),
    ],
)
def test_refusals_say_why(request_text: str, existing: Sequence[str], reason: str) -> None:
    with pytest.raises(RecognitionError, match=reason):
        recognize(request_text, existing_entities=tuple(existing))


def test_a_quoted_or_dotted_name_is_not_spell_corrected() -> None:
    reading = _reading("rename Booking.chekin to arrival", ["Booking"])
    assert (reading["renamed_from"], reading["renamed_to"]) == ("chekin", "arrival")
