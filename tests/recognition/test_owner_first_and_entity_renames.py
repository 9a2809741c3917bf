"""Round 17, in our own words: changes said with the entity first ("remove from Kiln the field cone"),
and an app entity given a new name with no verb of renaming ("Kiln should be Furnace"), read from the
request as written."""

from __future__ import annotations

import pytest
from tests.support.recognition_reading import reading

from baes.recognition.model import RecognitionError


@pytest.mark.parametrize(
    "request_text, expected",
    [
        ("Please remove from Kiln the attribute cone, we fire electric now", {"removed": ["cone"]}),
        ("Delete from Kiln the fields shelf count and 'door type'.", {"removed": ["shelf_count", "door_type"]}),
        ("Please rename in Kiln the field cone to max cone.", {"renamed_from": "cone", "renamed_to": "max_cone"}),
        ("For Kiln, the field cone please rename in max cone", {"renamed_from": "cone", "renamed_to": "max_cone"}),
        ("In Kiln the field kw was a typo, rename it to kilowatts", {"renamed_from": "kw", "renamed_to": "kilowatts"}),
        ("Could you rename in Kiln the 'cone' to 'top cone'?", {"renamed_from": "cone", "renamed_to": "top_cone"}),
    ],
)
def test_a_change_said_with_the_entity_first(request_text: str, expected: dict[str, object]) -> None:
    got = reading(request_text, ["Kiln"])
    assert got["entity"] == "Kiln" and {key: got.get(key) for key in expected} == expected


@pytest.mark.parametrize(
    "request_text, new",
    [
        ("Kiln should be Furnace", "Furnace"),
        ("Naming: `Kiln` should really be `Furnace` now that we also melt glass.", "Furnace"),
        ("The Kiln table should be called Furnace from now on.", "Furnace"),
        ("Rebrand: what we called a Kiln is now a Furnace across the app.", "Furnace"),
    ],
)
def test_an_entity_given_a_new_name_without_a_verb_of_renaming(request_text: str, new: str) -> None:
    got = reading(request_text, ["Kiln"])
    assert (got["intent"], got["renamed_from"], got["renamed_to"]) == ("rename_entity", "Kiln", new)


@pytest.mark.parametrize("request_text", ["Kiln should be Available", "Kiln should be Fired", "kiln should be furnace"])
def test_a_state_or_a_word_in_lower_case_is_no_new_name(request_text: str) -> None:
    """ "Kiln should be Fired" says a state; in lower case the words could say anything."""
    try:
        got = reading(request_text, ["Kiln"])
    except RecognitionError:
        return
    assert got["intent"] != "rename_entity"


@pytest.mark.parametrize(
    "request_text, holder, target, kind",
    [
        ("each Firing is with one Kiln", "Firing", "Kiln", "many_to_one"),
        ("firings need a kiln on them", "Firing", "Kiln", "many_to_one"),
        ("Firing needs a kiln, link them up", "Firing", "Kiln", "many_to_one"),
        ("Firing: link to Kiln (optional, test firings have none)", "Firing", "Kiln", "many_to_one"),
        ("Kiln 1--* Firing", "Firing", "Kiln", "many_to_one"),
        ("Kiln 1 -> N Firing", "Firing", "Kiln", "many_to_one"),
        ("Firing *<->* Kiln", "Firing", "Kiln", "many_to_many"),
        ("Firing *..* Kiln", "Firing", "Kiln", "many_to_many"),
    ],
)
def test_references_in_shorthand_and_said_again(request_text: str, holder: str, target: str, kind: str) -> None:
    got = reading(request_text, ["Kiln", "Firing"])
    assert (got["intent"], got["entity"], got["relationships"]) == ("relationship", holder, [(target, kind)])


