"""Disk faults during ``baes fix`` and ``baes scaffold``: the user's files stay whole, nothing stray is left.

A real size limit (``RLIMIT_FSIZE``, which makes writes fail like a full disk) and a real
SIGKILL are used where the machine allows; a disk that is full or read-only at one chosen
system call is injected in-process (root ignores permission bits, so a read-only folder
cannot be made here without mounting).
"""

from __future__ import annotations

import ast
import errno
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from baes.cli.main import main

EXAMPLE = (Path(__file__).resolve().parents[2] / "examples" / "student_api.py").read_text()


def _stray(root: Path) -> list[Path]:
    return [p for p in root.rglob(".*") if p.name.endswith((".baes-tmp", ".baes-backup"))]


def _project(tmp_path: Path, files: int = 1) -> list[Path]:
    (tmp_path / "baes.toml").write_text("")
    paths = []
    for index in range(files):
        path = tmp_path / f"api_{index}.py"
        path.write_text(EXAMPLE)
        paths.append(path)
    return paths


def _limit_file_size(limit: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

    return apply


@pytest.mark.slow
def test_fix_under_a_file_size_limit_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    (target,) = _project(tmp_path)
    run = subprocess.run(
        [sys.executable, "-m", "baes", "fix", str(target)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        preexec_fn=_limit_file_size(len(EXAMPLE) + 10),
        timeout=120,
    )
    assert run.returncode != 0
    assert "File too large" in run.stderr or "too large" in run.stderr.lower(), run.stderr
    assert target.read_text() == EXAMPLE
    assert _stray(tmp_path) == []


@pytest.mark.parametrize("code, words", [(errno.ENOSPC, "No space left"), (errno.EROFS, "Read-only file system")])
def test_fix_when_the_disk_refuses_the_flush(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, code: int, words: str
) -> None:
    (target,) = _project(tmp_path)
    monkeypatch.chdir(tmp_path)

    def refuse(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", refuse)
    assert main(["fix", str(target)]) != 0
    assert words in capsys.readouterr().err
    assert target.read_text() == EXAMPLE
    assert _stray(tmp_path) == []


def test_scaffold_when_the_disk_fills_midway_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    out = tmp_path / "app"
    monkeypatch.setenv("BAES_CACHE_DIR", str(tmp_path / "cache"))
    real_fsync = os.fsync
    calls = {"n": 0}

    def fill_up(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] > 5:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fill_up)
    code = main(["scaffold", "Create a system to manage books with title and isbn", "--out", str(out)])
    assert code != 0
    assert "No space left" in capsys.readouterr().err
    written = [p for p in out.rglob("*") if p.is_file()] if out.exists() else []
    assert written == []


@pytest.mark.slow
def test_kill_during_fix_leaves_every_file_whole(tmp_path: Path) -> None:
    paths = _project(tmp_path, files=400)
    fixed = subprocess.run(
        [sys.executable, "-m", "baes", "fix", "--diff", str(paths[0])], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert fixed.returncode == 1  # there is something to fix
    for delay in (0.6, 0.9, 1.2):
        proc = subprocess.Popen(
            [sys.executable, "-m", "baes", "fix", "--jobs", "2", "."],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        for path in paths:
            ast.parse(path.read_text())  # original or fully fixed, never a torn file
    subprocess.run([sys.executable, "-m", "baes", "fix", "."], cwd=tmp_path, capture_output=True, timeout=300)
    assert _stray(tmp_path) == []
    assert all("from fastapi import APIRouter, FastAPI, HTTPException" in p.read_text() for p in paths)
