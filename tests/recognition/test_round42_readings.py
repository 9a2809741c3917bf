"""Round 42: requests written the way office staff and volunteers explain them: field changes around quoted names,
types described in words, someone who asked for it, the list in a later sentence, both sides of a many-to-many said
in their own words. Examples from a choir's music-library app, in words of their own."""

from __future__ import annotations

import pytest
from tests.support.recognition_reading import one_line

APP = ("Score", "Singer", "Concert", "Folder")


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        # a quoted field said to be taken out of, or come off, the entity that holds it
        (
            "Hello, could the field 'shelf code' be taken out of Score? We file by composer now.",
            "remove_attributes Score -shelf_code",
        ),
        (
            "We'd be grateful if the 'voice part' field could come off Folder; it lives on Singer.",
            "remove_attributes Folder -voice_part",
        ),
        # a new name said with "become", "ought to be called", "relabel … as", "could it be called"
        (
            "In the Concert records, 'loc' needs to become 'venue_name'. Keep what is stored.",
            "rename_attribute Concert loc->venue_name",
        ),
        (
            "The 'pp' field on Score ought to be called 'page_count' so newcomers follow it.",
            "rename_attribute Score pp->page_count",
        ),
        ("Please relabel the Singer field 'tel' as just 'phone'; nobody says tel.", "rename_attribute Singer tel->phone"),
        (
            "The field 'dur' on Concert is cryptic. Please could it be called duration instead?",
            "rename_attribute Concert dur->duration",
        ),
        # a wish not to hold a field, and an entity wished away
        ("I don't want Singer to carry the fax number any more", "remove_attributes Singer -fax_number"),
        ("We'd like the Folder entity removed, the scores are boxed now.", "delete_entity Folder"),
    ],
)
def test_field_changes_said_politely(request_text: str, expected: str) -> None:
    assert one_line(request_text, APP) == expected


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        # money in two units, a date with its time, a value said to allow pence, a parenthesis that describes it
        (
            "Create Subscription with a fee in pounds and pence, started on, renewed at with both the date and the time",
            "create Subscription fee:float started_on:date renewed_at:datetime",
        ),
        (
            "Create Purchase: the price should allow pence, the copies is a count, the bought on date is just a day",
            "create Purchase price:float copies:int bought_on_date:date",
        ),
        (
            "Create Hire with the deposit (it's money, so decimals), collected at (date plus time), catalogue ref (it has letters in it)",
            "create Hire deposit:float collected_at:datetime catalogue_ref:str",
        ),
        (
            "Create Rehearsal: difficulty as a number from 1 to 5, hall temperature in celsius, which can be a decimal",
            "create Rehearsal difficulty:int hall_temperature:float",
        ),
        # a kind of text said before the one word that names the field
        ("Create Review with a reviewer name and a free-text summary", "create Review reviewer_name:str summary:str"),
    ],
)
def test_types_described_in_words(request_text: str, expected: str) -> None:
    assert one_line(request_text, APP) == expected


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        # anyone who asked that / whether: the request is what they asked
        (
            "Our musical director has asked that every Singer has a range note and an audition date.",
            "add_attributes Singer range_note:str audition_date:date",
        ),
        (
            "The librarian would like the Score records to include a publisher and a purchase price, since insurers ask.",
            "add_attributes Score publisher:str purchase_price:float",
        ),
        # a later sentence's list of what someone needs
        (
            "Could the app keep Loans too? When a choir borrows our sets, we need the borrower, the lent on date and the copies.",
            "create Loan borrower:str lent_on_date:date copies:int",
        ),
        # why, before ", so" and the request
        ("We've started lending folders to other choirs, so every Folder needs a lent flag.", "add_attributes Folder lent:bool"),
    ],
)
def test_who_asked_and_why_are_not_the_request(request_text: str, expected: str) -> None:
    assert one_line(request_text, APP) == expected


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        # the rows already stored: "left at false", "start with 1 copy", "put the … as 0"
        (
            "Add a scanned checkbox to Score. Scores already catalogued can be left at false.",
            "add_attributes Score scanned:bool scanned=false",
        ),
        (
            "Score needs a shelf and a number of copies. All the scores we already have can start with 2 copies.",
            "add_attributes Score shelf:str number_of_copies:int number_of_copies=2",
        ),
        # "so that one" is the field just named, not a purpose
        (
            "Could we add a key signature and an arranger to Score? Older scores never noted the arranger, so that one will "
            "have to stay empty.",
            "add_attributes Score key_signature:str arranger:str?",
        ),
    ],
)
def test_rows_already_stored(request_text: str, expected: str) -> None:
    assert one_line(request_text, APP) == expected


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        # each side said to have many of the other, however the halves are worded
        (
            "a singer can sing in two or three concerts and a concert has lots of singers",
            "relationship Singer ->Concert:many_to_many",
        ),
        (
            "folders hold scores, one score can be in several folders and each folder has several scores",
            "relationship Folder ->Score:many_to_many",
        ),
        # a closing "could you link the two?" says nothing more than the sentence before
        ("Each Singer has many Folders, so please could you link the two?", "relationship Folder ->Singer:many_to_one"),
        # a polite question of what each record should do
        (
            "Please could each Folder belong to a Singer? At the moment we write the name on the cover.",
            "relationship Folder ->Singer:many_to_one",
        ),
    ],
)
def test_links_said_in_their_own_words(request_text: str, expected: str) -> None:
    assert one_line(request_text, APP) == expected


def test_a_list_that_names_its_own_thing_is_left_alone() -> None:
    """ "For each concert we need …" names what the list is of: it is read as it stands, not as 'Each one needs'."""
    assert one_line("Set up Tours. For each tour we need the city, the start date and the coach company.", APP) == (
        "create Tour city:str start_date:date coach_company:str"
    )
