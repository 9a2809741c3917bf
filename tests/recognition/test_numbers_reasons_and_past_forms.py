"""Round 32: a number that ends a name ("address line 1", "player two"), a clause said of some rows
("(optional, some players are free agents)"), a lone "field" that names nothing, past forms kept through a
typo ("registerd at"), identifiers from outside as text, plural amounts, and states said with "from"."""

from __future__ import annotations

import pytest

from baes.recognition.model import RecognitionError
from baes.recognition.offline import recognize_offline
from baes.recognition.spelling import correct


def _fields(request_text: str, existing: tuple[str, ...] = ()) -> dict[str, tuple[str, bool]]:
    draft = recognize_offline(request_text, existing)
    return {a.name: (a.type, a.required) for a in draft.entity.attributes}


@pytest.mark.parametrize(
    ("request_text", "names"),
    [
        ("create Address with address line 1, address line 2 (optional), town", ["address_line_1", "address_line_2", "town"]),
        ("Fixture: home side, player one, player two, kicked off at", ["home_side", "player_one", "player_two", "kicked_off_at"]),
        ("Register Visitor with name, phone 2, car reg", ["name", "phone_2", "car_reg"]),
    ],
)
def test_a_number_after_a_word_ends_its_name(request_text: str, names: list[str]) -> None:
    assert list(_fields(request_text)) == names


def test_a_number_that_bounds_a_value_is_no_part_of_a_name() -> None:
    fields = _fields("create Booth with label, seats max 8, zone")
    assert "seats_max_8" not in fields and "label" in fields


def test_plus_one_is_a_flag() -> None:
    assert _fields("create Invitee with name, email, plus one")["plus_one"] == ("bool", True)


@pytest.mark.parametrize(
    ("request_text", "existing", "optional"),
    [
        ("Member has a Locker (optional, some members are day visitors)", ("Member", "Locker"), "locker_id"),
        ("each Horse has a Stable but some horse dont have, so optional", ("Horse", "Stable"), "stable_id"),
    ],
)
def test_a_clause_said_of_some_rows_makes_the_link_optional(request_text: str, existing: tuple[str, ...], optional: str) -> None:
    draft = recognize_offline(request_text, existing)
    assert draft.entity.attributes == ()
    assert [(r.field_name, r.required) for r in draft.entity.relationships] == [(optional, False)]
    assert any("reason a value may be missing" in note for note in draft.notes)


def test_a_clause_said_of_some_rows_makes_the_field_before_it_optional() -> None:
    fields = _fields("Create Tenant: full name, visa number (optional, british tenants do not need), rent")
    assert fields == {"full_name": ("str", True), "visa_number": ("str", False), "rent": ("float", True)}


def test_do_not_said_by_us_is_no_reason_about_rows() -> None:
    """ "we don't have it" is said by the writer: the clause is left to the other rules, never made a reason."""
    from baes.recognition.item_asides import said_of_some_rows
    from baes.recognition.request_tokens import read_tokens

    assert not said_of_some_rows([t for t in read_tokens("since we don't have it for the old ones") if t.word])
    assert said_of_some_rows([t for t in read_tokens("not all boats have one") if t.word])


@pytest.mark.parametrize(
    "request_text", ["add a field to Service", "add one more field to Service pls", "add a property to Service"]
)
def test_a_lone_field_word_names_no_field(request_text: str) -> None:
    with pytest.raises(RecognitionError):
        recognize_offline(request_text, ("Service", "Order"))


def test_a_lone_field_word_in_a_list_is_a_field() -> None:
    assert list(_fields("create Harvest with crop, field, kilos")) == ["crop", "field", "kilos"]


@pytest.mark.parametrize(
    ("typo", "meant"),
    [("registerd", "registered"), ("introdused", "introduced"), ("loged", "logged"), ("shiped", "shipped")],
)
def test_a_past_form_stays_past_through_a_typo(typo: str, meant: str) -> None:
    assert correct(typo) == meant


