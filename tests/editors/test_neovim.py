"""The real Neovim, headless, through the whole flow: diagnostics, quick fix, fix-all, the file saved on disk."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from editor_support import SOURCE, make_workspace, run_flow

pytestmark = pytest.mark.editor

INSTALL = "install it with: bash scripts/install-editors.sh (Debian: apt-get install neovim)"
# two findings with safe fixes (stdlib names used without their import): what fix-all applies
TWO = """def where():
    return os.getcwd(), json.dumps({})
"""


def test_neovim_quick_fix_and_fix_all_saved_on_disk(tmp_path: Path) -> None:
    nvim = shutil.which("nvim")
    if nvim is None:
        pytest.fail(f"Neovim (nvim) is not installed; {INSTALL}")
    workspace = make_workspace(tmp_path, {"app/server.py": SOURCE, "app/two.py": TWO})
    target, fix_all = workspace / "app" / "server.py", workspace / "app" / "two.py"
    home = tmp_path / "home"
    script = Path(__file__).with_name("neovim_flow.lua")
    command = [nvim, "--headless", "-n", "-i", "NONE", "-u", "NONE", "-c", f"luafile {script}"]
    result = run_flow(
        "Neovim",
        command,
        workspace,
        tmp_path / "result.json",
        {
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_STATE_HOME": str(home / "state"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "BAES_CACHE_DIR": str(home / "baes"),
            "BAES_FILE": str(target),
            "BAES_FIXALL_FILE": str(fix_all),
        },
    )
    assert result["ok"], result["error"]
    assert result["diagnostic_codes"] == ["BE006"]
    assert "Disable BE006 for this line" in result["action_titles"]
    assert result["diagnostics_after_fix"] == 0
    assert result["fixall_diagnostics_before"] == 2
    assert result["fixall_result"]["applied"] is True
    assert result["fixall_diagnostics_after"] == 0
    assert result["hover_empty"] is True
    assert result["stopped"] is True
    assert target.read_text(encoding="utf-8") == SOURCE.replace(
        'host="0.0.0.0"', 'host=os.environ.get("UVICORN_HOST", "0.0.0.0")'
    ).replace(
        "import uvicorn", "import os\nimport uvicorn", 1
    ) or 'os.environ.get("UVICORN_HOST", "0.0.0.0")' in target.read_text(encoding="utf-8")
    saved = fix_all.read_text(encoding="utf-8")
    assert "import os" in saved and "import json" in saved
