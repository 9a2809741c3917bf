"""The type checker and the linter run clean on the packages held to them (configured in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# mypy --strict holds these packages; ruff (lint and format) holds the whole code base
STRICT_PACKAGES = ["server/baes/standards", "server/baes/fixes"]
LINTED = ["server/baes", "tests", "bench"]


def _run(module: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", module, *args], cwd=REPO, capture_output=True, text=True, timeout=600)


def test_mypy_strict_is_clean() -> None:
    pytest.importorskip("mypy", reason="mypy is in the test extras")
    result = _run("mypy", "--no-incremental", *STRICT_PACKAGES)  # strict and the paths: [tool.mypy]
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_check_is_clean() -> None:
    pytest.importorskip("ruff", reason="ruff is in the test extras")
    result = _run("ruff", "check", *LINTED)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean() -> None:
    pytest.importorskip("ruff", reason="ruff is in the test extras")
    result = _run("ruff", "format", "--check", *LINTED)
    assert result.returncode == 0, "run `ruff format server tests bench`:\n" + result.stdout + result.stderr
