"""Work-done progress for long operations (workspace diagnostics, scaffolding).

Uses the client's token when it sent one, else creates a fresh token per operation (a
token cannot be reused) when the client supports ``window/workDoneProgress``; otherwise
every call is a no-op. ``cancelled`` tells long loops that the user pressed cancel.
"""

from __future__ import annotations

import logging
import uuid

from lsprotocol import types

from baes.lsp.client import Client

logger = logging.getLogger(__name__)


class WorkProgress:
    def __init__(self, client: Client, token: types.ProgressToken | None) -> None:
        self.client = client
        self.token = token

    @classmethod
    async def start(
        cls, client: Client, title: str, token: types.ProgressToken | None = None, cancellable: bool = True
    ) -> WorkProgress:
        if token is None:
            window = client.capabilities.window
            if window is not None and window.work_done_progress:
                candidate = f"baes-{uuid.uuid4()}"
                try:
                    await client.progress.create_async(candidate)
                    token = candidate
                except Exception as exc:  # the client refused: carry on without progress
                    logger.info("no progress for %r: %s", title, exc)
        progress = cls(client, token)
        if token is not None:
            client.progress.begin(token, types.WorkDoneProgressBegin(title=title, cancellable=cancellable, percentage=0))
        return progress

    def report(self, message: str, percentage: int | None = None) -> None:
        if self.token is not None:
            self.client.progress.report(self.token, types.WorkDoneProgressReport(message=message, percentage=percentage))

    def cancelled(self) -> bool:
        if self.token is None:
            return False
        future = self.client.progress.tokens.get(self.token)
        return future is not None and future.cancelled()

    def end(self, message: str) -> None:
        if self.token is not None:
            self.client.progress.end(self.token, types.WorkDoneProgressEnd(message=message))
            self.client.progress.tokens.pop(self.token, None)
            self.token = None
