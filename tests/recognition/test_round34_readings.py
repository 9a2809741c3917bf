"""Round 34 of the recognizer: an app with no entities, hyphened command words, "for each <name of words>"."""

from __future__ import annotations

import pytest

from baes.recognition.model import RecognitionError
from baes.recognition.offline import recognize_offline
from baes.recognition.recognize import cache_context, recognize


def _fields(request: str, existing: tuple[str, ...] | None = ()) -> list[str]:
    return [f"{a.name}:{a.type}" for a in recognize_offline(request, existing).entity.attributes]


@pytest.mark.parametrize(
    "request_text",
    ["delete the Shelf entity", "remove colour from Kite", "rename the Kite entity to Glider", "rename colour to hue in Kite"],
)
def test_an_app_with_no_entities_is_changed_by_no_removal_rename_or_deletion(request_text: str) -> None:
    with pytest.raises(RecognitionError, match="this app has no entities yet"):
        recognize_offline(request_text, ())


def test_entities_not_given_are_unknown_and_not_checked() -> None:
    assert recognize_offline("delete the Shelf entity").intent == "delete_entity"
    assert recognize("delete the Shelf entity").intent == "delete_entity"
    assert cache_context("delete the Shelf entity", None) != cache_context("delete the Shelf entity", ())


def test_a_sentence_that_reads_as_removing_from_a_new_app_is_context() -> None:
    draft = recognize_offline(
        "My sister runs a kennel and she keeps losing track. Each dog stay has a dog name, arrival date and nights.", ()
    )
    assert draft.intent == "create"
    assert draft.entity.name == "DogStay"
    assert _fields("Each dog stay has a dog name, arrival date and nights.") == [
        "dog_name:str",
        "arrival_date:date",
        "nights:int",
    ]


@pytest.mark.parametrize(
    ("request_text", "name"),
    [
        ("Create a Class with title, drop-in fee and level", "drop_in_fee"),
        ("Create a Parcel with sender, drop-off point and weight", "drop_off_point"),
        ("Create a Menu Item with name, price and add-on price", "add_on_price"),
    ],
)
def test_a_command_word_hyphened_to_a_particle_is_one_word(request_text: str, name: str) -> None:
    draft = recognize_offline(request_text, ())
    assert draft.intent == "create"
    assert name in [a.name for a in draft.entity.attributes]


def test_a_hyphened_word_that_is_no_command_is_read_as_before() -> None:
    assert "check_in_date:date" in _fields("Create a Stay with guest, check-in date and nights")


def test_for_each_names_an_entity_of_several_words() -> None:
    draft = recognize_offline("For each boat repair we need the owner name, the hull number and the quoted price", ())
    assert draft.intent == "create"
    assert draft.entity.name == "BoatRepair"
    assert [a.name for a in draft.entity.attributes] == ["owner_name", "hull_number", "quoted_price"]


@pytest.mark.parametrize(
    ("request_text", "field"),
    [
        ("Create a Plot with bed number, watered? (yes/no), crop", "watered:bool"),
        ("Create a Plot with bed number, watered?, crop", "watered:bool"),
        ("Create a Painting with title, price paid, framed", "price_paid:float"),
        ("Create a Reader with name, subscribes to digest", "subscribes_to_digest:bool"),
        ("Create a Hatch with hen name, chicks surviving, notes", "chicks_surviving:int"),
        ("Create a Dish with title, serves, cuisine", "serves:int"),
    ],
)
def test_types_said_the_way_people_talk(request_text: str, field: str) -> None:
    assert field in _fields(request_text)


@pytest.mark.parametrize(
    "request_text",
    [
        "Evening! Kiln - name, max temp, location",
        "hiya need a Kiln, name, max temp, location",
        "howdy, we want a Kiln, name, max temp, location",
    ],
)
def test_a_greeting_and_a_wish_before_the_list(request_text: str) -> None:
    draft = recognize_offline(request_text, ())
    assert draft.intent == "create"
    assert draft.entity.name == "Kiln"
    assert [a.name for a in draft.entity.attributes] == ["name", "max_temp", "location"]


def test_a_wish_for_a_field_is_no_entity() -> None:
    with pytest.raises(RecognitionError):
        recognize_offline("I need name, email, arrival date", ())


@pytest.mark.parametrize(
    ("request_text", "field"),
    [
        ("Create a Room Check with room, spare towel stock present, notes", "spare_towel_stock_present:bool"),
        ("Create a Bell with name, last rung on, weight", "last_rung_on:date"),
        ("Create a Service with van, oil changed, mileage", "oil_changed:bool"),
        ("Create a Service with van, parts changed, mileage", "parts_changed:str"),
        ("Create a Lot with title, value estimate, reserve", "value_estimate:float"),
        ("Create a Stay with guest, nights, extra charge", "extra_charge:float"),
        ("Create an Exam with pupil, multiple choice score, passed", "multiple_choice_score:float"),
    ],
)
def test_names_of_several_words_stay_whole(request_text: str, field: str) -> None:
    assert field in _fields(request_text)


def test_a_run_of_field_words_with_no_commas_is_still_cut() -> None:
    assert _fields("Create a Hive with name location queen seen") != ["name_location_queen_seen:bool"]


@pytest.mark.parametrize(
    "request_text",
    [
        "For Kennel we need run number and heated floor",
        "In Kennel, could we also have a run number and whether it has a heated floor?",
        "for Kennel I forgot the run number and heated floor",
    ],
)
def test_a_wish_said_after_the_entity_it_changes_adds_to_it(request_text: str) -> None:
    draft = recognize_offline(request_text, ("Kennel", "Dog"))
    assert draft.intent == "add_attributes"
    assert draft.entity.name == "Kennel"
    assert [a.name for a in draft.entity.attributes] == [
        "run_number",
        "heated_floor" if "whether" not in request_text else "has_heated_floor",
    ]


