"""Fixtures for the generation tests: isolation from the user's cache, LLM settings and the network."""

from __future__ import annotations

from tests.support.isolation import fake_openai, isolated_cache_dir, no_network  # noqa: F401  (fixtures)
