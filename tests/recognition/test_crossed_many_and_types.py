"""Many-to-many said with any verbs ("a chef can cook many dishes and a dish can be cooked by many chefs"),
an app's entity named by its last word, "got many", renames whose new name holds "of", a plural typo, and
types read from "years …", "… this season" and "… temp"."""

from __future__ import annotations

import pytest

from baes.recognition.offline import recognize_offline


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


@pytest.mark.parametrize(
    ("name_said", "field", "type_name"),
    [
        ("years coaching", "years_coaching", "int"),
        ("sheared this season", "sheared_this_season", "bool"),
        ("inspected this year", "inspected_this_year", "bool"),
        ("oven temp", "oven_temp", "float"),
    ],
)
def test_types_read_from_the_words(name_said: str, field: str, type_name: str) -> None:
    draft = recognize_offline(f"Create Record with title, {name_said}", ())
    assert {a.name: a.type for a in draft.entity.attributes}[field] == type_name


def test_fields_are_opens_the_list() -> None:
    draft = recognize_offline("make Mentor table, columns are name, phone, start date", ())
    assert [(a.name, a.type) for a in draft.entity.attributes] == [("name", "str"), ("phone", "str"), ("start_date", "date")]
