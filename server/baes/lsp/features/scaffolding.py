"""``baes.scaffoldEntity``: a sentence or an explicit entity becomes one ``WorkspaceEdit``.

The request goes through the same generation pipeline as ``baes scaffold``
(``baes.generation.pipeline.generate_entity`` with ``dry_run=True``): recognition with the
process-wide recognition cache, the configured LLM, intents such as "add email to Student"
on an existing app, validation, and the metrics record ``baes.showMetrics`` reads. Its final
plan becomes file creations that refuse to overwrite plus edits of existing files, applied
with ``workspace/applyEdit`` so the editor can undo them. A failed request, or an edited file
whose open buffer differs from the disk, is refused as a whole.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lsprotocol import types
from pygls.uris import from_fs_path

from baes.lsp.configuration import uri_to_path
from baes.lsp.edits import lsp_text_edits
from baes.lsp.features.commands import CommandError
from baes.lsp.positions import split_lines
from baes.lsp.progress import WorkProgress
from baes.lsp.session import Session

if TYPE_CHECKING:
    from baes.generation.result import GenerationResult
    from baes.scaffold.plan import ScaffoldPlan
    from baes.scaffold.spec import EntitySpec

logger = logging.getLogger(__name__)


def _root(session: Session, argument: Mapping[str, Any]) -> Path:
    folder_uri = argument.get("folder_uri")
    if folder_uri is not None and not isinstance(folder_uri, str):
        raise CommandError("'folder_uri' must be a URI string")
    candidates = [folder_uri] if folder_uri else session.folder_uris()
    for uri in candidates:
        path = uri_to_path(uri) if uri else None
        if path:
            return Path(path)
    raise CommandError("no folder to scaffold into: open a workspace folder or pass 'folder_uri'")


def _spec_from_entity(entity: Any) -> EntitySpec:
    # Imported when first needed: the spec module takes 20 ms to import (python -X importtime).
    from baes.scaffold.spec import EntitySpec, SpecError

    if not isinstance(entity, Mapping) or not isinstance(entity.get("name"), str):
        raise CommandError("'entity' must be an object {name, attributes: [{name, type, required}], relationships}")
    context = {
        "entity_name": entity["name"],
        "attributes": list(entity.get("attributes") or []),
        "relationships": list(entity.get("relationships") or []),
    }
    try:
        return EntitySpec.from_context(context)
    except (SpecError, KeyError, TypeError, ValueError) as exc:
        raise CommandError(f"invalid entity: {exc}") from exc


def _generate(session: Session, request: str | EntitySpec, root: Path) -> GenerationResult:
    """Run the generation pipeline without writing (worker thread): a ``GenerationResult``.

    The LLM is the environment's (``BAES_LLM_*``, the API key only ever from there) with the
    editor's ``llm`` settings on top; the flags are the ones in force for the folder.
    """
    # Imported when scaffolding first runs, not at start-up: the pipeline and the planner (Jinja2)
    # take 41 ms to import (python -X importtime: 23 + 18), 7% of the time to the ``initialize`` answer.
    from baes.generation.llm_client import LLMConfig
    from baes.generation.pipeline import generate_entity

    resolved = session.config.resolve(from_fs_path(str(root)) or "", session.folder_uris())
    editor = resolved.editor
    overrides = {k: v for k, v in (("base_url", editor.llm_base_url), ("model", editor.llm_model)) if v}
    llm = LLMConfig.from_env().merged(overrides, "editor settings")
    flags = resolved.settings.flags
    # The pipeline picks the process-wide recognition cache itself, or none when the flags turn it off.
    return generate_entity(request, root, llm=llm, flags=flags, dry_run=True)


def workspace_edit(session: Session, plan: ScaffoldPlan) -> types.WorkspaceEdit:
    """The plan as one edit: ``CreateFile`` (never overwriting) + content, and edits of shared files."""
    from baes.scaffold.plan import CREATE, DELETE  # loaded by ``_generate`` already (it made the plan)

    codec = session.position_codec
    changes: list[Any] = []
    for planned in plan.files:
        path = Path(plan.root) / planned.path
        uri = from_fs_path(str(path)) or ""
        if planned.kind == CREATE:
            changes.append(types.CreateFile(uri=uri, options=types.CreateFileOptions(overwrite=False, ignore_if_exists=False)))
            start = types.Position(line=0, character=0)
            changes.append(
                types.TextDocumentEdit(
                    text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=None),
                    edits=[types.TextEdit(range=types.Range(start=start, end=start), new_text=planned.content)],
                )
            )
            continue
        if planned.kind == DELETE:  # a renamed or deleted entity's file: only while it holds what baes expects
            document = session.workspace.text_documents.get(uri)
            if document is not None and document.source != (planned.original or ""):
                raise CommandError(f"{planned.path} has unsaved changes in the editor: save it, then scaffold again")
            changes.append(types.DeleteFile(uri=uri, options=types.DeleteFileOptions(ignore_if_not_exists=True)))
            continue
        original = planned.original or ""
        version = None
        document = session.workspace.text_documents.get(uri)
        if document is not None:
            if document.source != original:
                raise CommandError(f"{planned.path} has unsaved changes in the editor: save it, then scaffold again")
            version = document.version
        changes.append(
            types.TextDocumentEdit(
                text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
                edits=lsp_text_edits(split_lines(original), planned.edits, codec),
            )
        )
    return types.WorkspaceEdit(document_changes=changes)


def _can_create_files(session: Session, delete: bool = False) -> bool:
    edit = getattr(session.client.capabilities.workspace, "workspace_edit", None)
    operations = getattr(edit, "resource_operations", None) or []
    needed = [types.ResourceOperationKind.Create] + ([types.ResourceOperationKind.Delete] if delete else [])
    return bool(getattr(edit, "document_changes", False)) and all(kind in operations for kind in needed)


async def scaffold_entity(session: Session, argument: Mapping[str, Any]) -> dict[str, Any]:
    """``{request?, entity?, folder_uri?, dry_run?}`` → ``{entity, files: [uri...], notes: [...], ...}``."""
    request = argument.get("request")
    entity = argument.get("entity")
    if request is not None and not isinstance(request, str):
        raise CommandError("'request' must be a sentence (a string)")
    if not (request and request.strip()) and entity is None:
        raise CommandError("give a 'request' sentence or an 'entity' object")
    dry_run = bool(argument.get("dry_run", False))
    if not dry_run and not _can_create_files(session):
        raise CommandError("this editor cannot create files through LSP; run `baes scaffold` in a terminal instead")
    root = _root(session, argument)
    subject: str | EntitySpec = _spec_from_entity(entity) if entity is not None else str(request)
    loop = asyncio.get_running_loop()
    progress = await WorkProgress.start(session.client, "baes: scaffolding", cancellable=False)
    try:
        progress.report("recognising and planning" if entity is None else "planning", 10)
        generated = await loop.run_in_executor(None, _generate, session, subject, root)
        # Imported when first needed, like scaffold.spec above (it imports it: 20 ms, python -X importtime).
        from baes.recognition.model import recognition_to_json

        recognition = generated.recognition
        spec = recognition_to_json(recognition) if recognition is not None else None
        if not generated.ok or generated.plan is None:
            problems = list(generated.metrics.error_notes) or list(generated.notes) or ["nothing to do"]
            if dry_run and spec is not None and recognition is not None:
                # the preview shows what was understood, and why it cannot be done
                return {
                    "ok": False,
                    "entity": spec["entity"],
                    "intent": generated.intent,
                    "spec": spec,
                    "files": [],
                    "notes": list(recognition.notes),
                    "errors": problems,
                    "dry_run": True,
                    "recognition_source": generated.recognition_source,
                }
            raise CommandError("cannot scaffold: " + "; ".join(problems))
        plan = generated.plan
        name = generated.entity.name if generated.entity is not None else ""
        files = [from_fs_path(str(Path(plan.root) / f.path)) for f in plan.files]
        result: dict[str, Any] = {
            "entity": name,
            "intent": generated.intent,
            "files": files,
            "notes": list(generated.notes),
            "dry_run": dry_run,
            "recognition_source": generated.recognition_source,
            "ok": True,
        }
        if spec is not None:
            result["spec"] = spec
        # the migration SQL the change adds to the app (shown by a dry run before anything is written)
        result["migrations"] = plan.migrations_json()
        if dry_run:
            return result
        if any(f.kind == "delete" for f in plan.files) and not _can_create_files(session, delete=True):
            raise CommandError(
                "this change deletes files and this editor cannot delete files through LSP; "
                "run `baes scaffold` in a terminal instead"
            )
        progress.report(f"applying {len(files)} files", 80)
        edit = workspace_edit(session, plan)
        response = await session.client.apply_edit(types.ApplyWorkspaceEditParams(edit=edit, label=f"BAES: scaffold {name}"))
        result["applied"] = bool(getattr(response, "applied", False))
        if not result["applied"]:
            result["failure_reason"] = getattr(response, "failure_reason", None)
        return result
    finally:
        progress.end("done")
