"""Reads within a budget and writes that respect links and owners (hostile-input cases of issue 15)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from baes.files.atomic import (
    FileTooLarge,
    NotARegularFile,
    atomic_write_text,
    read_bytes_bounded,
    read_source,
)
from baes.files.discovery import classify_path, discover_python_files


def test_a_device_that_never_ends_is_refused_without_reading() -> None:
    with pytest.raises(NotARegularFile):
        read_source("/dev/zero")


def test_a_fifo_is_refused_at_once_instead_of_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.py"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []
    reader = threading.Thread(target=lambda: _capture(outcome, lambda: read_source(fifo)), daemon=True)
    reader.start()
    reader.join(timeout=5)
    assert not reader.is_alive(), "reading a FIFO blocked"
    assert isinstance(outcome[0], NotARegularFile)


def _capture(into: list[BaseException], call) -> None:
    try:
        call()
    except BaseException as exc:  # noqa: BLE001 - the test inspects it
        into.append(exc)


def test_a_file_over_the_budget_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.py"
    big.write_bytes(b"x = 1\n" * 100)
    assert read_bytes_bounded(big, limit=600) == b"x = 1\n" * 100
    with pytest.raises(FileTooLarge):
        read_bytes_bounded(big, limit=599)


def test_writing_through_a_symlink_fixes_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.py"
    real.write_text("x = 1\n")
    link = tmp_path / "link.py"
    link.symlink_to(real)
    atomic_write_text(link, "x = 2\n")
    assert link.is_symlink()
    assert real.read_text() == "x = 2\n"


def test_writing_a_hard_linked_file_keeps_the_links_and_leaves_no_backup(tmp_path: Path) -> None:
    first = tmp_path / "a.py"
    first.write_text("x = 1\n")
    second = tmp_path / "b.py"
    os.link(first, second)
    atomic_write_text(first, "x = 2\n")
    assert second.read_text() == "x = 2\n"
    assert os.stat(first).st_ino == os.stat(second).st_ino
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.py", "b.py"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away")
def test_rewriting_another_users_file_keeps_its_owner(tmp_path: Path) -> None:
    target = tmp_path / "theirs.py"
    target.write_text("x = 1\n")
    os.chown(target, 12345, 23456)
    atomic_write_text(target, "x = 2\n")
    info = os.stat(target)
    assert (info.st_uid, info.st_gid) == (12345, 23456)


def test_writing_to_a_folder_says_so_and_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        atomic_write_text(tmp_path, "report\n")
    assert list(tmp_path.iterdir()) == []


def test_command_line_paths_that_cannot_be_checked_say_why(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.py"
    os.mkfifo(fifo)
    loop = tmp_path / "loop.py"
    loop.symlink_to(loop)
    broken = tmp_path / "broken.py"
    broken.symlink_to(tmp_path / "gone.py")
    assert classify_path(fifo)[1].startswith("a named pipe (FIFO)")
    assert classify_path(loop) == ("unusable", "symbolic link loop")
    assert classify_path(broken) == ("unusable", "broken symbolic link")
    assert classify_path(Path("/dev/null"))[1].startswith("a character device")
    found = discover_python_files([fifo, loop, broken, tmp_path / "nope.py"])
    assert found.files == ()
    assert [u.reason.split(",")[0] for u in found.unusable] == [
        "a named pipe (FIFO)",
        "symbolic link loop",
        "broken symbolic link",
        "no such file or folder",
    ]


def test_a_fifo_inside_a_folder_is_not_walked_into(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.py")
    (tmp_path / "ok.py").write_text("x = 1\n")
    assert [p.name for p in discover_python_files([tmp_path]).files] == ["ok.py"]


def test_temporary_files_of_killed_writers_are_swept(tmp_path: Path) -> None:
    import subprocess
    import sys

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stray = tmp_path / f".api.py.{dead.stdout.strip()}.abcd1234.baes-tmp"
    stray.write_text("half")
    mine = tmp_path / f".api.py.{os.getpid()}.abcd1234.baes-tmp"
    mine.write_text("in progress")
    atomic_write_text(tmp_path / "other.py", "x = 1\n")
    assert not stray.exists()
    assert mine.exists()


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="process start times are read from /proc")
def test_a_temporary_file_whose_pid_now_names_a_newer_process_is_swept(tmp_path: Path) -> None:
    import subprocess
    import sys
    import time

    newer = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        stray = tmp_path / f".api.py.{newer.pid}.abcd1234.baes-tmp"
        stray.write_text("half")
        an_hour_ago = time.time() - 3600
        os.utime(stray, (an_hour_ago, an_hour_ago))  # written long before that process started: its PID was reused
        live = tmp_path / f".web.py.{os.getppid()}.abcd1234.baes-tmp"
        live.write_text("in progress")  # the parent started before this write: a writer that may still be at work
        atomic_write_text(tmp_path / "other.py", "x = 1\n")
        assert not stray.exists()
        assert live.exists()
    finally:
        newer.kill()
        newer.wait()
