"""Round 19, in our own words: how a create request opens before its list. A label for whom the work
is ("For the pottery club: Kiln with …"), a document's label ("Schema: Kiln -> …"), "X has Ys, each
with …", "… hold firings. For each one: …", an aside in parentheses before the list ("Kilns (studio
side): …"), a lead-in before a create command, and a British spelling kept as written."""

from __future__ import annotations

import pytest
from tests.support.recognition_reading import reading

from baes.recognition.model import recognition_to_json
from baes.recognition.recognize import recognize


@pytest.mark.parametrize(
    "request_text, entity, names",
    [
        ("For the pottery club: Kiln with name, max temp and is electric", "Kiln", ["name", "max_temp", "electric"]),
        ("Schema: Kiln -> name, max temp, shelf count", "Kiln", ["name", "max_temp", "shelf_count"]),
        ("our studio has kilns, each with a name, max temp and shelf count", "Kiln", ["name", "max_temp", "shelf_count"]),
        ("the co-op sells lots of jams, each one has a flavour, jar size and price", "Jam", ["flavour", "jar_size", "price"]),
        (
            "I'd like the app to hold firings. For each one: kiln name, date, peak cone.",
            "Firing",
            ["kiln_name", "date", "peak_cone"],
        ),
        ("Kilns (studio side): name, max temp, shelf count", "Kiln", ["name", "max_temp", "shelf_count"]),
        (
            "We have to record every glaze test (the inspectors ask). Test date, tested by, result.",
            "GlazeTest",
            ["test_date", "tested_by", "result"],
        ),
        (
            "The studio needs somewhere to log firings (bisque etc). Date, kiln, peak cone.",
            "Firing",
            ["date", "kiln", "peak_cone"],
        ),
        (
            "my friend who codes said to type it like this: create an entity for glazes with name and colour",
            "Glaze",
            ["name", "colour"],
        ),
        ("I'd like the app to hold enrolments with student name and course", "Enrolment", ["student_name", "course"]),
    ],
)
def test_the_opening_before_the_list(request_text: str, entity: str, names: list[str]) -> None:
    got = reading(request_text)
    assert (got["intent"], got["entity"], [a[0] for a in got["attributes"]]) == ("create", entity, names)


def test_an_aside_that_says_optional_is_kept() -> None:
    request = "As a potter I want every Firing to know its Kiln (can be empty until loaded)."
    recognition = recognize(request, existing_entities=("Firing", "Kiln"))
    relationships = recognition_to_json(recognition)["relationships"]
    assert recognition.intent == "relationship"
    assert [(r["target"], r["kind"], r["required"]) for r in relationships] == [("Kiln", "many_to_one", False)]


def test_to_hold_in_a_new_name_is_no_wish_to_keep() -> None:
    got = reading("on kilns change colour to hold colour", ["Kiln"])
    assert (got["intent"], got.get("renamed_to")) == ("rename_attribute", "hold_colour")


@pytest.mark.parametrize(
    "request_text, entity, attributes",
    [
        ("so um we want a thing for firings, like the date, the kiln and uh peak cone", "Firing", ["date", "kiln", "peak_cone"]),
        ("i want to log glaze tests, like tester name, glaze and result", "GlazeTest", ["tester_name", "glaze", "result"]),
        (
            "we need to keep track of our kilns with name, shelf count and when it was last serviced",
            "Kiln",
            ["name", "shelf_count", "last_serviced"],
        ),
    ],
)
def test_a_list_said_the_spoken_way(request_text: str, entity: str, attributes: list[str]) -> None:
    got = reading(request_text)
    assert (got["intent"], got["entity"], [a[0] for a in got["attributes"]]) == ("create", entity, attributes)


def test_like_that_compares_opens_no_list() -> None:
    try:
        got = reading("can you make the kiln page look more modern, like the glaze demos")
    except ValueError:
        return
    assert got["intent"] != "create"


@pytest.mark.parametrize(
    "request_text, expected",
    [
        ("Kiln.vent should become vent_position", ("rename_attribute", {"renamed_to": "vent_position"})),
        (
            "Step 2 of the cleanup: drop Kiln.old_cone (replaced by the cone rating in step 1).",
            ("remove_attributes", {"removed": ["old_cone"]}),
        ),
        ("Remove shelf row from Kiln, the new kilns have one shelf", ("remove_attributes", {"removed": ["shelf_row"]})),
    ],
)
def test_a_change_with_its_reason_alongside(request_text: str, expected: tuple[str, dict[str, object]]) -> None:
    got = reading(request_text, ["Kiln"])
    intent, parts = expected
    assert got["intent"] == intent and {key: got.get(key) for key in parts} == parts


def test_deleting_test_rows_is_still_data() -> None:
    with pytest.raises(ValueError, match="rows of data"):
        reading("delete the test rows from Kiln", ["Kiln"])


@pytest.mark.parametrize(
    "request_text",
    [
        "delete everything",
        "whats the difference between a model and a table",
        "make it look nicer on my tablet",
        "make the save button bigger, my thumbs are big",
        "Generate unit tests for the Kiln CRUD",
        "Should a Kiln have many Glazes? what do you think",
    ],
)
def test_no_change_is_read_from_a_question_a_look_or_a_chore(request_text: str) -> None:
    with pytest.raises(ValueError):
        reading(request_text, ["Kiln", "Glaze"])


