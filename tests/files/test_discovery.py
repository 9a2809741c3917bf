"""Walking files and folders: skipped folders, exclude globs, explicit files, order."""

from __future__ import annotations

import os
from pathlib import Path

from baes.files.discovery import discover_python_files, glob_matches, path_matches


def touch(path: Path, text: str = "x = 1\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def names(discovery, base: Path) -> list[str]:
    return [Path(os.path.abspath(p)).relative_to(base).as_posix() for p in discovery.files]


def test_skips_tool_and_build_folders(tmp_path: Path) -> None:
    keep = [
        touch(tmp_path / "app" / "main.py"),
        touch(tmp_path / "app" / "models" / "user.py"),
        touch(tmp_path / "tests" / "test_user.py"),
    ]
    for skipped in (
        ".git/hooks/x.py",
        ".venv/lib/a.py",
        "venv/b.py",
        "app/__pycache__/c.py",
        "node_modules/pkg/d.py",
        "build/lib/e.py",
        "dist/f.py",
        ".tox/py/g.py",
        ".nox/h.py",
        ".mypy_cache/i.py",
        ".pytest_cache/j.py",
        "lib/site-packages/k.py",
        "x.egg-info/l.py",
    ):
        touch(tmp_path / skipped)
    touch(tmp_path / "myenv" / "pyvenv.cfg", "home = /usr\n")
    touch(tmp_path / "myenv" / "lib" / "m.py")
    touch(tmp_path / "app" / "README.md")
    found = discover_python_files([tmp_path])
    assert names(found, tmp_path) == sorted(p.relative_to(tmp_path).as_posix() for p in keep)
    assert found.unusable == ()


def test_exclude_globs(tmp_path: Path) -> None:
    touch(tmp_path / "app" / "main.py")
    touch(tmp_path / "app" / "migrations" / "0001.py")
    touch(tmp_path / "proto" / "user_pb2.py")
    touch(tmp_path / "tests" / "fixtures" / "data.py")
    touch(tmp_path / "tests" / "test_a.py")
    found = discover_python_files([tmp_path], exclude=["migrations", "*_pb2.py", "tests/fixtures"], root=tmp_path)
    assert names(found, tmp_path) == ["app/main.py", "tests/test_a.py"]


def test_exclude_per_folder_lookup(tmp_path: Path) -> None:
    touch(tmp_path / "a" / "gen" / "x.py")
    touch(tmp_path / "a" / "y.py")
    touch(tmp_path / "b" / "gen" / "z.py")

    def lookup(folder: Path):
        inside_a = str(os.path.abspath(folder)).startswith(str(tmp_path / "a"))
        return (["gen"], str(tmp_path / "a")) if inside_a else ((), None)

    found = discover_python_files([tmp_path], exclude_for=lookup)
    assert names(found, tmp_path) == ["a/y.py", "b/gen/z.py"]


def test_explicit_files_are_always_included(tmp_path: Path) -> None:
    excluded = touch(tmp_path / "migrations" / "0001.py")
    script = touch(tmp_path / "bin" / "run-server")
    in_venv = touch(tmp_path / ".venv" / "tool.py")
    found = discover_python_files([excluded, script, in_venv], exclude=["migrations"], root=tmp_path)
    assert names(found, tmp_path) == [".venv/tool.py", "bin/run-server", "migrations/0001.py"]


def test_missing_paths_are_reported(tmp_path: Path) -> None:
    touch(tmp_path / "a.py")
    found = discover_python_files([tmp_path / "a.py", tmp_path / "nope.py"])
    assert len(found.files) == 1
    assert [(u.path, u.reason) for u in found.unusable] == [(str(tmp_path / "nope.py"), "no such file or folder")]


def test_order_is_deterministic_and_duplicates_collapse(tmp_path: Path) -> None:
    for name in ("b.py", "A.py", "c/d.py", "a.py"):
        touch(tmp_path / name)
    first = discover_python_files([tmp_path, tmp_path / "a.py"])
    second = discover_python_files([tmp_path / "a.py", tmp_path])
    assert names(first, tmp_path) == names(second, tmp_path)
    assert len(first.files) == 4


def test_symlinked_folder_loops_do_not_hang(tmp_path: Path) -> None:
    touch(tmp_path / "pkg" / "m.py")
    os.symlink(tmp_path, tmp_path / "pkg" / "loop")
    found = discover_python_files([tmp_path])
    assert names(found, tmp_path) == ["pkg/m.py"]


def test_glob_semantics() -> None:
    assert glob_matches("migrations", "app/migrations/0001.py")
    assert glob_matches("*_pb2.py", "proto/user_pb2.py")
    assert not glob_matches("*_pb2.py", "proto/user.py")
    assert glob_matches("tests/fixtures", "tests/fixtures/x/y.py")
    assert not glob_matches("tests/fixtures", "src/tests/fixtures/y.py")
    assert glob_matches("**/legacy/*.py", "legacy/a.py")
    assert glob_matches("**/legacy/*.py", "src/legacy/a.py")
    assert glob_matches("./src/*/gen", "src/pkg/gen/a.py")
    assert glob_matches("tests/*.py", "tests/test_a.py")
    assert not glob_matches("", "a.py")
    assert not glob_matches("Tests", "tests/a.py")


def test_path_matches_relative_to_root(tmp_path: Path) -> None:
    target = tmp_path / "svc" / "tests" / "test_x.py"
    assert path_matches(["tests/*.py"], target, tmp_path / "svc")
    assert not path_matches(["tests/*.py"], target, tmp_path)


def test_a_folder_named_explicitly_is_walked_even_inside_an_excluded_area(tmp_path: Path) -> None:
    corpus = tmp_path / ".bench-cache" / "corpus"
    (corpus / "pkg").mkdir(parents=True)
    (corpus / "pkg" / "mod.py").write_text("x = 1\n")
    (corpus / "build_tmp").mkdir()
    (corpus / "build_tmp" / "skip.py").write_text("x = 1\n")
    excluded_everywhere = (".bench-cache", "build_tmp")
    walked = discover_python_files([corpus], exclude=excluded_everywhere, root=tmp_path)
    assert [p.name for p in walked.files] == ["mod.py"]
    from_root = discover_python_files([tmp_path], exclude=excluded_everywhere, root=tmp_path)
    assert from_root.files == ()
