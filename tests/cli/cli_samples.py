"""Sample sources for the CLI tests (real rules of the catalog fire on them) and a file writer."""

from __future__ import annotations

from pathlib import Path

# Uses HTTPException without importing it: ST003, with a safe fix (add the import).
MISSING_IMPORT = "def get(item_id: int):\n    raise HTTPException(status_code=404)\n"
MISSING_IMPORT_FIXED = "from fastapi import HTTPException\n\n\ndef get(item_id: int):\n    raise HTTPException(status_code=404)\n"
# A bare except: ST002, whose fix is unsafe.
BARE_EXCEPT = "def run():\n    try:\n        work()\n    except:\n        pass\n\n\ndef work():\n    return 1\n"
CLEAN = "def add(a: int, b: int) -> int:\n    return a + b\n"
SYNTAX_ERROR = "def broken(:\n    pass\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
