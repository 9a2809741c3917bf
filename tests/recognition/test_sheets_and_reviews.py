"""Round 22 of recognition, in our own words (not the labelled set's): a table described as the spreadsheet
it replaces ("Kilns tab — …", "Header is …", "make that a Kiln table"), dev labels before a change
("Reviewer:", "Closes #12:", "hackathon card —"), renames and removals said around their words, and
defaults said as yes/no."""

from __future__ import annotations

import pytest
from tests.support.recognition_reading import created, reading

from baes.recognition.model import RecognitionError

R = True
KILN = [("serial_code", "str", R), ("max_temperature", "float", R)]


@pytest.mark.parametrize(
    "request_text",
    [
        "Kilns tab — serial code, max temperature",
        "Kilns. Header is Serial Code|Max Temperature",
        "Make a Kiln table from my studio sheet. Columns: serial code; max temperature",
        "Kiln sheet for the studio, cols: serial code, max temperature",
        "right now I keep kilns in a google sheet, columns are: Serial Code | Max Temperature. Can you make that a Kiln table?",
        "I have in excel the columns - serial code, max temperature. Please make entity Kiln with them.",
        "i have a sheet where every row is a kiln - serial code, max temperature. call it Kiln",
    ],
)
def test_a_table_described_as_its_spreadsheet(request_text: str) -> None:
    assert created(request_text) == ("create", "Kiln", KILN)


def test_a_header_row_pasted_from_a_sheet() -> None:
    got = created("kiln sheet, this is my header row:\nSerial Code\tMax Temperature\tVented")
    assert got == ("create", "Kiln", [*KILN, ("vented", "bool", R)])


def test_a_number_sign_in_a_header_is_a_number() -> None:
    assert created("Kilns tab: Kiln #, max temperature")[2][0] == ("kiln_number", "str", R)


@pytest.mark.parametrize(
    "request_text",
    [
        "Reviewer: Kiln should also record a glaze colour",
        "Closes #12: add glaze colour to Kiln",
        "hackathon card #3 — Kiln needs a glaze colour",
        "dev here — add glaze colour to Kiln",
    ],
)
def test_a_dev_label_before_the_change_is_no_entity(request_text: str) -> None:
    got = reading(request_text, ["Kiln"])
    assert (got["intent"], got["entity"], got["attributes"]) == ("add_attributes", "Kiln", [("glaze_colour", "str", R)])


def test_task_is_still_an_entity_before_its_list() -> None:
    assert created("Task: title, due date, done")[1] == "Task"


@pytest.mark.parametrize(
    "request_text",
    [
        "`max_temp` on Kiln should just be `max_temperature`",
        "In Kiln, call the 'max_temp' field 'max_temperature' instead",
        "The Kiln.max_temp field name is confusing, change it to max_temperature",
        "on Kiln, 'max_temp' is confusing people, rename it to max_temperature",
        "On Kiln I want that the max_temp is named max_temperature",
    ],
)
def test_a_rename_said_around_its_words(request_text: str) -> None:
    got = reading(request_text, ["Kiln"])
    assert (got["renamed_from"], got["renamed_to"]) == ("max_temp", "max_temperature")


def test_calling_a_field_on_an_entity_something_else_is_still_read() -> None:
    got = reading("Call the temp field on kilns max_temperature instead", ["Kiln"])
    assert (got["renamed_from"], got["renamed_to"]) == ("temp", "max_temperature")


@pytest.mark.parametrize(
    "request_text, renamed_to",
    [("we say ovens not kilns in this studio, rename Kiln", "Oven"), ("the potter wants 'Kilns' to be called 'Ovens'", "Oven")],
)
def test_an_entity_rename_said_by_what_people_call_it(request_text: str, renamed_to: str) -> None:
    assert reading(request_text, ["Kiln"])["renamed_to"] == renamed_to


@pytest.mark.parametrize(
    "request_text, change",
    [
        ("Please remove from the Kiln the vent, we not use it anymore", {"removed": ["vent"]}),
        ("strip the `vent` field off Kiln", {"removed": ["vent"]}),
        (
            "we also need to know each kiln's brand and install year",
            {"attributes": [("brand", "str", R), ("install_year", "int", R)]},
        ),
    ],
)
def test_a_field_change_said_around_its_words(request_text: str, change: dict[str, object]) -> None:
    got = reading(request_text, ["Kiln"])
    assert {key: got.get(key) for key in change} == change


@pytest.mark.parametrize("said", ["default no", "defaulting to no", "default off"])
def test_a_flag_default_said_as_yes_or_no_is_true_or_false(said: str) -> None:
    assert reading(f"Kiln needs a Vented checkbox, {said}", ["Kiln"])["defaults"] == {"vented": "false"}


