"""Deleting and renaming an entity of a generated app, as ordinary plans with one migration.

* Delete: refused while another entity refers to it (the message lists who); otherwise its
  files and snapshots are removed (a file holding the user's edits is a conflict, never
  silently deleted), its lines in the shared files are removed, and a migration drops its table.
* Rename: the entity's files move to their new names, with the user's edits carried over (the
  old names substituted, then merged into the new generation); the entities that reference it
  get ``<new>_id`` in place of ``<old>_id`` (files merged, tables rebuilt keeping their rows);
  the shared files' registration lines are replaced in place; the table is renamed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from baes.files.atomic import read_source
from baes.fixes.text_edits import minimal_edits
from baes.scaffold import migrations
from baes.scaffold.classification import classify
from baes.scaffold.context import build_render_context, page_file_name, sql_ident
from baes.scaffold.insertions import InsertionError
from baes.scaffold.plan import EDIT, PlannedFile, ScaffoldPlan, entity_context, migration_file, render_entity_files
from baes.scaffold.project import ExistingApp, inspect_project
from baes.scaffold.regeneration import RegeneratedFiles
from baes.scaffold.registrations import registration_lines, replace_lines
from baes.scaffold.schema import index_sql
from baes.scaffold.spec import EntitySpec, RelationshipSpec, SpecError, pascal_case
from baes.scaffold.template_registry import TemplateRegistry, shared_registry

SHARED = (("main", "app/main.py"), ("ui_app", "ui/app.py"), ("database", "app/database.py"))


def _refused(root: Path, *messages: str) -> ScaffoldPlan:
    return ScaffoldPlan(root=root, entities=(), files=(), conflicts=messages, new_app=False)


def _page(existing: ExistingApp, name: str) -> int:
    head = existing.page_files.get(name, "").split("_", 1)[0]
    return int(head) if head.isdigit() else existing.next_page_number


def _rendered(registry: TemplateRegistry, spec: EntitySpec, known: Mapping[str, EntitySpec], page: int) -> dict[str, PlannedFile]:
    return {f.template_id or f.path: f for f in render_entity_files(spec, known, page, registry=registry)}


def _values(spec: EntitySpec, known: Mapping[str, EntitySpec], page: int) -> dict[str, Any]:
    values = build_render_context(entity_context(spec, known, page))
    values["page_file"] = page_file_name(values)
    return values


def _shared_edits(
    root: Path, old: Mapping[str, Any], page_file: str, new: Mapping[str, Any] | None
) -> tuple[list[PlannedFile], list[str]]:
    """Remove (``new`` None) or replace the entity's registration lines in each shared file."""
    files, conflicts = [], []
    for role, path in SHARED:
        target = root / path
        if not target.is_file():
            continue
        try:
            source = read_source(target)
            ranges = registration_lines(role, source.text, path, old["entity_name_lower"], old["table_name"], page_file)
        except (OSError, UnicodeDecodeError, LookupError, InsertionError) as exc:
            conflicts.append(f"{exc}; nothing was written")
            continue
        replacements = {}
        if new is not None:
            replacements = {r: _replacement(role, source.text, r, old, new, page_file) for r in ranges}
        content = replace_lines(source.text, ranges, replacements)
        if content != source.text:
            files.append(
                PlannedFile(path, EDIT, content, minimal_edits(source.text, content), source.text, encoding=source.encoding)
            )
    return files, conflicts


def _replacement(
    role: str, text: str, lines: tuple[int, int], old: Mapping[str, Any], new: Mapping[str, Any], page_file: str
) -> str:
    block = "".join(text.splitlines(keepends=True)[lines[0] - 1 : lines[1]]).strip().rstrip(",")
    new_snake = new["entity_name_lower"]
    if role == "ui_app":
        return f'st.Page("pages/{new["page_file"]}", title="{new["entity_plural_title"]}")'
    if role == "main":
        if block.startswith("from "):
            return f"from app.routers.{new_snake} import router as {new_snake}_router"
        return f"app.include_router({new_snake}_router)"
    if block.startswith("from "):
        return f"from app.tables.{new_snake} import create_{new['table_name']}_table"
    return f"create_{new['table_name']}_table"


def plan_entity_delete(
    root: str | Path, name: str, *, registry: TemplateRegistry | None = None, existing: ExistingApp | None = None
) -> ScaffoldPlan | None:
    """The plan deleting entity ``name``; None when the app has no such entity."""
    base = Path(root)
    registry = registry or shared_registry()
    existing = existing if existing is not None else inspect_project(base)
    current = existing.get(name)
    if current is None:
        return None
    referrers = [f"{e.name} ({r.field_name})" for e in existing.entities for r in e.references if r.target == current.name]
    if referrers:
        return _refused(
            base,
            f"{current.name} cannot be deleted while other entities refer to it: "
            f"{', '.join(referrers)}; delete them or remove their reference first",
        )
    known = {e.name: e for e in existing.entities}
    page = _page(existing, current.name)
    values = _values(current, known, page)
    files = RegeneratedFiles(base, conflict_markers=False)
    for planned in _rendered(registry, current, known, page).values():
        files.remove(planned)
    page_file = existing.page_files.get(current.name, values["page_file"])
    shared, conflicts = _shared_edits(base, values, page_file, None)
    migration = migrations.Migration(
        f"{migrations.next_number(base):04d}_delete_{current.table_name}",
        f"delete the {current.table_name} table",
        (f"DROP TABLE IF EXISTS {sql_ident(current.table_name)}",),
    )
    return ScaffoldPlan(
        root=base,
        entities=(current,),
        files=(*files.files, *shared, migration_file(migration)),
        conflicts=tuple(files.conflicts + conflicts),
        notes=(),
        new_app=False,
        migrations=(migration,),
    )


