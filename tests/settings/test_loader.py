"""Project settings: discovery upward, every key, bad values, broken TOML, caching, editor mappings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from baes.settings.config import Settings
from baes.settings.loader import (
    apply_mapping,
    clear_cache,
    find_config_file,
    load_config_file,
    load_settings,
    normalize_key,
    settings_from_mapping,
    validate_mapping,
)
from baes.standards.findings import Severity


@pytest.fixture(autouse=True)
def _fresh_cache():
    clear_cache()
    yield
    clear_cache()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def pyproject(folder: Path, body: str) -> Path:
    return write(folder / "pyproject.toml", "[project]\nname = 'x'\n\n[tool.baes]\n" + body)


def keys_of(loaded) -> set[str | None]:
    return {message.key for message in loaded.messages}


def test_no_config_gives_defaults_without_root(tmp_path: Path) -> None:
    target = write(tmp_path / "app" / "main.py", "x = 1\n")
    # The memo says nothing above tmp_path holds a config, whatever the machine has there.
    loaded = load_settings(target, memo={str(tmp_path.parent): None})
    assert loaded.settings.config_file is None
    assert loaded.settings.root is None
    assert loaded.settings.select is None
    assert loaded.settings.profile == "default"
    assert loaded.ok


def test_memo_shares_the_upward_search(tmp_path: Path) -> None:
    config = pyproject(tmp_path, 'select = ["BE"]\n')
    memo: dict = {}
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    assert find_config_file(deep, memo) == config
    assert memo[str(deep)] == memo[str(tmp_path / "a")] == memo[str(tmp_path)] == config
    # A memo entry answers without looking at the folder again.
    other = tmp_path / "a" / "b" / "d"
    other.mkdir()
    memo[str(tmp_path / "a" / "b")] = None
    assert find_config_file(other, memo) is None


def test_every_key_is_read_from_pyproject(tmp_path: Path) -> None:
    config = pyproject(
        tmp_path,
        """
select = ["BE", "DB001"]
extend-select = ["ST"]
ignore = ["BE002"]
profile = "strict"
exclude = ["migrations", "tests/fixtures"]

[tool.baes.per-file-ignores]
"tests/*.py" = ["TE"]
"scripts/**" = "ST"

[tool.baes.severity]
BE = "warning"
DB001 = "Error"
ST = "info"

[tool.baes.rules.ST003]
extra_builtins = ["_"]

[tool.baes.swea-overrides]
"app/ui/*.py" = "frontend"
"db/**" = "Database"
""",
    )
    loaded = load_settings(tmp_path / "app" / "main.py")
    settings = loaded.settings
    assert loaded.ok, [str(m) for m in loaded.messages]
    assert settings.select == ("BE", "DB001")
    assert settings.extend_select == ("ST",)
    assert settings.ignore == ("BE002",)
    assert settings.profile == "strict"
    assert settings.exclude == ("migrations", "tests/fixtures")
    assert settings.per_file_ignores == {"tests/*.py": ("TE",), "scripts/**": ("ST",)}
    assert settings.severity == {"BE": Severity.WARNING, "DB001": Severity.ERROR, "ST": Severity.INFO}
    assert settings.swea_overrides == {"app/ui/*.py": "frontend", "db/**": "database"}
    assert settings.rule_options == {"ST003": {"extra_builtins": ("_",)}}  # typed as the rule declares
    assert settings.root == str(tmp_path)
    assert settings.config_file == str(config)


def test_rule_options_are_checked_against_the_catalog(tmp_path: Path) -> None:
    from baes.standards.catalog import all_rules

    with_options = [rule for rule in all_rules() if rule.options]
    assert with_options, "the catalog declares at least one rule with options"
    rule = with_options[0]
    name, default = next(iter(rule.options.items()))
    good = (
        "true" if isinstance(default, bool) else repr(default) if not isinstance(default, (tuple, list, frozenset, set)) else "[]"
    )
    if isinstance(default, str):
        good = '"value"'
    pyproject(
        tmp_path,
        f"""
[tool.baes.rules.{rule.id}]
{name} = {good}
no_such_option = 1

