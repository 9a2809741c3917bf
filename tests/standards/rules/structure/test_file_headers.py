"""Other linters' file headers (``# ruff: noqa``, ``# flake8: noqa``) silence the whole file, as ruff reads them."""

from __future__ import annotations

import pytest

from ...helpers import check, ids

BODY = "try:\n    x()\nexcept:\n    pass\n"


@pytest.mark.parametrize(
    "header,remaining",
    [
        ("# flake8: noqa\n", []),
        ("# ruff: noqa\n", []),
        ("#ruff:noqa\n", []),
        ("# RUFF: NOQA\n", []),
        ("# ruff: noqa: E722\n", ["ST003"]),  # E722 is bare-except's code in ruff/flake8
        ("# flake8: noqa: ST002, F821\n", []),
        ("# ruff: noqa: F401\n", ["ST002", "ST003"]),
        ("y = 1  # ruff: noqa\n", ["ST002", "ST003"]),  # a trailing comment is no file header
        ("s = '# flake8: noqa'\n", ["ST002", "ST003"]),  # nor a string
    ],
)
def test_file_headers(header: str, remaining: list[str]) -> None:
    assert sorted(set(ids(check(header + BODY)))) == remaining


def test_header_anywhere_in_the_file_on_its_own_line() -> None:
    assert ids(check(BODY + "    # ruff: noqa\n")) == []
