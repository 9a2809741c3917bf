"""A verb is never an entity's name, "name" and "notes" end a field's name, and "start recording X" asks to keep X (round 28)."""

from __future__ import annotations

import pytest

from baes.recognition.model import RecognitionError
from baes.recognition.offline import recognize_offline

#: Requests whose reading made an entity of a verb or of a word that points at a thing.
VERB_AS_ENTITY = [
    "is it possible to get a crud for ferry crossings? crossing code, departs at, vehicles carried",
    "we keep losing track of which ladder went to which site so i need ladder loans with site and date",
    "the thing that matters most is the harvest itself: crop, picked on, crates",
]
#: "start/begin + keeping verb" is the keeping verb.
START_KEEPING = [
    ("We would like to start recording ferry crossings with departs at and vehicles carried", "FerryCrossing"),
    ("can we begin tracking orchard sprays: sprayed on, product, litres", "OrchardSpray"),
    ("time to start logging kiln firings with peak temperature and fired on", "KilnFiring"),
]


@pytest.mark.parametrize("request_text", VERB_AS_ENTITY)
def test_a_verb_is_never_the_entity(request_text: str) -> None:
    try:
        draft = recognize_offline(request_text)
    except RecognitionError:
        return
    assert draft.entity.name not in {"Get", "Losing", "Itself"}


@pytest.mark.parametrize(("request_text", "entity"), START_KEEPING)
def test_starting_to_keep_things_keeps_them(request_text: str, entity: str) -> None:
    draft = recognize_offline(request_text)
    assert draft.intent == "create" and draft.entity.name == entity


def test_start_stays_a_field_word() -> None:
    """ "start time", "start date" and "start at" are no verb."""
    draft = recognize_offline("create Shift with start time, end time and start date")
    assert [a.name for a in draft.entity.attributes] == ["start_time", "end_time", "start_date"]


@pytest.mark.parametrize(
    "request_text", ["make a glaze with name colour and firing temperature", "kiln log notes box and fired on"]
)
def test_name_and_notes_end_a_name_never_open_one(request_text: str) -> None:
    """ "name colour" is two fields run together, not a field ``name_colour``."""
    try:
        draft = recognize_offline(request_text)
    except RecognitionError:
        return
    assert not any(a.name.startswith(("name_", "notes_")) for a in draft.entity.attributes)


def test_name_of_a_thing_stays_a_name() -> None:
    draft = recognize_offline("create Ship with name of the owner and tonnage")
    assert draft.entity.attributes[0].name.startswith("name_of")
