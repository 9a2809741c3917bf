"""BAES: standards diagnostics, formatting-preserving fixes and CRUD scaffolding.

The package is split into a pure core (``standards``, ``utils``, ``core``, ``scaffold``,
``config``) and two thin faces on top of it (``cli`` and ``lsp``). The core never imports
pygls, lsprotocol or argparse.
"""

from __future__ import annotations

__version__ = "0.1.0"
