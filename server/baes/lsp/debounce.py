"""Per-key debouncing on the event loop: the last call within the delay wins.

Typing fires ``didChange`` for every keystroke; linting each version would waste the
worker and publish results that are stale on arrival. Each document gets one timer.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Hashable
from typing import Any


class Debouncer:
    """Runs ``action()`` once per key after ``delay`` seconds without a newer call."""

    def __init__(self) -> None:
        self._handles: dict[Hashable, asyncio.TimerHandle] = {}
        self._tasks: dict[Hashable, asyncio.Task[None]] = {}

    def call(self, key: Hashable, delay: float, action: Callable[[], Coroutine[Any, Any, None]]) -> None:
        """Schedule ``action`` for ``key``, replacing one that has not started yet."""
        self.cancel(key)
        loop = asyncio.get_running_loop()

        def fire() -> None:
            self._handles.pop(key, None)
            task = loop.create_task(action())
            self._tasks[key] = task
            task.add_done_callback(lambda done: self._forget(key, done))

        if delay <= 0:
            fire()
        else:
            self._handles[key] = loop.call_later(delay, fire)

    def _forget(self, key: Hashable, task: asyncio.Task[None]) -> None:
        if self._tasks.get(key) is task:
            del self._tasks[key]

    def cancel(self, key: Hashable) -> None:
        """Drop the pending call for ``key`` (a started run finishes; its result is checked for staleness)."""
        handle = self._handles.pop(key, None)
        if handle is not None:
            handle.cancel()

    def pending(self, key: Hashable) -> bool:
        return key in self._handles
