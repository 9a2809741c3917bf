"""One relationship, said in many frames, reads the same (a metamorphic test), and task labels and
one-line layouts frame a request without changing it.

Round 11 said relationships between pairs of labelled entity names in sixteen frames of our own and
found wrong changes that hung on the frame: "one meter, many subscribers" made a many-to-many,
"one-to-many meter to subscribers" gave the key to the one side, "update Loan to reference Book"
renamed Loan, "subscriber needs a reference to meter" named an entity "SubscriberNeed", and
"Ticket: delete the unused Firing model" removed a field from an entity "Ticket". The pairs here are
our own.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.support.recognition_reading import reading

#: (holder, target, holder in words, plural of the holder in words, target in words)
PAIRS: tuple[tuple[str, str, str, str, str], ...] = (
    ("Voucher", "Campaign", "voucher", "vouchers", "campaign"),
    ("Seedling", "Greenhouse", "seedling", "seedlings", "greenhouse"),
    ("Inspection", "Bridge", "inspection", "inspections", "bridge"),
    ("DeliveryNote", "Depot", "delivery note", "delivery notes", "depot"),
    ("Lease", "Tenant", "lease", "leases", "tenant"),
)

#: Frames in which the holder gets a reference to the target.
MANY_TO_ONE: dict[str, Callable[[str, str, str], str]] = {
    "update to reference": lambda x, xs, y: f"update {x} to reference {y}",
    "make point": lambda x, xs, y: f"make {x} point to {y}",
    "needs a reference": lambda x, xs, y: f"{x} needs a reference to {y}",
    "change so that": lambda x, xs, y: f"change {x} so that it belongs to a {y}",
    "one then many": lambda x, xs, y: f"one {y}, many {xs}",
    "one dash many": lambda x, xs, y: f"one {y} - many {xs}",
    "one-to-many phrase": lambda x, xs, y: f"one-to-many {y} to {xs}",
    "many-to-one phrase": lambda x, xs, y: f"many-to-one from {x} to {y}",
    "labelled task": lambda x, xs, y: f"Homework 3b: modify {x} so that it references the {y}",
    "should point": lambda x, xs, y: f"{x} should point to a {y}",
    # round 15
    "is for one, make the relation": lambda x, xs, y: f"Each {x} is for one {y}, can you make the relation?",
    "must have, relation between them": lambda x, xs, y: f"Each {x} must have the {y}, please make relation between them.",
    "make related to": lambda x, xs, y: f"Please make every {x} related to the {y} it came from.",
}


@pytest.mark.parametrize("frame", sorted(MANY_TO_ONE))
@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p[0])
def test_a_reference_reads_the_same_in_every_frame(frame: str, pair: tuple[str, str, str, str, str]) -> None:
    holder, target, words, plural, target_words = pair
    got = reading(MANY_TO_ONE[frame](words, plural, target_words), (holder, target))
    assert (got["intent"], got["entity"], got["relationships"], got["attributes"]) == (
        "relationship",
        holder,
        [(target, "many_to_one")],
        [],
    )


def test_a_change_to_a_name_is_still_a_rename() -> None:
    """Only a verb after "to" makes "change X to …" a relationship; a name renames."""
    got = reading("change Lease to Tenancy", ("Lease",))
    assert (got["intent"], got.get("renamed_to")) == ("rename_entity", "Tenancy")


@pytest.mark.parametrize(
    ("request_text", "existing", "expected"),
    [
        ("Ticket: delete the unused Seedling model", ("Seedling",), ("delete_entity", "Seedling")),
        ("Lab 4 - rename Bridge to Crossing", ("Bridge",), ("rename_entity", "Bridge")),
        ("GH #31: remove notes from Voucher", ("Voucher",), ("remove_attributes", "Voucher")),
        ("Exercise 2c: extend the Depot entity with a dock count (integer)", ("Depot",), ("add_attributes", "Depot")),
    ],
)
def test_a_task_label_is_no_entity(request_text: str, existing: tuple[str, ...], expected: tuple[str, str]) -> None:
    got = reading(request_text, existing)
    assert (got["intent"], got["entity"]) == expected


def test_an_entity_named_first_is_still_the_entity() -> None:
    """ "Voucher: add expiry date": the heading is the app's entity, not a label."""
    got = reading("Voucher: add expiry date", ("Voucher",))
    assert (got["intent"], got["entity"], [a[0] for a in got["attributes"]]) == ("add_attributes", "Voucher", ["expiry_date"])


