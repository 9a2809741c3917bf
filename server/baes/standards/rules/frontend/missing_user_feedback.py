"""FE002 `missing-user-feedback`: Flags pages that change data through the API without `st.success`/`st.error` feedback."""

from __future__ import annotations

from collections.abc import Iterator

from baes.standards.findings import Severity
from baes.standards.options import RuleOptions
from baes.standards.rule import Example, RuleContext, Violation
from baes.standards.rules.families import FRONTEND
from baes.standards.rules.frontend.common import (
    _is_send,
    _local_senders,
    _streamlit_call,
    is_streamlit_page,
)


def _feedback(ctx: RuleContext[RuleOptions]) -> Iterator[Violation]:
    index = ctx.index
    if not is_streamlit_page(index):
        return  # a library's request: the page calling it decides what to show
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
        # point at the first request itself; a call of a local function that sends (``main()`` at
        # the bottom of a page) only when the file holds no direct request
        direct = [c for c in sends if _is_send(c, index, set())] or sends
        first = min(direct, key=lambda c: (c.lineno, c.col_offset))
        yield Violation.at(first, missing=" and ".join(missing))


RULE = FRONTEND.rule(
    id="FE002",
    name="missing-user-feedback",
    summary="Flags pages that change data through the API without `st.success`/`st.error` feedback.",
    severity=Severity.WARNING,
    confidence=0.75,
    critical=False,
    message="the page changes data through the API but shows no {missing} feedback",
    why="Without `st.success`/`st.error` the user cannot tell whether the create, edit or delete worked.",
    how_to_fix='Check the response: `st.success("Saved")` when it is OK, `st.error(response.text)` when not.',
    check=_feedback,
    notes=(
        'Only pages: a file whose module-level statements (or `if __name__ == "__main__":` block) call '
        "`st.*` or a function of the file that does. A module that only defines components, models or helpers "
        "is a library; the page calling it decides what feedback to show."
    ),
    valid_examples=(
        Example(
            """
            import requests
            import streamlit as st

            API_URL = 'http://localhost:8000'

            if st.button('Delete'):
                response = requests.delete(f'{API_URL}/students/1', timeout=10)
                if response.ok:
                    st.success('Deleted')
                else:
                    st.error(response.text)
            """,
        ),
        Example(
            """
            import requests
            import streamlit as st


            class TokenClient:
                def exchange(self, code):
                    response = requests.post('https://auth.example.com/token', data={'code': code}, timeout=10)
                    st.session_state['token'] = response.json()['access_token']
            """,
        ),
    ),
    invalid_examples=(
        Example(
            """
            import requests
            import streamlit as st

            API_URL = 'http://localhost:8000'

            if st.button('Delete'):
                requests.delete(f'{API_URL}/students/1', timeout=10)
            """,
        ),
        Example(
            """
            import requests
            import streamlit as st


            def render():
                if st.button('Save'):
                    requests.post('http://localhost:8000/students', json={'name': 'Ada'}, timeout=10)


            def main():
                st.title('Students')
                render()


            if __name__ == '__main__':
                main()
            """,
        ),
    ),
)
