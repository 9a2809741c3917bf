"""The patch types: one planner per fix, a registry, and applying plans to a source.

``plan(source, patch_type, kwargs)`` returns a ``PatchPlan`` (or raises ``PatchFailure``);
``apply_plans(source, plans)`` splices the replacements of several plans made on the same
source, adds the imports they need in one go, and checks that the result parses.
``CodePatcher`` (the reference API) and ``baes.fixes.apply`` (fix-all) are both built on these.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from baes.fixes.patches.base import PatchFailure, PatchPlan, Replacement
from baes.fixes.patches.decorators import AddDecorator
from baes.fixes.patches.env_literals import ReplaceLiteralWithEnv
from baes.fixes.patches.exceptions import ReplaceBareExcept
from baes.fixes.patches.imports import AddImport, plan_imports
from baes.fixes.patches.patch_type import PatchType
from baes.fixes.patches.source import PatchSource
from baes.fixes.patches.sql_ddl import SqlCreateIfNotExists
from baes.fixes.patches.sql_params import ParameterizeSql
from baes.fixes.patches.status_codes import FixStatusCode
from baes.fixes.patches.timeouts import AddTimeout
from baes.fixes.text_edits import OverlappingEditsError, splice
from baes.python_ast import parse as parse_python
from baes.standards.findings import FixSafety

__all__ = [
    "PATCH_TYPES",
    "AddDecorator",
    "AddImport",
    "AddTimeout",
    "FixStatusCode",
    "ParameterizeSql",
    "PatchType",
    "ReplaceBareExcept",
    "ReplaceLiteralWithEnv",
    "SqlCreateIfNotExists",
    "PatchFailure",
    "PatchPlan",
    "PatchSource",
    "Replacement",
    "apply_plans",
    "apply_resolved",
    "plan",
    "resolve",
    "safety",
]

# the plan ``resolve`` makes for the imports of all the others
_IMPORTS = "(imports)"

PATCH_TYPES: dict[str, type[PatchType]] = {
    t.name: t
    for t in (
        AddDecorator,
        FixStatusCode,
        AddImport,
        ReplaceBareExcept,
        ReplaceLiteralWithEnv,
        ParameterizeSql,
        SqlCreateIfNotExists,
        AddTimeout,
    )
}


def plan(source: PatchSource, patch_type: str, kwargs: Mapping[str, Any]) -> PatchPlan:
    """Plan one patch on ``source``; ``PatchFailure`` when it cannot be done."""
    kind = PATCH_TYPES.get(patch_type) if isinstance(patch_type, str) else None
    if kind is None:
        known = ", ".join(sorted(PATCH_TYPES))
        raise PatchFailure(f"unknown patch type {patch_type!r}; known: {known}")
    if not isinstance(kwargs, Mapping):
        raise PatchFailure(f"{patch_type}: arguments must be a mapping")
    return kind.plan(source, kwargs)


def safety(patch_type: str, kwargs: Mapping[str, Any]) -> FixSafety | None:
    """How safe a patch with these arguments is (the patch type says); None for an unknown patch type."""
    kind = PATCH_TYPES.get(patch_type)
    return kind.safety_for(kwargs) if kind else None


def resolve(source: PatchSource, plans: Sequence[PatchPlan]) -> list[PatchPlan]:
    """The plans with their imports resolved into one ``add_import`` plan (listed last).

    Several fixes needing imports then edit the import block once, instead of fighting over it.
    """
    body = [replace(p, imports=()) for p in plans if p.replacements]
    statements: list[str] = []
    for p in plans:
        statements += [i for i in p.imports if i not in statements]
    if not statements:
        return body
    replacements, contexts, line = plan_imports(source, statements)
    imports = PatchPlan(
        _IMPORTS,
        tuple(replacements),
        imports=tuple(statements),
        contexts=tuple(contexts),
        line=line,
        description="add " + ", ".join(f"`{s}`" for s in statements),
    )
    return body + [imports]


def apply_resolved(source: PatchSource, plans: Sequence[PatchPlan]) -> str:
    """The source with resolved plans applied; ``PatchFailure`` if they overlap or the result does not parse."""
    replacements = [r for p in plans for r in p.replacements]
    if not replacements:
        return source.text
    try:
        text = splice(source.text, [(r.start, r.end, r.text) for r in replacements])
    except OverlappingEditsError:
        text = _sequential(source, plans)
    check_parses(text)
    return text


def apply_plans(source: PatchSource, plans: Sequence[PatchPlan]) -> str:
    """Resolve and apply ``plans`` (all made on ``source``)."""
    return apply_resolved(source, resolve(source, plans))


def _sequential(source: PatchSource, plans: Sequence[PatchPlan]) -> str:
    """Body changes first, then the imports planned again on the changed text (when the two meet)."""
    body = [r for p in plans if p.patch_type != _IMPORTS for r in p.replacements]
    try:
        text = splice(source.text, [(r.start, r.end, r.text) for r in body])
    except OverlappingEditsError as exc:
        raise PatchFailure(f"the changes overlap: {exc}") from None
    statements = [s for p in plans if p.patch_type == _IMPORTS for s in p.imports]
    if not statements:
        return text
    changed = PatchSource(text)
    import_replacements, _, _ = plan_imports(changed, statements)
    return splice(text, [(r.start, r.end, r.text) for r in import_replacements])


def check_parses(text: str) -> None:
    """``PatchFailure`` unless ``text`` is valid Python (the guarantee every fix keeps)."""
    try:
        parse_python(text)
    except SyntaxError as exc:
        raise PatchFailure(f"the patched code would not parse (line {exc.lineno}): {exc.msg}") from None
    except (ValueError, RecursionError, MemoryError) as exc:
        raise PatchFailure(f"the patched code would not parse: {exc}") from None
