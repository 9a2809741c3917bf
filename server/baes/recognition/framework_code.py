"""Schema code of a framework pasted as a request, rewritten as the request it declares.

Developers paste what their tools print or take: a Rails generator line ("rails g model Volunteer
name:string"), a Rails migration name ("rails g migration AddRatingToSupplier rating:float"), Django
field assignments ("vin = models.CharField(max_length=17)", "slot = ForeignKey(Slot, null=True)"),
Prisma model fields ("refundIssued Boolean @default(false)", "tickets Ticket[]"). Read word by word
the generator became the entity ("RailsG") and a foreign key a text column. Each is written here as
the words the same person would type: "create Volunteer with name, email, hours_logged (integer)",
"add rating (float) to Supplier", "slot (optional reference to Slot)", "each Ticket belongs to an
Event". Part of ``text_layout.plain_layout`` (before the other shorthands), so it shapes the cache key.
"""

from __future__ import annotations

import re

from baes.recognition.code_shorthand import FIELD_CLASSES, in_words

#: Rails column types by the type word the recognizer reads (text says nothing: "email:string" is an email).
_RAILS_TYPES = {
    "string": "",
    "text": "",
    "integer": "integer",
    "bigint": "integer",
    "float": "float",
    "decimal": "decimal",
    "boolean": "boolean",
    "date": "date",
    "datetime": "datetime",
    "timestamp": "datetime",
    "time": "datetime",
}
_RAILS_FIELD = r"[a-z_]\w*:[a-z_]+(?::[a-z_]+)?"
#: "rails g model Volunteer name:string age:integer", "bin/rails generate model …".
_RAILS_MODEL = re.compile(
    rf"\b(?:bin/)?rails\s+(?:g|generate)\s+(?:model|scaffold|resource)\s+((?-i:[A-Z])\w*)((?:\s+{_RAILS_FIELD})*)", re.I
)
#: "rails g migration AddRatingToSupplier rating:float", "RemoveAutoRenewFromMemberships".
_RAILS_MIGRATION = re.compile(
    rf"\b(?:(?:bin/)?rails\s+(?:g|generate)\s+migration\s+)?(Add|Remove)([A-Z]\w*?)(To|From)([A-Z]\w*)((?:\s+{_RAILS_FIELD})*)"
)

#: Django field classes by the type word the recognizer reads (``code_shorthand``'s table; text says nothing:
#: "email = CharField()" is still an email).
_DJANGO_TYPES = {name: ("" if kind == "string" else kind) for name, kind in FIELD_CLASSES.items() if name.endswith("field")}
_REFERENCES = frozenset({"foreignkey", "onetoonefield"})
#: "vin = models.CharField(max_length=17)", "slot = ForeignKey(Slot, null=True, on_delete=SET_NULL)".
_DJANGO_FIELD = re.compile(
    r"\b([a-z_]\w*)\s*=\s*(?:models\.|db\.)?([A-Za-z]+)\(((?:[^()\n]|\([^()\n]*\))*)\)",
)
#: "add `slot = ForeignKey(Slot, null=True)` to Pallet": a relation field added to an entity.
_ADDED_RELATION = re.compile(
    r"\badd\s+(?:an?\s+|the\s+)?" + _DJANGO_FIELD.pattern + r"\s+(?:to|on)\s+(?:the\s+)?(?:model\s+)?([A-Z]\w*)"
)
_OPTIONAL_ARGUMENT = re.compile(r"\b(?:null|blank)\s*=\s*True\b")

