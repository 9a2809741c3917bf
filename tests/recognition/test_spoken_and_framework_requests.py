"""Requests as people say them and as their frameworks name things (round 6 of docs/recognition.md):
British spellings, lists without commas, "log"/"keep" as commands, Django and Rails words, renames and
removals said in passing, references through "its", "stored in", "a few".

Each case is our own wording (none is a labelled request of the benchmark) and asserts the whole reading.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from tests.support.recognition_reading import created, reading, reading_of

R = True

CREATES: list[tuple[str, str, list[tuple[str, str, bool]]]] = [
    # British spellings and closed compounds are no typos
    (
        "create Workshop with labour hours, catalogue number, centre name, organisation",
        "Workshop",
        [("labour_hours", "float", R), ("catalogue_number", "str", R), ("centre_name", "str", R), ("organisation", "str", R)],
    ),
    ("create Trade with counterparty name, settled", "Trade", [("counterparty_name", "str", R), ("settled", "bool", R)]),
    # "log" and "keep" as commands; a list the writer wants in the next sentence
    ("log bonfire nights: site, started at", "BonfireNight", [("site", "str", R), ("started_at", "datetime", R)]),
    ("we need to keep our kilns. name, max temperature", "Kiln", [("name", "str", R), ("max_temperature", "float", R)]),
    (
        "set up a way to track tastings. We would like to record the wine, score and notes",
        "Tasting",
        [("wine", "str", R), ("score", "float", R), ("notes", "str", R)],
    ),
    ("I want to be able to log swims with pool, laps", "Swim", [("pool", "str", R), ("laps", "int", R)]),
    # a list opened by "(" ends at its ")"
    (
        "I want to track refills (station, litres, pumped at) so the fleet report is right",
        "Refill",
        [("station", "str", R), ("litres", "float", R), ("pumped_at", "datetime", R)],
    ),
    (
        "create Generator with diesel litres used, serial code",
        "Generator",
        [("diesel_litres_used", "float", R), ("serial_code", "str", R)],
    ),
    # framework words
    (
        "make a Ferry model: vessel_name CharField, berths PositiveIntegerField, fare DecimalField(max_digits=6), "
        "sails_on DateField",
        "Ferry",
        [("vessel_name", "str", R), ("berths", "int", R), ("fare", "float", R), ("sails_on", "date", R)],
    ),
    (
        "Summary: Keep greenhouse sensors\nFields:\n- sensor code\n- humidity level",
        "GreenhouseSensor",
        [("sensor_code", "str", R), ("humidity_level", "float", R)],
    ),
    # lists typed without commas
    (
        "make a climber thing with first name last name rope length and belay certified",
        "Climber",
        [("first_name", "str", R), ("last_name", "str", R), ("rope_length", "float", R), ("belay_certified", "bool", R)],
    ),
    (
        "we need puppies with name litter breed date of birth and chip number",
        "Puppy",
        [("name", "str", R), ("litter", "str", R), ("breed", "str", R), ("date_of_birth", "date", R), ("chip_number", "str", R)],
    ),
    (
        "create Voyage with departure date return date total cost",
        "Voyage",
        [("departure_date", "date", R), ("return_date", "date", R), ("total_cost", "float", R)],
    ),
    (
        "create Gauge with unit code and the date of the last calibration",
        "Gauge",
        [("unit_code", "str", R), ("date_of_last_calibration", "date", R)],
    ),
]


@pytest.mark.parametrize("request_text, entity, attributes", CREATES, ids=[c[0][:40] for c in CREATES])
def test_creates(request_text: str, entity: str, attributes: list[tuple[str, str, bool]]) -> None:
    assert created(request_text) == ("create", entity, attributes)


CHANGES: list[tuple[str, Sequence[str], dict[str, Any]]] = [
    # framework shorthands
    (
        "Orchard has_many :trees",
        ["Orchard", "Tree"],
        {"intent": "relationship", "entity": "Tree", "relationships": [("Orchard", "many_to_one")]},
    ),
    (
        "add FK harvest -> orchard",
        ["Harvest", "Orchard"],
        {"intent": "relationship", "entity": "Harvest", "relationships": [("Orchard", "many_to_one")]},
    ),
    (
        "a foreign key from Lap to Race please",
        ["Lap", "Race"],
        {"intent": "relationship", "entity": "Lap", "relationships": [("Race", "many_to_one")]},
    ),
    ("drop Kennel.heater", ["Kennel"], {"intent": "remove_attributes", "entity": "Kennel", "removed": ["heater"]}),
    (
        "Poem <-> Theme ManyToManyField",
        ["Poem", "Theme"],
        {"intent": "relationship", "entity": "Poem", "relationships": [("Theme", "many_to_many")]},
    ),
    # renames
    (
        "rename the column Resale Value to resale in Bike",
        ["Bike"],
        {"intent": "rename_attribute", "renamed_from": "resale_value", "renamed_to": "resale"},
    ),
    (
        "can we change colour to paint type for bikes?",
        ["Bike"],
        {"intent": "rename_attribute", "renamed_from": "colour", "renamed_to": "paint_type"},
    ),
    (
        "rename the Hut entity to Mountain Hut",
        ["Hut"],
        {"intent": "rename_entity", "renamed_from": "Hut", "renamed_to": "MountainHut"},
    ),
    (
        "change the Barge entity name to Vessel",
        ["Barge"],
        {"intent": "rename_entity", "renamed_from": "Barge", "renamed_to": "Vessel"},
    ),
    (
        "change trail maps to be called routes",
        ["TrailMap"],
        {"intent": "rename_entity", "renamed_from": "TrailMap", "renamed_to": "Route"},
    ),
    (
        "lets call trail maps routes from now on",
        ["TrailMap"],
        {"intent": "rename_entity", "renamed_from": "TrailMap", "renamed_to": "Route"},
    ),
    (
        "In Pump, flow rate -> flow",
        ["Pump"],
        {"intent": "rename_attribute", "entity": "Pump", "renamed_from": "flow_rate", "renamed_to": "flow"},
    ),
    (
        "in the Pump, change the name of the field rated power to power",
        ["Pump"],
        {"intent": "rename_attribute", "entity": "Pump", "renamed_from": "rated_power", "renamed_to": "power"},
    ),
    (
        "mooring fee on Berth should be renamed to harbour fee",
        ["Berth"],
        {"intent": "rename_attribute", "entity": "Berth", "renamed_from": "mooring_fee", "renamed_to": "harbour_fee"},
    ),
    (
        "Rename `Skiff` model to `Dinghy` to match the club's words",
        ["Skiff"],
        {"intent": "rename_entity", "renamed_to": "Dinghy"},
    ),
    # removals said in passing
    (
        "we don't need the tide note on moorings anymore",
        ["Mooring"],
        {"intent": "remove_attributes", "entity": "Mooring", "removed": ["tide_note"]},
    ),
    ("no need to keep the fax for agents", ["Agent"], {"intent": "remove_attributes", "entity": "Agent", "removed": ["fax"]}),
    (
        "The field paddle size is not needed anymore in Kayak, please drop it",
        ["Kayak"],
        {"intent": "remove_attributes", "entity": "Kayak", "removed": ["paddle_size"]},
    ),
    (
        "take the sugar off the smoothies",
        ["Smoothie"],
        {"intent": "remove_attributes", "entity": "Smoothie", "removed": ["sugar"]},
    ),
    ("take off the pager field from nurses", ["Nurse"], {"intent": "remove_attributes", "entity": "Nurse", "removed": ["pager"]}),
    # references
    (
        "a lap should reference its race",
        ["Lap", "Race"],
        {"intent": "relationship", "entity": "Lap", "relationships": [("Race", "many_to_one")]},
    ),
    (
        "a hive has several frames",
        ["Hive", "Frame"],
        {"intent": "relationship", "entity": "Frame", "relationships": [("Hive", "many_to_one")]},
    ),
    (
        "each bottle is kept in one rack",
        ["Bottle", "Rack"],
        {"intent": "relationship", "entity": "Bottle", "relationships": [("Rack", "many_to_one")]},
    ),
]


@pytest.mark.parametrize("request_text, existing, expected", CHANGES, ids=[c[0][:40] for c in CHANGES])
def test_changes(request_text: str, existing: Sequence[str], expected: dict[str, Any]) -> None:
    assert reading_of(request_text, existing, expected) == expected


def test_a_thing_named_thing_stays_an_entity() -> None:
    """ "a volunteer thing" is the Volunteer entity; "create a Thing" is still an entity called Thing."""
    assert reading("create a Thing with label")["entity"] == "Thing"
    assert reading("add label and colour to Thing", ["Thing"])["attributes"] == [("label", "str", R), ("colour", "str", R)]


def test_stored_in_a_unit_is_no_reference() -> None:
    """Only between two entities of the app does "stored in" make a reference."""
    got = reading("create Spice with weight stored in grams")
    assert (got["relationships"], got["attributes"][0][1]) == ([], "float")
