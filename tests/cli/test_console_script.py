"""The real ``baes`` console script in a subprocess, as a user runs it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from cli_samples import BARE_EXCEPT, CLEAN, MISSING_IMPORT, write


def baes_command() -> list[str]:
    script = Path(sys.executable).with_name("baes")
    if script.exists():
        return [str(script)]
    found = shutil.which("baes")
    assert found, "the baes console script is installed with the package"
    return [found]


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ENABLE_")}
    return subprocess.run(baes_command() + args, cwd=cwd, capture_output=True, text=True, timeout=120, env=env)


def test_console_script_check_fix_and_exit_codes(tmp_path: Path) -> None:
    (tmp_path / "baes.toml").write_text("")
    write(tmp_path / "app" / "api.py", MISSING_IMPORT)
    write(tmp_path / "app" / "jobs.py", BARE_EXCEPT)
    write(tmp_path / "app" / "calc.py", CLEAN)

    checked = run(["check", "app"], tmp_path)
    assert checked.returncode == 1, checked.stderr
    assert "app/api.py:2:11: ST003" in checked.stdout
    assert "app/jobs.py:4:5: ST002" in checked.stdout

    sarif = run(["check", "--format", "sarif", "."], tmp_path)
    assert json.loads(sarif.stdout)["version"] == "2.1.0"

    fixed = run(["fix", "--unsafe-fixes", "app"], tmp_path)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "from fastapi import HTTPException" in (tmp_path / "app" / "api.py").read_text()

    clean = run(["check", "app"], tmp_path)
    assert clean.returncode == 0 and "All checks passed (3 files checked)." in clean.stdout

    usage = run(["check", "--select", "NOPE9", "app"], tmp_path)
    assert usage.returncode == 2 and "NOPE9" in usage.stderr


def test_console_script_explain(tmp_path: Path) -> None:
    explained = run(["explain", "ST003"], tmp_path)
    assert explained.returncode == 0 and explained.stdout.startswith("## ST003")


def test_console_script_in_an_ascii_terminal(tmp_path: Path) -> None:
    (tmp_path / "baes.toml").write_text("")
    write(tmp_path / "jobs.py", BARE_EXCEPT)
    env = {k: v for k, v in os.environ.items() if not k.startswith("ENABLE_")}
    env["PYTHONIOENCODING"] = "ascii"
    explained = subprocess.run(baes_command() + ["explain", "ST002"], cwd=tmp_path, capture_output=True, timeout=120, env=env)
    assert explained.returncode == 0, explained.stderr
    assert explained.stdout.isascii() and explained.stdout.startswith(b"## ST002")
    checked = subprocess.run(
        baes_command() + ["check", "--format", "json", "."], cwd=tmp_path, capture_output=True, timeout=120, env=env
    )
    assert checked.returncode == 1
    assert json.loads(checked.stdout)["findings"][0]["rule_id"] == "ST002"
