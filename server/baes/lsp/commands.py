"""``workspace/executeCommand``: the command ids and argument shapes of docs/architecture.md.

Each command takes one optional JSON object and returns a JSON object. Failures answer
with an error naming the problem (bad arguments, a stale document, a missing core module);
they never stop the server.
"""
from __future__ import annotations

import asyncio
import dataclasses
import datetime
import enum
import logging
import os
import platform
import sys
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, Awaitable, Callable, Mapping, Sequence

from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams, JsonRpcInternalError

from baes import __version__
from baes.standards.findings import Finding
from baes.lsp import code_actions, core, scaffolding
from baes.lsp.configuration import uri_to_path
from baes.lsp.edits import document_edit

if TYPE_CHECKING:
    from baes.lsp.server import BaesLanguageServer

logger = logging.getLogger(__name__)

Handler = Callable[["BaesLanguageServer", Mapping[str, Any]], Awaitable[Any]]


class CommandError(Exception):
    """A command could not do its work for a reason the user can act on."""


def jsonable(value: Any) -> Any:
    """Dataclasses, enums, dates and paths as plain JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, PurePath):
        return str(value)
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [jsonable(v) for v in value]
    return value


def _argument(arguments: Sequence[Any]) -> Mapping[str, Any]:
    if not arguments or arguments[0] is None:
        return {}
    if len(arguments) > 1 or not isinstance(arguments[0], Mapping):
        raise JsonRpcInvalidParams("expected one JSON object as the command's argument")
    return arguments[0]


async def invoke(ls: "BaesLanguageServer", handler: Handler, arguments: Sequence[Any]) -> Any:
    """Run a command; its errors become JSON-RPC errors with a readable message."""
    argument = _argument(arguments)
    try:
        return jsonable(await handler(ls, argument))
    except (CommandError, core.CoreUnavailable) as exc:
        logger.warning("%s", exc)
        raise JsonRpcInternalError(str(exc)) from exc
    except (KeyError, TypeError, ValueError) as exc:
        raise JsonRpcInvalidParams(f"invalid arguments: {exc}") from exc


def _uri(argument: Mapping[str, Any]) -> str:
    uri = argument.get("uri")
    if not isinstance(uri, str) or not uri:
        raise CommandError("the argument needs a document 'uri'")
    return uri


async def _apply(ls: "BaesLanguageServer", edit: types.WorkspaceEdit, label: str) -> bool:
    response = await ls.workspace_apply_edit_async(types.ApplyWorkspaceEditParams(edit=edit, label=label))
    applied = bool(getattr(response, "applied", False))
    if not applied:
        logger.info("the client did not apply %r: %s", label, getattr(response, "failure_reason", None))
    return applied


async def _current(ls: "BaesLanguageServer", uri: str, version: Any = None):
    from baes.lsp.diagnostics import current_result

    result = await current_result(ls, uri)
    if result is None:
        raise CommandError(f"unknown document {uri}")
    if version is not None and result.version != version:
        raise CommandError(f"{uri} changed (version {result.version}, the fix was for {version}); try again")
    return result


async def apply_fix(ls: "BaesLanguageServer", argument: Mapping[str, Any]) -> dict[str, Any]:
    """``{uri, version?, diagnostic_data}``: apply one finding's fix."""
    uri = _uri(argument)
    data = argument.get("diagnostic_data")
    if not isinstance(data, Mapping):
        raise CommandError("the argument needs 'diagnostic_data' (a diagnostic's data)")
    finding = Finding.from_dict(data["finding"] if isinstance(data.get("finding"), Mapping) else data)
    if finding.fix is None:
        raise CommandError(f"{finding.rule_id} has no automatic fix")
    result = await _current(ls, uri, argument.get("version", data.get("version")))
    edits = await code_actions.fix_edits(result, finding)
    if not edits:
        return {"applied": False, "edits": 0}
    edit = document_edit(ls, uri, result.version, result.lines, edits)
    return {"applied": await _apply(ls, edit, f"BAES ({finding.rule_id}): {finding.fix.title}"), "edits": len(edits)}


async def fix_all(ls: "BaesLanguageServer", argument: Mapping[str, Any]) -> dict[str, Any]:
    """``{uri}``: apply every safe fix of the document."""
    uri = _uri(argument)
    result = await _current(ls, uri)
    outcome = await code_actions.fix_all_outcome(result)
    fixed = [finding.rule_id for finding in outcome.applied]
    if not outcome.edits:
        return {"applied": False, "fixed": fixed, "skipped": len(outcome.skipped)}
    edit = document_edit(ls, uri, result.version, result.lines, outcome.edits)
    applied = await _apply(ls, edit, code_actions.FIX_ALL_TITLE)
    return {"applied": applied, "fixed": fixed if applied else [], "skipped": len(outcome.skipped)}


async def list_templates(ls: "BaesLanguageServer", argument: Mapping[str, Any]) -> dict[str, Any]:
    registry = core.attribute("baes.scaffold.template_registry", "TemplateRegistry")()
    templates = registry.list_templates()
    return {"templates": [t.to_dict() if hasattr(t, "to_dict") else jsonable(t) for t in templates]}


