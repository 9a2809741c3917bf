"""FE001 `form-input-not-validated`: Flags Streamlit forms whose data is sent to the API without checking it first."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from baes.standards.findings import Severity
from baes.standards.index import SourceIndex
from baes.standards.options import RuleOptions
from baes.standards.rule import Example, RuleContext, Violation
from baes.standards.rules.families import FRONTEND
from baes.standards.rules.frontend.common import (
    _is_send,
    _local_senders,
    _streamlit_call,
)


def _submit_names(index: SourceIndex) -> set[str]:
    names: set[str] = set()
    for stmt in index.nodes(ast.Assign):
        if isinstance(stmt.value, ast.Call) and _streamlit_call(stmt.value, index, "form_submit_button"):
            names.update(t.id for t in stmt.targets if isinstance(t, ast.Name))
    return names


def _form_validation(ctx: RuleContext[RuleOptions]) -> Iterator[Violation]:
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


RULE = FRONTEND.rule(
    id="FE001",
    name="form-input-not-validated",
    summary="Flags Streamlit forms whose data is sent to the API without checking it first.",
    severity=Severity.WARNING,
    confidence=0.75,
    critical=False,
    message="form data is sent to the API without checking the input first",
    why="Checking required fields in the page gives the user an immediate, specific message instead of a 422.",
    how_to_fix='Before sending: `if not name.strip(): st.error("Name is required")` and only send in the `else`.',
    check=_form_validation,
    notes=(
        "Scope: the `if submitted:` branch of a `st.form_submit_button`; an `if`, `assert` or `try` "
        "before the send counts as validation."
    ),
    valid_examples=(
        Example(
            """
            import requests
            import streamlit as st

            API_URL = 'http://localhost:8000'

            with st.form('new'):
                name = st.text_input('Name')
                submitted = st.form_submit_button('Create')
            if submitted:
                if not name.strip():
                    st.error('Name is required')
                else:
                    requests.post(f'{API_URL}/students', json={'name': name}, timeout=10)
                    st.success('Created')
            """,
        ),
    ),
    invalid_examples=(
        Example(
            """
            import requests
            import streamlit as st

            API_URL = 'http://localhost:8000'

            with st.form('new'):
                name = st.text_input('Name')
                submitted = st.form_submit_button('Create')
            if submitted:
                requests.post(f'{API_URL}/students', json={'name': name}, timeout=10)
                st.success('Created')
            """,
        ),
    ),
)
