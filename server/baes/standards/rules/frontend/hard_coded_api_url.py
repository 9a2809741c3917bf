"""FE003 `hard-coded-api-url`: Flags API URLs written as literals inside calls in Streamlit pages."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, replace

from baes.fixes.patches import (
    ReplaceLiteralWithEnv,
)
from baes.standards.findings import Severity
from baes.standards.index import SourceIndex
from baes.standards.patterns import URL_PREFIX, is_http_client_call
from baes.standards.rule import Example, RuleContext, Violation
from baes.standards.rules.addresses import AddressOptions, hard_coded_addresses, is_config_call
from baes.standards.rules.families import FRONTEND
from baes.standards.rules.frontend.common import _BASE_URL, is_local_address


@dataclass(frozen=True)
class ApiUrlOptions(AddressOptions):
    """The environment variable the fix reads the API's address from."""

    env_var: str = "BAES_API_URL"


def _hard_coded_url(ctx: RuleContext[ApiUrlOptions]) -> Iterator[Violation]:
    for violation in hard_coded_addresses(ctx, env_var=ctx.options.env_var):
        value = violation.args.get("value", "")
        text = value.removeprefix("f").strip("'\"") if isinstance(value, str) else ""
        if not is_local_address(text):
            continue  # a third-party service or a file to download: its address does not move with the app
        # a literal holding only the base address can become the configured value; a full URL cannot
        args = {**violation.args, "where": "in a call"}
        fix = violation.fix if _BASE_URL.match(text) else None
        yield replace(violation, fix=fix, args=args, details=args)
    yield from _url_constants(ctx)


def _url_constants(ctx: RuleContext[ApiUrlOptions]) -> Iterator[Violation]:
    """Module-level constants of a Streamlit page holding the URL its requests go to.

    A name in capitals is not configuration by itself: ``API = "http://localhost:8000"`` is as
    hard-coded as the literal in a call. It is configuration when the constant is only the
    default of an environment or settings lookup (``os.environ.get("X", DEFAULT_URL)``).
    """
    index = ctx.index
    if "streamlit" not in index.imported_modules:
        return
    constants = {
        stmt.targets[0].id: stmt.value
        for stmt in index.tree.body
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)
    }
    urls = {
        name: value
        for name, value in constants.items()
        if isinstance(value, ast.Constant)
        and isinstance(value.value, str)
        and URL_PREFIX.match(value.value)
        and is_local_address(value.value)
    }
    if not urls:
        return
    requested = _names_in_requests(index, constants)
    defaults = _names_in_config_calls(index)
    var = ctx.options.env_var
    for name, value in urls.items():
        if name in requested and name not in defaults:
            fix = ReplaceLiteralWithEnv.spec(
                {**ctx.position(value), "env_var": var, "keep_default": True},
                f"read it from the environment variable {var}",
            )
            yield Violation.at(value, fix=fix, value=ast.unparse(value), env_var=var, where=f"in the constant `{name}`")


def _names_in_requests(index: SourceIndex, constants: dict[str, ast.expr]) -> set[str]:
    """Names used in the arguments of HTTP requests, and the module constants built from them
    (``ITEMS_URL = API + "/items"`` used in a request counts for ``API``)."""
    used: set[str] = set()
    for call in index.calls:
        if is_http_client_call(call, index):
            for arg in [*call.args, *(k.value for k in call.keywords)]:
                used.update(n.id for n in ast.walk(arg) if isinstance(n, ast.Name))
    changed = True
    while changed:
        changed = False
        for name, value in constants.items():
            if name in used:
                new = {n.id for n in ast.walk(value) if isinstance(n, ast.Name)} - used
                if new:
                    used |= new
                    changed = True
    return used


def _names_in_config_calls(index: SourceIndex) -> set[str]:
    """Names passed to ``os.environ.get``/``os.getenv``/``st.secrets.get``: defaults, configuration."""
    names: set[str] = set()
    for call in index.calls:
        if is_config_call(call):
            for arg in [*call.args, *(k.value for k in call.keywords)]:
                names.update(n.id for n in ast.walk(arg) if isinstance(n, ast.Name))
    return names


RULE = FRONTEND.rule(
    id="FE003",
    name="hard-coded-api-url",
    summary="Flags API URLs written as literals in calls or module constants of Streamlit pages.",
    severity=Severity.WARNING,
    confidence=0.85,
    critical=False,
    message="hard-coded address {value} {where}; read the API address from configuration (`{env_var}`)",
    why="The page must reach the API wherever it is deployed; a URL inside a call has to be edited by hand.",
    how_to_fix=(
        '`API_URL = os.environ.get("BAES_API_URL", "http://localhost:8000")` at module level, then `f"{API_URL}/students"`.'
    ),
    check=_hard_coded_url,
    patch=ReplaceLiteralWithEnv,
    options=ApiUrlOptions(),
    notes=(
        "A module-level constant holding the URL a Streamlit page sends its requests to is reported like a "
        "literal in the call (its name in capitals does not make it configuration); a constant that is only the "
        "default of an environment or settings lookup is configuration. Inside a call, only a literal that is a "
        "bare base address gets a fix. The fix reads the value from the environment, keeping the literal as the "
        "default: where the variable is set the page reaches another address, so it changes behaviour there. "
        "Only addresses of the app's own deployment are reported (loopback, private networks, `0.0.0.0`, a "
        "service name such as `http://backend:8000`): a public host with a domain is a third-party service or a "
        "file to download, whose address does not move with the app."
    ),
    valid_examples=(
        Example(
            """
            import os

            import requests
            import streamlit as st

            DEFAULT_API_URL = "http://127.0.0.1:8000"
            DOCS_URL = "https://docs.example.com/students"
            API_URL = os.environ.get("BAES_API_URL", DEFAULT_API_URL)

            st.markdown(f"[Help]({DOCS_URL})")
            st.table(requests.get(f"{API_URL}/students", timeout=10).json())
            """,
        ),
        Example(
            """
            import os

            import requests

            API_URL = os.environ.get('BAES_API_URL', 'http://localhost:8000')


            def load():
                return requests.get(f'{API_URL}/students', timeout=10).json()
            """,
        ),
        Example(
            """
            import requests
            import streamlit as st

            TOKEN_URL = 'https://auth.example.com/oauth/token'

            picture = requests.get('https://images.example.org/cat.jpeg', timeout=10)
            st.image(picture.content)
            token = requests.post(TOKEN_URL, data={'grant_type': 'client_credentials'}, timeout=10)
            """,
        ),
    ),
    invalid_examples=(
        Example(
            """
            import requests
            import streamlit as st

            API = "http://localhost:8000"

            st.table(requests.get(f"{API}/students", timeout=10).json())
            """,
            fixed="""
            import os
            import requests
            import streamlit as st

            API = os.environ.get("BAES_API_URL", "http://localhost:8000")

            st.table(requests.get(f"{API}/students", timeout=10).json())
            """,
        ),
        Example(
            """
            import requests


            def load():
                return requests.get("http://localhost:8000/students", timeout=10).json()
            """,
        ),
        Example(
            """
            import requests


            def client():
                return requests.Session().get("http://localhost:8000", timeout=10)
            """,
            fixed="""
            import os
            import requests


            def client():
                return requests.Session().get(os.environ.get("BAES_API_URL", "http://localhost:8000"), timeout=10)
            """,
        ),
    ),
)
