"""``python -m baes`` runs the command line."""

from __future__ import annotations

import sys

from baes.cli.main import main

sys.exit(main())
