"""Import-time side effects of generated modules (issue 15, case 4)."""

from __future__ import annotations

import textwrap

import pytest

from baes.generation.import_effects import import_time_effects

REJECTED = {
    "shell at import": "import os\nos.system('rm -rf /tmp/x')\n",
    "aliased subprocess": "from subprocess import run as r\nr(['ls'])\n",
    "exec of a string": "exec('print(1)')\n",
    "network in a class body": "import requests\nclass Config:\n    data = requests.get('http://x').json()\n",
    "decorator argument": "import os\ndef deco(x):\n    return lambda f: f\n@deco(os.popen('id'))\ndef handler():\n    pass\n",
    "default value": "import socket\ndef handler(conn=socket.create_connection(('x', 1))):\n    pass\n",
    "os.execv stem": "import os\nos.execv('/bin/sh', ['sh'])\n",
    "dynamic import": "import importlib\nmod = importlib.import_module('os')\n",
}
ACCEPTED = {
    "inside a handler": "import os\ndef handler():\n    os.system('ls')\n",
    "main block": "import subprocess\nif __name__ == '__main__':\n    subprocess.run(['uvicorn', 'app:app'])\n",
    "harmless constructors": "import httpx\nclient = httpx.Client(timeout=5)\n",
    "environment read": "import os\nURL = os.environ.get('DATABASE_URL', 'app.db')\n",
    "sqlite helper": "import sqlite3\ndef connect():\n    return sqlite3.connect('app.db')\n",
    "not code": "def (:\n",
}


@pytest.mark.parametrize("name", sorted(REJECTED))
def test_rejected(name: str) -> None:
    effects = import_time_effects(textwrap.dedent(REJECTED[name]))
    assert effects, name
    assert "when the module is imported" in str(effects[0])


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_accepted(name: str) -> None:
    assert import_time_effects(ACCEPTED[name]) == ()


def test_a_streamlit_page_may_call_its_api_but_not_the_shell() -> None:
    page = "import httpx\nimport os\nrows = httpx.get('http://api/items', timeout=5).json()\n"
    assert import_time_effects(page, page=True) == ()
    assert import_time_effects(page + "os.system('ls')\n", page=True)[0].call == "os.system"
