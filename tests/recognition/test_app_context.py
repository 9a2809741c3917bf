"""Sentences about what the app already has and holds are context, not a change (``app_context``)."""

from __future__ import annotations

import pytest

from baes.recognition.app_context import without_app_context
from baes.recognition.offline import recognize_offline

#: A create said next to entities the app has: the context sentence is dropped, the new entity read.
CREATES_NEXT_TO_EXISTING = [
    ("We already have Vans and Drivers. Now we need Depots too: name, postcode and dock count.", ("Van", "Driver"), "Depot"),
    (
        "Our garage app has Car and Mechanic. Please create Repair with description, cost and finished on.",
        ("Car", "Mechanic"),
        "Repair",
    ),
    ("Mechanic exists already. I also want a Tool entity with name, brand and bought on.", ("Mechanic",), "Tool"),
    ("Add a Warranty entity next to Car: provider, starts on, ends on", ("Car",), "Warranty"),
]


@pytest.mark.parametrize(("request_text", "existing", "entity"), CREATES_NEXT_TO_EXISTING)
def test_a_create_next_to_the_apps_entities_is_read(request_text: str, existing: tuple[str, ...], entity: str) -> None:
    draft = recognize_offline(request_text, existing)
    assert draft.intent == "create" and draft.entity.name == entity and len(draft.entity.attributes) == 3


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("Each loan belongs to a reader. We already have 40 readers and about 900 loans.", "Each loan belongs to a reader."),
        ("Rename Reader to Patron and keep all 40 records.", "Rename Reader to Patron."),
        ("Reader.card -> library_card please, data has to stay", "Reader.card -> library_card please"),
        ("we keep all the receipts with amount and date", "we keep all the receipts with amount and date"),
        ("we have clients. each client has a name", "we have clients. each client has a name"),
        ("Mechanic exists already", "Mechanic exists already"),  # the only sentence is never dropped
    ],
)
def test_only_context_is_dropped(text: str, left: str) -> None:
    assert without_app_context(text) == left


@pytest.mark.parametrize(
    ("request_text", "optional"),
    [
        ("Add a fax number to Supplier, it can stay empty for the old suppliers.", {"fax_number"}),
        ("Please add licence number and expiry to Driver, expiry can be null for now.", {"expiry"}),
        ("add a nickname field to Reader. For the readers already existing put nothing.", {"nickname"}),
        ("Add a region to Depot, leave it blank for existing depots", {"region"}),
    ],
)
def test_rows_already_stored_going_without_make_a_field_optional(request_text: str, optional: set[str]) -> None:
    draft = recognize_offline(request_text, ("Supplier", "Driver", "Reader", "Depot"))
    assert {a.name for a in draft.entity.attributes if not a.required} == optional


@pytest.mark.parametrize(
    ("request_text", "defaults"),
    [
        ("Add service interval to Van, 10000 for the existing ones.", (("service_interval", "10000"),)),
        ("Could Booking also store party size? default them to 2.", (("party_size", "2"),)),
    ],
)
def test_a_value_for_the_rows_already_stored(request_text: str, defaults: tuple[tuple[str, str], ...]) -> None:
    assert recognize_offline(request_text, ("Van", "Booking")).defaults == defaults


def test_a_common_field_word_is_a_field_when_the_app_has_no_such_entity() -> None:
    draft = recognize_offline("add country to Supplier", ("Supplier",))
    assert draft.intent == "add_attributes" and [a.name for a in draft.entity.attributes] == ["country"]
    draft = recognize_offline("add country to Supplier", ("Supplier", "Country"))
    assert draft.intent == "relationship"


@pytest.mark.parametrize(
    ("request_text", "fields"),
    [
        ("create a StreamSample with nitrate mg/L, flow rate l/s and sampled on", [("nitrate", "float"), ("flow_rate", "float")]),
        ("to Paddock add: stocking rate kg/ha and grazed on", [("stocking_rate", "float")]),
    ],
)
def test_a_unit_said_as_a_ratio_makes_a_measure_and_leaves_the_name(request_text: str, fields: list[tuple[str, str]]) -> None:
    """(request_framing: "dissolved oxygen mg/L" is ``dissolved_oxygen: float``; "yes/no" is no unit.)"""
    draft = recognize_offline(request_text, ("Paddock",))
    assert [(a.name, a.type) for a in draft.entity.attributes][: len(fields)] == fields


@pytest.mark.parametrize(
    ("request_text", "entity"),
    [
        ("Could you make something so I can keep track of the kayaks at the boat club? name, length, colour", "Kayak"),
        ("Can you set up something where I can log each Climb we do? route, grade, attempts", "Climb"),
    ],
)
def test_a_placeholder_for_things_kept_somewhere_is_those_things(request_text: str, entity: str) -> None:
    """(keepers: where the things are kept, or who does them, says no more of them.)"""
    assert recognize_offline(request_text).entity.name == entity


def test_set_it_to_a_value_for_the_rows_already_there() -> None:
    draft = recognize_offline("please add stage to Lead for our agency, and set it to cold for the ones already there", ("Lead",))
    assert draft.defaults == (("stage", "cold"),)
