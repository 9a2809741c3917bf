"""Round 27: a class pasted from another stack (Go, C#, Java, Kotlin, Zod) and a schema from a diagram or a data
tool (DBML, a Mermaid erDiagram, pandas dtypes and info), read by their declarations. Our own snippets."""

from __future__ import annotations

import pytest
from tests.support.recognition_reading import reading

HIVE = [("apiary", "str", True), ("frames", "int", True), ("weight_kg", "float", True), ("queen_seen", "bool", True)]

SNIPPETS = [
    'port this over:\ntype Hive struct {\n    ID        int     `json:"id"`\n    Apiary    string  `json:"apiary"`\n'
    '    Frames    int     `json:"frames"`\n    WeightKg  float64 `json:"weight_kg"`\n    QueenSeen bool    `json:"queen_seen"`\n}',
    "public class Hive\n{\n    public int Id { get; set; }\n    public string Apiary { get; set; }\n    public int Frames { get; set; }\n"
    "    public decimal WeightKg { get; set; }\n    public bool QueenSeen { get; set; }\n}\nmake an entity from it",
    "public class Hive {\n  private Long id;\n  private String apiary;\n  private Integer frames;\n  private BigDecimal weightKg;\n"
    "  private Boolean queenSeen;\n}\ncreate this",
    "data class Hive(val id: Long, val apiary: String, val frames: Int, val weightKg: Double, val queenSeen: Boolean)\ncreate it",
    "const HiveSchema = z.object({\n  apiary: z.string(),\n  frames: z.number().int(),\n  weightKg: z.number(),\n"
    "  queenSeen: z.boolean(),\n})\nscaffold this",
    "Table hives {\n  id integer [pk]\n  apiary varchar\n  frames int\n  weight_kg decimal\n  queen_seen boolean\n}\ncreate it",
    "erDiagram\n    HIVE {\n        int id PK\n        string apiary\n        int frames\n        float weight_kg\n        boolean queen_seen\n    }\n"
    "create the Hive entity",
    "our hives dataframe, make a Hive entity:\napiary          object\nframes           int64\nweight_kg      float64\n"
    "queen_seen        bool\ndtype: object",
]


@pytest.mark.parametrize("snippet", SNIPPETS)
def test_a_class_or_schema_from_another_tool(snippet: str) -> None:
    got = reading(snippet)
    assert (got["intent"], got["entity"], got["attributes"]) == ("create", "Hive", HIVE)


@pytest.mark.parametrize(
    ("snippet", "optional"),
    [
        ("type Hive struct {\n    Apiary string\n    Inspected *time.Time\n}\ncreate this", "inspected"),
        ("public class Hive {\n    public string Apiary { get; set; }\n    public DateTime? Inspected { get; set; }\n}\ncreate it",
         "inspected"),
        ("data class Hive(val apiary: String, val inspected: LocalDateTime?)\ncreate it", "inspected"),
        ("const Hive = z.object({\n  apiary: z.string(),\n  inspected: z.coerce.date().nullable(),\n})\ncreate it", "inspected"),
        ("Table hives {\n  apiary varchar [not null]\n  inspected timestamp\n}\ncreate it", "inspected"),
    ],
)  # fmt: skip
def test_a_nullable_declaration_is_optional(snippet: str, optional: str) -> None:
    attributes = {name: required for name, _, required in reading(snippet)["attributes"]}
    assert attributes == {"apiary": True, optional: False}


def test_a_dbml_reference_and_a_dataframe_info_count() -> None:
    got = reading("Table frames {\n  hive_id int [ref: > hives.id]\n  position int\n}\ncreate this")
    assert (got["entity"], got["relationships"]) == ("Frame", [("Hive", "many_to_one")])
    info = (
        "df.info() of the inspections, make an Inspection entity\n"
        " #   Column      Non-Null Count  Dtype\n---  ------      --------------  -----\n"
        " 0   hive        80 non-null     object\n 1   varroa      61 non-null     float64\n"
        " 2   done_at     80 non-null     datetime64[ns]"
    )
    assert reading(info)["attributes"] == [("hive", "str", True), ("varroa", "float", False), ("done_at", "datetime", True)]
