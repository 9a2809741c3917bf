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
