"""What the real-editor tests share: the sample file, and running an editor headless on a
flow script that writes its observations to a JSON result file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

# A backend file with one finding (BE006, a hard-coded host) and a safe fix.
SOURCE = """from fastapi import FastAPI
import uvicorn

app = FastAPI()


def serve():
    uvicorn.run(app, host="0.0.0.0")
"""


def make_workspace(tmp_path: Path, files: Mapping[str, str]) -> Path:
    """``tmp_path/ws`` with ``files`` (path relative to it -> text) written."""
    workspace = tmp_path / "ws"
    for relative, text in files.items():
        target = workspace / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return workspace


def run_flow(name: str, command: list[str], workspace: Path, result_file: Path, env: Mapping[str, str]) -> dict[str, Any]:
    """Run the editor in ``workspace`` with ``env`` added (plus BAES_PYTHON and BAES_RESULT); its result."""
    full_env = {**os.environ, "BAES_PYTHON": sys.executable, "BAES_RESULT": str(result_file), **env}
    completed = subprocess.run(
        command, cwd=workspace, env=full_env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=180
    )
    assert result_file.exists(), f"{name} wrote no result (exit {completed.returncode}): {completed.stderr}"
    return json.loads(result_file.read_text(encoding="utf-8"))
