"""Round 41: the value the rows already stored get, said around the request; renames offered as two names; optional
references said with "may or may not". Examples from a beekeepers' association app, in words of their own."""

from __future__ import annotations

import pytest

from baes.recognition.model import RecognitionError
from baes.recognition.recognize import recognize

APP = ("Hive", "Apiary", "Inspection", "Keeper")


def _read(request: str) -> tuple[str, str, dict[str, tuple[str, bool]], dict[str, str]]:
    found = recognize(request, existing_entities=APP)
    attributes = {a.name: (a.type, a.required) for a in found.entity.attributes}
    return found.intent, found.entity.name, attributes, dict(found.defaults)


@pytest.mark.parametrize(
    ("request_text", "defaults"),
    [
        # a later sentence about the rows already stored gives the new field's value
        ("Give Hive a health status field. All current ones are healthy.", {"health_status": "healthy"}),
        ("Add a 'queen marked' checkbox to Hive. Nobody has marked one yet.", {"queen_marked": "false"}),
        ("Hive needs a frames count. Past hives should all be zero.", {"frames_count": "0"}),
        # a value ends where a clause about it starts
        ("add an is_active flag to Apiary, default true so every apiary we have stays on the map", {"active": "true"}),
        ("add a varroa count to Inspection; existing inspections get 0, which means not counted", {"varroa_count": "0"}),
        # a value named by part of the field's name, after a link word
        ("Add has smoker (yes/no) to Keeper. Set smoker to no for the keepers already in there", {"has_smoker": "false"}),
        ("Add a swarm risk flag to Hive. Old hives: set swarm risk to false.", {"swarm_risk": "false"}),
        # a flag left unticked for the rows we have
        ("put an insured checkbox on Keeper and leave it unticked for all the keepers we have now", {"insured": "false"}),
    ],
)
def test_value_for_rows_already_stored(request_text: str, defaults: dict[str, str]) -> None:
    intent, _, _, found = _read(request_text)
    assert intent == "add_attributes"
    assert found == defaults


@pytest.mark.parametrize(
    "request_text",
    [
        "Add a notes field to Inspection. Nothing already saved can be lost.",  # a reassurance, not a value
        "Add a last treated date to Hive. Leave it empty for the ones we haven't treated yet.",  # empty: no value
        "Give Apiary an owner phone field. The old apiaries are a mess, sorry.",  # no value said
    ],
)
def test_no_value_when_none_is_given(request_text: str) -> None:
    _, _, _, found = _read(request_text)
    assert found == {}


def test_a_rename_to_two_names_is_refused_until_one_is_chosen() -> None:
    with pytest.raises(RecognitionError, match="two names"):
        recognize("rename Apiary to Yard or Site, whichever reads better", existing_entities=APP)
    found = recognize("rename Apiary to Yard", existing_entities=APP)
    assert (found.intent, found.renamed_to) == ("rename_entity", "Yard")


def test_a_field_called_one_thing_to_be_named_another_is_a_rename() -> None:
    found = recognize("Keeper has a field called mobile, we'd like it to be named phone", existing_entities=APP)
    assert (found.intent, found.entity.name, found.renamed_from, found.renamed_to) == (
        "rename_attribute",
        "Keeper",
        "mobile",
        "phone",
    )


def test_may_or_may_not_have_is_an_optional_reference() -> None:
    found = recognize("Each Hive may or may not have an Apiary it stands in", existing_entities=APP)
    assert found.intent == "relationship"
    assert [(r.target, r.required) for r in found.entity.relationships] == [("Apiary", False)]


def test_loads_of_things_are_many() -> None:
    found = recognize("one Apiary can have loads of hives", existing_entities=APP)
    assert (found.intent, found.entity.name) == ("relationship", "Hive")
    assert [r.target for r in found.entity.relationships] == ["Apiary"]


def test_an_email_address_of_someone_is_an_email() -> None:
    _, _, attributes, _ = _read("add a billing email address to Keeper")
    assert attributes == {"billing_email_address": ("email", True)}
