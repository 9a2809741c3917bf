"""A list of fields read only in part is shown, not made.

When the words of a list run together ("home score away score played on and field"), the field
reader keeps what it can name and notes the rest as ``ignored '…' (not an attribute name)``. The
reading that comes out is a change with fields missing: in the labelled set 28 of 30 such creates and
additions were wrong. A new entity read with one field is the same failure seen from the other side
("create addresses street city zip code" read ``Address(code)``): none of the 2,500 labelled creates
has one field, and every such reading was wrong, unless the field is said right after "with", "has" or
"whose", or after a colon at the end ("hotel inspections: score").
Both are refused with what was read and how to say the list, because a wrong change costs the user
more than a question; a configured LLM then reads the request instead.
"""

from __future__ import annotations

from baes.recognition.model import Draft, RecognitionError
from baes.recognition.request_tokens import Tok
from baes.scaffold.classification import classify

#: The end of the note the field reader leaves for words it could not name.
UNPLACED_NOTE_END = "(not an attribute name)"
_UNPLACED_NOTE_START = "ignored '"
#: Words that may stand between "with" and a one-field list ("with just a name").
_BEFORE_ONE_FIELD = frozenset(
    {"a", "an", "the", "one", "only", "just", "is", "field", "column", "attribute", "unique", "required", "optional"}
    | {"id", "and"}  # "with an id and a name": the id every entity has
)
#: Words after which a one-field list is said as such ("a Tag entity with a name", "Tag has a label").
_ONE_FIELD_OPENERS = frozenset({"with", "has", "having", "have", "holding", "storing", "whose"})


def check_list_complete(draft: Draft, toks: list[Tok], request: str) -> None:
    """Refuse a create or an addition that left words of its list unnamed, or a create of one field
    said in passing (see the module docstring). Words that state a rule ("the end date must be after
    the start date", "synced with Stripe") are no field: the classifier marks the entity as needing
    custom logic, and the reading stands."""
    if draft.intent not in {"create", "add_attributes"} or classify(request, draft.entity).reasons:
        return
    fields = [a.name for a in draft.entity.attributes] + [r.field_name for r in draft.entity.relationships]
    read = f"{draft.entity.name} with {', '.join(fields)}" if fields else draft.entity.name
    said = (
        f"'create {draft.entity.name} with <field>, <field> and <field>'"
        if draft.intent == "create"
        else f"'add <field>, <field> and <field> to {draft.entity.name}'"
    )
    for note in draft.notes:
        words = note[len(_UNPLACED_NOTE_START) - 1 : -len(UNPLACED_NOTE_END) - 1]
        if note.startswith(_UNPLACED_NOTE_START) and note.endswith(UNPLACED_NOTE_END) and words != "''":
            raise RecognitionError(
                f"could not tell the field names apart in {words} (read so far: {read}): separate the fields "
                f"with commas, e.g. {said}"
            )
    one_field = draft.intent == "create" and len(draft.entity.attributes) == 1 and not draft.entity.relationships
    if one_field and not _said_as_one_field(fields[0], toks):
        raise RecognitionError(
            f"this reads as a new {draft.entity.name} with one field, {fields[0]}, and the other words of the request "
            f"were not read as fields: list them after the entity with commas, e.g. 'create {draft.entity.name} with "
            f"{fields[0].replace('_', ' ')}, <field>, <field>' (one field alone: 'create {draft.entity.name} with "
            f"{fields[0].replace('_', ' ')}')"
        )


def _said_as_one_field(name: str, toks: list[Tok]) -> bool:
    """Whether the request says its one field right after "with", "has" or "whose" ("create a Product
    with a unique sku", "Create an Order whose total must be at least 10")."""
    words = [t.low for t in toks if t.word or t.text == ":"]
    size = len(name.split("_"))
    for start in range(1, len(words) - size + 1):
        if "_".join(words[start : start + size]).removeprefix("is_") != name.removeprefix("is_"):
            continue
        before = start - 1
        while before > 0 and words[before] in _BEFORE_ONE_FIELD:
            before -= 1
        at_end = start + size == len(words)
        if words[before] in _ONE_FIELD_OPENERS or (at_end and words[before] == ":"):  # "hotel inspections: score"
            return True
    return False
