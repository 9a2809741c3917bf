"""Schema changes written in a framework's words, rewritten as the plain words the recognizer reads.

Developers type what their framework calls things: Rails' ``has_many :books`` and ``belongs_to``,
Django's ``CharField`` and ``ForeignKey``, SQL's "FK invoice -> customer", a dotted attribute to drop
("drop Customer.fax"), fields added with a plus ("Vessel +imo_number") or summed ("MenuItem = name + price"),
a ticket's field labels ("Summary:", "AC:", "CHORE:"). Each is turned into what the same person would have
written in words: "has many books", "guest_name (string)", "invoice belongs to customer", "remove fax from
Customer", "Vessel: add imo_number", and the label dropped. Part of ``text_layout.plain_layout``, so it
shapes the cache key too.
"""

from __future__ import annotations

import re

#: Association names of Rails, Django and SQLAlchemy ("has_many", "ManyToManyField") as words.
_ASSOCIATIONS = (
    (re.compile(r"\bhas_and_belongs_to_many\b|\bmany_?to_?many(?:_?field)?\b", re.I), "many to many"),
    (re.compile(r"\bhas_many\b", re.I), "has many"),
    (re.compile(r"\bhas_one\b", re.I), "has one"),
    (re.compile(r"\bbelongs_to\b", re.I), "belongs to"),
    (re.compile(r"\bone_?to_?many\b", re.I), "one to many"),
    (re.compile(r"\bmany_?to_?one\b", re.I), "many to one"),
)
#: A Ruby symbol after an association ("has_many :books"): the name alone.
_SYMBOL = re.compile(r"(?<=\s):(?=[A-Za-z_])")
#: Django and SQLAlchemy field classes, by the type word they mean ("nights IntegerField" → "nights (integer)").
FIELD_CLASSES = {
    "charfield": "string",
    "textfield": "string",
    "slugfield": "string",
    "urlfield": "string",
    "uuidfield": "string",
    "integerfield": "integer",
    "smallintegerfield": "integer",
    "bigintegerfield": "integer",
    "positiveintegerfield": "integer",
    "positivesmallintegerfield": "integer",
    "decimalfield": "decimal",
    "floatfield": "float",
    "booleanfield": "boolean",
    "datefield": "date",
    "datetimefield": "datetime",
    "emailfield": "email",
    "numeric": "decimal",
    "bigint": "integer",
    "smallint": "integer",
    "tinyint": "integer",
}
_FIELD_CLASS = re.compile(r"\b(" + "|".join(FIELD_CLASSES) + r")\b(?:\([^()\n]{0,60}\))?", re.I)
#: "drop Customer.fax", "get rid of Reading.raw and Reading.crc": dotted attributes removed.
_DOTTED = r"(?-i:[A-Z])\w*\.[A-Za-z_]\w*\b"
_DOTTED_REMOVAL = re.compile(
    rf"\b(?:drop|remove|delete|get\s+rid\s+of|take\s+out)\s+(?:the\s+)?({_DOTTED}(?:\s*(?:,|&|\band\b)\s*(?:the\s+)?{_DOTTED})*)",
    re.I,
)
#: "add FK invoice -> customer", "a ForeignKey from Order to Customer", "relationship: Payment -> Invoice": the
#: first gets a reference to the second.
_FOREIGN_KEY = re.compile(
    r"\b(?:add\s+)?(?:an?\s+)?(?:(?:fk|foreign\s*key)\s*:?\s+(?:from\s+)?|(?:relationship|relation|link|reference)\s*:\s*)"
    r"([A-Za-z_]\w*)\s*(?:->|=>|\u2192|\bto\b)\s*([A-Za-z_]\w*)|"
    # "Add relation Part -> Supplier": an arrow says which way, without a colon too
    r"\badd\s+(?:an?\s+|the\s+)?(?:relationship|relation|link|reference)\s+([A-Za-z_]\w*)\s*(?:->|=>|\u2192)\s*([A-Za-z_]\w*)",
    re.I,
)  # also "Add a relationship: Payment -> Invoice", "FK: Payment → Invoice"
#: A later line of acceptance criteria about the work, not the data: "AC: migration + CRUD page", "AC: shows up in the UI".
_PROCESS_CRITERIA = re.compile(
    r"\n[^\w\n]*(?:ac|acceptance criteria|acceptance)\s*:[^\n]*\b(?:migrations?|crud|ui|endpoints?|api|tests?|pages?|screens?)\b"
    r"(?![^\n]*\b(?:has|have|with|default|defaults|existing|stores?|fields?)\b)[^\n]*",
    re.I,
)
#: Field labels of tickets and commit messages opening a line ("Summary:", "AC:", "CHORE:", "feat:").
_TICKET_LABEL = re.compile(
    r"^[^\w\n]*(?:summary|description|story|user story|title|ac|acceptance criteria|acceptance|chore|feat|feature|"
    r"feature request|enhancement|improvement|proposal|epic|fix|"
    r"refactor|request|ask|cleanup|clean-up|tidy-up)\s*:\s*(?=\S)"
    r"(?!(?:text|string|str|varchar|char|int|integer|number|bool|boolean|date|datetime|timestamp|float|decimal|"
    r"optional|required|nullable)\b)",  # "- description: text" in a list of fields is a field
    re.I | re.M,
)


