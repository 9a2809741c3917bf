"""What a recognition understood, as lines for people: the dry run and the preview print them
before any file is named, so a wrong reading is seen before anything is written."""

from __future__ import annotations

from typing import Any

_VERBS = {
    "create": "create entity",
    "add_attributes": "add to",
    "remove_attributes": "remove from",
    "rename_attribute": "rename an attribute of",
    "rename_entity": "rename entity",
    "relationship": "relate",
    "delete_entity": "delete entity",
}


def describe(recognition: Any) -> list[str]:
    """One headline and one line per attribute, relationship, removal, rename, default and note."""
    entity = recognition.entity
    lines = [
        f"understood: {_VERBS.get(recognition.intent, recognition.intent)} {entity.name}"
        f"  [intent {recognition.intent}, {recognition.source}]"
    ]
    for attribute in entity.attributes:
        need = "required" if attribute.required else "optional"
        lines.append(f"  attribute     {attribute.name}: {attribute.type} ({need})")
    for relationship in entity.relationships:
        need = "required" if relationship.required else "optional"
        if relationship.kind == "many_to_many":
            lines.append(
                f"  relationship  {entity.name} <-> {relationship.target} (many_to_many, "
                f"join entity {entity.name}{relationship.target})"
            )
        else:
            lines.append(
                f"  relationship  {entity.name}.{relationship.field_name} -> {relationship.target} (many_to_one, {need})"
            )
    for name in recognition.removed:
        lines.append(f"  remove        {name}")
    if recognition.renamed_from and recognition.renamed_to:
        lines.append(f"  rename        {recognition.renamed_from} -> {recognition.renamed_to}")
    for name, value in recognition.defaults:
        lines.append(f"  default       {name} = {value!r} (for existing rows)")
    for note in recognition.notes:
        lines.append(f"  note: {note}")
    return lines


def not_understood(request: str) -> str:
    """The refusal of a request the offline recognizer could not read: what to write instead."""
    return (
        f"could not tell which entity {request!r} is about, nor what to do with it. Phrase it as one of: "
        "'create a Student entity with name, email and gpa', 'add phone to Student', "
        "'remove phone from Student', 'rename phone to mobile in Student', 'each course has many lessons', "
        "'students can join many clubs', 'delete the Student entity'"
    )
