"""Round 17, in our own words: slips in "entity", a word misspelt once and written right elsewhere in
the same request, an entity named like a creating verb after a wish ("I need a Build entity"), and
"make entity X, have a, b" as a list."""

from __future__ import annotations

import pytest
from tests.support.recognition_reading import created

from baes.recognition.model import RecognitionError
from baes.recognition.recognize import recognize

R = True


@pytest.mark.parametrize("slip", ["entitiy", "enity", "entty", "entitty"])
def test_a_slip_in_entity_is_read_as_entity(slip: str) -> None:
    assert created(f"please add a {slip} for fermentations: tank code, started on")[:2] == ("create", "Fermentation")


def test_a_word_misspelt_once_and_written_right_elsewhere() -> None:
    got = recognize("create fermentations: tank code, fermentaton temperature")
    assert [a.name for a in got.entity.attributes] == ["tank_code", "fermentation_temperature"]
    assert "read 'fermentaton' as 'fermentation'" in got.notes


@pytest.mark.parametrize("request_text", ["create casks: barrel code, winter casks", "create analyses: sample code, analysed at"])
def test_a_plural_or_a_british_spelling_is_no_echo(request_text: str) -> None:
    """ "casks" is no slip of its singular, "analysed" no slip of "analyses"."""
    assert not any(note.startswith("read ") for note in recognize(request_text).notes)


@pytest.mark.parametrize("verb_noun", ["Design", "Build", "Record"])
def test_an_entity_named_like_a_creating_verb_after_a_wish(verb_noun: str) -> None:
    assert created(f"I need a {verb_noun} entity with title and owner")[:2] == ("create", verb_noun)


def test_a_creating_verb_after_a_wish_is_still_the_verb() -> None:
    assert created("I want make entity Kiln Firing, have cone, started at")[:2] == ("create", "KilnFiring")


@pytest.mark.parametrize("joint", [", have", ", it have", " has"])
def test_a_list_after_the_name_opened_by_have(joint: str) -> None:
    got = created(f"please make one Kiln entity{joint} cone, max temperature")
    assert got == ("create", "Kiln", [("cone", "str", R), ("max_temperature", "float", R)])


@pytest.mark.parametrize(
    "request_text",
    [
        "please create Kiln for our pottery, it will carry name, cone and max temperature",
        "Kindly create one entity Kiln where we will store name, cone and max temperature",
        "I would like to have an entity Kiln with name, cone and max temperature",
    ],
)
def test_lists_opened_in_second_language_phrasing(request_text: str) -> None:
    assert created(request_text) == ("create", "Kiln", [("name", "str", R), ("cone", "str", R), ("max_temperature", "float", R)])


def test_a_clause_ending_an_item_says_more_about_it() -> None:
    got = recognize("Could the app keep our glazes? Each glaze has a name, a colour and the cone it fires at.")
    assert [a.name for a in got.entity.attributes] == ["name", "colour", "cone"]


def test_a_question_word_is_no_part_of_a_name() -> None:
    with pytest.raises(RecognitionError):
        recognize("Kiln: add how much it costs per firing", existing_entities=("Kiln",))


@pytest.mark.parametrize(
    "typed, meant",
    [("shfit", "shift"), ("trackng", "tracking"), ("roomms", "rooms"), ("recipie", "recipe"), ("litre", None), ("centre", None)],
)
def test_the_likeliest_slip_decides_between_words_one_slip_away(typed: str, meant: str | None) -> None:
    """A letter left out, two neighbours swapped or a letter doubled explain a typo better than another
    letter typed ("shfit" is shift, not shit); a British "-re" is no swap."""
    from baes.recognition.spelling import correct

    assert correct(typed) == meant


@pytest.mark.parametrize(
    "plural, singular",
    [("salespeople", "salesperson"), ("fishermen", "fisherman"), ("chairwomen", "chairwoman"), ("specimens", "specimen")],
)
def test_compound_irregular_plurals(plural: str, singular: str) -> None:
    from baes.recognition.vocabulary import singularize

    assert singularize(plural) == singular and singularize(singular) == singular
