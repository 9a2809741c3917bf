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
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping

from lsprotocol import types
from pygls.uris import from_fs_path

from baes.lsp import core
from baes.lsp.configuration import uri_to_path
from baes.lsp.edits import lsp_text_edits
from baes.lsp.positions import split_lines
from baes.lsp.progress import WorkProgress

if TYPE_CHECKING:
    from baes.lsp.server import BaesLanguageServer

logger = logging.getLogger(__name__)


def _error(text: str) -> Exception:
    from baes.lsp.commands import CommandError

    return CommandError(text)


def _root(ls: "BaesLanguageServer", argument: Mapping[str, Any]) -> Path:
    folder_uri = argument.get("folder_uri")
    if folder_uri is not None and not isinstance(folder_uri, str):
        raise _error("'folder_uri' must be a URI string")
    candidates = [folder_uri] if folder_uri else ls.folder_uris()
    for uri in candidates:
        path = uri_to_path(uri) if uri else None
        if path:
            return Path(path)
    raise _error("no folder to scaffold into: open a workspace folder or pass 'folder_uri'")


def _spec_from_entity(entity: Any) -> Any:
    spec_module = core.module("baes.scaffold.spec")
    if not isinstance(entity, Mapping) or not isinstance(entity.get("name"), str):
        raise _error("'entity' must be an object {name, attributes: [{name, type, required}], relationships}")
    context = {
        "entity_name": entity["name"],
        "attributes": list(entity.get("attributes") or []),
        "relationships": list(entity.get("relationships") or []),
    }
    try:
        return spec_module.EntitySpec.from_context(context)
    except (spec_module.SpecError, KeyError, TypeError, ValueError) as exc:
        raise _error(f"invalid entity: {exc}") from exc


def _generate(ls: "BaesLanguageServer", request: Any, root: Path) -> Any:
    """Run the generation pipeline without writing (worker thread): a ``GenerationResult``.

    The LLM is the environment's (``BAES_LLM_*``, the API key only ever from there) with the
    editor's ``llm`` settings on top; the flags are the ones in force for the folder.
    """
    generate_entity = core.attribute("baes.generation.pipeline", "generate_entity")
    llm_module = core.module("baes.generation.llm_client")
    resolved = ls.config.resolve(from_fs_path(str(root)) or "", ls.folder_uris())
    editor = resolved.editor
    overrides = {k: v for k, v in (("base_url", editor.llm_base_url), ("model", editor.llm_model)) if v}
    llm = llm_module.LLMConfig.from_env().merged(overrides, "editor settings")
    flags = resolved.settings.flags
    # The pipeline picks the process-wide recognition cache itself, or none when the flags turn it off.
    return generate_entity(request, root, llm=llm, flags=flags, dry_run=True)


def workspace_edit(ls: "BaesLanguageServer", plan: Any) -> types.WorkspaceEdit:
    """The plan as one edit: ``CreateFile`` (never overwriting) + content, and edits of shared files."""
    plan_module = core.module("baes.scaffold.plan")
    codec = ls.workspace.position_codec
    changes: list[Any] = []
    for planned in plan.files:
        path = Path(plan.root) / planned.path
        uri = from_fs_path(str(path)) or ""
        if planned.kind == plan_module.CREATE:
            changes.append(types.CreateFile(
                uri=uri, options=types.CreateFileOptions(overwrite=False, ignore_if_exists=False)))
            start = types.Position(line=0, character=0)
            changes.append(types.TextDocumentEdit(
                text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=None),
                edits=[types.TextEdit(range=types.Range(start=start, end=start), new_text=planned.content)],
            ))
            continue
        original = planned.original or ""
        version = None
        document = ls.workspace.text_documents.get(uri)
        if document is not None:
            if document.source != original:
                raise _error(f"{planned.path} has unsaved changes in the editor: save it, then scaffold again")
            version = document.version
        changes.append(types.TextDocumentEdit(
            text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
            edits=lsp_text_edits(split_lines(original), planned.edits, codec),
        ))
    return types.WorkspaceEdit(document_changes=changes)


def _can_create_files(ls: "BaesLanguageServer") -> bool:
    edit = getattr(ls.client_capabilities.workspace, "workspace_edit", None)
    operations = getattr(edit, "resource_operations", None) or []
    return bool(getattr(edit, "document_changes", False)) and types.ResourceOperationKind.Create in operations


async def scaffold_entity(ls: "BaesLanguageServer", argument: Mapping[str, Any]) -> dict[str, Any]:
    """``{request?, entity?, folder_uri?, dry_run?}`` → ``{entity, files: [uri...], notes: [...], ...}``."""
    request = argument.get("request")
    entity = argument.get("entity")
    if request is not None and not isinstance(request, str):
        raise _error("'request' must be a sentence (a string)")
    if not (request and request.strip()) and entity is None:
        raise _error("give a 'request' sentence or an 'entity' object")
    dry_run = bool(argument.get("dry_run", False))
    if not dry_run and not _can_create_files(ls):
        raise _error("this editor cannot create files through LSP; run `baes scaffold` in a terminal instead")
    root = _root(ls, argument)
    subject = _spec_from_entity(entity) if entity is not None else request
    loop = asyncio.get_running_loop()
    progress = await WorkProgress.start(ls, "baes: scaffolding", cancellable=False)
    try:
        progress.report("recognising and planning" if entity is None else "planning", 10)
        generated = await loop.run_in_executor(None, _generate, ls, subject, root)
        recognition = getattr(generated, "recognition", None)
        spec = core.module("baes.recognition.model").recognition_to_json(recognition) if recognition else None
        if not generated.ok or generated.plan is None:
            problems = list(generated.metrics.error_notes) or list(generated.notes) or ["nothing to do"]
            if dry_run and spec is not None:  # the preview shows what was understood, and why it cannot be done
                return {"ok": False, "entity": spec["entity"], "intent": generated.intent, "spec": spec,
                        "files": [], "notes": list(recognition.notes), "errors": problems, "dry_run": True,
                        "recognition_source": generated.recognition_source}
            raise _error("cannot scaffold: " + "; ".join(problems))
        plan = generated.plan
        name = generated.entity.name if generated.entity is not None else ""
        files = [from_fs_path(str(Path(plan.root) / f.path)) for f in plan.files]
        result: dict[str, Any] = {
            "entity": name, "intent": generated.intent, "files": files, "notes": list(generated.notes),
            "dry_run": dry_run, "recognition_source": generated.recognition_source, "ok": True,
        }
        if spec is not None:
            result["spec"] = spec
        if dry_run:
            return result
        progress.report(f"applying {len(files)} files", 80)
        edit = workspace_edit(ls, plan)
        response = await ls.workspace_apply_edit_async(
            types.ApplyWorkspaceEditParams(edit=edit, label=f"BAES: scaffold {name}"))
        result["applied"] = bool(getattr(response, "applied", False))
        if not result["applied"]:
            result["failure_reason"] = getattr(response, "failure_reason", None)
        return result
    finally:
        progress.end("done")
