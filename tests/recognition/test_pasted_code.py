"""Round 23: a pasted definition read with a real parser (``baes.recognition.pasted_code``), in our own
snippets: a JSON sample record, Pydantic, a dataclass, SQLAlchemy, a TypeScript interface and type, a SQL
CREATE TABLE, each with a line asking for it."""

from __future__ import annotations

import pytest
from tests.support.recognition_reading import reading

KILN = [
    ("serial_code", "str", True),
    ("max_temperature", "float", True),
    ("electric", "bool", True),
    ("installed_on", "date", True),
    ("owner_email", "email", False),
]

SNIPPETS = [
    'make a Kiln entity out of this record: {"serial_code": "K-12", "max_temperature": 1280.5, "electric": true, '
    '"installed_on": "2021-03-04", "owner_email": null}',
    "class Kiln(BaseModel):\n    serial_code: str\n    max_temperature: float\n    electric: bool\n    installed_on: date\n"
    "    owner_email: Optional[EmailStr] = None\n\nmake an entity for this",
    "@dataclass\nclass Kiln:\n    serial_code: str\n    max_temperature: float\n    electric: bool\n    installed_on: date\n"
    "    owner_email: str | None = None\ncreate it please",
    "port this over:\nclass Kiln(Base):\n    __tablename__ = 'kilns'\n    id: Mapped[int] = mapped_column(primary_key=True)\n"
    "    serial_code: Mapped[str]\n    max_temperature: Mapped[float]\n    electric: Mapped[bool]\n    installed_on: Mapped[date]\n"
    "    owner_email: Mapped[Optional[str]]",
    "interface Kiln {\n  serialCode: string;\n  maxTemperature: number;\n  electric: boolean;\n  installedOn: Date;\n"
    "  ownerEmail?: string;\n}\ngenerate the crud for this",
    "type Kiln = { serialCode: string; maxTemperature: number; electric: boolean; installedOn: Date; ownerEmail: string | null }"
    " -- build this",
    "CREATE TABLE kilns (\n  id INTEGER PRIMARY KEY,\n  serial_code TEXT NOT NULL,\n  max_temperature REAL NOT NULL,\n"
    "  electric BOOLEAN NOT NULL,\n  installed_on DATE NOT NULL,\n  owner_email TEXT\n);\ncan you build this one?",
]


@pytest.mark.parametrize("snippet", SNIPPETS)
def test_a_pasted_definition_is_created_as_declared(snippet: str) -> None:
    got = reading(snippet)
    assert (got["intent"], got["entity"], got["attributes"]) == ("create", "Kiln", KILN)


def test_a_column_that_references_a_table_is_a_reference() -> None:
    got = reading("CREATE TABLE firings (fired_at TIMESTAMP NOT NULL, kiln_id INT NOT NULL REFERENCES kilns(id)); create this")
    assert (got["entity"], got["attributes"], got["relationships"]) == (
        "Firing",
        [("fired_at", "datetime", True)],
        [("Kiln", "many_to_one")],
    )


def test_words_in_parentheses_are_no_column_definitions() -> None:
    """ "create table Batteries (serial, capacity in mAh, …)" is a list in words, read by the rules."""
    got = reading("create table Batteries (serial, capacity in mAh, installed on)")
    assert got["entity"] == "Battery" and [a[0] for a in got["attributes"]] == ["serial", "capacity", "installed_on"]


def test_a_record_with_no_entity_named_is_left_to_the_rules() -> None:
    with pytest.raises(ValueError):
        reading('{"serial_code": "K-12", "electric": true}')


@pytest.mark.parametrize(
    "snippet",
    [
        "scaffold this please:\nentity: Kiln\nfields:\n  - serial_code\n  - max_temperature",
        "please create:\nKiln:\n  serial_code: string\n  max_temperature: float",
    ],
)
def test_a_yaml_like_block(snippet: str) -> None:
    got = reading(snippet)
    assert (got["entity"], got["attributes"]) == ("Kiln", KILN[:2])


@pytest.mark.parametrize(
    "snippet",
    [
        "| column | type | nullable |\n|---|---|---|\n| serial_code | varchar | no |\n| max_temperature | decimal | no |\n"
        "| electric | boolean | no |\n| installed_on | date | no |\n| owner_email | text | yes |\ncreate a Kiln from that",
        '{"title": "Kiln", "type": "object", "properties": {"serial_code": {"type": "string"}, "max_temperature": '
        '{"type": "number"}, "electric": {"type": "boolean"}, "installed_on": {"type": "string", "format": "date"}, '
        '"owner_email": {"type": "string", "format": "email"}}, "required": ["serial_code", "max_temperature", "electric", '
        '"installed_on"]} create it please',
        "create a Kiln entity from this csv:\nserial_code,max_temperature,electric,installed_on,owner_email\n"
        "K-12,1280.5,true,2021-03-04,",
        '[{"serial_code": "K-12", "max_temperature": 1280.5, "electric": true, "installed_on": "2021-03-04", '
        '"owner_email": null}] make a Kiln entity from these',
    ],
)
def test_a_table_a_schema_a_csv_sample_or_a_list_of_records(snippet: str) -> None:
    got = reading(snippet)
    assert (got["entity"], got["attributes"]) == ("Kiln", KILN)
