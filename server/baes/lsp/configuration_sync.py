"""Keeping settings current: ``workspace/configuration`` per folder, configuration and
folder changes, and watched ``pyproject.toml`` / ``baes.toml`` files (watchers registered
dynamically when the client supports it). Any change refreshes every diagnostic."""
from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING, Any, Mapping

from lsprotocol import types

from baes.lsp.configuration import SECTION
from baes.settings.loader import CONFIG_FILE_NAMES

if TYPE_CHECKING:
    from baes.lsp.server import BaesLanguageServer

logger = logging.getLogger(__name__)


def _layers(ls: "BaesLanguageServer") -> tuple[Any, ...]:
    return (ls.config.global_settings, dict(ls.config.folders))


async def pull_configuration(ls: "BaesLanguageServer") -> bool:
    """Ask the client for section ``baes`` globally and per folder; whether anything changed."""
    if not ls.supports("workspace.configuration"):
        return False
    before = _layers(ls)
    folders = ls.folder_uris()
    items = [types.ConfigurationItem(section=SECTION)]
    items += [types.ConfigurationItem(scope_uri=folder, section=SECTION) for folder in folders]
    try:
        values = await ls.workspace_configuration_async(types.ConfigurationParams(items=items))
    except Exception as exc:  # a client that fails this request still gets the defaults
        logger.warning("workspace/configuration failed: %s", exc)
        return False
    values = list(values or [])
    ls.config.set_global(values[0] if values else None)
    for folder, value in zip(folders, values[1:]):
        ls.config.set_folder(folder, value)
    return _layers(ls) != before


async def initialized(ls: "BaesLanguageServer") -> None:
    """After ``initialized``: read the editor's settings, then watch the project files."""
    if await pull_configuration(ls):
        ls.editor_settings_changed()
    await register_watchers(ls)


async def did_change_configuration(ls: "BaesLanguageServer", params: types.DidChangeConfigurationParams) -> None:
    if ls.supports("workspace.configuration"):
        await pull_configuration(ls)
    elif isinstance(params.settings, Mapping):
        section = params.settings.get(SECTION, params.settings)
        ls.config.set_global(section)
    ls.editor_settings_changed()


async def did_change_folders(ls: "BaesLanguageServer", params: types.DidChangeWorkspaceFoldersParams) -> None:
    for removed in params.event.removed or ():
        ls.config.forget_folder(removed.uri)
    await pull_configuration(ls)
    ls.editor_settings_changed()


async def register_watchers(ls: "BaesLanguageServer") -> None:
    """Watch the project configuration files, when the client lets servers register watchers."""
    if not ls.supports("workspace.did_change_watched_files.dynamic_registration"):
        return
    watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_FILE_NAMES]
    registration = types.Registration(
        id=f"baes-config-{uuid.uuid4()}",
        method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
        register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
    )
    try:
        await ls.client_register_capability_async(types.RegistrationParams(registrations=[registration]))
    except Exception as exc:
        logger.warning("could not register file watchers: %s", exc)


def did_change_watched_files(ls: "BaesLanguageServer", params: types.DidChangeWatchedFilesParams) -> None:
    if any(change.uri.rsplit("/", 1)[-1] in CONFIG_FILE_NAMES for change in params.changes):
        ls.settings_files_changed()
