"""``baes fix`` and ``baes check --fix/--diff`` on real files: safe vs unsafe, diffs, atomic writes."""

from __future__ import annotations

import ast
import json
import os
import stat
from pathlib import Path

from cli_samples import BARE_EXCEPT, CLEAN, MISSING_IMPORT, SYNTAX_ERROR, write

IMPORT_LINE = "from fastapi import HTTPException"


def test_fix_applies_safe_fixes_and_reports_what_remains(project: Path, baes) -> None:
    target = write(project / "api.py", MISSING_IMPORT + "\n\n" + BARE_EXCEPT)
    run = baes("fix", ".")
    text = target.read_text()
    assert IMPORT_LINE in text
    assert "except:" in text  # the bare-except fix is unsafe: not applied by default
    ast.parse(text)
    assert "api.py: fixed 1 finding (ST003)" in run.out
    assert "ST002" in run.out and "Fixed 1 finding in 1 file; 1 remaining." in run.out
    assert "1 more fixable with --unsafe-fixes." in run.out
    assert run.code == 1


def test_unsafe_fixes(project: Path, baes) -> None:
    target = write(project / "api.py", BARE_EXCEPT)
    run = baes("fix", "--unsafe-fixes", ".")
    assert "except Exception:" in target.read_text()
    assert run.code == 0, run.out + run.err
    assert "Fixed 1 finding in 1 file; 0 remaining." in run.out


def test_fix_only_changes_the_target_lines(project: Path, baes) -> None:
    original = MISSING_IMPORT + "\n\n# keep   this   odd    spacing\nx  =  [1,\n      2]\n"
    target = write(project / "a.py", original)
    baes("fix", ".")
    fixed = target.read_text()
    assert fixed.endswith(original)
    assert fixed[: -len(original)].strip() == IMPORT_LINE


def test_diff_prints_and_writes_nothing(project: Path, baes) -> None:
    target = write(project / "api.py", MISSING_IMPORT)
    before = target.read_bytes()
    run = baes("fix", "--diff", ".")
    assert target.read_bytes() == before
    assert run.code == 1
    assert run.out.startswith("--- a/api.py\n+++ b/api.py\n")
    assert f"+{IMPORT_LINE}" in run.out
    assert "Would fix 1 finding in 1 file." in run.err


def test_check_diff_is_the_same_and_clean_tree_exits_zero(project: Path, baes) -> None:
    write(project / "api.py", MISSING_IMPORT)
    assert baes("check", "--diff", ".").out == baes("fix", "--diff", ".").out
    write(project / "api.py", CLEAN)
    run = baes("check", "--diff", ".")
    assert run.code == 0 and run.out == ""


def test_diff_marks_a_missing_final_newline(project: Path, baes) -> None:
    write(project / "api.py", MISSING_IMPORT.rstrip("\n"))
    run = baes("fix", "--diff", ".")
    assert "\\ No newline at end of file" in run.out


def test_check_fix_reports_remaining_in_the_chosen_format(project: Path, baes) -> None:
    target = write(project / "api.py", MISSING_IMPORT + "\n\n" + BARE_EXCEPT)
    run = baes("check", "--fix", "--format", "json", ".")
    data = json.loads(run.out)
    assert IMPORT_LINE in target.read_text()
    assert data["summary"]["fixed"] == 1
    assert [f["rule_id"] for f in data["findings"]] == ["ST002"]
    assert run.code == 1
    text = baes("check", "--fix", "--unsafe-fixes", ".")
    assert text.code == 0 and "1 finding fixed; All checks passed" in text.out


def test_crlf_bom_encoding_and_permissions_are_kept(project: Path, baes) -> None:
    target = project / "win.py"
    target.write_bytes(b"\xef\xbb\xbf" + MISSING_IMPORT.replace("\n", "\r\n").encode("utf-8"))
    os.chmod(target, 0o754)
    baes("fix", ".")
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert IMPORT_LINE.encode() in data
    assert stat.S_IMODE(target.stat().st_mode) == 0o754


