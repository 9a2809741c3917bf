"""Frontend rules (FE): Streamlit pages that talk to the API."""
from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import replace

from baes.standards.findings import FixSafety, Severity
from baes.standards.catalog.backend import hard_coded_addresses
from baes.standards.index import SourceIndex, dotted_name
from baes.standards.patterns import SEND_METHODS, is_http_client_call
from baes.standards.rule import Example, Rule, RuleContext, Violation
from baes.swea import SWEAType

FRONTEND = frozenset({SWEAType.FRONTEND})
_BASE_URL = re.compile(r"^https?://[^/\s]+/?$")


def _streamlit_call(call: ast.Call, index: SourceIndex, *names: str) -> bool:
    name = dotted_name(call.func) or ""
    parts = name.split(".")
    if len(parts) < 2 or parts[-1] not in names:
        return False
    return index.imports.get(parts[0], parts[0]).split(".")[0] == "streamlit" or parts[0] == "st"


def _is_send(call: ast.Call, index: SourceIndex, local_senders: set[str]) -> bool:
    if isinstance(call.func, ast.Attribute) and call.func.attr in SEND_METHODS and is_http_client_call(call, index):
        return True
    return isinstance(call.func, ast.Name) and call.func.id in local_senders


def _local_senders(index: SourceIndex) -> set[str]:
    """Functions of this file that send data to the API (so calling them counts as sending)."""
    def compute(ix: SourceIndex) -> set[str]:
        # without local senders a send is an HTTP client's post/put/patch/delete: find those once,
        # then ask which functions hold one themselves (not in a nested function or lambda)
        sends = {id(c) for c in ix.calls_to(*SEND_METHODS) if _is_send(c, ix, set())}
        if not sends:
            return set()
        return {func.name for func in ix.functions if any(id(n) in sends for n in ix.own(func, ast.Call))}

    return index.memo("frontend_senders", compute)


# --- FE001 validate form input before sending ------------------------------------------------------
def _submit_names(index: SourceIndex) -> set[str]:
    names = set()
    for stmt in index.nodes(ast.Assign):
        if isinstance(stmt.value, ast.Call) and _streamlit_call(stmt.value, index, "form_submit_button"):
            names.update(t.id for t in stmt.targets if isinstance(t, ast.Name))
    return names


def _form_validation(ctx: RuleContext) -> Iterator[Violation]:
    index = ctx.index
    submits = _submit_names(index)
    buttons = index.calls_to("form_submit_button")
    if not submits and not any(_streamlit_call(c, index, "form_submit_button") for c in buttons):
        return
    senders = _local_senders(index)
    for branch in index.nodes(ast.If):
        test = branch.test
        on_submit = (isinstance(test, ast.Name) and test.id in submits) or (
            isinstance(test, ast.Call) and _streamlit_call(test, index, "form_submit_button")
        )
        if not on_submit:
            continue
        validated = False
        for stmt in branch.body:
            if isinstance(stmt, (ast.If, ast.Assert, ast.Try)):
                validated = True
                continue
            sends = [n for n in ast.walk(stmt) if isinstance(n, ast.Call) and _is_send(n, index, senders)]
            if sends and not validated:
                yield Violation.at(sends[0])
                break


FORM_VALIDATION = Rule(
    id="FE001",
    name="form-input-not-validated",
    summary="Flags Streamlit forms whose data is sent to the API without checking it first.",
    swea_type=SWEAType.FRONTEND,
    severity=Severity.WARNING,
    confidence=0.75,
    critical=False,
    message="form data is sent to the API without checking the input first",
    why="Checking required fields in the page gives the user an immediate, specific message instead of a 422.",
    how_to_fix="Before sending: `if not name.strip(): st.error(\"Name is required\")` and only send in the `else`.",
    check=_form_validation,
    applies_to=FRONTEND,
    notes="Scope: the `if submitted:` branch of a `st.form_submit_button`; an `if`, `assert` or `try` before the send counts as validation.",
    valid_examples=(
        Example(
            "import requests\nimport streamlit as st\n\nAPI_URL = 'http://localhost:8000'\n\nwith st.form('new'):\n"
            "    name = st.text_input('Name')\n    submitted = st.form_submit_button('Create')\nif submitted:\n"
            "    if not name.strip():\n        st.error('Name is required')\n    else:\n"
            "        requests.post(f'{API_URL}/students', json={'name': name}, timeout=10)\n        st.success('Created')\n"
        ),
    ),
    invalid_examples=(
        Example(
            "import requests\nimport streamlit as st\n\nAPI_URL = 'http://localhost:8000'\n\nwith st.form('new'):\n"
            "    name = st.text_input('Name')\n    submitted = st.form_submit_button('Create')\nif submitted:\n"
            "    requests.post(f'{API_URL}/students', json={'name': name}, timeout=10)\n    st.success('Created')\n"
        ),
    ),
)


