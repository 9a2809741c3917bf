"""Round 39 of the recognizer: real posts and owners' changes again; languages told apart by their words.

The examples are our own (a cider mill and its orchard), not the labelled sets' words.
"""

from __future__ import annotations

import pytest
from tests.support.recognition_reading import one_line

from baes.recognition.language import foreign_language_reason
from baes.recognition.model import OutOfScope, RecognitionError

APP = ("Orchard", "Tree", "Press", "Batch", "Picker", "Bottle", "Customer", "Order")


def _reading(request: str, existing: tuple[str, ...] | None = APP) -> str:
    return one_line(request, existing)


@pytest.mark.parametrize(
    "request_text",
    [
        "Ajoutez une colonne pour la date de récolte dans les lots, s'il vous plaît",  # French
        "Necesitamos guardar los pedidos de sidra con la fecha y el precio",  # Spanish
        "Bitte die Presse um ein Feld für das Baujahr erweitern",  # German
        "Queremos registrar as árvores do pomar com a variedade e o ano de plantio",  # Portuguese
        "Vorrei aggiungere il numero di bottiglie a ogni lotto",  # Italian
        "Kunnen jullie een veld toevoegen voor de oogstdatum van elke boom",  # Dutch
    ],
)
def test_a_request_in_another_language_is_refused_with_the_reason(request_text: str) -> None:
    assert foreign_language_reason(request_text) is not None
    with pytest.raises(OutOfScope, match="does not look like English"):
        _reading(request_text)


@pytest.mark.parametrize(
    "request_text",
    [
        "Bottle: volume, sparkling y/n, sulphite free y/n, label printed y/n",  # "y" is no Spanish here
        "Picker: name, rate per bin, paid per hour y/n",  # nor "per" Italian
        "Batch: add a tasting note from the café and the sommelier's verdict",
        "Recipie: apel varietys, presed on, yeild",  # typos weigh on no language
        "ER: Orchard ||--o{ Tree",
    ],
)
def test_english_with_small_foreign_looking_words_is_english(request_text: str) -> None:
    assert foreign_language_reason(request_text) is None


def test_a_type_said_after_a_unit_is_the_type_and_no_part_of_the_name() -> None:
    assert _reading("Press: add pressure in bar as float, run time in minutes as an integer") == (
        "add_attributes Press pressure:float run_time:int"
    )


def test_e_mail_with_a_hyphen_is_the_word_email() -> None:
    assert _reading("Customer: add an E-mail address and a backup e-mail") == (
        "add_attributes Customer email_address:email backup_email:email"
    )


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        (
            "Bottle: add a recall flag bool and a batch note, existing bottles are not recalled",
            "add_attributes Bottle recall_flag:bool batch_note:str recall_flag=false",
        ),
        (
            "Press: add cleaned and an operator (existing presses = not cleaned)",
            "add_attributes Press cleaned:bool operator:str cleaned=false",
        ),
        (
            "Batch: add whether it has wild yeast. Old batches: no yeast.",
            "add_attributes Batch has_wild_yeast:bool has_wild_yeast=false",
        ),
        ("Tree: add grafted, existing trees should default to true", "add_attributes Tree grafted:bool grafted=true"),
        (
            "Picker: add insured, all existing pickers should be false, not NULL",
            "add_attributes Picker insured:bool insured=false",
        ),
    ],
)
def test_what_the_rows_already_stored_lack_is_the_new_flags_default(request_text: str, expected: str) -> None:
    assert _reading(request_text) == expected


def test_rows_said_to_be_left_alone_give_no_value_and_are_no_field() -> None:
    assert _reading("Order: add a gift flag and a gift message, existing orders are not affected") == (
        "add_attributes Order gift:bool gift_message:str"
    )


