"""Round 25: dictated requests (self-corrections, spoken measures, a placeholder for the app, things then their list
with no colon) and backlog wording (a leading purpose, sprint and definition-of-done labels, a wish for a removal or
for many of another, one "X has a …" line per field). Our own sentences."""

from __future__ import annotations

import pytest
from tests.support.recognition_reading import reading


@pytest.mark.parametrize(
    ("request_text", "existing", "expected"),
    [
        ("add a gate code to site no actually to depot", ["Site", "Depot"], ("add_attributes", "Depot", ["gate_code"])),
        ("create a Pickup with the parcel count, the driver no wait the driver name", [], ("create", "Pickup", ["parcel_count", "driver_name"])),
        ("make a Ferry with name, sorry I meant vessel name, and berth", [], ("create", "Ferry", ["vessel_name", "berth"])),
        ("make a cat profile no wait a horse profile with name and stable", [], ("create", "HorseProfile", ["name", "stable"])),
    ],
)  # fmt: skip
def test_a_correction_replaces_the_slip(request_text: str, existing: list[str], expected: tuple[str, str, list[str]]) -> None:
    got = reading(request_text, existing)
    assert (got["intent"], got["entity"], [a[0] for a in got["attributes"]]) == expected


@pytest.mark.parametrize(
    ("request_text", "attribute"),
    [
        ("create Lesson with pupil name and how long it lasts in minutes", ("duration_minutes", "int", True)),
        ("create Haircut with stylist, and how much they paid", ("amount_paid", "float", True)),
        ("create Snack with name and how much it costs", ("price", "float", True)),
        ("Helpline: name, how many calls per day", ("calls_per_day", "int", True)),
    ],
)
def test_a_measure_said_as_a_question(request_text: str, attribute: tuple[str, str, bool]) -> None:
    assert reading(request_text)["attributes"][-1] == attribute


def test_a_question_that_is_no_item_is_left_alone() -> None:
    """ "how much it costs" only names a field as an item of a list."""
    got = reading("I forgot how much it costs, add price to Snack", ["Snack"])
    assert (got["intent"], got["attributes"]) == ("add_attributes", [("price", "float", True)])


@pytest.mark.parametrize(
    ("request_text", "entity"),
    [
        ("um i need a thing for my bakery orders like customer name, pickup time and total", "Order"),
        ("could you set up something to hold the club's match reports? opponent, score, played on", "MatchReport"),
        ("is there a simple app where staff can log ladder checks? ladder id, checked on, passed", "LadderCheck"),
        ("i wanna track my piano lessons pupil name, lesson date and fee", "PianoLesson"),
    ],
)
def test_the_things_kept_after_a_placeholder_or_before_their_list(request_text: str, entity: str) -> None:
    got = reading(request_text)
    assert got["intent"] == "create" and got["entity"] == entity and len(got["attributes"]) == 3


def test_a_thing_named_before_the_placeholder_is_the_entity() -> None:
    """ "a gigs thing for my band" keeps gigs, not the band."""
    assert reading("can u make a gigs thing for my band, venue, date and fee")["entity"] == "Gig"


@pytest.mark.parametrize(
    ("request_text", "existing", "expected"),
    [
        ("In order to invoice on time, as a bookkeeper I want to record bills with supplier, amount and due date", [],
         ("create", "Bill")),
        ("Sprint 9: Boiler should have a serial number and a warranty end date", ["Boiler"], ("add_attributes", "Boiler")),
        ("Definition of done: Kennel has capacity and heated", ["Kennel"], ("add_attributes", "Kennel")),
        ("As an admin I want the Voucher entity removed, nobody uses it", ["Voucher"], ("delete_entity", "Voucher")),
        ("we want the fax field removed from Supplier", ["Supplier"], ("remove_attributes", "Supplier")),
        ("As a coach I want athletes to join many squads", ["Athlete", "Squad"], ("relationship", "Athlete")),
        ("Acceptance criteria:\n- a Crate has a label\n- a Crate has a weight in kg\n- a Crate has a packed date", [],
         ("create", "Crate")),
    ],
)  # fmt: skip
def test_backlog_wording(request_text: str, existing: list[str], expected: tuple[str, str]) -> None:
    got = reading(request_text, existing)
    assert (got["intent"], got["entity"]) == expected


def test_one_line_per_field_gives_each_field_its_own_name() -> None:
    got = reading("Acceptance criteria:\n- a Crate has a label\n- a Crate has a weight in kg\n- a Crate has a packed date")
    assert [a[0] for a in got["attributes"]] == ["label", "weight", "packed_date"]


def test_a_count_of_things_per_period_is_one_name() -> None:
    """ "number of eggs per day" reads as four words ("X of Y" joins them); "a chart showing sales per month" is
    still no field."""
    assert reading("add the number of visits per week to Patient", ["Patient"])["attributes"] == [
        ("number_of_visits_per_week", "int", True)
    ]
    with pytest.raises(ValueError):
        reading("add a chart showing sales per month to the dashboard")


