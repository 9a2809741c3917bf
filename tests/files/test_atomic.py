"""Atomic writes: nothing half-written, encoding/line endings/permissions kept, no overwrite on create."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from baes.files.atomic import (
    FileExistsConflict,
    atomic_write_bytes,
    create_new_file,
    decode_source,
    read_source,
    write_source,
)


def test_round_trip_keeps_crlf_bom_and_declared_encoding(tmp_path: Path) -> None:
    crlf = tmp_path / "crlf.py"
    crlf.write_bytes(b"\xef\xbb\xbfx = 1\r\ny = 2\r\n")
    original = read_source(crlf)
    assert (original.encoding, original.newline) == ("utf-8-sig", "\r\n")
    write_source(crlf, original, original.text + "z = 3\r\n")
    assert crlf.read_bytes() == b"\xef\xbb\xbfx = 1\r\ny = 2\r\nz = 3\r\n"

    latin = tmp_path / "latin.py"
    latin.write_bytes("# -*- coding: latin-1 -*-\nname = 'café'\n".encode("latin-1"))
    decoded = read_source(latin)
    assert decoded.encoding == "iso8859-1" and "café" in decoded.text
    write_source(latin, decoded, decoded.text.replace("café", "thé"))
    assert latin.read_bytes().decode("latin-1").endswith("name = 'thé'\n")


def test_binary_content_is_refused() -> None:
    with pytest.raises(UnicodeDecodeError):
        decode_source(b"\x00\x01\x02binary")


def test_replacing_keeps_permissions_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    script = tmp_path / "run.py"
    script.write_text("print(1)\n")
    script.chmod(0o750)
    atomic_write_bytes(script, b"print(2)\n")
    assert stat.S_IMODE(script.stat().st_mode) == 0o750
    assert script.read_bytes() == b"print(2)\n"
    assert sorted(os.listdir(tmp_path)) == ["run.py"]


def test_create_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "pkg" / "new.py"
    create_new_file(target, b"a = 1\n")
    with pytest.raises(FileExistsConflict):
        create_new_file(target, b"b = 2\n")
    assert target.read_bytes() == b"a = 1\n"
    assert sorted(os.listdir(target.parent)) == ["new.py"]
