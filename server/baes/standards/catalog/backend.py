"""Backend rules (BE): FastAPI routes, their status codes, errors, models, dependencies and config."""
from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from baes.standards.findings import FixSafety, FixSpec, Severity
from baes.standards.index import SourceIndex, call_name, dotted_name, keyword
from baes.standards.patterns import (
    CLIENT_ATTRS,
    Route,
    body_raises,
    is_fixture,
    is_http_client_call,
    is_test_function,
    literal_url,
    routes,
)
from baes.standards.rule import Example, Rule, RuleContext, Violation
from baes.swea import SWEAType

BACKEND = frozenset({SWEAType.BACKEND})
BACKEND_AND_DB = frozenset({SWEAType.BACKEND, SWEAType.DATABASE})

_ROUTER = "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n\n"


def _status_fix(route: Route, expected: int) -> FixSpec:
    return FixSpec(
        "fix_status_code",
        {"target_function": route.function.name, "correct_status": expected, "line": route.function.lineno},
        f"set status_code={expected}",
        FixSafety.UNSAFE,
    )


# --- BE001 create returns 201 -------------------------------------------------------------------
def _create_status(ctx: RuleContext) -> Iterator[Violation]:
    expected = int(ctx.options.get("expected_status", 201))
    pattern = re.compile(str(ctx.options.get("create_name_pattern", "")))
    for route in routes(ctx.index):
        if route.method != "post" or not pattern.search(route.function.name):
            continue
        node = route.status_code_node
        actual = route.status_code
        if node is not None and actual is None:
            continue  # a variable: we cannot tell
        if actual != expected:
            yield Violation.at(
                route.decorator, fix=_status_fix(route, expected), name=route.function.name,
                actual=actual or 200, expected=expected,
            )


CREATE_STATUS = Rule(
    id="BE001",
    name="create-route-status-code",
    summary="Flags create routes (POST, `create_*`) that do not answer 201.",
    swea_type=SWEAType.BACKEND,
    severity=Severity.WARNING,
    confidence=0.85,
    critical=False,
    message="create route `{name}` answers {actual}; a successful create should answer {expected} Created",
    why="`201 Created` tells clients a resource was made (and lets them tell it from a 200 lookup).",
    how_to_fix="Pass `status_code=201` (or `status.HTTP_201_CREATED`) to the route decorator.",
    check=_create_status,
    scope="statement",
    fix_safety=FixSafety.UNSAFE,
    patch_type="fix_status_code",
    options={"expected_status": 201, "create_name_pattern": r"^(create|add|new|register|insert)_"},
    profiles=frozenset({"strict", "generated"}),
    applies_to=BACKEND,
    notes=(
        "Scope: POST routes whose function name matches `create_name_pattern`. Not in the default profile: "
        "FastAPI's own tutorials answer 200 from POST, which is valid HTTP. A status code held in a variable "
        "is not judged."
    ),
    valid_examples=(
        Example(_ROUTER + "@router.post('/students', status_code=201)\ndef create_student(data: dict) -> dict:\n    return data\n"),
        Example(
            "from fastapi import APIRouter, status\n\nrouter = APIRouter()\n\n\n"
            "@router.post('/students', status_code=status.HTTP_201_CREATED)\ndef create_student(data: dict) -> dict:\n    return data\n"
        ),
        Example(_ROUTER + "@router.post('/login')\ndef login(data: dict) -> dict:\n    return data\n"),
    ),
    invalid_examples=(
        Example(
            _ROUTER + "@router.post('/students')\ndef create_student(data: dict) -> dict:\n    return data\n",
            fixed=_ROUTER + "@router.post('/students', status_code=201)\ndef create_student(data: dict) -> dict:\n    return data\n",
        ),
        Example(
            _ROUTER + "@router.post('/students', status_code=200)\ndef create_student(data: dict) -> dict:\n    return data\n",
            fixed=_ROUTER + "@router.post('/students', status_code=201)\ndef create_student(data: dict) -> dict:\n    return data\n",
        ),
    ),
)


# --- BE002 delete returns 204 -------------------------------------------------------------------
def _returns_a_body(index: SourceIndex, func: ast.AST) -> bool:
    """Whether a function returns something other than ``None`` somewhere."""
    return any(
        node.value is not None and not (isinstance(node.value, ast.Constant) and node.value.value is None)
        for node in index.own_statements(func, ast.Return)
    )