@pytest.mark.parametrize(
    "request_text", ["change the name field on barber to full name", "change the name of the name field in Barber to full name"]
)
def test_a_field_changed_to_a_new_name_is_renamed(request_text: str) -> None:
    got = reading(request_text, ["Barber"])
    assert (got["intent"], got["entity"], got["renamed_from"], got["renamed_to"]) == (
        "rename_attribute",
        "Barber",
        "name",
        "full_name",
    )


@pytest.mark.parametrize(
    "request_text", ["add a search bar to orders", "put a status bar on Order", "add a filter box to orders"]
)
def test_a_widget_is_no_field(request_text: str) -> None:
    with pytest.raises(ValueError, match="user interface"):
        reading(request_text, ["Order"])


def test_a_bar_or_a_tick_box_is_still_data() -> None:
    assert reading("create a Bar with name and address")["entity"] == "Bar"
    assert reading("add a tick box for paid to orders", ["Order"])["attributes"] == [("paid", "bool", True)]


@pytest.mark.parametrize(
    ("said", "attributes"),
    [
        ("first and last name", [("first_name", "str"), ("last_name", "str")]),
        ("start and end time", [("start_time", "datetime"), ("end_time", "datetime")]),
        ("home and work phone", [("home_phone", "str"), ("work_phone", "str")]),
        ("is it insured", [("insured", "bool")]),
        ("how old they are", [("age", "int")]),
        ("comfort one to five", [("comfort", "int")]),
        ("towed yes no", [("towed", "bool")]),
        ("yes or no if towed", [("towed", "bool")]),
        ("time of arrival", [("time_of_arrival", "datetime")]),
        ("square footage", [("square_footage", "float")]),
        ("when it was collected", [("collected_at", "datetime")]),
        ("when it started", [("started_at", "datetime")]),
    ],
)
def test_a_field_said_aloud(said: str, attributes: list[tuple[str, str]]) -> None:
    got = reading(f"create Wreck with name, {said}")
    assert [(name, kind) for name, kind, _ in got["attributes"][1:]] == attributes


@pytest.mark.parametrize(
    ("request_text", "existing", "expected"),
    [
        ("Given a Kennel exists\nWhen I open it\nThen I can set a run length and a heated flag", ["Kennel"],
         ("add_attributes", "Kennel", ["run_length", "heated"])),
        ("Bug: the 'amt' field on Refund should be called 'amount'", ["Refund"], ("rename_attribute", "Refund", [])),
        ("Chore: remove unused field old_code from Kennel", ["Kennel"], ("remove_attributes", "Kennel", [])),
        ("Kennel: add size (small, large etc.) and a heated flag", ["Kennel"], ("add_attributes", "Kennel", ["size", "heated"])),
    ],
)  # fmt: skip
def test_more_backlog_shapes(request_text: str, existing: list[str], expected: tuple[str, str, list[str]]) -> None:
    got = reading(request_text, existing)
    assert (got["intent"], got["entity"], [a[0] for a in got["attributes"]]) == expected


@pytest.mark.parametrize(
    ("request_text", "entity", "names"),
    [
        ("create a lesson for the swim school name then level then pool then start time", "Lesson",
         ["name", "level", "pool", "start_time"]),
        ("make a van record name plus mileage plus the last service date", "Van", ["name", "mileage", "last_service_date"]),
        ("delivery. address. driver. arrival time", "Delivery", ["address", "driver", "arrival_time"]),
        ("members for the rowing club first name last name and boat type", "Member", ["first_name", "last_name", "boat_type"]),
        ("um tenant for the flats name phone and move in date", "Tenant", ["name", "phone", "move_in_date"]),
    ],
)  # fmt: skip
def test_a_list_said_aloud_with_no_mark_before_it(request_text: str, entity: str, names: list[str]) -> None:
    got = reading(request_text)
    assert (got["intent"], got["entity"], [a[0] for a in got["attributes"]]) == ("create", entity, names)


@pytest.mark.parametrize(
    "request_text",
    [
        "classes for the dance school title date and max dancers",
        "coach entity name hourly rate years of experience and is available",
    ],
)
def test_a_list_whose_names_would_be_guessed_is_refused(request_text: str) -> None:
    """ "title date" may be one name or two, and "years of experience" may end anywhere in a run: refused, not
    guessed."""
    with pytest.raises(ValueError):
        reading(request_text)


def test_office_tool_column_types() -> None:
    """SharePoint and Access type names ("Single line of text", "Currency", "Date/Time", "Lookup to …")."""
    got = reading(
        "Inspection list columns: Site - Single line of text; Visited On - Date/Time; Cost - Currency; "
        "Passed - Yes/No; Inspector - Person or Group; Record ID - AutoNumber; Region - Lookup to Area",
        ["Area"],
    )
    assert got["attributes"] == [
        ("site", "str", True),
        ("visited_on", "date", True),
        ("cost", "float", True),
        ("passed", "bool", True),
        ("inspector", "str", True),
    ]
    assert got["relationships"] == [("Area", "many_to_one")]


def test_an_office_type_word_inside_a_name_is_left_alone() -> None:
    got = reading("Rooms: number of rooms, how many beds, price for night")
    assert [a[0] for a in got["attributes"]] == ["number_of_rooms", "beds", "price_per_night"]
