"""Temporary files of killed writers are swept, even when the writer's PID already names a newer process."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from baes.files import atomic

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")


def _temp_of(folder: Path, pid: int) -> Path:
    path = folder / f".notes.txt.{pid}.abc123.baes-tmp"
    path.write_text("half written")
    return path


def _sleeper() -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])


def test_a_file_written_before_its_pid_started_is_an_orphan(tmp_path: Path) -> None:
    orphan = _temp_of(tmp_path, 0)  # written first; the process that holds the PID is started 0.3 s later
    time.sleep(0.3)
    newer = _sleeper()
    try:
        orphan = orphan.rename(tmp_path / f".notes.txt.{newer.pid}.abc123.baes-tmp")
        os.utime(orphan, (time.time() - 0.3, time.time() - 0.3))  # the write happened before the process started
        atomic._sweep_orphans(tmp_path)
        assert not orphan.exists()
    finally:
        newer.kill()
        newer.wait()


def test_a_file_of_a_running_writer_is_kept(tmp_path: Path) -> None:
    writer = _sleeper()
    try:
        time.sleep(0.2)
        kept = _temp_of(tmp_path, writer.pid)  # written while its writer runs
        atomic._sweep_orphans(tmp_path)
        assert kept.exists()
    finally:
        writer.kill()
        writer.wait()


def test_the_start_of_a_process_is_read_from_proc() -> None:
    started = atomic._started_at(os.getpid())
    assert started is not None
    assert 0 <= time.time() - started < 3600
    assert atomic._started_at(2**22 + 12345) is None  # no such process


def test_a_file_of_a_killed_writer_not_yet_reaped_is_an_orphan(tmp_path: Path) -> None:
    """A worker killed with its parent stays a zombie until ``init`` reaps it; it writes nothing more."""
    writer = _sleeper()
    try:
        time.sleep(0.2)
        orphan = _temp_of(tmp_path, writer.pid)
        writer.kill()
        deadline = time.time() + 10
        while atomic._running(writer.pid) and time.time() < deadline:  # killed, not waited for: a zombie
            time.sleep(0.05)
        assert os.path.exists(f"/proc/{writer.pid}")  # still in the process table
        atomic._sweep_orphans(tmp_path)
        assert not orphan.exists()
    finally:
        writer.kill()
        writer.wait()