def _delete_status(ctx: RuleContext) -> Iterator[Violation]:
    expected = int(ctx.options.get("expected_status", 204))
    allowed = {int(x) for x in ctx.options.get("allowed_statuses", (200, 202, 204))} | {expected}
    for route in routes(ctx.index):
        if route.method != "delete":
            continue
        node = route.status_code_node
        if node is None and not _returns_a_body(ctx.index, route.function):
            yield Violation.at(
                route.decorator, fix=_status_fix(route, expected), name=route.function.name,
                problem="answers 200 with an empty (`null`) body", expected=expected,
            )
        elif route.status_code is not None and route.status_code not in allowed:
            yield Violation.at(
                route.decorator, fix=_status_fix(route, expected), name=route.function.name,
                problem=f"declares status {route.status_code}", expected=expected,
            )


DELETE_STATUS = Rule(
    id="BE002",
    name="delete-route-status-code",
    summary="Flags DELETE routes that declare no status code (or one outside the allowed list).",
    swea_type=SWEAType.BACKEND,
    severity=Severity.WARNING,
    confidence=0.8,
    critical=False,
    message="delete route `{name}` {problem}; declare {expected} No Content",
    why="A delete that returns nothing should say so with `204 No Content` instead of an implicit 200.",
    how_to_fix="Pass `status_code=204` to the route decorator and return nothing.",
    check=_delete_status,
    scope="statement",
    fix_safety=FixSafety.UNSAFE,
    patch_type="fix_status_code",
    options={"expected_status": 204, "allowed_statuses": [200, 202, 204]},
    applies_to=BACKEND,
    notes=(
        "Reported when a DELETE route returns nothing and declares no status code (clients get 200 with "
        "`null`), or declares one outside `allowed_statuses`. A delete that answers 200 with a body "
        "(`{\"ok\": true}`, as FastAPI's tutorials do) is valid HTTP and is not reported."
    ),
    valid_examples=(Example(_ROUTER + "@router.delete('/students/{student_id}', status_code=204)\ndef delete_student(student_id: int) -> None:\n    return None\n"),),
    invalid_examples=(
        Example(
            _ROUTER + "@router.delete('/students/{student_id}')\ndef delete_student(student_id: int) -> None:\n    return None\n",
            fixed=_ROUTER + "@router.delete('/students/{student_id}', status_code=204)\ndef delete_student(student_id: int) -> None:\n    return None\n",
        ),
    ),
)


# --- BE003 not-found handling -------------------------------------------------------------------
_FETCH_ONE = frozenset({"fetchone", "first", "one_or_none", "scalar_one_or_none", "scalar"})


