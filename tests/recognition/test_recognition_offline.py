"""The offline recognizer on a table of requests (paraphrases and tricky ones included)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from baes.recognition.model import RecognitionError
from baes.recognition.offline import recognize_offline
from baes.recognition.recognize import recognize
from baes.scaffold.classification import EntityType

R, O = True, False  # required, optional  # noqa: E741 (reads like the labels: R and O)

# request, existing entities, intent, entity, attributes (name, type, required),
# relationships (target, required), related entity
CASES: list[tuple[str, Sequence[str], str, str, list[tuple[str, str, bool]], list[tuple[str, bool]], str | None]] = [
    (
        "Create a system to manage university students with name, email and GPA",
        (),
        "create",
        "Student",
        [("name", "str", R), ("email", "email", R), ("gpa", "float", R)],
        [],
        None,
    ),
    (
        "create a student with a name, an email and a gpa",
        (),
        "create",
        "Student",
        [("name", "str", R), ("email", "email", R), ("gpa", "float", R)],
        [],
        None,
    ),
    (
        "Create a Book entity with title, isbn, price and published date",
        (),
        "create",
        "Book",
        [("title", "str", R), ("isbn", "str", R), ("price", "float", R), ("published_date", "date", R)],
        [],
        None,
    ),
    (
        "Teachers have a name, an optional office and a hire date",
        (),
        "create",
        "Teacher",
        [("name", "str", R), ("office", "str", O), ("hire_date", "date", R)],
        [],
        None,
    ),
    (
        "Customers may have a birthday and a loyalty score",
        (),
        "create",
        "Customer",
        [("birthday", "date", O), ("loyalty_score", "float", O)],
        [],
        None,
    ),
    (
        "Create a Patient with date of birth, email address and is_active",
        (),
        "create",
        "Patient",
        [("date_of_birth", "date", R), ("email_address", "email", R), ("active", "bool", R)],
        [],
        None,
    ),
    (
        "Employees have a salary (float) and a start date",
        (),
        "create",
        "Employee",
        [("salary", "float", R), ("start_date", "date", R)],
        [],
        None,
    ),
    (
        "I need an API for products with name, price as integer and an optional description",
        (),
        "create",
        "Product",
        [("name", "str", R), ("price", "int", R), ("description", "str", O)],
        [],
        None,
    ),
    (
        "Please create a new entity named Course with title and credits",
        (),
        "create",
        "Course",
        [("title", "str", R), ("credits", "int", R)],
        [],
        None,
    ),
    (
        "Can you make a Product table with name and price?",
        (),
        "create",
        "Product",
        [("name", "str", R), ("price", "float", R)],
        [],
        None,
    ),
    (
        "Create an OrderItem entity with quantity and unit price",
        (),
        "create",
        "OrderItem",
        [("quantity", "int", R), ("unit_price", "float", R)],
        [],
        None,
    ),
    (
        "Track library books with title, author and page count",
        (),
        "create",
        "Book",
        [("title", "str", R), ("author", "str", R), ("page_count", "int", R)],
        [],
        None,
    ),
    (
        "Create an entity called Invoice with amount, due date and paid",
        (),
        "create",
        "Invoice",
        [("amount", "float", R), ("due_date", "date", R), ("paid", "bool", R)],
        [],
        None,
    ),
    (
        "Create Event with age, count, year, created_at, timestamp and active",
        (),
        "create",
        "Event",
        [
            ("age", "int", R),
            ("count", "int", R),
            ("year", "int", R),
            ("created_at", "datetime", R),
            ("timestamp", "datetime", R),
            ("active", "bool", R),
        ],
        [],
        None,
    ),
    ("create Student with name but no email", (), "create", "Student", [("name", "str", R)], [], None),
    ("Create a Student entity", (), "create", "Student", [], [], None),
    ("Create students", (), "create", "Student", [], [], None),
    ("set up courses", (), "create", "Course", [], [], None),
    ("keep track of employees with name", (), "create", "Employee", [("name", "str", R)], [], None),
    (
        "Create an Enrollment with student, course and grade",
        ("Student", "Course"),
        "create",
        "Enrollment",
        [("grade", "str", R)],
        [("Student", R), ("Course", R)],
        None,
    ),
    ("Create a Category with an id and a name", (), "create", "Category", [("name", "str", R)], [], None),
    (
        "I want to build a library system where each book has a title, an author, an ISBN and a publication year",
        (),
        "create",
        "Book",
        [("title", "str", R), ("author", "str", R), ("isbn", "str", R), ("publication_year", "int", R)],
        [],
        None,
    ),
    (
        "Make a Product model: name (string), price (decimal), stock (integer), is_available (boolean)",
        (),
        "create",
        "Product",
        [("name", "str", R), ("price", "float", R), ("stock", "int", R), ("available", "bool", R)],
        [],
        None,
    ),
    (
        "Generate CRUD for employees with first name, last name, email, salary and hire date",
        (),
        "create",
        "Employee",
        [
            ("first_name", "str", R),
            ("last_name", "str", R),
            ("email", "email", R),
            ("salary", "float", R),
            ("hire_date", "date", R),
        ],
        [],
        None,
    ),
    (
        "We need to keep track of patients: name, date of birth, phone number, and insurance number",
        (),
        "create",
        "Patient",
        [("name", "str", R), ("date_of_birth", "date", R), ("phone_number", "str", R), ("insurance_number", "str", R)],
        [],
        None,
    ),
    (
        "I'd like a Task entity with a title, a due date, priority and whether it's done",
        (),
        "create",
        "Task",
        [("title", "str", R), ("due_date", "date", R), ("priority", "str", R), ("done", "bool", R)],
        [],
        None,
    ),
    (
        "Create a Movie entity with title, release date, rating, and duration in minutes",
        (),
        "create",
        "Movie",
        [("title", "str", R), ("release_date", "date", R), ("rating", "float", R), ("duration", "int", R)],
        [],
        None,
    ),
    (
        "create student name email gpa",
        (),
        "create",
        "Student",
        [("name", "str", R), ("email", "email", R), ("gpa", "float", R)],
        [],
        None,
    ),
    (
        "new entity: Book(title, author, year)",
        (),
        "create",
        "Book",
        [("title", "str", R), ("author", "str", R), ("year", "int", R)],
        [],
        None,
    ),
    (
        "Book(title: str, price: float, published: date)",
        (),
        "create",
        "Book",
        [("title", "str", R), ("price", "float", R), ("published", "date", R)],
        [],
        None,
    ),
    (
        "Create table students (name text, email text, gpa real)",
        (),
        "create",
        "Student",
        [("name", "str", R), ("email", "email", R), ("gpa", "float", R)],
        [],
        None,
    ),
    (
        "Create a Student entity with the following fields: name, email, GPA",
        (),
        "create",
        "Student",
        [("name", "str", R), ("email", "email", R), ("gpa", "float", R)],
        [],
        None,
    ),
    ("CREATE A STUDENT WITH NAME AND EMAIL", (), "create", "Student", [("name", "str", R), ("email", "email", R)], [], None),
    # an item of a comma/"and" list is one attribute, typed from its last word unless a type is explicit
    (
        "Create a Book with title, author and published year",
        (),
        "create",
        "Book",
        [("title", "str", R), ("author", "str", R), ("published_year", "int", R)],
        [],
        None,
    ),
    (
        "a Product with name, price and tax rate",
        (),
        "create",
        "Product",
        [("name", "str", R), ("price", "float", R), ("tax_rate", "float", R)],
        [],
        None,
    ),
    (
        "Create an Order with total amount, discount rate, delivery date and an optional coupon code",
        (),
        "create",
        "Order",
        [("total_amount", "float", R), ("discount_rate", "float", R), ("delivery_date", "date", R), ("coupon_code", "str", O)],
        [],
        None,
    ),
    (
        "Create a Product with name, store name and record count",
        (),
        "create",
        "Product",
        [("name", "str", R), ("store_name", "str", R), ("record_count", "int", R)],
        [],
        None,
    ),
    ("Create a Book that stores title and author", (), "create", "Book", [("title", "str", R), ("author", "str", R)], [], None),
    (
        "Create a Book with title and published as a date",
        (),
        "create",
        "Book",
        [("title", "str", R), ("published", "date", R)],
        [],
        None,
    ),
    (
        "Create a User with name, an active flag and is premium",
        (),
        "create",
        "User",
        [("name", "str", R), ("active", "bool", R), ("premium", "bool", R)],
        [],
        None,
    ),
    ("Products have a tax rate", (), "create", "Product", [("tax_rate", "float", R)], [], None),
    (
        "Create Student with name email gpa",
        (),
        "create",
        "Student",
        [("name", "str", R), ("email", "email", R), ("gpa", "float", R)],
        [],
        None,
    ),
    ("create student name email", (), "create", "Student", [("name", "str", R), ("email", "email", R)], [], None),
    # "add" creates when nothing reads it as a change of an existing entity
    ("add a Book with title and author", (), "create", "Book", [("title", "str", R), ("author", "str", R)], [], None),
    (
        "add a Book with title, author and published year",
        (),
        "create",
        "Book",
        [("title", "str", R), ("author", "str", R), ("published_year", "int", R)],
        [],
        None,
    ),
    (
        "add a new entity Invoice with number and total",
        (),
        "create",
        "Invoice",
        [("number", "str", R), ("total", "float", R)],
        [],
        None,
    ),
    ("add a Book entity", (), "create", "Book", [], [], None),
    ("add students", (), "create", "Student", [], [], None),
    ("add entity: Book(title, author)", (), "create", "Book", [("title", "str", R), ("author", "str", R)], [], None),
    # add attributes
    ("students also need a phone number", ("Student",), "add_attributes", "Student", [("phone_number", "str", R)], [], None),
    ("Students should also have a birthday", (), "add_attributes", "Student", [("birthday", "date", R)], [], None),
    ("add email to Student", ("Student",), "add_attributes", "Student", [("email", "email", R)], [], None),
    (
        "Add an optional phone and a birthday to the Student entity",
        ("Student",),
        "add_attributes",
        "Student",
        [("phone", "str", O), ("birthday", "date", R)],
        [],
        None,
    ),
    (
        "add created_at and updated_at to orders",
        (),
        "add_attributes",
        "Order",
        [("created_at", "datetime", R), ("updated_at", "datetime", R)],
        [],
        None,
    ),
    ("give students a GPA", (), "add_attributes", "Student", [("gpa", "float", R)], [], None),
    (
        "extend Course with credits and is_active",
        (),
        "add_attributes",
        "Course",
        [("credits", "int", R), ("active", "bool", R)],
        [],
        None,
    ),
    ("Teachers have an office", ("Teacher",), "add_attributes", "Teacher", [("office", "str", R)], [], None),
    ("The Course entity needs a syllabus", ("Course",), "add_attributes", "Course", [("syllabus", "str", R)], [], None),
    ("add nickname (optional) to Student", ("Student",), "add_attributes", "Student", [("nickname", "str", O)], [], None),
    ("Students may also have a nickname", ("Student",), "add_attributes", "Student", [("nickname", "str", O)], [], None),
    ("add email to student", ("Student",), "add_attributes", "Student", [("email", "email", R)], [], None),
    ("add tax rate to product", (), "add_attributes", "Product", [("tax_rate", "float", R)], [], None),
    ("give products a tax rate", (), "add_attributes", "Product", [("tax_rate", "float", R)], [], None),
    (
        "students also need a graduation year",
        ("Student",),
        "add_attributes",
        "Student",
        [("graduation_year", "int", R)],
        [],
        None,
    ),
    # relationships: "add X to Y" = Y references X
    ("add course to student", (), "relationship", "Student", [], [("Course", R)], "Course"),
    ("Add Course to Student", ("Student", "Course"), "relationship", "Student", [], [("Course", R)], "Course"),
    ("add student to course", (), "relationship", "Course", [], [("Student", R)], "Student"),
    ("Add the Course entity to Student", (), "relationship", "Student", [], [("Course", R)], "Course"),
    ("add Teacher to Course", ("Teacher", "Course"), "relationship", "Course", [], [("Teacher", R)], "Teacher"),
    ("add an optional teacher reference to Course", (), "relationship", "Course", [], [("Teacher", O)], "Teacher"),
    ("add course_id to student", (), "relationship", "Student", [], [("Course", R)], "Course"),
    ("each student belongs to a course", (), "relationship", "Student", [], [("Course", R)], "Course"),
    ("Students should reference a teacher", (), "relationship", "Student", [], [("Teacher", R)], "Teacher"),
    ("Each course has a teacher", (), "relationship", "Course", [], [("Teacher", R)], "Teacher"),
    ("a teacher has many courses", (), "relationship", "Course", [], [("Teacher", R)], "Teacher"),
    ("courses are taught by a teacher", (), "relationship", "Course", [], [("Teacher", R)], "Teacher"),
    ("Books are written by an author", (), "relationship", "Book", [], [("Author", R)], "Author"),
    ("link order to customer", (), "relationship", "Order", [], [("Customer", R)], "Customer"),
    ("connect orders with customers", (), "relationship", "Order", [], [("Customer", R)], "Customer"),
    ("add mentor to student", ("Student", "Mentor"), "relationship", "Student", [], [("Mentor", R)], "Mentor"),
    ("students are attached to a course", (), "relationship", "Student", [], [("Course", R)], "Course"),
    ("Students are attached to a Course", ("Student", "Course"), "relationship", "Student", [], [("Course", R)], "Course"),
    ("each student is assigned to one course", (), "relationship", "Student", [], [("Course", R)], "Course"),
    ("students can be optionally linked to a course", (), "relationship", "Student", [], [("Course", O)], "Course"),
    ("each student belongs to an optional course", (), "relationship", "Student", [], [("Course", O)], "Course"),
    ("orders are associated with customers", (), "relationship", "Order", [], [("Customer", R)], "Customer"),
    ("an order is related to a customer", (), "relationship", "Order", [], [("Customer", R)], "Customer"),
    ("orders are referenced by invoices", (), "relationship", "Invoice", [], [("Order", R)], "Order"),
    # delete
    ("delete the course entity", ("Course",), "delete_entity", "Course", [], [], None),
    ("Remove Students", ("Student",), "delete_entity", "Student", [], [], None),
    ("drop table orders", ("Order",), "delete_entity", "Order", [], [], None),
    ("I don't want the Course entity anymore, delete it", ("Course",), "delete_entity", "Course", [], [], None),
]


@pytest.mark.parametrize(
    "request_text, existing, intent, entity, attributes, relationships, related", CASES, ids=[c[0][:50] for c in CASES]
)
def test_offline_table(
    request_text: str,
    existing: Sequence[str],
    intent: str,
    entity: str,
    attributes: list[tuple[str, str, bool]],
    relationships: list[tuple[str, bool]],
    related: str | None,
) -> None:
    draft = recognize_offline(request_text, existing)
    assert draft.intent == intent
    assert draft.entity.name == entity
    assert [(a.name, a.type, a.required) for a in draft.entity.attributes] == attributes
    assert [(r.target, r.required) for r in draft.entity.relationships] == relationships
    assert draft.related_entity == related


def test_add_x_to_y_direction_is_not_symmetric() -> None:
    one = recognize_offline("add course to student")
    other = recognize_offline("add student to course")
    assert (one.entity.name, one.related_entity) == ("Student", "Course")
    assert (other.entity.name, other.related_entity) == ("Course", "Student")
    assert one.entity.relationships[0].field_name == "course_id"


def test_existing_entity_turns_an_unknown_noun_into_a_relationship() -> None:
    assert recognize_offline("add mentor to student").intent == "add_attributes"
    assert recognize_offline("add mentor to student", ["Mentor", "Student"]).intent == "relationship"
    with pytest.raises(RecognitionError, match="change of Student, which this app does not have"):
        recognize_offline("add mentor to student", ["Mentor"])  # the app has no Student to change


def test_existing_entity_names_keep_their_spelling() -> None:
    for text in (
        "add course enrollment reference to students",
        "add course_enrollment to students",
        "add a CourseEnrollment to Student",
    ):
        draft = recognize_offline(text, ["CourseEnrollment", "Student"])
        assert (draft.intent, draft.entity.name, draft.related_entity) == ("relationship", "Student", "CourseEnrollment")
    assert recognize_offline("give course_enrollments a grade", ["CourseEnrollment"]).entity.name == "CourseEnrollment"


def test_a_lone_reference_among_new_fields_is_a_relationship() -> None:
    draft = recognize_offline("Students can have an optional advisor", ["Student", "Advisor"])
    assert (draft.intent, draft.related_entity) == ("relationship", "Advisor")
    assert [(r.target, r.required) for r in draft.entity.relationships] == [("Advisor", False)]
    mixed = recognize_offline("students also need a phone number and a mentor", ["Student", "Mentor"])
    assert mixed.intent == "add_attributes"
    assert [a.name for a in mixed.entity.attributes] == ["phone_number"]
    assert [r.target for r in mixed.entity.relationships] == ["Mentor"]


def test_notes_explain_what_was_left_out() -> None:
    assert any("negated" in n for n in recognize_offline("create Student with name but no email").notes)
    assert any("left out the sentence" in n for n in recognize_offline("Create Author with name. Books need an isbn").notes)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "hello",
        "what is the weather",
        "../../etc/passwd",
        "!!!",
        "123 456",
        "delete",
        "add",
        "remove from student",
        "x" * 5000,
        "rename price",
        "Students can enroll in courses",
    ],
)
def test_unusable_requests_raise_recognition_error(text: str) -> None:
    with pytest.raises(RecognitionError):
        recognize_offline(text)


def test_removal_and_many_to_many_are_understood() -> None:
    """Once refused: removing a field, and "many" on the far side of a verb other than "have"."""
    removal = recognize_offline("remove phone from student", ["Student"])
    assert (removal.intent, removal.entity.name, removal.removed) == ("remove_attributes", "Student", ("phone",))
    joined = recognize_offline("Students can enroll in many courses")
    assert (joined.intent, joined.entity.name) == ("relationship", "Student")
    assert [(r.target, r.kind) for r in joined.entity.relationships] == [("Course", "many_to_many")]


@pytest.mark.parametrize(
    "first, second",
    [("published", "year"), ("tax", "rate"), ("total", "amount"), ("credit", "score"), ("stock", "count"), ("hire", "date")],
)
def test_each_list_item_is_one_attribute(first: str, second: str) -> None:
    """Two attribute words in one list item name one attribute, whatever each word means alone."""
    for text in (
        f"Create a Thing with name and {first} {second}",
        f"Create a Thing with name, a {first} {second}",
        f"add {first} {second} and name to Thing",
        f"Things also need a name and a {first} {second}",
    ):
        existing = [] if text.startswith("Create") else ["Thing"]  # an entity the app has is not created again
        names = [a.name for a in recognize_offline(text, existing).entity.attributes]
        assert sorted(names) == sorted(["name", f"{first}_{second}"]), text


@pytest.mark.parametrize(
    "text",
    [
        "add email",
        "add a phone number",
        "add email and phone",
        "add created_at and updated_at",
        "add a field email",
        "add nickname",
        "add a Widget",
    ],
)
def test_add_without_a_target_or_an_entity_asks_where(text: str) -> None:
    with pytest.raises(RecognitionError, match="to which entity"):
        recognize_offline(text)


def test_add_with_a_bare_list_asks_change_or_create() -> None:
    with pytest.raises(RecognitionError, match="'add name, email, gpa to Student'"):
        recognize_offline("add student name email gpa")


@pytest.mark.parametrize("text", ["attach a course", "assign a teacher", "include email"])
def test_only_add_itself_creates(text: str) -> None:
    """ "attach", "assign", "include" change an entity; alone they create nothing."""
    with pytest.raises(RecognitionError):
        recognize_offline(text)


def test_an_undirected_relationship_asks_which_way() -> None:
    with pytest.raises(RecognitionError, match="add Course to Student"):
        recognize_offline("Add a relationship between course and student")


def test_non_ascii_names_are_refused_with_a_reason() -> None:
    with pytest.raises(RecognitionError, match="cannot be an entity name"):
        recognize_offline("Create a Café entity with name")
    draft = recognize_offline("Create a Student with naïve score, name and email")
    assert [a.name for a in draft.entity.attributes] == ["name", "email"]
    assert any("naïve_score" in note for note in draft.notes)


def test_injection_never_reaches_a_name() -> None:
    with pytest.raises(RecognitionError, match="is X meant as a new entity"):
        recognize_offline("create x; import os")
    draft = recognize_offline("create a Book entity with title; import os")
    assert draft.entity.name == "Book" and [a.name for a in draft.entity.attributes] == ["title", "import_os"]


@pytest.mark.parametrize(
    "text", ["build the project", "make the job faster", "implement caching", "create something cool", "handle errors better"]
)
def test_a_verb_and_a_noun_without_attributes_create_nothing(text: str) -> None:
    """Only a structure word, "called", an entity noun or a plural after "create"/"add" names a bare entity."""
    with pytest.raises(RecognitionError, match="no attributes and no entity named"):
        recognize_offline(text)


def test_a_colour_of_a_screen_part_is_how_the_app_looks() -> None:
    with pytest.raises(RecognitionError, match="how the app looks"):
        recognize_offline("make the button blue")


def test_custom_logic_comes_from_the_classifier() -> None:
    plain = recognize("Create a Book entity with title and price")
    assert plain.entity_type is EntityType.STANDARD and plain.custom_logic_reasons == ()
    custom = recognize("Create an Invoice with amount and send email notifications when it is overdue")
    assert custom.entity_type is EntityType.CUSTOM
    assert any("notifications" in r for r in custom.custom_logic_reasons)
    assert custom.requires_custom_logic
    assert recognize("delete the invoice entity").entity_type is EntityType.STANDARD


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=120))
def test_any_text_gives_a_recognition_or_a_recognition_error(text: str) -> None:
    try:
        draft = recognize_offline(text)
    except RecognitionError:
        return
    assert draft.entity.name.isidentifier()
    assert all(a.name.isidentifier() for a in draft.entity.attributes)
