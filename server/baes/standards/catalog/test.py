"""Test rules (TE): pytest suites that exercise a FastAPI application."""
from __future__ import annotations

import ast
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from baes.standards.findings import Severity
from baes.standards.index import SourceIndex, call_name, dotted_name
from baes.standards.patterns import (
    HTTP_METHODS,
    is_fixture,
    is_generator,
    is_test_function,
)
from baes.standards.rule import Example, Rule, RuleContext, Violation
from baes.swea import SWEAType

TEST = frozenset({SWEAType.TEST})
_CLIENT_NAMES = frozenset({"client", "test_client", "api_client", "ac", "async_client"})
_ASSERTING_CALL = re.compile(r"(assert|check|verify|expect|raises|warns|validate|fail|snapshot|compare|match)", re.IGNORECASE)


def client_calls(index: SourceIndex) -> list[ast.Call]:
    """``client.get(...)``-style requests to the application under test (cached per index)."""
    return index.memo("client_calls", _find_client_calls)


def _find_client_calls(index: SourceIndex) -> list[ast.Call]:
    calls = []
    for call in index.calls_to(*HTTP_METHODS):
        func = call.func
        if isinstance(func, ast.Attribute):
            owner = dotted_name(func.value) or ""
            if owner.split(".")[-1] in _CLIENT_NAMES:
                calls.append(call)
    calls.sort(key=lambda c: (c.lineno, c.col_offset))
    return calls


def _assert_ranges(index: SourceIndex) -> tuple[list[int], list[int]]:
    """Start and end lines of every ``assert`` (they never nest), sorted by start (once per index:
    TE001 and TE004 ask several times)."""
    def compute(ix: SourceIndex) -> tuple[list[int], list[int]]:
        ranges = sorted((a.lineno, a.end_lineno or a.lineno) for a in ix.nodes(ast.Assert))
        return [a for a, _ in ranges], [b for _, b in ranges]

    return index.memo("assert_ranges", compute)


def _in_an_assert(index: SourceIndex, nodes: list[ast.AST]) -> bool:
    starts, ends = _assert_ranges(index)
    for node in nodes:
        line = getattr(node, "lineno", 0)
        i = bisect_right(starts, line) - 1
        if i >= 0 and ends[i] >= line:
            return True
    return False


def _status_attributes(index: SourceIndex) -> list[ast.AST]:
    return [n for n in index.nodes(ast.Attribute) if n.attr in ("status_code", "status")]


# --- TE001 assert on status codes ------------------------------------------------------------------
def _status_assertions(ctx: RuleContext) -> Iterator[Violation]:
    calls = client_calls(ctx.index)
    if calls and not _in_an_assert(ctx.index, _status_attributes(ctx.index)):
        yield Violation.at(calls[0])


STATUS_ASSERTIONS = Rule(
    id="TE001",
    name="no-status-code-assertion",
    summary="Flags API test files that never assert on `response.status_code`.",
    swea_type=SWEAType.TEST,
    severity=Severity.WARNING,
    confidence=0.8,
    critical=False,
    message="the tests call the API but never assert on `response.status_code`",
    profiles=frozenset({"strict", "generated"}),
    why="A body can look right on an error response; the status code is the API's contract with its clients.",
    how_to_fix="`assert response.status_code == 201` after each request.",
    check=_status_assertions,
    applies_to=TEST,
    valid_examples=(
        Example("def test_list(client):\n    response = client.get('/students')\n    assert response.status_code == 200\n"),
    ),
    invalid_examples=(
        Example("def test_list(client):\n    response = client.get('/students')\n    assert response.json() == []\n"),
    ),
)


# --- TE002 a test that asserts nothing -------------------------------------------------------------
def _assertion_lines(index: SourceIndex) -> list[int]:
    """Sorted lines holding an ``assert``, a ``raise`` or a call to an asserting helper."""
    lines = [n.lineno for n in index.nodes(ast.Assert)] + [n.lineno for n in index.nodes(ast.Raise)]
    for name, calls in index.calls_by_name.items():
        if _ASSERTING_CALL.search(name):
            lines += [c.lineno for c in calls]
    return sorted(lines)