#: Prisma scalar types by the type word the recognizer reads.
_PRISMA_TYPES = {
    "String": "",
    "Int": "integer",
    "BigInt": "integer",
    "Float": "float",
    "Decimal": "decimal",
    "Boolean": "boolean",
    "DateTime": "datetime",
    "Json": "",
}
#: "model Event { tickets Ticket[] }" (one line or several): a Prisma model block.
_PRISMA_MODEL = re.compile(r"\bmodel\s+([A-Z]\w*)\s*\{([^{}]*)\}")
#: One field of a block: "refundIssued Boolean @default(false)", "event Event? @relation(...)", "tickets Ticket[]".
_PRISMA_FIELD = re.compile(
    r"^\s*\+?\s*([a-z_]\w*)\s+([A-Z]\w*)(\[\]|\?)?((?:\s+@[\w.]+(?:\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\))?)*)\s*$"
)
_PRISMA_DEFAULT = re.compile(r"@default\(([^()]*)\)")
#: A framework's name labelling a line ("Prisma:", "Django:", "ER:"): where the code comes from, not an entity.
_FRAMEWORK_LABEL = re.compile(
    r"^[ \t]*(?:prisma|django|rails|sqlalchemy|sqlmodel|typeorm|sequelize|mongoose|pydantic|mermaid|er|erd|dbml)"
    r"(?:[ \t]+(?:schema|model|models|diagram|note))?[ \t]*:[ \t]*",
    re.I | re.M,
)


#: OpenAPI/JSON-schema string formats and the type they are ("string(email)", "date-time").
_FORMATS = ((re.compile(r"\bstring\s*\(\s*email\s*\)", re.I), "email"), (re.compile(r"(?<=:)\s*date-time\b", re.I), " datetime"))
#: "class Lot: lot_number: str, harvested: date" (a class and its fields on one line).
_INLINE_CLASS = re.compile(r"^(\s*)(?:@dataclass\s+)?class\s+([A-Z]\w*)(?:\([\w., ]*\))?\s*:\s+(?=[a-z_]\w*\s*:\s*\w)", re.M)
#: "new entity KilnLoad = kiln ref + load date", "Bin :: aisle :: shelf": an entity, then its fields after "=" or "::".
_EQUALS_LIST = re.compile(r"\b((?:entity|model|table|resource)\s+(?-i:[A-Z])\w*)\s*=\s*(?=[a-z])", re.I)
_DOUBLE_COLON = re.compile(r"\s*::\s*")


def plain_framework_code(text: str) -> str:
    """``text`` with Rails generators, Django fields and Prisma models written as words (see the module docstring)."""
    text = _FRAMEWORK_LABEL.sub("", text)
    for pattern, kind in _FORMATS:
        text = pattern.sub(kind, text)
    text = _INLINE_CLASS.sub(r"\1create \2: ", _EQUALS_LIST.sub(r"\1: ", text))
    if text.count("::") >= 2:  # "Bin :: aisle_code :: shelf_level": the first opens the list, the others separate
        head, rest = _DOUBLE_COLON.split(text, maxsplit=1)
        text = f"{head}: {_DOUBLE_COLON.sub(', ', rest)}"
    text = _RAILS_MODEL.sub(_rails_model, text)
    text = _RAILS_MIGRATION.sub(_rails_migration, text)
    text = _ADDED_RELATION.sub(_added_relation, text)
    text = _DJANGO_FIELD.sub(_django_field, text)
    lists = {(m.group(1), f.group(2)) for m in _PRISMA_MODEL.finditer(text) for f in _fields(m) if f.group(3) == "[]"}
    text = _PRISMA_MODEL.sub(lambda m: _prisma_model(m, lists), text)
    return "\n".join(_prisma_line(line) for line in text.split("\n"))


def _rails_items(fields: str) -> list[str]:
    items = []
    for field in fields.split():
        name, _, rest = field.partition(":")
        kind = rest.partition(":")[0].lower()
        if kind in {"references", "belongs_to"}:
            items.append(f"a reference to {_pascal(name)}")
        else:
            typed = _RAILS_TYPES.get(kind, "")
            items.append(f"{name} ({typed})" if typed else name)
    return items


def _rails_model(match: re.Match[str]) -> str:
    items = _rails_items(match.group(2))
    return f"create {match.group(1)}" + (f" with {', '.join(items)}" if items else "")


def _rails_migration(match: re.Match[str]) -> str:
    verb, what, preposition, owner, fields = match.groups()
    if (verb == "Add") != (preposition == "To"):
        return match.group(0)
    items = _rails_items(fields) if fields.strip() else [_snake(what)]
    if verb == "Remove":
        items = [item.partition(" (")[0] for item in items]
    listed = in_words(items)
    return f"{verb.lower()} {listed} {preposition.lower()} {owner}"


