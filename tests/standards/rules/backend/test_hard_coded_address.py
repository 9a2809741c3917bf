"""Regression cases of BE006 `hard-coded-address` and FE003 `hard-coded-api-url` that do not fit as examples (several file kinds, exact positions, fix arguments)."""

from __future__ import annotations

import pytest
from tests.standards.helpers import check, ids


@pytest.mark.parametrize(
    "source",
    [
        "API_PORT = 8000\n",
        "import os\n\nAPI_URL = os.environ.get('API_URL', 'http://localhost:8000')\n",
        "API_URL = 'http://localhost:8000'\nHOST = '0.0.0.0'\n",
        "import os\n\nimport uvicorn\n\nAPI_PORT = 8000\n\n\ndef main(app):\n    uvicorn.run(app, host=os.getenv('HOST', '127.0.0.1'), port=API_PORT)\n",
        "import requests\n\nAPI_URL = 'http://localhost:8000'\n\n\ndef load():\n    return requests.get(f'{API_URL}/students', timeout=5)\n",
        "import streamlit as st\n\nst.markdown('[docs](https://example.com/docs)')\nst.link_button('Docs', 'https://example.com')\n",
        "from fastapi.responses import RedirectResponse\n\n\ndef go():\n    return RedirectResponse('https://typer.tiangolo.com')\n",
    ],
)
def test_configuration_constants_are_not_hard_coded_values(source: str) -> None:
    for swea in ("backend", "frontend", "database"):
        assert not {"BE006", "FE003"} & set(ids(check(source, swea))), (swea, source)


def _be006(source: str) -> list[tuple[int, str, str]]:
    report = check(source, "backend")
    return [
        (f.line, f.details.get("env_var", ""), f.fix.safety.value if f.fix else "")
        for f in report.findings
        if f.rule_id == "BE006"
    ]


def test_the_variable_is_named_after_what_the_value_is() -> None:
    source = (
        "import redis\nimport uvicorn\nfrom sqlalchemy import create_engine\n\n\ndef start(app):\n"
        "    uvicorn.run(app, host='0.0.0.0', port=8080)\n"
        "    cache = redis.Redis(host='cache.internal', port=6379)\n"
        "    engine = create_engine(url='x', host='db.internal')\n"
        "    return cache, engine\n"
    )
    found = [(line, var) for line, var, _ in _be006(source)]
    assert found == [(7, "UVICORN_HOST"), (7, "UVICORN_PORT"), (8, "REDIS_HOST"), (8, "REDIS_PORT"), (9, "DATABASE_HOST")]
    assert all(var != "HOST" for _, var in found)


def test_every_address_fix_is_unsafe() -> None:
    source = "import uvicorn\n\n\ndef serve(app):\n    uvicorn.run(app, host='10.0.0.5')\n"
    assert [safety for _, _, safety in _be006(source)] == ["unsafe"]


def test_a_server_on_the_loopback_address_is_a_development_entry_point() -> None:
    for host in ("127.0.0.1", "localhost", "::1"):
        source = f"import uvicorn\n\n\ndef serve(app):\n    uvicorn.run(app, host='{host}', port=8000)\n"
        assert _be006(source) == [], host
    # a client connecting to a loopback address is still deployment configuration
    assert _be006("import redis\n\n\ndef connect():\n    return redis.Redis(host='localhost', port=6379)\n")


def test_records_holding_a_host_are_data_in_every_shape() -> None:
    shapes = [
        "ROWS = {'primary': Endpoint(host='a.local', port=1)}\n",
        "ROWS = (Endpoint(host='a.local', port=1),)\n",
        "rows = []\nrows.append(Endpoint(host='a.local', port=1))\n",
        "def make_demo_rows():\n    return Endpoint(host='a.local', port=1)\n",
    ]
    for body in shapes:
        assert _be006("from .records import Endpoint\n" + body) == [], body
    # the same call opening a connection of a library is deployment
    assert len(_be006("from elasticsearch import Endpoint\n\n\ndef f():\n    return Endpoint(host='a.local', port=1)\n")) == 2