def test_a_list_whose_first_field_is_a_verb_is_no_label() -> None:
    got = reading("Trailer: make, model, axle count")
    assert (got["entity"], [a[0] for a in got["attributes"]]) == ("Trailer", ["make", "model", "axle_count"])


@pytest.mark.parametrize(
    "request_text",
    [
        "Canoe {hull code, seats, bought on}",
        "create Canoe {hull code, seats, bought on}",
        "Canoe: hull code · seats · bought on",
        "Please make a Canoe entity. hull code・seats・bought on",
        "Entity: Canoe, hull code, seats, bought on",
        "Entity: Canoe | hull code | seats | bought on",
        "Make a Canoe entity. Has hull code, seats and bought on.",
        "I need a Canoe model. Must have hull code, seats and bought on.",
    ],
)
def test_one_line_layouts_open_the_list(request_text: str) -> None:
    got = reading(request_text)
    assert (got["intent"], got["entity"], [a[0] for a in got["attributes"]]) == (
        "create",
        "Canoe",
        ["hull_code", "seats", "bought_on"],
    )


def test_a_one_line_typed_block_keeps_its_types() -> None:
    got = reading("interface Canoe { hullCode: string; seats: number; retired?: boolean }")
    assert (got["entity"], got["attributes"]) == (
        "Canoe",
        [("hull_code", "str", True), ("seats", "int", True), ("retired", "bool", False)],
    )


@pytest.mark.parametrize(
    "request_text",
    [
        "Lease - Tenant: many to many",
        "Lease x Tenant = M:N",
        "Lease and Tenant are many-to-many",
        "Lease <-> Tenant",
    ],
)
def test_a_many_to_many_in_notation_names_both_entities(request_text: str) -> None:
    """Round 12: "A - B: many to many" renamed a field "b_many", "A x B" linked to an entity "X"."""
    got = reading(request_text, ("Lease", "Tenant"))
    assert (got["intent"], got["entity"], got["relationships"]) == ("relationship", "Lease", [("Tenant", "many_to_many")])


def test_a_qualifier_word_that_names_an_entity_of_the_app_is_that_entity() -> None:
    """ "clinic" is dropped before a name elsewhere ("clinic patients"); here it is the app's Clinic."""
    got = reading("Vet and Clinic are many-to-many", ("Vet", "Clinic"))
    assert got["relationships"] == [("Clinic", "many_to_many")]


@pytest.mark.parametrize("verb", ["manages", "handles", "runs", "supervises", "can oversee"])
def test_one_in_charge_of_many_holds_no_key(verb: str) -> None:
    """Round 12: "an agent handles many listings" was refused, "… runs many …" was many-to-many."""
    got = reading(f"each depot {verb} many seedlings", ("Depot", "Seedling"))
    assert (got["intent"], got["entity"], got["relationships"]) == ("relationship", "Seedling", [("Depot", "many_to_one")])


@pytest.mark.parametrize(
    "request_text",
    [
        "One lease can list many tenants and one tenant signs many leases. Please create a many to many relation.",
        "Leases name several tenants; a tenant can be on many leases. Please model this n:m relation.",
        "Please connect Leases with Tenants as many-to-many",
    ],
)
def test_a_many_to_many_asked_for_after_it_is_described(request_text: str) -> None:
    """Round 13: the sentence asking for the many-to-many named no entity and was read alone (refused),
    and "connect Xs with Ys" named an entity "With"."""
    got = reading(request_text, ("Lease", "Tenant"))
    assert (got["intent"], got["entity"], got["relationships"]) == ("relationship", "Lease", [("Tenant", "many_to_many")])
