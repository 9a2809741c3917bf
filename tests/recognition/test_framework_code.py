"""Round 19, in our own words: schema code pasted as a request (Rails generators and migration names,
Django fields, Prisma models, SQL renames and foreign keys, crow's-foot diagram lines, TypeScript
types) read as the change it declares; and a field an earlier clause names is what "remove it" removes,
never the entity that has it."""

from __future__ import annotations

import pytest
from tests.support.recognition_reading import reading

from baes.recognition.model import recognition_to_json
from baes.recognition.recognize import recognize

APP = ["Kiln", "Glaze", "Firing", "Studio"]


def _relations(request: str, existing: list[str]) -> tuple[str, str, list[tuple[str, str, bool]]]:
    recognition = recognize(request, existing_entities=tuple(existing))
    spec = recognition_to_json(recognition)
    return recognition.intent, spec["entity"], [(r["target"], r["kind"], r["required"]) for r in spec["relationships"]]


@pytest.mark.parametrize(
    "request_text, entity, attributes, targets",
    [
        (
            "rails g model Potter name:string email:string kilns_owned:integer studio:references",
            "Potter",
            [("name", "str", True), ("email", "email", True), ("kilns_owned", "int", True)],
            [("Studio", "many_to_one")],
        ),
        (
            "class Bisque(models.Model):\n    label = models.CharField(max_length=40)\n    fired_on = models.DateField(null=True)\n"
            "    glazed = models.BooleanField(default=False)\n    kiln = models.ForeignKey('Kiln', on_delete=models.CASCADE)",
            "Bisque",
            [("label", "str", True), ("fired_on", "date", False), ("glazed", "bool", True)],
            [("Kiln", "many_to_one")],
        ),
        (
            "model Cone {\n  id Int @id @default(autoincrement())\n  meltedAt DateTime\n  slumped Boolean @default(false)\n"
            "  kiln Kiln @relation(fields: [kilnId], references: [id])\n  kilnId Int\n}",
            "Cone",
            [("melted_at", "datetime", True), ("slumped", "bool", True)],
            [("Kiln", "many_to_one")],
        ),
        (
            "interface Batch { mixedOn: Date; pouredAt: Date; restMinutes: number; gramsUsed: number; memo?: string }",
            "Batch",
            [
                ("mixed_on", "date", True),
                ("poured_at", "datetime", True),
                ("rest_minutes", "int", True),
                ("grams_used", "float", True),
                ("memo", "str", False),
            ],
            [],
        ),
    ],
)
def test_a_new_entity_declared_in_framework_code(
    request_text: str, entity: str, attributes: list[tuple[str, str, bool]], targets: list[tuple[str, str]]
) -> None:
    got = reading(request_text, ["Kiln", "Studio"])
    assert (got["intent"], got["entity"], got["attributes"], got["relationships"]) == ("create", entity, attributes, targets)


@pytest.mark.parametrize(
    "request_text, expected",
    [
        (
            "rails generate migration AddGlossToGlaze gloss:boolean",
            ("add_attributes", "Glaze", {"attributes": [("gloss", "bool", True)]}),
        ),
        (
            "bin/rails g migration RemoveCrazingFromGlazes crazing:string",
            ("remove_attributes", "Glaze", {"removed": ["crazing"]}),
        ),
        (
            "Django: add `fired_on = models.DateField(null=True)` to Kiln",
            ("add_attributes", "Kiln", {"attributes": [("fired_on", "date", False)]}),
        ),
        ("ALTER TABLE glazes RENAME TO finishes;", ("rename_entity", "Glaze", {"renamed_to": "Finish"})),
        ("ALTER TABLE kilns RENAME COLUMN temp TO max_temp;", ("rename_attribute", "Kiln", {"renamed_to": "max_temp"})),
        ("drop Glaze.crazing and Glaze.opacity please", ("remove_attributes", "Glaze", {"removed": ["crazing", "opacity"]})),
    ],
)
def test_a_change_written_as_framework_code(request_text: str, expected: tuple[str, str, dict[str, object]]) -> None:
    got = reading(request_text, APP)
    intent, entity, parts = expected
    assert (got["intent"], got["entity"]) == (intent, entity) and {key: got.get(key) for key in parts} == parts


