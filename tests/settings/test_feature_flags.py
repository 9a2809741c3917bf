"""The reference's ENABLE_* flags: real booleans, every spelling, and the documented comparison."""

from __future__ import annotations

import pytest

from baes.settings import config
from baes.settings.config import FLAG_NAMES, Config, FeatureFlags, parse_bool


@pytest.mark.parametrize("text", ["true", "TRUE", "True", "1", "yes", "YES", "on", " y "])
def test_true_spellings(text: str) -> None:
    assert parse_bool(text) is True


@pytest.mark.parametrize("text", ["false", "False", "0", "no", "NO", "off", "n"])
def test_false_spellings(text: str) -> None:
    assert parse_bool(text) is False


def test_every_flag_defaults_to_on() -> None:
    flags = FeatureFlags.from_env({})
    assert flags.as_dict() == {name: True for name in FLAG_NAMES}
    assert flags.errors == ()


def test_a_bad_value_keeps_the_default_and_says_why() -> None:
    flags = FeatureFlags.from_env({"ENABLE_SMART_RETRY": "maybe", "ENABLE_TEMPLATES": "No"})
    assert flags.ENABLE_SMART_RETRY is True
    assert flags.ENABLE_TEMPLATES is False
    assert len(flags.errors) == 1 and "ENABLE_SMART_RETRY" in flags.errors[0]


def test_editor_settings_override_the_environment() -> None:
    merged = FeatureFlags.from_env({"ENABLE_TEMPLATES": "false"}).merged({"ENABLE_TEMPLATES": True}, "editor")
    assert merged.ENABLE_TEMPLATES is True


def test_the_reference_comparison_with_the_string_true_works(monkeypatch: pytest.MonkeyPatch) -> None:
    # The original compared a bool with "true", so this check was always false.
    monkeypatch.setenv("ENABLE_COMPRESSED_STANDARDS", "1")
    assert Config.ENABLE_COMPRESSED_STANDARDS == "true"
    assert Config.ENABLE_COMPRESSED_STANDARDS == True  # noqa: E712 - the bool comparison as users write it
    assert bool(config.ENABLE_COMPRESSED_STANDARDS)
    monkeypatch.setenv("ENABLE_COMPRESSED_STANDARDS", "off")
    assert Config.ENABLE_COMPRESSED_STANDARDS == "false"
    assert not Config.ENABLE_COMPRESSED_STANDARDS
    assert Config.ENABLE_COMPRESSED_STANDARDS != "true"
    assert str(Config().ENABLE_COMPRESSED_STANDARDS) == "false"


def test_unknown_names_are_attribute_errors() -> None:
    with pytest.raises(AttributeError):
        _ = Config.ENABLE_EVERYTHING
    with pytest.raises(AttributeError):
        _ = config.ENABLE_EVERYTHING