def test_latin1_declared_file_keeps_its_encoding(project: Path, baes) -> None:
    target = project / "latin.py"
    source = "# -*- coding: latin-1 -*-\nNAME = 'caf\u00e9'\n\n\n" + MISSING_IMPORT
    target.write_bytes(source.encode("latin-1"))
    baes("fix", ".")
    text = target.read_bytes().decode("latin-1")
    assert "caf\u00e9" in text and IMPORT_LINE in text


def test_syntax_error_file_is_left_alone(project: Path, baes) -> None:
    target = write(project / "broken.py", SYNTAX_ERROR)
    run = baes("fix", ".")
    assert target.read_text() == SYNTAX_ERROR
    assert "broken.py:1:12: ST001" in run.out
    assert run.code == 1


def test_a_fix_result_that_does_not_parse_is_never_written(project: Path, baes, monkeypatch) -> None:
    from baes.cli import runner as fixing  # the runner's own reference to fix_source

    real = fixing.fix_source

    def corrupting(source, path=None, settings=None, include_unsafe=False, rule_ids=None):
        outcome = real(source, path, settings, include_unsafe, rule_ids)
        return type(outcome)(outcome.source + "\ndef (:\n", outcome.applied, outcome.skipped, outcome.edits)

    monkeypatch.setattr(fixing, "fix_source", corrupting)
    target = write(project / "api.py", MISSING_IMPORT)
    run = baes("fix", ".")
    assert target.read_text() == MISSING_IMPORT
    assert "api.py: the fixed source does not parse; file left unchanged" in run.err
    assert run.code == 2


def test_binary_file_is_skipped_and_untouched(project: Path, baes) -> None:
    blob = project / "blob.py"
    blob.write_bytes(b"\x00\xff\x00")
    run = baes("fix", ".")
    assert blob.read_bytes() == b"\x00\xff\x00"
    assert "skipped blob.py: binary file" in run.err


def test_select_limits_the_fixes(project: Path, baes) -> None:
    target = write(project / "api.py", MISSING_IMPORT)
    baes("fix", "--select", "ST002", "--unsafe-fixes", ".")
    assert target.read_text() == MISSING_IMPORT


def test_fix_is_idempotent(project: Path, baes) -> None:
    target = write(project / "api.py", MISSING_IMPORT + "\n\n" + BARE_EXCEPT)
    baes("fix", "--unsafe-fixes", ".")
    once = target.read_bytes()
    run = baes("fix", "--unsafe-fixes", ".")
    assert target.read_bytes() == once
    assert "Fixed 0 findings in 0 files; 0 remaining." in run.out


def test_no_temporary_files_are_left_behind(project: Path, baes) -> None:
    write(project / "api.py", MISSING_IMPORT)
    baes("fix", ".")
    assert sorted(p.name for p in project.iterdir()) == ["api.py", "baes.toml"]


def test_fixes_that_fail_are_named_with_their_reason(project: Path, baes, monkeypatch) -> None:
    from baes.cli import runner as fixing  # the runner's own reference to fix_source

    real = fixing.fix_source

    def failing(source, path=None, settings=None, include_unsafe=False, rule_ids=None):
        outcome = real(source, path, settings, include_unsafe, rule_ids)
        assert outcome.applied
        failed = tuple((finding, "fix failed: conflicting edit") for finding in outcome.applied)
        return type(outcome)(source, (), failed, ())

    monkeypatch.setattr(fixing, "fix_source", failing)
    target = write(project / "api.py", MISSING_IMPORT)
    run = baes("fix", ".")
    assert target.read_text() == MISSING_IMPORT
    assert "api.py:2:11: ST003 not fixed: fix failed: conflicting edit" in run.out
    assert "Fixed 0 findings in 0 files; 1 remaining." in run.out
