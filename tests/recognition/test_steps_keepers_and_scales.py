"""Round 21 of recognition, in our own words (not the labelled set's): a request said as the next step
of a conversation ("ok, next: …", "start with a …"), the organisation that keeps the records named
before the things kept ("the farm needs Tractors with …"), numbers whose type is that of what they bound
or change ("salary min", "quantity change"), scales written as ranges ("rating 1-5"), a course's level,
and misspelt agent nouns ("transmiter")."""

from __future__ import annotations

import pytest
from tests.support.recognition_reading import created, reading

from baes.recognition.attribute_types import attribute_type
from baes.recognition.model import RecognitionError
from baes.recognition.spelling import correct

R = True


@pytest.mark.parametrize(
    "request_text",
    [
        "ok so first thing: a Vendor table with name, phone",
        "great, now a Vendor with name, phone",
        "next up: Vendor with name, phone",
        "To begin, we need Vendors with name, phone",
        "start w/ a Vendor: name, phone",
        "thanks!! next: a Vendor entity with name, phone",
        "We run a florist. Can you start with a Vendor that has name, phone?",
        "The course said to start with the data model. So I think we need Vendor with name, phone",
    ],
)
def test_a_step_of_a_conversation_creates_the_thing_it_names(request_text: str) -> None:
    """Words that say which step a request is ("first thing", "next", "start with") say when, never what."""
    assert created(request_text) == ("create", "Vendor", [("name", "str", R), ("phone", "str", R)])


def test_a_step_word_before_a_command_is_dropped() -> None:
    assert reading("ok, next: add fax to Vendor", ["Vendor"])["attributes"] == [("fax", "str", R)]


@pytest.mark.parametrize(
    "request_text, entity",
    [
        ("the farm needs Tractors with make, model and engine hours", "Tractor"),
        ("Our vet practice keeps track of vaccinations with make, model and engine hours", "Vaccination"),
        ("Fleet wants a Service Visit with make, model and engine hours", "ServiceVisit"),
        ("a tractors tracker for my farm: make, model, engine hours", "Tractor"),
        ("Track the co-op's tractors - make, model, engine hours", "Tractor"),
    ],
)
def test_the_things_kept_are_the_entity_not_who_keeps_them(request_text: str, entity: str) -> None:
    assert created(request_text) == (
        "create",
        entity,
        [("make", "str", R), ("model", "str", R), ("engine_hours", "float", R)],
    )


def test_an_entity_of_the_app_said_as_subject_still_gets_fields() -> None:
    """ "Vendor needs a phone number" adds to the Vendor: only a keeper's things are created."""
    assert reading("Vendor needs a phone number and a fax", ["Vendor"])["intent"] == "add_attributes"


@pytest.mark.parametrize(
    "name, kind",
    [
        ("wage_min", "float"),
        ("wage_max", "float"),
        ("stock_change", "int"),
        ("weight_delta", "float"),
        ("guest_limit", "int"),
        ("stars_balance", "int"),
        ("mean_turbidity", "float"),
        ("average_wait_minutes", "int"),
        ("sorters", "int"),  # a plural head counts (counted_plurals)
        ("crates", "int"),
        ("fee_withheld", "float"),
        ("intact", "bool"),
        ("window_end", "datetime"),
        ("use_by", "date"),
        ("period_end", "date"),
    ],
)
def test_types_of_bounds_changes_averages_and_counts(name: str, kind: str) -> None:
    assert attribute_type(name) == kind


@pytest.mark.parametrize("scale", ["1-5", "(1 to 5)", "1 to 5", "(1-10)", "from 1 to 5", "out of 5"])
def test_a_scale_of_whole_numbers_makes_a_whole_number(scale: str) -> None:
    assert created(f"Create Tasting with wine, score {scale}, notes")[2][1] == ("score", "int", R)


def test_a_scale_with_decimals_makes_a_decimal() -> None:
    assert created("Create Tasting with wine, score 0.0-9.5, notes")[2][1] == ("score", "float", R)


@pytest.mark.parametrize(
    "entity, kind",
    [("Course", "str"), ("SwimLesson", "str"), ("Pupil", "str"), ("Character", "int"), ("ParkingBay", "int")],
)
def test_a_level_is_a_stage_of_learning_on_a_learning_entity(entity: str, kind: str) -> None:
    assert created(f"Create {entity} with name and level")[2][-1] == ("level", kind, R)


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("transmiter", "transmitter"),
        ("instructer", "instructor"),
        ("roomm", "room"),
        ("fermenter", None),
        ("customar", "customer"),
        ("supplyer", "supplier"),
    ],
)
def test_an_agent_noun_one_slip_from_the_usual_one_is_a_typo(typed: str, meant: str | None) -> None:
    """ "fermenter" is spelt as meant (ferment + er); "transmiter" misses a t of "transmitter"; "supplyer"
    looks like supply + er but is one slip from our "supplier"."""
    assert correct(typed) == meant


