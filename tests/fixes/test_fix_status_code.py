"""fix_status_code: the route decorator (not the def line), replace or add, style kept."""

from __future__ import annotations

from baes.fixes.patcher import CodePatcher

patcher = CodePatcher(measure_tokens=False)


def test_replaces_existing_integer() -> None:
    code = 'from fastapi import APIRouter\nrouter = APIRouter()\n\n@router.post("/items", status_code=200)\ndef create_item():\n    return {}\n'
    result = patcher.fix_status_code(code, "create_item", 201)
    assert result.success, result.error_message
    assert result.patched_code == code.replace("status_code=200", "status_code=201")
    assert result.patch_location == "Line 5 (function: create_item)"


def test_adds_status_code_to_one_line_and_multiline_decorators() -> None:
    code = (
        "@app.post('/a')\nasync def create_a():\n    pass\n\n"
        "@app.delete(\n    '/a/{id}',\n    response_model=None,  # keep\n)\ndef delete_a(id: int):\n    pass\n"
    )
    created = patcher.fix_status_code(code, "create_a", 201)
    assert created.patched_code.startswith("@app.post('/a', status_code=201)\nasync def create_a():")
    deleted = patcher.fix_status_code(code, "delete_a", 204)
    assert "@app.delete(\n    '/a/{id}',\n    response_model=None,  # keep\n    status_code=204,\n)\n" in deleted.patched_code


def test_keeps_constant_style_and_adds_status_import() -> None:
    code = (
        "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n"
        "@router.get('/x', status_code=status.HTTP_200_OK)\ndef read():\n    pass\n\n"
        "@router.post('/x')\ndef create():\n    pass\n"
    )
    result = patcher.fix_status_code(code, "create", 201)
    assert result.success, result.error_message
    assert "@router.post('/x', status_code=status.HTTP_201_CREATED)" in result.patched_code
    assert result.patched_code.startswith("from fastapi import APIRouter, status\n")
    replaced = patcher.fix_status_code(code, "read", 204)
    assert "status_code=status.HTTP_204_NO_CONTENT" in replaced.patched_code


def test_httpstatus_style() -> None:
    code = "from http import HTTPStatus\n\n@api.put('/x', status_code=HTTPStatus.OK)\ndef update():\n    pass\n"
    result = patcher.fix_status_code(code, "update", 202)
    assert "status_code=HTTPStatus.ACCEPTED" in result.patched_code


def test_already_correct_is_noop_and_twice_equals_once() -> None:
    code = "@r.patch('/x')\ndef f():\n    pass\n"
    once = patcher.fix_status_code(code, "f", 200).patched_code
    assert patcher.fix_status_code(once, "f", 200).patched_code == once
    constant = "@r.post('/x', status_code=status.HTTP_201_CREATED)\ndef f():\n    pass\n"
    assert patcher.fix_status_code(constant, "f", 201).patched_code == constant


def test_failures_leave_code_untouched() -> None:
    code = "def plain():\n    pass\n\n@r.post('/x', **opts)\ndef spread():\n    pass\n"
    for result in (
        patcher.fix_status_code(code, "plain", 201),
        patcher.fix_status_code(code, "spread", 201),
        patcher.fix_status_code(code, "plain", 999),
        patcher.apply_patch(code, "fix_status_code", target_function="plain", correct_status="201"),
    ):
        assert not result.success and result.error_message
        assert result.patched_code == code
