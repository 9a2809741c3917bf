"""ST002 `bare-except`: Flags `except:` without an exception type."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from baes.fixes.patches import (
    ReplaceBareExcept,
)
from baes.standards.findings import Severity
from baes.standards.options import RuleOptions
from baes.standards.rule import Example, RuleContext, Violation
from baes.standards.rules.families import STRUCTURE


def _reraises(handler: ast.ExceptHandler) -> bool:
    """The handler's own statements end the exception's way with a bare ``raise``: cleanup, then re-raise.

    Catching everything is then the intended idiom (roll back, remove a temporary file, print a
    marker) and nothing is swallowed, Ctrl-C included.
    """
    return any(isinstance(stmt, ast.Raise) and stmt.exc is None for stmt in handler.body)


def _bare_except(ctx: RuleContext[RuleOptions]) -> Iterator[Violation]:
    for handler in ctx.index.nodes(ast.ExceptHandler):
        if handler.type is None and not _reraises(handler):
            fix = ReplaceBareExcept.spec({"line": handler.lineno}, "replace with `except Exception:`")
            yield Violation(handler.lineno, handler.col_offset, handler.lineno, handler.col_offset + 6, fix=fix)


RULE = STRUCTURE.rule(
    id="ST002",
    name="bare-except",
    summary="Flags `except:` without an exception type.",
    severity=Severity.WARNING,
    confidence=0.95,
    critical=False,
    message="bare `except:` also catches KeyboardInterrupt and SystemExit",
    why=(
        "A bare `except:` swallows every exception, including Ctrl-C and `sys.exit()`, and hides the "
        "real error behind whatever the handler does."
    ),
    how_to_fix="Catch the exceptions you expect, or at least `except Exception:`.",
    check=_bare_except,
    patch=ReplaceBareExcept,
    valid_examples=(
        Example(
            """
            try:
                run()
            except Exception:
                log()
            """,
        ),
        Example(
            """
            try:
                run()
            except (ValueError, KeyError) as exc:
                log(exc)
            """,
        ),
        Example(
            """
            try:
                write_rows(connection)
            except:
                connection.rollback()
                raise
            """,
        ),
    ),
    invalid_examples=(
        Example(
            """
            try:
                run()
            except:
                if retry():
                    raise
            """,
            fixed="""
            try:
                run()
            except Exception:
                if retry():
                    raise
            """,
        ),
        Example(
            """
            try:
                run()
            except:
                log()
            """,
            fixed="""
            try:
                run()
            except Exception:
                log()
            """,
        ),
    ),
)