@pytest.mark.parametrize(
    "request_text",
    [
        "add Kilns to the studio app: name, max temperature",
        "Please add kilns to the system (name, max temperature)",
        "Add kilns (name, max temperature, electric)",
        "Added Kilns (name; max temperature; electric)",
    ],
)
def test_adding_a_new_thing_to_the_app_creates_it(request_text: str) -> None:
    got = created(request_text)
    assert got[:2] == ("create", "Kiln") and got[2][:2] == [("name", "str", R), ("max_temperature", "float", R)]


def test_adding_a_thing_the_app_has_with_its_list_is_refused_not_guessed() -> None:
    with pytest.raises(RecognitionError, match="already exists"):
        reading("Add Kilns (name, max temperature, electric)", ["Kiln"])


def test_fields_in_parentheses_added_to_an_entity_stay_fields() -> None:
    assert reading("add notes (optional) to Kiln", ["Kiln"])["attributes"] == [("notes", "str", False)]


@pytest.mark.parametrize(
    "request_text",
    [
        "Bug from support: Kiln records are missing a glaze colour. Please add it.",
        "sprint review: kilns get a glaze colour",
        "Kiln: add glaze colour",
    ],
)
def test_a_notes_label_before_the_change_is_no_entity(request_text: str) -> None:
    got = reading(request_text, ["Kiln"])
    assert (got["intent"], got["entity"], got["attributes"]) == ("add_attributes", "Kiln", [("glaze_colour", "str", R)])


def test_a_backfill_gives_the_value_of_stored_rows() -> None:
    got = reading("Kilns need a firing count (int). Backfill it with 0 for the kilns we already have.", ["Kiln"])
    assert got["defaults"] == {"firing_count": "0"}


def test_each_has_opens_the_list() -> None:
    assert created("Manage Kilns — each has serial code, max temperature, electric")[2][0] == ("serial_code", "str", R)


@pytest.mark.parametrize(
    "request_text",
    [
        "a kiln can fire many glazes and glazes are shared across kilns",
        "kilns have glazes, and the same glaze can be used in several kilns",
        "a kiln has several glazes and vice versa",
        "could kilns share glazes?",
        "Kiln and Glaze need a junction table",
        "Kiln can only have one Glaze right now, but we mix. Kilns and Glazes need to be many to many.",
    ],
)
def test_many_to_many_said_as_sharing(request_text: str) -> None:
    got = reading(request_text, ["Kiln", "Glaze"])
    assert (got["intent"], got["entity"], got["relationships"]) == ("relationship", "Kiln", [("Glaze", "many_to_many")])


def test_a_reason_before_so_is_no_part_of_the_relationship() -> None:
    got = reading("the studio fires a lot, so like a Kiln has many Firings", ["Kiln", "Firing"])
    assert (got["entity"], got["relationships"]) == ("Firing", [("Kiln", "many_to_one")])


@pytest.mark.parametrize(
    "request_text, entity, target",
    [
        ("assign each firing to the kiln that ran it", "Firing", "Kiln"),
        ("Please link Kiln to Firing, every firing has one kiln", "Firing", "Kiln"),
        ("firings can be tied to a supervising Kiln", "Firing", "Kiln"),
        ("Our studio manager says one Kiln has lots of Firings and would like the app to reflect that.", "Firing", "Kiln"),
        ("1:N Kiln -> Firing", "Firing", "Kiln"),
        ("1:N from Kiln to Firing", "Firing", "Kiln"),
    ],
)
def test_the_side_that_holds_the_key(request_text: str, entity: str, target: str) -> None:
    got = reading(request_text, ["Kiln", "Firing"])
    assert (got["intent"], got["entity"], [t for t, _ in got["relationships"]]) == ("relationship", entity, [target])


@pytest.mark.parametrize(
    "request_text, removed",
    [
        ("Remove the 'Glazed' property from Kilns", ["glazed"]),
        ("Kilns: lose the serial number field (privacy reasons)", ["serial_number"]),
        ("get rid of both vent and shelf on Kiln, we never use them", ["vent", "shelf"]),
    ],
)
def test_a_removed_field_without_the_words_around_it(request_text: str, removed: list[str]) -> None:
    assert reading(request_text, ["Kiln"])["removed"] == removed


@pytest.mark.parametrize(
    "request_text",
    [
        "Please change the attribute name of Kiln from max_temp into max_temperature",
        "change max_temp field name to max_temperature in Kiln",
        "Kiln: header max_temp → max_temperature",
        "The potter wants 'max_temp' on Kiln renamed to 'max temperature'",
        "on the kilns change where it says max temp to max temperature",
        "ok so on the kiln thing max temp should be called max temperature",
        "pls rename teh max temp field on Kiln to max temperature",
    ],
)
def test_a_rename_without_the_words_around_the_old_name(request_text: str) -> None:
    got = reading(request_text, ["Kiln"])
    assert (got["renamed_from"], got["renamed_to"]) == ("max_temp", "max_temperature")
