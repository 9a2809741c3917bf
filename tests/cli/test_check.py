"""``baes check`` in-process on real files: formats, selection, config, exit codes, bad files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from cli_samples import BARE_EXCEPT, CLEAN, MISSING_IMPORT, SYNTAX_ERROR, write


def test_clean_tree_exits_zero(project: Path, baes) -> None:
    write(project / "app" / "calc.py", CLEAN)
    run = baes("check", ".")
    assert run.code == 0, run.out + run.err
    assert "All checks passed (1 file checked)." in run.out


def test_text_output_is_path_line_col_code_message(project: Path, baes) -> None:
    write(project / "app" / "api.py", MISSING_IMPORT)
    run = baes("check", "app")
    assert run.code == 1
    first = run.out.splitlines()[0]
    assert first.startswith("app/api.py:2:11: ST003 ")
    assert "HTTPException" in first
    assert "Found 1 finding in 1 file (1 file checked). 1 fixable with `baes fix`." in run.out


def test_default_path_is_the_current_folder(project: Path, baes) -> None:
    write(project / "a.py", BARE_EXCEPT)
    run = baes("check")
    assert run.code == 1
    assert "a.py:4:5: ST002" in run.out


def test_exit_zero(project: Path, baes) -> None:
    write(project / "a.py", BARE_EXCEPT)
    assert baes("check", "--exit-zero", ".").code == 0


def test_select_and_ignore(project: Path, baes) -> None:
    write(project / "a.py", BARE_EXCEPT + MISSING_IMPORT)
    both = baes("check", ".")
    assert "ST002" in both.out and "ST003" in both.out
    only = baes("check", "--select", "ST002", ".")
    assert "ST002" in only.out and "ST003" not in only.out
    ignored = baes("check", "--ignore", "ST002,ST003", ".")
    assert ignored.code == 0, ignored.out


def test_extend_select_adds_a_rule_outside_the_profile(project: Path, baes) -> None:
    write(project / "a.py", "def listItems():\n    return []\n")
    assert "ST004" not in baes("check", ".").out
    assert "ST004" in baes("check", "--extend-select", "ST004", ".").out
    assert "ST004" in baes("check", "--profile", "strict", ".").out


def test_unknown_selector_on_the_command_line_is_a_usage_error(project: Path, baes) -> None:
    write(project / "a.py", CLEAN)
    run = baes("check", "--select", "NOPE42", ".")
    assert run.code == 2
    assert "command line: select: unknown rule id or prefix 'NOPE42'" in run.err


def test_project_config_is_discovered_per_file(project: Path, baes) -> None:
    write(project / "baes.toml", 'ignore = ["ST002"]\n')
    write(project / "a.py", BARE_EXCEPT)
    inner = project / "svc"
    write(inner / "pyproject.toml", '[tool.baes]\nselect = ["ST"]\n')
    write(inner / "b.py", BARE_EXCEPT)
    run = baes("check", ".")
    assert "svc/b.py:4:5: ST002" in run.out
    assert "a.py:4:5" not in run.out.replace("svc/b.py", "")


def test_per_file_ignores_and_exclude_from_config(project: Path, baes) -> None:
    write(
        project / "baes.toml",
        """
exclude = ["generated"]