def _empty_tests(ctx: RuleContext) -> Iterator[Violation]:
    index = ctx.index
    tests = [f for f in index.functions if is_test_function(f) and _only_marks(f)]
    if not tests:
        return
    lines = _assertion_lines(index)
    top_level = {id(s) for s in index.tree.body}
    for cls in index.nodes(ast.ClassDef):
        top_level.update(id(s) for s in cls.body)
    client_lines = sorted(c.lineno for c in client_calls(index))
    for func in tests:
        if id(func) not in top_level:
            continue
        end = func.end_lineno or func.lineno
        if _any_between(lines, func.lineno, end):
            continue
        # a test that only runs code ("nothing raises") is a real smoke test; one that calls the
        # API and ignores the answer, or does nothing at all, protects nothing
        calls_api = _any_between(client_lines, func.lineno, end)
        if calls_api or _empty_body(func):
            yield Violation.header(func, name=func.name)


def _any_between(sorted_lines: list[int], start: int, end: int) -> bool:
    """Whether a line of ``sorted_lines`` falls in ``start..end`` (a bisection, no scan)."""
    i = bisect_left(sorted_lines, start)
    return i < len(sorted_lines) and sorted_lines[i] <= end


def _empty_body(func: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return all(
        isinstance(s, ast.Pass) or (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant)) for s in func.body
    )


