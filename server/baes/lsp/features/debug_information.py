"""``baes.printDebugInformation``: versions, config files per folder, settings in force, open
documents and what the client can do, for bug reports."""

from __future__ import annotations

import logging
import os
import platform
import sys
from collections.abc import Mapping
from typing import Any

from baes import __version__
from baes.lsp.configuration import uri_to_path
from baes.lsp.features.commands import jsonable
from baes.lsp.features.diagnostics import current_result
from baes.lsp.session import Session
from baes.settings.loader import find_config_file

logger = logging.getLogger(__name__)


def _package_version(name: str) -> str:
    # importlib.metadata takes 12 ms to import (python -X importtime): only when a report is asked for
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def _client_summary(session: Session) -> dict[str, Any]:
    return {
        "diagnostics": "pull" if session.pull_diagnostics else "push",
        "workspace_diagnostics_refresh": session.supports("workspace.diagnostics.refresh_support"),
        "code_action_resolve_edit": session.resolve_edits,
        "work_done_progress": session.supports("window.work_done_progress"),
        "workspace_configuration": session.supports("workspace.configuration"),
        "watched_files_dynamic_registration": session.supports("workspace.did_change_watched_files.dynamic_registration"),
        "document_changes": session.supports("workspace.workspace_edit.document_changes"),
        "code_lens_refresh": session.supports("workspace.code_lens.refresh_support"),
        "position_encoding": str(session.workspace.position_encoding),
    }


async def debug_information(session: Session, argument: Mapping[str, Any]) -> dict[str, Any]:
    """Versions, config files per folder, settings in force, open documents, client capabilities."""
    folders = []
    for folder in session.folder_uris():
        path = uri_to_path(folder)
        resolved = session.settings_for(folder)
        config = find_config_file(path) if path else None
        folders.append(
            {
                "uri": folder,
                "config_file": str(config) if config else None,
                "editor_settings": jsonable(resolved.editor),
                "settings": jsonable(resolved.settings),
                "messages": list(resolved.messages),
            }
        )
    documents = []
    for document in list(session.workspace.text_documents.values()):
        try:  # the stored result, or a fresh one (a settings change drops the stored results)
            result = await current_result(session, document.uri)
        except Exception:  # a document that cannot be checked still gets its line
            logger.exception("checking %s for the debug information failed", document.uri)
            result = None
        documents.append(
            {
                "uri": document.uri,
                "version": document.version,
                "language_id": document.language_id,
                "findings": len(result.findings) if result else None,
                "outcome": str(result.report.outcome) if result and result.report is not None else None,
            }
        )
    info = session.client_info
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
        "log_level": logging.getLevelName(session.log_level).lower(),
        "client": jsonable(info) if info else None,
        "client_capabilities": _client_summary(session),
        "workspace_folders": folders,
        "open_documents": documents,
    }
