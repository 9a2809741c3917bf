"""``baes.lsp.configuration``: editor settings validated with messages, the innermost folder wins."""

from __future__ import annotations

from baes.lsp.configuration import ConfigurationStore, parse_editor_settings


def test_editor_settings_are_validated_with_messages() -> None:
    editor, rest, messages = parse_editor_settings(
        {
            "enable": "no",
            "run": "sometimes",
            "debounceMs": -1,
            "logLevel": "debug",
            "llm": {"baseUrl": "ftp://x", "model": "m", "apiKey": "secret"},
            "select": ["BE"],
        },
        "editor",
    )
    assert editor.enable is False and editor.run == "onType" and editor.debounce_ms == 150
    assert editor.log_level == "debug" and editor.llm_model == "m" and editor.llm_base_url is None
    assert rest == {"select": ["BE"]}
    assert len(messages) == 4 and any("API key" in m for m in messages)


def test_innermost_folder_wins() -> None:
    folders = ["file:///ws", "file:///ws/sub"]
    assert ConfigurationStore.folder_for("file:///ws/sub/a.py", folders) == "file:///ws/sub"
    assert ConfigurationStore.folder_for("file:///ws/b.py", folders) == "file:///ws"
    assert ConfigurationStore.folder_for("file:///wsx/b.py", folders) is None