#: "add Programme.age_rating (str), Programme.subtitled (bool)", "need Roster.version (int, default 1)": dotted
#: attributes added, with their types and defaults.
_TYPED_DOTTED = rf"{_DOTTED}(?:\s*\([a-z ]{{1,20}}(?:,\s*default\s+[\w.'\"-]{{1,20}})?\))?"
_DOTTED_ADDITION = re.compile(
    rf"\b(?:add|added|adds|new|need|needs)\s*:?\s+({_TYPED_DOTTED}(?:\s*(?:,|&|\band\b)\s*{_TYPED_DOTTED})*)", re.I
)
#: "MenuItem = dish name + price + is veg": an entity as the sum of its fields ("total = price + tax", a formula
#: for a field, starts lower-case and stays).
_SUM_OF_FIELDS = re.compile(r"^\s*((?-i:[A-Z])\w*)\s*=\s*([^=+\n]+(?:\+[^=+\n]+)+)$")
#: "Vessel +imo_number +gross_tonnage", "Ticket +priority (int, default 3)": an entity, then fields added with "+".
_PLUS_FIELDS = re.compile(r"^(\s*(?-i:[A-Z])\w*)\s+\+(?=[A-Za-z_])(.*)$", re.S)


def _addition_in_words(match: re.Match[str]) -> str:
    """ "add age_rating (str) and subtitled (bool) to Programme" for "added: Programme.age_rating (str),
    Programme.subtitled (bool)"."""
    items = re.findall(rf"({_DOTTED})(\s*\([a-z ]{{1,20}}(?:,\s*default\s+[\w.'\"-]{{1,20}})?\))?", match.group(1), re.I)
    pairs = [(dotted.split(".", 1), typed.strip()) for dotted, typed in items]
    owners = {owner for (owner, _), _ in pairs}
    if len(owners) != 1:
        return match.group(0)
    fields = [f"{field} {typed}".strip() for (_, field), typed in pairs]
    listed = in_words(fields)
    return f"add {listed} to {owners.pop()}"


