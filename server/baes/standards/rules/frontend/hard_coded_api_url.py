"""FE003 `hard-coded-api-url`: Flags API URLs written as literals inside calls in Streamlit pages."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from baes.fixes.patches import (
    ReplaceLiteralWithEnv,
)
from baes.standards.findings import Severity
from baes.standards.rule import Example, RuleContext, Violation
from baes.standards.rules.addresses import AddressOptions, hard_coded_addresses
from baes.standards.rules.families import FRONTEND
from baes.standards.rules.frontend.common import _BASE_URL


@dataclass(frozen=True)
class ApiUrlOptions(AddressOptions):
    """The environment variable the fix reads the API's address from."""

    env_var: str = "BAES_API_URL"


def _hard_coded_url(ctx: RuleContext[ApiUrlOptions]) -> Iterator[Violation]:
    for violation in hard_coded_addresses(ctx, env_var=ctx.options.env_var):
        value = violation.args.get("value", "")
        text = value.strip("'\"") if isinstance(value, str) else ""
        # a literal holding only the base address can become the configured value; a full URL cannot
        yield violation if _BASE_URL.match(text) else replace(violation, fix=None)



RULE = FRONTEND.rule(
    id="FE003",
    name="hard-coded-api-url",
    summary="Flags API URLs written as literals inside calls in Streamlit pages.",
    severity=Severity.WARNING,
    confidence=0.85,
    critical=False,
    message="hard-coded address {value} in a call; read the API address from configuration (`{env_var}`)",
    why="The page must reach the API wherever it is deployed; a URL inside a call has to be edited by hand.",
    how_to_fix=(
        "`API_URL = os.environ.get(\"BAES_API_URL\", \"http://localhost:8000\")` at module level, "
        "then `f\"{API_URL}/students\"`."
    ),
    check=_hard_coded_url,
    patch=ReplaceLiteralWithEnv,
    options=ApiUrlOptions(),
    notes="Module-level UPPER_CASE constants are configuration. Only a literal that is a bare base address gets a fix.",
    valid_examples=(
        Example(
            """
            import os

            import requests

            API_URL = os.environ.get('BAES_API_URL', 'http://localhost:8000')


            def load():
                return requests.get(f'{API_URL}/students', timeout=10).json()
            """,
        ),
    ),
    invalid_examples=(
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

