"""One change of a field, said in many frames, reads the same (a metamorphic test).

Round 11 said labelled field names in eighteen more change frames of our own. Wrong changes that hung
on the frame: "honey frames should be called label on Gadget" renamed "frames" (only the word before
"should be called" was read as the name), "sim card should be called Widget" renamed a field "card" of
an entity "Sim", "change middle name to label" renamed "middle", "number of carriages is no longer
needed on gadgets" removed "number" from an entity "Carriage", "stop storing X for gadgets" created an
entity "Stop", "new field on Gadget: X" created an entity "Field", and "store name and email for each
customer" created an entity "Name". The field names here are our own, of one to three words, with
"of" and "on" inside some of them.

Round 12 added frames people use in review comments, commit messages and chat ("the column X in Trailer
should be label", "X on Trailer is unclear, call it label", "Trailer no longer stores X", "feat(trailer):
add X", "rm X from Trailer"), which were refused or read with the frame's words in the name.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.support.recognition_reading import reading

from baes.recognition.model import RecognitionError
from baes.recognition.offline import recognize_offline

FIELDS: tuple[tuple[str, str], ...] = (
    ("number of axles", "number_of_axles"),
    ("tyre pressure", "tyre_pressure"),
    ("last serviced on", "last_serviced_on"),
    ("colour", "colour"),
    ("date of first registration", "date_of_first_registration"),
)

REMOVALS: dict[str, Callable[[str], str]] = {
    "get rid of": lambda f: f"get rid of {f} on Trailer",
    "no longer needed": lambda f: f"{f} is no longer needed on trailers",
    "stop storing": lambda f: f"stop storing {f} for trailers",
    "no longer use": lambda f: f"we no longer use {f} on trailers",
    "drop column": lambda f: f"drop the {f} column from trailers",
    # round 12
    "no longer stores": lambda f: f"Trailer no longer stores {f}.",
    "should not be storing": lambda f: f"we shouldn't be storing {f} on trailers at all",
    "anymore, reason": lambda f: f"Trailer doesn't need the {f} anymore, nobody fills it in",
    "columns from X:": lambda f: f"remove one column from Trailer: {f}",
    "rm": lambda f: f"rm {f} from Trailer",
    "throw out": lambda f: f"throw out the {f} field on Trailer",
    # round 13
    "lose": lambda f: f"Trailer: lose the {f}",
    "reason with that": lambda f: f"The Trailer shouldn't store the {f} anymore, the depot keeps that.",
    # round 14
    "changelog": lambda f: f"Removed: {f} from Trailer.",
    "has to go": lambda f: f"the {f} on Trailer has to go, it's clutter",
    "any more, both can go": lambda f: f"Trailer doesn't need the {f} any more. It can go.",
    "reason with we": lambda f: f"Kindly remove the {f} from the Trailer record, drivers complained we keep asking for it.",
    "in E, we can take away": lambda f: f"In Trailer we can take away the {f}, now we use only the plate",
    "owner with trailing words": lambda f: f"remove the {f} field from trailer its useless",
    "we not need": lambda f: f"In Trailer we not need {f} anymore, please delete this field",
    # round 16
    "take off, reason without comma": lambda f: f"take the {f} off the trailer we dont track that",
}
RENAMES: dict[str, Callable[[str], str]] = {
    "should be called": lambda f: f"{f} should be called label on Trailer",
    "is now called": lambda f: f"in Trailer, {f} is now called label",
    "call it instead": lambda f: f"call it label instead of {f} on Trailer",
    "change to": lambda f: f"change {f} to label in Trailer",
    # round 12
    "column should be": lambda f: f"the column {f} in Trailer should be label",
    "call it (pronoun)": lambda f: f"{f} on Trailer is unclear, call it label",
    "from now on": lambda f: f"from now on, the {f} field on Trailer should be called label",
    "become": lambda f: f"please change field '{f}' become 'label' on Trailer",
    "name of the field in": lambda f: f"For Trailer please change the name of the field '{f}' in 'label'",
    "changelog, past tense": lambda f: f"Renamed {f} to label in Trailer.",
    "dotted on both sides": lambda f: f"Trailer.{f.replace(' ', '_')} -> Trailer.label, no type change.",
    # round 13
    "should really be": lambda f: f"On Trailer, the column '{f}' should really be 'label'. Same data.",
    "named, then rename it": lambda f: f"In Trailer, '{f}' should be named 'label'. Please rename it.",
}
ADDITIONS: dict[str, Callable[[str], str]] = {
    "new field on": lambda f: f"new field on Trailer: {f}",
    "store on each": lambda f: f"store {f} on each trailer too",
    "should also track": lambda f: f"Trailer should also track {f}",
    # round 12
    "commit scope": lambda f: f"feat(trailer): add {f}",
    "review label": lambda f: f"nit: Trailer should also track {f}",
    "fields to X:": lambda f: f"add a couple of fields to Trailer: {f}",
    "can we also store": lambda f: f"can we also store the {f} on trailers?",
    "track for each": lambda f: f"could you also track {f} for each trailer",
    "is missing": lambda f: f"Trailer is missing a {f} field",
    "we forgot": lambda f: f"we forgot to add the {f} to Trailer",
    "for the entity, I need": lambda f: f"for the entity Trailer I need to add also the field {f}, please",
    "should also carry": lambda f: f"Trailer should also carry the {f}",
    "clause after the name": lambda f: f"add the {f} it was sold on to Trailer",
    # round 13
    "two more fields": lambda f: f"Kindly add two more fields '{f}' and 'label' in Trailer.",
    "column on, a question": lambda f: f"can we get a {f} column on Trailer? we sort by it every week",
    "a wish that each shows": lambda f: f'a driver wrote: "it would be really useful if each trailer showed the {f}". Can we?',
    "and more too": lambda f: f"is it possible to add a {f} to Trailer? and the label too",
    "gets": lambda f: f"Trailer gets a {f}",
    "for each, would also like": lambda f: f"For each trailer I'd also like to store the {f}.",
    # round 14
    "quick one, asked for": lambda f: f"hey quick one, Trailer needs a {f}. the drivers keep asking me for it",
    "reason asking me": lambda f: f"For the Trailer we should add also the {f}, the drivers ask me every day",
    "changelog": lambda f: f"Added: Trailer now stores the {f}.",
    "PR summary": lambda f: f"## Summary\nAdds {f} to the Trailer model so the depot can plan loads.",
    "entity: list": lambda f: f"Trailer: {f}",
    "question, not optional": lambda f: f"can Trailer also get a {f}?",
    # round 15
    "plus equals": lambda f: f"Trailer += {f.replace(' ', '_')}",
    "letter": lambda f: f"Hi team,\nTrailers now need a {f}.\nThanks, Priya",
    "one more field in": lambda f: f"Please add one more field in Trailer, {f}, it is required.",
    "on the record, can we add": lambda f: f"Small change please: on the Trailer record can we add the {f}?",
    "to E add": lambda f: f"Please to Trailer add field {f}.",
}


@pytest.mark.parametrize("frame", sorted(REMOVALS))
@pytest.mark.parametrize(("words", "name"), FIELDS)
def test_a_removal_reads_the_same_in_every_frame(frame: str, words: str, name: str) -> None:
    got = reading(REMOVALS[frame](words), ("Trailer",))
    assert (got["intent"], got["entity"], got.get("removed")) == ("remove_attributes", "Trailer", [name])


@pytest.mark.parametrize("frame", sorted(RENAMES))
@pytest.mark.parametrize(("words", "name"), FIELDS)
def test_a_rename_reads_the_same_in_every_frame(frame: str, words: str, name: str) -> None:
    got = reading(RENAMES[frame](words), ("Trailer",))
    assert (got["intent"], got["entity"], got.get("renamed_from"), got.get("renamed_to")) == (
        "rename_attribute",
        "Trailer",
        name,
        "label",
    )


@pytest.mark.parametrize("frame", sorted(ADDITIONS))
@pytest.mark.parametrize(("words", "name"), FIELDS)
def test_an_addition_reads_the_same_in_every_frame(frame: str, words: str, name: str) -> None:
    got = reading(ADDITIONS[frame](words), ("Trailer",))
    names = [a[0] for a in got["attributes"] if a[0] != "label"]  # a frame may add "label" with the field
    assert (got["intent"], got["entity"], names) == ("add_attributes", "Trailer", [name])


def test_an_entity_of_several_words_is_renamed_as_a_whole() -> None:
    got = reading("horse trailer should be called Float", ("HorseTrailer",))
    assert (got["intent"], got.get("renamed_from"), got.get("renamed_to")) == ("rename_entity", "HorseTrailer", "Float")


def test_what_is_kept_for_each_names_the_entity() -> None:
    got = reading("store the plate number and axle count for each trailer")
    assert (got["intent"], got["entity"], [a[0] for a in got["attributes"]]) == (
        "create",
        "Trailer",
        ["plate_number", "axle_count"],
    )


def test_a_reason_that_nobody_uses_a_field_is_no_second_removal() -> None:
    got = reading("drop the fax column on Trailer, nobody uses fax anymore", ("Trailer",))
    assert (got["intent"], got.get("removed")) == ("remove_attributes", ["fax"])


@pytest.mark.parametrize(
    "request_text",
    ["Trailer: colour should be optional", "create a Trailer entity with colour", "Trailer with plate and colour"],
)
def test_an_entity_the_app_has_is_not_created_again(request_text: str) -> None:
    """Round 12: thirteen labelled changes of an existing entity were read as creating it again, which
    would replace it; such a reading is refused with what to say instead."""
    with pytest.raises(RecognitionError, match="already exists"):
        recognize_offline(request_text, ("Trailer",))


@pytest.mark.parametrize(
    "request_text",
    [
        "Action item: Trailer.axles -> axle_count (rename)",
        "Naming: Trailer.axles should be called axle_count. Please rename the field, existing data must be kept.",
        "Trailer.axles should really be axle_count, rename pls",
    ],
)
def test_a_dotted_rename_in_a_note_or_ticket(request_text: str) -> None:
    """Round 13: a label before, "(rename)" or a sentence after a dotted rename made it unreadable, and
    "existing data must be kept" was read as the value 'kept' for the rows already stored."""
    got = reading(request_text, ("Trailer",))
    assert (got["intent"], got.get("renamed_from"), got.get("renamed_to"), got.get("defaults")) == (
        "rename_attribute",
        "axles",
        "axle_count",
        None,
    )


def test_the_value_of_stored_rows_after_a_comma() -> None:
    got = reading("add status to Trailer, existing trailers should be 'parked'", ("Trailer",))
    assert (got["intent"], got.get("defaults")) == ("add_attributes", {"status": "parked"})


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("pls add serial no. and contact no. for the Trailer", [("serial_number", "str", True), ("contact_number", "str", True)]),
        ("- Trailer: add brand + axle count (both optional)", [("brand", "str", False), ("axle_count", "int", False)]),
        ("add brand and axle count to Trailer. Both can be empty.", [("brand", "str", False), ("axle_count", "int", False)]),
        (
            "add a brand and the purchase price to Trailer. The price is not always known.",
            [("brand", "str", True), ("purchase_price", "float", False)],
        ),
        (
            "we should log a last service date on each Trailer. make it optional, not every trailer was serviced",
            [("last_service_date", "date", False)],
        ),
        ("Trailer needs a brand (text) and an is_covered flag", [("brand", "str", True), ("covered", "bool", True)]),
        (
            "Trailer is missing a plate field and a 'hitch locked' checkbox. Please add both.",
            [("plate", "str", True), ("hitch_locked", "bool", True)],
        ),
    ],
)
def test_what_the_rest_of_an_addition_says(request_text: str, expected: list[tuple[str, str, bool]]) -> None:
    """Round 13: "no." abbreviations, "(both optional)", a later sentence making one of several new fields
    optional or asking for them again ("Please add both."), "make it optional" (read as a command of its
    own), a checkbox as a flag. A flag written as code ("is_covered") is named as "is covered" reads: `covered`."""
    got = reading(request_text, ("Trailer",))
    assert (got["intent"], got["attributes"]) == ("add_attributes", expected)


def test_a_default_false_among_new_fields_is_the_flag_s() -> None:
    got = reading("add brand and a covered flag to Trailer, default false", ("Trailer",))
    assert got.get("defaults") == {"covered": "false"}


@pytest.mark.parametrize(
    ("request_text", "defaults"),
    [
        ("add status to Trailer. Whatever is already in the table should be set to 'parked'.", {"status": "parked"}),
        ("add a level to Trailer, existing trailers should be set to 1", {"level": "1"}),
    ],
)
def test_the_value_stored_rows_are_set_to(request_text: str, defaults: dict[str, str]) -> None:
    """Round 14: "should be set to 'parked'" gave stored rows the value "set to 'parked'"."""
    assert reading(request_text, ("Trailer",)).get("defaults") == defaults


def test_both_can_be_null_for_rows_that_have_none_yet() -> None:
    got = reading(
        "Trailer — add sold_at (timestamp) and buyer (string). Both can be null for trailers not sold yet.", ("Trailer",)
    )
    assert got["attributes"] == [("sold_at", "datetime", False), ("buyer", "str", False)]


def test_a_bare_type_after_a_comma_types_the_field_before() -> None:
    got = reading("Trailer - new column max load per axle, int", ("Trailer",))
    assert got["attributes"] == [("max_load_per_axle", "int", True)]


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("Renamed Trailer to Caravan.", ("rename_entity", "Caravan")),
        ("We would like that Trailer becomes Caravan, is the correct term", ("rename_entity", "Caravan")),
        ("Trailer → Caravan. rename entity pls, the depot changed terminology", ("rename_entity", "Caravan")),
        ("Is it possible to call Trailer 'Caravan' instead?", ("rename_entity", "Caravan")),
    ],
)
def test_an_entity_renamed_in_a_changelog_or_a_wish(request_text: str, expected: tuple[str, str]) -> None:
    got = reading(request_text, ("Trailer",))
    assert (got["intent"], got.get("renamed_to")) == expected


def test_a_changelog_line_that_removes_an_entity() -> None:
    assert reading("Removed the Trailer entity.", ("Trailer",))["intent"] == "delete_entity"


def test_signed_fields_in_shorthand() -> None:
    """Round 16: "Listing: -bathrooms -sold" added a field "bathrooms_sold"."""
    assert reading("Trailer: -colour -plate", ("Trailer",)).get("removed") == ["colour", "plate"]


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("give Trailer a trips field starting at 0", {"trips": "0"}),
        ("can trailers get a notes field and a covered checkbox? existing ones should be not covered", {"covered": "false"}),
    ],
)
def test_values_for_the_rows_already_stored(request_text: str, expected: dict[str, str]) -> None:
    assert reading(request_text, ("Trailer",)).get("defaults") == expected


def test_both_after_a_list_says_something_of_its_fields() -> None:
    got = reading("In Trailer please add axles and wheels, both are numbers without decimals.", ("Trailer",))
    assert [a[0] for a in got["attributes"]] == ["axles", "wheels"]