@pytest.mark.parametrize(
    "request_text, new",
    [
        ("our potters hate the word kilns lol, rename it to Furnace", "Furnace"),
        ("The studio wants Kilns renamed to Furnaces, since they also melt glass.", "Furnace"),
        ("in the studio we say Furnace not Kiln, please rename the entity", "Furnace"),
    ],
)
def test_more_ways_to_give_an_entity_a_new_name(request_text: str, new: str) -> None:
    got = reading(request_text, ["Kiln"])
    assert (got["intent"], got["renamed_from"], got["renamed_to"]) == ("rename_entity", "Kiln", new)


@pytest.mark.parametrize(
    "request_text", ["Kiln has a field cone, rename it to max cone", "Kiln has a cone that is unclear, rename it to max cone"]
)
def test_it_after_a_field_is_the_field(request_text: str) -> None:
    """The pronoun names the field the clause before named, never the entity (which was renamed to "MaxCone")."""
    got = reading(request_text, ["Kiln"])
    assert (got["intent"], got["renamed_from"], got["renamed_to"]) == ("rename_attribute", "cone", "max_cone")


def test_an_app_entity_no_longer_needed_is_deleted() -> None:
    got = reading("we don't need the Kiln table anymore, the college fires for us now. can you delete it?", ["Kiln"])
    assert (got["intent"], got["entity"]) == ("delete_entity", "Kiln")


@pytest.mark.parametrize(
    "request_text",
    [
        "The Kiln entity has a cone attribute we no longer use. Please remove it.",
        "The Kiln entity has a cone attribute. Please remove it.",
    ],
)
def test_it_after_a_field_never_deletes_the_entity(request_text: str) -> None:
    try:
        got = reading(request_text, ["Kiln"])
    except RecognitionError:
        return
    assert got["intent"] == "remove_attributes" and got["removed"] == ["cone"]


def test_rename_it_after_a_field_judged_is_no_entity_rename() -> None:
    """ "Kiln: the cone is unclear, rename it to Top" speaks of the cone, not of the entity's name."""
    try:
        got = reading("Kiln: the cone is unclear, rename it to Top", ["Kiln"])
    except RecognitionError:
        return
    assert got["intent"] != "rename_entity"


@pytest.mark.parametrize(
    "request_text, existing, expected",
    [
        ("drop firingschedules", ["FiringSchedule"], ("delete_entity", "FiringSchedule")),
        ("Is possible to change name of Kiln into Furnace?", ["Kiln"], ("rename_entity", "Kiln")),
        ("Each pottery studio books many firings, please model that", ["Studio", "Firing"], ("relationship", "Firing")),
        ("every kiln room has multiple shelves", ["Room", "Shelf"], ("relationship", "Shelf")),
        ("many kilns have many glazes", ["Kiln", "Glaze"], ("relationship", "Kiln")),
        ("Glazing: a Kiln can fire many Glazes and a Glaze can go in many Kilns", ["Kiln", "Glaze"], ("relationship", "Kiln")),
    ],
)
def test_app_entities_written_joined_qualified_or_after_a_label(
    request_text: str, existing: list[str], expected: tuple[str, str]
) -> None:
    got = reading(request_text, existing)
    assert (got["intent"], got["entity"]) == expected


@pytest.mark.parametrize(
    "request_text",
    [
        "Renames Kiln.kw to Kiln.kilowatts for readability. No behaviour change.",
        "We agreed in retro that the kw field on Kiln should be renamed to kilowatts so it matches the manual.",
    ],
)
def test_a_rename_with_its_reason_around_it(request_text: str) -> None:
    got = reading(request_text, ["Kiln"])
    assert (got["renamed_from"], got["renamed_to"]) == ("kw", "kilowatts")


def test_can_go_with_a_place_after_it_deletes_nothing() -> None:
    """ "a Glaze can go in many Kilns" says where it goes, not that the Glaze entity can go (it was deleted)."""
    try:
        got = reading("a Glaze can go in many Kilns", ["Kiln", "Glaze"])
    except RecognitionError:
        return
    assert got["intent"] != "delete_entity"
    assert reading("the Glaze entity can go", ["Kiln", "Glaze"])["intent"] == "delete_entity"
