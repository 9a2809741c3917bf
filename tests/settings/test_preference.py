"""configurationPreference: editor settings against the project's [tool.baes], key by key."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, ClassVar

import pytest

from baes.settings.loader import (
    LoadedSettings,
    apply_mapping,
    clear_cache,
    default_settings,
    load_settings,
    validate_mapping,
)
from baes.settings.preference import (
    DEFAULT_PREFERENCE,
    ConfigurationPreference,
    Layers,
    parse_preference,
    plan_layers,
    setting_name,
    split_preference,
)
from baes.settings.validation import CONFIG_KEYS

EDITOR_FIRST = ConfigurationPreference.EDITOR_FIRST
FILESYSTEM_FIRST = ConfigurationPreference.FILESYSTEM_FIRST
EDITOR_ONLY = ConfigurationPreference.EDITOR_ONLY


@pytest.fixture(autouse=True)
def _fresh_cache():
    clear_cache()
    yield
    clear_cache()


class TestParse:
    def test_the_three_values_and_the_default(self):
        assert parse_preference("editorFirst", "s") == (EDITOR_FIRST, ())
        assert parse_preference("filesystemFirst", "s") == (FILESYSTEM_FIRST, ())
        assert parse_preference("editorOnly", "s") == (EDITOR_ONLY, ())
        assert parse_preference(None, "s") == (DEFAULT_PREFERENCE, ())
        assert DEFAULT_PREFERENCE is EDITOR_FIRST

    @pytest.mark.parametrize("value", ["projectFirst", "EDITORFIRST", "", 3, ["editorOnly"]])
    def test_anything_else_is_the_default_with_a_message(self, value):
        preference, messages = parse_preference(value, "editor settings")
        assert preference is EDITOR_FIRST
        expected = (
            "editor settings: configurationPreference: expected one of editorFirst, filesystemFirst, editorOnly, "
            f"got {value!r}; using editorFirst"
        )
        assert [str(m) for m in messages] == [expected]

    def test_split_takes_the_preference_out_in_any_spelling(self):
        editor = {"profile": "strict", "configurationPreference": "filesystemFirst", "run": "onSave"}
        assert split_preference(editor, "s") == (FILESYSTEM_FIRST, {"profile": "strict", "run": "onSave"}, ())
        assert split_preference({"configuration_preference": "editorOnly"}, "s")[:2] == (EDITOR_ONLY, {})
        assert split_preference({"select": ["BE"]}, "s") == (EDITOR_FIRST, {"select": ["BE"]}, ())

    def test_split_leaves_nothing_the_validator_calls_unknown(self):
        _, rest, _ = split_preference({"configurationPreference": "editorOnly", "profile": "strict"}, "s")
        assert validate_mapping(rest, "s", allow_flags=True)[1] == ()


class TestSettingName:
    def test_every_spelling_of_a_key_is_one_name(self):
        assert {setting_name(k) for k in ("extendSelect", "extend_select", "extend-select")} == {"extend-select"}
        assert setting_name("perFileIgnores") == "per-file-ignores"
        # the loader's validated values are keyed by Settings field names
        assert setting_name("rule_options") == "rules"
        assert setting_name("swea_overrides") == "swea-overrides"

    def test_aliases_are_the_loaders(self):
        """Spellings that setting_name merges fill the same Settings field, and every name is a key."""
        rules = {"DB001": {}}
        assert validate_mapping({"rules": rules}, "s")[0].keys() == validate_mapping({"rule-options": rules}, "s")[0].keys()
        for key in CONFIG_KEYS:
            assert setting_name(key) == key


class TestPlan:
    PROJECT: ClassVar[dict[str, Any]] = {"profile": "generated", "ignore": ["TE003"]}
    EDITOR: ClassVar[dict[str, Any]] = {
        "profile": "strict",
        "select": ["BE"],
        "run": "onSave",
        "ENABLE_TEMPLATES": False,
    }

    def test_editor_first_puts_every_editor_key_over_the_project(self):
        assert plan_layers(self.PROJECT, self.EDITOR, EDITOR_FIRST) == Layers(EDITOR_FIRST, True, self.EDITOR)

    def test_filesystem_first_drops_the_editor_keys_the_project_sets(self):
        layers = plan_layers(self.PROJECT, self.EDITOR, FILESYSTEM_FIRST)
        assert layers.use_project
        assert layers.editor == {"select": ["BE"], "run": "onSave", "ENABLE_TEMPLATES": False}
        assert layers.overridden == ("profile",)

    def test_filesystem_first_compares_spellings_and_validated_field_names(self):
        editor = {"extendSelect": ["DB"], "ruleOptions": {"DB001": {}}, "perFileIgnores": {"t/*": ["TE"]}}
        raw = plan_layers({"extend-select": ["BE"], "rules": {}}, editor, FILESYSTEM_FIRST)
        assert raw.editor == {"perFileIgnores": {"t/*": ["TE"]}}
        validated = plan_layers({"extend_select": ("BE",), "rule_options": {}}, editor, FILESYSTEM_FIRST)
        assert validated.editor == raw.editor

    def test_filesystem_first_ignores_project_keys_that_are_no_project_settings(self):
        # `run` in a project file is an unknown key there (the loader says so); it must not hide the editor's
        layers = plan_layers({"run": "onType", "__flags__": {}}, {"run": "onSave"}, FILESYSTEM_FIRST)
        assert layers.editor == {"run": "onSave"}
        assert layers.overridden == ()

    def test_without_a_project_file_every_editor_key_applies(self):
        for preference in (EDITOR_FIRST, FILESYSTEM_FIRST):
            assert plan_layers(None, self.EDITOR, preference).editor == self.EDITOR
            assert plan_layers({}, self.EDITOR, preference).editor == self.EDITOR

    def test_editor_only_ignores_the_project(self):
        layers = plan_layers(self.PROJECT, self.EDITOR, EDITOR_ONLY)
        assert not layers.use_project
        assert layers.editor == self.EDITOR

    def test_the_plan_does_not_share_the_callers_mapping(self):
        editor = {"profile": "strict"}
        layers = plan_layers(None, editor, EDITOR_FIRST)
        editor["profile"] = "default"
        assert layers.editor == {"profile": "strict"}


def resolve(folder: Path, editor: dict, preference: ConfigurationPreference) -> LoadedSettings:
    """What ConfigurationStore.resolve does with the plan, over the loader's public functions."""
    project = load_settings(folder)
    config = project.settings.config_file
    table = tomllib.loads(Path(config).read_text())["tool"]["baes"] if config else None
    layers = plan_layers(table, editor, preference)
    base = project if layers.use_project else LoadedSettings(default_settings(), ())
    return apply_mapping(base.settings, layers.editor, "editor settings") if layers.editor else base


