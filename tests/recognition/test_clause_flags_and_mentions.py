"""Round 17 of recognition, in our own words (not the labelled set's): flags said as a clause ("and if
it is X") or named before their type ("a member discount flag"), a name whose words are all grammar
("must have (yes/no)"), a moment named date-first ("date paid"), a size that is a label, lists opened
by "capturing"/"comprising"/"holding", and a create that talks about an entity the app has without
using it (refused, with what to say instead)."""

from __future__ import annotations

import pytest
from tests.support.recognition_reading import created, reading

from baes.recognition.model import RecognitionError
from baes.recognition.offline import recognize_offline

R = True


@pytest.mark.parametrize(
    "request_text, attributes",
    [
        (
            "Create Greenhouse with name, area and if it is heated",
            [("name", "str", R), ("area", "float", R), ("heated", "bool", R)],
        ),
        (
            "Create Greenhouse with name, and if the vents are automatic",
            [("name", "str", R), ("vents_automatic", "bool", R)],
        ),
        (
            "Create Greenhouse with name and if it has a sprinkler",
            [("name", "str", R), ("has_sprinkler", "bool", R)],
        ),
    ],
)
def test_a_flag_said_as_an_if_clause_is_a_flag(request_text: str, attributes: list[tuple[str, str, bool]]) -> None:
    """ "…, and if it is heated" was dropped without a word: it is the flag ``heated``."""
    assert created(request_text) == ("create", "Greenhouse", attributes)


@pytest.mark.parametrize("type_words", ["flag", "checkbox", "tick box", "check-box"])
def test_a_long_flag_name_before_its_type_stays_one_name(type_words: str) -> None:
    """ "a loyalty card holder flag" is one flag, not four text columns cut from a run of words."""
    got = created(f"Create Shopper with nickname, email and a loyalty card holder {type_words}")
    assert got == ("create", "Shopper", [("nickname", "str", R), ("email", "email", R), ("loyalty_card_holder", "bool", R)])


def test_a_name_of_grammar_words_with_a_type_is_the_name() -> None:
    """ "could have (y/n)": every word is a modal or a verb of having, and the type says it is a field."""
    got = created("Create Feature with title, owner, could have (y/n)")
    assert got == ("create", "Feature", [("title", "str", R), ("owner", "str", R), ("could_have", "bool", R)])


def test_an_item_with_no_name_left_is_reported() -> None:
    got = created("Create Feature with title and if it")
    assert got[2] == [("title", "str", R)]


@pytest.mark.parametrize(
    "name, kind",
    [("date shipped", "date"), ("date signed", "date"), ("time delivered", "datetime"), ("time collected", "datetime")],
)
def test_a_moment_named_date_first(name: str, kind: str) -> None:
    """ "date shipped" is when it was shipped, not whether: the participle at the end does not make it a flag."""
    got = created(f"Create Parcel with label and {name}")
    assert got[2] == [("label", "str", R), (name.replace(" ", "_"), kind, R)]


@pytest.mark.parametrize(
    "request_text, size_type",
    [
        ("Create Blanket with colour and size", "str"),
        ("Create Mailer with weight and envelope size", "str"),
        ("Create Booking with guest name and party size", "int"),
        ("Create Tour with guide and group size", "int"),
    ],
)
def test_a_size_is_a_label_unless_it_counts_people(request_text: str, size_type: str) -> None:
    assert created(request_text)[2][-1][1] == size_type


@pytest.mark.parametrize("marker", ["capturing", "comprising", "holding"])
def test_a_list_opened_by_a_verb_of_holding(marker: str) -> None:
    got = created(f"Introduce a Sapling entity {marker} species, planted on and height")
    assert got == ("create", "Sapling", [("species", "str", R), ("planted_on", "date", R), ("height", "float", R)])


def test_someone_wanting_a_record_is_not_the_entity() -> None:
    """ "The ranger team wants a Trail Report record holding …": the record is new, the team asks."""
    got = created("The ranger team wants a Trail Report record holding trail name, reported at and blocked")
    assert got == (
        "create",
        "TrailReport",
        [("trail_name", "str", R), ("reported_at", "datetime", R), ("blocked", "bool", R)],
    )


@pytest.mark.parametrize("adverb", ["Basically", "Ideally", "Honestly"])
def test_a_sentence_adverb_is_no_part_of_a_name(adverb: str) -> None:
    got = created(f"We run a small ferry. {adverb} a Crossing record with departs at, vessel and passengers")
    assert got[:2] == ("create", "Crossing")


def test_additionally_is_also() -> None:
    got = reading("Ferry additionally needs a call sign", ["Ferry"])
    assert (got["intent"], got["entity"], got["attributes"]) == ("add_attributes", "Ferry", [("call_sign", "str", R)])


