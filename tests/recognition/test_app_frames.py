"""What an app is for names the entity, in every frame (a metamorphic test).

Round 11 said the labelled entity names in sixteen create frames of our own, with one list. Frames
that named the wrong thing: "parking lot management: …" created ParkingLotManagement, "a place to
log permits - …" created Place, "an app for my docks, name, …" was refused. The names here are our own.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.support.recognition_reading import created

#: (entity, in words, plural in words)
NAMES: tuple[tuple[str, str, str], ...] = (
    ("Kayak", "kayak", "kayaks"),
    ("HiveInspection", "hive inspection", "hive inspections"),
    ("Tenancy", "tenancy", "tenancies"),
    ("SeedOrder", "seed order", "seed orders"),
)
LIST = "name, notes and start date"
ATTRIBUTES = [("name", "str", True), ("notes", "str", True), ("start_date", "date", True)]

FRAMES: dict[str, Callable[[str, str], str]] = {
    "management": lambda one, many: f"{one} management: {LIST}",
    "registry": lambda one, many: f"{one} registry: {LIST}",
    "place to log": lambda one, many: f"a place to log {many} - {LIST}",
    "way to keep track": lambda one, many: f"we need a way to keep track of {many}: {LIST}",
    "app for my": lambda one, many: f"an app for my {many}, {LIST}",
    "store for each": lambda one, many: f"store the {LIST} for each {one}",
    # round 12
    "comma each has": lambda one, many: f"we need to keep track of our {many}, each has a {LIST}",
    "shell make": lambda one, many: f"mk a {one} entity with {LIST}",
    "needs a table with": lambda one, many: f"my landlord business needs a {many} table with {LIST}",
    "bare list after": lambda one, many: f"can you create something to record {many}? {LIST}",
    # round 13
    "a place where I store": lambda one, many: f"Is it possible to have a place where I store {many}? just {LIST}",
    "somewhere to keep track": lambda one, many: f"is it possible to have somewhere to keep track of {many}? {LIST}",
    "can the app remember": lambda one, many: f"I run a small shop. Can the app remember {many} - {LIST}?",
    "want them tracked": lambda one, many: f"I'm drowning in paper. I want {many} tracked: {LIST}",
    "for whom, then every": lambda one, many: f"For the print shop: every {one} should hold the {LIST}.",
    "what I'd love is": lambda one, many: f"What I'd love is a simple way to keep my {many}: {LIST}",
    # round 15
    "new thing": lambda one, many: f"new thing: {one}\n- name\n- notes\n- start date",
    "following fields": lambda one, many: f"I need a {one} entity with following fields: {LIST}.",
    "letter": lambda one, many: f"Hi all,\nwe need to keep track of {many}: {LIST}.\nCheers, Priya",
    # round 16
    "going forward": lambda one, many: f"We need to track {many} going forward. Each one has a {LIST}.",
    "meeting notes": lambda one, many: (
        f"Notes from Tuesday's meeting: agreed we need to log {many} ({LIST}). Action: Dev to set up."
    ),
    "numbered on one line": lambda one, many: f"{one} entity: 1) name 2) notes 3) start date",
}


@pytest.mark.parametrize("frame", sorted(FRAMES))
@pytest.mark.parametrize(("entity", "one", "many"), NAMES, ids=lambda v: v if isinstance(v, str) else "")
def test_the_entity_is_what_the_app_keeps(frame: str, entity: str, one: str, many: str) -> None:
    assert created(FRAMES[frame](one, many)) == ("create", entity, ATTRIBUTES)


def test_a_system_to_manage_things_with_a_list_keeps_its_list() -> None:
    assert created("Create a system to manage university students with name, email and GPA") == (
        "create",
        "Student",
        [("name", "str", True), ("email", "email", True), ("gpa", "float", True)],
    )


def test_a_misspelt_plural_of_an_entity_noun_is_corrected() -> None:
    """ "clints": its singular is a name the word list has seen, one slip from "client"."""
    intent, entity, _ = created("i want an app for my clints, name, phone and email")
    assert (intent, entity) == ("create", "Client")


def test_a_plural_the_list_knows_is_no_typo() -> None:
    assert created("we need to track kilns: serial, max temperature")[1] == "Kiln"


@pytest.mark.parametrize(
    "request_text",
    [
        "create a Tow entity with name, priority (low/medium/high) and start date",
        "Tow: name, priority (urgent, normal or later), start date",
        "new model Tow - name (text), priority (P1/P2/P3), start date (date)",
    ],
)
def test_choices_in_parentheses_are_values_of_one_field(request_text: str) -> None:
    """Round 12: "(low/medium/high)" made three fields of its choices."""
    assert created(request_text) == (
        "create",
        "Tow",
        [("name", "str", True), ("priority", "str", True), ("start_date", "date", True)],
    )


def test_a_type_in_parentheses_keeps_a_date_name_whole() -> None:
    """Round 12: "expiry date (date)" made two fields, "expiry" and "date"."""
    got = created("add a Permit model - permit code (string), expiry date (date), renewal fee (float)")
    assert got == (
        "create",
        "Permit",
        [("permit_code", "str", True), ("expiry_date", "date", True), ("renewal_fee", "float", True)],
    )


def test_type_and_presence_in_one_parenthesis() -> None:
    """Round 12: "(text, optional)" lost the optional; "(m2)" named a field area_m2; "value float" named "float"."""
    got = created("Plot: area (m2), memo (text, optional), value float")
    assert got == ("create", "Plot", [("area", "float", True), ("memo", "str", False), ("value", "float", True)])


def test_a_slip_on_the_command_before_a_capitalized_name_is_no_part_of_it() -> None:
    """Round 12: "Creat Kayak: …" created an entity "CreateKayak"."""
    assert created("Creat Sea Kayak: name, notes, start date")[1] == "SeaKayak"


@pytest.mark.parametrize("words", ["due back", "return by"])
def test_when_something_is_due_back_is_a_date(words: str) -> None:
    assert created(f"Tow with name and {words}")[2][1][1] == "date"