def in_words(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c": a list as a person writes it."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def plain_shorthand(text: str) -> str:
    """``text`` with framework associations, field classes, foreign keys, dotted removals and ticket
    labels written as words (see the module docstring)."""
    for pattern, words in _ASSOCIATIONS:
        text = pattern.sub(words, text)
    text = _SYMBOL.sub("", text)
    text = _PYDANTIC_TYPES.sub(lambda m: " email" if "email" in m[0].lower() else " str", _OR_NONE.sub(" (optional)", text))
    text = _FIELD_CLASS.sub(lambda m: f"({FIELD_CLASSES[m.group(1).lower()]})", text)
    text = _DOTTED_ADDITION.sub(_addition_in_words, _DOTTED_REMOVAL.sub(_removal_in_words, text))
    text = _FOREIGN_KEY.sub(lambda m: f"{m[1] or m[3]} belongs to {m[2] or m[4]}", text)
    text = _SUM_OF_FIELDS.sub(lambda m: f"create {m[1]} with " + ", ".join(p.strip() for p in m[2].split("+")), text, count=1)
    text = _PLUS_FIELDS.sub(lambda m: f"{m[1]}: add " + re.sub(r"\s+\+(?=[A-Za-z_])", ", ", m[2]), text, count=1)
    text = _NO_MORE_AFTER_LABEL.sub(r"\1: remove ", _LABEL_BEFORE_COMMAND.sub(r"\1: ", text, count=1), count=1)
    text = _CLEANUP_DASH.sub("", text, count=1)  # "cleanup - Tenant.previous_address isn't needed anymore"
    text = _LINKED_HEADING.sub(r"\1 \2 to \3:", text, count=1)  # "RoomBooking (linked to Room): …"
    text = _EXTEND_TO_INCLUDE.sub(r"add to \1: ", _APPEND_FIELDS.sub("add ", text, count=1), count=1)
    text = _IN_E_REMOVED.sub(r"remove \2 from \1", text, count=1)
    text = _CLEANUP_LABEL.sub(r"\1:", _FROM_THEN_REMOVE.sub(r"\2 \3 from \1", text, count=1), count=1)
    text = _LABEL_LINE_COMMAND.sub(r"\1: ", text, count=1)  # "Boat:\n- remove sail number": the label's command
    first = _REMOVE_VERB.search(text)
    if first is not None and not _WHERE_FROM.search(text, first.end()):  # "- remove sail number\n- remove hull colour"
        text = text[: first.end()] + _REPEATED_REMOVE.sub(", ", text[first.end() :])
    text = _PROCESS_CRITERIA.sub("", text)  # "AC: migration + CRUD page": how the change is checked, no field of it
    return _SHELL_REMOVE.sub("remove ", _TICKET_LABEL.sub("", _BRACKET_TAG.sub("", text)))


#: "employee -> add a hire date", "cars table: add plate, vin": the entity as a label before the change asked of it.
_LABEL_BEFORE_COMMAND = re.compile(
    r"^([ \t]*[A-Za-z]\w*(?:[ \t]+(?!(?:table|model|entity|class)\b)[A-Za-z]\w*)?)"  # the entity, one or two words
    r"(?:(?:[ \t]+(?:table|model|entity|class))?[ \t]*(?:->|=>|\u2192)|[ \t]+(?:table|model|entity|class)[ \t]*:)"
    r"[ \t]*(?=(?:add|remove|drop|delete|rename)\b)",
    re.I | re.M,
)


#: "rm promo_code from bookings": the shell's remove, before what is removed and where from (not "rm number").
_SHELL_REMOVE = re.compile(r"^[ \t]*rm[ \t]+(?=[A-Za-z_][\w ,]{0,60}?[ \t]+from[ \t]+\w)", re.I | re.M)
#: "warranty_until: date | None": a Python type that may be None, said as optional.
_OR_NONE = re.compile(r"(?<=\w)[ \t]*\|[ \t]*None\b")
#: Pydantic's own type names after a field's colon ("assigned_to_email: EmailStr").
_PYDANTIC_TYPES = re.compile(r"(?<=:)[ \t]*\b(?:EmailStr|HttpUrl|AnyUrl|AnyHttpUrl)\b")
#: A tag in brackets opening a line ("[Ticket] Order table - …", "[DB] new table for …", "[events] Speaker Slot"), or
#: the tracker it was copied from ("TRELLO: Lab Reagent tracking", "Linear ENG-214: …"); not a task box ("[x]").
_BRACKET_TAG = re.compile(
    r"^[ \t]*(?:\[(?![ xX]\])[A-Za-z][\w-]{1,15}\][ \t]*:?|(?:trello|jira|linear|asana|clickup|notion|github|gitlab)"
    r"(?:[ \t]+[A-Z][A-Z0-9]{1,9}-\d+)?[ \t]*:)[ \t]*",
    re.I | re.M,
)


def _removal_in_words(match: re.Match[str]) -> str:
    """ "remove raw and crc from Reading" for "get rid of Reading.raw and Reading.crc" (fields of one entity)."""
    pairs = [part.split(".") for part in re.findall(_DOTTED, match.group(1))]
    owners = {owner for owner, _ in pairs}
    if len(owners) != 1:
        return match.group(0)
    fields = [field for _, field in pairs]
    listed = in_words(fields)
    return f"remove {listed} from {owners.pop()}"


#: "volunteer: no more middle_name pls": the entity as a label, then the field it no longer has.
_NO_MORE_AFTER_LABEL = re.compile(
    r"^([ \t]*[A-Za-z]\w*)[ \t]*:[ \t]*no[ \t]+(?:more|longer)[ \t]+(?!than\b|need\b)(?=[A-Za-z_])", re.I
)
#: A chore's name: "cleanup", "tidy-up".
_CHORE = r"(?:cleanup|clean-up|clean up|tidy-up|tidy up)"
#: "cleanup - …", "tidy-up – …": a chore's label before a dash.
_CLEANUP_DASH = re.compile(rf"^[ \t]*{_CHORE}[ \t]+[-\u2013\u2014][ \t]+", re.I)
#: "Boat cleanup:", "Tenant tidy-up:": the entity's chore as a label.
_CLEANUP_LABEL = re.compile(rf"^([ \t]*[A-Z]\w*)[ \t]+{_CHORE}[ \t]*:", re.I | re.M)
#: An entity's label alone on its line, then a bulleted removal: "Boat:\n- remove sail number".
_LABEL_LINE_COMMAND = re.compile(r"^([ \t]*[A-Z]\w*)[ \t]*:[ \t]*\n[ \t]*(?:[-*\u2022][ \t]*)?(?=(?:remove|delete|drop)\b)", re.M)
#: "From Participant remove the weight": where from, then the removal.
_FROM_THEN_REMOVE = re.compile(
    r"^[ \t]*from[ \t]+(?:the[ \t]+)?([A-Z]\w*)(?:[ \t]+(?:entity|model|table))?[ \t]*,?[ \t]*"
    r"(remove|delete|drop)[ \t]+([^,.;\n!?]+)",
    re.I | re.M,
)
#: "… from Member, delete pager from Boat": removals from several places are no one list.
_WHERE_FROM = re.compile(r"\b(?:from|in|on)\b", re.I)
_REMOVE_VERB = re.compile(r"\b(?:remove|delete|drop)[ \t]+(?=[A-Za-z_])", re.I)
#: A later item of the list that says the verb again: ", remove hull colour", "\n- drop fax".
_REPEATED_REMOVE = re.compile(
    r"[ \t]*(?:,|\n)[ \t]*(?:[-*\u2022][ \t]*)?(?:and[ \t]+)?(?:remove|delete|drop)[ \t]+"
    r"(?!(?:it|them|this|that|these|those|the[ \t]+\w+[ \t]+(?:model|entity|table))\b)(?=[A-Za-z_])",
    re.I,
)
#: A new entity's heading with the entity it is for in parentheses: "RoomBooking (linked to Room): date, paid".
_LINKED_HEADING = re.compile(
    r"^([ \t]*[A-Za-z][\w \t]{0,40}?)[ \t]*\([ \t]*(linked|belonging|attached|tied|connected)[ \t]+to[ \t]+"
    r"(?:an?[ \t]+|the[ \t]+)?([A-Z]\w*)[ \t]*\)[ \t]*:",
    re.M,
)
#: "append columns to Sale: …": the verb of a database tool for adding fields.
_APPEND_FIELDS = re.compile(r"\bappend[ \t]+(?=(?:the[ \t]+|some[ \t]+|new[ \t]+)?(?:columns?|fields?|attributes?)\b)", re.I)
#: "Extend Member to include phone, …": the fields the entity is extended with.
_EXTEND_TO_INCLUDE = re.compile(
    r"\bextend[ \t]+(?:the[ \t]+)?([A-Z]\w*)(?:[ \t]+(?:entity|model|table))?[ \t]+(?:to[ \t]+include|to[ \t]+have|with)[ \t]+",
    re.I,
)
#: "In InputElement the column related_converter should be removed": where, then what goes.
_IN_E_REMOVED = re.compile(
    r"\bin[ \t]+(?:the[ \t]+)?([A-Z]\w*)[ \t]*,?[ \t]+the[ \t]+(?:column|field|attribute)[ \t]+([A-Za-z_]\w*)[ \t]+"
    r"(?:should|must|can|needs[ \t]+to|has[ \t]+to)[ \t]+be[ \t]+(?:removed|deleted|dropped)\b",
    re.I,
)