def test_payed_is_paid() -> None:
    assert _fields("create Subscription: member name, fees payed")["fees_paid"] == ("bool", True)


@pytest.mark.parametrize(
    ("request_text", "name", "kind"),
    [
        ("create Citizen with name, national id, tax id", "national_id", "str"),
        ("create Trip with driver, toll charges, late fees", "toll_charges", "float"),
        ("create Trip with driver, toll charges, late fees", "late_fees", "float"),
        ("create Visit: mother name, weeks pregnant, high risk", "weeks_pregnant", "int"),
        ("create Visit: mother name, weeks pregnant, high risk", "high_risk", "bool"),
        ("create Staff with name, full time, hired on", "full_time", "bool"),
        ("create Entry with reader, time in, time out", "time_out", "datetime"),
        ("create Scan with patient, fuel consumption, muscle mass", "muscle_mass", "float"),
        ("add exempt from charges and exemption reason to Prescription", "exempt_from_charges", "bool"),
        ("create Voucher with holder, valid from date, price", "valid_from_date", "date"),
        ("create Account with holder, credit limit, overdraft limit", "credit_limit", "float"),
        ("create Event with title, volunteer limit", "volunteer_limit", "int"),
        ("create Drug with name, prescription required (yes/no)", "prescription_required", "bool"),
    ],
)
def test_types_read_from_the_name(request_text: str, name: str, kind: str) -> None:
    existing = ("Prescription",) if "Prescription" in request_text else ()
    assert _fields(request_text, existing)[name][0] == kind


@pytest.mark.parametrize(
    ("request_text", "existing", "expected"),
    [
        ("Crew table: wage field name change to day rate", ("Crew", "Shoot"), ("rename_attribute", "wage", "day_rate")),
        ("Venue entity name change to Location please", ("Venue", "Gig"), ("rename_entity", "Venue", "Location")),
    ],
)
def test_a_name_change_said_as_a_noun_is_a_rename(
    request_text: str, existing: tuple[str, ...], expected: tuple[str, str, str]
) -> None:
    draft = recognize_offline(request_text, existing)
    assert (draft.intent, draft.renamed_from, draft.renamed_to) == expected


@pytest.mark.parametrize(
    ("request_text", "existing", "holder", "target", "kind"),
    [
        ("every nurse is employed by one agency", ("Nurse", "Agency"), "Nurse", "Agency", "many_to_one"),
        ("each Driver works for one Depot — please add that link", ("Driver", "Depot"), "Driver", "Depot", "many_to_one"),
        ("Books can be shelved in many rooms and a room holds many books", ("Book", "Room"), "Book", "Room", "many_to_many"),
    ],
)
def test_links_said_with_more_words(request_text: str, existing: tuple[str, ...], holder: str, target: str, kind: str) -> None:
    draft = recognize_offline(request_text, existing)
    assert (draft.intent, draft.entity.name) == ("relationship", holder)
    assert [(r.target, r.kind) for r in draft.entity.relationships] == [(target, kind)]


@pytest.mark.parametrize(
    ("request_text", "existing", "intent"),
    [
        ("Tyre entity need: brand, size code, tread depth", (), "create"),
        ("Tyre entity need: brand, size code, tread depth", ("Tyre", "Car"), "add_attributes"),
        ("Tyres entity please, brand, size code, tread depth", (), "create"),
        ("Car needs new fields: brand, size code, tread depth", ("Tyre", "Car"), "add_attributes"),
    ],
)
def test_what_an_entity_needs_is_its_fields(request_text: str, existing: tuple[str, ...], intent: str) -> None:
    draft = recognize_offline(request_text, existing)
    assert draft.intent == intent
    assert [a.name for a in draft.entity.attributes] == ["brand", "size_code", "tread_depth"]


