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
