"""Changing an existing generated entity while keeping the user's data and edits.

One ``EntityChange`` (add attributes or references, remove attributes, rename one; a
many-to-many relationship, an entity rename or deletion, each on its own) becomes one
``ScaffoldPlan`` (renames and deletions: ``baes.scaffold.entity_lifecycle``):

* the entity's files, and the files of every entity that references it (their tests and pages
  create it), are rendered before and after the change with the scaffold's own rendering and
  three-way merged (``baes.scaffold.merge``) against what baes generated last
  (``.baes/generated/<path>``, else the rendering of the entity as it is now): the user's edits
  and formatting stay, a real overlap is a conflict that writes nothing (or git-style markers);
* one migration (``baes.scaffold.migrations``) brings the existing table to the new schema,
  copying every row; a new required column takes its value from ``defaults`` or is refused.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from baes.scaffold import migrations
from baes.scaffold.classification import classify
from baes.scaffold.context import build_render_context, sql_ident
from baes.scaffold.entity_lifecycle import plan_entity_delete, plan_entity_rename
from baes.scaffold.plan import PlannedFile, ScaffoldPlan, entity_context, migration_file, plan_scaffold, render_entity_files
from baes.scaffold.project import ExistingApp, inspect_project
from baes.scaffold.regeneration import RegeneratedFiles
from baes.scaffold.spec import AttributeSpec, EntitySpec, RelationshipSpec, SpecError, join_entity
from baes.scaffold.template_registry import TemplateRegistry, shared_registry


@dataclass(frozen=True)
class EntityChange:
    """What to change in the existing entity ``entity``; ``defaults`` give old rows a value."""

    entity: str
    add_attributes: tuple[AttributeSpec, ...] = ()
    add_relationships: tuple[RelationshipSpec, ...] = ()
    remove: tuple[str, ...] = ()
    rename: tuple[str, str] | None = None  # (old attribute name, new attribute name)
    defaults: tuple[tuple[str, str], ...] = ()
    new_name: str | None = None  # rename the entity (a change of its own)
    delete: bool = False  # delete the entity (a change of its own)

    @classmethod
    def from_spec(cls, spec: EntitySpec, defaults: tuple[tuple[str, str], ...] = ()) -> EntityChange:
        """The change adding ``spec``'s attributes and references to the entity of the same name."""
        return cls(spec.name, spec.attributes, spec.relationships, defaults=defaults)

    def describe(self, table: str) -> tuple[str, str]:
        """(file slug, sentence) for the migration: "add phone to students", "remove gpa from students"."""
        parts = [a.name for a in self.add_attributes] + [r.field_name for r in self.add_relationships]
        words = []
        if parts:
            words.append(f"add {' and '.join(parts)} to {table}")
        if self.remove:
            words.append(f"remove {' and '.join(self.remove)} from {table}")
        if self.rename:
            words.append(f"rename {self.rename[0]} to {self.rename[1]} in {table}")
        sentence = ", ".join(words) or f"rebuild {table}"
        return "_".join(sentence.replace(",", "").split())[:60], sentence


def apply_change(current: EntitySpec, change: EntityChange) -> tuple[EntitySpec, dict[str, str | None]]:
    """The entity after ``change`` and, per column of it, the SQL expression that fills it from the old table."""
    names = {a.name for a in current.attributes} | {r.field_name for r in current.relationships}
    defaults = dict(change.defaults)
    attributes = list(current.attributes)
    relationships = list(current.relationships)
    sources: dict[str, str | None] = {name: name for name in names}
    for name in change.remove:
        if name not in names:
            raise SpecError(f"{current.name} has no attribute {name!r} to remove (it has: {', '.join(sorted(names))})")
        attributes = [a for a in attributes if a.name != name]
        relationships = [r for r in relationships if r.field_name != name]
        sources.pop(name, None)
    if change.rename:
        old, new = change.rename
        if old not in {a.name for a in attributes}:
            raise SpecError(f"{current.name} has no attribute {old!r} to rename")
        attributes = [AttributeSpec(new, a.type, a.required) if a.name == old else a for a in attributes]
        sources[new] = sources.pop(old)
    updated = EntitySpec(
        current.name,
        tuple(attributes) + change.add_attributes,
        tuple(relationships) + change.add_relationships,
        current.description,
    )
    new_columns = [(a.name, a.type) for a in change.add_attributes]
    new_columns += [(r.field_name, "int") for r in change.add_relationships]
    for name, type_name in new_columns:
        sources[name] = migrations.sql_literal(type_name, defaults.pop(name)) if name in defaults else None
    if defaults:
        raise SpecError(f"a default was given for {', '.join(defaults)}, which this change does not add")
    return updated, {k: (sql_ident(v) if v in names else v) for k, v in sources.items()}


def _rows_in(root: Path, table: str) -> int:
    """Rows of ``table`` in the app's own database file (0 when there is none): refuse early, not at start-up."""
    path = root / "app.db"
    if not path.is_file():
        return 0
    try:
        with sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True) as connection:
            return int(connection.execute(f"SELECT COUNT(*) FROM {sql_ident(table)}").fetchone()[0])
    except sqlite3.Error:
        return 0


