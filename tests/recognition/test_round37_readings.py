"""Round 37 of the recognizer: office staff describing their forms, and new users' first requests.

The examples are our own (a community bike workshop and a village hall), not the labelled sets' words.
"""

from __future__ import annotations

import pytest
from tests.support.recognition_reading import one_line

from baes.recognition.mentions import with_full_names
from baes.recognition.model import RecognitionError
from baes.recognition.named_entity import called_it
from baes.recognition.normalize import split_camel
from baes.recognition.recognize import cache_context, recognize
from baes.recognition.request_tokens import Known, read_tokens
from baes.recognition.spelling import correct
from baes.recognition.text_layout import without_column_letters

APP = ("DonatedBike", "RepairJob", "Volunteer", "WorkshopSession")


def _reading(request: str, existing: tuple[str, ...] | None = APP) -> str:
    return one_line(request, existing)


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("the bikes also need a frame number and a gears count", "add_attributes DonatedBike frame_number:str gears_count:int"),
        ("take the parts cost off the jobs please", "remove_attributes RepairJob -parts_cost"),
        ("each job belongs to one bike", "relationship RepairJob ->DonatedBike:many_to_one"),
        ("sessions should link to the volunteer who ran them", "relationship WorkshopSession ->Volunteer:many_to_one"),
    ],
)
def test_an_entity_named_by_its_last_word_is_the_apps(request_text: str, expected: str) -> None:
    assert _reading(request_text) == expected


def test_a_shortened_name_is_noted_and_counts_as_mentioned_in_the_cache_context() -> None:
    got = recognize("each job belongs to one bike", existing_entities=APP)
    assert any("ends so" in note for note in got.notes)
    assert "donated_bike" in cache_context("each job belongs to one bike", APP)
    assert "repair_job" in cache_context("each job belongs to one bike", APP)


def test_a_word_next_to_the_rest_of_the_name_is_not_shortened() -> None:
    known = Known(["Customer", "CustomerOrder"])
    assert with_full_names(read_tokens("link to customers orders"), known) is None
    assert with_full_names(read_tokens("link to the orders"), known) is not None


def test_a_field_named_like_the_last_word_stays_a_field() -> None:
    assert _reading("add job date to RepairJob") == "add_attributes RepairJob job_date:date"


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        (
            "we log hall hire in a diary by the phone. date, hirer, hours booked, fee and whether paid. make it HallHire",
            "create HallHire date:date hirer:str hours_booked:float fee:float paid:bool",
        ),
        (
            "when someone books the minibus we fill in a card. It has the driver's name, licence number, "
            "trip date and miles driven. Could you put that in the app, call it MinibusTrip",
            "create MinibusTrip driver_name:str licence_number:str trip_date:date miles_driven:float",
        ),
        (
            "we want the key holders list from the noticeboard - columns are name, phone, key number. Entity KeyHolder",
            "create KeyHolder name:str phone:str key_number:str",
        ),
    ],
)
def test_a_name_said_at_the_end_names_the_list_before_it(request_text: str, expected: str) -> None:
    assert _reading(request_text, ()) == expected


def test_a_lower_case_name_after_a_comma_is_a_fields_new_name() -> None:
    assert called_it("on the sessions, leader is confusing, please call it host") is None
    called = called_it("the slips have name, phone and date, call it Slip")
    assert called is not None and called[1] == "Slip"


def test_the_name_said_at_the_end_is_part_of_the_cache_context_as_written() -> None:
    upper = cache_context("we note date, hirer and fee. make it HallHire", ())
    lower = cache_context("we note date, hirer and fee. make it hallhire", ())
    assert upper != lower


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        (
            "how do I make a table for my spare parts? I want part name, bin, quantity and price",
            "create SparePart part_name:str bin:str quantity:int price:float",
        ),
        (
            "how can we track the tool loans? tool, borrowed by, due back",
            "create ToolLoan tool:str borrowed_by:str due_back:date",
        ),
    ],
)
def test_a_request_asked_as_how_to_make_it(request_text: str, expected: str) -> None:
    assert _reading(request_text, ()) == expected


@pytest.mark.parametrize(
    "request_text",
    [
        "how do I export the volunteers?",
        "When a RepairJob is finished, email the owner",
    ],
)
def test_questions_and_messages_stay_refused(request_text: str) -> None:
    with pytest.raises(RecognitionError, match="question|messages"):
        recognize(request_text, existing_entities=APP)


