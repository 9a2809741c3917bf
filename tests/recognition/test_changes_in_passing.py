"""Round 19, in our own words: changes said in passing or in shorthand ("one kiln can take several
firings", "…, rename potter to clay artist", "Kiln field max_t → max_temp", "Kiln.cone is vague, call
it top_cone", "delete the KilnLog model, nothing reads from it"), and field names that only look like
relations ("api key", "key safe code")."""

from __future__ import annotations

import pytest
from tests.support.recognition_reading import reading

APP = ["Kiln", "Glaze", "Potter", "Studio", "Firing", "KilnLog"]


@pytest.mark.parametrize(
    "request_text, holder, target, kind",
    [
        ("one kiln can take several firings", "Firing", "Kiln", "many_to_one"),
        ("a potter can make many glazes", "Glaze", "Potter", "many_to_one"),
        ("one potter gets lots of firings over the year", "Firing", "Potter", "many_to_one"),
        ("potters work with many studios and studios hire many potters", "Potter", "Studio", "many_to_many"),
        ("one kiln can fire many glazes and a glaze can be fired in many kilns", "Kiln", "Glaze", "many_to_many"),
    ],
)
def test_how_many_said_in_a_sentence(request_text: str, holder: str, target: str, kind: str) -> None:
    got = reading(request_text, APP)
    assert (got["intent"], got["entity"], got["relationships"]) == ("relationship", holder, [(target, kind)])


@pytest.mark.parametrize(
    "request_text, expected",
    [
        (
            "my potters are clay artists now haha, rename potter to clay artist",
            ("rename_entity", "Potter", "Potter", "ClayArtist"),
        ),
        ("Kiln field max_t → max_temp pls", ("rename_attribute", "Kiln", "max_t", "max_temp")),
        ("Kiln: max_t → max_temp (too short for the export)", ("rename_attribute", "Kiln", "max_t", "max_temp")),
        ("Kiln.cone is vague, call it top_cone", ("rename_attribute", "Kiln", "cone", "top_cone")),
        ("the cone field on kiln please make it top cone", ("rename_attribute", "Kiln", "cone", "top_cone")),
        ("Kiln.door should be called hatch. That's what the firers say.", ("rename_attribute", "Kiln", "door", "hatch")),
    ],
)
def test_a_rename_in_passing_or_in_shorthand(request_text: str, expected: tuple[str, str, str, str]) -> None:
    got = reading(request_text, APP)
    assert (got["intent"], got["entity"], got.get("renamed_from"), got.get("renamed_to")) == expected


@pytest.mark.parametrize(
    "request_text",
    [
        "the kiln page, make it blue",  # a screen, not a field given a name
        "Kiln.max_temp should be optional",  # a state, not a new name
    ],
)
def test_no_rename_is_read_where_none_is_asked(request_text: str) -> None:
    try:
        got = reading(request_text, APP)
    except ValueError:
        return
    assert got["intent"] != "rename_attribute"


@pytest.mark.parametrize(
    "request_text, entity",
    [
        ("Handover: we decided to delete the KilnLog model entirely, nothing reads from it anymore.", "KilnLog"),
        ("Get rid of kiln logs, they come from the controller's own system.", "KilnLog"),
        ("Arch review: the KilnLog table duplicates Firing. Delete it.", "KilnLog"),
    ],
)
def test_the_entity_deleted_when_a_reason_follows(request_text: str, entity: str) -> None:
    got = reading(request_text, APP)
    assert (got["intent"], got["entity"]) == ("delete_entity", entity)


def test_a_removal_from_an_entity_is_still_a_removal() -> None:
    got = reading("delete notes from Kiln", APP)
    assert (got["intent"], got.get("removed")) == ("remove_attributes", ["notes"])