def _added_relation(match: re.Match[str]) -> str:
    """ "add `slot = ForeignKey(Slot, null=True)` to Pallet" → "each Pallet optionally belongs to a Slot"."""
    kind, arguments, owner = match.group(2).lower(), match.group(3), match.group(4)
    target = arguments.split(",")[0].strip().strip("'\"")
    if not re.fullmatch(r"[A-Z]\w*", target):
        return match.group(0)
    if kind in _REFERENCES:
        optionally = "optionally " if _OPTIONAL_ARGUMENT.search(arguments) else ""
        return f"each {owner} {optionally}belongs to a {target}"
    if kind == "manytomanyfield":
        return f"{owner} and {target} are many to many"
    return match.group(0)


def _django_field(match: re.Match[str]) -> str:
    name, kind, arguments = match.group(1), match.group(2).lower(), match.group(3)
    optional = bool(_OPTIONAL_ARGUMENT.search(arguments))
    if kind in _REFERENCES:
        target = arguments.split(",")[0].strip().strip("'\"")
        if not re.fullmatch(r"[A-Z]\w*", target):
            return match.group(0)
        return f"{name} ({'optional ' if optional else ''}reference to {target})"
    if kind not in _DJANGO_TYPES:
        return match.group(0)
    typed = _DJANGO_TYPES[kind]
    words = f"{typed} optional" if typed and optional else typed or ("optional" if optional else "")
    return f"{name} ({words})" if words else name


def _fields(block: re.Match[str]) -> list[re.Match[str]]:
    lines = re.split(r"\n|(?<=\S)\s{2,}(?=[a-z])", block.group(2).strip())
    return [m for line in lines if (m := _PRISMA_FIELD.match(line))]


def _prisma_model(match: re.Match[str], lists: set[tuple[str, str]]) -> str:
    """A model block: its relation lists as sentences (two models listing each other are many to many,
    said once), its other fields as a create list."""
    model = match.group(1)
    sentences: list[str] = []
    items: list[str] = []
    fields = _fields(match)
    references = {m.group(1).lower() + "id" for m in fields if m.group(2) not in _PRISMA_TYPES and m.group(3) != "[]"}
    for field in fields:
        name, kind, mark = field.group(1), field.group(2), field.group(3)
        if name == "id" or name.lower() in references:
            continue  # the key, and the column behind a relation field
        if kind in _PRISMA_TYPES:
            items.append(_prisma_item(field, defaults=False))  # a new model's rows have no earlier values
        elif mark == "[]" and (kind, model) in lists:
            if (model, kind) in lists:  # said once, where the first of the two is
                sentences.append(f"{model} and {kind} are many to many")
                lists.discard((kind, model))
        elif mark == "[]":
            sentences.append(f"each {kind} belongs to a {model}")
        else:
            items.append(f"{'an optional' if mark == '?' else 'a'} reference to {kind}")
    if not items:
        return " . ".join(sentences) if fields else match.group(0)
    return " . ".join([f"create {model} with {', '.join(items)}", *sentences])


def _prisma_line(line: str) -> str:
    """A field line of a diff or a block outside braces: "+  cancelledAt DateTime?" → "cancelledAt (datetime) optional"."""
    field = _PRISMA_FIELD.match(line)
    if field is None or field.group(2) not in _PRISMA_TYPES or not (field.group(4) or field.group(3) or "+" in line):
        return line
    return _prisma_item(field, defaults=True)


def _prisma_item(field: re.Match[str], defaults: bool) -> str:
    typed = _PRISMA_TYPES[field.group(2)]
    words = [field.group(1)]
    if typed:
        words.append(f"({typed})")
    if field.group(3) == "?":
        words.append("optional")
    default = _PRISMA_DEFAULT.search(field.group(4) or "")
    if defaults and default and "(" not in default.group(1):
        words.append(f"default {default.group(1)}")
    return " ".join(words)


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def _pascal(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))
