"""Round 33: a heading names its entity whole, "<activity> record" is one name, known misspellings are read."""

from __future__ import annotations

import pytest

from baes.recognition.attribute_types import attribute_type
from baes.recognition.known_misspellings import known_misspelling
from baes.recognition.model import RecognitionError
from baes.recognition.offline import recognize_offline
from baes.recognition.recognize import recognize
from baes.recognition.spelling import correct


@pytest.mark.parametrize(
    ("request_text", "entity"),
    [
        ("Bill of Lading: shipper, consignee, port of loading", "BillOfLading"),
        ("Out Of Stock Alert - product, raised at, resolved", "OutOfStockAlert"),
        ("walk in patient: full name, arrival time, reason", "WalkInPatient"),
        ("lesson booking: pupil name, lesson date, paid", "LessonBooking"),
        # a command, a filler, a place or a sentence before the colon is no heading
        ("log batteries: serial, cycles, capacity", "Battery"),
        ("new members: name, email, joined on", "Member"),
        ("canteen menu items: name, price, vegan", "MenuItem"),
        ("Let's have plots - plot number, tenant name, annual rent", "Plot"),
    ],
)
def test_a_heading_names_its_entity_whole(request_text: str, entity: str) -> None:
    assert recognize_offline(request_text, ()).entity.name == entity


def test_the_record_of_an_activity_is_one_name() -> None:
    assert recognize_offline("service records: bike, service date, labour cost", ()).entity.name == "ServiceRecord"
    assert recognize_offline("create training records with employee, course, completed on", ()).entity.name == "TrainingRecord"


def test_the_record_of_an_entity_the_app_has_is_that_entity() -> None:
    found = recognize_offline("add batch number to the vaccination record", ("Vaccination", "Pet"))
    assert (found.intent, found.entity.name) == ("add_attributes", "Vaccination")
    assert recognize_offline("add notes to the Patient record", ("Patient",)).entity.name == "Patient"


@pytest.mark.parametrize(("typed", "meant"), [("numer", "number"), ("extention", "extension"), ("recieved", "received")])
def test_a_known_misspelling_is_read_as_meant(typed: str, meant: str) -> None:
    assert known_misspelling(typed) == meant
    assert correct(typed) == meant


def test_a_misspelling_of_several_words_or_too_short_is_left_to_the_other_rules() -> None:
    assert known_misspelling("wheather") is None  # weather or whether?
    assert known_misspelling("lable") is None  # label, ladle or able?
    assert known_misspelling("nam") is None


def test_a_capitalized_name_is_read_from_the_list_only_one_slip_away() -> None:
    assert correct("resturaunt", name=True) is None
    assert correct("numer", name=True) == "number"


def test_a_licence_number_with_a_known_misspelling_is_a_number_field() -> None:
    found = recognize_offline("new entity Driver: name, licence numer, phone, hired on", ())
    assert [a.name for a in found.entity.attributes] == ["name", "licence_number", "phone", "hired_on"]


def test_task_list_boxes_and_word_processor_bullets_are_list_marks() -> None:
    draft = recognize_offline("Food\n- [x] Name\n- [ ] Price\n- [x] Quantity", ())
    assert [a.name for a in draft.entity.attributes] == ["name", "price", "quantity"]
    draft = recognize_offline("Field names for the supplier table:\no Company name\no Phone\no Email", ())
    assert draft.entity.name == "Supplier"
    assert [a.name for a in draft.entity.attributes] == ["company_name", "phone", "email"]


def test_an_entity_of_the_app_said_with_id_is_a_link() -> None:
    draft = recognize_offline("create Food with name, price, User ID", ("User", "Recipe"))
    assert [a.name for a in draft.entity.attributes] == ["name", "price"]
    assert [(r.target, r.field_name) for r in draft.entity.relationships] == [("User", "user_id")]


@pytest.mark.parametrize(
    ("item", "name", "kind"),
    [
        ("for sale", "for_sale", "bool"),
        ("up for adoption", "up_for_adoption", "bool"),
        ("within range", "within_range", "bool"),
        ("faulty", "faulty", "bool"),
        ("shipping street", "shipping_street", "str"),  # "shipping" is no third person ("ships goods")
        ("ships internationally", "ships_internationally", "bool"),
        ("reason for visit", "reason_for_visit", "str"),
    ],
)
def test_states_said_with_for_within_or_an_adjective(item: str, name: str, kind: str) -> None:
    draft = recognize_offline(f"create Listing with title, {item}, notes", ())
    assert {a.name: a.type for a in draft.entity.attributes}[name] == kind


def test_a_typescript_object_type_under_a_heading_is_read_and_its_fence_names_nothing() -> None:
    request = "## Book model\n\n```ts\n{\n  title: string,\n  rating: number | null,\n  status?: 'lent' | 'shelved'\n}\n```"
    draft = recognize_offline(request, ())
    assert draft.entity.name == "Book"
    assert [(a.name, a.type, a.required) for a in draft.entity.attributes] == [
        ("title", "str", True),
        ("rating", "float", False),
        ("status", "str", False),
    ]


def test_a_sentence_that_names_the_entity_may_come_before_the_last() -> None:
    request = (
        "Every evening the stewards write down the boat, who took it out, when it came back and any damage, "
        "on a sheet: boat name, skipper, returned at, damage notes. Call it Boat Log. The sheets get wet."
    )
    draft = recognize_offline(request, ())
    assert draft.entity.name == "BoatLog"
    assert [a.name for a in draft.entity.attributes] == ["boat_name", "skipper", "returned_at", "damage_notes"]


