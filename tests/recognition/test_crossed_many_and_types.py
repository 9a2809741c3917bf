"""Many-to-many said with any verbs ("a chef can cook many dishes and a dish can be cooked by many chefs"),
an app's entity named by its last word, "got many", renames whose new name holds "of", a plural typo, and
types read from "years …", "… this season" and "… temp"."""

from __future__ import annotations

import pytest

from baes.recognition.model import Draft, RecognitionError
from baes.recognition.offline import recognize_offline


def _read_or_refused(request_text: str, existing: tuple[str, ...]) -> Draft | None:
    """The reading, or None for an honest refusal: for tests where either is right but one change is not."""
    try:
        return recognize_offline(request_text, existing)
    except RecognitionError:
        return None


@pytest.mark.parametrize(
    ("request_text", "existing", "holder", "target"),
    [
        ("A chef can cook many dishes and a dish can be cooked by many chefs", ("Chef", "Dish"), "Chef", "Dish"),
        ("each runner enters several races, while a race attracts many runners", ("Runner", "Race"), "Runner", "Race"),
        ("a recipe can go with many sauces and a sauce suits many recipes", ("Recipe", "HotSauce"), "Recipe", "HotSauce"),
    ],
)
def test_each_side_having_many_of_the_other_is_many_to_many(
    request_text: str, existing: tuple[str, ...], holder: str, target: str
) -> None:
    draft = recognize_offline(request_text, existing)
    assert (draft.intent, draft.entity.name) == ("relationship", holder)
    assert [(r.target, r.kind) for r in draft.entity.relationships] == [(target, "many_to_many")]


def test_many_of_a_longer_name_is_left_to_the_other_rules() -> None:
    """ "many crew members": "crew" alone is no entity, so the crossed reading does not apply."""
    draft = recognize_offline("crew members work on many shoots, and shoots have many crew members", ("CrewMember", "Shoot"))
    assert {draft.entity.name, *(r.target for r in draft.entity.relationships)} == {"CrewMember", "Shoot"}


def test_got_many_is_has_many() -> None:
    draft = recognize_offline("league got many teams", ("League", "Team"))
    assert draft.entity.name == "Team"
    assert [(r.target, r.kind) for r in draft.entity.relationships] == [("League", "many_to_one")]


def test_a_new_name_with_of_after_the_owner_was_said() -> None:
    draft = recognize_offline("Shipment has 'qty', rename it to number of boxes", ("Shipment", "Box"))
    assert (draft.entity.name, draft.renamed_from, draft.renamed_to) == ("Shipment", "qty", "number_of_boxes")


def test_what_the_writer_needs_is_no_part_of_the_old_name() -> None:
    draft = recognize_offline("On Invoice we need 'amt' renamed to 'amount due'", ("Invoice", "Client"))
    assert (draft.renamed_from, draft.renamed_to) == ("amt", "amount_due")


def test_a_plural_with_a_letter_left_out_stays_plural() -> None:
    draft = recognize_offline("create Clas with name, room, max studens", ())
    assert "max_students" in [a.name for a in draft.entity.attributes]


def test_fields_are_opens_the_list() -> None:
    draft = recognize_offline("make Mentor table, columns are name, phone, start date", ())
    assert [(a.name, a.type) for a in draft.entity.attributes] == [("name", "str"), ("phone", "str"), ("start_date", "date")]


def test_make_it_so_that_opens_what_the_app_must_hold() -> None:
    draft = recognize_offline(
        "please make it so that a singer can join many choirs and a choir can have many singers", ("Singer", "Choir")
    )
    assert [(r.target, r.kind) for r in draft.entity.relationships] == [("Choir", "many_to_many")]


def test_make_it_so_only_someone_can_is_still_a_permission() -> None:
    with pytest.raises(RecognitionError):
        recognize_offline("make it so only the manager can delete choirs", ("Singer", "Choir"))


def test_a_reference_said_in_parentheses_after_its_name() -> None:
    draft = recognize_offline("Create Visit with vet (from the Vet table), visit date", ("Vet", "Pet"))
    assert [r.target for r in draft.entity.relationships] == ["Vet"]
    assert [a.name for a in draft.entity.attributes] == ["visit_date"]


