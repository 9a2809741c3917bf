"""One list of fields, said in many frames, reads the same (a metamorphic test).

Round 10 found its gaps this way: the fields of the labelled requests, said again in fourteen frames
("X: a, b", "X with a; b", bullets, "make a X model, a + b", "add a, b to X", "Xs also need …",
"Each X has …"), showed readings that depended on the frame, not on the words. Here the lists are our
own; each must read as the same names in every frame.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.support.recognition_reading import reading

from baes.recognition.model import recognition_to_json
from baes.recognition.recognize import recognize

#: Field lists in everyday words, each with the snake_case names a reader expects.
LISTS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("serial number", "installed on", "needs service"), ("serial_number", "installed_on", "needs_service")),
    (("tracking number", "carrier name", "billing address"), ("tracking_number", "carrier_name", "billing_address")),
    (("title", "ready for collection", "treated for rust"), ("title", "ready_for_collection", "treated_for_rust")),
    (("name", "website link", "includes breakfast"), ("name", "website_link", "includes_breakfast")),
    (("email", "start date", "monthly fee"), ("email", "start_date", "monthly_fee")),
    (("owner name", "field area", "colour"), ("owner_name", "field_area", "colour")),
    (("plot code", "reference number", "sown on date"), ("plot_code", "reference_number", "sown_on_date")),
)


def _and(words: tuple[str, ...]) -> str:
    return ", ".join(words[:-1]) + " and " + words[-1]


#: Frames: how the request is said, the entities the project has, and the intent it must read as.
FRAMES: dict[str, tuple[Callable[[tuple[str, ...]], str], tuple[str, ...], str]] = {
    "with": (lambda w: f"Create a Bench entity with {_and(w)}", (), "create"),
    "colon": (lambda w: f"Bench: {', '.join(w)}", (), "create"),
    "semicolons after with": (lambda w: f"Bench with {'; '.join(w)}", (), "create"),
    "bullets": (lambda w: "Bench\n" + "\n".join(f"- {x}" for x in w), (), "create"),
    "comma after the name": (lambda w: f"make a Bench model, {' + '.join(w)}", (), "create"),
    "following fields": (lambda w: f"Create a Bench with the following fields: {', '.join(w)}.", (), "create"),
    "list sentence": (lambda w: f"We keep a list of benches. Each bench has {_and(w)}.", (), "create"),
    "add to": (lambda w: f"add {_and(w)} to Bench", ("Bench",), "add_attributes"),
    "also need": (lambda w: f"Benches also need {_and(w)}", ("Bench",), "add_attributes"),
}


@pytest.mark.parametrize("frame", sorted(FRAMES))
@pytest.mark.parametrize(("words", "names"), LISTS, ids=[names[0] + "…" for _, names in LISTS])
def test_a_list_reads_the_same_in_every_frame(frame: str, words: tuple[str, ...], names: tuple[str, ...]) -> None:
    say, existing, intent = FRAMES[frame]
    got = reading(say(words), existing)
    assert (got["intent"], got["entity"]) == (intent, "Bench")
    assert tuple(name for name, _, _ in got["attributes"]) == names
    assert got["relationships"] == []


@pytest.mark.parametrize(
    ("phrase", "type_name"),
    [
        ("ready for collection", "bool"),
        ("treated for rust", "bool"),
        ("reported to the council", "bool"),
        ("includes breakfast", "bool"),
        ("sown on date", "date"),
    ],
)
def test_a_state_with_its_preposition_is_a_flag_unless_a_type_word_ends_it(phrase: str, type_name: str) -> None:
    assert reading(f"Create a Bench entity with name and {phrase}")["attributes"][-1][1] == type_name


def test_a_python_keyword_is_named_with_a_trailing_underscore_and_said_so() -> None:
    recognition = recognize("Create a Harvest entity with crop, yield and class")
    names = [a["name"] for a in recognition_to_json(recognition)["attributes"]]
    assert names == ["crop", "yield_", "class_"]
    assert any("'yield' is a Python keyword" in note for note in recognition.notes)


def test_a_link_word_with_an_entity_or_to_is_still_a_reference() -> None:
    for request_text in (
        "Create a Bench entity with name and a link to the park",
        "Create a Bench entity with name and park reference",
    ):
        assert [target for target, _ in reading(request_text, ["Park"])["relationships"]] == ["Park"]


def test_a_dangling_reference_says_which_entity_is_missing() -> None:
    recognition = recognize("Create a Laptop entity with asset tag and linked to")
    assert any("no entity named" in note and "each Laptop belongs to" in note for note in recognition.notes)


def test_a_color_in_a_list_is_a_field_but_styling_a_list_is_refused() -> None:
    got = reading("We keep a list of bikes. Each bike has frame size, color and price.")
    assert [name for name, _, _ in got["attributes"]] == ["frame_size", "color", "price"]
    with pytest.raises(Exception, match="how data is shown"):
        recognize("make the bike list color blue")


def test_the_holder_of_an_add_is_the_known_entity_after_the_last_preposition() -> None:
    got = reading("add card code and expires on date to Voucher", ["Voucher"])
    assert got["entity"] == "Voucher"
    assert [name for name, _, _ in got["attributes"]] == ["card_code", "expires_on_date"]


@pytest.mark.parametrize(
    ("request_text", "renamed_from", "renamed_to"),
    [
        ("rename opens at to opening time in Bench", "opens_at", "opening_time"),
        ("rename painted on to label in Bench", "painted_on", "label"),
        ("rename notes to last cleaned at in Bench", "notes", "last_cleaned_at"),
        ("rename move in date to label in Bench", "move_in_date", "label"),
        ("rename number of slats to label in Bench", "number_of_slats", "label"),
        ("rename booking code to label in Bench", "booking_code", "label"),
        ("rename the colour of the bench to paint", "colour", "paint"),
    ],
)
def test_a_rename_keeps_the_prepositions_of_its_names(request_text: str, renamed_from: str, renamed_to: str) -> None:
    got = reading(request_text, ["Bench", "Park"])
    assert (got["entity"], got["renamed_from"], got["renamed_to"]) == ("Bench", renamed_from, renamed_to)


@pytest.mark.parametrize("phrase", ["a park name", "a ticket price", "a visitor count", "an owner email"])
def test_a_field_named_after_a_thing_is_no_reference(phrase: str) -> None:
    got = reading(f"Benches should also have {phrase}", ["Bench"])
    assert got["intent"] == "add_attributes"
    assert got["relationships"] == []
    assert [name for name, _, _ in got["attributes"]] == ["_".join(phrase.split()[1:])]


@pytest.mark.parametrize(
    ("request_text", "entity"),
    [
        ("Create a loan application entity with amount and term", "LoanApplication"),
        ("Create a dental record entity with notes", "DentalRecord"),
        ("Create a yoga class entity with level and room", "YogaClass"),
        ("Create a coffee shop entity with name and city", "CoffeeShop"),
        ("Create a driving school lesson entity with date", "DrivingSchoolLesson"),
        ("Create a shop entity with name and city", "Shop"),
        ("Create a parking permit entity with plate and zone", "ParkingPermit"),
        ("Create a frozen asset entity with value", "FrozenAsset"),
        ("Create a colour swatch entity with name and hex code", "ColourSwatch"),
        ("manage university students with name and email", "Student"),
        ("Kindly create one Invoice entity for my bakery shop with total", "Invoice"),
        ("create a simple recipe entity with title", "Recipe"),
    ],
)
def test_a_name_before_a_structure_word_keeps_all_its_words(request_text: str, entity: str) -> None:
    assert reading(request_text)["entity"] == entity


@pytest.mark.parametrize(
    ("request_text", "entity"),
    [
        ("make me a habit tracker with name and streak", "Habit"),
        ("I want a plant watering tracker: plant, watered on", "PlantWatering"),
        ("create a Tracker entity with name and serial number", "Tracker"),
    ],
)
def test_a_tracker_keeps_the_things_it_tracks(request_text: str, entity: str) -> None:
    assert reading(request_text)["entity"] == entity
