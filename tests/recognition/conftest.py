"""Fixtures for the recognition tests: the same isolation as the core tests (one definition, imported)."""
from __future__ import annotations

import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[2]
if str(_ROOT) not in sys.path:  # `tests.core` when pytest is run without `python -m`
    sys.path.insert(0, str(_ROOT))

from tests.core.conftest import fake_openai, isolated_cache_dir, no_network  # noqa: E402,F401  (fixtures)