class TestWithTheLoader:
    """The plan applied to a real project file, as the language server applies it."""

    @pytest.fixture()
    def project(self, tmp_path: Path) -> Path:
        (tmp_path / "pyproject.toml").write_text(
            '[project]\nname = \'x\'\n\n[tool.baes]\nprofile = "generated"\nignore = ["TE003"]\n', encoding="utf-8"
        )
        return tmp_path

    def test_nothing_set_in_the_editor_leaves_the_project_profile(self, project):
        for preference in (EDITOR_FIRST, FILESYSTEM_FIRST):
            assert resolve(project, {}, preference).settings.profile == "generated"
        assert resolve(project, {}, EDITOR_ONLY).settings.profile == "default"

    def test_a_profile_set_in_the_editor(self, project):
        editor = {"profile": "strict", "select": ["BE"]}
        first = resolve(project, editor, EDITOR_FIRST).settings
        assert (first.profile, first.select, first.ignore) == ("strict", ("BE",), ("TE003",))
        files = resolve(project, editor, FILESYSTEM_FIRST).settings
        assert (files.profile, files.select, files.ignore) == ("generated", ("BE",), ("TE003",))
        only = resolve(project, editor, EDITOR_ONLY).settings
        assert (only.profile, only.select, only.ignore) == ("strict", ("BE",), ())
