"""Round 25: requests relayed from someone else (``relayed``), things wanted stored (``keepers``), and more pasted
definitions: a GraphQL type, an OpenAPI schema in YAML, tables aligned with tabs or spaces or typed by examples, and
the entity named by the words around a block (``pasted_names``). Our own snippets and sentences."""

from __future__ import annotations

import pytest
from tests.support.recognition_reading import reading

BUOY = [
    ("station_code", "str", True),
    ("deployed_on", "date", True),
    ("depth_m", "float", True),
    ("solar", "bool", True),
    ("last_ping", "datetime", False),
]


@pytest.mark.parametrize(
    "snippet",
    [
        "type Buoy {\n  id: ID!\n  stationCode: String!\n  deployedOn: Date!\n  depthM: Float!\n  solar: Boolean!\n"
        "  lastPing: DateTime\n}\nthe marine team wants this",
        "Buoy:\n  type: object\n  required: [station_code, deployed_on, depth_m, solar]\n  properties:\n    station_code:\n"
        "      type: string\n    deployed_on:\n      type: string\n      format: date\n    depth_m:\n      type: number\n"
        "    solar:\n      type: boolean\n    last_ping:\n      type: string\n      format: date-time\n      nullable: true",
        "from our api docs, the Buoy schema:\n  properties:\n    station_code: {type: string}\n    deployed_on: {type: string, "
        "format: date}\n    depth_m: {type: number}\n    solar: {type: boolean}\n    last_ping: {type: string, format: date-time}\n"
        "  required:\n    - station_code\n    - deployed_on\n    - depth_m\n    - solar",
        "Field\tType\tNotes\nstation_code\ttext\ndeployed_on\tdate\ndepth_m\tdecimal\nsolar\tyes/no\nlast_ping\ttimestamp\tcan be empty"
        "\n\nthat's a Buoy",
        "the harbour office keeps buoys like this:\nField          Type\nstation_code   text\ndeployed_on    date\n"
        "depth_m        decimal\nsolar          boolean\nlast_ping      timestamp, optional",
        "Buoy entity. columns and an example:\n| Column | Example |\n|---|---|\n| station_code | NB-07 |\n"
        "| deployed_on | 2023-09-14 |\n| depth_m | 12.5 |\n| solar | yes |\n| last_ping | |",
    ],
)
def test_a_schema_or_a_table_in_more_shapes(snippet: str) -> None:
    got = reading(snippet)
    assert (got["intent"], got["entity"], got["attributes"][:4]) == ("create", "Buoy", BUOY[:4])
    assert got["attributes"][4][0] == "last_ping" and got["attributes"][4][2] is False


@pytest.mark.parametrize(
    ("snippet", "entity"),
    [
        ('the depot logs every delivery, one looks like this:\n{"driver": "Ola", "left_at": "2024-01-02T08:00:00", '
         '"parcels": 14}', "Delivery"),
        ('they call these crew shifts:\n{"driver": "Ola", "left_at": "2024-01-02T08:00:00", "parcels": 14}', "CrewShift"),
        ('a sample of their \'runs\' export:\n[{"driver": "Ola", "left_at": "2024-01-02T08:00:00", "parcels": 14}]\n'
         "make an entity for these", "Run"),
        ('Dispatch entity. header and one row:\ndriver,left_at,parcels\nOla,2024-01-02T08:00:00,14', "Dispatch"),
    ],
)  # fmt: skip
def test_the_words_around_a_block_name_its_entity(snippet: str, entity: str) -> None:
    got = reading(snippet)
    assert (got["entity"], got["attributes"]) == (
        entity,
        [("driver", "str", True), ("left_at", "datetime", True), ("parcels", "int", True)],
    )


def test_a_block_that_names_only_its_sender_is_left_to_the_rules() -> None:
    """ "the client sent this" names who sent the record, not what it is."""
    with pytest.raises(ValueError):
        reading('the client sent this:\n{"driver": "Ola", "parcels": 14}')


@pytest.mark.parametrize(
    "request_text",
    [
        "Our client (a bakery) forwarded this: 'we need to track orders - customer name, pickup time, total, paid'. Doable?",
        'Email from the bakery, verbatim: "We want to track orders. Customer name, pickup time, total, and paid."',
        "Forwarded email:\n> Hello, we'd like a way to track orders. Customer name, pickup time, total and paid.\n> Cheers, Mo",
        "my client wants orders stored with customer name, pickup time, total, paid",
    ],
)
def test_a_relayed_request_is_read_as_the_request(request_text: str) -> None:
    got = reading(request_text)
    assert (got["entity"], got["attributes"]) == (
        "Order",
        [("customer_name", "str", True), ("pickup_time", "datetime", True), ("total", "float", True), ("paid", "bool", True)],
    )


@pytest.mark.parametrize(
    ("request_text", "existing", "expected"),
    [
        ("the client says each Kennel has many Dogs", ["Kennel", "Dog"], ("relationship", "Dog")),
        ("my boss wants a 'remarks' field on Kennel", ["Kennel"], ("add_attributes", "Kennel")),
        ("Client wants to add a capacity to Kennel", ["Kennel"], ("add_attributes", "Kennel")),
        ("PM asked: could 'size' on Kennel be renamed to 'floor_area'?", ["Kennel"], ("rename_attribute", "Kennel")),
        ("customer needs a phone number", ["Customer"], ("add_attributes", "Customer")),
        ("Coaches need a licence number", ["Coach"], ("add_attributes", "Coach")),
        ("Clients need a billing email", ["Client"], ("add_attributes", "Client")),
        ("the head coach wants each Squad to have many Athletes", ["Squad", "Athlete"], ("relationship", "Athlete")),
        (
            "our auditors pointed out an invoice can cover many orders and orders can be split over many invoices",
            ["Invoice", "Order"],
            ("relationship", "Invoice"),
        ),
        ("create a Client with name, email and company", [], ("create", "Client")),
    ],
)
def test_who_asked_is_never_the_entity(request_text: str, existing: list[str], expected: tuple[str, str]) -> None:
    got = reading(request_text, existing)
    assert (got["intent"], got["entity"]) == expected


@pytest.mark.parametrize(
    ("request_text", "entity"),
    [
        ("record each loan of a painting: borrower, start date, end date", "Loan"),
        ("log every service of the boiler (serviced on, engineer, cost)", "Service"),
        ("each member of the choir: name, voice part, joined on", "Member"),
    ],
)
def test_each_thing_of_another_is_the_thing(request_text: str, entity: str) -> None:
    assert reading(request_text)["entity"] == entity
