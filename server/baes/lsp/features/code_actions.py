"""Code actions: one quick fix per fixable finding, "Disable X for this line", and
``source.fixAll.baes``, all from the findings already computed for the document's version
(the suppression edits are computed at the first request for a version, then reused).

Edits are computed lazily through ``codeAction/resolve`` only for clients that advertise
resolving ``edit``; every other client gets the edit inside the action.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from lsprotocol import types

from baes.lsp.edits import document_edit
from baes.lsp.features.diagnostics import current_result
from baes.lsp.linting import LintResult, suppression_edits
from baes.lsp.positions import range_to_lines
from baes.lsp.session import Session
from baes.standards.findings import Finding, FixSafety, TextEdit

if TYPE_CHECKING:
    from baes.fixes.apply import FixOutcome

logger = logging.getLogger(__name__)

FIX_ALL_KIND = "source.fixAll.baes"
FIX_ALL_TITLE = "BAES: fix all auto-fixable problems"


def _wants(only: Sequence[str] | None, kind: str) -> bool:
    if not only:
        return True
    return any(kind == wanted or kind.startswith(f"{wanted}.") for wanted in only)


def _overlaps(finding: Finding, first: int, last: int) -> bool:
    return finding.span.start_line <= last and finding.span.end_line >= first


async def fix_edits(result: LintResult, finding: Finding) -> tuple[TextEdit, ...]:
    """The minimal edits of one finding's fix (libcst work: in a worker thread)."""
    # Imported when a fix is first asked for: the fixer takes 10 ms to import (python -X importtime)
    # and most sessions start without one.
    from baes.fixes.apply import fix_finding

    outcome = await asyncio.get_running_loop().run_in_executor(None, fix_finding, result.source, finding)
    return tuple(outcome.edits)


async def fix_all_outcome(result: LintResult) -> FixOutcome:
    """Every safe fix of the document applied, as ``baes fix`` does."""
    from baes.fixes.apply import fix_source  # when first asked for (see ``fix_edits``)

    settings = result.settings.settings
    return await asyncio.get_running_loop().run_in_executor(None, lambda: fix_source(result.source, result.path, settings))


def _has_safe_fix(result: LintResult) -> bool:
    return any(f.fix is not None and f.fix.safety is FixSafety.SAFE for f in result.findings)


async def code_action(session: Session, params: types.CodeActionParams) -> list[types.CodeAction]:
    result = await current_result(session, params.text_document.uri)
    if result is None or result.report is None:
        return []
    only = params.context.only
    first, last = range_to_lines(result.lines, params.range, session.position_codec)
    lazy = session.resolve_edits
    actions: list[types.CodeAction] = []
    if _wants(only, types.CodeActionKind.QuickFix):
        wanted = [i for i, finding in enumerate(result.findings) if _overlaps(finding, first, last)]
        suppressions = await suppression_edits(result) if wanted else ()
        for i in wanted:
            finding, suppression, diagnostic = result.findings[i], suppressions[i], result.diagnostics[i]
            if finding.fix is not None:
                action = await _quick_fix(session, result, finding, diagnostic, lazy)
                if action is not None:
                    actions.append(action)
            if suppression is not None:
                actions.append(
                    types.CodeAction(
                        title=f"Disable {finding.rule_id} for this line",
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[diagnostic],
                        edit=document_edit(session, result.uri, result.version, result.lines, [suppression]),
                    )
                )
    if _wants(only, FIX_ALL_KIND) and _has_safe_fix(result):
        action = types.CodeAction(title=FIX_ALL_TITLE, kind=FIX_ALL_KIND, data=_data(result, "fixAll"))
        if not lazy:
            action = await resolve(session, action)
        if lazy or action.edit is not None:
            actions.append(action)
    return actions


def _data(result: LintResult, action: str, finding: Finding | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {"uri": result.uri, "version": result.version, "action": action}
    if finding is not None:
        data["finding"] = finding.to_dict()
    return data


async def _quick_fix(
    session: Session, result: LintResult, finding: Finding, diagnostic: types.Diagnostic, lazy: bool
) -> types.CodeAction | None:
    assert finding.fix is not None
    action = types.CodeAction(
        title=f"BAES ({finding.rule_id}): {finding.fix.title}",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        is_preferred=finding.fix.safety is FixSafety.SAFE,
        data=_data(result, "fix", finding),
    )
    if lazy:
        return action
    try:
        edits = await fix_edits(result, finding)
    except Exception:
        logger.exception("the fix of %s failed", finding.rule_id)
        return None
    if not edits:
        return None
    action.edit = document_edit(session, result.uri, result.version, result.lines, edits)
    return action


async def resolve(session: Session, action: types.CodeAction) -> types.CodeAction:
    """``codeAction/resolve``: compute the edit, for the version the action was made for."""
    data = action.data if isinstance(action.data, dict) else {}
    uri = data.get("uri")
    if not isinstance(uri, str):
        return action
    result = await current_result(session, uri)
    if result is None or result.version != data.get("version"):
        logger.info("not resolving %r: %s changed since the action was offered", action.title, uri)
        return action
    if data.get("action") == "fixAll":
        edits = tuple((await fix_all_outcome(result)).edits)
    elif data.get("action") == "fix" and isinstance(data.get("finding"), dict):
        edits = await fix_edits(result, Finding.from_dict(data["finding"]))
    else:
        return action
    if edits:
        action.edit = document_edit(session, result.uri, result.version, result.lines, edits)
    return action
