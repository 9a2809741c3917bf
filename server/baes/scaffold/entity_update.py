"""Changing an existing generated entity (new attributes, a new reference) without touching user code.

The entity's files are rendered twice with the scaffold's own rendering
(``baes.scaffold.plan.render_entity_files``): for the entity as it is on disk and as it will
be. A file is replaced only while it is byte-identical to what the templates produce for the
current entity, i.e. nobody edited it; a file that differs is a conflict and nothing is
written. The result is an ordinary ``ScaffoldPlan`` (edits carry the original text), so
``baes.scaffold.writer.write_plan`` writes it all-or-nothing.
"""
from __future__ import annotations

from pathlib import Path
from typing import Mapping

from baes.files.atomic import read_source
from baes.scaffold.classification import classify
from baes.scaffold.context import TYPES, sql_ident
from baes.scaffold.plan import EDIT, PlannedFile, ScaffoldPlan, render_entity_files
from baes.scaffold.project import ExistingApp, inspect_project
from baes.scaffold.spec import EntitySpec, SpecError
from baes.scaffold.template_registry import TemplateRegistry, shared_registry
from baes.fixes.text_edits import minimal_edits


def _render(registry: TemplateRegistry, spec: EntitySpec, all_specs: Mapping[str, EntitySpec],
            page_number: int) -> dict[str, PlannedFile]:
    """The entity's files keyed by template, so the two versions' files can be paired."""
    files = render_entity_files(spec, all_specs, page_number, registry=registry)
    return {f.template_id or f.path: f for f in files}


def _page_number(existing: ExistingApp, name: str) -> int:
    page = existing.page_files.get(name, "")
    head = page.split("_", 1)[0]
    return int(head) if head.isdigit() else existing.next_page_number


def merged_spec(current: EntitySpec, change: EntitySpec) -> EntitySpec:
    """``current`` plus the attributes and references of ``change`` (``SpecError`` on a duplicate)."""
    return EntitySpec(current.name, current.attributes + change.attributes,
                      current.relationships + change.relationships, current.description or change.description)


def _migration_notes(current: EntitySpec, updated: EntitySpec) -> list[str]:
    """SQLite keeps an existing table as it is: the columns to add by hand, as SQL."""
    table = sql_ident(updated.table_name)
    statements = []
    old_attributes = {a.name for a in current.attributes}
    for attribute in updated.attributes:
        if attribute.name not in old_attributes:
            statements.append(f"ALTER TABLE {table} ADD COLUMN {sql_ident(attribute.name)} {TYPES[attribute.type].sql}")
    old_targets = {r.target for r in current.relationships}
    for relation in updated.relationships:
        if relation.target not in old_targets:
            statements.append(f"ALTER TABLE {table} ADD COLUMN {relation.field_name} INTEGER "
                              f"REFERENCES {sql_ident(relation.target_table)}(id)")
    if not statements:
        return []
    return [f"an existing SQLite database keeps the old {updated.table_name} table (CREATE TABLE IF NOT EXISTS "
            "does not change it); new databases get the new columns. To update an old one: "
            + "; ".join(statements) + " (SQLite cannot add a NOT NULL column without a default)."]


def plan_entity_change(root: str | Path, change: EntitySpec, *, request: str = "",
                       registry: TemplateRegistry | None = None,
                       existing: ExistingApp | None = None) -> ScaffoldPlan | None:
    """The plan turning the existing entity ``change.name`` into itself plus ``change``.

    Returns None when the project has no such entity (the caller then creates it).
    ``existing``: what ``inspect_project(root)`` found, when the caller has already read it.
    """
    base = Path(root)
    registry = registry or shared_registry()
    existing = existing if existing is not None else inspect_project(base)
    current = existing.get(change.name)
    if current is None:
        return None
    conflicts: list[str] = []
    try:
        updated = merged_spec(current, change)
    except SpecError as exc:
        return ScaffoldPlan(root=base, entities=(), files=(), conflicts=(str(exc),), new_app=False)
    known = {e.name: e for e in existing.entities}
    for relation in updated.relationships:
        if relation.target not in known:
            conflicts.append(f"{updated.name} would reference {relation.target}, which is not in this app: "
                             f"scaffold {relation.target} first")
        elif relation.target == updated.name:
            conflicts.append(f"{updated.name} cannot reference itself")
    if conflicts:
        return ScaffoldPlan(root=base, entities=(), files=(), conflicts=tuple(conflicts), new_app=False)
    page = _page_number(existing, current.name)
    before = _render(registry, current, known, page)
    after = _render(registry, updated, known | {updated.name: updated}, page)
    files: list[PlannedFile] = []
    for key, planned in after.items():
        target = base / planned.path
        old = before.get(key)
        if not target.exists():
            files.append(planned)
            continue
        try:
            on_disk = read_source(target)
        except (OSError, UnicodeDecodeError, LookupError) as exc:
            conflicts.append(f"{planned.path} cannot be read ({exc}); nothing was written")
            continue
        if on_disk.text == planned.content:
            continue
        if old is None or on_disk.text != old.content:
            conflicts.append(f"{planned.path} was changed since baes generated it, so it is not rewritten; "
                             "nothing was written (make the change by hand)")
            continue
        files.append(PlannedFile(planned.path, EDIT, planned.content, minimal_edits(on_disk.text, planned.content),
                                 on_disk.text, encoding=on_disk.encoding, swea_type=planned.swea_type,
                                 template_id=planned.template_id, entity=planned.entity))
    notes = _migration_notes(current, updated)
    referencing = [e.name for e in existing.entities if any(r.target == updated.name for r in e.relationships)]
    if referencing and updated.attributes != current.attributes:
        notes.append(f"the tests of {', '.join(referencing)} create a {updated.name} with its old attributes; "
                     "add the new required ones there")
    return ScaffoldPlan(root=base, entities=(updated,), files=tuple(files), conflicts=tuple(conflicts),
                        notes=tuple(notes), new_app=False, classifications={updated.name: classify(request, updated)})

