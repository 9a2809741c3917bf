"""Round 35 of the recognizer: words that name no entity, fields listed below a ticket, team-chat changes."""

from __future__ import annotations

import pytest

from baes.recognition.listed_below import last_bullet_run
from baes.recognition.model import RecognitionError
from baes.recognition.recognize import recognize

APP = ("Kayak", "Paddler", "Trip")


def _reading(request: str, existing: tuple[str, ...] | None = APP) -> tuple[str, str, list[str]]:
    got = recognize(request, existing_entities=existing)
    fields = [f"{a.name}:{a.type}" for a in got.entity.attributes] or list(got.removed)
    if got.renamed_from:
        fields = [f"{got.renamed_from}->{got.renamed_to}"]
    return got.intent, got.entity.name, fields


@pytest.mark.parametrize(
    "request_text",
    [
        "The hut is booked through the following: warden name, nights",
        "this is not what the volunteers asked for: bunk, nights",
        "our cabins are nested in sites: code, beds",
    ],
)
def test_a_word_that_names_no_thing_is_never_the_entity_created(request_text: str) -> None:
    with pytest.raises(RecognitionError):
        recognize(request_text, existing_entities=())


def test_a_paragraph_reads_on_past_a_sentence_that_creates_no_thing() -> None:
    got = recognize(
        "Create a Lantern table\n\nThe following was agreed by the wardens. Columns: hook number, lit since, fuel type",
        existing_entities=(),
    )
    assert (got.intent, got.entity.name) == ("create", "Lantern")


def test_fields_listed_as_bullets_below_an_entity_said_above() -> None:
    request = (
        "Create Ropes table\n\nNot in the first mock-up, but keep the style of the other tables, with these columns:\n\n"
        "- Length in metres\n- Bought on\n- Retired"
    )
    intent, entity, fields = _reading(request, ())
    assert (intent, entity) == ("create", "Rope")
    assert fields == ["length:float", "bought_on:date", "retired:bool"]
    assert any("lines listed below" in note for note in recognize(request, existing_entities=()).notes)


def test_the_last_run_of_bullets_is_the_list() -> None:
    assert last_bullet_run("- a task\n- another\n\nfields:\n\n- [ ] width\n- [x] height\n") == ["width", "height"]
    assert last_bullet_run("one line\n- only one bullet") == []


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("Kayak hull colour -> paint colour", ("rename_attribute", "Kayak", ["hull_colour->paint_colour"])),
        ("the Hull column on Kayaks should say hull type", ("rename_attribute", "Kayak", ["hull->hull_type"])),
        (
            "rename the column that says Seats on the Kayak page to seat count",
            ("rename_attribute", "Kayak", ["seats->seat_count"]),
        ),
        ("the paddlers table needs renaming to guests", ("rename_entity", "Paddler", ["Paddler->Guest"])),
        ("the club would prefer 'Outing' rather than 'Trip' everywhere", ("rename_entity", "Trip", ["Trip->Outing"])),
    ],
)
def test_renames_said_in_team_chat(request_text: str, expected: tuple[str, str, list[str]]) -> None:
    assert _reading(request_text) == expected


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("re the paddler thing - can we also store the club nickname", ("add_attributes", "Paddler", ["club_nickname:str"])),
        ("regarding kayaks: add a rudder flag", ("add_attributes", "Kayak", ["rudder:bool"])),
        ("fyi Trip needs a tide note", ("add_attributes", "Trip", ["tide_note:str"])),
        ("pls put one more column in Trip for the launch site", ("add_attributes", "Trip", ["launch_site:str"])),
        ("can we get rid of the fax column on Paddler, nobody has one", ("remove_attributes", "Paddler", ["fax"])),
        (
            "on Kayak we have a hatch count and a skeg type, neither is used. delete those fields",
            ("remove_attributes", "Kayak", ["hatch_count", "skeg_type"]),
        ),
        ("Trip has a weather code that nobody fills in, remove it", ("remove_attributes", "Trip", ["weather_code"])),
    ],
)
def test_field_changes_said_in_team_chat(request_text: str, expected: tuple[str, str, list[str]]) -> None:
    assert _reading(request_text) == expected


def test_an_entity_with_no_rows_left_is_deleted_not_its_rows() -> None:
    assert _reading("The Trip table has no rows left, delete it")[:2] == ("delete_entity", "Trip")


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("pls add a Permits section: paddler, issued on, fee", ("create", "Permit", ["issued_on:date", "fee:float"])),
        ("create a course module with title and week count", ("create", "CourseModule", ["title:str", "week_count:int"])),
    ],
)
def test_a_section_of_the_app_named_after_its_entities_is_the_entity(
    request_text: str, expected: tuple[str, str, list[str]]
) -> None:
    assert _reading(request_text) == expected


