"""Planning the files of one or more entities for a project folder, as plain data.

A plan lists every file to create (full content) and every shared file to extend (the
current text, the insertions as ``TextEdit``s and the resulting text), plus conflicts
and notes. Planning reads the folder but never writes: the CLI writes a plan atomically
(``baes.scaffold.writer``) and the language server turns the same plan into one
``WorkspaceEdit``. A plan with conflicts must not be written at all.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from baes.files.atomic import read_source
from baes.fixes.text_edits import apply_edits
from baes.scaffold import insertions, migrations
from baes.scaffold.classification import Classification, EntityType, classify, not_generated_note
from baes.scaffold.context import build_render_context, page_file_name
from baes.scaffold.merge import snapshot_path
from baes.scaffold.ordering import creation_order
from baes.scaffold.project import ExistingApp, inspect_project
from baes.scaffold.spec import EntitySpec, SpecError
from baes.scaffold.template_registry import TemplateMetadata, TemplateRegistry, shared_registry
from baes.standards.findings import TextEdit
from baes.swea import SWEAType

CREATE = "create"
EDIT = "edit"
DELETE = "delete"  # ``original``: the text the file must still hold when it is removed

# Shell files that hold user code once generated: extended with insertions, never rewritten.
SHARED_ROLES = ("main", "database", "ui_app")
PACKAGES = {
    "app": "The generated FastAPI application",
    "app/models": "Request and response models, one module per entity",
    "app/routers": "API routers, one module per entity",
    "app/tables": "SQLite tables, one module per entity",
}


@dataclass(frozen=True)
class PlannedFile:
    """One file of a plan: created with ``content``, or edited from ``original`` by ``edits``."""

    path: str  # relative to the plan's root, with "/" separators
    kind: str  # "create" | "edit" | "delete"
    content: str  # the file's full text after the change
    edits: tuple[TextEdit, ...] = ()  # for "edit": insertions against ``original``
    original: str | None = None  # for "edit": the text the edits apply to
    encoding: str = "utf-8"
    swea_type: SWEAType | None = None
    template_id: str | None = None
    entity: str | None = None  # the entity it belongs to (None for shell files)

    def to_dict(self, include_content: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "path": self.path,
            "kind": self.kind,
            "swea_type": self.swea_type.value if self.swea_type else None,
            "template_id": self.template_id,
            "entity": self.entity,
        }
        if self.kind == EDIT:  # a deletion carries no edits: the whole file goes
            data["edits"] = [e.to_dict() for e in self.edits]
        if include_content:
            data["content"] = self.content
        return data


@dataclass(frozen=True)
class ScaffoldPlan:
    """Everything scaffolding would do; written only when ``ok``."""

    root: Path
    entities: tuple[EntitySpec, ...]
    files: tuple[PlannedFile, ...]
    conflicts: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    new_app: bool = True
    classifications: Mapping[str, Classification] = field(default_factory=dict)
    migrations: tuple[migrations.Migration, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.conflicts

    def to_dict(self, include_content: bool = False) -> dict[str, Any]:
        return {
            "root": str(self.root),
            "ok": self.ok,
            "new_app": self.new_app,
            "entities": [e.name for e in self.entities],
            "entity_types": {name: c.entity_type.value for name, c in self.classifications.items()},
            "files": [f.to_dict(include_content) for f in self.files],
            "conflicts": list(self.conflicts),
            "notes": list(self.notes),
            "migrations": self.migrations_json(),
        }

    def migrations_json(self) -> list[dict[str, str]]:
        """Each migration the plan adds: its file and its SQL (what a dry run shows)."""
        return [{"path": m.path, "sql": m.sql()} for m in self.migrations]


def entity_context(spec: EntitySpec, all_specs: Mapping[str, EntitySpec], page_number: int) -> dict[str, Any]:
    context = spec.to_context()
    for relation in context["relationships"]:
        target = all_specs[relation["target"]]
        relation["target_attributes"] = [a.to_context() for a in target.attributes]
        relation["target_fields"] = [a.name for a in target.attributes] + [r.field_name for r in target.references]
    related: dict[str, EntitySpec] = {}
    pending = [r.target for r in spec.relationships]
    while pending:
        name = pending.pop()
        target = all_specs.get(name)
        if target is not None and name not in related:
            related[name] = target
            pending.extend(r.target for r in target.relationships if r.required)
    context["related_entities"] = [e.to_context() for e in related.values()]
    context["page_number"] = page_number
    return context


def _output_path(metadata: TemplateMetadata, values: Mapping[str, Any]) -> str:
    return metadata.output_path.format(**values)


def _validation_notes(files: Iterable[PlannedFile]) -> list[str]:
    """Findings of our own engine on the generated Python files (there should be none)."""
    try:
        from baes.standards.engine import check_source
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("baes.standards"):
            return ["generated files were not checked: the standards engine (baes.standards.engine) is not available"]
        raise
    notes = []
    for planned in files:
        if not planned.path.endswith(".py") or planned.swea_type is None:
            continue
        report = check_source(planned.content, path=planned.path, swea_type=planned.swea_type)
        if report.findings or report.outcome != "confident_approval":
            codes = ", ".join(f"{f.rule_id} (line {f.line})" for f in report.findings) or "no findings"
            notes.append(f"{planned.path}: {report.outcome}: {codes}")
    return notes


def _render_entity(
    registry: TemplateRegistry, spec: EntitySpec, context: Mapping[str, Any]
) -> tuple[dict[str, Any], list[PlannedFile]]:
    """The render values of one entity and its files from the entity templates, all as creations."""
    values = build_render_context(context)
    values["page_file"] = page_file_name(values)
    files = [
        PlannedFile(
            path=_output_path(metadata, values),
            kind=CREATE,
            content=registry.render(metadata.template_id, dict(context)),
            swea_type=metadata.swea_type,
            template_id=metadata.template_id,
            entity=spec.name,
        )
        for metadata in registry.entity_templates(EntityType.STANDARD)
    ]
    return values, files


def render_entity_files(
    spec: EntitySpec, all_specs: Mapping[str, EntitySpec], page_number: int, *, registry: TemplateRegistry | None = None
) -> tuple[PlannedFile, ...]:
    """One entity's own files exactly as planning renders them, all as creations, whatever is on disk.

    ``all_specs`` maps names to the entities ``spec`` references (their attributes shape the
    forms and tests); ``page_number`` numbers the Streamlit page. For comparing two versions of
    an entity (``baes.scaffold.entity_update``) without a second copy of the rendering. Raises
    ``SpecError`` when ``spec`` cannot be rendered.
    """
    _, files = _render_entity(registry or shared_registry(), spec, entity_context(spec, all_specs, page_number))
    return tuple(files)


class _Planner:
    """Collects files, conflicts and notes for one plan."""

    def __init__(self, root: Path, registry: TemplateRegistry, existing: ExistingApp) -> None:
        self.root = root
        self.registry = registry
        self.existing = existing
        self.files: list[PlannedFile] = []
        self.conflicts: list[str] = []
        self.notes: list[str] = []

    def add_new(self, planned: PlannedFile) -> None:
        target = self.root / planned.path
        if target.exists():
            self.conflicts.append(f"{planned.path} already exists; nothing was written")
        else:
            self.files.append(planned)

    def entity_files(self, spec: EntitySpec, context: Mapping[str, Any]) -> dict[str, Any]:
        values, files = _render_entity(self.registry, spec, context)
        for planned in files:
            self.add_new(planned)
        return values

    def shell_files(self, entities: list[dict[str, Any]], new_entities: list[dict[str, Any]], title: str) -> None:
        for metadata in self.registry.list_templates():
            if metadata.scope != "shell":
                continue
            if metadata.role == "package_init":
                for package, description in PACKAGES.items():
                    path = _output_path(metadata, {"package": package})
                    if not (self.root / path).exists():
                        content = self.registry.render(metadata.template_id, {"description": description})
                        self.files.append(PlannedFile(path, CREATE, content, template_id=metadata.template_id))
                continue
            path = metadata.output_path
            target = self.root / path
            if not target.exists():
                content = self.registry.render(metadata.template_id, {"entities": entities, "app_title": title})
                self.files.append(
                    PlannedFile(
                        path,
                        CREATE,
                        content,
                        swea_type=metadata.swea_type,
                        template_id=metadata.template_id,
                    )
                )
            elif metadata.role in SHARED_ROLES:
                self.extend(metadata, path, new_entities)
            elif not self.existing.is_app:
                self.notes.append(f"{path} already exists and was kept as is (the generated app expects its own)")

    def extend(self, metadata: TemplateMetadata, path: str, new_entities: list[dict[str, Any]]) -> None:
        """Plan the insertions that register ``new_entities`` in an existing shared file."""
        try:
            source = read_source(self.root / path)
        except (OSError, UnicodeDecodeError, LookupError) as exc:
            self.conflicts.append(f"{path} cannot be read ({exc}); nothing was written")
            return
        if metadata.role == "database" and "TABLE_CREATORS" not in source.text and "apply_migrations" in source.text:
            return  # the new entity's migration creates its table
        src = insertions.SourceLines(source.text, source.newline)
        try:
            module = insertions.parse(source.text, path)
            edits = self._insertions(metadata.role, src, module, path, new_entities)
        except insertions.InsertionError as exc:
            if metadata.role == "main":
                self.conflicts.append(f"{exc}; nothing was written")
            else:
                self.notes.append(f"{exc}: register the new entity there yourself")
            return
        edits = insertions.merge_insertions(edits)
        if edits:
            self.files.append(
                PlannedFile(
                    path,
                    EDIT,
                    apply_edits(source.text, edits),
                    tuple(edits),
                    source.text,
                    encoding=source.encoding,
                    swea_type=metadata.swea_type,
                    template_id=metadata.template_id,
                )
            )

    @staticmethod
    def _insertions(
        role: str, src: insertions.SourceLines, module: ast.Module, path: str, new: list[dict[str, Any]]
    ) -> list[TextEdit]:
        edits: list[TextEdit | None] = []
        if role == "main":
            edits.append(
                insertions.add_imports(
                    src,
                    module,
                    [f"from app.routers.{e['entity_name_lower']} import router as {e['entity_name_lower']}_router" for e in new],
                    "app.routers",
                )
            )
            calls = [f"app.include_router({e['entity_name_lower']}_router)" for e in new]
            try:
                edits.append(
                    insertions.add_statements_after(src, module, calls, _is_include_router, "app.include_router(...) call", path)
                )
            except insertions.InsertionError:
                edits.append(
                    insertions.add_statements_after(src, module, calls, _is_fastapi_app, "`app = FastAPI(...)` assignment", path)
                )
        elif role == "database":
            edits.append(
                insertions.add_imports(
                    src,
                    module,
                    [f"from app.tables.{e['entity_name_lower']} import create_{e['table_name']}_table" for e in new],
                    "app.tables",
                )
            )
            edits.append(
                insertions.append_to_sequence(
                    src, module, "TABLE_CREATORS", [f"create_{e['table_name']}_table" for e in new], path
                )
            )
        elif role == "ui_app":
            edits.append(
                insertions.append_to_sequence(
                    src,
                    module,
                    "PAGES",
                    [f'st.Page("pages/{e["page_file"]}", title="{e["entity_plural_title"]}")' for e in new],
                    path,
                )
            )
        return [e for e in edits if e is not None]


def _is_include_router(node: ast.stmt) -> bool:
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Call)
        and isinstance(node.value.func, ast.Attribute)
        and node.value.func.attr == "include_router"
    )


def _is_fastapi_app(node: ast.stmt) -> bool:
    return (
        isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Call)
        and ast.unparse(node.value.func).split(".")[-1] == "FastAPI"
    )


def migration_file(migration: migrations.Migration) -> PlannedFile:
    """The planned module of one migration (the database SWEA's)."""
    return PlannedFile(migration.path, CREATE, migration.render(), swea_type=SWEAType.DATABASE)


def plan_scaffold(
    root: str | Path,
    specs: Sequence[EntitySpec],
    *,
    request: str = "",
    classifications: Mapping[str, Classification] | None = None,
    registry: TemplateRegistry | None = None,
    validate: bool = True,
    app_title: str | None = None,
    existing: ExistingApp | None = None,
) -> ScaffoldPlan:
    """Plan the files of ``specs`` for the folder ``root`` (a new or an existing generated app).

    ``existing``: what ``inspect_project(root)`` found, when the caller has already read it.
    """
    base = Path(root)
    registry = registry or shared_registry()
    existing = existing if existing is not None else inspect_project(base)
    planner = _Planner(base, registry, existing)
    expanded: list[EntitySpec] = []
    for spec in specs:  # a many-to-many relationship is a join entity of its own
        own, joins = spec.split_many_to_many()
        expanded += [own, *joins]
    ordered, conflicts = creation_order(expanded, existing)
    planner.conflicts.extend(conflicts)

    all_specs = {e.name: e for e in existing.entities} | {s.name: s for s in ordered}
    results = dict(classifications or {})
    new_contexts: list[dict[str, Any]] = []
    for number, spec in enumerate(ordered, start=existing.next_page_number):
        try:
            values = planner.entity_files(spec, entity_context(spec, all_specs, number))
        except SpecError as exc:
            planner.conflicts.append(str(exc))
            continue
        new_contexts.append(values)
        result = results.setdefault(spec.name, classify(request, spec))
        note = not_generated_note(spec.name, result)
        if note:
            planner.notes.append(note)

    old_contexts = []
    for number, spec in enumerate(existing.entities, start=1):
        values = build_render_context(entity_context(spec, all_specs, number))
        values["page_file"] = existing.page_files.get(spec.name, page_file_name(values))
        old_contexts.append(values)
    created = migrations.creation_migrations(base, old_contexts, new_contexts) if new_contexts else []
    planner.files.extend(migration_file(m) for m in created)
    planner.files.extend(
        PlannedFile(snapshot_path(f.path), CREATE, f.content) for f in list(planner.files) if f.entity and f.template_id
    )
    title = app_title or (" and ".join(e.name for e in ordered[:2]) + " manager" if ordered else "Generated app")
    if new_contexts:
        planner.shell_files(old_contexts + new_contexts, new_contexts, title)
    if validate and not planner.conflicts:
        planner.notes.extend(_validation_notes(planner.files))
    return ScaffoldPlan(
        root=base,
        entities=tuple(ordered),
        files=tuple(planner.files),
        conflicts=tuple(planner.conflicts),
        notes=tuple(planner.notes),
        new_app=not existing.is_app,
        classifications=results,
        migrations=tuple(created),
    )


def plan_entity(root: str | Path, spec: EntitySpec, **options: Any) -> ScaffoldPlan:
    """Plan a single entity (see ``plan_scaffold``)."""
    return plan_scaffold(root, [spec], **options)


__all__ = ["CREATE", "DELETE", "EDIT", "PlannedFile", "ScaffoldPlan", "plan_entity", "plan_scaffold", "render_entity_files"]