def test_a_wish_that_each_record_has_an_entity_of_the_app_links_them() -> None:
    got = reading("The harbour master wants every Crossing to have a Ferry assigned", ["Ferry", "Crossing"])
    assert (got["intent"], got["entity"], got["relationships"]) == ("relationship", "Crossing", [("Ferry", "many_to_one")])


@pytest.mark.parametrize(
    "request_text, existing",
    [
        ("Heads-up from QA: Ferry records still show no call sign, please add it", ["Ferry"]),
        ("Regression spotted: Ferry has no capacity so the planner shows zero", ["Ferry"]),
    ],
)
def test_a_create_that_leaves_out_an_entity_it_talks_about_is_refused(request_text: str, existing: list[str]) -> None:
    """A create read from such a request would make a new entity out of the wrong words."""
    with pytest.raises(RecognitionError):
        reading(request_text, existing)


@pytest.mark.parametrize(
    "request_text, existing, relationships",
    [
        (
            "Create Crossing with departs at and vessel name. Each crossing belongs to a ferry.",
            ["Ferry"],
            [("Ferry", "many_to_one")],
        ),
        ("Create Ticket with price and ferry name", ["Ferry"], []),
    ],
)
def test_a_create_that_uses_the_entity_it_talks_about_stands(
    request_text: str, existing: list[str], relationships: list[tuple[str, str]]
) -> None:
    got = reading(request_text, existing)
    assert got["intent"] == "create" and got["relationships"] == relationships


@pytest.mark.parametrize(
    "request_text, existing",
    [
        ("Rowers can log outings with distance and river", ["Rower"]),
        ("Create Regatta with venue and max crews", ["Crew"]),
        ("We need to store the oars of the club with length and maker", ["Club"]),
    ],
)
def test_an_everyday_word_or_the_people_of_a_story_are_no_mention(request_text: str, existing: list[str]) -> None:
    """Only a name written as the app writes it counts ("Crew"), and not the plural opening a story
    before a modal ("Rowers can …"): "max crews" and "the club" are words of the request."""
    assert reading(request_text, existing)["intent"] == "create"


@pytest.mark.parametrize("between", ["entity linked to the hangar,", "linked to a hangar", "record tied to the hangar"])
def test_a_reference_said_between_the_name_and_its_list(between: str) -> None:
    got = reading(f"Create a Glider {between} with registration and seats")
    assert got["entity"] == "Glider" and got["relationships"] == [("Hangar", "many_to_one")]
    assert got["attributes"] == [("registration", "str", R), ("seats", "int", R)]


@pytest.mark.parametrize(
    "name, kind",
    [
        ("hours", "float"),
        ("rigging hours", "float"),
        ("certification level", "str"),
        ("roast level", "str"),
        ("skill level", "int"),
    ],
)
def test_hours_are_fractional_and_a_credential_level_is_a_label(name: str, kind: str) -> None:
    assert created(f"Create Diver with nickname and {name}")[2][-1] == (name.replace(" ", "_"), kind, R)


@pytest.mark.parametrize(
    "request_text",
    [
        "could each Dive point to the Boat it left from?",
        "Can every Dive point to the Boat?",
        "The club asks if each Dive could point to a Boat",
    ],
)
def test_a_modal_that_asks_makes_no_reference_optional(request_text: str) -> None:
    got = reading(request_text, ["Dive", "Boat"])
    assert (got["entity"], got["relationships"]) == ("Dive", [("Boat", "many_to_one")])
    assert recognize_offline(request_text, ["Dive", "Boat"]).entity.relationships[0].required


def test_a_modal_inside_the_statement_still_makes_it_optional() -> None:
    assert not recognize_offline("each Dive could point to a Boat", ["Dive", "Boat"]).entity.relationships[0].required


@pytest.mark.parametrize(
    "request_text, holder, target, kind",
    [
        ("one skipper sails many voyages", "Voyage", "Skipper", "many_to_one"),
        ("each curator runs several exhibitions", "Exhibition", "Curator", "many_to_one"),
        ("a diver logs many dives. please link them", "Dive", "Diver", "many_to_one"),
        ("a diver visits many sites and a site gets many divers", "Diver", "Site", "many_to_many"),
        ("A diver visits many sites. A site is visited by several divers.", "Diver", "Site", "many_to_many"),
        ("divers can visit many sites", "Diver", "Site", "many_to_many"),
    ],
)
def test_a_fact_of_one_side_is_one_to_many(request_text: str, holder: str, target: str, kind: str) -> None:
    """ "one skipper sails many voyages" says each voyage has its skipper; a possibility ("can visit") or
    the other side said too (in the same sentence or the next) is a many-to-many."""
    got = reading(request_text)
    assert (got["entity"], got["relationships"]) == (holder, [(target, kind)])


