"""Test-only launcher: the real ``baes lsp`` with faults injected before serving.

A test cannot monkeypatch inside the server's process, so this module does it: rule BE006
raises on sources containing ``RULE-CRASH``, and the whole engine raises on sources
containing ``ENGINE-CRASH``. Everything else is the unchanged server.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable, Iterable
from typing import Any


def _crashing(check: Callable[[Any], Iterable[Any]]) -> Callable[[Any], Iterable[Any]]:
    def check_or_crash(ctx: Any) -> Iterable[Any]:
        if "RULE-CRASH" in ctx.index.source:
            raise RuntimeError("injected crash inside rule BE006")
        return check(ctx)

    return check_or_crash


def inject_faults() -> None:
    from baes.standards import engine, selection
    from baes.standards.catalog import all_rules

    patched = tuple(
        dataclasses.replace(rule, check=_crashing(rule.check)) if rule.id == "BE006" else rule for rule in all_rules()
    )
    selection.all_rules = lambda: patched
    real_check_source = engine.check_source

    def check_source(source: str, *args: Any, **kwargs: Any) -> Any:
        if "ENGINE-CRASH" in source:
            raise RuntimeError("injected crash of the whole engine")
        return real_check_source(source, *args, **kwargs)

    engine.check_source = check_source


if __name__ == "__main__":
    inject_faults()
    from baes.cli.main import main

    sys.exit(main(["lsp", *sys.argv[1:]]))