@pytest.mark.parametrize(
    "request_text",
    [
        "In Kennel we have run number and heat lamp, neither is used. delete those fields",
        "In Kennel I'd like two extra columns: run number and size",
    ],
)
def test_a_statement_or_a_list_after_a_colon_is_no_wish_of_fields(request_text: str) -> None:
    try:
        draft = recognize_offline(request_text, ("Kennel", "Dog"))
    except RecognitionError:
        return
    assert "neither_used" not in [a.name for a in draft.entity.attributes]
    assert draft.entity.name == "Kennel"


def test_a_typed_smile_ends_what_it_follows() -> None:
    draft = recognize_offline("hello there :) Our Kennel records need a run number and a heat lamp", ("Kennel", "Dog"))
    assert (draft.intent, draft.entity.name) == ("add_attributes", "Kennel")
    assert _fields("Create Tag with name:(text), colour") == ["name:str", "colour:str"]


@pytest.mark.parametrize(
    ("request_text", "fields"),
    [
        (
            "Create a Party with host, how many kids they invite, any allergies",
            ["host:str", "kids:int", "allergies:str"],
        ),
        ("Create a Quiz with title, whether we have marked it yet", ["title:str", "marked:bool"]),
        ("Create a Loan with borrower, whether they've signed the form", ["borrower:str", "form_signed:bool"]),
    ],
)
def test_fields_said_as_clauses(request_text: str, fields: list[str]) -> None:
    assert _fields(request_text) == fields


def test_for_every_thing_then_its_list_with_no_verb() -> None:
    draft = recognize_offline("for every hive, the name, apiary, queen colour, last inspected on", ())
    assert (draft.intent, draft.entity.name) == ("create", "Hive")
    assert [a.name for a in draft.entity.attributes] == ["name", "apiary", "queen_colour", "last_inspected_on"]


@pytest.mark.parametrize(
    ("request_text", "fields"),
    [
        (
            "Create a Bench with the park, the year it was installed, the plaque wording",
            ["park:str", "year_installed:int", "plaque_wording:str"],
        ),
        ("Create a Fossil with the name, the cliff it came from, the finder", ["name:str", "cliff:str", "finder:str"]),
        ("Create a Radio with the serial, who it's lent to, the due date", ["serial:str", "lent_to:str", "due_date:date"]),
    ],
)
def test_list_items_said_with_a_relative_clause(request_text: str, fields: list[str]) -> None:
    assert _fields(request_text) == fields


@pytest.mark.parametrize(
    ("request_text", "intent", "detail"),
    [
        ("In Kennel, the 'heat lamp' field is no use, please remove it.", "remove_attributes", ["heat_lamp"]),
        ("In Kennel the 'run no' name confuses staff, call it run number instead", "rename_attribute", ["run_no", "run_number"]),
        ("Remove Kennel.legacy_ref once the new import is done", "remove_attributes", ["legacy_ref"]),
    ],
)
def test_a_field_named_first_then_a_command_that_points_back(request_text: str, intent: str, detail: list[str]) -> None:
    draft = recognize_offline(request_text, ("Kennel", "Dog"))
    assert (draft.intent, draft.entity.name) == (intent, "Kennel")
    said = list(draft.removed) if intent == "remove_attributes" else [draft.renamed_from, draft.renamed_to]
    assert said == detail


@pytest.mark.parametrize(
    ("request_text", "old", "new"),
    [
        ("our Kennel has 'run no' but the staff call it 'run number', could you rename that?", "run_no", "run_number"),
        ("the vet said 'size' is vague, can we call it 'floor area' instead? it's on Kennel", "size", "floor_area"),
        ("On Kennel we say 'pen' not 'run', please rename it", "run", "pen"),
    ],
)
def test_a_field_rename_with_both_names_quoted(request_text: str, old: str, new: str) -> None:
    draft = recognize_offline(request_text, ("Kennel", "Dog"))
    assert (draft.intent, draft.entity.name, draft.renamed_from, draft.renamed_to) == ("rename_attribute", "Kennel", old, new)


def test_quoted_names_of_two_app_entities_are_no_field_rename() -> None:
    draft = recognize_offline("hey so 'Kennel' should actually be 'Run', my manager insists", ("Kennel", "Dog"))
    assert (draft.intent, draft.renamed_from, draft.renamed_to) == ("rename_entity", "Kennel", "Run")


def test_no_longer_needing_something_else_never_deletes_the_entity() -> None:
    request = "The Kennel thing is great. We don't need the heat lamp anymore since summer is here - can it go?"
    try:
        draft = recognize_offline(request, ("Kennel", "Dog"))
    except RecognitionError as exc:
        assert "delete_entity" not in str(exc)
        return
    assert draft.intent != "delete_entity"


def test_no_longer_needing_the_entity_deletes_it() -> None:
    draft = recognize_offline("We don't need the Kennel entity anymore, please delete it", ("Kennel", "Dog"))
    assert (draft.intent, draft.entity.name) == ("delete_entity", "Kennel")


def test_quoted_fields_removed_by_pointing_back_at_them() -> None:
    request = "the Kennel table has 'heat lamp' and 'water bowl size' but nobody fills them in, can you remove both?"
    draft = recognize_offline(request, ("Kennel", "Dog"))
    assert (draft.intent, draft.entity.name, list(draft.removed)) == (
        "remove_attributes",
        "Kennel",
        ["heat_lamp", "water_bowl_size"],
    )