@pytest.mark.parametrize(
    "request_text",
    [
        "rename Hive to Colony (the beekeepers say colony)",
        "Please rename Hive to Colony in the app as well.",
        "refactor: rename Hive model to Colony (new wording)",
    ],
)
def test_a_new_entity_name_ends_before_its_reason_or_the_app(request_text: str) -> None:
    got = reading(request_text, ["Hive"])
    assert (got["intent"], got["renamed_from"], got["renamed_to"]) == ("rename_entity", "Hive", "Colony")


def test_an_owner_in_parentheses_after_a_new_field_name_is_kept() -> None:
    got = reading("Call the smoker fuel field fuel type instead (on Hive)", ["Hive"])
    assert (got["entity"], got["renamed_from"], got["renamed_to"]) == ("Hive", "smoker_fuel", "fuel_type")


@pytest.mark.parametrize(
    "request_text, removed",
    [
        ("chore: drop unused queen_colour and frame_count columns from Hive", ["queen_colour", "frame_count"]),
        ("Hive does not need the entrance width anymore, nor the stand height", ["entrance_width", "stand_height"]),
        ("Hive don't need more the apiary code field", ["apiary_code"]),
        ("remove the legacy id field from Hive", ["legacy_id"]),
    ],
)
def test_words_about_a_removed_field_are_no_part_of_its_name(request_text: str, removed: list[str]) -> None:
    assert reading(request_text, ["Hive"])["removed"] == removed


def test_nd_typed_for_and() -> None:
    assert created("create Beekeeper with name phone nd email")[2] == [
        ("name", "str", R),
        ("phone", "str", R),
        ("email", "email", R),
    ]


@pytest.mark.parametrize(
    "request_text, attribute, default",
    [
        ("give Beekeeper a karma field starting at 0", ("karma", "int", R), "0"),
        ("add a sting score to Beekeeper with default 2.5", ("sting_score", "float", R), "2.5"),
        ("add zip code to Beekeeper with default 02134", ("zip_code", "str", R), "02134"),
    ],
)
def test_a_number_for_existing_rows_types_a_text_field(request_text: str, attribute: tuple[str, str, bool], default: str) -> None:
    """A field read as text whose value for existing rows is a number counts or measures; an identifier
    ("zip code") keeps its digits as text."""
    got = reading(request_text, ["Beekeeper"])
    assert got["attributes"] == [attribute] and got["defaults"] == {attribute[0]: default}


@pytest.mark.parametrize(
    "words, name, kind",
    [
        ("price in kroner", "price", "float"),
        ("weight factor", "weight_factor", "float"),
        ("vintage", "vintage", "int"),
        ("dues owed", "dues_owed", "str"),
        ("fees owed", "fees_owed", "float"),
        ("rank order", "rank_order", "int"),
    ],
)
def test_more_words_of_amounts_and_positions(words: str, name: str, kind: str) -> None:
    assert created(f"Create Cellar with label and {words}")[2][-1] == (name, kind, R)


def test_where_from_and_where_to() -> None:
    got = created("create Hive Move with from apiary, to apiary and moved on")
    assert got[2] == [("from_apiary", "str", R), ("to_apiary", "str", R), ("moved_on", "date", R)]


@pytest.mark.parametrize(
    "words, name, kind",
    [
        ("hives inspected", "hives_inspected", "int"),
        ("swarms caught", "swarms_caught", "int"),
        ("kilos harvested", "kilos_harvested", "float"),
        ("queen marked", "queen_marked", "bool"),
        ("score from 1 to 5", "score", "int"),
        ("temper out of 10", "temper", "int"),
        ("calmness out of 10 (decimal)", "calmness", "float"),
        ("nitrate", "nitrate", "float"),
        ("inspection day", "inspection_day", "str"),
        ("opening day", "opening_day", "date"),
        ("last mite count date", "last_mite_count_date", "date"),
        ("approved si/no", "approved", "bool"),
    ],
)
def test_counts_scales_readings_and_days(words: str, name: str, kind: str) -> None:
    """A plural before a participle of doing counts; a spoken scale types the field; a weekday something
    happens on is a label, the day of one event a date; "last" starts a longer name."""
    assert created(f"Create Apiary with name, {words}")[2][-1] == (name, kind, R)


def test_plus_ones_are_one_name() -> None:
    assert created("Create Invite with guest, number of plus ones")[2][-1] == ("number_of_plus_ones", "int", R)
