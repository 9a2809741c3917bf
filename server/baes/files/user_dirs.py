"""Where baes keeps per-user data (never the current directory)."""

from __future__ import annotations

import os
from pathlib import Path


def user_cache_dir() -> Path:
    """``$BAES_CACHE_DIR``, else ``$XDG_CACHE_HOME/baes``, else ``~/.cache/baes`` (created on demand)."""
    explicit = os.environ.get("BAES_CACHE_DIR")
    if explicit:
        base = Path(explicit).expanduser()
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        base = (Path(xdg).expanduser() if xdg else Path.home() / ".cache") / "baes"
    base.mkdir(parents=True, exist_ok=True)
    return base