def test_call_it_with_a_list_creates_that_entity() -> None:
    draft = recognize_offline("We use paper for this now. Call it Key Loan, with key number, borrower and lent on.", ())
    assert draft.entity.name == "KeyLoan"
    assert [a.name for a in draft.entity.attributes] == ["key_number", "borrower", "lent_on"]


def test_so_i_would_like_is_the_wish_not_a_purpose() -> None:
    draft = recognize_offline(
        "we keep losing the paper forms, so I'd like a proper Complaint record instead with date, summary", ()
    )
    assert draft.entity.name == "Complaint"
    assert [a.name for a in draft.entity.attributes] == ["date", "summary"]


@pytest.mark.parametrize(
    "request_text",
    [
        "Only shift managers should be able to delete shipments",
        "As an admin I want only managers to be able to delete shipments.",
    ],
)
def test_who_may_delete_is_a_permission_rule_never_a_deletion(request_text: str) -> None:
    with pytest.raises(RecognitionError, match="permission rule"):
        recognize_offline(request_text, ("Shipment", "Pallet"))


def test_fields_wished_for_each_row_of_an_app_entity_are_added_to_it() -> None:
    draft = recognize_offline("The choir wants voice part and years sung for every member this season.", ("Member", "Concert"))
    assert (draft.intent, draft.entity.name) == ("add_attributes", "Member")
    assert [a.name for a in draft.entity.attributes] == ["voice_part", "years_sung"]


def test_many_before_an_app_entity_whose_word_is_a_verb_names_it() -> None:
    draft = recognize_offline("customers have many drops", ("Customer", "Drop", "Material"))
    assert (draft.intent, draft.entity.name) == ("relationship", "Drop")
    assert [r.target for r in draft.entity.relationships] == ["Customer"]


def test_alter_table_add_column_keeps_types_nullability_and_default() -> None:
    draft = recognize_offline("ALTER TABLE bus ADD COLUMN inspected_on DATE, ADD COLUMN tracker_id TEXT NULL;", ("Bus", "Route"))
    assert [(a.name, a.type, a.required) for a in draft.entity.attributes] == [
        ("inspected_on", "date", True),
        ("tracker_id", "str", False),
    ]
    draft = recognize_offline("ALTER TABLE bus ADD COLUMN active BOOLEAN NOT NULL DEFAULT true;", ("Bus", "Route"))
    assert dict(draft.defaults) == {"active": "true"}


def test_a_number_with_thousands_separators_is_one_number() -> None:
    draft = recognize_offline("Bus needs a 'wheelchair ramp' flag, default false for the existing 1,250 rows", ("Bus",))
    assert [a.name for a in draft.entity.attributes] == ["wheelchair_ramp"]


def test_money_is_a_declared_type_only_in_a_typed_list() -> None:
    fields = {a.name: a.type for a in recognize_offline("Fee: label string, due_on date, amount money", ()).entity.attributes}
    assert fields == {"label": "str", "due_on": "date", "amount": "float"}
    names = [a.name for a in recognize_offline("create Tournament with name, prize money, venue", ()).entity.attributes]
    assert names == ["name", "prize_money", "venue"]


def test_a_slip_is_never_read_as_a_word_rarely_seen() -> None:
    assert correct("insta") is None  # "instar", seen 71 times in the list's corpus, is never what was meant
    draft = recognize_offline("rename Artist's insta to instagram_handle", ("Artist", "Appointment"))
    assert (draft.renamed_from, draft.renamed_to) == ("insta", "instagram_handle")


@pytest.mark.parametrize(
    ("name", "kind"),
    [("bikes_owned", "int"), ("meals_provided", "int"), ("deposit_returned", "bool"), ("quantity_received", "int")],
)
def test_counted_and_settled_participles(name: str, kind: str) -> None:

    assert attribute_type(name) == kind


def test_a_rename_to_the_old_name_or_to_a_command_is_refused() -> None:
    with pytest.raises(RecognitionError, match="to what"):
        recognize_offline(
            "The complaints table needs renaming to service requests, we're not allowed to call them complaints anymore",
            ("Complaint", "Ward"),
        )


def test_asking_again_to_rename_after_a_dash_is_no_part_of_the_change() -> None:
    draft = recognize_offline("Pupils are called Learners now (new branding) - can you rename the entity?", ("Pupil", "Lesson"))
    assert (draft.intent, draft.renamed_from, draft.renamed_to) == ("rename_entity", "Pupil", "Learner")


def test_an_annotated_field_added_with_its_default() -> None:
    draft = recognize_offline("add `has_locker: bool = False` to Member", ("Member", "Desk"))
    assert [(a.name, a.type) for a in draft.entity.attributes] == [("has_locker", "bool")]
    assert dict(draft.defaults) == {"has_locker": "false"}
    draft = recognize_offline("add nickname: str = None to Member", ("Member", "Desk"))
    assert [(a.name, a.required) for a in draft.entity.attributes] == [("nickname", False)]


def test_in_an_entity_a_field_that_should_be_a_new_name_is_renamed() -> None:
    draft = recognize_offline("in Hike, `dist` should be `distance_km`", ("Hike", "Trail"))
    assert (draft.intent, draft.renamed_from, draft.renamed_to) == ("rename_attribute", "dist", "distance_km")


def test_a_flags_default_stays_lower_case_while_text_defaults_keep_their_case() -> None:
    flag = recognize("add has_locker (bool) to Member, default False", existing_entities=("Member",))
    assert dict(flag.defaults) == {"has_locker": "false"}
    text = recognize("add country to Member, default 'NL'", existing_entities=("Member",))
    assert dict(text.defaults) == {"country": "NL"}