def test_the_field_of_a_change_is_still_the_word_for_field() -> None:
    draft = recognize_offline("Please add to Pump the field of pressure and the installer name", ("Pump",))
    assert [a.name for a in draft.entity.attributes] == ["pressure", "installer_name"]


def test_both_are_whole_numbers_types_the_fields_before() -> None:
    draft = recognize_offline("In Trip please add odometer start and odometer end, both are numbers without decimals", ("Trip",))
    assert [(a.name, a.type) for a in draft.entity.attributes] == [("odometer_start", "int"), ("odometer_end", "int")]


def test_two_swapped_letters_are_likelier_than_a_letter_of_ours_changed() -> None:
    draft = recognize_offline("creat a Lisence entity with holder, expiry date, contarct number", ())
    assert "contract_number" in [a.name for a in draft.entity.attributes]


@pytest.mark.parametrize(
    ("request_text", "existing", "fields"),
    [
        (
            "the Kiln model also needs a max temperature and a last fired date",
            ("Kiln", "Glaze"),
            ["max_temperature", "last_fired_date"],
        ),
        ("we should store the tutor's phone and whether they are certified", ("Tutor", "Lesson"), ["phone", "certified"]),
    ],
)
def test_asking_more_of_an_entity_the_app_has_adds_to_it(request_text: str, existing: tuple[str, ...], fields: list[str]) -> None:
    draft = recognize_offline(request_text, existing)
    assert (draft.intent, draft.entity.name) == ("add_attributes", existing[0])
    assert [a.name for a in draft.entity.attributes] == fields


@pytest.mark.parametrize(
    "request_text",
    ["Create a Kiln entity with a max temperature", "I don't want to store the kiln's max temperature any more"],
)
def test_a_create_or_a_negation_of_an_entity_the_app_has_adds_nothing(request_text: str) -> None:
    draft = _read_or_refused(request_text, ("Kiln", "Glaze"))
    assert draft is None or draft.intent != "add_attributes"


@pytest.mark.parametrize(
    ("request_text", "existing", "old", "new"),
    [
        ("pupil name in lessons should just be student", ("Lesson",), "pupil_name", "student"),
        ("price should be unit price on products", ("Product",), "price", "unit_price"),
        ("the manager says 'ref' should read 'reference' in Claim", ("Claim",), "ref", "reference"),
        ("In Hive, call frames frame_count instead", ("Hive",), "frames", "frame_count"),
        ("On Boat, call 'len' 'length' instead", ("Boat",), "len", "length"),
    ],
)
def test_a_new_name_said_with_should_be_or_call_instead(request_text: str, existing: tuple[str, ...], old: str, new: str) -> None:
    draft = recognize_offline(request_text, existing)
    assert (draft.intent, draft.renamed_from, draft.renamed_to) == ("rename_attribute", old, new)


@pytest.mark.parametrize("request_text", ["status on Ticket should be optional", "status on Ticket should be lowercase"])
def test_how_a_field_should_be_is_no_new_name(request_text: str) -> None:
    draft = _read_or_refused(request_text, ("Ticket",))
    assert draft is None or draft.intent != "rename_attribute"


@pytest.mark.parametrize(
    "request_text",
    ["Pump: pressure reading isn't logged anymore, remove it", "Pump: we don't track the serial number anymore"],
)
def test_a_field_said_under_the_entity_heading_never_deletes_the_entity(request_text: str) -> None:
    """The field is removed, or the refusal says how to remove it: the entity and its rows stay."""
    try:
        draft = recognize_offline(request_text, ("Pump", "Site"))
    except RecognitionError as exc:
        assert "from Pump" in str(exc)
        return
    assert draft.intent == "remove_attributes"


def test_a_heading_with_no_field_still_deletes() -> None:
    draft = recognize_offline("Pump: we are not doing that anymore, please remove the whole table", ("Pump", "Site"))
    assert (draft.intent, draft.entity.name) == ("delete_entity", "Pump")


