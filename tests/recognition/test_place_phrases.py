"""Where the app is used is no part of a change (``place_phrases``)."""

from __future__ import annotations

import pytest

from baes.recognition.offline import recognize_offline
from baes.recognition.place_phrases import without_places
from baes.recognition.request_tokens import Known

APP = ("Member", "Boat", "Mooring", "Invoice", "DiningTable")


@pytest.mark.parametrize(
    ("request_text", "intent", "entity"),
    [
        ("remove the locker code from Member at the sailing club", "remove_attributes", "Member"),
        ("Rename the Boat entity to Vessel for our marina", "rename_entity", "Boat"),
        ("At the harbour office, each Mooring belongs to a Boat", "relationship", "Mooring"),
        ("delete the Invoice entity from the chandlery app", "delete_entity", "Invoice"),
        ("our small marina Boat needs a hull colour", "add_attributes", "Boat"),
    ],
)
def test_a_place_is_dropped_from_a_change(request_text: str, intent: str, entity: str) -> None:
    draft = recognize_offline(request_text, APP)
    assert (draft.intent, draft.entity.name) == (intent, entity)


@pytest.mark.parametrize(
    "text",
    [
        "add a column to Invoice for the delivery date",  # a field
        "set it to 0 for the existing ones",  # the rows already stored
        "for the dining tables also add a window seat flag",  # the app's entity
        "remove it from the model",  # the app itself
        "Skipper from the yacht club says: add a berth number to Boat",  # who asks
        "that lives in the finance system now",  # where something else is kept
        "Backfill 0 for the visits we already have",
        "Get rid of the featured flag on Boat",  # a field before the entity
    ],
)
def test_what_is_not_a_place_stays(text: str) -> None:
    assert without_places(text, Known(APP)) == text


def test_without_an_app_nothing_is_dropped() -> None:
    assert without_places("remove the locker code from Member at the sailing club", Known(())).endswith("sailing club")
