"""STANDARD vs CUSTOM on recognized requests: words the spec holds as data are not logic.

Two tables, each run through the real recognizer (``recognize``, offline) and through
``classify`` directly on a hand-written spec (the clean names an LLM answer carries).
"""

from __future__ import annotations

import pytest

from baes.recognition.recognize import recognize
from baes.scaffold.classification import EntityType, classify
from baes.scaffold.spec import AttributeSpec, EntitySpec, RelationshipSpec


def _spec(name: str, *attributes: str, refs: tuple[str, ...] = ()) -> EntitySpec:
    return EntitySpec(name, tuple(AttributeSpec.parse(a) for a in attributes), tuple(RelationshipSpec(target) for target in refs))


# Requests the templates generate completely: the suspicious words are names of data or references.
STANDARD_RECOGNIZED = [
    "attach a course to student",
    "attach teacher to course",
    "assign a teacher to each course",
    "link order to customer",
    "every course must have a teacher",
    "courses must have a teacher",
    "courses are linked to a teacher",
    "every student must have an email",
    "each enrollment must have a student and a course",
    "Create an Article with title, summary and body",
    "Add summary to course",
    "Books have a title and a summary",
    "Create a Report entity with title and summary",
    "Create a Summary entity with text",
    "Create a Country with name and tax rate as float",
    "Create a Product with name, price and tax rate",
    "Create a Loan with amount and interest rate",
    "Create a Product with name, price and discount",
    "Create a Badge with unique_identifier and color",
    "Create an Employee with name and monthly salary",
    "Create a Hotel room with daily rate and number",
    "Create an Approval with date and comment",
    "Create a Notification with message and read flag",
    "Create a system to manage university students with name, email and GPA",
]

# Requests with logic the templates do not generate, and the kind of logic each names.
CUSTOM_RECOGNIZED = [
    ("Create a Student with name and GPA, calculate the GPA automatically from grades", "calculations"),
    ("Create a Student with name and a calculated GPA", "calculations"),
    ("Invoices with a number and a total calculated from their lines", "calculations"),
    ("Create an Order with total, tax rate and a discount calculated automatically", "calculations"),
    ("Create Invoice with amount and tax rate, and calculate the total with taxes", "calculations"),
    ("Create an Enrollment with date and send an email notification when a student enrolls", "notifications"),
    ("Create a Student with name and email, send an email when a student enrolls", "notifications"),
    ("Create a Student with name, students log in with a password", "authentication"),
    ("Create a User with username and password", "authentication"),
    ("Create a Product with name and price, only admins can delete", "authentication"),
    ("Create a Student with name and upload a profile photo", "file uploads"),
    ("Create an Employee with name and a profile photo", "file uploads"),
    ("attach a photo to the student", "file uploads"),
    ("attach a file to the student", "file uploads"),
    ("Create Sales with amount and generate a monthly report", "reports"),
    ("Create a Report entity and export it to PDF", "reports"),
    ("Create a Reminder with text sent every day", "scheduling"),
    ("Create a Ticket with title and status; status transitions from open to closed", "workflow"),
    ("Create an Expense with amount that needs manager approval", "workflow"),
    ("Create a Payment with amount synced with Stripe", "integrations"),
    ("Create an Order whose total must be at least 10", "validation rules"),
    ("Create a Booking with start date and end date; the end date must be after the start date", "validation rules"),
    ("Create a Product with a unique sku", "validation rules"),
    ("Create a Course with title; each course must have at least 3 students", "validation rules"),
    ("Create a Student with name and email; students can only enroll if they have paid", "validation rules"),
]

STANDARD_SPECS = [
    ("attach a course to student", _spec("Student", refs=("Course",))),
    ("every course must have a teacher", _spec("Course", "title", refs=("Teacher",))),
    ("each enrollment must have a student", _spec("Enrollment", "enrolled_on:date", refs=("Student",))),
    ("courses belong to a department", _spec("Course", refs=("Department",))),
    ("link the order to a customer", _spec("Order", refs=("Customer",))),
    ("students must have an email", _spec("Student", "name", "email:email")),
    ("Create an Article with a title and a summary", _spec("Article", "title", "summary")),
    ("Products with a name and a tax rate", _spec("Product", "name", "tax_rate:float")),
    ("Loans with an amount and an interest rate", _spec("Loan", "amount:float", "interest_rate:float")),
    ("Orders with a total and a discount", _spec("Order", "total:float", "discount:float")),
    ("Coupons with a unique code", _spec("Coupon", "unique_code")),
    ("Employees with a monthly salary", _spec("Employee", "monthly_salary:float")),
    ("Hotel rooms with a daily rate", _spec("Room", "daily_rate:float")),
    ("Create a Report with a title", _spec("Report", "title")),
    ("Create a Notification with a message", _spec("Notification", "message")),
    ("Keep each course's weekly hours", _spec("Course", "weekly_hours:int")),
    ("Tickets with a priority and an escalation level", _spec("Ticket", "priority:str", "escalation_level:int")),
    ("Sales with a productSummary", _spec("Sale", "product_summary")),
]

