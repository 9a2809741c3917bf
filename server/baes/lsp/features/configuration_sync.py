"""Keeping settings current: ``workspace/configuration`` per folder, configuration and
folder changes, and watched ``pyproject.toml`` / ``baes.toml`` files (watchers registered
dynamically when the client supports it). Any change refreshes every diagnostic."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from typing import Any

from lsprotocol import types

from baes.lsp import log
from baes.lsp.configuration import SECTION
from baes.lsp.features import diagnostics
from baes.lsp.session import Session
from baes.settings import loader as settings_loader
from baes.settings.loader import CONFIG_FILE_NAMES

logger = logging.getLogger(__name__)


def _layers(session: Session) -> tuple[Any, ...]:
    return (session.config.global_settings, dict(session.config.folders))


async def pull_configuration(session: Session) -> bool:
    """Ask the client for section ``baes`` globally and per folder; whether anything changed."""
    if not session.supports("workspace.configuration"):
        return False
    before = _layers(session)
    folders = session.folder_uris()
    items = [types.ConfigurationItem(section=SECTION)]
    items += [types.ConfigurationItem(scope_uri=folder, section=SECTION) for folder in folders]
    try:
        values = await session.client.configuration(types.ConfigurationParams(items=items))
    except Exception as exc:  # a client that fails this request still gets the defaults
        logger.warning("workspace/configuration failed: %s", exc)
        return False
    values = list(values or [])
    session.config.set_global(values[0] if values else None)
    for folder, value in zip(folders, values[1:], strict=False):
        session.config.set_folder(folder, value)
    return _layers(session) != before


def settings_files_changed(session: Session) -> None:
    """A ``pyproject.toml`` / ``baes.toml`` changed: reload and refresh every diagnostic."""
    settings_loader.clear_cache()
    session.settings_changed()
    diagnostics.refresh(session)


def editor_settings_changed(session: Session) -> None:
    """The editor's ``baes`` settings changed: report bad values now, apply the log level, refresh."""
    session.settings_changed()
    for folder in session.folder_uris():
        session.settings_for(folder)  # report bad values now, not at the first lint
    if not session.log_level_fixed:
        session.set_log_level(log.parse_level(session.config.resolve("", session.folder_uris()).editor.log_level))
    diagnostics.refresh(session)


async def initialized(session: Session, params: types.InitializedParams | None = None) -> None:
    """After ``initialized``: read the editor's settings, then watch the project files."""
    if await pull_configuration(session):
        editor_settings_changed(session)
    await register_watchers(session)


async def did_change_configuration(session: Session, params: types.DidChangeConfigurationParams) -> None:
    if session.supports("workspace.configuration"):
        await pull_configuration(session)
    elif isinstance(params.settings, Mapping):
        section = params.settings.get(SECTION, params.settings)
        session.config.set_global(section)
    editor_settings_changed(session)


async def did_change_folders(session: Session, params: types.DidChangeWorkspaceFoldersParams) -> None:
    for removed in params.event.removed or ():
        session.config.forget_folder(removed.uri)
    await pull_configuration(session)
    editor_settings_changed(session)


async def register_watchers(session: Session) -> None:
    """Watch the project configuration files, when the client lets servers register watchers."""
    if not session.supports("workspace.did_change_watched_files.dynamic_registration"):
        return
    watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_FILE_NAMES]
    registration = types.Registration(
        id=f"baes-config-{uuid.uuid4()}",
        method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
        register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
    )
    try:
        await session.client.register_capability(types.RegistrationParams(registrations=[registration]))
    except Exception as exc:
        logger.warning("could not register file watchers: %s", exc)


def did_change_watched_files(session: Session, params: types.DidChangeWatchedFilesParams) -> None:
    if any(change.uri.rsplit("/", 1)[-1] in CONFIG_FILE_NAMES for change in params.changes):
        settings_files_changed(session)
