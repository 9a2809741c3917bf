"""add_decorator: exactly the named function, methods and async functions, no duplicates, the import."""

from __future__ import annotations

import ast

import pytest

from baes.fixes.patcher import CodePatcher, PatchResult

patcher = CodePatcher(measure_tokens=False)


def decorate(code: str, function_name: str, decorator_name: str) -> PatchResult:
    """``add_decorator``'s result, checked to have succeeded."""
    result = patcher.add_decorator(code, function_name, decorator_name)
    assert result.success, result.error_message
    return result


def test_targets_exact_name_not_prefix() -> None:
    code = "def get_db_pool():\n    yield 1\n\n\ndef get_db():\n    yield 2\n"
    result = decorate(code, "get_db", "contextmanager")
    assert result.patched_code == (
        "from contextlib import contextmanager\n\n"
        "def get_db_pool():\n    yield 1\n\n\n@contextmanager\ndef get_db():\n    yield 2\n"
    )
    assert result.patch_location == "Line 5 (function: get_db)"


@pytest.mark.parametrize("existing", ["@contextmanager", "@contextlib.contextmanager"])
def test_existing_decorator_means_nothing_to_do(existing: str) -> None:
    code = f"import contextlib\nfrom contextlib import contextmanager\n\n{existing}\ndef get_db():\n    yield 1\n"
    result = decorate(code, "get_db", "contextmanager")
    assert result.patched_code == code


def test_method_with_tabs_and_crlf() -> None:
    code = "import os\r\n\r\nclass Repo:\r\n\tdef get_db(self):\r\n\t\tyield 1\r\n"
    result = decorate(code, "get_db", "contextmanager")
    assert result.patched_code == (
        "from contextlib import contextmanager\r\nimport os\r\n\r\nclass Repo:\r\n\t@contextmanager\r\n\tdef get_db(self):\r\n\t\tyield 1\r\n"
    )
    assert result.patch_location == "Line 4 (function: Repo.get_db)"


def test_async_function_and_existing_decorators() -> None:
    code = "import pytest\n\n@pytest.fixture  # a fixture\nasync def conn():\n    yield 1"
    result = decorate(code, "conn", "asynccontextmanager")
    assert result.patched_code == (
        "from contextlib import asynccontextmanager\nimport pytest\n\n"
        "@pytest.fixture  # a fixture\n@asynccontextmanager\nasync def conn():\n    yield 1"
    )


def test_line_picks_one_of_several() -> None:
    code = "class A:\n    def get(self):\n        yield 1\n\nclass B:\n    def get(self):\n        yield 2\n"
    ambiguous = patcher.add_decorator(code, "get", "contextmanager")
    assert not ambiguous.success and "pass line=" in ambiguous.error_message
    assert ambiguous.patched_code == code
    result = patcher.apply_patch(code, "add_decorator", function_name="get", decorator_name="contextmanager", line=6)
    assert result.success
    assert "class B:\n    @contextmanager\n    def get(self):" in result.patched_code
    assert "class A:\n    def get(self):" in result.patched_code
    qualified = decorate(code, "A.get", "contextmanager")
    assert "class A:\n    @contextmanager\n    def get(self):" in qualified.patched_code


def test_dotted_decorator_imports_its_module() -> None:
    code = '"""Doc."""\n\ndef get_db():\n    yield 1\n'
    result = decorate(code, "get_db", "contextlib.contextmanager")
    assert result.patched_code == '"""Doc."""\nimport contextlib\n\n@contextlib.contextmanager\ndef get_db():\n    yield 1\n'


def test_missing_function_and_bad_decorator_fail_cleanly() -> None:
    code = "def f():\n    pass\n"
    for result in (
        patcher.add_decorator(code, "g", "contextmanager"),
        patcher.add_decorator(code, "f", "not a decorator!"),
    ):
        assert not result.success
        assert result.patched_code == code and result.error_message
        assert result.validation_passed


def test_twice_equals_once() -> None:
    code = "from x import y\n\ndef get_db():\n    yield 1\n"
    once = decorate(code, "get_db", "contextmanager").patched_code
    twice = decorate(once, "get_db", "contextmanager").patched_code
    assert once == twice
    ast.parse(twice)


def test_first_statement_decorated_function_without_imports() -> None:
    code = "def f(\n    a,\n    b,\n):  # c\n    # body comment\n\n    yield a\n"
    result = decorate(code, "f", "contextmanager")
    assert result.patched_code == "from contextlib import contextmanager\n\n@contextmanager\n" + code
    decorated = "@pytest.fixture\ndef conn():\n    yield 1\n"
    result = decorate(decorated, "conn", "contextmanager")
    assert (
        result.patched_code
        == "from contextlib import contextmanager\n\n@pytest.fixture\n@contextmanager\ndef conn():\n    yield 1\n"
    )