@pytest.mark.parametrize(
    ("request_text", "fields"),
    [
        ("create Locker: code, open or closed, floor", {"code": "str", "open": "bool", "floor": "int"}),
        ("create Fine: amount, paid or unpaid", {"amount": "float", "paid": "bool"}),
        ("create Memorial: name, burial or cremation", {"name": "str", "burial": "str", "cremation": "str"}),
    ],
)
def test_two_opposite_states_are_one_flag(request_text: str, fields: dict[str, str]) -> None:
    assert {name: kind for name, (kind, _) in _fields(request_text).items()} == fields


@pytest.mark.parametrize(
    ("request_text", "name"),
    [
        ("create Admission with patient, reason for visit, ward", "reason_for_visit"),
        ("add note for kitchen to Order", "note_for_kitchen"),
        ("create Visit with date, a box for remarks", "remarks"),
        ("create Visit with date and a field for remarks", "remarks"),
    ],
)
def test_for_inside_a_name_stays(request_text: str, name: str) -> None:
    assert name in _fields(request_text, ("Order",) if "Order" in request_text else ())


def test_for_whom_is_no_part_of_a_name() -> None:
    draft = recognize_offline("also store the guardian phone for each Child", ("Child", "Guardian"))
    assert all("_for_" not in a.name for a in draft.entity.attributes)


@pytest.mark.parametrize(("typo", "meant"), [("servise", "service"), ("varity", "variety"), ("tuor", "tour")])
def test_typos_sounding_alike_or_clearly_commonest(typo: str, meant: str) -> None:
    assert correct(typo) == meant


@pytest.mark.parametrize(
    ("request_text", "fields"),
    [
        ("create Grain Sale: weight in maund, price in taka, length in minutes", {"weight": "float", "price": "float"}),
        ("create Plot: area in bigha, distance in leagues", {"area": "float", "distance": "float"}),
        ("create Well: depth in metres, functional, venomous", {"depth": "float", "functional": "bool", "venomous": "bool"}),
    ],
)
def test_units_the_vocabulary_lacks_after_a_measure(request_text: str, fields: dict[str, str]) -> None:
    read = _fields(request_text)
    assert {name: read[name][0] for name in fields} == fields


def test_also_after_the_entity_adds_more_fields() -> None:
    fields = _fields("add state of origin and blood group to Pupil, also genotype", ("Pupil", "Teacher"))
    assert list(fields) == ["state_of_origin", "blood_group", "genotype"]


def test_at_an_entity_of_the_app_is_where_fields_go() -> None:
    draft = recognize_offline("pls add insurance number at Patient", ("Patient", "Visit"))
    assert (draft.intent, draft.entity.name, [a.name for a in draft.entity.attributes]) == (
        "add_attributes",
        "Patient",
        ["insurance_number"],
    )


@pytest.mark.parametrize(
    "request_text",
    [
        "can you make a Fitness Check entity, every check is for one member: weight, body fat, checked on",
        "create Fitness Check with weight, body fat; every fitness check belongs to a member",
        "create Fitness Check with weight, body fat, each belongs to a member",
    ],
)
def test_the_new_entity_said_again_before_its_link(request_text: str) -> None:
    draft = recognize_offline(request_text, ("Member", "Trainer"))
    assert draft.entity.name == "FitnessCheck"
    assert [a.name for a in draft.entity.attributes][:2] == ["weight", "body_fat"]
    assert [(r.target, r.kind) for r in draft.entity.relationships] == [("Member", "many_to_one")]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("private_bathroom", "bool"),
        ("free_entry", "bool"),
        ("unlimited_calls", "bool"),
        ("signed_for", "bool"),
        ("chip_timed", "bool"),
        ("offered_for", "str"),
        ("primary_physician", "str"),
        ("favourite_colour", "str"),
        ("free_text", "str"),
        ("private_address", "str"),
        ("late_fee", "float"),
    ],
)
def test_a_feature_said_with_its_adjective_is_a_flag(name: str, kind: str) -> None:
    from baes.recognition.attribute_types import attribute_type

    assert attribute_type(name) == kind