def _fetches_one(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return False
    if node.func.attr in _FETCH_ONE:
        return True
    owner = dotted_name(node.func.value) or ""
    return node.func.attr == "get" and owner.split(".")[-1] in ("session", "db") and len(node.args) == 2


def _not_found(ctx: RuleContext) -> Iterator[Violation]:
    index = ctx.index
    # the calls that fetch one row, found once by name: a file without any has nothing to judge
    fetches = {id(c) for c in index.calls_to(*_FETCH_ONE, "get") if _fetches_one(c)}
    if not fetches:
        return
    for route in routes(index):
        if not route.has_path_parameter or route.method not in ("get", "put", "patch", "delete"):
            continue
        func = route.function
        # the raise first: it needs no walk of the function, and most routes that fetch one row raise
        if body_raises(index, func) or not any(id(n) in fetches for n in index.own(func, ast.Call)):
            continue
        returns_response = any(
            isinstance(n.value, ast.Call) and (call_name(n.value) or "").endswith("Response")
            for n in index.own_statements(func, ast.Return)
        )
        if not returns_response:
            yield Violation.header(func, name=func.name)


NOT_FOUND = Rule(
    id="BE003",
    name="missing-not-found-error",
    summary="Flags routes that look up one row by a path parameter but never raise a 404.",
    swea_type=SWEAType.BACKEND,
    severity=Severity.WARNING,
    confidence=0.8,
    critical=False,
    message="route `{name}` looks up one row but never raises `HTTPException(status_code=404)` when it is missing",
    why=(
        "When the row does not exist the route returns `null` with 200 (or fails validating `None` with a 500) "
        "instead of telling the client 404 Not Found."
    ),
    how_to_fix="`if row is None: raise HTTPException(status_code=404, detail=\"... not found\")`.",
    check=_not_found,
    scope="statement",
    applies_to=BACKEND,
    notes="Scope: routes with a path parameter that call `fetchone()`, `.first()`, `.one_or_none()` or `session.get(Model, id)`.",
    valid_examples=(
        Example(
            "from fastapi import APIRouter, HTTPException\n\nrouter = APIRouter()\n\n\n@router.get('/students/{student_id}')\n"
            "def read_student(student_id: int, conn=None) -> dict:\n"
            "    row = conn.execute('SELECT * FROM students WHERE id = ?', (student_id,)).fetchone()\n"
            "    if row is None:\n        raise HTTPException(status_code=404, detail='Student not found')\n    return dict(row)\n"
        ),
    ),
    invalid_examples=(
        Example(
            _ROUTER + "@router.get('/students/{student_id}')\ndef read_student(student_id: int, conn=None) -> dict:\n"
            "    row = conn.execute('SELECT * FROM students WHERE id = ?', (student_id,)).fetchone()\n    return dict(row)\n"
        ),
    ),
)


# --- BE004 response model -----------------------------------------------------------------------
def _response_model(ctx: RuleContext) -> Iterator[Violation]:
    for route in routes(ctx.index):
        if route.method not in ("get", "post", "put", "patch"):
            continue
        deco = route.decorator
        if route.function.returns is not None or route.status_code == 204:
            continue
        if any(keyword(deco, k) is not None for k in ("response_model", "response_class", "include_in_schema")):
            continue
        yield Violation.header(route.function, name=route.function.name)


RESPONSE_MODEL = Rule(
    id="BE004",
    name="missing-response-model",
    summary="Flags routes without `response_model=` and without a return annotation.",
    swea_type=SWEAType.BACKEND,
    severity=Severity.INFO,
    confidence=0.7,
    critical=False,
    message="route `{name}` declares no response model (neither `response_model=` nor a return annotation)",
    why="A response model documents the API, filters what is sent (no leaked fields) and validates the output.",
    how_to_fix="Add `response_model=StudentRead` to the decorator, or annotate the return type (`-> StudentRead`).",
    check=_response_model,
    scope="statement",
    profiles=frozenset({"strict", "generated"}),
    applies_to=BACKEND,
    notes="A return annotation counts, as it does for FastAPI. Routes with `response_class=` are skipped.",
    valid_examples=(
        Example(_ROUTER + "@router.get('/students', response_model=list[dict])\ndef list_students():\n    return []\n"),
        Example(_ROUTER + "@router.get('/students')\ndef list_students() -> list[dict]:\n    return []\n"),
    ),
    invalid_examples=(Example(_ROUTER + "@router.get('/students')\ndef list_students():\n    return []\n"),),
)


# --- BE005 dependency injection -------------------------------------------------------------------
_OPENERS = frozenset({"connect", "get_connection", "get_db", "get_session", "Session", "SessionLocal"})


def _dependency_injection(ctx: RuleContext) -> Iterator[Violation]:
    index = ctx.index
    if not index.calls_to(*_OPENERS):
        return  # nothing opens a connection anywhere in the file
    for route in routes(index):
        # the first opener in ``own_nodes`` order: ``index.own`` keeps that order within a type
        for node in index.own(route.function, ast.Call):
            if call_name(node) in _OPENERS:
                yield Violation.at(node, name=route.function.name, opener=call_name(node))
                break


DEPENDENCY_INJECTION = Rule(
    id="BE005",
    name="connection-not-injected",
    summary="Flags routes that open their own database connection instead of using `Depends`.",
    swea_type=SWEAType.BACKEND,
    severity=Severity.INFO,
    confidence=0.7,
    critical=False,
    message="route `{name}` opens its own connection with `{opener}()`; inject it with `Depends(get_db)`",
    why=(
        "A dependency gives each request one connection that FastAPI closes after the response, and lets "
        "tests swap the database with `app.dependency_overrides`."
    ),
    how_to_fix="Add a parameter `conn: sqlite3.Connection = Depends(get_db)` and use it.",
    check=_dependency_injection,
    scope="statement",
    profiles=frozenset({"strict", "generated"}),
    applies_to=BACKEND,
    notes="Not in the default profile: opening a session inside a route is a common, working tutorial style.",
    valid_examples=(
        Example(
            "import sqlite3\nfrom fastapi import APIRouter, Depends\nfrom app.database import get_db\n\nrouter = APIRouter()\n\n\n"
            "@router.get('/students')\ndef list_students(conn: sqlite3.Connection = Depends(get_db)) -> list[dict]:\n"
            "    return [dict(r) for r in conn.execute('SELECT * FROM students')]\n"
        ),
    ),
    invalid_examples=(
        Example(
            "import sqlite3\nfrom fastapi import APIRouter\n\nrouter = APIRouter()\n\n\n@router.get('/students')\n"
            "def list_students() -> list[dict]:\n    conn = sqlite3.connect('app.db')\n"
            "    return [dict(r) for r in conn.execute('SELECT * FROM students')]\n"
        ),
    ),
)


# --- BE006 hard-coded addresses -------------------------------------------------------------------
_ADDRESS_KEYWORDS = {"host": "HOST", "port": "PORT", "base_url": "BASE_URL", "api_url": "API_URL"}
_CONFIG_OWNERS = frozenset({"environ", "os", "config", "settings", "cfg", "conf", "secrets", "env"})


def is_config_call(call: ast.Call) -> bool:
    """``os.environ.get(...)``, ``os.getenv(...)``, ``settings.get(...)``, ``Field(...)``: where defaults live."""
    name = dotted_name(call.func) or ""
    parts = name.split(".")
    if parts[-1] in ("getenv", "Field"):
        return True
    return parts[-1] in ("get", "setdefault", "pop") and len(parts) > 1 and parts[-2].lower() in _CONFIG_OWNERS


def _address_literal(node: ast.expr) -> bool:
    if not isinstance(node, ast.Constant) or isinstance(node.value, bool):
        return False
    return (isinstance(node.value, str) and bool(node.value)) or isinstance(node.value, int)


def hard_coded_addresses(ctx: RuleContext, env_var: str | None = None) -> Iterator[Violation]:
    """Literal hosts, ports and URLs passed straight into calls (shared by BE006 and FE003)."""
    index = ctx.index
    skip_main = bool(ctx.options.get("allow_in_main_block", True))
    for call in index.calls:
        # only an address keyword or a possible client call can give a candidate: test that first,
        # the cheapest way; the dotted-name work of the config check only for calls with candidates
        func = call.func
        maybe_client = isinstance(func, ast.Attribute) and func.attr in CLIENT_ATTRS
        if not maybe_client and not (call.keywords and any(kw.arg in _ADDRESS_KEYWORDS for kw in call.keywords)):
            continue
        candidates: list[tuple[ast.expr, str, bool]] = []
        client = maybe_client and is_http_client_call(call, index)
        for kw in call.keywords:
            name = kw.arg or ""
            if name in _ADDRESS_KEYWORDS:
                candidates.append((kw.value, env_var or _ADDRESS_KEYWORDS[name], True))
            elif client and name == "url":
                candidates.append((kw.value, env_var or "API_URL", False))
        if client:
            candidates += [(arg, env_var or "API_URL", False) for arg in call.args]
        if not candidates or is_config_call(call):
            continue
        for value, var, any_literal in candidates:
            if not (literal_url(value) or (any_literal and _address_literal(value))):
                continue
            if skip_main and index.in_main_block(call):
                continue
            fix = None
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                fix = FixSpec(
                    "replace_literal_with_env",
                    {**ctx.position(value), "env_var": var, "keep_default": True},
                    f"read it from the environment variable {var}",
                    FixSafety.SAFE,
                )
            yield Violation.at(value, fix=fix, value=ast.unparse(value), env_var=var)


HARD_CODED_ADDRESS = Rule(
    id="BE006",
    name="hard-coded-address",
    summary="Flags literal hosts, ports and URLs passed straight into calls.",
    swea_type=SWEAType.BACKEND,
    severity=Severity.WARNING,
    confidence=0.85,
    critical=False,
    message="hard-coded address {value} passed into a call; read it from configuration (e.g. `{env_var}`)",
    why="Hosts, ports and URLs differ between machines; literals inside calls have to be edited to deploy.",
    how_to_fix="Read it from the environment into a module-level UPPER_CASE constant: `API_URL = os.environ.get(\"API_URL\", \"http://localhost:8000\")`.",
    check=hard_coded_addresses,
    scope="statement",
    fix_safety=FixSafety.SAFE,
    patch_type="replace_literal_with_env",
    options={"allow_in_main_block": True},
    applies_to=BACKEND_AND_DB,
    notes=(
        "Reported: literals for `host=`, `port=`, `base_url=`, `api_url=`, and absolute URLs given to HTTP client "
        "calls. Module-level UPPER_CASE constants (`API_PORT = 8000`) are configuration and never reported, "
        "nor are defaults of `os.environ.get`/`os.getenv`, nor code under `if __name__ == \"__main__\":` "
        "(option `allow_in_main_block`)."
    ),
    valid_examples=(
        Example("import os\n\nimport uvicorn\n\nAPI_PORT = 8000\nAPI_HOST = os.environ.get('API_HOST', '127.0.0.1')\n\n\ndef serve(app):\n    uvicorn.run(app, host=API_HOST, port=API_PORT)\n"),
        Example("import uvicorn\n\nfrom app.main import app\n\nif __name__ == '__main__':\n    uvicorn.run(app, host='0.0.0.0', port=8000)\n"),
    ),
    invalid_examples=(
        Example(
            "import uvicorn\n\n\ndef serve(app):\n    uvicorn.run(app, host=\"0.0.0.0\")\n",
            fixed="import os\nimport uvicorn\n\n\ndef serve(app):\n    uvicorn.run(app, host=os.environ.get(\"HOST\", \"0.0.0.0\"))\n",
        ),
        Example("import uvicorn\n\n\ndef serve(app):\n    uvicorn.run(app, port=8000)\n"),
    ),
)


# --- BE007 hard-coded secrets ---------------------------------------------------------------------
_SECRET_NAME = re.compile(r"(secret|passw(or)?d|api_?key|private_?key|access_?token|auth_?token)", re.IGNORECASE)


def _secret_literal(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) >= 6 and " " not in node.value


def _secret_keyword(kw: ast.keyword) -> bool:
    return bool(kw.arg) and _secret_literal(kw.value) and bool(_SECRET_NAME.search(kw.arg or ""))


def _hard_coded_secret(ctx: RuleContext) -> Iterator[Violation]:
    index = ctx.index
    # one pass over the keyword nodes finds the suspicious ones; only calls holding one need the
    # dotted-name work of ``is_config_call``
    secret_keywords = {id(kw) for kw in index.nodes(ast.keyword) if _secret_keyword(kw)}
    if secret_keywords:
        for call in index.calls:
            found = [kw for kw in call.keywords if id(kw) in secret_keywords]
            if found and not is_config_call(call):
                for kw in found:
                    yield Violation.at(kw.value, name=kw.arg)
    for kind in (ast.Assign, ast.AnnAssign):
        for stmt in index.nodes(kind):
            if not _secret_literal(stmt.value):
                continue
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            for target in targets:
                if isinstance(target, ast.Name) and _SECRET_NAME.search(target.id):
                    yield Violation.at(stmt.value, name=target.id)  # type: ignore[arg-type]


HARD_CODED_SECRET = Rule(
    id="BE007",
    name="hard-coded-secret",
    summary="Flags passwords, keys and tokens written as string literals.",
    swea_type=SWEAType.BACKEND,
    severity=Severity.ERROR,
    confidence=0.8,
    critical=True,
    message="`{name}` is a hard-coded secret; read it from the environment",
    why="Secrets in source code end up in version control, logs and every copy of the project.",
    how_to_fix="`SECRET_KEY = os.environ[\"SECRET_KEY\"]` and keep the value out of the repository.",
    check=_hard_coded_secret,
    scope="statement",
    profiles=frozenset({"strict", "generated"}),
    applies_to=frozenset({SWEAType.BACKEND, SWEAType.DATABASE, SWEAType.FRONTEND}),
    notes="Not in the default profile, where tutorials legitimately show example keys.",
    valid_examples=(Example("import os\n\nSECRET_KEY = os.environ['SECRET_KEY']\n"),),
    invalid_examples=(Example("SECRET_KEY = '09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7'\n"),),
)


# --- BE008 docstrings ------------------------------------------------------------------------------
def _docstrings(ctx: RuleContext) -> Iterator[Violation]:
    index = ctx.index
    top_level = {id(s) for s in index.tree.body}
    for cls in index.nodes(ast.ClassDef):
        if not cls.name.startswith("_"):
            top_level.update(id(s) for s in cls.body)
    for func in index.functions:
        if id(func) not in top_level or func.name.startswith("_"):
            continue
        if is_test_function(func) or is_fixture(func):
            continue
        if ast.get_docstring(func, clean=False) is None:
            yield Violation.header(func, name=func.name)


DOCSTRINGS = Rule(
    id="BE008",
    name="missing-docstring",
    summary="Flags public functions without a docstring.",
    swea_type=SWEAType.BACKEND,
    severity=Severity.INFO,
    confidence=0.9,
    critical=False,
    message="public function `{name}` has no docstring",
    why="FastAPI shows a route's docstring in the OpenAPI docs; other readers need to know why it exists.",
    how_to_fix="Add a one-line docstring saying what it does and why.",
    check=_docstrings,
    scope="statement",
    profiles=frozenset({"strict", "generated"}),
    applies_to=BACKEND,
    valid_examples=(Example("def list_students():\n    \"\"\"Return every student.\"\"\"\n    return []\n"),),
    invalid_examples=(Example("def list_students():\n    return []\n"),),
)

RULES: tuple[Rule, ...] = (
    CREATE_STATUS, DELETE_STATUS, NOT_FOUND, RESPONSE_MODEL, DEPENDENCY_INJECTION,
    HARD_CODED_ADDRESS, HARD_CODED_SECRET, DOCSTRINGS,
)
