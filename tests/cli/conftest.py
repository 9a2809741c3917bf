"""Shared helpers: a project folder with real files, and running the CLI in-process."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from baes.cli.main import main
from baes.settings.loader import clear_cache


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture(autouse=True)
def _fresh_settings_cache():
    clear_cache()
    yield
    clear_cache()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project folder (with its own baes.toml so no outer config leaks in), as the cwd."""
    (tmp_path / "baes.toml").write_text("# project settings\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def baes(capsys: pytest.CaptureFixture[str]):
    def run(*argv: str) -> Run:
        code = main(list(argv))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run