@pytest.mark.parametrize(
    "request_text, expected",
    [
        ("ER: Firing }o--|| Kiln", ("Firing", [("Kiln", "many_to_one", True)])),
        ("Kiln ||--o{ Firing : hosts", ("Firing", [("Kiln", "many_to_one", True)])),
        ("Studio |o--o{ Kiln", ("Kiln", [("Studio", "many_to_one", False)])),
        ("erDiagram\n    Glaze }o--o{ Kiln : fired_in", ("Glaze", [("Kiln", "many_to_many", True)])),
        (
            "ALTER TABLE firings ADD CONSTRAINT fk_kiln FOREIGN KEY (kiln_id) REFERENCES kilns (id);",
            ("Firing", [("Kiln", "many_to_one", True)]),
        ),
        (
            "Django: add `studio = ForeignKey(Studio, null=True, on_delete=SET_NULL)` to Kiln",
            ("Kiln", [("Studio", "many_to_one", False)]),
        ),
        ("add glazes = models.ManyToManyField(Glaze) to Kiln", ("Kiln", [("Glaze", "many_to_many", True)])),
        ("Prisma: model Kiln { firings Firing[] }", ("Firing", [("Kiln", "many_to_one", True)])),
        ("Prisma:\nmodel Kiln { glazes Glaze[] }\nmodel Glaze { kilns Kiln[] }", ("Kiln", [("Glaze", "many_to_many", True)])),
    ],
)
def test_a_relationship_written_as_framework_code(request_text: str, expected: tuple[str, list[tuple[str, str, bool]]]) -> None:
    assert _relations(request_text, APP) == ("relationship", *expected)


@pytest.mark.parametrize(
    "request_text, removed",
    [
        ("Cone number shouldn't be on Kiln any more, please remove it.", ["cone_number"]),
        ("Kiln still has door_type, we decided on Friday to drop it.", ["door_type"]),
        ("Kiln has a shelf count we never fill in, delete it", ["shelf_count"]),
    ],
)
def test_remove_it_after_a_field_an_entity_has(request_text: str, removed: list[str]) -> None:
    got = reading(request_text, APP)
    assert (got["intent"], got["entity"], got.get("removed")) == ("remove_attributes", "Kiln", removed)


def test_an_entity_that_has_nothing_is_still_the_one_deleted() -> None:
    got = reading("The Glaze table has no rows left, delete it", APP)
    assert (got["intent"], got["entity"]) == ("delete_entity", "Glaze")


@pytest.mark.parametrize(
    "request_text, entity, attributes",
    [
        (
            "new resource Firing. POST body: {kiln_tag: string, fired_at: date-time, passed: boolean, firer_email: string(email)}",
            "Firing",
            [("kiln_tag", "str", True), ("fired_at", "datetime", True), ("passed", "bool", True), ("firer_email", "email", True)],
        ),
        (
            "new entity KilnLoad = kiln ref + load date + piece count",
            "KilnLoad",
            [("kiln_ref", "str", True), ("load_date", "date", True), ("piece_count", "int", True)],
        ),
        (
            "Shelf :: bay_code :: shelf_level (int) :: max_load_kg",
            "Shelf",
            [("bay_code", "str", True), ("shelf_level", "int", True), ("max_load_kg", "float", True)],
        ),
        (
            "pydantic-ish, for the studio side:\nclass Lot: lot_number: str, mixed: date, grams: float, food_safe: bool",
            "Lot",
            [("lot_number", "str", True), ("mixed", "date", True), ("grams", "float", True), ("food_safe", "bool", True)],
        ),
        (
            "the studio needs Firings: kiln, date, peak cone",
            "Firing",
            [("kiln", "str", True), ("date", "date", True), ("peak_cone", "str", True)],
        ),
    ],
)
def test_a_list_opened_by_code_marks(request_text: str, entity: str, attributes: list[tuple[str, str, bool]]) -> None:
    got = reading(request_text)
    assert (got["intent"], got["entity"], got["attributes"]) == ("create", entity, attributes)


def test_fields_a_known_entity_needs_are_added_to_it() -> None:
    got = reading("Kiln needs two more columns: brand, vented", ["Kiln"])
    assert (got["intent"], got["entity"], [a[0] for a in got["attributes"]]) == ("add_attributes", "Kiln", ["brand", "vented"])


@pytest.mark.parametrize(
    "request_text, removed",
    [
        ("The Kiln entity has a 'vent' field nobody uses. Let's get rid of it before the firing season.", ["vent"]),
        ("GH #12: Kiln.door_type is redundant (we keep it in the maker's sheet now). Remove it.", ["door_type"]),
        ("Sorry, our insurer says max temp must not be kept on Kiln. Can you take it out?", ["max_temp"]),
    ],
)
def test_remove_it_in_the_next_sentence_removes_the_field(request_text: str, removed: list[str]) -> None:
    got = reading(request_text, APP)
    assert (got["intent"], got["entity"], got.get("removed")) == ("remove_attributes", "Kiln", removed)


def test_a_field_of_an_entity_that_cannot_be_read_is_never_the_entity_deleted() -> None:
    with pytest.raises(ValueError, match="which (?:field|attributes)"):
        reading("The new kilns don't have it. We don't track it on Kiln anymore, please take it out.", APP)


def test_all_of_its_things_are_the_many_side() -> None:
    got = reading("I want to open a kiln and see all its firings", APP)
    assert (got["intent"], got["entity"], got["relationships"]) == ("relationship", "Firing", [("Kiln", "many_to_one")])
