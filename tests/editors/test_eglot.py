"""The real Emacs + Eglot (batch mode) through the flow: pushed diagnostics, a quick fix whose
edit comes inside the action (Eglot 1.9 cannot resolve), diagnostics cleared, the file saved."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.editor

INSTALL = ("install them with: bash scripts/install-editors.sh "
           "(Debian: apt-get install --no-install-recommends emacs-nox elpa-eglot)")
SOURCE = '''from fastapi import FastAPI
import uvicorn

app = FastAPI()


def serve():
    uvicorn.run(app, host="0.0.0.0")
'''


def test_eglot_quick_fix_saved_on_disk(tmp_path: Path) -> None:
    emacs = shutil.which("emacs")
    if emacs is None:
        pytest.fail(f"Emacs is not installed; {INSTALL}")
    workspace = tmp_path / "ws"
    (workspace / "app").mkdir(parents=True)
    target = workspace / "app" / "server.py"
    target.write_text(SOURCE, encoding="utf-8")
    result_file = tmp_path / "result.json"
    env = dict(os.environ)
    env.update({
        "HOME": str(tmp_path / "home"), "BAES_CACHE_DIR": str(tmp_path / "cache"),
        "BAES_PYTHON": sys.executable, "BAES_FILE": str(target), "BAES_RESULT": str(result_file),
    })
    script = Path(__file__).with_name("eglot_flow.el")
    completed = subprocess.run([emacs, "--batch", "-l", str(script)], cwd=workspace, env=env,
                               stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=180)
    assert result_file.exists(), f"Emacs wrote no result (exit {completed.returncode}): {completed.stderr}"
    result = json.loads(result_file.read_text(encoding="utf-8"))
    if result.get("error") and "eglot" in result["error"] and "void" in result["error"]:
        pytest.fail(f"Eglot is not available to Emacs ({result['error']}); {INSTALL}")
    assert result["ok"] is True, result.get("error")
    assert result["connected"] is True
    assert len(result["diagnostics"]) == 1 and "BE006" in result["diagnostics"][0]
    assert "Disable BE006 for this line" in result["titles"]
    assert result["edit_inside"] is True
    assert result["cleared"] is True
    saved = target.read_text(encoding="utf-8")
    assert 'uvicorn.run(app, host=os.environ.get("HOST", "0.0.0.0"))' in saved
    assert saved.startswith("import os\n")