@pytest.mark.parametrize(
    "request_text, target",
    [
        ("Kiln should reference the Studio table", "Studio"),
        ("each kiln record points to a studio", "Studio"),
        ("Reviewer: Kiln needs a studio_id pointing at Studio", "Studio"),
    ],
)
def test_a_reference_said_with_its_table_or_its_key(request_text: str, target: str) -> None:
    assert reading(request_text, ["Kiln", "Studio"])["relationships"] == [(target, "many_to_one")]


@pytest.mark.parametrize(
    "request_text, entity",
    [
        ("i need a FiringLog thing for the studio: fired at, cone", "FiringLog"),
        ("glaze transfer between our two studios: glaze, fired at, cone", "GlazeTransfer"),
        ("Glazes we buy for the studio: fired at, cone", "Glaze"),
        ("The pottery co-op needs a Firing record for each load: fired at, cone", "Firing"),
    ],
)
def test_what_the_opening_says_of_the_things_is_no_part_of_their_name(request_text: str, entity: str) -> None:
    assert created(request_text)[1] == entity


@pytest.mark.parametrize(
    "request_text",
    ["delete the last row in kilns, I typed it twice", "remove duplicate records from Kiln", "remove the old stuff from Kiln"],
)
def test_deleting_rows_or_vague_stuff_is_refused(request_text: str) -> None:
    with pytest.raises(RecognitionError):
        reading(request_text, ["Kiln"])


def test_a_column_added_to_a_sheet_is_a_field_added_to_its_entity() -> None:
    got = reading("kiln sheet got a new column: Brand (not always known)", ["Kiln"])
    assert (got["intent"], got["attributes"]) == ("add_attributes", [("brand", "str", False)])


def test_a_row_of_the_sheet_lists_the_fields() -> None:
    got = created("is it possible to have a Kiln entity? each row in my sheet is a serial code, a max temperature")
    assert got == ("create", "Kiln", KILN)


@pytest.mark.parametrize(
    "request_text",
    ["Kilns and Glazes - many to many please", "tag kilns with Glazes (many-to-many)"],
)
def test_a_pair_said_many_to_many(request_text: str) -> None:
    got = reading(request_text, ["Kiln", "Glaze"])
    assert (got["entity"], got["relationships"]) == ("Kiln", [("Glaze", "many_to_many")])


def test_a_table_of_things_is_created() -> None:
    assert created("add a table of kilns for the studio with serial code, max temperature") == ("create", "Kiln", KILN)


@pytest.mark.parametrize("entity", ["School", "Company", "Store", "Library", "Clinic", "Hospital", "Church", "Hotel"])
def test_a_place_is_an_entity_when_it_is_the_only_noun(entity: str) -> None:
    """ "school" qualifies ("school trips" are Trips), but "create a School with …" creates a School."""
    assert created(f"create a {entity} with name, address")[1] == entity


@pytest.mark.parametrize(
    "request_text, entity", [("church events: title, starts at", "Event"), ("hotel inspections: score", "Inspection")]
)
def test_a_place_before_the_things_is_no_part_of_their_name(request_text: str, entity: str) -> None:
    assert created(request_text)[1] == entity


def test_a_place_entity_is_renamed() -> None:
    assert reading("rename School to Academy", ["School"])["renamed_to"] == "Academy"


@pytest.mark.parametrize(
    "plural, singular", [("movies", "Movie"), ("menus", "Menu"), ("cookies", "Cookie"), ("categories", "Category")]
)
def test_plurals_that_are_no_y_words(plural: str, singular: str) -> None:
    assert created(f"create {plural}: name, description")[1] == singular


@pytest.mark.parametrize("entity", ["Building", "Recording"])
def test_an_ing_entity_after_to_is_the_entity(entity: str) -> None:
    """ "add notes to Building" was read as a change of "Build"."""
    assert reading(f"add notes to {entity}", [entity])["entity"] == entity


@pytest.mark.parametrize("entity", ["Track", "Design", "Log"])
def test_a_verb_noun_right_after_the_creating_verb_is_the_entity(entity: str) -> None:
    assert created(f"create a {entity} with name and description")[1] == entity


def test_a_doubled_letter_in_a_compound_is_a_typo() -> None:
    assert created("create a Pledge entity - donor, fullfilled")[2][-1] == ("fulfilled", "bool", R)


def test_an_added_key_column_that_references_a_table_is_a_relationship() -> None:
    got = reading("ALTER TABLE kilns ADD COLUMN studio_id INTEGER REFERENCES studios(id);", ["Kiln", "Studio"])
    assert (got["intent"], got["entity"], got["relationships"]) == ("relationship", "Kiln", [("Studio", "many_to_one")])