CUSTOM_SPECS = [
    ("Students with a GPA calculated automatically from grades", _spec("Student", "gpa:float"), "calculations"),
    ("Invoices whose total is the sum of their lines", _spec("Invoice", "total:float"), "calculations"),
    ("Send an email notification when a student enrolls", _spec("Enrollment", "enrolled_on:date"), "notifications"),
    ("Students with an email; send an email when they enroll", _spec("Student", "email:email"), "notifications"),
    ("Students log in with a password", _spec("Student", "username", "password"), "authentication"),
    ("Only admins can delete products", _spec("Product", "name"), "authentication"),
    ("Employees can upload a profile photo", _spec("Employee", "name", "profile_photo"), "file uploads"),
    ("Attach a contract file to each employee", _spec("Employee", "contract_file"), "file uploads"),
    ("Generate a monthly report of sales", _spec("Sale", "amount:float"), "reports"),
    ("Sales with an amount and a dashboard of totals", _spec("Sale", "amount:float"), "reports"),
    ("Tickets with a status; status transitions need approval", _spec("Ticket", "status"), "workflow"),
    ("Payments synced with Stripe", _spec("Payment", "amount:float"), "integrations"),
    ("Reminders sent every day", _spec("Reminder", "text"), "scheduling"),
    ("Products with a unique sku", _spec("Product", "sku"), "validation rules"),
    ("Orders with a total that must be at least 10", _spec("Order", "total:float"), "validation rules"),
    ("Courses must have at least 3 students", _spec("Course", refs=("Student",)), "validation rules"),
    ("Students with a calculated_gpa", _spec("Student", "calculated_gpa:float"), "calculations"),
]


@pytest.mark.parametrize("request_text", STANDARD_RECOGNIZED)
def test_recognized_data_words_are_standard(request_text: str) -> None:
    recognition = recognize(request_text)
    assert recognition.entity_type is EntityType.STANDARD, recognition.custom_logic_reasons
    assert recognition.custom_logic_reasons == ()
    assert classify(request_text, recognition.entity).entity_type is EntityType.STANDARD


@pytest.mark.parametrize(("request_text", "kind"), CUSTOM_RECOGNIZED)
def test_recognized_logic_stays_custom(request_text: str, kind: str) -> None:
    recognition = recognize(request_text)
    assert recognition.entity_type is EntityType.CUSTOM and recognition.requires_custom_logic
    assert any(reason.startswith(f"{kind}:") for reason in recognition.custom_logic_reasons), recognition.custom_logic_reasons
    assert classify(request_text, recognition.entity).reasons == recognition.custom_logic_reasons


@pytest.mark.parametrize(("request_text", "spec"), STANDARD_SPECS)
def test_spec_names_and_references_are_not_logic(request_text: str, spec: EntitySpec) -> None:
    result = classify(request_text, spec)
    assert result.entity_type is EntityType.STANDARD and result.reasons == ()


@pytest.mark.parametrize(("request_text", "spec", "kind"), CUSTOM_SPECS)
def test_logic_around_spec_names_is_still_found(request_text: str, spec: EntitySpec, kind: str) -> None:
    result = classify(request_text, spec)
    assert result.entity_type is EntityType.CUSTOM
    assert any(reason.startswith(f"{kind}:") for reason in result.reasons), result.reasons


def test_the_same_words_without_a_spec_still_count() -> None:
    """Covering comes from the spec: a request classified alone keeps every mention."""
    assert classify("Create an Article with title and summary").entity_type is EntityType.CUSTOM
    assert classify("every course must have a teacher").entity_type is EntityType.CUSTOM


def test_a_swallowed_clause_is_not_a_stored_attribute() -> None:
    """An attribute name made of a whole clause covers nothing: its logic words still count."""
    spec = _spec("Enrollment", "send_email_notification")
    result = classify("Enrollments send an email notification", spec)
    assert result.entity_type is EntityType.CUSTOM
    assert any(reason.startswith("notifications:") for reason in result.reasons)


@pytest.mark.parametrize(
    "request_text",
    [
        "attach course to student",
        "attach the Course to each Student",
        "every student must have a course",
        "students are linked to a course",
    ],
)
def test_references_between_existing_entities_are_standard(request_text: str) -> None:
    recognition = recognize(request_text, existing_entities=["Student", "Course"])
    assert recognition.intent == "relationship" and recognition.related_entity == "Course"
    assert recognition.entity_type is EntityType.STANDARD, recognition.custom_logic_reasons


def test_odd_text_with_a_spec_never_crashes() -> None:
    spec = _spec("CourseEnrollment", "tax_rate:float", "a__b", refs=("Student", "Course"))
    for text in [
        "",
        "   ",
        "(((",
        "\x00\x01",
        "a" * 10_000,
        "must " * 500,
        "attach " * 800 + "course to student",
        "tax rate " * 400,
        "course_enrollments" * 50,
    ]:
        classify(text, spec)
