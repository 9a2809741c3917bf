"""Attribute types read from the grammar of a name (``baes.recognition.attribute_types``) and the
names of flags in attribute lists. Examples are from other domains than the labelled requests."""

from __future__ import annotations

import pytest

from baes.recognition.attribute_types import attribute_type
from baes.recognition.offline import recognize_offline
from baes.recognition.participles import is_participle
from baes.recognition.state_words import is_state_word

R, O = True, False  # required, optional  # noqa: E741 (reads like the labels)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("rented", True),  # rent + ed
        ("baked", True),  # bake + d
        ("shipped", True),  # ship, doubled consonant
        ("labelled", True),
        ("notified", True),  # notify
        ("agreed", True),  # agree: an -eed word with a long enough verb
        ("stolen", True),  # irregular
        ("worn", True),
        ("speed", False),  # -ed nouns: "spe"/"spee" are no verbs
        ("breed", False),  # "bree" is too short for an -eed verb
        ("greed", False),
        ("seed", False),
        ("shed", False),
        ("hundred", False),
        ("infrared", False),
        ("bed", False),
    ],
)
def test_participles(word: str, expected: bool) -> None:
    assert is_participle(word) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("refundable", True),
        ("flammable", True),
        ("edible", True),
        ("kosher", True),
        ("remote", True),
        ("table", False),
        ("vegetable", False),
        ("variable", False),
        ("timetable", False),
        ("created", False),  # a moment, not a state
        ("joined", False),
        ("colour", False),
    ],
)
def test_state_words(word: str, expected: bool) -> None:
    assert is_state_word(word) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # who did it, or who is in charge, is a person named; "use by" is a day
        ("delivered_for_by", "str"),
        ("collected_by", "str"),
        ("teacher_in_charge", "str"),
        ("use_by", "date"),
        # a service or focus area is a region or a topic; a floor area a measure
        ("coverage_area", "str"),
        ("floor_area", "float"),
        # flags from state words
        ("insured", "bool"),
        ("gift_wrapped", "bool"),
        ("microwave_safe", "bool"),
        ("nut_free", "bool"),
        ("kid_friendly", "bool"),
        ("checked_in", "bool"),
        ("opted_out", "bool"),
        ("out_of_season", "bool"),
        ("on_hold", "bool"),
        ("in_stock", "bool"),  # the state wins over the count "stock"
        ("under_warranty", "bool"),
        ("auto_archive", "bool"),
        ("serves_breakfast", "bool"),
        ("ships_abroad", "bool"),
        ("machine_washable", "bool"),
        # -ed and -able nouns stay what they are
        ("speed", "float"),
        ("breed", "str"),
        ("seed", "str"),
        ("dining_table", "str"),
        ("root_vegetable", "str"),
        ("person_responsible", "str"),
        # numbers qualified by a participle keep the number
        ("calories_burned", "int"),
        ("tickets_sold", "int"),
        ("amount_paid", "float"),
        # moments
        ("created", "datetime"),
        ("last_contacted", "date"),  # the day it last happened, as writers label "last watered"
        ("first_seen", "date"),
        ("shipped_on", "date"),
        ("due_on", "date"),
        ("renews_on", "date"),
        ("switched_on", "bool"),  # a state, not a date
        ("based_on", "str"),
        ("good_until", "date"),
        ("member_since", "date"),
        ("effective_from", "date"),
        ("moved_from", "str"),  # a place
        # units, rates, positions, qualified numbers
        ("noise_db", "str"),  # "db" is also a database
        ("ozone_ppb", "float"),
        ("flow_rate_kwh", "float"),
        ("visits_per_week", "int"),
        ("orders_per_day", "int"),
        ("fuel_use_per_day", "float"),
        ("sort_order", "int"),
        ("sequence_number", "int"),
        ("units_on_hand", "int"),
        ("weight_at_birth", "float"),
        ("time_on_site", "str"),  # a duration, not a moment: left to the user
        ("headcount_target", "int"),
        ("revenue_forecast", "float"),
        ("market_value", "float"),
    ],
)
def test_attribute_type(name: str, expected: str) -> None:
    assert attribute_type(name) == expected


@pytest.mark.parametrize(
    ("request_text", "attributes"),
    [
        (
            "Create a Rental with bike code, returned, helmet included and deposit refundable",
            [("bike_code", "str", R), ("returned", "bool", R), ("helmet_included", "bool", R), ("deposit_refundable", "bool", R)],
        ),
        (
            "Create a Bakery with name, delivers or not, gluten free yes or no, opens weekends (true or false)",
            [("name", "str", R), ("delivers", "bool", R), ("gluten_free", "bool", R), ("opens_weekends", "bool", R)],
        ),
        (
            "Create a Cabin with name, whether it has a fireplace, whether it is lake facing and whether a parking permit is needed",
            [("name", "str", R), ("has_fireplace", "bool", R), ("lake_facing", "bool", R), ("parking_permit_needed", "bool", R)],
        ),
        (
            "Create a Shipment with tracking code, customs form required, email required and an optional note",
            [("tracking_code", "str", R), ("customs_form_required", "bool", R), ("email", "email", R), ("note", "str", O)],
        ),
        (
            "Create a Tank with volume in liters, pressure in psi, charge in kWh, fuel in gallons and oxygen ppm",
            [
                ("volume", "float", R),
                ("pressure", "float", R),
                ("charge", "float", R),
                ("fuel", "float", R),
                ("oxygen_ppm", "float", R),
            ],
        ),
        (
            "Create a Tool with name, loaned to, shipped on, valid until and accepts returns",
            [
                ("name", "str", R),
                ("loaned_to", "str", R),
                ("shipped_on", "date", R),
                ("valid_until", "date", R),
                ("accepts_returns", "bool", R),
            ],
        ),
    ],
)
def test_lists(request_text: str, attributes: list[tuple[str, str, bool]]) -> None:
    draft = recognize_offline(request_text)
    assert [(a.name, a.type, a.required) for a in draft.entity.attributes] == attributes
    assert draft.entity.relationships == ()


def test_whether_drops_the_entity_as_subject() -> None:
    draft = recognize_offline("Create a Locker with number and whether the locker is reserved")
    assert [(a.name, a.type) for a in draft.entity.attributes] == [("number", "str"), ("reserved", "bool")]
