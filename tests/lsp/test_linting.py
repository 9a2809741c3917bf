"""``baes.lsp.linting``: one run per version, suppression edits on demand, the heap frozen once."""

from __future__ import annotations

import asyncio
import gc
from pathlib import Path

import pytest
from lsp_support import BACKEND
from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from baes.lsp import linting
from baes.lsp.configuration import ConfigurationStore
from baes.lsp.documents import Snapshot

UTF16 = PositionCodec(types.PositionEncodingKind.Utf16)


async def test_linter_computes_suppressions_on_demand_and_freezes_the_heap_once(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(linting, "_FREEZE_DELAY_S", 0.0)
    path = tmp_path / "app" / "server.py"
    uri = path.as_uri()
    stored: list[linting.LintResult] = []
    linter = linting.Linter(on_stored=stored.append)
    resolved = ConfigurationStore().resolve(uri, [])
    try:
        result, fresh = await linter.lint(Snapshot(uri, 1, BACKEND, str(path), True, True), resolved, UTF16)
        assert stored == []  # the waiting request resumes first ...
        await asyncio.sleep(0)
        assert fresh and stored == [result]  # ... then the listener hears of the result
        assert [f.rule_id for f in result.findings] == ["BE006"]
        assert result.suppression_memo == []  # nothing computed while linting
        edits = await linting.suppression_edits(result)
        assert [e.new_text for e in edits] == ["  # baes: ignore[BE006]"]
        assert await linting.suppression_edits(result) is edits  # kept for the version
        await asyncio.sleep(0.05)
        assert gc.get_freeze_count() > 0
        again, fresh = await linter.lint(Snapshot(uri, 1, BACKEND, str(path), True, True), resolved, UTF16)
        assert again is result and not fresh and stored == [result]
    finally:
        gc.unfreeze()
