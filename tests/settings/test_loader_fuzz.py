"""Property tests: no mapping or file content makes the settings loader raise."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from baes.settings.config import Settings
from baes.settings.loader import apply_mapping, clear_cache, load_settings, validate_mapping

KEYS = st.sampled_from(
    [
        "select",
        "ignore",
        "extend-select",
        "per-file-ignores",
        "severity",
        "profile",
        "rules",
        "swea-overrides",
        "exclude",
        "perFileIgnores",
        "ENABLE_TEMPLATES",
        "unknown",
        "tool",
    ]
)
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=12))
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12,
)


@given(st.dictionaries(st.one_of(KEYS, st.text(max_size=10)), VALUES, max_size=6))
@settings(max_examples=200, deadline=None)
def test_any_mapping_validates_without_raising(mapping) -> None:
    values, messages = validate_mapping(mapping, "fuzz", allow_flags=True)
    loaded = apply_mapping(Settings(), mapping, "fuzz")
    assert isinstance(loaded.settings, Settings)
    assert all(m.source == "fuzz" for m in messages)
    assert set(values) <= set(Settings.field_names()) | {"__flags__"}


@given(st.binary(max_size=200))
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_config_file_content_loads_without_raising(tmp_path: Path, data: bytes) -> None:
    clear_cache()
    (tmp_path / "baes.toml").write_bytes(data)
    loaded = load_settings(tmp_path / "x.py")
    assert isinstance(loaded.settings, Settings)
    assert loaded.settings.config_file == str(tmp_path / "baes.toml")