def test_removing_numbered_fields_keeps_their_numbers() -> None:
    draft = recognize_offline("remove address line 1 and address line 2 from Donor", ("Donor", "Gift"))
    assert draft.removed == ("address_line_1", "address_line_2")


def test_an_entity_of_the_app_is_named_as_the_app_names_it() -> None:
    draft = recognize_offline("delete the Like entity", ("Like", "Post"))
    assert (draft.intent, draft.entity.name) == ("delete_entity", "Like")


@pytest.mark.parametrize(
    ("request_text", "defaults"),
    [
        ("add yellow cards and red cards to Player, both default 0", {"yellow_cards": "0", "red_cards": "0"}),
        ("Match: add home goals and away goals, existing rows should get 0 for both", {"home_goals": "0", "away_goals": "0"}),
    ],
)
def test_a_default_said_of_both_fields(request_text: str, defaults: dict[str, str]) -> None:
    draft = recognize_offline(request_text, ("Player", "Match"))
    assert dict(draft.defaults) == defaults
    assert {a.type for a in draft.entity.attributes} == {"int"}


@pytest.mark.parametrize(
    ("request_text", "intent", "names", "defaults"),
    [
        ("Vessel +imo_number +gross_tonnage", "add_attributes", ["imo_number", "gross_tonnage"], {}),
        ("Ticket +priority (int, default 3) so support can sort the queue", "add_attributes", ["priority"], {"priority": "3"}),
        (
            "need Roster.published_at (datetime) and Roster.version (int, default 1)",
            "add_attributes",
            ["published_at", "version"],
            {"version": "1"},
        ),
        ("MenuItem = dish name + price + is veg", "create", ["dish_name", "price", "veg"], {}),
    ],
)
def test_fields_written_as_code_shorthand(request_text: str, intent: str, names: list[str], defaults: dict[str, str]) -> None:
    draft = recognize_offline(request_text, ("Vessel", "Ticket", "Roster"))
    assert (draft.intent, [a.name for a in draft.entity.attributes], dict(draft.defaults)) == (intent, names, defaults)


@pytest.mark.parametrize(
    ("request_text", "holder", "target"),
    [
        ("Each Farm has many Fields, can you set that up?", "Field", "Farm"),
        ("Make Program have many Modules", "Module", "Program"),
        ("One Choir -> many Concerts", "Concert", "Choir"),
    ],
)
def test_has_many_said_as_a_wish_an_arrow_or_asked_again(request_text: str, holder: str, target: str) -> None:
    draft = recognize_offline(request_text, ("Farm", "Field", "Program", "Module", "Choir", "Concert"))
    assert (draft.intent, draft.entity.name) == ("relationship", holder)
    assert [(r.target, r.kind) for r in draft.entity.relationships] == [(target, "many_to_one")]


def test_a_reason_after_a_dash_is_no_part_of_a_rename() -> None:
    draft = recognize_offline("rename Pairing to Rotation — that's what the crew call it", ("Pairing", "Flight"))
    assert (draft.intent, draft.renamed_from, draft.renamed_to) == ("rename_entity", "Pairing", "Rotation")


@pytest.mark.parametrize(
    ("request_text", "existing", "entity", "removed"),
    [
        ("We stopped recording cloud cover, drop it from Survey", ("Survey", "Site"), "Survey", ("cloud_cover",)),
        (
            "household doesn't need 'number of pets' any more, take it off",
            ("Household", "Carer"),
            "Household",
            ("number_of_pets",),
        ),
        ("take out weather and wind speed from the DiveLog", ("DiveLog", "Diver"), "DiveLog", ("weather", "wind_speed")),
    ],
)
def test_removals_said_after_what_stopped(
    request_text: str, existing: tuple[str, ...], entity: str, removed: tuple[str, ...]
) -> None:
    draft = recognize_offline(request_text, existing)
    assert (draft.intent, draft.entity.name, draft.removed) == ("remove_attributes", entity, removed)


