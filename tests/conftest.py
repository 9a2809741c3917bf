"""Project-wide test configuration: shared fixtures from tests/support."""

from __future__ import annotations

pytest_plugins = ["tests.support.fake_openai"]
