"""STANDARD versus CUSTOM classification, with reasons."""

from __future__ import annotations

import pytest

from baes.scaffold.classification import EntityType, classify, not_generated_note
from baes.scaffold.spec import AttributeSpec, EntitySpec
from baes.scaffold.template_registry import EntityType as RegistryEntityType


def test_one_enum() -> None:
    assert EntityType is RegistryEntityType


@pytest.mark.parametrize(
    "request_text",
    [
        "Create a system to manage university students with name, email and GPA",
        "Track books with title, author, isbn and published date",
        "Add a product with name, price and stock",
        "Manage courses with a title and credits, no login needed",
        "Employees with name and email, without authentication",
    ],
)
def test_plain_crud_requests_are_standard(request_text: str) -> None:
    result = classify(request_text)
    assert result.entity_type is EntityType.STANDARD
    assert result.reasons == ()
    assert not_generated_note("Student", result) is None


@pytest.mark.parametrize(
    ("request_text", "kind", "word"),
    [
        ("Orders with items where the total is calculated with a discount", "calculations", "calculated"),
        ("Expense claims that go through manager approval", "workflow", "approval"),
        ("Payments synced with Stripe", "integrations", "Stripe"),
        ("Users who log in with a password", "authentication", "log in"),
        ("Invoices sent every month on a schedule", "scheduling", "schedule"),
        ("Tickets that notify the assignee", "notifications", "notify"),
        ("Employees with a photo upload", "file uploads", "upload"),
        ("Sales with a monthly dashboard", "reports", "dashboard"),
        ("Bookings where the end date must be after the start date", "validation rules", "must be"),
        ("Products whose price is between 1 and 100", "validation rules", "between 1 and 100"),
    ],
)
def test_custom_logic_is_detected_with_a_reason(request_text: str, kind: str, word: str) -> None:
    result = classify(request_text)
    assert result.entity_type is EntityType.CUSTOM
    assert result.requires_custom_logic
    assert any(reason.startswith(f"{kind}:") and word.lower() in reason.lower() for reason in result.reasons), result.reasons


def test_several_kinds_give_several_reasons() -> None:
    result = classify("Employees who sign in, with a photo upload and a weekly report of hours")
    kinds = {reason.split(":")[0] for reason in result.reasons}
    assert {"authentication", "file uploads", "scheduling"} <= kinds


def test_attributes_alone_can_make_an_entity_custom() -> None:
    spec = EntitySpec("Account", (AttributeSpec("username"), AttributeSpec("password_hash")))
    result = classify("", spec)
    assert result.entity_type is EntityType.CUSTOM
    assert "password_hash" in result.reasons[0]


def test_note_says_what_was_not_generated() -> None:
    note = not_generated_note("Invoice", classify("Invoices with a total calculated from their lines"))
    assert note is not None
    assert "Invoice" in note and "NOT generated" in note and "calculations" in note and "BAES_LLM_BASE_URL" in note


def test_bad_input_never_crashes() -> None:
    for text in ["", "   ", "(((", "\x00\x01", "a" * 10_000, "must" * 100]:
        classify(text)