def _only_marks(func: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Undecorated or decorated only with pytest marks (``@pytest.mark.parametrize``), so still a test."""
    for deco in func.decorator_list:
        target = deco.func if isinstance(deco, ast.Call) else deco
        if ".mark." not in f".{dotted_name(target) or ''}.":
            return False
    return True


NO_ASSERTION = Rule(
    id="TE002",
    name="test-without-assertion",
    summary="Flags test functions that assert nothing.",
    swea_type=SWEAType.TEST,
    severity=Severity.WARNING,
    confidence=0.8,
    critical=False,
    message="test `{name}` asserts nothing",
    why="A test without an assertion passes whatever the code does, so it protects nothing.",
    how_to_fix="Assert on the outcome (`assert response.status_code == 200`, `assert body[\"name\"] == ...`).",
    check=_empty_tests,
    applies_to=TEST,
    notes=(
        "Reported when the test calls the API client (`client.get(...)`) or has an empty body: real suites "
        "keep smoke tests that only check that running some code raises nothing. Scope: module-level and class-level `test*` functions, undecorated or decorated only with pytest marks. "
        "`pytest.raises`/`warns`, `raise`, and calls to helpers named like assert/check/verify/expect count as "
        "assertions."
    ),
    valid_examples=(
        Example("import pytest\n\n\ndef test_bad():\n    with pytest.raises(ValueError):\n        int('x')\n"),
        Example("def test_ok(client):\n    assert client.get('/').status_code == 200\n"),
        Example("from app.main import build\n\n\ndef test_build_runs():\n    build()\n"),
    ),
    invalid_examples=(
        Example("def test_list(client):\n    client.get('/students')\n"),
        Example("def test_later():\n    pass\n"),
    ),
)


# --- TE003 the CRUD lifecycle ----------------------------------------------------------------------
def _lifecycle(ctx: RuleContext) -> Iterator[Violation]:
    calls = client_calls(ctx.index)
    if not calls:
        return
    verbs = {c.func.attr for c in calls}  # type: ignore[union-attr]
    if "post" not in verbs:
        return
    missing = [v for v in ("get", "put|patch", "delete") if not any(x in verbs for x in v.split("|"))]
    if missing:
        yield Violation.at(calls[0], missing=", ".join(m.replace("|", "/").upper() for m in missing))


LIFECYCLE = Rule(
    id="TE003",
    name="incomplete-crud-lifecycle",
    summary="Flags API test files that create resources but never read, update or delete them.",
    swea_type=SWEAType.TEST,
    severity=Severity.INFO,
    confidence=0.7,
    critical=False,
    message="the tests create resources but never exercise {missing}",
    why="Each CRUD operation can break on its own; a suite that only creates leaves read, update and delete untested.",
    how_to_fix="Add a test that creates, reads, updates and deletes one resource and checks each response.",
    check=_lifecycle,
    profiles=frozenset({"strict", "generated"}),
    applies_to=TEST,
    valid_examples=(
        Example(
            "def test_lifecycle(client):\n    created = client.post('/students', json={'name': 'A'})\n"
            "    assert created.status_code == 201\n    sid = created.json()['id']\n"
            "    assert client.get(f'/students/{sid}').status_code == 200\n"
            "    assert client.put(f'/students/{sid}', json={'name': 'B'}).status_code == 200\n"
            "    assert client.delete(f'/students/{sid}').status_code == 204\n"
        ),
    ),
    invalid_examples=(
        Example("def test_create(client):\n    assert client.post('/students', json={'name': 'A'}).status_code == 201\n"),
    ),
)


# --- TE004 error cases ----------------------------------------------------------------------------
def _int_constants(index: SourceIndex) -> dict[int, list[ast.Constant]]:
    """Integer literals by value (one pass over the constants for every status code asked)."""
    def compute(ix: SourceIndex) -> dict[int, list[ast.Constant]]:
        grouped: dict[int, list[ast.Constant]] = {}
        for n in ix.nodes(ast.Constant):
            if type(n.value) is int:
                grouped.setdefault(n.value, []).append(n)
        return grouped

    return index.memo("int_constants", compute)


def _status_mentions(index: SourceIndex, code: int) -> list[ast.AST]:
    """Nodes naming the status ``code``: the number itself or ``status.HTTP_<code>_...``."""
    found: list[ast.AST] = list(_int_constants(index).get(code, ()))
    prefix = f"HTTP_{code}"
    found += [n for n in index.nodes(ast.Attribute) if n.attr.startswith(prefix)]
    return found


def _error_cases(ctx: RuleContext) -> Iterator[Violation]:
    calls = client_calls(ctx.index)
    if not calls:
        return
    expected = [int(c) for c in ctx.options.get("expected_statuses", (404, 422))]
    missing = [str(code) for code in expected if not _in_an_assert(ctx.index, _status_mentions(ctx.index, code))]
    if missing:
        yield Violation.at(calls[0], missing=" and ".join(missing))


ERROR_CASES = Rule(
    id="TE004",
    name="missing-error-case-tests",
    summary="Flags API test files without tests of the 404 and 422 responses.",
    swea_type=SWEAType.TEST,
    severity=Severity.INFO,
    confidence=0.7,
    critical=False,
    message="no test checks the error responses {missing}",
    why="Error paths (unknown id, invalid input) are where APIs break; they need tests as much as the happy path.",
    how_to_fix="Test a missing id (`== 404`) and an invalid payload (`== 422`).",
    check=_error_cases,
    options={"expected_statuses": [404, 422]},
    profiles=frozenset({"strict", "generated"}),
    applies_to=TEST,
    valid_examples=(
        Example(
            "def test_errors(client):\n    assert client.get('/students/999').status_code == 404\n"
            "    assert client.post('/students', json={}).status_code == 422\n"
        ),
    ),
    invalid_examples=(Example("def test_list(client):\n    assert client.get('/students').status_code == 200\n"),),
)


# --- TE005 fixtures clean up ---------------------------------------------------------------------
_RESOURCE_OPENERS = frozenset({"connect", "create_engine", "TemporaryDirectory", "mkdtemp", "NamedTemporaryFile"})


def _fixture_cleanup(ctx: RuleContext) -> Iterator[Violation]:
    index = ctx.index
    reported: set[int] = set()
    for opener in sorted(index.calls_to(*_RESOURCE_OPENERS), key=lambda c: c.lineno):
        func = index.enclosing_function(opener)
        if func is None or id(func) in reported or not is_fixture(func):
            continue
        if is_generator(index, func):
            continue
        if any(call_name(n) in ("addfinalizer", "close", "callback") for n in index.own(func, ast.Call)):
            continue
        reported.add(id(func))
        yield Violation.header(func, name=func.name, opener=call_name(opener))


FIXTURE_CLEANUP = Rule(
    id="TE005",
    name="fixture-without-cleanup",
    summary="Flags pytest fixtures that open a connection or temporary database and never clean it up.",
    swea_type=SWEAType.TEST,
    severity=Severity.WARNING,
    confidence=0.8,
    critical=False,
    message="fixture `{name}` opens a resource with `{opener}()` but never cleans it up",
    why="A fixture that returns an open connection or temporary database leaks it and can leak state between tests.",
    how_to_fix="`yield` the resource and close or remove it after the `yield` (or use `tmp_path`).",
    check=_fixture_cleanup,
    applies_to=TEST,
    valid_examples=(
        Example(
            "import sqlite3\n\nimport pytest\n\n\n@pytest.fixture\ndef conn(tmp_path):\n"
            "    connection = sqlite3.connect(tmp_path / 'test.db')\n    yield connection\n    connection.close()\n"
        ),
    ),
    invalid_examples=(
        Example(
            "import sqlite3\n\nimport pytest\n\n\n@pytest.fixture\ndef conn(tmp_path):\n"
            "    return sqlite3.connect(tmp_path / 'test.db')\n"
        ),
    ),
)

RULES: tuple[Rule, ...] = (STATUS_ASSERTIONS, NO_ASSERTION, LIFECYCLE, ERROR_CASES, FIXTURE_CLEANUP)
