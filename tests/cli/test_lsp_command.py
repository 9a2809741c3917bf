"""``baes lsp``'s address parser (``baes.cli.lsp``)."""

from __future__ import annotations

import pytest

from baes.cli.lsp import parse_address


def test_parse_address() -> None:
    assert parse_address("127.0.0.1:9000", 2087) == ("127.0.0.1", 9000)
    assert parse_address("9000", 2087) == ("127.0.0.1", 9000)
    assert parse_address("[::1]:9000", 2087) == ("::1", 9000)
    with pytest.raises(ValueError):
        parse_address("host:99999", 2087)