async def _blocking(function: Callable[[], Any]) -> Any:
    """File and SQLite work off the event loop."""
    return await asyncio.get_running_loop().run_in_executor(None, function)


def _cache() -> Any:
    """The process-wide recognition cache scaffolding uses, so hit counts add up across requests."""
    return core.attribute("baes.recognition.cache", "default_cache")()


def _cache_enabled(ls: "BaesLanguageServer") -> bool:
    folders = ls.folder_uris()
    return bool(ls.config.resolve(folders[0] if folders else "", folders).settings.flags.ENABLE_RECOGNITION_CACHE)


async def cache_stats(ls: "BaesLanguageServer", argument: Mapping[str, Any]) -> dict[str, Any]:
    """The shared cache's statistics; ``enabled`` says whether scaffolding uses it (ENABLE_RECOGNITION_CACHE)."""
    enabled = _cache_enabled(ls)

    def read() -> dict[str, Any]:
        return {**_cache().summary(), "enabled": enabled}

    return await _blocking(read)


async def clear_cache(ls: "BaesLanguageServer", argument: Mapping[str, Any]) -> dict[str, Any]:
    def clear() -> dict[str, Any]:
        return {"cleared": True, "removed_entries": _cache().clear_counted()}

    return await _blocking(clear)


async def show_metrics(ls: "BaesLanguageServer", argument: Mapping[str, Any]) -> dict[str, Any]:
    """The metrics log summarised (the same summary ``baes metrics --format json`` prints)."""
    report = core.attribute("baes.metrics.log", "report")
    last = argument.get("last")
    if last is not None and (not isinstance(last, int) or isinstance(last, bool) or last < 1):
        raise CommandError("'last' must be a whole number of at least 1")
    try:
        return await _blocking(lambda: report(None, last=last))
    except OSError as exc:
        raise CommandError(f"cannot read the metrics log: {exc}") from exc


def _package_version(name: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def _client_summary(ls: "BaesLanguageServer") -> dict[str, Any]:
    return {
        "diagnostics": "pull" if ls.pull_diagnostics else "push",
        "workspace_diagnostics_refresh": ls.supports("workspace.diagnostics.refresh_support"),
        "code_action_resolve_edit": ls.resolve_edits,
        "work_done_progress": ls.supports("window.work_done_progress"),
        "workspace_configuration": ls.supports("workspace.configuration"),
        "watched_files_dynamic_registration": ls.supports("workspace.did_change_watched_files.dynamic_registration"),
        "document_changes": ls.supports("workspace.workspace_edit.document_changes"),
        "code_lens_refresh": ls.supports("workspace.code_lens.refresh_support"),
        "position_encoding": str(ls.workspace.position_encoding),
    }


async def debug_information(ls: "BaesLanguageServer", argument: Mapping[str, Any]) -> dict[str, Any]:
    """Versions, config files per folder, settings in force, open documents, client capabilities."""
    from baes.settings.loader import find_config_file

    folders = []
    for folder in ls.folder_uris():
        path = uri_to_path(folder)
        resolved = ls.settings_for(folder)
        config = find_config_file(path) if path else None
        folders.append({
            "uri": folder,
            "config_file": str(config) if config else None,
            "editor_settings": jsonable(resolved.editor),
            "settings": jsonable(resolved.settings),
            "messages": list(resolved.messages),
        })
    from baes.lsp.diagnostics import current_result

    documents = []
    for document in list(ls.workspace.text_documents.values()):
        try:  # the stored result, or a fresh one (a settings change drops the stored results)
            result = await current_result(ls, document.uri)
        except Exception:  # a document that cannot be checked still gets its line
            logger.exception("checking %s for the debug information failed", document.uri)
            result = None
        documents.append({
            "uri": document.uri,
            "version": document.version,
            "language_id": document.language_id,
            "findings": len(result.findings) if result else None,
            "outcome": str(result.report.outcome) if result and result.report is not None else None,
        })
    info = ls.client_info
    return {
        "versions": {
            "baes": __version__,
            "python": sys.version.split()[0],
            "platform": platform.platform(),
            "pygls": _package_version("pygls"),
            "lsprotocol": _package_version("lsprotocol"),
        },
        "executable": sys.executable,
        "cwd": os.getcwd(),
        "log_level": logging.getLevelName(ls.log_level).lower(),
        "client": jsonable(info) if info else None,
        "client_capabilities": _client_summary(ls),
        "workspace_folders": folders,
        "open_documents": documents,
    }


COMMANDS: dict[str, Handler] = {
    "baes.applyFix": apply_fix,
    "baes.fixAll": fix_all,
    "baes.scaffoldEntity": scaffolding.scaffold_entity,
    "baes.listTemplates": list_templates,
    "baes.cacheStats": cache_stats,
    "baes.clearCache": clear_cache,
    "baes.showMetrics": show_metrics,
    "baes.printDebugInformation": debug_information,
}
