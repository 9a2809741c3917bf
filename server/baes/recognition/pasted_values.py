"""One pasted field as the rules read it ("volume_ml (float) optional"), and the type a declared type word or an
example value gives it: the pieces every reader of ``pasted_code`` and ``pasted_tables`` shares.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from baes.recognition import vocabulary as vocab
from baes.recognition.plurals import singularize
from baes.recognition.sql_words import declared_type
from baes.scaffold.spec import pascal_case, snake_case

#: A value's type: ISO dates and times, e-mail addresses, numbers and flags in a sample record.
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.\w+$")
#: JSON Schema's and OpenAPI's types and formats, as the type words the rules read.
SCHEMA_TYPES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
SCHEMA_FORMATS = {"date": "date", "date-time": "datetime", "email": "email"}


def item(name: str, kind: str | None, optional: bool) -> str:
    """One field as the rules read it: "volume_ml (float) optional"."""
    typed = f" ({kind})" if kind else ""
    return f"{snake_case(name)}{typed}{' optional' if optional else ''}"


def declared(word: str | None, name: str) -> str | None:
    """The type a declared type word gives field ``name``: a TypeScript ``number`` or ``Date`` as the name says
    (``sql_words.declared_type``), and a text field named as an e-mail, a day or a moment is one ("caseworkerEmail:
    string", "takenAt: string": JSON carries those as text)."""
    if word is None:
        return None
    kind = "email" if word.lower() == "emailstr" else declared_type(word, name)
    named = vocab.infer_type(snake_case(name).lower())
    return named if kind == "str" and named in {"email", "date", "datetime"} else kind


def column_item(name: str, type_word: str, said: str, marked: bool, target: str | None) -> str:
    """One column of a table definition (SQL ``CREATE TABLE``, DBML): optional when it lacks NOT NULL while others
    have it (``marked``) or says "null"/"nullable"; a reference when it names the table it refers to."""
    optional = (marked and "not null" not in said) or bool(re.search(r"(?<!not )\bnull(?:able)?\b", said))
    if target:
        return f"{'optional ' if optional else ''}reference to {pascal_case(singularize(target))}"
    return item(name, declared(type_word, name), optional)


def schema_items(properties: dict[str, object], required: object) -> list[str]:
    """JSON Schema or OpenAPI ``properties``: a property not in ``required`` (when the schema lists it) or marked
    ``nullable`` is optional."""
    items = []
    for name, spec in properties.items():
        if name.lower() == "id" or not isinstance(spec, dict):
            continue
        kind = SCHEMA_FORMATS.get(str(spec.get("format"))) or SCHEMA_TYPES.get(str(spec.get("type")))
        optional = (isinstance(required, list) and name not in required) or str(spec.get("nullable")).lower() == "true"
        items.append(item(name, kind, optional))
    return items


def scalar(value: str) -> object:
    """An example value as JSON would read it: 34 → int, 12.5 → float, true → bool, anything else text."""
    lowered = value.lower()
    if lowered in {"true", "false", "yes", "no"}:
        return lowered in {"true", "yes"}
    try:
        return json.loads(value)
    except ValueError:
        return value


def value_type(value: object) -> str | None:
    """The type an example value shows; None (the name decides) for an empty one."""
    if value is None:
        return None
    kinds: list[tuple[Callable[[object], bool], str]] = [
        (lambda v: isinstance(v, bool), "bool"),
        (lambda v: isinstance(v, int), "int"),
        (lambda v: isinstance(v, float), "float"),
        (lambda v: isinstance(v, str) and bool(_ISO_DATETIME.match(v)), "datetime"),
        (lambda v: isinstance(v, str) and bool(_ISO_DATE.match(v)), "date"),
        (lambda v: isinstance(v, str) and bool(_EMAIL.match(v)), "email"),
        (lambda v: isinstance(v, str), "str"),
    ]
    return next((kind for test, kind in kinds if test(value)), None)
