"""BE006 `hard-coded-address`: Flags literal hosts, ports and URLs passed straight into calls."""
from __future__ import annotations

from baes.fixes.patches import (
    ReplaceLiteralWithEnv,
)
from baes.standards.findings import Severity
from baes.standards.rule import Example
from baes.standards.rules.addresses import AddressOptions, hard_coded_addresses
from baes.standards.rules.families import BACKEND, SERVER_SIDE

RULE = BACKEND.rule(
    id="BE006",
    name="hard-coded-address",
    summary="Flags literal hosts, ports and URLs passed straight into calls.",
    severity=Severity.WARNING,
    confidence=0.85,
    critical=False,
    message="hard-coded address {value} passed into a call; read it from configuration (e.g. `{env_var}`)",
    why="Hosts, ports and URLs differ between machines; literals inside calls have to be edited to deploy.",
    how_to_fix="Read it from the environment into a module-level UPPER_CASE constant: `API_URL = os.environ.get(\"API_URL\", \"http://localhost:8000\")`.",
    check=hard_coded_addresses,
    patch=ReplaceLiteralWithEnv,
    options=AddressOptions(),
    applies_to=SERVER_SIDE,
    notes=(
        "Reported: literals for `host=`, `port=`, `base_url=`, `api_url=`, and absolute URLs given to HTTP client "
        "calls. Module-level UPPER_CASE constants (`API_PORT = 8000`) are configuration and never reported, "
        "nor are defaults of `os.environ.get`/`os.getenv`, nor code under `if __name__ == \"__main__\":` "
        "(option `allow_in_main_block`)."
    ),
    valid_examples=(
        Example(
            """
            import os

            import uvicorn

            API_PORT = 8000
            API_HOST = os.environ.get('API_HOST', '127.0.0.1')


            def serve(app):
                uvicorn.run(app, host=API_HOST, port=API_PORT)
            """,
        ),
        Example(
            """
            import uvicorn

            from app.main import app

            if __name__ == '__main__':
                uvicorn.run(app, host='0.0.0.0', port=8000)
            """,
        ),
    ),
    invalid_examples=(
        Example(
            """
            import uvicorn


            def serve(app):
                uvicorn.run(app, host="0.0.0.0")
            """,
            fixed="""
            import os
            import uvicorn


            def serve(app):
                uvicorn.run(app, host=os.environ.get("HOST", "0.0.0.0"))
            """,
        ),
        Example(
            """
            import uvicorn


            def serve(app):
                uvicorn.run(app, port=8000)
            """,
        ),
        # literals passed straight into calls: server options, HTTP client URLs, client base URLs
        Example(
            """
            import uvicorn


            def main(app):
                uvicorn.run(app, host='0.0.0.0', port=8000)
            """,
        ),
        Example(
            """
            import requests


            def load():
                return requests.get('http://localhost:8000/students', timeout=5)
            """,
        ),
        Example(
            """
            import httpx

            client = httpx.Client(base_url='http://api.internal:8000')
            """,
        ),
    ),
)

