"""ST005 regression cases: every way of reaching requests/urlopen, and what is left alone."""

from __future__ import annotations

import pytest

from ...helpers import check


def _lines(source: str) -> list[int]:
    return [f.line for f in check(source, profile="default").findings if f.rule_id == "ST005"]


@pytest.mark.parametrize(
    "source,lines",
    [
        ("import requests as rq\nrq.post('u', json={})\n", [2]),
        ("from requests import get, request\nget('u')\nrequest('GET', 'u')\n", [2, 3]),
        ("import requests\nwith requests.Session() as s:\n    s.get('u')\n", [3]),
        ("import requests\ns = requests.session()\ns.delete('u')\nother.get('u')\n", [3]),
        ("import urllib.request\nurllib.request.urlopen('u')\nurllib.request.urlopen('u', None, 5)\n", [2]),
        ("import requests\nrequests.get('u', **options)\nrequests.get('u', timeout=None)\n", []),
        ("import httpx\nhttpx.get('u')\nhttpx.Client().post('u')\n", []),
        ("import requests\nrequests.get('u')  # noqa: S113\n", []),
        ("def get(u):\n    return u\nget('u')\n", []),
    ],
)
def test_calls_that_can_wait_forever(source: str, lines: list[int]) -> None:
    assert _lines(source) == lines


def test_any_file_kind_is_checked() -> None:
    source = "import requests\n\n\ndef ping() -> int:\n    return requests.head('http://status.local').status_code\n"
    for path in ("scripts/ping.py", "app/pages/1_status.py", "clients/api.py"):
        assert _lines_at(source, path) == [5]


def _lines_at(source: str, path: str) -> list[int]:
    return [f.line for f in check(source, profile="default", path=path).findings if f.rule_id == "ST005"]
