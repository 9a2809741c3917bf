"""A request not understood as a whole, in an app that has entities, is read a part at a time
(``baes.recognition.segments``): the one sentence of a ticket or a note that asks for a change of the
app's entity is the request, with a note that says so. In our own words, not the labelled set's."""

from __future__ import annotations

import pytest
from tests.support.recognition_reading import reading

from baes.recognition.model import RecognitionError
from baes.recognition.recognize import recognize


@pytest.mark.parametrize(
    "request_text, expected",
    [
        (
            "standup: finished the export bug. next: adding a loading bay to Depot, then lunch",
            ("add_attributes", "Depot", [("loading_bay", "str", True)]),
        ),
        (
            "Found during the audit: the drivers keep calling the office. Expected: Depot gets a gate code.",
            ("add_attributes", "Depot", [("gate_code", "str", True)]),
        ),
        (
            "Escalation from the night shift (urgent): removing fax_number from Depot since nobody faxes anymore",
            ("remove_attributes", "Depot", []),
        ),
        ("Retro action items. Owner: Sam. Rename Van to Truck.", ("rename_entity", "Van", [])),
    ],
)
def test_the_one_part_that_asks_for_a_change_is_read(request_text: str, expected: tuple[str, str, list[object]]) -> None:
    got = reading(request_text, ["Depot", "Van"])
    assert (got["intent"], got["entity"], got["attributes"]) == expected
    notes = recognize(request_text, existing_entities=("Depot", "Van")).notes
    assert any(note.startswith("read only ") for note in notes)


def test_two_parts_that_ask_for_different_changes_stay_refused() -> None:
    with pytest.raises(RecognitionError):
        reading("Found during the audit: Depot gets a gate code. Expected: Van gets a roof height.", ["Depot", "Van"])


def test_a_part_whose_value_for_existing_rows_is_said_elsewhere_is_not_read_alone() -> None:
    with pytest.raises(RecognitionError):
        reading(
            "Found during QA: the drivers keep asking. Expected: Van gets a body type. Existing vans should be standard.", ["Van"]
        )


def test_a_request_out_of_scope_is_not_read_in_parts() -> None:
    with pytest.raises(RecognitionError):
        reading("Make the Depot page blue. Also sort the Van list by plate.", ["Depot", "Van"])


def test_no_part_is_read_without_an_app() -> None:
    """Without an app there is no entity to tell the part that asks from the others: the whole is read,
    and a whole that reads as a new entity of one field said in passing is refused."""
    with pytest.raises(RecognitionError, match="with one field") as refused:
        recognize("Found during the audit: the drivers keep calling. Expected: Depot gets a gate code.")
    assert "read only" not in str(refused.value)


def test_pages_of_text_are_not_read_sentence_by_sentence() -> None:
    """Each part is read as a request of its own: past sixteen parts a request is no ticket, and the
    refusal of the whole stands."""
    filler = " ".join("The drivers keep calling the office again." for _ in range(20))
    notes = ()
    try:
        notes = recognize(f"{filler} Expected: Depot gets a gate code.", existing_entities=("Depot", "Van")).notes
    except RecognitionError:
        return
    assert not any(note.startswith("read only ") for note in notes)
