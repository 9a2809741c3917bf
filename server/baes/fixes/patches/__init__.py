"""The patch types: one planner per fix, a registry, and applying plans to a source.

``plan(source, patch_type, kwargs)`` returns a ``PatchPlan`` (or raises ``PatchFailure``);
``apply_plans(source, plans)`` splices the replacements of several plans made on the same
source, adds the imports they need in one go, and checks that the result parses.
``CodePatcher`` (the reference API) and ``baes.fixes.apply`` (fix-all) are both built on these.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Mapping, Sequence

from baes.standards.findings import FixSafety
from baes.fixes.patches.base import Param, PatchFailure, PatchPlan, PatchType, Replacement
from baes.fixes.patches.decorators import plan_add_decorator
from baes.fixes.patches.env_literals import plan_replace_literal_with_env
from baes.fixes.patches.exceptions import plan_replace_bare_except
from baes.fixes.patches.imports import plan_add_import, plan_imports
from baes.fixes.patches.source import PatchSource
from baes.fixes.patches.sql_ddl import plan_sql_create_if_not_exists
from baes.fixes.patches.sql_params import plan_parameterize_sql
from baes.fixes.patches.status_codes import plan_fix_status_code
from baes.fixes.text_edits import OverlappingEditsError, splice
from baes.python_ast import parse as parse_python

__all__ = [
    "PATCH_TYPES",
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
_UNSAFE = lambda kwargs: FixSafety.UNSAFE  # noqa: E731

PATCH_TYPES: dict[str, PatchType] = {
    t.name: t
    for t in (
        PatchType(
            "add_decorator",
            plan_add_decorator,
            (
                Param("function_name", str, help="the function's name, or Class.method"),
                Param("decorator_name", str, help="e.g. contextmanager"),
                Param("line", int, required=False, help="the def line, to pick one of several"),
            ),
            "decorate a function (and import the decorator)",
        ),
        PatchType(
            "fix_status_code",
            plan_fix_status_code,
            (
                Param("target_function", str, help="the route function's name"),
                Param("correct_status", int, help="e.g. 201"),
                Param("line", int, required=False, help="the def line, to pick one of several"),
            ),
            "set status_code= in the function's route decorator",
            _UNSAFE,
        ),
        PatchType(
            "add_import",
            plan_add_import,
            (Param("import_statement", str, help="e.g. from fastapi import HTTPException"),),
            "add a missing import",
        ),
        PatchType(
            "replace_bare_except",
            plan_replace_bare_except,
            (
                Param("line", int, help="the except: line"),
                Param("exception", str, required=False, help="the class to catch (default Exception)"),
            ),
            "catch Exception instead of everything",
            _UNSAFE,
        ),
        PatchType(
            "replace_literal_with_env",
            plan_replace_literal_with_env,
            (
                Param("line", int, help="line of the string literal"),
                Param("col", int, help="column where the literal starts"),
                Param("env_var", str, help="the environment variable"),
                Param("keep_default", bool, required=False, help="keep the literal as the default"),
            ),
            "read a hard-coded value from the environment",
            lambda kwargs: FixSafety.SAFE if kwargs.get("keep_default", True) else FixSafety.UNSAFE,
        ),
        PatchType(
            "parameterize_sql",
            plan_parameterize_sql,
            (
                Param("line", int, help="line of the query argument"),
                Param("col", int, help="column where the query argument starts"),
            ),
            "use ? placeholders and a parameter tuple",
            _UNSAFE,
        ),
        PatchType(
            "sql_create_if_not_exists",
            plan_sql_create_if_not_exists,
            (
                Param("line", int, help="line of the SQL string"),
                Param("col", int, help="column where the SQL string starts"),
            ),
            "add IF NOT EXISTS to CREATE statements",
        ),
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
    clean = kind.check_kwargs(kwargs)
    return kind.planner(source, **clean)


def safety(patch_type: str, kwargs: Mapping[str, Any]) -> FixSafety | None:
    """How safe a patch with these arguments is; None for an unknown patch type."""
    kind = PATCH_TYPES.get(patch_type)
    return kind.safety(kwargs) if kind else None


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
        _IMPORTS, tuple(replacements), imports=tuple(statements), contexts=tuple(contexts), line=line,
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
