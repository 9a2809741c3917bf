"""A list read only in part is refused with what was read, never made (``unsure_lists``)."""

from __future__ import annotations

import pytest

from baes.recognition.model import RecognitionError
from baes.recognition.offline import recognize_offline

#: Lists whose words run together: some names could not be told apart.
RUN_TOGETHER = [
    "make a Lesson with instructor name pool lane swim level booked on and paid",
    "set up Visits: patient name doctor room checked in at and paid",
]
#: A new entity read with one field while the request says more.
ONE_FIELD_IN_PASSING = [
    "create parcels sender city postal code",
    "the orchard needs pruning visits logged",
]
#: One field said as such: the reading stands.
ONE_FIELD_SAID = [
    ("Create a Tag entity with a name", "Tag", ["name"]),
    ("add a Genre model with just a label", "Genre", ["label"]),
    ("Create a Colour with an id and a name", "Colour", ["name"]),
    ("hotel inspections: score", "Inspection", ["score"]),
]


@pytest.mark.parametrize("request_text", RUN_TOGETHER)
def test_a_list_read_in_part_is_refused_with_what_was_read(request_text: str) -> None:
    with pytest.raises(RecognitionError, match=r"could not tell the field names apart in '.+' \(read so far: \w+ with"):
        recognize_offline(request_text)


@pytest.mark.parametrize("request_text", ONE_FIELD_IN_PASSING)
def test_a_new_entity_of_one_field_said_in_passing_is_refused(request_text: str) -> None:
    with pytest.raises(RecognitionError, match="with one field"):
        recognize_offline(request_text)


@pytest.mark.parametrize(("request_text", "entity", "fields"), ONE_FIELD_SAID)
def test_one_field_said_as_such_is_read(request_text: str, entity: str, fields: list[str]) -> None:
    draft = recognize_offline(request_text)
    assert draft.entity.name == entity and [a.name for a in draft.entity.attributes] == fields


def test_words_that_state_a_rule_are_no_unread_field() -> None:
    """The classifier marks the rule as custom logic, so the fields read stand."""
    draft = recognize_offline("Create a Voucher with code and expiry date; the expiry date must be after the issue date")
    assert [a.name for a in draft.entity.attributes] == ["code", "expiry_date"]


def test_an_addition_that_left_words_unread_is_refused() -> None:
    with pytest.raises(RecognitionError, match=r"'add <field>, <field> and <field> to Member'"):
        recognize_offline(
            "extend the Member record with a locker code and a yearly visits tally to help renewal planning", ("Member",)
        )
