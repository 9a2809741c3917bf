"""configurationPreference wired into the language server's settings resolution (issue 14 item 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from baes.lsp.configuration import ConfigurationStore
from baes.settings.loader import clear_cache


@pytest.fixture(autouse=True)
def _fresh():
    clear_cache()
    yield
    clear_cache()


@pytest.mark.parametrize(
    "preference,editor,expected",
    [
        (None, {}, "generated"),
        (None, {"profile": "strict"}, "strict"),
        ("editorFirst", {"profile": "strict"}, "strict"),
        ("filesystemFirst", {"profile": "strict"}, "generated"),
        ("filesystemFirst", {}, "generated"),
        ("editorOnly", {}, "default"),
        ("editorOnly", {"profile": "strict"}, "strict"),
    ],
)
def test_resolve(tmp_path: Path, preference, editor, expected):
    (tmp_path / "pyproject.toml").write_text('[tool.baes]\nprofile = "generated"\nignore = ["TE003"]\n')
    (tmp_path / "a.py").write_text("x = 1\n")
    store = ConfigurationStore()
    settings = dict(editor, run="onSave")
    if preference:
        settings["configurationPreference"] = preference
    store.set_initialization_options({"settings": settings})
    folder = tmp_path.as_uri()
    resolved = store.resolve((tmp_path / "a.py").as_uri(), [folder])
    assert resolved.settings.profile == expected
    assert resolved.editor.run == "onSave"
    assert resolved.messages == ()
    assert resolved.settings.ignore == (() if preference == "editorOnly" else ("TE003",))


def test_bad_preference_message(tmp_path: Path):
    store = ConfigurationStore()
    store.set_initialization_options({"settings": {"configurationPreference": "projectFirst"}})
    resolved = store.resolve((tmp_path / "a.py").as_uri(), [tmp_path.as_uri()])
    assert any("configurationPreference: expected one of" in m for m in resolved.messages)