def test_a_link_said_of_the_list_with_a_pronoun_is_the_new_entity_s() -> None:
    got = recognize("set up Landings: beach, landed at, and link them to trips", existing_entities=APP)
    assert (got.intent, got.entity.name) == ("create", "Landing")
    assert [(r.target, r.kind) for r in got.entity.relationships] == [("Trip", "many_to_one")]


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("the Kayaks page needs a hull type", ("add_attributes", "Kayak", ["hull_type:str"])),
        ("take 'deck bag' off the Kayaks tab", ("remove_attributes", "Kayak", ["deck_bag"])),
        ("rename the Trips page to Outings, the club calls them that", ("rename_entity", "Trip", ["Trip->Outing"])),
        (
            "can we add a Spray Deck page — kayak (existing), length in metres, bought on",
            ("create", "SprayDeck", ["length:float", "bought_on:date"]),
        ),
        ("Paddlers: remove the 'fax' field, the club stopped using fax years ago", ("remove_attributes", "Paddler", ["fax"])),
        (
            "paddlers don't need the locker column anymore since the lockers were removed",
            ("remove_attributes", "Paddler", ["locker"]),
        ),
    ],
)
def test_screens_of_the_app_and_reasons_said_around_a_change(request_text: str, expected: tuple[str, str, list[str]]) -> None:
    assert _reading(request_text) == expected


def test_a_screen_asked_for_with_fields_is_the_entity_it_shows() -> None:
    got = recognize("can we add a Spray Deck page — kayak (existing), size, bought on", existing_entities=APP)
    assert [(r.target, r.kind) for r in got.entity.relationships] == [("Kayak", "many_to_one")]
    assert any("SprayDeckPage" in note for note in got.notes)


def test_what_a_screen_shows_is_still_refused() -> None:
    with pytest.raises(RecognitionError):
        recognize("the Kayaks page is really slow to load", existing_entities=APP)
    with pytest.raises(RecognitionError, match="user interface"):
        recognize("Add a pricing page with three tiers: Starter, Pro, Team", existing_entities=())


@pytest.mark.parametrize(
    "aside", ["(existing)", "(we already have the Paddlers tab)", "(already in there)", "(existing Paddlers)"]
)
def test_an_aside_saying_the_item_is_kept_in_the_app_makes_it_a_reference(aside: str) -> None:
    got = recognize(f"new Permit entity: paddler {aside}, issued on, fee", existing_entities=APP)
    assert [(r.target, r.kind) for r in got.entity.relationships] == [("Paddler", "many_to_one")]
    assert [a.name for a in got.entity.attributes] == ["issued_on", "fee"]


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("Trips has a column 'dist' - rename to distance_km", ("rename_attribute", "Trip", ["dist->distance_km"])),
        (
            "on Kayaks the 'cap' column → 'max load' (nobody knows what cap means)",
            ("rename_attribute", "Kayak", ["cap->max_load"]),
        ),
        (
            "the Paddlers tab has 'ec' as a header, can it be emergency_contact",
            ("rename_attribute", "Paddler", ["ec->emergency_contact"]),
        ),
        ("Paddlers → Club Members pls", ("rename_entity", "Paddler", ["Paddler->ClubMember"])),
        ("can the Trips entity become Outings?", ("rename_entity", "Trip", ["Trip->Outing"])),
        ("one Trip has loads of Landings", ("relationship", "Landing", [])),
        ("Paddlers need a club number column fyi", ("add_attributes", "Paddler", ["club_number:str"])),
    ],
)
def test_more_changes_said_in_team_chat(request_text: str, expected: tuple[str, str, list[str]]) -> None:
    assert _reading(request_text, (*APP, "Landing")) == expected


def test_a_quoted_field_that_can_be_removed_is_no_rename() -> None:
    try:
        got = recognize("the Kayak table has 'hatch cover' but nobody uses it. Can it be removed?", existing_entities=APP)
    except RecognitionError:
        return  # refused: no wrong change
    assert got.intent != "rename_attribute"


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("add launch type (beach, pontoon, slipway) to Trip", ("add_attributes", "Trip", ["launch_type:str"])),
        (
            "Kayak: colour, hull (plastic, composite, wood), bought on",
            ("add_attributes", "Kayak", ["colour:str", "hull:str", "bought_on:date"]),
        ),
        (
            "store Landings (beach, landed at, crew size)",
            ("create", "Landing", ["beach:str", "landed_at:datetime", "crew_size:int"]),
        ),
    ],
)
def test_a_parenthesis_of_values_after_an_item_is_no_list_of_fields(
    request_text: str, expected: tuple[str, str, list[str]]
) -> None:
    assert _reading(request_text) == expected


@pytest.mark.parametrize(
    ("request_text", "reason"),
    [
        ("connect Trips to google calendar pls", "integration"),
        ("sync paddlers with our Mailchimp account", "integration"),
        ("paddlers shouldn't see each other's phone numbers, only admins", "permission"),
    ],
)
def test_integrations_and_permissions_said_in_chat_are_refused(request_text: str, reason: str) -> None:
    with pytest.raises(RecognitionError, match=reason):
        recognize(request_text, existing_entities=APP)


@pytest.mark.parametrize(
    "request_text",
    [
        "Trips need a guided yes/no. existing trips → guided false",
        "Trips need a guided yes/no. old trips: guided = no",
    ],
)
def test_the_value_of_the_rows_already_stored_said_after_the_change(request_text: str) -> None:
    got = recognize(request_text, existing_entities=APP)
    assert (got.intent, dict(got.defaults)) == ("add_attributes", {"guided": "false"})