[tool.baes.rules.ZZ999]
x = 1
""",
    )
    loaded = load_settings(tmp_path)
    assert name in loaded.settings.rule_options[rule.id]
    assert "no_such_option" not in loaded.settings.rule_options[rule.id]
    assert f"tool.baes.rules.{rule.id}.no_such_option" in keys_of(loaded)
    assert "tool.baes.rules.ZZ999" in keys_of(loaded)
    assert "ZZ999" not in loaded.settings.rule_options


def test_rule_option_of_the_wrong_type_keeps_the_default(tmp_path: Path) -> None:
    from baes.standards.catalog import all_rules

    rule, name = next((rule, name) for rule in all_rules() for name, value in rule.options.items() if isinstance(value, bool))
    pyproject(tmp_path, f'[tool.baes.rules.{rule.id}]\n{name} = "yes please"\n')
    loaded = load_settings(tmp_path)
    assert name not in loaded.settings.rule_options.get(rule.id, {})
    message = next(m for m in loaded.messages if m.key == f"tool.baes.rules.{rule.id}.{name}")
    assert str(tmp_path / "pyproject.toml") in str(message)


@pytest.mark.parametrize(
    ("body", "key", "field", "default"),
    [
        ('select = "BE , nope"\n', "tool.baes.select", "select", None),
        ("select = 3\n", "tool.baes.select", "select", None),
        ("ignore = {a = 1}\n", "tool.baes.ignore", "ignore", ()),
        ('profile = "paranoid"\n', "tool.baes.profile", "profile", "default"),
        ("profile = 1\n", "tool.baes.profile", "profile", "default"),
        ("exclude = 5\n", "tool.baes.exclude", "exclude", ()),
        ('severity = "error"\n', "tool.baes.severity", "severity", {}),
        ('per-file-ignores = ["x"]\n', "tool.baes.per-file-ignores", "per_file_ignores", {}),
        ('swea-overrides = "backend"\n', "tool.baes.swea-overrides", "swea_overrides", {}),
        ('rules = ["BE002"]\n', "tool.baes.rules", "rule_options", {}),
    ],
)
def test_bad_values_name_file_and_key_and_keep_defaults(tmp_path: Path, body, key, field, default) -> None:
    config = pyproject(tmp_path, body)
    loaded = load_settings(tmp_path)
    assert getattr(loaded.settings, field) == default
    assert key in keys_of(loaded)
    assert all(str(config) in str(message) for message in loaded.messages)


def test_unknown_selectors_are_dropped_and_the_rest_kept(tmp_path: Path) -> None:
    pyproject(tmp_path, 'ignore = ["BE002", "QQ123", "lower-case!"]\nextend-select = ["XYZW9999"]\n')
    loaded = load_settings(tmp_path)
    assert loaded.settings.ignore == ("BE002",)
    assert loaded.settings.extend_select == ()
    texts = " ".join(str(m) for m in loaded.messages)
    assert "QQ123" in texts and "lower-case!" in texts and "XYZW9999" in texts


def test_close_rule_ids_are_suggested(tmp_path: Path) -> None:
    pyproject(tmp_path, 'ignore = ["BE0020"]\n')
    loaded = load_settings(tmp_path)
    assert "did you mean" in str(loaded.messages[0])


def test_bad_severity_entries(tmp_path: Path) -> None:
    pyproject(tmp_path, '[tool.baes.severity]\nBE = "fatal"\nNOPE1 = "error"\nDB = "hint"\n')
    loaded = load_settings(tmp_path)
    assert loaded.settings.severity == {"DB": Severity.HINT}
    assert {"tool.baes.severity.BE", "tool.baes.severity.NOPE1"} <= keys_of(loaded)


def test_bad_swea_override_and_empty_glob(tmp_path: Path) -> None:
    pyproject(tmp_path, '[tool.baes.swea-overrides]\n"a/*.py" = "middleware"\n"" = "backend"\n"b/*.py" = "test"\n')
    loaded = load_settings(tmp_path)
    assert loaded.settings.swea_overrides == {"b/*.py": "test"}
    assert "tool.baes.swea-overrides.a/*.py" in keys_of(loaded)


def test_unknown_key_is_reported_with_a_suggestion(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("ENABLE_TEMPLATES", raising=False)
    pyproject(tmp_path, 'selct = ["BE"]\nENABLE_TEMPLATES = false\n')
    loaded = load_settings(tmp_path)
    messages = {m.key: m.text for m in loaded.messages}
    assert "did you mean 'select'" in messages["tool.baes.selct"]
    assert "environment" in messages["tool.baes.ENABLE_TEMPLATES"]
    assert loaded.settings.flags.ENABLE_TEMPLATES is True


def test_broken_toml_gives_one_message_and_all_defaults(tmp_path: Path) -> None:
    config = write(tmp_path / "pyproject.toml", '[tool.baes]\nselect = ["BE"\nignore = \n')
    loaded = load_settings(tmp_path / "x.py")
    assert len(loaded.messages) == 1
    assert str(config) in str(loaded.messages[0]) and "TOML" in str(loaded.messages[0])
    assert loaded.settings.select is None
    assert loaded.settings.config_file == str(config)


def test_binary_garbage_config_never_raises(tmp_path: Path) -> None:
    (tmp_path / "baes.toml").write_bytes(b"\xff\xfe\x00garbage\x80")
    loaded = load_settings(tmp_path)
    assert loaded.messages and loaded.settings.select is None


def test_tool_baes_that_is_not_a_table(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool]\nbaes = 3\n")
    loaded = load_settings(tmp_path)
    assert "tool.baes" in keys_of(loaded)


def test_nearest_config_wins_in_nested_projects(tmp_path: Path) -> None:
    pyproject(tmp_path, 'select = ["BE"]\n')
    inner = tmp_path / "services" / "api"
    pyproject(inner, 'select = ["DB"]\n')
    deep_file = write(inner / "app" / "models" / "user.py", "x = 1\n")
    outer_file = write(tmp_path / "services" / "other.py", "x = 1\n")
    assert load_settings(deep_file).settings.select == ("DB",)
    assert load_settings(deep_file).settings.root == str(inner)
    assert load_settings(outer_file).settings.select == ("BE",)


def test_pyproject_without_tool_baes_is_passed_over(tmp_path: Path) -> None:
    pyproject(tmp_path, 'select = ["TE"]\n')
    inner = tmp_path / "pkg"
    write(inner / "pyproject.toml", "[project]\nname = 'pkg'\n")
    assert find_config_file(inner / "mod.py") == tmp_path / "pyproject.toml"
    assert load_settings(inner / "mod.py").settings.select == ("TE",)


def test_baes_toml_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    pyproject(tmp_path, 'select = ["BE"]\n')
    write(tmp_path / "baes.toml", 'select = ["FE"]\n')
    loaded = load_settings(tmp_path / "a.py")
    assert loaded.settings.select == ("FE",)
    assert loaded.settings.config_file == str(tmp_path / "baes.toml")


def test_baes_toml_with_tool_table_gets_a_hint(tmp_path: Path) -> None:
    write(tmp_path / "baes.toml", '[tool.baes]\nselect = ["BE"]\n')
    loaded = load_settings(tmp_path)
    assert "top level" in str(loaded.messages[0])


def test_cache_follows_mtime(tmp_path: Path) -> None:
    config = pyproject(tmp_path, 'select = ["BE"]\n')
    assert load_settings(tmp_path).settings.select == ("BE",)
    pyproject(tmp_path, 'select = ["DB", "FE"]\n')
    stat = config.stat()
    os.utime(config, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    assert load_settings(tmp_path).settings.select == ("DB", "FE")


def test_cache_returns_the_same_parse(tmp_path: Path, monkeypatch) -> None:
    pyproject(tmp_path, 'select = ["BE"]\n')
    load_settings(tmp_path)
    import baes.settings.loader as loader

    def fail(path):
        raise AssertionError("parsed again although unchanged")

    monkeypatch.setattr(loader, "_parse_file", fail)
    assert load_settings(tmp_path).settings.select == ("BE",)


def test_flags_come_from_the_environment(tmp_path: Path, monkeypatch) -> None:
    pyproject(tmp_path, "")
    monkeypatch.setenv("ENABLE_PARALLEL_EXECUTION", "No")
    monkeypatch.setenv("ENABLE_TEMPLATES", "maybe")
    loaded = load_settings(tmp_path)
    assert loaded.settings.flags.ENABLE_PARALLEL_EXECUTION is False
    assert loaded.settings.flags.ENABLE_TEMPLATES is True
    assert any("ENABLE_TEMPLATES" in str(m) for m in loaded.messages)


def test_explicit_config_file(tmp_path: Path) -> None:
    config = write(tmp_path / "elsewhere" / "custom.toml", 'profile = "generated"\n')
    loaded = load_config_file(config)
    assert loaded.settings.profile == "generated"
    assert loaded.settings.root == str(config.parent)
    missing = load_config_file(tmp_path / "missing.toml")
    assert missing.messages and "no such file" in str(missing.messages[0])
    no_table = write(tmp_path / "p" / "pyproject.toml", "[project]\nname='x'\n")
    assert "no [tool.baes]" in str(load_config_file(no_table).messages[0])


def test_editor_mapping_goes_through_the_same_validation() -> None:
    loaded = settings_from_mapping(
        {
            "select": ["be"],
            "perFileIgnores": {"tests/*": ["TE"]},
            "profile": "nope",
            "ruleOptions": {"QQ1": {}},
            "ENABLE_SMART_RETRY": "off",
            "mystery": 1,
        },
        "editor settings",
    )
    assert loaded.settings.select == ("BE",)
    assert loaded.settings.per_file_ignores == {"tests/*": ("TE",)}
    assert loaded.settings.profile == "default"
    assert loaded.settings.flags.ENABLE_SMART_RETRY is False
    assert {"profile", "ruleOptions.QQ1", "mystery"} <= keys_of(loaded)
    assert all(m.source == "editor settings" for m in loaded.messages)


def test_apply_mapping_keeps_the_base_for_missing_and_bad_keys(tmp_path: Path) -> None:
    base = Settings(select=("BE",), ignore=("BE002",), profile="strict", root=str(tmp_path))
    loaded = apply_mapping(base, {"ignore": ["DB"], "profile": 7}, "editor")
    assert loaded.settings.select == ("BE",)
    assert loaded.settings.ignore == ("DB",)
    assert loaded.settings.profile == "strict"
    assert loaded.settings.root == str(tmp_path)
    assert not apply_mapping(base, "not a mapping", "editor").ok


def test_validate_mapping_never_raises_on_odd_input() -> None:
    for odd in (
        None,
        3,
        [],
        {"select": None},
        {"severity": {"BE": None}},
        {"rules": {"BE002": 5}},
        {1: 2},
        {"per-file-ignores": {"x": None}},
        {"exclude": ["", 3]},
    ):
        values, messages = validate_mapping(odd, "test")
        assert isinstance(values, dict)
        assert messages, odd


def test_normalize_key() -> None:
    assert normalize_key("perFileIgnores") == "per-file-ignores"
    assert normalize_key("extend_select") == "extend-select"
    assert normalize_key("swea-overrides") == "swea-overrides"


def test_empty_select_means_nothing_selected(tmp_path: Path) -> None:
    pyproject(tmp_path, "select = []\n")
    assert load_settings(tmp_path).settings.select == ()


def test_a_config_nested_too_deeply_gives_a_message_and_the_defaults(tmp_path: Path) -> None:
    """Issue 15 case 8: a 500-deep array in [tool.baes] used to end in a RecursionError traceback."""
    deep = "[" * 500 + '"x"' + "]" * 500
    (tmp_path / "pyproject.toml").write_text(f"[tool.baes]\nexclude = {deep}\n")
    (tmp_path / "a.py").write_text("x = 1\n")
    loaded = load_settings(tmp_path / "a.py")
    assert any("nested too deeply" in str(m) for m in loaded.messages)
    assert loaded.settings.select == Settings().select and loaded.settings.exclude == Settings().exclude