def _page_number(existing: ExistingApp, name: str) -> int:
    page = existing.page_files.get(name, "")
    head = page.split("_", 1)[0]
    return int(head) if head.isdigit() else existing.next_page_number


def _rendered(registry: TemplateRegistry, spec: EntitySpec, known: Mapping[str, EntitySpec], page: int) -> dict[str, PlannedFile]:
    """An entity's files keyed by template, so two versions' files can be paired."""
    return {f.template_id or f.path: f for f in render_entity_files(spec, known, page, registry=registry)}


def plan_entity_change(
    root: str | Path,
    change: EntitySpec | EntityChange,
    *,
    request: str = "",
    registry: TemplateRegistry | None = None,
    existing: ExistingApp | None = None,
    conflict_markers: bool = False,
) -> ScaffoldPlan | None:
    """The plan applying ``change`` to its existing entity; None when the app has no such entity.

    An ``EntitySpec`` means: add its attributes and references. ``existing``: what
    ``inspect_project(root)`` found, when the caller has already read it.
    """
    base = Path(root)
    registry = registry or shared_registry()
    existing = existing if existing is not None else inspect_project(base)
    if isinstance(change, EntitySpec):
        change = EntityChange.from_spec(change)
    current = existing.get(change.entity)
    if current is None:
        return None
    if change.new_name is not None or change.delete:
        alone = EntityChange(change.entity, new_name=change.new_name, delete=change.delete)
        if change != alone or (change.delete and change.new_name is not None):
            return ScaffoldPlan(
                root=base,
                entities=(),
                files=(),
                new_app=False,
                conflicts=("renaming or deleting an entity is a change of its own",),
            )
        if change.delete:
            return plan_entity_delete(base, current.name, registry=registry, existing=existing)
        return plan_entity_rename(
            base,
            current.name,
            change.new_name,
            request=request,
            registry=registry,  # type: ignore[arg-type]
            existing=existing,
            conflict_markers=conflict_markers,
        )
    known = {e.name: e for e in existing.entities}
    many = tuple(r for r in change.add_relationships if r.kind == "many_to_many")
    if many:  # the entity itself does not change: a join entity is created
        if change != EntityChange(change.entity, add_relationships=many):
            return ScaffoldPlan(
                root=base,
                entities=(),
                files=(),
                new_app=False,
                conflicts=("state a many-to-many relationship as a change of its own",),
            )
        try:
            joins = [join_entity(current.name, r.target) for r in many]
        except SpecError as exc:
            return ScaffoldPlan(root=base, entities=(), files=(), new_app=False, conflicts=(str(exc),))
        return plan_scaffold(base, joins, request=request, registry=registry, validate=False, existing=existing)

    def refused(*messages: str) -> ScaffoldPlan:
        return ScaffoldPlan(root=base, entities=(), files=(), conflicts=messages, new_app=False)

    try:
        updated, sources = apply_change(current, change)
        build_render_context(updated.to_context())
    except SpecError as exc:
        return refused(str(exc))
    for relation in change.add_relationships:
        if relation.target not in known:
            return refused(
                f"{updated.name} would reference {relation.target}, which is not in this app: scaffold {relation.target} first"
            )
    after_known = known | {updated.name: updated}
    old_values = build_render_context(entity_context(current, known, 1))
    new_values = build_render_context(entity_context(updated, after_known, 1))
    missing = [c["name"] for c in new_values["columns"] if c["required"] and sources.get(c["name"]) is None]
    rows = _rows_in(base, updated.table_name) if missing else 0
    if rows:
        return refused(
            f"{updated.table_name} has {rows} row(s) in app.db and the new required "
            f"{', '.join(missing)} has no value for them: give one with --default "
            f'{missing[0]}=VALUE (or "with default VALUE" in the sentence), or make it optional (name?)'
        )
    files = RegeneratedFiles(base, conflict_markers)
    dependents = [updated] + [e for e in existing.entities if any(r.target == updated.name for r in e.relationships)]
    for entity in dependents:
        page = _page_number(existing, entity.name)
        before = _rendered(registry, known[entity.name], known, page)
        after = _rendered(registry, after_known[entity.name], after_known, page)
        for key, planned in after.items():
            files.regenerate(before.get(key), planned)
    slug, sentence = change.describe(updated.table_name)
    planned_migrations = []
    if not migrations.has_migrations(base):
        baseline = [build_render_context(entity_context(e, known, 1)) for e in existing.entities]
        planned_migrations.append(migrations.create_tables(1, "baseline", "the tables made before migrations", baseline))
    planned_migrations.append(
        migrations.change_table(
            migrations.next_number(base, len(planned_migrations)), slug, sentence, old_values, new_values, sources
        )
    )
    files.files.extend(migration_file(m) for m in planned_migrations)
    return ScaffoldPlan(
        root=base,
        entities=(updated,),
        files=tuple(files.files),
        conflicts=tuple(files.conflicts),
        notes=tuple(files.notes),
        new_app=False,
        classifications={updated.name: classify(request, updated)},
        migrations=tuple(planned_migrations),
    )
