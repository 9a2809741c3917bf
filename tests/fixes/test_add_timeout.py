"""add_timeout: the call it targets, its layout, and its safety."""

from __future__ import annotations

from baes.fixes.patcher import CodePatcher
from baes.fixes.patches import AddTimeout
from baes.standards.findings import FixSafety

patcher = CodePatcher(measure_tokens=False)


def test_the_innermost_call_of_the_name_gets_the_timeout() -> None:
    code = "import requests\n\nrows = requests.get(URL).json()\n"
    result = patcher.apply_patch(code, "add_timeout", line=3, col=7, name="get")
    assert result.success and result.patched_code == "import requests\n\nrows = requests.get(URL, timeout=30).json()\n"
    chained = "import requests\n\nr = requests.Session().post(URL, json={})\n"
    result = patcher.apply_patch(chained, "add_timeout", line=3, col=4, name="post", seconds=10)
    assert result.patched_code == "import requests\n\nr = requests.Session().post(URL, json={}, timeout=10)\n"


def test_a_call_with_a_timeout_is_left_alone_and_kwargs_are_refused() -> None:
    code = "import requests\n\nr = requests.get(URL, timeout=5)\n"
    assert patcher.apply_patch(code, "add_timeout", line=3, col=4, name="get").patched_code == code
    kwargs = "import requests\n\nr = requests.get(URL, **options)\n"
    result = patcher.apply_patch(kwargs, "add_timeout", line=3, col=4, name="get")
    assert not result.success and "**kwargs" in (result.error_message or "")


def test_adding_a_timeout_is_unsafe() -> None:
    # a server slower than the timeout used to answer; now the call raises
    assert AddTimeout.safety is FixSafety.UNSAFE