# --- FE002 success and error feedback --------------------------------------------------------------
def _feedback(ctx: RuleContext) -> Iterator[Violation]:
    index = ctx.index
    senders = _local_senders(index)
    sends = [c for c in index.calls if _is_send(c, index, senders)]
    if not sends:
        return
    missing = []
    # ``st.x(...)`` is a call named ``x``: look only at calls of the names asked for
    feedback = ("success", "toast", "balloons")
    if not any(_streamlit_call(c, index, *feedback) for c in index.calls_to(*feedback)):
        missing.append("success (`st.success`)")
    errors = ("error", "exception", "warning")
    if not any(_streamlit_call(c, index, *errors) for c in index.calls_to(*errors)):
        missing.append("error (`st.error`)")
    if missing:
        yield Violation.at(sends[0], missing=" and ".join(missing))


FEEDBACK = Rule(
    id="FE002",
    name="missing-user-feedback",
    summary="Flags pages that change data through the API without `st.success`/`st.error` feedback.",
    swea_type=SWEAType.FRONTEND,
    severity=Severity.WARNING,
    confidence=0.75,
    critical=False,
    message="the page changes data through the API but shows no {missing} feedback",
    why="Without `st.success`/`st.error` the user cannot tell whether the create, edit or delete worked.",
    how_to_fix="Check the response: `st.success(\"Saved\")` when it is OK, `st.error(response.text)` when not.",
    check=_feedback,
    applies_to=FRONTEND,
    valid_examples=(
        Example(
            "import requests\nimport streamlit as st\n\nAPI_URL = 'http://localhost:8000'\n\nif st.button('Delete'):\n"
            "    response = requests.delete(f'{API_URL}/students/1', timeout=10)\n    if response.ok:\n"
            "        st.success('Deleted')\n    else:\n        st.error(response.text)\n"
        ),
    ),
    invalid_examples=(
        Example(
            "import requests\nimport streamlit as st\n\nAPI_URL = 'http://localhost:8000'\n\nif st.button('Delete'):\n"
            "    requests.delete(f'{API_URL}/students/1', timeout=10)\n"
        ),
    ),
)


# --- FE003 hard-coded API URL ----------------------------------------------------------------------
def _hard_coded_url(ctx: RuleContext) -> Iterator[Violation]:
    env_var = str(ctx.options.get("env_var", "BAES_API_URL"))
    for violation in hard_coded_addresses(ctx, env_var=env_var):
        value = violation.args.get("value", "")
        text = value.strip("'\"") if isinstance(value, str) else ""
        # a literal holding only the base address can become the configured value; a full URL cannot
        yield violation if _BASE_URL.match(text) else replace(violation, fix=None)


HARD_CODED_URL = Rule(
    id="FE003",
    name="hard-coded-api-url",
    summary="Flags API URLs written as literals inside calls in Streamlit pages.",
    swea_type=SWEAType.FRONTEND,
    severity=Severity.WARNING,
    confidence=0.85,
    critical=False,
    message="hard-coded address {value} in a call; read the API address from configuration (`{env_var}`)",
    why="The page must reach the API wherever it is deployed; a URL inside a call has to be edited by hand.",
    how_to_fix="`API_URL = os.environ.get(\"BAES_API_URL\", \"http://localhost:8000\")` at module level, then `f\"{API_URL}/students\"`.",
    check=_hard_coded_url,
    fix_safety=FixSafety.SAFE,
    patch_type="replace_literal_with_env",
    options={"env_var": "BAES_API_URL", "allow_in_main_block": True},
    applies_to=FRONTEND,
    notes="Module-level UPPER_CASE constants are configuration. Only a literal that is a bare base address gets a fix.",
    valid_examples=(
        Example(
            "import os\n\nimport requests\n\nAPI_URL = os.environ.get('BAES_API_URL', 'http://localhost:8000')\n\n\n"
            "def load():\n    return requests.get(f'{API_URL}/students', timeout=10).json()\n"
        ),
    ),
    invalid_examples=(
        Example(
            "import requests\n\n\ndef load():\n    return requests.get(\"http://localhost:8000/students\", timeout=10).json()\n"
        ),
        Example(
            "import requests\n\n\ndef client():\n    return requests.Session().get(\"http://localhost:8000\", timeout=10)\n",
            fixed=(
                "import os\nimport requests\n\n\ndef client():\n"
                "    return requests.Session().get(os.environ.get(\"BAES_API_URL\", \"http://localhost:8000\"), timeout=10)\n"
            ),
        ),
    ),
)

RULES: tuple[Rule, ...] = (FORM_VALIDATION, FEEDBACK, HARD_CODED_URL)