@pytest.mark.parametrize(
    "request_text, attributes",
    [
        ("create Device with api key and owner", [("api_key", "str", True), ("owner", "str", True)]),
        (
            "client with name address next of kin and key safe code",
            [("name", "str", True), ("address", "str", True), ("next_of_kin", "str", True), ("key_safe_code", "str", True)],
        ),
        ("client with email address and phone", [("email_address", "email", True), ("phone", "str", True)]),
    ],
)
def test_field_names_that_only_look_like_relations_or_one_name(
    request_text: str, attributes: list[tuple[str, str, bool]]
) -> None:
    got = reading(request_text)
    assert (got["intent"], got["attributes"], got["relationships"]) == ("create", attributes, [])


def test_a_key_named_after_an_app_entity_is_a_reference() -> None:
    got = reading("add customer key to Order", ["Customer", "Order"])
    assert (got["intent"], got["entity"], got["relationships"]) == ("relationship", "Order", [("Customer", "many_to_one")])


@pytest.mark.parametrize(
    "request_text, entity",
    [
        (
            "Handover: the glazing crew asked for somewhere to log kiln refills — litres, cost, refilled at. Can someone spin up a Refill entity?",
            "Refill",
        ),
        ("Please prepare entity Shard with shard number, found on and depth.", "Shard"),
        ("new thing called bisque batch with fired on and piece count", "BisqueBatch"),
    ],
)
def test_the_entity_the_user_named_outright(request_text: str, entity: str) -> None:
    got = reading(request_text)
    assert (got["intent"], got["entity"]) == ("create", entity)


@pytest.mark.parametrize(
    "request_text, entity",
    [
        ("Add a Firing Schedule entity: kiln name, start date, peak cone", "FiringSchedule"),
        ("Create entity 'Batches' for the studio: mixed on, grams", "Batch"),
        ("Need a Reservaton entity: potter name, kiln, start date", "Reservation"),
    ],
)
def test_a_name_of_several_words_or_a_slip_is_read_whole(request_text: str, entity: str) -> None:
    got = reading(request_text)
    assert (got["intent"], got["entity"]) == ("create", entity)


@pytest.mark.parametrize(
    "request_text, expected",
    [
        ("we don't do shelf numbers anymore, take that off kilns", ("remove_attributes", {"removed": ["shelf_number"]})),
        ("remove table number from kiln", ("remove_attributes", {"removed": ["table_number"]})),
        (
            "Kiln: please also store a retired flag, defaulting to false for the ones already in",
            ("add_attributes", {"defaults": {"retired": "false"}}),
        ),
        (
            "kiln should have a cone rating too (the firers ask for it) and a vented yes/no",
            ("add_attributes", {"attributes": [("cone_rating", "float", True), ("vented", "bool", True)]}),
        ),
        (
            "add brand and notes to kiln, notes optional",
            ("add_attributes", {"attributes": [("brand", "str", True), ("notes", "str", False)]}),
        ),
    ],
)
def test_what_a_pronoun_or_an_aside_leaves_to_the_reader(request_text: str, expected: tuple[str, dict[str, object]]) -> None:
    got = reading(request_text, APP)
    intent, parts = expected
    assert (got["intent"], got["entity"]) == (intent, "Kiln") and {key: got.get(key) for key in parts} == parts


@pytest.mark.parametrize(
    "request_text",
    [
        "Only admins should be allowed to delete a Kiln",
        "glazers are not permitted to edit Firing",
        "only managers can remove kilns",
    ],
)
def test_a_permission_rule_is_never_a_change(request_text: str) -> None:
    with pytest.raises(ValueError, match="permission"):
        reading(request_text, APP)


def test_data_that_is_allowed_is_still_data() -> None:
    got = reading(
        "Glazes and Kilns should be many-to-many; we want to record which kilns a glaze is allowed to be fired in.", APP
    )
    assert (got["intent"], got["relationships"]) == ("relationship", [("Kiln", "many_to_many")])


