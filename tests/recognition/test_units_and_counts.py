"""Units a name cannot hold, counted participles, Title Case names ending on "Record", and integrations."""

from __future__ import annotations

import pytest

from baes.recognition.attribute_types import attribute_type
from baes.recognition.model import RecognitionError
from baes.recognition.offline import recognize_offline
from baes.recognition.unit_marks import units_as_types


def _fields(request_text: str, existing: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    draft = recognize_offline(request_text, existing)
    return [(a.name, a.type) for a in draft.entity.attributes]


@pytest.mark.parametrize(
    ("request_text", "field"),
    [
        ("Create a Pond with name, surface temp °C and depth", ("surface_temp", "float")),
        ("create a Culture entity with strain, inoculum volume µL, started on", ("inoculum_volume", "float")),
        ("Create a Bottle entity: label, fill temperature (°F), bottled on", ("fill_temperature", "float")),
        ("create a Canopy entity with plot, leaf cover %, surveyed on", ("leaf_cover", "float")),
        ("create a Borehole entity with code, casing depth m, drilled on", ("casing_depth", "float")),
        ("Create a Mill entity with name, grind speed in g, runs", ("grind_speed", "float")),
        ("create a Spring entity with name, clarity in NTU, visited on", ("clarity", "float")),
        ("Create a Weir entity with code, flow in cfs, read at", ("flow", "float")),
        ("create a Beacon entity with name, gps lat, gps lon", ("gps_lat", "float")),
    ],
)
def test_a_unit_no_name_can_hold_makes_a_measure(request_text: str, field: tuple[str, str]) -> None:
    assert field in _fields(request_text)


@pytest.mark.parametrize(
    "text",
    [
        "create Shirt with size L, colour and price",  # a clothing size
        "create Juice with name, vitamin C and price",  # a vitamin
        "create Product with name and made in USA",  # a place
    ],
)
def test_a_letter_or_capitals_that_are_no_unit_stay(text: str) -> None:
    assert units_as_types(text).count("(decimal)") == 0 or "USA" in text


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("shifts_worked", "int"),
        ("eggs_found", "int"),
        ("photos_captured", "int"),
        ("goals_scored", "int"),
        ("hours_worked", "float"),  # a measure of time
        ("pets_allowed", "bool"),  # a state
        ("total_visitors", "int"),
        ("total_bookings", "int"),
        ("total_sales", "float"),  # money
        ("total_hours", "float"),
        ("number_seen", "int"),
        ("volume_used", "float"),  # a measure used
        ("location_found", "str"),  # where, not whether
        ("analysed_on", "date"),  # the British spelling of a participle
    ],
)
def test_plural_things_done_are_counted(name: str, kind: str) -> None:
    assert attribute_type(name) == kind


@pytest.mark.parametrize(
    ("request_text", "entity"),
    [
        ("make Calibration Record with instrument, checked on, passed", "CalibrationRecord"),
        ("please create Maintenance Record with machine, serviced on, cost", "MaintenanceRecord"),
        ("I want to Record Deliveries with a date and a driver name", "Delivery"),  # first in a run: a command
    ],
)
def test_a_title_case_name_may_end_on_record(request_text: str, entity: str) -> None:
    assert recognize_offline(request_text, ()).entity.name == entity


@pytest.mark.parametrize(
    "request_text",
    [
        "connect the app to our Xero account so invoices sync",
        "Could you integrate this with Mailchimp?",
        "generate a random band name for my project",
        "make the members page green please",
        "make the booking form look like our paper one",
    ],
)
def test_integrations_made_up_content_and_looks_are_refused(request_text: str) -> None:
    with pytest.raises(RecognitionError):
        recognize_offline(request_text, ("Invoice", "Member", "Booking"))


def test_linking_each_row_is_still_a_relationship() -> None:
    draft = recognize_offline("connect each invoice to a member", ("Invoice", "Member"))
    assert draft.intent == "relationship"


@pytest.mark.parametrize(("plural", "singular"), [("hypotheses", "Hypothesis"), ("diagnoses", "Diagnosis")])
def test_greek_plurals_name_one_thing(plural: str, singular: str) -> None:
    assert recognize_offline(f"Create {plural.title()} with statement, made on, confirmed", ()).entity.name == singular


def test_ph_is_one_word() -> None:
    assert ("soil_ph", "float") in _fields("create a Bed entity with name, soil pH, dug on")


def test_a_request_of_thousands_of_units_grows_by_a_bounded_amount() -> None:
    hostile = "a %" * 1300
    assert units_as_types(hostile).count("(decimal)") == 40
