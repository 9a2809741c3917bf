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
    how_to_fix=(
        "Read it from the environment into a module-level UPPER_CASE constant named after what it is: "
        '`API_BASE_URL = os.environ.get("API_BASE_URL", "http://localhost:8000")`, `DATABASE_URL`, `MONGODB_URI`.'
    ),
    check=hard_coded_addresses,
    patch=ReplaceLiteralWithEnv,
    options=AddressOptions(),
    applies_to=SERVER_SIDE,
    notes=(
        "Reported: literals for `host=`, `port=`, `base_url=`, `api_url=`, and absolute URLs given to HTTP client "
        "calls. Module-level UPPER_CASE constants (`API_PORT = 8000`) are configuration and never reported, "
        'nor are defaults of `os.environ.get`/`os.getenv`, nor code under `if __name__ == "__main__":` '
        "(option `allow_in_main_block`). Hosts and ports held by records are data, not deployment, and are "
        "not reported: a call that is an element of a list, tuple, set or dict, an argument of `.add()`/"
        "`.append()`-like calls, a class of this file or of the project's `models`/`schemas` modules, or a call "
        "inside a `seed_*`/`sample_*`/`demo_*` function. The fix names the variable after what the value is "
        "(`DATABASE_URL`, `MONGODB_URI`, `REDIS_URL`, `API_BASE_URL` keeping the path in the code, "
        "`UVICORN_PORT`, `REDIS_HOST`), never a bare `HOST`; it is unsafe: where that variable is set, the "
        'program reads it. A server started on the loopback address (`uvicorn.run(app, host="127.0.0.1")`) '
        "listens to this machine only, wherever it runs: a development entry point, not reported."
    ),
    valid_examples=(
        Example(
            """
            import uvicorn

            from app.main import app


            def dev():
                uvicorn.run(app, host="127.0.0.1", port=8000, reload=True)
            """,
        ),
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
        # hosts and ports held by records are data, not deployment
        Example(
            """
            from dataclasses import dataclass


            @dataclass
            class Node:
                host: str
                port: int


            CLUSTER = [Node(host='10.0.0.5', port=9300), Node(host='10.0.0.6', port=9300)]


            def seed_nodes(session) -> None:
                session.add(Node(host='search.local', port=9200))
            """,
        ),
        Example(
            """
            from app.models import Mirror


            def default_mirror() -> Mirror:
                return Mirror(host='mirror.example.net', port=873)
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
                uvicorn.run(app, host=os.environ.get("UVICORN_HOST", "0.0.0.0"))
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
        # the variable is named after what the value is, and a URL keeps its path in the code
        Example(
            """
            from pymongo import MongoClient


            def connect() -> MongoClient:
                return MongoClient(host='mongodb://db.internal:27017/shop')
            """,
            fixed="""
            import os
            from pymongo import MongoClient


            def connect() -> MongoClient:
                return MongoClient(host=os.environ.get("MONGODB_URI", 'mongodb://db.internal:27017/shop'))
            """,
        ),
        Example(
            """
            import requests


            def load() -> list:
                return requests.get('http://localhost:8000/students', timeout=5).json()
            """,
            fixed="""
            import os
            import requests


            def load() -> list:
                return requests.get(os.environ.get("API_BASE_URL", 'http://localhost:8000') + '/students', timeout=5).json()
            """,
        ),
    ),
)
