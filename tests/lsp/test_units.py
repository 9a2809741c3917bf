"""Pure pieces of the server: positions, editor-settings parsing, the address parser of ``baes lsp``."""
from __future__ import annotations

import asyncio
import gc
from pathlib import Path

import pytest
from hypothesis import given, strategies as st
from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from baes.cli.lsp import parse_address
from baes.standards.findings import Span
from baes.lsp import linting
from baes.lsp.configuration import ConfigurationStore, parse_editor_settings
from baes.lsp.documents import Snapshot
from baes.lsp.features.hover import code_in_comment
from baes.lsp.positions import from_lsp_position, span_to_range, split_lines

UTF16 = PositionCodec(types.PositionEncodingKind.Utf16)


def test_split_lines_breaks_only_where_lsp_does() -> None:
    assert split_lines("a\fb\r\nc\rd\u2028e\n") == ("a\fb\r\n", "c\r", "d\u2028e\n")
    assert split_lines("") == ("",)


def test_span_to_range_counts_utf16_units_and_clamps() -> None:
    lines = split_lines('x = "😀"; y = 1\nz\n')
    rng = span_to_range(lines, Span(1, 10, 1, 11), UTF16)
    assert (rng.start.character, rng.end.character) == (11, 12)
    clamped = span_to_range(lines, Span(2, 50, 99, 0), UTF16)
    assert clamped.start == types.Position(line=1, character=1)
    assert clamped.end == types.Position(line=2, character=0)


@given(st.lists(st.sampled_from(["a", "é", "😀", "\t", " ", "\n", "\r\n", "\r", "\f"]), max_size=40).map("".join))
def test_positions_round_trip(text: str) -> None:
    lines = split_lines(text)
    for index, line in enumerate(lines, start=1):
        content = line.rstrip("\r\n")
        for column in range(len(content) + 1):
            position = span_to_range(lines, Span(index, column, index, column), UTF16).start
            assert from_lsp_position(lines, position, UTF16) == (index, column)


def test_editor_settings_are_validated_with_messages() -> None:
    editor, rest, messages = parse_editor_settings(
        {"enable": "no", "run": "sometimes", "debounceMs": -1, "logLevel": "debug",
         "llm": {"baseUrl": "ftp://x", "model": "m", "apiKey": "secret"}, "select": ["BE"]}, "editor")
    assert editor.enable is False and editor.run == "onType" and editor.debounce_ms == 150
    assert editor.log_level == "debug" and editor.llm_model == "m" and editor.llm_base_url is None
    assert rest == {"select": ["BE"]}
    assert len(messages) == 4 and any("API key" in m for m in messages)


def test_innermost_folder_wins() -> None:
    folders = ["file:///ws", "file:///ws/sub"]
    assert ConfigurationStore.folder_for("file:///ws/sub/a.py", folders) == "file:///ws/sub"
    assert ConfigurationStore.folder_for("file:///ws/b.py", folders) == "file:///ws"
    assert ConfigurationStore.folder_for("file:///wsx/b.py", folders) is None


def test_rule_code_inside_suppression_comment() -> None:
    line = "run()  # baes: ignore[BE006, ST002]\n"
    assert code_in_comment(line, line.index("ST002") + 1) == "ST002"
    assert code_in_comment(line, 1) is None
    assert code_in_comment('x = "BE006"\n', 6) is None


def test_parse_address() -> None:
    assert parse_address("127.0.0.1:9000", 2087) == ("127.0.0.1", 9000)
    assert parse_address("9000", 2087) == ("127.0.0.1", 9000)
    assert parse_address("[::1]:9000", 2087) == ("::1", 9000)
    with pytest.raises(ValueError):
        parse_address("host:99999", 2087)


async def test_linter_computes_suppressions_on_demand_and_freezes_the_heap_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from lsp_support import BACKEND

    monkeypatch.setattr(linting, "_FREEZE_DELAY_S", 0.0)
    path = tmp_path / "app" / "server.py"
    uri = path.as_uri()
    stored: list[linting.LintResult] = []
    linter = linting.Linter(on_stored=stored.append)
    resolved = ConfigurationStore().resolve(uri, [])
    try:
        result, fresh = await linter.lint(Snapshot(uri, 1, BACKEND, str(path), True, True), resolved, UTF16)
        assert stored == []                           # the waiting request resumes first ...
        await asyncio.sleep(0)
        assert fresh and stored == [result]           # ... then the listener hears of the result and [f.rule_id for f in result.findings] == ["BE006"]
        assert result.suppression_memo == []          # nothing computed while linting
        edits = await linting.suppression_edits(result)
        assert [e.new_text for e in edits] == ["  # baes: ignore[BE006]"]
        assert await linting.suppression_edits(result) is edits    # kept for the version
        await asyncio.sleep(0.05)
        assert gc.get_freeze_count() > 0
        again, fresh = await linter.lint(Snapshot(uri, 1, BACKEND, str(path), True, True), resolved, UTF16)
        assert again is result and not fresh and stored == [result]
    finally:
        gc.unfreeze()
