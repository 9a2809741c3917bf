"""``baes scaffold`` (an entity from a spec or a sentence) and ``baes templates``.

``baes scaffold`` is the command-line face of the generation pipeline
(``baes.generation.pipeline.generate_entity``): recognition (cache first) for a sentence, the
templates for STANDARD entities, the LLM for CUSTOM ones when one is configured, validation,
atomic all-or-nothing writes and a metrics record. A sentence is handed to the pipeline as it
is, never recognized here, so it has one way to become an entity: the recognition cache under
the user's cache folder (unless ``ENABLE_RECOGNITION_CACHE`` is off) and the LLM of
``BAES_LLM_*`` (none configured: the offline recognizer, no network). Exit codes: 0 written
(or listed with ``--dry-run``), 1 conflict or failure (nothing was written), 2 usage error
(bad spec, a request that names no entity). Core modules are imported inside the handlers so
``baes --help`` stays fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from baes.cli.diffs import NO_FILE, unified_diff

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def register(subparsers: argparse._SubParsersAction) -> None:
    scaffold = subparsers.add_parser(
        "scaffold",
        help="generate a tested CRUD entity (API, table, Streamlit page, tests)",
        description=(
            "Generate an entity's FastAPI router, models, SQLite table, Streamlit page and tests into a new or an "
            "existing generated app. Give a sentence, or --entity with --attr/--ref."
        ),
        epilog=(
            "examples:\n"
            "  baes scaffold --entity Student --attr name:str --attr gpa:float --attr email:email?\n"
            "  baes scaffold --entity Enrollment --attr enrolled_on:date --ref Student --ref Course --out app-dir\n"
            "  baes scaffold --entity Student --add-attr phone --default phone=unknown --dry-run\n"
            "  baes scaffold --entity Student --rename-attr gpa:grade_average\n"
            '  baes scaffold "Create a system to manage university students with name, email and GPA"\n'
            "attribute types: str, int, float, bool, date, datetime, email; a trailing ? makes it optional"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    scaffold.add_argument("request", nargs="?", help="a sentence describing the entity or a change to one")
    scaffold.add_argument("--entity", metavar="NAME", help="entity name, e.g. Student")
    scaffold.add_argument(
        "--attr",
        "--add-attr",
        dest="attr",
        action="append",
        default=[],
        metavar="NAME:TYPE[?]",
        help="an attribute (added to an existing entity); repeatable (e.g. gpa:float, email:email?)",
    )
    scaffold.add_argument(
        "--ref",
        "--references",
        dest="ref",
        action="append",
        default=[],
        metavar="ENTITY[?]",
        help="a reference to another entity of the app (adds <entity>_id); repeatable",
    )
    scaffold.add_argument("--out", default=".", metavar="DIR", help="project folder (default: the current folder)")
    scaffold.add_argument(
        "--dry-run",
        action="store_true",
        help="show what was understood, every file with its diff and the migration SQL; write nothing",
    )
    scaffold.add_argument("--format", choices=("text", "json"), default="text")
    _add_evolution_arguments(scaffold)
    scaffold.set_defaults(handler=run_scaffold)

    templates = subparsers.add_parser(
        "templates", help="list the code templates", description="List the Jinja2 templates used by baes scaffold."
    )
    templates.add_argument("--format", choices=("text", "json"), default="text")
    templates.set_defaults(handler=run_templates)


def _usage(message: str) -> int:
    print(f"baes scaffold: {message}", file=sys.stderr)
    return EXIT_USAGE


def _add_evolution_arguments(scaffold: argparse.ArgumentParser) -> None:
    """Flags that change an entity the app already has (one plan: files merged, one migration)."""
    scaffold.add_argument(
        "--remove-attr",
        action="append",
        default=[],
        metavar="NAME",
        help="remove an attribute of an existing entity (its column is dropped, rows kept)",
    )
    scaffold.add_argument("--rename-attr", metavar="OLD:NEW", help="rename an attribute (its column keeps the data)")
    scaffold.add_argument(
        "--default",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="the value existing rows get for a new required attribute; repeatable",
    )
    scaffold.add_argument(
        "--many-to-many",
        action="append",
        default=[],
        metavar="ENTITY",
        help="relate to another entity many-to-many: a join entity <Entity><Other> with both "
        "references, UNIQUE on the pair, and endpoints listing each side's partners",
    )
    scaffold.add_argument("--rename-entity", metavar="NEW", help="rename the entity (files, table, references to it)")
    scaffold.add_argument(
        "--delete-entity", action="store_true", help="delete the entity (refused while others refer to it); its table is dropped"
    )
    scaffold.add_argument(
        "--conflict-markers",
        action="store_true",
        help="write overlapping edits with <<<<<<< markers instead of refusing the change",
    )


def _change_from_args(args: argparse.Namespace, out: Path) -> Any:
    """An ``EntityChange`` when ``--entity`` names an entity the app has, else None (a new entity).

    Raises ``SpecError`` for change flags on an entity the app does not have, or a malformed flag.
    """
    from baes.scaffold.entity_update import EntityChange
    from baes.scaffold.project import inspect_project
    from baes.scaffold.spec import AttributeSpec, SpecError, check_identifier

    changes = bool(args.remove_attr or args.rename_attr or args.default or args.rename_entity or args.delete_entity)
    current = inspect_project(out).get(args.entity.strip())
    if current is None:
        if changes:
            raise SpecError(
                f"{args.entity} is not an entity of the app in {out}: --remove-attr, --rename-attr, "
                "--rename-entity, --delete-entity and --default change an existing entity"
            )
        return None
    rename = None
    if args.rename_attr:
        old, sep, new = args.rename_attr.partition(":")
        if not sep:
            raise SpecError("--rename-attr takes OLD:NEW")
        rename = (check_identifier(old.strip(), "attribute name"), check_identifier(new.strip(), "attribute name"))
    defaults = []
    for text in args.default:
        name, sep, value = text.partition("=")
        if not sep:
            raise SpecError(f"--default takes NAME=VALUE, not {text!r}")
        defaults.append((check_identifier(name.strip(), "attribute name"), value))
    return EntityChange(
        current.name,
        add_attributes=tuple(AttributeSpec.parse(text) for text in args.attr),
        add_relationships=_relationships(args),
        remove=tuple(check_identifier(name.strip(), "attribute name") for name in args.remove_attr),
        rename=rename,
        defaults=tuple(defaults),
        new_name=check_identifier(args.rename_entity.strip(), "entity name") if args.rename_entity else None,
        delete=bool(args.delete_entity),
    )


def _relationships(args: argparse.Namespace) -> tuple[Any, ...]:
    """The ``--ref`` (many-to-one) and ``--many-to-many`` relationships of the command line."""
    from baes.scaffold.spec import RelationshipSpec

    references = [RelationshipSpec(target=ref.rstrip("?").strip(), required=not ref.endswith("?")) for ref in args.ref]
    return tuple(references) + tuple(RelationshipSpec(target=t.strip(), kind="many_to_many") for t in args.many_to_many)


def _print_plan(plan: Any, stream: Any) -> None:
    """``--dry-run``: every file as a unified diff against what is on disk, then the migration SQL."""
    for planned in plan.files:
        if planned.path.startswith(".baes/"):
            continue  # baes' own copy of the new generation: the same text as the file's "after"
        before = planned.original or "" if planned.kind != "create" else ""
        old_name = f"a/{planned.path}" if planned.kind != "create" else NO_FILE
        new_name = f"b/{planned.path}" if planned.kind != "delete" else NO_FILE
        stream.write(unified_diff(before, planned.content, old_name, new_name))
    for migration in getattr(plan, "migrations", ()):
        stream.write(f"-- migration {migration.path}: {migration.description}\n{migration.sql()}")


def _spec_from_args(args: argparse.Namespace) -> Any:
    """The entity of ``--entity/--attr/--ref``, checked as the templates will use it (``SpecError`` if not)."""
    from baes.scaffold.context import build_render_context
    from baes.scaffold.spec import AttributeSpec, EntitySpec

    attributes = tuple(AttributeSpec.parse(text) for text in args.attr)
    spec = EntitySpec(name=args.entity.strip(), attributes=attributes, relationships=_relationships(args))
    build_render_context(spec.to_context())
    return spec


def run_scaffold(args: argparse.Namespace) -> int:
    """Validate the command line, then run the generation pipeline (recognition, templates or LLM, writes)."""
    from baes.scaffold.spec import SpecError

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        return _usage(f"--out {args.out!r} is not a folder")
    if bool(args.request and args.request.strip()) == bool(args.entity):
        return _usage("give either a sentence or --entity NAME (with --attr/--ref), not both or neither")
    if args.request and (args.attr or args.ref or args.remove_attr or args.rename_attr):
        return _usage("--attr, --ref, --remove-attr and --rename-attr go with --entity, not with a sentence")
    try:
        change = None if args.request else _change_from_args(args, out)
        request = args.request if args.request else (change or _spec_from_args(args))
    except (SpecError, ValueError) as exc:
        return _usage(str(exc))

    from baes.generation.pipeline import generate_entity

    result = generate_entity(request, out, dry_run=args.dry_run, conflict_markers=args.conflict_markers)
    if not result.ok and result.entity is None and result.recognition is None:
        # Nothing could be made of the request (not understood, or not an entity): a usage problem.
        return _usage("; ".join(result.metrics.error_notes) or "the request was not understood")
    return _report(args, out, result)


def _report(args: argparse.Namespace, out: Path, result: Any) -> int:
    from baes.recognition.describe import describe
    from baes.recognition.model import recognition_to_json

    errors = list(result.metrics.error_notes)
    recognition = result.recognition
    understood = set(recognition.notes) if recognition is not None else set()
    notes = [note for note in result.notes if note not in errors and note not in understood]
    if result.recognition_source and result.entity is not None and recognition is None:
        notes.insert(0, f"recognized {result.entity.name} ({result.recognition_source})")
    if args.format == "json":
        data = result.to_dict()
        data.update({"root": str(out), "errors": errors, "notes": notes})
        if recognition is not None:
            data["spec"] = recognition_to_json(recognition)
            data["recognition_notes"] = list(recognition.notes)
        print(json.dumps(data, indent=2))
        return EXIT_OK if result.ok else EXIT_FAILED
    stream = sys.stdout if result.ok else sys.stderr
    if recognition is not None:  # what was understood, before any file is named
        for line in describe(recognition):
            print(line, file=stream)
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    if result.ok:
        for planned in result.files:
            verb = f"would {planned.kind}" if args.dry_run else planned.kind.rstrip("e") + "ed"
            origin = " (LLM)" if planned.source == "llm" else ""
            print(f"{verb:12} {out / planned.path}{origin}", file=stream)
    elif not any("nothing was written" in error for error in errors):
        print("nothing was written", file=sys.stderr)
    for note in notes:
        print(f"note: {note}", file=stream)
    if result.ok and args.dry_run and result.plan is not None:
        _print_plan(result.plan, stream)
    if result.ok and not args.dry_run:
        print(f"next: cd {out} && pytest   (then: uvicorn app.main:app, streamlit run ui/app.py)", file=stream)
    return EXIT_OK if result.ok else EXIT_FAILED


def run_templates(args: argparse.Namespace) -> int:
    from baes.scaffold.template_registry import TemplateRegistry

    templates = TemplateRegistry().list_templates()
    if args.format == "json":
        print(json.dumps({"templates": [t.to_dict() for t in templates]}, indent=2))
        return EXIT_OK
    for metadata in templates:
        swea = metadata.swea_type.value if metadata.swea_type else "-"
        print(
            f"{metadata.template_id:24} {swea:9} {metadata.entity_type.value:9} v{metadata.version:5} "
            f"{metadata.output_path:34} {metadata.description}"
        )
    return EXIT_OK