def test_a_state_the_rows_lack_that_names_no_new_field_is_asked_about() -> None:
    with pytest.raises(RecognitionError, match="which new field is 'not pressed' said of"):
        _reading("Batch: add a bottling date and a label text, existing batches are not pressed")


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        (
            "Create Tasting with score, notes, tasted on — each tasting belongs to a Batch",
            "create Tasting score:float notes:str tasted_on:date ->Batch:many_to_one",
        ),
        (
            "Create Delivery with delivered at and a signature; it belongs to a Customer and an Order",
            "create Delivery delivered_at:datetime signature:str ->Customer:many_to_one ->Order:many_to_one",
        ),
        (
            "Create Graft with graft date. Each graft belongs to a Tree and a Picker",
            "create Graft graft_date:date ->Tree:many_to_one ->Picker:many_to_one",
        ),
        (
            "Orchards have many inspections. Create Inspection with inspector and passed",
            "create Inspection inspector:str passed:bool ->Orchard:many_to_one",
        ),
    ],
)
def test_the_sentences_around_a_new_entity_say_what_it_belongs_to(request_text: str, expected: str) -> None:
    assert _reading(request_text) == expected


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("Orchard 1—* Tree", "relationship Tree ->Orchard:many_to_one"),
        ("Orchard 1–* Tree", "relationship Tree ->Orchard:many_to_one"),
        ("Picker *–* Orchard", "relationship Picker ->Orchard:many_to_many"),
        ("Picker *---* Orchard", "relationship Picker ->Orchard:many_to_many"),
    ],
)
def test_a_diagrams_line_may_be_any_dash(request_text: str, expected: str) -> None:
    assert _reading(request_text) == expected


@pytest.mark.parametrize(
    "request_text",
    ["Rename Press entity → CiderPress", "rename the Press model -> CiderPress", "Press → CiderPress (rename the entity please)"],
)
def test_an_entity_renamed_with_an_arrow_and_the_kind_said_around_it(request_text: str) -> None:
    assert _reading(request_text) == "rename_entity Press Press->CiderPress"


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("Create Cask with label, monthy sales", "create Cask label:str monthly_sales:float"),
        ("Order: add an assignee and a reviewer", "add_attributes Order assignee:str reviewer:str"),
        ("Create Crate with prise and quantity", "create Crate price:float quantity:int"),  # a sound-alike, no praise
    ],
)
def test_a_letter_left_out_beats_one_of_ours_a_far_key_away(request_text: str, expected: str) -> None:
    assert _reading(request_text) == expected


def test_a_link_to_an_entity_the_app_lacks_is_refused_with_the_apps_entities() -> None:
    with pytest.raises(RecognitionError, match="which this app does not have"):
        _reading("Order should have an owner -> Customer")


def test_adding_an_entity_the_app_lacks_as_a_link_asks_for_it_first() -> None:
    with pytest.raises(RecognitionError, match="or create Course first"):
        _reading("add course to student", ("Student",))


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("From Picker please remove the licence number and the van", "remove_attributes Picker -licence_number -van"),
        ("Press cleanup:\n- remove motor serial\n- remove paint colour", "remove_attributes Press -motor_serial -paint_colour"),
        ("Bottle:\n- remove cork type\n- remove capsule", "remove_attributes Bottle -cork_type -capsule"),
        ("Tree: remove rootstock, remove nursery", "remove_attributes Tree -rootstock -nursery"),
    ],
)
def test_a_removal_said_from_its_entity_first_or_with_the_verb_on_every_line(request_text: str, expected: str) -> None:
    assert _reading(request_text) == expected


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        (
            "Tastings - taster email, score, tasted at. Each one optionally linked to a Batch",
            "create Tasting taster_email:email score:float tasted_at:datetime ->Batch:many_to_one",
        ),
        (
            "create pick slip: picker name, crates. it should point to the Orchard they picked in",
            "create PickSlip picker_name:str crates:int ->Orchard:many_to_one",
        ),
    ],
)
def test_an_owner_sentence_with_optionally_or_point_to(request_text: str, expected: str) -> None:
    assert _reading(request_text) == expected


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("create CiderTastting with score and notes", "create CiderTasting score:float notes:str"),
        ("Create PressRecrod with started at", "create PressRecord started_at:datetime"),
    ],
)
def test_a_slip_in_a_joined_name_is_corrected_as_a_name(request_text: str, expected: str) -> None:
    assert _reading(request_text, ()) == expected


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("add brix and pulp weight to Batch, brix is a decimal", "add_attributes Batch brix:float pulp_weight:float"),
        ("Add a bin count and a grade to Picker. The bin count is an integer.", "add_attributes Picker bin_count:int grade:str"),
        (
            "Can you add a sweetness and a label to Bottle? sweetness is a decimal like 1.5",
            "add_attributes Bottle sweetness:float label:str",
        ),
    ],
)
def test_a_new_fields_type_said_after_the_list(request_text: str, expected: str) -> None:
    assert _reading(request_text) == expected