def test_a_statement_opened_by_when_is_read() -> None:
    request = "when a bike comes in we write a tag. It has the donor name, drop off date, condition and price. call it Intake"
    assert _reading(request, ()) == "create Intake donor_name:str drop_off_date:date condition:str price:float"


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("each session gets many volunteers", "relationship Volunteer ->WorkshopSession:many_to_one"),
        ("a volunteer repairs many bikes", "relationship DonatedBike ->Volunteer:many_to_one"),
    ],
)
def test_one_to_many_with_other_verbs(request_text: str, expected: str) -> None:
    assert _reading(request_text) == expected


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        (
            "wheel builds: rim, spokes count, finished on, trued",
            "create WheelBuild rim:str spokes_count:int finished_on:date trued:bool",
        ),
        (
            "Solar readings: taken at, kWh generated, battery mAh",
            "create SolarReading taken_at:datetime kwh_generated:float battery_mah:float",
        ),
        (
            "Ride: title (text), distance (float), set on, arrows shot",
            "create Ride title:str distance:float set_on:date arrows_shot:int",
        ),
        (
            "Hall project: name (text), budget (float), started (date)",
            "create HallProject name:str budget:float started:date",
        ),
        ("Volunteer needs first aid (bool) + phone + email", "add_attributes Volunteer first_aid:bool phone:str email:email"),
        ("add a 'last serviced on' date to bikes", "add_attributes DonatedBike last_serviced_on:date"),
        (
            "a tyre with a size and a price and whether it's in stock right now",
            "create Tyre size:str price:float in_stock:bool",
        ),
        ("Exam entries: pupil, grade, whether they got a merit", "create ExamEntry pupil:str grade:str merit:bool"),
    ],
)
def test_lists_and_types(request_text: str, expected: str) -> None:
    existing = APP if "Volunteer" in request_text or "bikes" in request_text else ()
    assert _reading(request_text, existing) == expected


def test_a_sheets_column_letters_name_no_field() -> None:
    assert without_column_letters("columns are A name, B phone, C key number") == "columns are name, phone, key number"
    assert without_column_letters("grades: A, B") == "grades: A, B"  # two letters are values, not columns
    assert _reading("Key loans. Our spreadsheet columns are A key, B borrower, C taken on", ()) == (
        "create KeyLoan key:str borrower:str taken_on:date"
    )


def test_units_written_as_symbols_are_one_word() -> None:
    assert split_camel("kWh") == "kwh"
    assert split_camel("MHz") == "mhz"
    assert split_camel("OrderItem") == "Order_Item"


@pytest.mark.parametrize("word", ["fibre", "litre", "repotted", "unticked", "rewired"])
def test_british_and_prefixed_words_are_no_typos(word: str) -> None:
    assert correct(word) is None


@pytest.mark.parametrize(("word", "meant"), [("recieved", "received"), ("reprted", "reported")])
def test_real_typos_are_still_corrected(word: str, meant: str) -> None:
    assert correct(word) == meant


@pytest.mark.parametrize(
    ("request_text", "existing", "expected"),
    [
        ("Volunteer: change 'mobile' to 'phone number'", APP, "rename_attribute Volunteer mobile->phone_number"),
        (
            "Volunteer needs: number in household, postcode. The volunteers already in there can have 1 for number in household.",
            APP,
            "add_attributes Volunteer number_in_household:int postcode:str number_in_household=1",
        ),
        ("volunteer: dbs number, and first aider (yes/no)", APP, "add_attributes Volunteer dbs_number:str first_aider:bool"),
    ],
)
def test_changes_said_as_an_office_would(request_text: str, existing: tuple[str, ...], expected: str) -> None:
    assert _reading(request_text, existing) == expected


def test_a_client_who_needs_fields_is_the_apps_client_not_someone_asking() -> None:
    assert _reading("Client needs: referral date, referring agency", ("Client", "Parcel")) == (
        "add_attributes Client referral_date:date referring_agency:str"
    )


def test_an_apostrophe_s_after_a_mark_is_no_possessive() -> None:
    from baes.recognition.normalize import normalize_request

    assert normalize_request("a?'s,") == normalize_request("a.'s,")


