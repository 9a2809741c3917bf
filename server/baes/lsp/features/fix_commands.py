"""``baes.applyFix`` and ``baes.fixAll``: the code actions' fixes, applied by the server itself
with ``workspace/applyEdit`` (for clients and key bindings that run commands)."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from lsprotocol import types

from baes.lsp.edits import document_edit
from baes.lsp.features import code_actions
from baes.lsp.features.commands import CommandError
from baes.lsp.features.diagnostics import current_result
from baes.lsp.linting import LintResult
from baes.lsp.session import Session
from baes.standards.findings import Finding

logger = logging.getLogger(__name__)


def _uri(argument: Mapping[str, Any]) -> str:
    uri = argument.get("uri")
    if not isinstance(uri, str) or not uri:
        raise CommandError("the argument needs a document 'uri'")
    return uri


async def _apply(session: Session, edit: types.WorkspaceEdit, label: str) -> bool:
    response = await session.client.apply_edit(types.ApplyWorkspaceEditParams(edit=edit, label=label))
    applied = bool(getattr(response, "applied", False))
    if not applied:
        logger.info("the client did not apply %r: %s", label, getattr(response, "failure_reason", None))
    return applied


async def _current(session: Session, uri: str, version: Any = None) -> LintResult:
    result = await current_result(session, uri)
    if result is None:
        raise CommandError(f"unknown document {uri}")
    if version is not None and result.version != version:
        raise CommandError(f"{uri} changed (version {result.version}, the fix was for {version}); try again")
    return result


async def apply_fix(session: Session, argument: Mapping[str, Any]) -> dict[str, Any]:
    """``{uri, version?, diagnostic_data}``: apply one finding's fix."""
    uri = _uri(argument)
    data = argument.get("diagnostic_data")
    if not isinstance(data, Mapping):
        raise CommandError("the argument needs 'diagnostic_data' (a diagnostic's data)")
    finding = Finding.from_dict(data["finding"] if isinstance(data.get("finding"), Mapping) else data)
    if finding.fix is None:
        raise CommandError(f"{finding.rule_id} has no automatic fix")
    result = await _current(session, uri, argument.get("version", data.get("version")))
    edits = await code_actions.fix_edits(result, finding)
    if not edits:
        return {"applied": False, "edits": 0}
    edit = document_edit(session, uri, result.version, result.lines, edits)
    return {"applied": await _apply(session, edit, f"BAES ({finding.rule_id}): {finding.fix.title}"), "edits": len(edits)}


async def fix_all(session: Session, argument: Mapping[str, Any]) -> dict[str, Any]:
    """``{uri}``: apply every safe fix of the document."""
    uri = _uri(argument)
    result = await _current(session, uri)
    outcome = await code_actions.fix_all_outcome(result)
    fixed = [finding.rule_id for finding in outcome.applied]
    if not outcome.edits:
        return {"applied": False, "fixed": fixed, "skipped": len(outcome.skipped)}
    edit = document_edit(session, uri, result.version, result.lines, outcome.edits)
    applied = await _apply(session, edit, code_actions.FIX_ALL_TITLE)
    return {"applied": applied, "fixed": fixed if applied else [], "skipped": len(outcome.skipped)}
