"""``replace_bare_except``: ``except:`` becomes ``except Exception:``.

Unsafe: a bare ``except`` also catches ``KeyboardInterrupt`` and ``SystemExit``; after the fix
those propagate (which is nearly always what was meant, but it changes behaviour).
"""

from __future__ import annotations

import ast

from baes.fixes.patches.base import PatchFailure, PatchPlan
from baes.fixes.patches.patch_type import Param, PatchType
from baes.fixes.patches.snippets import parse_lines
from baes.fixes.patches.source import PatchSource
from baes.standards.findings import FixSafety


def _handler_at(source: PatchSource, line: int) -> tuple[ast.Try | None, int, ast.ExceptHandler]:
    """The ``try`` statement and position of the bare ``except:`` on ``line``; no ``try`` when
    the clause on that line already names an exception (nothing left to do)."""
    named = None
    for node in source.index.nodes(ast.Try):
        for position, handler in enumerate(node.handlers):
            if handler.lineno == line:
                if handler.type is None:
                    return node, position, handler
                named = handler
    if named is not None:
        return None, -1, named
    raise PatchFailure(f"no `except` clause at line {line}")


def plan_replace_bare_except(source: PatchSource, line: int, exception: str = "Exception") -> PatchPlan:
    """Patch type ``replace_bare_except``."""
    import libcst as cst  # lazy: 0.28 s (python -X importtime); only fixes need it

    if not exception.replace(".", "").replace("_", "").isalnum() or not exception[0].isalpha():
        raise PatchFailure(f"not an exception name: {exception!r}")
    node, position, handler = _handler_at(source, line)
    function = source.function_at(line)
    description = f"replace bare `except:` with `except {exception}:`"
    if node is None:
        return PatchPlan("replace_bare_except", (), line=line, function=function, description=description)
    start, end = source.statement_lines(node)
    snippet = parse_lines(source, start, end)
    body = list(snippet.body)
    if len(body) != 1 or not isinstance(body[0], cst.Try) or len(body[0].handlers) != len(node.handlers):
        raise PatchFailure("could not isolate the `try` statement")
    target = body[0]
    handlers = list(target.handlers)
    handlers[position] = handlers[position].with_changes(
        type=cst.parse_expression(exception),
        whitespace_after_except=cst.SimpleWhitespace(" "),
    )
    replacement = snippet.replacement([target.with_changes(handlers=handlers)])
    return PatchPlan(
        "replace_bare_except",
        (replacement,) if replacement else (),
        contexts=((start, end),),
        line=handler.lineno,
        function=function,
        description=description,
    )


class ReplaceBareExcept(PatchType):
    """``replace_bare_except``: catch Exception instead of everything."""

    name = "replace_bare_except"
    params = (
        Param("line", int, help="the except: line"),
        Param("exception", str, required=False, help="the class to catch (default Exception)"),
    )
    summary = "catch Exception instead of everything"
    safety = FixSafety.UNSAFE
    safety_reason = "`except Exception:` no longer catches `KeyboardInterrupt`, `SystemExit` and `GeneratorExit`"
    planner = staticmethod(plan_replace_bare_except)