@pytest.mark.parametrize(
    "request_text",
    ["PressRun linked to Press: started at, litres, cleaned", "PressRun (linked to Press): started at, litres, cleaned"],
)
def test_a_new_entitys_heading_linked_to_the_apps_entity(request_text: str) -> None:
    assert _reading(request_text) == "create PressRun started_at:datetime litres:float cleaned:bool ->Press:many_to_one"


def test_a_reading_that_links_an_entity_to_itself_is_refused() -> None:
    with pytest.raises(RecognitionError, match="referencing itself"):
        _reading("invoice.member_id REFERENCES member(id)", ("Invoice", "Member"))


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("Picker: name, whether they can drive the tractor", "create Picker name:str can_drive_tractor:bool"),
        ("I want data for Grower. Grower got name, farm, organic or not.", "create Grower name:str farm:str organic:bool"),
        ("append columns to Press: model (text), capacity (float)", "add_attributes Press model:str capacity:float"),
        ("Extend Picker to include phone and start date", "add_attributes Picker phone:str start_date:date"),
        ("In Tree the column rootstock should be removed", "remove_attributes Tree -rootstock"),
        ("Pickers ⇄ Orchards (m2m)", "relationship Picker ->Orchard:many_to_many"),
    ],
)
def test_second_language_and_tool_wording(request_text: str, expected: str) -> None:
    existing = () if "Grower" in request_text or request_text.startswith("Picker:") else APP
    assert _reading(request_text, existing) == expected


def test_an_ordinal_in_digits_is_the_word() -> None:
    assert _reading("Picker: phone, 2nd phone, 3rd address", ()) == "create Picker phone:str second_phone:str third_address:str"


@pytest.mark.parametrize(
    "request_text",
    [
        "text pickers a reminder the night before their shift",
        "sms pickers a reminder before each harvest",
        "on the Press screen we want big buttons and a dark theme",
    ],
)
def test_messages_and_looks_are_refused_with_their_reason(request_text: str) -> None:
    with pytest.raises(OutOfScope):
        _reading(request_text)


@pytest.mark.parametrize("request_text", ["Customer: add a reminder email and a text opt in", "add a reminder date to Order"])
def test_fields_about_reminders_stay_fields(request_text: str) -> None:
    assert _reading(request_text).startswith("add_attributes")


def test_a_field_said_unused_never_deletes_its_entity() -> None:
    with pytest.raises(RecognitionError, match="speaks of a field of Press"):
        _reading("Press has a 'motor serial' field we never look at. remove pls")


def test_the_entity_of_a_field_like_name_is_still_deleted() -> None:
    assert _reading("remove field trips", ("FieldTrip", "Member")) == "delete_entity FieldTrip"


def test_assigned_to_alone_in_a_list_is_who_it_is_assigned_to() -> None:
    assert _reading("create Chore with task, assigned to, done", ()) == "create Chore task:str assigned_to:str done:bool"


@pytest.mark.parametrize(("request_text", "expected"), [("percent complete", "float"), ("percentage sold", "float")])
def test_a_share_is_a_number_whatever_it_is_of(request_text: str, expected: str) -> None:
    assert _reading(f"create Harvest with title, {request_text}", ()).split()[-1].endswith(f":{expected}")


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("Rename Press to CiderPress for more clarity", "rename_entity Press Press->CiderPress"),
        ("Rename Press model to CiderPress — Press is ambiguous", "rename_entity Press Press->CiderPress"),
        ("rename label to label_text in Bottle, for consistency with the app", "rename_attribute Bottle label->label_text"),
    ],
)
def test_the_reason_for_a_rename_is_no_part_of_the_new_name(request_text: str, expected: str) -> None:
    assert _reading(request_text) == expected


def test_a_rename_with_another_command_after_its_dash_is_not_cut_short() -> None:
    with pytest.raises(RecognitionError):
        _reading("Rename Press to CiderPress — and add a capacity to Batch")


def test_a_foreign_key_pointing_to_an_entity_is_a_reference() -> None:
    assert _reading("Trees need a foreign key pointing to orchards") == "relationship Tree ->Orchard:many_to_one"


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        ("episode number", "episode_number:int"),
        ("round number", "round_number:int"),
        ("jersey number", "jersey_number:str"),  # a label on a shirt
        ("phone number", "phone_number:str"),
    ],
)
def test_a_place_in_a_sequence_is_counted_and_a_label_is_text(request_text: str, expected: str) -> None:
    assert _reading(f"create Pressing with title, {request_text}", ()).split()[-1] == expected
