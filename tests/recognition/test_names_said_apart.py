"""The entity named in a sentence of its own ("… Call it Locker."), a pasted SELECT query, asides in
parentheses, yes/no questions with "if", "…, can be empty" and a default of true or false."""

from __future__ import annotations

import pytest

from baes.recognition.model import RecognitionError
from baes.recognition.offline import recognize_offline


def _fields(request_text: str, existing: tuple[str, ...] = ()) -> dict[str, tuple[str, bool]]:
    draft = recognize_offline(request_text, existing)
    return {a.name: (a.type, a.required) for a in draft.entity.attributes}


@pytest.mark.parametrize(
    ("request_text", "entity"),
    [
        ("We rent out kayaks by the hour. Kayak number, colour, seats and hourly price. Call it Boat.", "Boat"),
        (
            "Our students borrow instruments: instrument type, serial, borrowed on. Please name it InstrumentLoan",
            "InstrumentLoan",
        ),
        ("Keep the gym's member cards: card number, issued on, expires on. Let's call the table MemberCard.", "MemberCard"),
    ],
)
def test_a_name_said_in_a_sentence_of_its_own_is_the_entity(request_text: str, entity: str) -> None:
    draft = recognize_offline(request_text, ())
    assert (draft.intent, draft.entity.name) == ("create", entity)
    assert not any("call" in note or "name it" in note for note in draft.notes)


def test_call_it_after_an_entity_of_the_app_is_no_create() -> None:
    """A rename, which the rename rules read or refuse: never a new Device beside the Gadget."""
    try:
        draft = recognize_offline("'Gadget' is a silly name. Call it Device.", ("Gadget", "Owner"))
    except RecognitionError:
        return
    assert draft.intent != "create"


@pytest.mark.parametrize(
    ("request_text", "entity", "fields"),
    [
        (
            "turn this into an entity: SELECT route_code, depot, opened_on FROM dim_route",
            "Route",
            ["route_code", "depot", "opened_on"],
        ),
        (
            "Give me an entity Lease from this:\nselect l.unit_no, l.rent, l.starts_on as start_date from leasing.leases l",
            "Lease",
            ["unit_no", "rent", "start_date"],
        ),
    ],
)
def test_a_pasted_select_query_lists_the_fields(request_text: str, entity: str, fields: list[str]) -> None:
    draft = recognize_offline(request_text, ())
    assert draft.entity.name == entity
    assert [a.name for a in draft.entity.attributes] == fields


def test_select_from_said_in_words_is_no_query() -> None:
    draft = recognize_offline("Create Order with size, colour and a note. Users select size, colour from a dropdown.", ())
    assert draft.entity.name == "Order"


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("Create Trail with name, length (how many km), and difficulty", {"length": "float", "name": "str", "difficulty": "str"}),
        (
            "Create Choir with name, voice part (mostly alto) and joined on",
            {"name": "str", "voice_part": "str", "joined_on": "date"},
        ),
    ],
)
def test_an_aside_in_parentheses_is_no_part_of_the_name(request_text: str, expected: dict[str, str]) -> None:
    assert {name: kind for name, (kind, _) in _fields(request_text).items()} == expected


def test_an_aside_that_says_when_a_field_is_empty_stays_for_the_other_rules() -> None:
    fields = _fields("Create Loan with borrower, lent at, given back at (empty until it is returned), deposit")
    assert "given_back_at" in fields


@pytest.mark.parametrize(
    ("request_text", "flag"),
    [
        ("Create Cabin with name, beds and if it has a sauna", "has_sauna"),
        ("Create Venue with name, capacity, and if it allows dogs", "allows_dogs"),
        ("Create Supplier with name, email and a flag for if they are still approved", "approved"),
        ("Create Plan with title and a checkbox for whether it is archived", "archived"),
    ],
)
def test_a_yes_no_question_with_if_is_a_flag(request_text: str, flag: str) -> None:
    assert _fields(request_text)[flag] == ("bool", True)


def test_can_be_empty_after_a_field_makes_it_optional() -> None:
    fields = _fields("add to Rider the field 'licence number' and 'licence expiry' which is a date, can be empty", ("Rider",))
    assert fields == {"licence_number": ("str", True), "licence_expiry": ("date", False)}


def test_a_default_of_true_or_false_makes_a_flag() -> None:
    draft = recognize_offline("add priority to Parcel, default false", ("Parcel", "Courier"))
    assert [(a.name, a.type) for a in draft.entity.attributes] == [("priority", "bool")]
    assert dict(draft.defaults) == {"priority": "false"}
