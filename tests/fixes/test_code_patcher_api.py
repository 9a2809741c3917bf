"""PatchResult and apply_patch: dispatch, clean failures, and bytes outside the edit left alone."""

from __future__ import annotations

import pytest

from baes.fixes.patcher import CodePatcher, PatchResult

patcher = CodePatcher(measure_tokens=False)

ODD = (
    "# -*- coding: utf-8 -*-\r\n"
    "import os ;import sys   # two on a line\r\n"
    "\r\n"
    "class  Repo( object ) :\r\n"
    "\tdef get_db( self ):   # tab indented\r\n"
    "\t\tyield   os.environ   [ 'X' ]\r\n"
    "\r\n"
    "@router.post( '/x' ,response_model = None )\r\n"
    "def create( ):\r\n"
    "\ttry :\r\n"
    "\t\tpass\r\n"
    "\texcept  :   # everything\r\n"
    "\t\tpass"
)


def outside_unchanged(before: str, after: str, changed: list[str]) -> None:
    """Every original line not in ``changed`` is still in the output, byte for byte, in order."""
    kept = [line for line in before.splitlines(keepends=True) if line not in changed]
    remaining = iter(after.splitlines(keepends=True))
    for line in kept:
        assert any(candidate == line for candidate in remaining), line


@pytest.mark.parametrize(
    "patch_type, kwargs, changed",
    [
        ("add_decorator", {"function_name": "get_db", "decorator_name": "contextmanager"}, []),
        (
            "fix_status_code",
            {"target_function": "create", "correct_status": 201},
            ["@router.post( '/x' ,response_model = None )\r\n"],
        ),
        ("replace_bare_except", {"line": 12}, ["\texcept  :   # everything\r\n"]),
        ("add_import", {"import_statement": "from fastapi import HTTPException"}, []),
    ],
)
def test_odd_formatting_survives(patch_type: str, kwargs: dict, changed: list[str]) -> None:
    result = patcher.apply_patch(ODD, patch_type, **kwargs)
    assert result.success, result.error_message
    assert "\n" not in result.patched_code.replace("\r\n", "")  # CRLF kept, also on new lines
    assert not result.patched_code.endswith("\n")  # still no final newline
    outside_unchanged(ODD, result.patched_code, changed)


def test_exact_odd_outputs() -> None:
    status = patcher.fix_status_code(ODD, "create", 201).patched_code
    assert "@router.post( '/x' ,response_model = None ,status_code=201 )\r\n" in status  # its comma style
    bare = patcher.apply_patch(ODD, "replace_bare_except", line=12).patched_code
    assert bare.endswith("\texcept Exception:   # everything\r\n\t\tpass")
    decorated = patcher.add_decorator(ODD, "get_db", "contextmanager").patched_code
    assert "class  Repo( object ) :\r\n\t@contextmanager\r\n\tdef get_db( self ):   # tab indented\r\n" in decorated
    assert decorated.startswith("# -*- coding: utf-8 -*-\r\nfrom contextlib import contextmanager\r\nimport os ;import sys")


def test_result_fields_on_success_and_failure() -> None:
    ok = patcher.add_import("x = 1\n", "import os")
    assert isinstance(ok, PatchResult)
    assert (ok.success, ok.validation_passed, ok.original_code, ok.patch_type) == (True, True, "x = 1\n", "add_import")
    assert ok.patch_location == "Line 1 (module)" and ok.error_message == ""
    broken = patcher.add_import("def (:\n", "import os")
    assert (broken.success, broken.validation_passed, broken.patched_code) == (False, False, "def (:\n")
    assert "does not parse" in broken.error_message


@pytest.mark.parametrize(
    "patch_type, kwargs, message",
    [
        ("frobnicate", {}, "unknown patch type 'frobnicate'"),
        ("add_import", {"import_statement": "import os", "extra": 1}, "unknown argument(s) extra"),
        ("replace_bare_except", {"line": "3"}, "line must be an integer"),
        (
            "replace_literal_with_env",
            {"line": 1, "col": 4, "env_var": "X", "keep_default": "yes"},
            "keep_default must be true or false",
        ),
        ("fix_status_code", {"correct_status": 201}, "missing argument 'target_function'"),
    ],
)
def test_bad_calls_fail_with_clear_messages(patch_type: str, kwargs: dict, message: str) -> None:
    result = patcher.apply_patch("x = 'a'\n", patch_type, **kwargs)
    assert not result.success and message in result.error_message
    assert result.patched_code == "x = 'a'\n"


def test_non_string_code_and_null_bytes_do_not_raise() -> None:
    assert not patcher.add_import(None, "import os").success  # type: ignore[arg-type]
    assert not patcher.add_import("x = 1\x00\n", "import os").success


def test_reference_constants_and_patch_types() -> None:
    assert (CodePatcher.FULL_REGENERATION_TOKENS, CodePatcher.TARGETED_PATCH_TOKENS) == (2000, 500)
    assert set(CodePatcher.patch_types()) == {
        "add_decorator",
        "fix_status_code",
        "add_import",
        "replace_bare_except",
        "replace_literal_with_env",
        "parameterize_sql",
        "sql_create_if_not_exists",
        "add_timeout",
    }