@pytest.mark.parametrize(
    "request_text, holder, target",
    [
        ("Kiln ↔ Firing: one kiln has many firings", "Firing", "Kiln"),
        ("As a studio admin I want to see all firings for a kiln, so a kiln should have multiple firings.", "Firing", "Kiln"),
    ],
)
def test_how_many_said_after_a_heading_or_a_story(request_text: str, holder: str, target: str) -> None:
    got = reading(request_text, APP)
    assert (got["intent"], got["entity"], got["relationships"]) == ("relationship", holder, [(target, "many_to_one")])


@pytest.mark.parametrize(
    "request_text, expected",
    [
        ("Kiln no need door type anymore, please remove it", ("remove_attributes", "Kiln", ["door_type"])),
        ("Kiln no need vented anymore, studio have no gas now, please take out", ("remove_attributes", "Kiln", ["vented"])),
        ("Glaze entity please delete, kiln not use glaze now", ("delete_entity", "Glaze", None)),
        ("get rid of the old Glaze entity", ("delete_entity", "Glaze", None)),
    ],
)
def test_what_goes_said_the_second_language_way(request_text: str, expected: tuple[str, str, list[str] | None]) -> None:
    got = reading(request_text, APP)
    assert (got["intent"], got["entity"], got.get("removed")) == expected


@pytest.mark.parametrize(
    "request_text",
    [
        "remove the thing we added last week, it was a mistake",
        "delete the old table",
    ],
)
def test_a_deletion_of_nothing_named_is_refused(request_text: str) -> None:
    with pytest.raises(ValueError):
        reading(request_text, APP)


def test_quoted_columns_got_rid_of_are_removed_not_their_table() -> None:
    request = "The Kiln table has columns 'vent' and 'door' that are always empty - can you get rid of those two?"
    got = reading(request, APP)
    assert (got["intent"], got["entity"], got.get("removed")) == ("remove_attributes", "Kiln", ["vent", "door"])


def test_drop_off_is_a_time_not_a_removal() -> None:
    got = reading("pickups - address, bag count, collected y/n, drop off time")
    assert got["intent"] == "create" and [a[0] for a in got["attributes"]][-1] == "drop_off_time"


def test_the_word_no_longer_used_is_why_a_field_is_renamed() -> None:
    got = reading("Could the cone field on Kiln be renamed to top cone? We don't use the word cone on the floor anymore.", APP)
    assert (got["intent"], got.get("renamed_to")) == ("rename_attribute", "top_cone")


@pytest.mark.parametrize(
    "request_text, expected",
    [
        ("we don't use shelf count anymore, drop it from Kiln", ("remove_attributes", "Kiln", {"removed": ["shelf_count"]})),
        ("Kiln: remove has vent", ("remove_attributes", "Kiln", {"removed": ["has_vent"]})),
        ("Remove 'is electric' from Kiln.", ("remove_attributes", "Kiln", {"removed": ["electric"]})),
        ("strip out the `maker_code` on kilns", ("remove_attributes", "Kiln", {"removed": ["maker_code"]})),
        ("remove out of stock from Glaze", ("remove_attributes", "Glaze", {"removed": ["out_of_stock"]})),
        ("Add a relationship: Firing -> Kiln", ("relationship", "Firing", {"relationships": [("Kiln", "many_to_one")]})),
        (
            "Firing needs an operator, which is a Potter",
            ("relationship", "Firing", {"relationships": [("Potter", "many_to_one")]}),
        ),
    ],
)
def test_a_change_named_the_way_its_field_was_made(request_text: str, expected: tuple[str, str, dict[str, object]]) -> None:
    got = reading(request_text, APP)
    intent, entity, parts = expected
    assert (got["intent"], got["entity"]) == (intent, entity) and {key: got.get(key) for key in parts} == parts


def test_an_app_of_features_is_refused_but_a_login_field_is_a_field() -> None:
    with pytest.raises(ValueError, match="feature of the app"):
        reading("build me a full stack app with login, payments and push notifications")
    assert reading("create Account with login, password hash")["attributes"][0][0] == "login"
