"""Round 36 of the recognizer: requests written in English as a second language."""

from __future__ import annotations

import pytest
from tests.support.recognition_reading import one_line

from baes.recognition.capitalised_names import as_capitalised
from baes.recognition.dictated_marks import typed_marks
from baes.recognition.model import Draft, OutOfScope, RecognitionError
from baes.recognition.recognize import cache_context, recognize
from baes.recognition.request_tokens import Known
from baes.scaffold.spec import AttributeSpec, EntitySpec

APP = ("Hive", "Keeper", "Apiary", "Goods")


def _reading(request: str, existing: tuple[str, ...] | None = APP) -> str:
    return one_line(request, existing)


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        # the entity written with a capital inside a sentence, where the rules read another noun
        (
            "I need to keep Swarm of each apiary visit: found on, colony size, caught by",
            "create Swarm found_on:date colony_size:int caught_by:str",
        ),
        (
            "My uncle has a honey farm in Taranaki. We want to follow the Extraction which comes from each hive: "
            "frames spun, kilos extracted, moisture percent",
            "create Extraction frames_spun:int kilos_extracted:float moisture_percent:float",
        ),
        (
            "Good afternoon, I need something simple to control the Buyers of my honey stall: name, cell phone, last order date",
            "create Buyer name:str cell_phone:str last_order_date:date",
        ),
    ],
)
def test_a_capitalised_noun_inside_a_sentence_is_the_entity(request_text: str, expected: str) -> None:
    assert _reading(request_text, ()) == expected


def test_the_reading_notes_the_capitalised_name() -> None:
    got = recognize("I need to keep Swarm of each apiary visit: found on, colony size, caught by", existing_entities=())
    assert any("capital letter" in note for note in got.notes)


@pytest.mark.parametrize(
    "request_text",
    [
        "Create a Jar entity for the Market: label, weight",  # the user capitalised the reading's entity too
        "The main fields I keep are Label, Weight, Price and Batch.",  # a list written in capitals
        "Our club meets every Easter. Create Raffle Ticket with number, buyer name, paid",
    ],
)
def test_a_capitalised_word_that_is_no_entity_changes_nothing(request_text: str) -> None:
    before = Draft("create", EntitySpec("Jar", (AttributeSpec("label", "str"),)))
    assert as_capitalised(before, request_text, Known(()), lambda text: before) == before or "Easter" not in _reading(
        request_text, ()
    )


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("Remove of Keeper the field of second phone, is not necessary", "remove_attributes Keeper -second_phone"),
        ("Hive need add queen colour and remark, remark can be empty", "add_attributes Hive queen_colour:str remark:str?"),
        ("the Hive must to have a frame count", "add_attributes Hive frame_count:int"),
        ("change the name of the entity Apiary for Yard", "rename_entity Apiary Apiary->Yard"),
        (
            "The field wt in Hive is confusing for the new keepers, please rename in weight",
            "rename_attribute Hive wt->weight",
        ),
        ("Please rename Field Standort in Apiary to location", "rename_attribute Apiary standort->location"),
        ("Please suppress the table Keeper, it is not used", "delete_entity Keeper"),
        ("please rename Goods to Product", "rename_entity Goods Goods->Product"),
        (
            "In Hive we don't need anymore the fields 'smoker' and 'how calm today'",
            "remove_attributes Hive -smoker -how_calm_today",
        ),
        (
            "I need to add on Hive the eventual feeding notes and the super count",
            "add_attributes Hive feeding_notes:str? super_count:int",
        ),
        ("add level to Keeper, default level is 'novice'", "add_attributes Keeper level:str level=novice"),
        (
            "add certified to Keeper. Existing keepers should be uncertified.",
            "add_attributes Keeper certified:bool certified=false",
        ),
        (
            "add queen seen to Hive. Also we need to know if the hive was moved, so add relocated (yes/no)",
            "add_attributes Hive queen_seen:bool relocated:bool",
        ),
        (
            "link Keeper with Apiary, one keeper can work in many apiaries and the apiary have many keepers",
            "relationship Keeper ->Apiary:many_to_many",
        ),
    ],
)
def test_second_language_changes(request_text: str, expected: str) -> None:
    assert _reading(request_text) == expected


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        (
            "create Harvest - hive code - harvest date - extracted (sim/não) - notes",
            "create Harvest hive_code:str harvest_date:date extracted:bool notes:str",
        ),
        (
            "I want to make list of pollinators for the garden: species - colour - flowers visited - active in winter",
            "create Pollinator species:str colour:str flowers_visited:int active_in_winter:bool",
        ),
        (
            "create Inspection with frames number, inspector email id, start of season, honey average, dose (1, 2 or 3), "
            "litres fed, date and hour, price HT, heated (ja/nee)",
            "create Inspection frames_number:int inspector_email_id:email start_of_season:date honey_average:float "
            "dose:int litres_fed:float date_and_hour:datetime price_ht:float heated:bool",
        ),
        (
            "Please make Queen entity. Fields: tag - text, hatched on - date, marked - boolean",
            "create Queen tag:str hatched_on:date marked:bool",
        ),
    ],
)
def test_second_language_lists_and_types(request_text: str, expected: str) -> None:
    assert _reading(request_text, ()) == expected


