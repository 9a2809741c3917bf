"""Gaps of the offline recognizer, closed: -ing nouns keep their words, every listed reference target
is kept, "has X" in a list is a flag. Each case asserts the whole recognized output."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from baes.recognition.cache import RecognitionCache
from baes.recognition.normalize import canonical_tokens, normalize_request
from baes.recognition.offline import recognize_offline
from baes.recognition.recognize import OFFLINE_VERSION, cache_context, recognize
from baes.settings.config import FeatureFlags

R, O = True, False  # required, optional  # noqa: E741 (reads like the labels: R and O)

# request, existing entities, intent, entity, attributes (name, type, required),
# relationships (target, required), related entity
CASES: list[tuple[str, Sequence[str], str, str, list[tuple[str, str, bool]], list[tuple[str, bool]], str | None]] = [
    # 1. verb forms used as nouns keep the user's words
    (
        "Create orders with tracking number, billing address, shipping cost and rating",
        (),
        "create",
        "Order",
        [("tracking_number", "str", R), ("billing_address", "str", R), ("shipping_cost", "float", R), ("rating", "float", R)],
        [],
        None,
    ),
    (
        "Create a building entity with name, opening hours and listing title",
        (),
        "create",
        "Building",
        [("name", "str", R), ("opening_hours", "str", R), ("listing_title", "str", R)],
        [],
        None,
    ),
    ("Create a system to manage listings", (), "create", "Listing", [], [], None),
    (
        "Create a system to manage buildings with name and floor",
        (),
        "create",
        "Building",
        [("name", "str", R), ("floor", "int", R)],
        [],
        None,
    ),
    ("build buildings with name", (), "create", "Building", [("name", "str", R)], [], None),
    ("Create a system for managing buildings with name", (), "create", "Building", [("name", "str", R)], [], None),
    ("track shipments with tracking number", (), "create", "Shipment", [("tracking_number", "str", R)], [], None),
    ("Create a Store entity with storing fee", (), "create", "Store", [("storing_fee", "float", R)], [], None),
    ("Create a recording entity with title", (), "create", "Recording", [("title", "str", R)], [], None),
    ("Create a system to manage managers with name", (), "create", "Manager", [("name", "str", R)], [], None),
    ("Create developers with name and email", (), "create", "Developer", [("name", "str", R), ("email", "email", R)], [], None),
    ("Create playlists with name and tracks", (), "create", "Playlist", [("name", "str", R), ("tracks", "str", R)], [], None),
    ("add tracking number to Order", (), "add_attributes", "Order", [("tracking_number", "str", R)], [], None),
    ("give orders a tracking number", (), "add_attributes", "Order", [("tracking_number", "str", R)], [], None),
    ("Orders also need a tracking number", (), "add_attributes", "Order", [("tracking_number", "str", R)], [], None),
    (
        "Shipments have a tracking number and a handling fee",
        (),
        "create",
        "Shipment",
        [("tracking_number", "str", R), ("handling_fee", "float", R)],
        [],
        None,
    ),
    # 2. every listed target is a reference
    (
        "Create orders with quantity and date, associated with customers and products",
        (),
        "create",
        "Order",
        [("quantity", "int", R), ("date", "date", R)],
        [("Customer", R), ("Product", R)],
        None,
    ),
    (
        "Create books with title, linked to authors, publishers",
        (),
        "create",
        "Book",
        [("title", "str", R)],
        [("Author", R), ("Publisher", R)],
        None,
    ),
    (
        "Create songs with title, associated with artists and genres, and duration",
        (),
        "create",
        "Song",
        [("title", "str", R), ("duration", "int", R)],
        [("Artist", R), ("Genre", R)],
        None,
    ),
    (
        "Create orders with total, optionally linked to customers and stores, and a note",
        (),
        "create",
        "Order",
        [("total", "float", R), ("note", "str", R)],
        [("Customer", O), ("Store", O)],
        None,
    ),
    ("Create an order that belongs to a customer and a store", (), "create", "Order", [], [("Customer", R), ("Store", R)], None),
    ("An order belongs to a customer and a store", (), "add_attributes", "Order", [], [("Customer", R), ("Store", R)], None),
    ("Books are linked to authors, publishers", (), "add_attributes", "Book", [], [("Author", R), ("Publisher", R)], None),
    (
        "Orders may be associated with customers and products",
        (),
        "add_attributes",
        "Order",
        [],
        [("Customer", O), ("Product", O)],
        None,
    ),
    ("link orders to customers and products", (), "add_attributes", "Order", [], [("Customer", R), ("Product", R)], None),
    ("An order belongs to a customer", (), "relationship", "Order", [], [("Customer", R)], "Customer"),
    ("An order belongs to a customer and has a total", (), "relationship", "Order", [], [("Customer", R)], "Customer"),
    # 3. "has X" / "is X" in a list are flags
    (
        "Create rooms with name, capacity, has projector",
        (),
        "create",
        "Room",
        [("name", "str", R), ("capacity", "int", R), ("has_projector", "bool", R)],
        [],
        None,
    ),
    (
        "Create hotels with name, has parking, is active, has_wifi",
        (),
        "create",
        "Hotel",
        [("name", "str", R), ("has_parking", "bool", R), ("active", "bool", R), ("has_wifi", "bool", R)],
        [],
        None,
    ),
    (
        "Rooms have name, capacity and has projector",
        (),
        "create",
        "Room",
        [("name", "str", R), ("capacity", "int", R), ("has_projector", "bool", R)],
        [],
        None,
    ),
    (
        "Create courses with title and has teacher",
        ("Teacher",),
        "create",
        "Course",
        [("title", "str", R)],
        [("Teacher", R)],
        None,
    ),
    # 4. no separator: one name, by design
    ("create book with title price", (), "create", "Book", [("title_price", "float", R)], [], None),
]


@pytest.mark.parametrize("request_text, existing, intent, entity, attributes, relationships, related", CASES)
def test_gap_cases(
    request_text: str,
    existing: Sequence[str],
    intent: str,
    entity: str,
    attributes: list[tuple[str, str, bool]],
    relationships: list[tuple[str, bool]],
    related: str | None,
) -> None:
    draft = recognize_offline(request_text, existing)
    assert (draft.intent, draft.entity.name, draft.related_entity) == (intent, entity, related)
    assert [(a.name, a.type, a.required) for a in draft.entity.attributes] == attributes
    assert [(r.target, r.required) for r in draft.entity.relationships] == relationships


def test_listed_references_are_foreign_keys() -> None:
    spec = recognize_offline("Create orders with quantity and date, associated with customers and products").entity
    assert [r.field_name for r in spec.relationships] == ["customer_id", "product_id"]


@pytest.mark.parametrize(
    "text, key",
    [
        ("Create orders with tracking number", "create orders with tracking number"),
        ("give orders a tracking number", "give orders a tracking number"),
        ("Create a building entity", "create a building entity"),
        ("Create a new building entity", "create a building entity"),
        ("Create a system for managing students", "create system for manage students"),
        ("The system manages books & tracks authors", "system manage books and track authors"),
        ("Records belong to users", "records belong to users"),
        ("create records", "create records"),
        ("Create playlists with name and tracks", "create playlists with name and tracks"),
        ("Create a Book with title that belongs to an author", "create book with title that belong to author"),
    ],
)
def test_verb_forms_fold_only_where_they_are_verbs(text: str, key: str) -> None:
    assert normalize_request(text) == key
    assert canonical_tokens(key) == key.split()  # a fixed point


def test_noun_and_verb_readings_get_different_keys() -> None:
    assert normalize_request("create order with tracking number") != normalize_request("create order with track number")
    assert normalize_request("manages students") == normalize_request("managing students")


def test_the_offline_version_is_in_the_cache_context() -> None:
    assert OFFLINE_VERSION == 25
    assert cache_context("create order", None) == "offline/25|unknown"
    assert cache_context("add sku to Order", ["Order", "Customer"]) == "offline/25|entities=order"
    assert cache_context("create order with tracking number") == "offline/25|new"


def test_recognize_caches_the_corrected_answer() -> None:
    cache = RecognitionCache(":memory:")
    flags = FeatureFlags(ENABLE_RECOGNITION_CACHE=True)
    first = recognize("Create orders with tracking number", cache=cache, flags=flags)
    again = recognize("create the orders with tracking number", cache=cache, flags=flags)
    assert [a.name for a in first.entity.attributes] == ["tracking_number"]
    assert again.from_cache and [a.name for a in again.entity.attributes] == ["tracking_number"]