@pytest.mark.parametrize(
    ("request_text", "existing", "expected"),
    [
        ("jobs also need a rush flag, default false", ("PrintJob", "Client"), "add_attributes PrintJob rush:bool rush=false"),
        ("sessions: add a link to volunteer", APP, "relationship WorkshopSession ->Volunteer:many_to_one"),
        ("volunteers -> many sessions", APP, "relationship WorkshopSession ->Volunteer:many_to_one"),
        ("change the job 'notes' field name to 'work done'", APP, "rename_attribute RepairJob notes->work_done"),
        ("rm tyre_size from bikes", APP, "remove_attributes DonatedBike -tyre_size"),
    ],
)
def test_shorthand_changes(request_text: str, existing: tuple[str, ...], expected: str) -> None:
    assert _reading(request_text, existing) == expected


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("Hire (hirer, email, phone - optional, hire date)", "create Hire hirer:str email:email phone:str? hire_date:date"),
        ("Flyer: title; copies; double sided", "create Flyer title:str copies:int double_sided:bool"),
        ("Bike check: which saddle, what problem, date", "create BikeCheck saddle:str problem:str date:date"),
        ("create an entity named Raffle", "create Raffle"),
    ],
)
def test_more_lists(request_text: str, expected: str) -> None:
    assert _reading(request_text, ()) == expected


@pytest.mark.parametrize(
    ("request_text", "existing", "expected"),
    [
        (
            "bikes have many parts, and parts go in lots of different bikes",
            ("DonatedBike", "Part"),
            "relationship DonatedBike ->Part:many_to_many",
        ),
        (
            "add a pickup date to jobs, it stays blank until the owner comes back",
            APP,
            "add_attributes RepairJob pickup_date:date?",
        ),
        ("Loans: item, borrower name (if we know it), due back", (), "create Loan item:str borrower_name:str? due_back:date"),
    ],
)
def test_said_in_passing(request_text: str, existing: tuple[str, ...], expected: str) -> None:
    assert _reading(request_text, existing) == expected


def test_what_a_screen_shows_is_refused() -> None:
    with pytest.raises(RecognitionError, match="how data is shown"):
        recognize("can the workshop screen show the bikes waiting like the whiteboard does", existing_entities=APP)


def test_a_list_said_as_what_to_store_continues_the_sentence_before() -> None:
    request = "We keep a list of our volunteers. I want to store their name, phone and start date."
    assert _reading(request, ()) == "create Volunteer name:str phone:str start_date:date"


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        (
            "Please add a deposit to RepairJob - the old jobs should just be 0.",
            "add_attributes RepairJob deposit:float deposit=0",
        ),
        ("Volunteer still has pager and fax from the old system, remove both please", "remove_attributes Volunteer -pager -fax"),
        ("Volunteer 'dbs no' should be 'dbs number'", "rename_attribute Volunteer dbs_no->dbs_number"),
    ],
)
def test_office_changes_with_their_reasons(request_text: str, expected: str) -> None:
    assert _reading(request_text) == expected


def test_a_value_said_to_be_another_is_no_rename() -> None:
    with pytest.raises(RecognitionError):  # "open" is a value, not a name
        recognize("RepairJob 'status' should be 'open'", existing_entities=APP)


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("Quiz night: team, rounds, jokers played", "create QuizNight team:str rounds:int jokers_played:int"),
        ("Bike: frame number, shared with the youth club", "create Bike frame_number:str shared_with_youth_club:bool"),
    ],
)
def test_counts_and_states_said_with_a_preposition(request_text: str, expected: str) -> None:
    assert _reading(request_text, ()) == expected


def test_more_fields_added_while_you_are_at_it() -> None:
    request = "Can we add a serial number to bikes? and while you're at it a donated by, thanks"
    assert _reading(request) == "add_attributes DonatedBike serial_number:str donated_by:str"


def test_languages_spoken_are_which_ones() -> None:
    assert _reading("add languages spoken to Volunteer") == "add_attributes Volunteer languages_spoken:str"


def test_guesses_measured_as_wrong_on_unseen_requests_are_not_made() -> None:
    with pytest.raises(RecognitionError):  # which field gets the default? No flag is listed: not guessed
        recognize("volunteers: add allergies and photo consent, default false", existing_entities=APP)
    # "Xs need a, b" with no "also" describes a new X, as before this round, even when the app has a PrintJob
    assert _reading("jobs need a title, a deadline and a budget", ("PrintJob", "Client")) == (
        "create Job title:str deadline:date budget:float"
    )


def test_a_command_word_before_in_as_an_item_of_a_list_is_a_noun() -> None:
    assert _reading("Clinic: name | walk in fee | drop in price", ()) == (
        "create Clinic name:str walk_in_fee:float drop_in_price:float"
    )


def test_a_deposit_taken_is_whether_it_was() -> None:
    assert (
        _reading("Hire: hirer, deposit taken, deposit collected", ())
        == "create Hire hirer:str deposit_taken:bool deposit_collected:bool"
    )


def test_goals_for_and_against_are_two_counts() -> None:
    assert _reading("Fixture: opponent, goals for, goals against", ()) == (
        "create Fixture opponent:str goals_for:int goals_against:int"
    )