[per-file-ignores]
"legacy/*.py" = ["ST002"]
""",
    )
    write(project / "legacy" / "old.py", BARE_EXCEPT)
    write(project / "generated" / "gen.py", BARE_EXCEPT)
    write(project / "new.py", BARE_EXCEPT)
    run = baes("check", ".")
    assert "new.py:4:5: ST002" in run.out
    assert "legacy/old.py" not in run.out
    assert "generated/gen.py" not in run.out
    assert "(2 files checked)" in run.out  # new.py and legacy/old.py; generated/ is excluded


def test_explicitly_named_excluded_file_is_checked(project: Path, baes) -> None:
    write(project / "baes.toml", 'exclude = ["generated"]\n')
    target = write(project / "generated" / "gen.py", BARE_EXCEPT)
    assert "generated/gen.py:4:5: ST002" in baes("check", str(target.relative_to(project))).out


def test_command_line_exclude(project: Path, baes) -> None:
    write(project / "keep.py", BARE_EXCEPT)
    write(project / "skip_me" / "x.py", BARE_EXCEPT)
    run = baes("check", "--exclude", "skip_me", ".")
    assert "skip_me" not in run.out and "keep.py" in run.out


def test_severity_override_shows_in_json(project: Path, baes) -> None:
    write(project / "baes.toml", '[severity]\nST002 = "error"\n')
    write(project / "a.py", BARE_EXCEPT)
    data = json.loads(baes("check", "--format", "json", ".").out)
    assert [f["severity"] for f in data["findings"]] == ["error"]


def test_invalid_config_is_reported_exit_2_but_the_check_still_runs(project: Path, baes) -> None:
    write(project / "baes.toml", 'profile = "paranoid"\nselect = 3\n')
    write(project / "a.py", BARE_EXCEPT)
    run = baes("check", ".")
    assert run.code == 2
    assert f"{project / 'baes.toml'}: profile: unknown profile 'paranoid'" in run.err
    assert f"{project / 'baes.toml'}: select:" in run.err
    assert "a.py:4:5: ST002" in run.out


def test_broken_toml_is_reported(project: Path, baes) -> None:
    write(project / "baes.toml", "select = [\n")
    write(project / "a.py", CLEAN)
    run = baes("check", ".")
    assert run.code == 2
    assert "not valid TOML" in run.err


def test_explicit_config_file(project: Path, baes, tmp_path_factory) -> None:
    elsewhere = tmp_path_factory.mktemp("conf")
    config = write(elsewhere / "ci.toml", 'select = ["ST003"]\n')
    write(project / "a.py", BARE_EXCEPT + MISSING_IMPORT)
    run = baes("check", "--config", str(config), ".")
    assert "ST003" in run.out and "ST002" not in run.out
    missing = baes("check", "--config", str(elsewhere / "nope.toml"), ".")
    assert missing.code == 2 and "no such file" in missing.err


def test_missing_path_is_a_usage_error(project: Path, baes) -> None:
    write(project / "a.py", CLEAN)
    run = baes("check", "a.py", "nope.py")
    assert run.code == 2
    assert "nope.py: no such file or folder" in run.err
    assert "1 file checked" in run.out


def test_syntax_error_gives_one_finding_at_its_location(project: Path, baes) -> None:
    write(project / "broken.py", SYNTAX_ERROR)
    run = baes("check", ".")
    assert run.code == 1
    lines = [line for line in run.out.splitlines() if line.startswith("broken.py")]
    assert len(lines) == 1
    assert lines[0].startswith("broken.py:1:12: ST001")


def test_binary_and_undecodable_files_are_skipped_on_stderr(project: Path, baes) -> None:
    (project / "blob.py").write_bytes(b"\x00\x01\x02binary\x00")
    (project / "latin.py").write_bytes("name = 'caf\u00e9'\n".encode("latin-1"))
    write(project / "ok.py", CLEAN)
    run = baes("check", ".")
    assert run.code == 0, run.out + run.err
    assert "skipped blob.py: binary file" in run.err
    assert "skipped latin.py: not valid utf-8 text (invalid continuation byte at offset 11)" in run.err
    assert "(1 file checked)" in run.out


def test_pep263_declared_encoding_is_read(project: Path, baes) -> None:
    (project / "latin.py").write_bytes(
        "# -*- coding: latin-1 -*-\nname = 'caf\u00e9'\ntry:\n    pass\nexcept:\n    pass\n".encode("latin-1")
    )
    run = baes("check", ".")
    assert "latin.py:5:1: ST002" in run.out
    assert run.err == ""


def test_bom_and_crlf_files_are_checked(project: Path, baes) -> None:
    (project / "win.py").write_bytes(b"\xef\xbb\xbf" + BARE_EXCEPT.replace("\n", "\r\n").encode())
    run = baes("check", ".")
    assert "win.py:4:5: ST002" in run.out


def test_statistics(project: Path, baes) -> None:
    write(project / "a.py", BARE_EXCEPT)
    write(project / "b.py", BARE_EXCEPT + MISSING_IMPORT)
    run = baes("check", "--statistics", ".")
    lines = run.out.splitlines()
    assert lines[0].split()[:2] == ["2", "ST002"]
    assert lines[1].split()[:3] == ["1", "ST003", "[*]"]
    assert "bare-except" in lines[0]
    data = json.loads(baes("check", "--statistics", "--format", "json", ".").out)
    assert data["statistics"][0] == {"rule_id": "ST002", "name": "bare-except", "count": 2, "fixable": 2}


def test_json_format(project: Path, baes) -> None:
    write(project / "a.py", MISSING_IMPORT)
    write(project / "b.py", CLEAN)
    run = baes("check", "--format", "json", ".")
    assert run.code == 1
    data = json.loads(run.out)
    assert data["summary"]["files_checked"] == 2
    assert data["summary"]["findings"] == 1
    finding = data["findings"][0]
    assert finding["path"] == "a.py"
    assert finding["rule_id"] == "ST003"
    assert (finding["line"], finding["column"]) == (2, 11)
    assert finding["end_line"] == 2 and finding["end_column"] == 24
    assert finding["fix"]["safety"] == "safe"
    assert [f["path"] for f in data["files"]] == ["a.py", "b.py"]


def test_output_file(project: Path, baes) -> None:
    write(project / "a.py", BARE_EXCEPT)
    run = baes("check", "--format", "json", "-o", "report.json", ".")
    assert run.out == ""
    assert json.loads((project / "report.json").read_text())["summary"]["findings"] == 1


def test_columns_are_code_points_plus_one(project: Path, baes) -> None:
    write(project / "u.py", "def f():\n    s = 'ééé'; return undefined_thing\n")
    data = json.loads(baes("check", "--format", "json", "--select", "ST003", ".").out)
    assert data["findings"][0]["column"] == len("    s = 'ééé'; return ") + 1


def test_order_is_deterministic(project: Path, baes) -> None:
    for name in ("zeta.py", "alpha.py", "mid/beta.py"):
        write(project / name, BARE_EXCEPT)
    first = baes("check", ".").out
    second = baes("check", "mid", "zeta.py", "alpha.py").out
    assert first == second
    assert [line.split(":")[0] for line in first.splitlines()[:3]] == ["alpha.py", "mid/beta.py", "zeta.py"]


def test_parallel_run_matches_the_sequential_one(project: Path, baes, monkeypatch) -> None:
    import baes.cli.runner as runner

    for index in range(12):
        write(project / f"pkg{index % 3}" / f"m{index}.py", BARE_EXCEPT if index % 2 else MISSING_IMPORT)
    (project / "pkg1" / "blob.py").write_bytes(b"\x00\x00")
    sequential = baes("check", "--jobs", "1", ".")
    monkeypatch.setattr(runner, "PARALLEL_THRESHOLD", 2)
    parallel = baes("check", "--jobs", "2", ".")
    assert parallel.out == sequential.out
    assert parallel.err == sequential.err
    assert parallel.code == sequential.code == 1


def test_run_tasks_uses_a_pool_and_keeps_order(tmp_path: Path) -> None:
    from baes.cli.runner import CheckTask, check_file, run_tasks
    from baes.settings.config import Settings

    paths = [write(tmp_path / f"f{i:02}.py", BARE_EXCEPT if i % 3 else CLEAN) for i in range(20)]
    tasks = [CheckTask(str(p), p.name, Settings()) for p in paths]
    pooled = run_tasks(check_file, tasks, jobs=2, threshold=1)
    single = run_tasks(check_file, tasks, jobs=1)
    assert [r.display for r in pooled] == [p.name for p in paths]
    assert [[f.rule_id for f in r.findings] for r in pooled] == [[f.rule_id for f in r.findings] for r in single]


def test_parallel_disabled_by_flag(project: Path, baes, monkeypatch) -> None:
    import baes.cli.runner as runner

    calls = []
    real = runner.run_tasks

    def spy(func, tasks, jobs, threshold=None):
        calls.append(jobs)
        return real(func, tasks, jobs, threshold)

    monkeypatch.setattr(runner, "run_tasks", spy)
    monkeypatch.setattr("baes.cli.pipeline.run_tasks", spy)
    monkeypatch.setenv("ENABLE_PARALLEL_EXECUTION", "false")
    write(project / "a.py", CLEAN)
    baes("check", "--jobs", "4", ".")
    assert calls == [1]


def test_internal_engine_error_does_not_end_the_run(project: Path, baes, monkeypatch) -> None:
    from baes.cli import runner

    real = runner.check_source

    def flaky(source, path=None, settings=None, swea_type=None):
        if str(path).endswith("boom.py"):
            raise RuntimeError("kaboom")
        return real(source, path, settings, swea_type)

    monkeypatch.setattr(runner, "check_source", flaky)
    write(project / "boom.py", CLEAN)
    write(project / "ok.py", BARE_EXCEPT)
    run = baes("check", ".")
    assert run.code == 2
    assert "boom.py: internal error: RuntimeError: kaboom" in run.err
    assert "ok.py:4:5: ST002" in run.out


def test_no_python_files(project: Path, baes) -> None:
    write(project / "notes.txt", "hello")
    run = baes("check", ".")
    assert run.code == 0
    assert "0 files checked" in run.out


def test_unreadable_file_is_skipped(project: Path, baes, monkeypatch) -> None:
    from baes.cli import runner as atomic_io  # the runner's own reference to read_source

    real = atomic_io.read_source

    def guarded(path):
        if str(path).endswith("secret.py"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(atomic_io, "read_source", guarded)
    write(project / "secret.py", CLEAN)
    write(project / "ok.py", CLEAN)
    run = baes("check", ".")
    assert "skipped secret.py: cannot be read (Permission denied)" in run.err
    assert run.code == 0 and "(1 file checked)" in run.out


def test_usage_without_command(baes) -> None:
    assert baes().code == 2


def test_a_broken_pool_falls_back_to_one_process(tmp_path: Path, monkeypatch, capsys) -> None:
    from concurrent.futures.process import BrokenProcessPool

    import baes.cli.runner as runner
    from baes.settings.config import Settings

    class BrokenPool:
        def __init__(self, max_workers: int, **options: object) -> None:
            self.max_workers = max_workers

        def __enter__(self) -> BrokenPool:
            return self

        def __exit__(self, *exc_info: object) -> bool:
            return False

        def map(self, func, tasks, chunksize=1):
            raise BrokenProcessPool("a worker was killed")

    monkeypatch.setattr(runner, "ProcessPoolExecutor", BrokenPool)
    paths = [write(tmp_path / f"f{i}.py", BARE_EXCEPT) for i in range(4)]
    tasks = [runner.CheckTask(str(p), p.name, Settings()) for p in paths]
    results = runner.run_tasks(runner.check_file, tasks, jobs=2, threshold=1)
    assert [[f.rule_id for f in r.findings] for r in results] == [["ST002"]] * 4
    assert "parallel run failed (BrokenProcessPool: a worker was killed); continuing in one process" in (capsys.readouterr().err)


def test_file_names_that_are_not_utf8_are_escaped(project: Path, baes) -> None:
    name = os.fsdecode(b"caf\xe9.py")
    (project / name).write_text(BARE_EXCEPT)
    text = baes("check", ".")
    assert "caf\\xe9.py:4:5: ST002" in text.out
    data = json.loads(baes("check", "--format", "json", ".").out)
    assert data["findings"][0]["path"] == "caf\\xe9.py"
    sarif = json.loads(baes("check", "--format", "sarif", ".").out)
    location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uri"] == "caf%E9.py"


def test_unusable_paths_are_named_and_never_called_passing(project: Path, baes) -> None:
    import os

    os.mkfifo(project / "pipe.py")
    write(project / "ok.py", CLEAN)
    run = baes("check", "ok.py", "pipe.py", "/dev/stdin")
    assert run.code == 2
    assert "pipe.py: a named pipe (FIFO), not a regular file" in run.err
    assert "/dev/stdin: " in run.err and "no such file" not in run.err
    assert "All checks passed" not in run.out
    assert "2 paths could not be checked" in run.out


def test_output_file_that_is_a_folder_is_a_clear_error(project: Path, baes, tmp_path: Path) -> None:
    write(project / "ok.py", CLEAN)
    run = baes("check", "-o", str(project), "ok.py")
    assert run.code == 2
    assert "is a folder" in run.err


@pytest.mark.parametrize("jobs", ["0", "-3"])
def test_jobs_must_be_at_least_one(project: Path, baes, jobs: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        baes("check", "--jobs", jobs, ".")
    assert exit_info.value.code == 2
