"""English as a second language (``learner_wording``), fields said after the entity of an addition, "no" short
for number, and headings in Title Case before a structure word."""

from __future__ import annotations

import pytest

from baes.recognition.model import RecognitionError
from baes.recognition.offline import recognize_offline

APP = ("Hostel", "Room", "Warden", "Canteen", "Mess")


@pytest.mark.parametrize(
    ("request_text", "entity", "fields"),
    [
        (
            "I am making a library system for my college, in which each book is having title, author and shelf",
            "Book",
            ["title", "author", "shelf"],
        ),
        (
            "create table for bicycle hire, bicycle have frame size, colour, price per hour",
            "Bicycle",
            ["frame_size", "colour", "price_per_hour"],
        ),
        (
            "every parcel got tracking code, sender, receiver and weight. make it",
            "Parcel",
            ["tracking_code", "sender", "receiver", "weight"],
        ),
        (
            "Kindly store the doctor information like the name, the speciality and phone",
            "Doctor",
            ["name", "speciality", "phone"],
        ),
    ],
)
def test_a_second_language_create(request_text: str, entity: str, fields: list[str]) -> None:
    draft = recognize_offline(request_text, ())
    assert (draft.intent, draft.entity.name, [a.name for a in draft.entity.attributes]) == ("create", entity, fields)


@pytest.mark.parametrize(
    ("request_text", "intent", "entity", "detail"),
    [
        ("every Room is belonging to one Hostel only", "relationship", "Room", ("Hostel",)),
        ("in my project one Hostel is having many Rooms", "relationship", "Room", ("Hostel",)),
        ("Please add one more column fee to the Room table", "add_attributes", "Room", ("fee",)),
        ("i forgot to put floor and beds in Room, add them pls", "add_attributes", "Room", ("floor", "beds")),
        ("my teacher wants the Mess entity called Dining instead", "rename_entity", "Mess", ("Dining",)),
        ("In Room the field sqft, make it area_sqft", "rename_attribute", "Room", ("area_sqft",)),
        ("Canteen needs a link to the Hostel where it is", "relationship", "Canteen", ("Hostel",)),
    ],
)
def test_a_second_language_change(request_text: str, intent: str, entity: str, detail: tuple[str, ...]) -> None:
    draft = recognize_offline(request_text, APP)
    assert (draft.intent, draft.entity.name) == (intent, entity)
    said = {
        "relationship": tuple(r.target for r in draft.entity.relationships),
        "add_attributes": tuple(a.name for a in draft.entity.attributes),
        "rename_entity": (draft.renamed_to,),
        "rename_attribute": (draft.renamed_to,),
    }[intent]
    assert said == detail


@pytest.mark.parametrize(
    ("request_text", "fields"),
    [
        ("add office phone to Hostel and an optional office email", [("office_phone", True), ("office_email", False)]),
        ("add a gate code to Hostel, and a curfew time", [("gate_code", True), ("curfew_time", True)]),
        ("add a gate code to Hostel, the wardens keep asking", [("gate_code", True)]),  # why, no field
        ("add a gate code to Hostel and make it optional", [("gate_code", False)]),
    ],
)
def test_fields_said_after_the_entity_are_added_too(request_text: str, fields: list[tuple[str, bool]]) -> None:
    draft = recognize_offline(request_text, APP)
    assert [(a.name, a.required) for a in draft.entity.attributes] == fields


@pytest.mark.parametrize(
    ("request_text", "field"),
    [
        ("create Admission with student name, roll no, fee", "roll_no"),
        ("Spare Part: Part No - text, Description - text", "part_no"),
    ],
)
def test_no_short_for_number(request_text: str, field: str) -> None:
    assert field in [a.name for a in recognize_offline(request_text, ()).entity.attributes]


def test_no_as_an_answer_stays_an_answer() -> None:
    draft = recognize_offline("add is late to Room, default no", APP)
    assert [(a.name, a.type) for a in draft.entity.attributes] == [("late", "bool")]
    assert [v for _, v in draft.defaults] == ["false"]


def test_a_title_case_heading_before_a_structure_word_is_the_name() -> None:
    assert recognize_offline("Fire Drill entity - drill date, building, duration minutes", ()).entity.name == "FireDrill"


def test_showing_newest_first_is_how_the_app_looks() -> None:
    with pytest.raises(RecognitionError, match="how the app looks"):
        recognize_offline("change the Room list to show newest first", APP)


@pytest.mark.parametrize(
    ("request_text", "intent"),
    [
        ("The assignment sheet is changed, Hostel no longer needs warden phone", "remove_attributes"),
        ("My teacher said the Room must also have a fan and a heater, please add it", "add_attributes"),
        ("addd curfew and gate code to Hostel", "add_attributes"),  # a key held too long
    ],
)
def test_why_and_said_again_are_no_part_of_a_change(request_text: str, intent: str) -> None:
    assert recognize_offline(request_text, APP).intent == intent


def test_a_semicolon_after_what_to_manage_opens_its_list() -> None:
    draft = recognize_offline("Create a system to manage kilns; kiln name; max temperature; last fired date", ())
    assert (draft.entity.name, [a.name for a in draft.entity.attributes]) == (
        "Kiln",
        ["kiln_name", "max_temperature", "last_fired_date"],
    )