def test_the_app_entity_after_from_the_is_no_place() -> None:
    draft = recognize_offline("remove weather from the DiveLog", ("DiveLog", "Diver"))
    assert (draft.intent, draft.entity.name, draft.removed) == ("remove_attributes", "DiveLog", ("weather",))


def test_a_passive_with_an_app_entity_is_a_link() -> None:
    draft = recognize_offline("every Observation is made with a Telescope", ("Observation", "Telescope"))
    assert [(r.target, r.kind) for r in draft.entity.relationships] == [("Telescope", "many_to_one")]


@pytest.mark.parametrize(
    ("request_text", "renamed_to"),
    [
        ("Our council changed the wording, so Bin Collection should now be Waste Collection", "WasteCollection"),
        ("Bin Collections should be Waste Collections", "WasteCollection"),
    ],
)
def test_an_entity_renamed_to_a_name_of_two_words(request_text: str, renamed_to: str) -> None:
    draft = recognize_offline(request_text, ("BinCollection", "Street"))
    assert (draft.intent, draft.renamed_from, draft.renamed_to) == ("rename_entity", "BinCollection", renamed_to)


def test_a_column_said_before_the_entity_is_what_is_renamed() -> None:
    draft = recognize_offline("the column Date In on WorkOrder should be called Received On", ("WorkOrder", "Unit"))
    assert draft.intent == "rename_attribute"


@pytest.mark.parametrize(
    ("request_text", "existing", "holder", "target"),
    [
        (
            "link Invoice to Accountant (the one who checked it) — optional, old invoices won't have one",
            ("Invoice", "Accountant"),
            "Invoice",
            "Accountant",
        ),
        (
            "One coach can have many swimmers. Swimmers are already in the system and some won't have a coach yet.",
            ("Coach", "Swimmer"),
            "Swimmer",
            "Coach",
        ),
        ("Jobs should optionally point to the Technician handling them.", ("Job", "Technician"), "Job", "Technician"),
    ],
)
def test_rows_said_to_go_without_make_a_link_optional_not_a_default(
    request_text: str, existing: tuple[str, ...], holder: str, target: str
) -> None:
    draft = recognize_offline(request_text, existing)
    assert (draft.intent, draft.entity.name, dict(draft.defaults)) == ("relationship", holder, {})
    assert [(r.target, r.required) for r in draft.entity.relationships] == [(target, False)]


def test_a_state_of_two_words_is_no_new_entity_name() -> None:
    """ "Order should be Shipped Today" says how an order should be, not what it is called."""
    with pytest.raises(RecognitionError):
        recognize_offline("Order should be Shipped Today", ("Order", "Customer"))


@pytest.mark.parametrize(
    ("request_text", "existing", "renamed"),
    [
        ("Model gig has a field called `starts_at`. Rename it to `doors_at`", ("Gig", "Venue"), ("starts_at", "doors_at")),
        (
            "For Course the column 'hours' confuses the parents. Rename it to credit_hours.",
            ("Course", "Pupil"),
            ("hours", "credit_hours"),
        ),
    ],
)
def test_a_rename_referring_back_across_the_sentence_end(
    request_text: str, existing: tuple[str, ...], renamed: tuple[str, str]
) -> None:
    draft = recognize_offline(request_text, existing)
    assert (draft.intent, draft.renamed_from, draft.renamed_to) == ("rename_attribute", *renamed)


def test_called_opens_no_field_name_but_called_at_is_one() -> None:
    with pytest.raises(RecognitionError):
        recognize_offline("Gig has a field called doors", ("Gig", "Venue"))
    assert "called_at" in _fields("create Ambulance Call with caller phone, called at, priority")


def test_a_field_said_again_in_a_later_sentence_is_no_crash() -> None:
    """Found by the property test: a second sentence naming a field already read must not build an entity with
    the field twice (``SpecError``), whatever the reading."""
    for existing in ((), ("Student",)):
        try:
            draft = recognize_offline("Student need Create! and optional Create", existing)
        except RecognitionError:
            continue
        names = [a.name for a in draft.entity.attributes]
        assert len(names) == len(set(names))
