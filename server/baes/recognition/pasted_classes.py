"""A pasted class from another stack, read by its declarations: a Go struct, a C# class or record, a Java class, a
Kotlin data class, or a Zod object schema.

Developers moving a model from another codebase paste it as it is. Read as words, its keywords and types became
fields ("public_date_time", "val_name", "z"). Each reader takes the declared name and type of every field; the
language's type names are said as the SQL type words ``pasted_values.declared`` reads (``LANGUAGE_TYPES``), so a
field named as a day stays a date. A nullable type ("*time.Time", "DateTime?", "Double?", ".optional()") is an
optional field. Used by ``baes.recognition.pasted_code``.
"""

from __future__ import annotations

import re

from baes.recognition.pasted_values import declared, item

#: Each language's type names, as the SQL type words ``pasted_values.declared`` reads.
LANGUAGE_TYPES = {
    **dict.fromkeys(("string", "str", "char", "rune", "uuid", "guid"), "varchar"),
    **dict.fromkeys(("int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64"), "integer"),
    **dict.fromkeys(("integer", "long", "short", "byte", "biginteger"), "integer"),
    **dict.fromkeys(("float", "float32", "float64", "double", "decimal", "bigdecimal", "number"), "decimal"),
    **dict.fromkeys(("bool", "boolean"), "boolean"),
    **dict.fromkeys(("localdate", "dateonly"), "date"),
    **dict.fromkeys(
        ("time.time", "datetime", "datetimeoffset", "localdatetime", "instant", "offsetdatetime", "date"), "timestamp"
    ),
}
#: "type Vessel struct {" … "}".
_GO_STRUCT = re.compile(r"\btype\s+([A-Z]\w*)\s+struct\s*\{([^{}]*)\}", re.S)
_GO_FIELD = re.compile(r"^\s*([A-Z]\w*)\s+(\*)?([\w.]+)\b")
#: "public class Vessel {" / "public record Vessel(…)" / "data class Vessel(val …)".
_CLASS = re.compile(r"\b(?:public\s+|private\s+|internal\s+)?(?:data\s+|sealed\s+)?(?:class|record)\s+([A-Z]\w*)\s*(\(|\{)")
#: C# "public decimal Tonnage { get; set; }", Java "private BigDecimal tonnage;".
_PROPERTY = re.compile(r"^\s*(?:public|private|protected|internal)\s+(?:final\s+)?([\w.]+)(\?)?\s+(\w+)\s*(?:\{|;|=)", re.M)
#: Kotlin "val tonnage: Double?" (in the parentheses or the body).
_KOTLIN = re.compile(r"\b(?:val|var)\s+(\w+)\s*:\s*([\w.]+)(\?)?")
#: "const Vessel = z.object({ … })".
_ZOD = re.compile(r"\b(?:const|let|var|export\s+const)\s+(\w+?)(?:Schema)?\s*=\s*z\.object\(\s*\{(.*)\}\s*\)", re.S)
_ZOD_FIELD = re.compile(r"^\s*(\w+)\s*:\s*z((?:\.\w+(?:\([^()]*\))?)+)", re.M)
_ZOD_TYPES = {"string": "varchar", "number": "decimal", "boolean": "boolean", "date": "date", "bigint": "integer"}


def go_struct(text: str) -> tuple[str, list[str]] | None:
    """ "type Vessel struct { Name string `json:"name"` … }": a pointer type may be nil."""
    struct = _GO_STRUCT.search(text)
    if struct is None:
        return None
    fields = [f for f in (_GO_FIELD.match(line) for line in struct.group(2).splitlines()) if f and f.group(1) != "ID"]
    return struct.group(1), [_field(f.group(1), f.group(3), bool(f.group(2))) for f in fields]


def class_properties(text: str) -> tuple[str, list[str]] | None:
    """A C# or Java class's properties, or a Kotlin data class's values."""
    declaration = _CLASS.search(text)
    if declaration is None:
        return None
    body = text[declaration.end() - 1 :]
    kotlin = _KOTLIN.findall(body)
    if kotlin:
        fields = [_field(name, kind, bool(nullable)) for name, kind, nullable in kotlin if name.lower() != "id"]
    else:
        properties = _PROPERTY.findall(body)
        fields = [_field(name, kind, bool(nullable)) for kind, nullable, name in properties if name.lower() != "id"]
    return (declaration.group(1), fields) if fields else None


def zod_object(text: str) -> tuple[str, list[str]] | None:
    """ "z.object({ name: z.string(), crew: z.number().int(), built: z.coerce.date().optional() })"."""
    schema = _ZOD.search(text)
    if schema is None:
        return None
    items = []
    for name, calls in _ZOD_FIELD.findall(schema.group(2)):
        if name.lower() == "id":
            continue
        methods = re.findall(r"\.(\w+)", calls)
        kind = next((_ZOD_TYPES[m] for m in methods if m in _ZOD_TYPES), None)
        kind = "integer" if "int" in methods else "timestamp" if "datetime" in methods else kind
        optional = any(m in {"optional", "nullable", "nullish"} for m in methods)
        typed = "email" if "email" in methods else declared(kind, name)
        items.append(item(name, typed, optional))
    name = schema.group(1)
    return (name[:1].upper() + name[1:], items) if items else None


def _field(name: str, kind: str, nullable: bool) -> str:
    """One declared field, its language type said as a SQL type word; a nullable type is optional."""
    word = LANGUAGE_TYPES.get(kind.lower().removeprefix("system."))
    return item(name, declared(word, name), nullable)