def _retarget(spec: EntitySpec, old: str, new: str) -> EntitySpec:
    """``spec`` with its references to ``old`` pointing at ``new`` (column ``<new>_id``)."""
    renamed = {f"{RelationshipSpec(old).field_name}": RelationshipSpec(new).field_name}
    relationships = tuple(RelationshipSpec(new, r.required, r.kind) if r.target == old else r for r in spec.relationships)
    unique = tuple(tuple(renamed.get(c, c) for c in group) for group in spec.unique)
    return EntitySpec(spec.name, spec.attributes, relationships, spec.description, unique)


def plan_entity_rename(
    root: str | Path,
    name: str,
    new_name: str,
    *,
    request: str = "",
    registry: TemplateRegistry | None = None,
    existing: ExistingApp | None = None,
    conflict_markers: bool = False,
) -> ScaffoldPlan | None:
    """The plan renaming entity ``name`` to ``new_name``; None when the app has no such entity."""
    base = Path(root)
    registry = registry or shared_registry()
    existing = existing if existing is not None else inspect_project(base)
    current = existing.get(name)
    if current is None:
        return None
    try:
        renamed = EntitySpec(
            pascal_case(new_name), current.attributes, current.relationships, current.description, current.unique
        )
        build_render_context(renamed.to_context())
    except SpecError as exc:
        return _refused(base, str(exc))
    if existing.get(renamed.name) is not None:
        return _refused(base, f"{renamed.name} is already an entity of this app")
    known = {e.name: e for e in existing.entities}
    children = {
        e.name: _retarget(e, current.name, renamed.name)
        for e in existing.entities
        if any(r.target == current.name for r in e.references)
    }
    after_known = {n: children.get(n, e) for n, e in known.items() if n != current.name} | {renamed.name: renamed}
    page = _page(existing, current.name)
    old_values, new_values = _values(current, known, page), _values(renamed, after_known, page)
    names = {
        old_values[k]: new_values[k]
        for k in (
            "entity_name",
            "entity_name_lower",
            "entity_plural",
            "url_path",
            "path_param",
            "entity_plural_title",
            "entity_plural_label",
            "entity_label",
        )
        if old_values[k] != new_values[k]
    }
    files = RegeneratedFiles(base, conflict_markers)
    before = _rendered(registry, current, known, page)
    for key, planned in _rendered(registry, renamed, after_known, page).items():
        old_file = before[key]
        if old_file.path.startswith("ui/pages/") and current.name in existing.page_files:
            old_file = replace(old_file, path=f"ui/pages/{existing.page_files[current.name]}")
        files.move(old_file, planned, names)
    statements = [f"ALTER TABLE {old_values['table_sql']} RENAME TO {new_values['table_sql']}"]
    statements += [
        f"DROP INDEX IF EXISTS idx_{old_values['table_name']}_{c['name']}"
        for c in old_values["columns"]
        if c["reference"] or c["type"] == "email"
    ]
    statements += index_sql(new_values["table_name"], new_values["table_sql"], new_values["columns"])
    guards: list[tuple[str, str]] = []
    rebuilt_tables: list[str] = []
    for child_name, child in children.items():
        child_page = _page(existing, child_name)
        child_before = _rendered(registry, known[child_name], known, child_page)
        for key, planned in _rendered(registry, child, after_known, child_page).items():
            files.regenerate(child_before.get(key), planned)
        sources = {c: sql_ident(c) for c in [a.name for a in child.attributes] + [r.field_name for r in child.references]}
        sources[RelationshipSpec(renamed.name).field_name] = RelationshipSpec(current.name).field_name
        rebuilt, child_guards, _ = migrations.table_change(
            _values(known[child_name], known, child_page), _values(child, after_known, child_page), sources
        )
        statements += rebuilt
        guards += child_guards
        rebuilt_tables.append(child.table_name)
    page_file = existing.page_files.get(current.name, old_values["page_file"])
    shared, conflicts = _shared_edits(base, old_values, page_file, new_values)
    migration = migrations.Migration(
        f"{migrations.next_number(base):04d}_rename_{current.table_name}_to_{renamed.table_name}",
        f"rename {current.table_name} to {renamed.table_name}",
        tuple(statements),
        tuple(guards),
        rebuilds=True,
        rebuilt_tables=tuple(rebuilt_tables),
    )
    return ScaffoldPlan(
        root=base,
        entities=(renamed,),
        files=(*files.files, *shared, migration_file(migration)),
        conflicts=tuple(files.conflicts + conflicts),
        notes=tuple(files.notes),
        new_app=False,
        classifications={renamed.name: classify(request, renamed)},
        migrations=(migration,),
    )


__all__ = ["plan_entity_delete", "plan_entity_rename"]