def test_a_rule_about_who_sees_what_is_refused() -> None:
    with pytest.raises(OutOfScope):
        recognize("Please make that each keeper sees only his own hives", existing_entities=APP)


def test_a_name_written_with_a_capital_keeps_its_first_letters() -> None:
    assert _reading("create Payout with keeper, Mpesa number, amount", ()) == (
        "create Payout keeper:str mpesa_number:str amount:float"
    )


def test_a_new_name_that_is_no_name_is_refused() -> None:
    with pytest.raises(RecognitionError):
        recognize("Change the name of the Hive for a nicer one", existing_entities=APP)


def test_capitals_that_may_name_the_entity_are_part_of_the_cache_context() -> None:
    capitalised = cache_context("I need to keep Swarm of each apiary visit: found on, colony size", ())
    plain = cache_context("I need to keep swarm of each apiary visit: found on, colony size", ())
    assert capitalised != plain
    assert capitalised.endswith("|caps=swarm")


def test_a_sentence_that_only_mentions_two_entities_is_read_last() -> None:
    request = (
        "At our market the keepers are grouped in apiaries for the inspections. One Apiary have many Keepers and one "
        "keeper is only in one apiary."
    )
    assert _reading(request) == "relationship Keeper ->Apiary:many_to_one"


@pytest.mark.parametrize(
    "request_text",
    [
        "can the app send a whatsapp message to the keeper one day before the inspection?",
        "I want a monthly report of how many hives each keeper inspected",
    ],
)
def test_messages_and_reports_are_refused(request_text: str) -> None:
    with pytest.raises(OutOfScope):
        recognize(request_text, existing_entities=APP)


def test_tickets_copied_with_their_tags() -> None:
    assert _reading("[Ticket] Hive table - please remove the smoker and the lid columns.") == (
        "remove_attributes Hive -smoker -lid"
    )
    assert _reading("Trello: Queen Rearing\n- graft date\n- cells accepted", ()) == (
        "create QueenRearing graft_date:date cells_accepted:int"
    )


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        (
            "make an app for swarm calls comma caller name comma address comma reported at",
            "create SwarmCall caller_name:str address:str reported_at:datetime",
        ),
        (
            "new app called honey sale new line buyer name new line price new line sold on",
            "create HoneySale buyer_name:str price:float sold_on:date",
        ),
    ],
)
def test_punctuation_said_aloud_is_typed(request_text: str, expected: str) -> None:
    assert _reading(request_text, ()) == expected


def test_a_single_comma_word_stays_a_word() -> None:
    assert typed_marks("add comma count to Hive") == "add comma count to Hive"
