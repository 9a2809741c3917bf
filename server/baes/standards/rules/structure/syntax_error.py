"""ST001 `syntax-error`: Reports a file that Python cannot parse, at the error's position."""

from __future__ import annotations

from baes.standards.findings import Severity
from baes.standards.rule import Example
from baes.standards.rules.families import STRUCTURE
from baes.standards.rules.structure.common import _no_check

RULE = STRUCTURE.rule(
    id="ST001",
    name="syntax-error",
    summary="Reports a file that Python cannot parse, at the error's position.",
    severity=Severity.ERROR,
    confidence=1.0,
    critical=True,
    message="syntax error: {error}",
    why="Python cannot run a file that does not parse, and no other check can look at it.",
    how_to_fix="Correct the code at the reported position.",
    check=_no_check,
    notes=(
        "A file the running Python cannot parse but that is valid for a newer one (PEP 695 type parameters "
        "`class Repo[T: Base]:`, `type X = ...`, PEP 701 f-strings, PEP 696 defaults, PEP 750 t-strings, "
        "PEP 758 `except A, B:`; recognised with libcst's parser) is reported as needing that version, "
        "one severity lower (a warning), with the outcome `uncertain`: no other rule could check it. Run "
        "the server on that Python to check it."
    ),
    invalid_examples=(
        Example(
            """
            def f(:
                pass
            """,
        ),
    ),
    valid_examples=(
        Example(
            """
            def f():
                pass
            """,
        ),
    ),
)