@pytest.mark.parametrize(
    ("request_text", "field", "type_name"),
    [
        ("Create Record with title, years coaching", "years_coaching", "int"),
        ("Create Record with title, sheared this season", "sheared_this_season", "bool"),
        ("Create Record with title, inspected this year", "inspected_this_year", "bool"),
        ("Create Record with title, oven temp", "oven_temp", "float"),
        ("Create Class with title, length in hours", "length", "float"),
        ("Create Pupil with name, name of guardian, guardian phone", "name_of_guardian", "str"),
        ("Create Pupil with name, place of birth town", "place_of_birth_town", "str"),
        ("Create Stall with stall name, rent they pay us, and whether they need water", "rent", "float"),
        ("Create Stall with stall name, rent they pay us, and whether they need water", "needs_water", "bool"),
        ("Create Booking with title, crew size", "crew_size", "int"),  # a size counts a group,
        ("Create Booking with title, plot size", "plot_size", "float"),  # measures a thing,
        ("Create Booking with title, glove size", "glove_size", "str"),  # labels a garment
        ("Create Orchard with field name, planted on, tree count", "field_name", "str"),
        ("Create Viewing with property address, viewed at", "property_address", "str"),
        ("Create Shift with nurse, shift hours, successful handover, abnormal", "abnormal", "bool"),
        ("Create Hive with hive code, queenless", "queenless", "bool"),
        ("Create Van with plate, mileage", "mileage", "float"),
    ],
)
def test_the_type_and_name_the_words_say(request_text: str, field: str, type_name: str) -> None:
    draft = recognize_offline(request_text, ())
    assert {a.name: a.type for a in draft.entity.attributes}[field] == type_name


@pytest.mark.parametrize(
    ("request_text", "existing", "intent", "renamed"),
    [
        ("Order: qty → quantity, please (just the name, keep the data)", ("Order",), "rename_attribute", ("qty", "quantity")),
        ("Client → Patron (the board wants it, data stays the same)", ("Client", "Visit"), "rename_entity", ("Client", "Patron")),
        ("Visit should be Appointment please", ("Client", "Visit"), "rename_entity", ("Visit", "Appointment")),
    ],
)
def test_a_rename_with_a_reason_or_a_please_after_it(
    request_text: str, existing: tuple[str, ...], intent: str, renamed: tuple[str, str]
) -> None:
    draft = recognize_offline(request_text, existing)
    assert (draft.intent, draft.renamed_from, draft.renamed_to) == (intent, *renamed)


def test_an_arrow_with_a_parenthesis_that_says_what_it_is_stays_a_link() -> None:
    draft = recognize_offline("Visit -> Client (many-to-one)", ("Client", "Visit"))
    assert draft.intent == "relationship"


@pytest.mark.parametrize(
    ("request_text", "entity"),
    [("Pls make po a Kiosk entity, with kiosk code, zone", "Kiosk"), ("Can we add po on Visit the room and notes?", "Visit")],
)
def test_po_a_word_of_respect_is_no_part_of_the_request(request_text: str, entity: str) -> None:
    draft = recognize_offline(request_text, ("Client", "Visit"))
    assert draft.entity.name == entity
    assert "po" not in [a.name for a in draft.entity.attributes]


def test_a_po_number_stays_a_field() -> None:
    draft = recognize_offline("Create Delivery with supplier, po number, arrived at", ())
    assert "po_number" in [a.name for a in draft.entity.attributes]


def test_not_every_row_having_one_makes_the_link_optional() -> None:
    draft = recognize_offline("connect Visit to Client. not every visit has a client", ("Client", "Visit"))
    assert [(r.target, r.required) for r in draft.entity.relationships] == [("Client", False)]


def test_one_to_many_written_with_a_digit() -> None:
    draft = recognize_offline("Client 1-to-many Visit", ("Client", "Visit"))
    assert (draft.entity.name, [(r.target, r.kind) for r in draft.entity.relationships]) == ("Visit", [("Client", "many_to_one")])
