"""A request saying something is no longer needed is never read as creating it."""

from __future__ import annotations

import pytest

from baes.recognition.model import RecognitionError
from baes.recognition.offline import recognize_offline


@pytest.mark.parametrize("request_text", ["We don't need the Kiosk entity anymore", "we no longer want kiosks"])
def test_an_existing_entity_people_no_longer_need_is_deleted(request_text: str) -> None:
    draft = recognize_offline(request_text, ["Kiosk"])
    assert (draft.intent, draft.entity.name) == ("delete_entity", "Kiosk")


def test_an_unknown_entity_people_no_longer_need_is_refused_not_created() -> None:
    with pytest.raises(RecognitionError, match="delete the Kiosk entity"):
        recognize_offline("We don't need the Kiosk entity anymore", [])


def test_a_create_request_may_mention_what_it_does_not_need() -> None:
    draft = recognize_offline("Create a Ticket that doesn't need a due date, with title", [])
    assert draft.intent == "create" and [a.name for a in draft.entity.attributes] == ["title"]
