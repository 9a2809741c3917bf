"""What the session and the features may ask of the editor, as a small interface.

Features never see the pygls server: they talk to the client through this protocol, which
``baes.lsp.server`` implements over pygls (and a test can implement with a recording fake).
Keeping the list short keeps the features' dependencies visible.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from lsprotocol import types
from pygls.progress import Progress
from pygls.workspace import Workspace


class Client(Protocol):
    """The editor on the other end of the connection."""

    @property
    def capabilities(self) -> types.ClientCapabilities:
        """What the client announced in ``initialize`` (empty before it)."""
        ...

    @property
    def workspace(self) -> Workspace:
        """The open documents and workspace folders, kept in sync by pygls."""
        ...

    @property
    def progress(self) -> Progress:
        """Work-done progress tokens (``window/workDoneProgress``)."""
        ...

    def publish_diagnostics(self, params: types.PublishDiagnosticsParams) -> None: ...

    def show_message(self, params: types.ShowMessageParams) -> None: ...

    def notify(self, method: str, params: Any) -> None:
        """A server → client notification outside the LSP (``baes/fileOutcome``)."""
        ...

    def refresh_diagnostics(self) -> None:
        """``workspace/diagnostic/refresh``: the client pulls every diagnostic again."""
        ...

    def refresh_code_lenses(self) -> None:
        """``workspace/codeLens/refresh``."""
        ...

    async def apply_edit(self, params: types.ApplyWorkspaceEditParams) -> types.ApplyWorkspaceEditResult | None: ...

    async def configuration(self, params: types.ConfigurationParams) -> Sequence[Any] | None: ...

    async def register_capability(self, params: types.RegistrationParams) -> None: ...
