"""Typos in command words, entity names and ordinary words, and the words that must stay as written."""

from __future__ import annotations

import time

import pytest

from baes.recognition.offline import recognize_offline
from baes.recognition.request_spelling import correct_tokens
from baes.recognition.request_tokens import Known, read_tokens
from baes.recognition.spelling import correct, slip


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("buidl", "build"),  # command verbs and structure words: our words first
        ("regsiter", "register"),
        ("delte", "delete"),
        ("tabel", "table"),
        ("modle", "model"),
        ("warehosue", "warehouse"),  # entity nouns of the vocabulary
        ("invocie", "invoice"),
        ("adress", "address"),  # attribute words, as before
        ("dat", "date"),
        ("vehilce", "vehicle"),  # ordinary English words: one slip, clearly best
        ("invetnory", "inventory"),
        ("licence", None),  # a real (British) spelling
        ("quartrly", "quarterly"),
        ("yaerly", "yearly"),
        ("passangers", "passengers"),  # a vowel for another
        ("greenhuose", "greenhouse"),
        ("enviroment", "environment"),
        ("maintainance", "maintenance"),  # two slips in a long word
        ("nationallity", "nationality"),  # a letter doubled where no British spelling doubles it
        ("expence", "expense"),  # "ence" is British only in licence, defence, offence, pretence
        ("dialy", "daily"),  # two letters swapped, though "dialy" begins "dialysis"
        ("delivary", "delivery"),  # a vowel for another, though "deli" and "vary" are words
        ("travelled", None),  # British spellings stay
        ("cancelling", None),
        ("defence", None),
    ],
)
def test_typos_are_corrected(typed: str, meant: str | None) -> None:
    assert correct(typed) == meant


@pytest.mark.parametrize(
    "word",
    [
        "bread",  # real words, even when a near word would fit better
        "form",
        "site",
        "scope",
        "data",
        "lift",
        "calender",  # a real (rare) word
        "zentrix",  # invented product names, near no word
        "quorbly",
        "vexilo",
        "flickr",  # flick or flicker? no clearly best
        "tumblr",
        "lyft",  # left, lift, loft: an n-for-s kind of substitution, not a slip
        "hubspot",  # two letters changed, not slipped
        "peloton",
        "linkedin",
        "desc",  # short forms: the beginning of a longer word, an initial, a usual clipping
        "addr",
        "cust",
        "prev",
        "fname",
        "dept",
        "json",
        "qty",
        "sku",
    ],
)
def test_real_words_names_and_short_forms_stay(word: str) -> None:
    assert correct(word) is None


def test_montly_is_a_slip_of_monthly_not_of_mostly() -> None:
    """n and s are not neighbouring keys: "mostly" would take a substitution no typist makes."""
    assert slip("montly", "monthly") and not slip("montly", "mostly")
    assert correct("montly") == "monthly"
    assert correct("fisrt") == "first"  # "fist" is one slip too, but 100 times rarer


def test_a_capitalized_name_is_never_read_two_slips_away() -> None:
    assert correct("resturaunt") == "restaurant"
    assert correct("resturaunt", name=True) is None
    assert correct("Brivana".lower(), name=True) is None


def test_the_pass_keeps_identifiers_caps_digits_and_existing_entities() -> None:
    request = "creat a Vehilce entity with VIN, plate_nmbr, modelYaer, axle2 and warehosue"
    toks, notes = correct_tokens(read_tokens(request), Known(["Warehosue"]), request)
    words = [t.low for t in toks if t.word]
    assert words[:2] == ["create", "vehicle"]
    assert {"vin", "plate_nmbr", "model_yaer", "axle2", "warehosue"} <= set(words)
    assert notes == ["read 'creat' as 'create'", "read 'Vehilce' as 'Vehicle'"]


def test_corrections_reach_the_answer_and_its_notes() -> None:
    draft = recognize_offline("Cretae a Vehilce entity with plate number, yaerly fee and milage")
    assert draft.intent == "create" and draft.entity.name == "Vehicle"
    assert [(a.name, a.type) for a in draft.entity.attributes] == [
        ("plate_number", "str"),
        ("yearly_fee", "float"),
        ("mileage", "float"),
    ]
    assert draft.notes[:3] == ("read 'Cretae' as 'Create'", "read 'Vehilce' as 'Vehicle'", "read 'yaerly' as 'yearly'")


def test_command_and_structure_word_typos_change_the_reading() -> None:
    assert recognize_offline("delte the Greenhuose entitty").entity.name == "Greenhouse"
    assert recognize_offline("delte the Greenhuose entitty").intent == "delete_entity"
    draft = recognize_offline("regsiter a Quorbly tabel with name and launch date")
    assert (draft.intent, draft.entity.name) == ("create", "Quorbly")
    assert [n for n in draft.notes if "Quorbly" in n] == []


def test_a_default_value_is_the_users_literal() -> None:
    draft = recognize_offline("add a shipping tier to Parcel with default standrd")
    assert draft.defaults == (("shipping_tier", "standrd"),)


def test_the_pass_costs_little_per_request() -> None:
    correct("warmup")  # loads the English list once
    names = ["Vehilce", "Greenhuose", "Invetnory", "Zentrix", "Quorbly", "Brivana", "Lumora", "Tavolo"]
    fields = ["yaerly fee", "quartrly tax", "plate nmbr", "milage", "launch dtae", "sheduled at"]
    requests = [f"creat a {name} entity with {field} and {other}" for name in names for field in fields for other in fields]
    start = time.perf_counter()
    for request in requests:
        correct_tokens(read_tokens(request), Known([]), request)
    assert (time.perf_counter() - start) / len(requests) < 0.05
