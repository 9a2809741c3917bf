"""The real Emacs + Eglot (batch mode) through the flow: pushed diagnostics, a quick fix whose
edit comes inside the action (Eglot 1.9 cannot resolve), diagnostics cleared, the file saved."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from editor_support import SOURCE, make_workspace, run_flow

pytestmark = pytest.mark.editor

INSTALL = (
    "install them with: bash scripts/install-editors.sh (Debian: apt-get install --no-install-recommends emacs-nox elpa-eglot)"
)


def test_eglot_quick_fix_saved_on_disk(tmp_path: Path) -> None:
    emacs = shutil.which("emacs")
    if emacs is None:
        pytest.fail(f"Emacs is not installed; {INSTALL}")
    workspace = make_workspace(tmp_path, {"app/server.py": SOURCE})
    target = workspace / "app" / "server.py"
    script = Path(__file__).with_name("eglot_flow.el")
    result = run_flow(
        "Emacs",
        [emacs, "--batch", "-l", str(script)],
        workspace,
        tmp_path / "result.json",
        {
            "HOME": str(tmp_path / "home"),
            "BAES_CACHE_DIR": str(tmp_path / "cache"),
            "BAES_FILE": str(target),
        },
    )
    if result.get("error") and "eglot" in result["error"] and "void" in result["error"]:
        pytest.fail(f"Eglot is not available to Emacs ({result['error']}); {INSTALL}")
    assert result["ok"] is True, result.get("error")
    assert result["connected"] is True
    assert len(result["diagnostics"]) == 1 and "BE006" in result["diagnostics"][0]
    assert "Disable BE006 for this line" in result["titles"]
    assert result["edit_inside"] is True
    assert result["cleared"] is True
    saved = target.read_text(encoding="utf-8")
    assert 'uvicorn.run(app, host=os.environ.get("UVICORN_HOST", "0.0.0.0"))' in saved
    assert saved.startswith("import os\n")