@pytest.mark.parametrize(
    "request_text, entity, names",
    [
        (
            "Generate a FastAPI CRUD for KilnLoad: load_number, loaded_at, piece_count",
            "KilnLoad",
            ["load_number", "loaded_at", "piece_count"],
        ),
        (
            "You are an expert Python developer. Generate a FastAPI CRUD for a Glaze resource with fields glaze name, cone and food safe.",
            "Glaze",
            ["glaze_name", "cone", "food_safe"],
        ),
        (
            "Prompt: Build a REST API with SQLite to manage Firings. A firing has a kiln name, started at and peak cone.",
            "Firing",
            ["kiln_name", "started_at", "peak_cone"],
        ),
        (
            "make me a Delivery thing for the clay supplies, supplier email, delivered at",
            "Delivery",
            ["supplier_email", "delivered_at"],
        ),
        ("um add a Batch entity for the glaze lab with batch code, mixed on", "Batch", ["batch_code", "mixed_on"]),
        ("can u crate a Studio thingy name, adress, kiln count", "Studio", ["name", "address", "kiln_count"]),
    ],
)
def test_a_create_said_to_an_assistant_or_on_a_phone(request_text: str, entity: str, names: list[str]) -> None:
    got = reading(request_text)
    assert (got["intent"], got["entity"], [a[0] for a in got["attributes"]]) == ("create", entity, names)


@pytest.mark.parametrize(
    "request_text, expected",
    [
        ("add a glaze cost to kilns, default zero", ("add_attributes", {"defaults": {"glaze_cost": "0"}})),
        ("no more shelf count on kilns pls", ("remove_attributes", {"removed": ["shelf_count"]})),
        (
            "Changelog 1.4 — Added: Kiln.vented (bool), Kiln.brand (str)",
            ("add_attributes", {"attributes": [("vented", "bool", True), ("brand", "str", True)]}),
        ),
        ("Removed: Kiln.door_type (we read it from the maker's sheet now)", ("remove_attributes", {"removed": ["door_type"]})),
        ("Kiln.cone should be renamed to top_cone", ("rename_attribute", {"renamed_to": "top_cone"})),
        ("Kiln should become Furnace", ("rename_entity", {"renamed_to": "Furnace"})),
        ("The Kiln entity can go — we fire at the college now.", ("delete_entity", {})),
        ("Decommission the Kiln entity, the studio closed", ("delete_entity", {})),
        ("As a potter I want a Kiln to have many Firings.", ("relationship", {"relationships": [("Kiln", "many_to_one")]})),
    ],
)
def test_a_change_said_in_a_changelog_a_chat_or_a_story(request_text: str, expected: tuple[str, dict[str, object]]) -> None:
    got = reading(request_text, ["Kiln", "Firing"])
    intent, parts = expected
    assert got["intent"] == intent and {key: got.get(key) for key in parts} == parts


@pytest.mark.parametrize(
    "request_text, entity, names",
    [
        ("make a Shelf entity location, bay code, max load", "Shelf", ["location", "bay_code", "max_load"]),
        ("make an glaze entity brand; colour; lot number", "Glaze", ["brand", "colour", "lot_number"]),
        ("Create Potter entity, fields: name、studio、joined on", "Potter", ["name", "studio", "joined_on"]),
        ("yo can u spin up a Potter model real quick, name + phone + wheel type", "Potter", ["name", "phone", "wheel_type"]),
    ],
)
def test_a_list_right_after_the_structure_word(request_text: str, entity: str, names: list[str]) -> None:
    got = reading(request_text)
    assert (got["intent"], got["entity"], [a[0] for a in got["attributes"]]) == ("create", entity, names)


@pytest.mark.parametrize(
    "request_text",
    [
        "hey i need a Potter table for the youth league first name last name birthday guardian email",
        "new entity KilnLog. Each one belongs to a kiln; start date, end date, approved",
    ],
)
def test_a_create_whose_fields_were_not_read_is_refused_with_the_words(request_text: str) -> None:
    with pytest.raises(ValueError, match="no fields, but the request also says|no attributes"):
        reading(request_text)


def test_a_bare_create_is_still_a_create() -> None:
    assert reading("please create a new Tag entity for me")["intent"] == "create"


def test_no_more_than_is_a_limit_not_a_removal() -> None:
    try:
        got = reading("no more than 5 pieces for Kiln", ["Kiln"])
    except ValueError:
        return
    assert got["intent"] != "remove_attributes"


def test_a_when_clause_after_and_is_a_moment_item() -> None:
    """The labelled requests read "when it was reported" as ``reported_at`` (round 25); "when it was last
    serviced" stays ``last_serviced``."""
    got = reading("track kilns with name, and when it was inspected")
    assert got["attributes"] == [("name", "str", True), ("inspected_at", "datetime", True)]


@pytest.mark.parametrize(
    "request_text, reason",
    [
        ("should Kiln and Glaze be many to many or is a join table better?", "advice"),
        ("Can someone explain the difference between has_many and has_one?", "explanation"),
        ("add an index on kilns.serial_number", "index"),
        ("switch the db from sqlite to postgres pls", "database engine"),
        ("the app crashed with sqlite3.OperationalError: database is locked, fix it", "bug report"),
        ("Steps: open the Kiln page, click Save twice. Expected: one record. Actual: two records.", "bug report"),
        ("Please make the system send SMS to potters when their firing is done.", "sending messages"),
        ("put a calendar view on the firings screen", "looks"),
        ("add a pie chart of monthly sales to the dashboard", "looks"),
    ],
)
def test_no_change_is_read_from_a_question_a_bug_or_a_screen(request_text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        reading(request_text, ["Kiln", "Glaze", "Firing"])


@pytest.mark.parametrize(
    "request_text, name",
    [
        ("add crash date to Kiln", "crash_date"),
        ("add chart number to Kiln", "chart_number"),
        ("add an exception flag to Kiln", "exception"),
    ],
)
def test_fields_that_share_a_word_with_those_are_still_fields(request_text: str, name: str) -> None:
    got = reading(request_text, ["Kiln"])
    assert (got["intent"], got["attributes"][0][0]) == ("add_attributes", name)
