"""A patch type: its name, arguments, safety and planner, declared once and named by the rules that use it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from baes.fixes.patches.base import PatchFailure, PatchPlan
from baes.fixes.patches.source import PatchSource
from baes.standards.findings import FixSafety, FixSpec


@dataclass(frozen=True)
class Param:
    """One keyword argument of a patch type."""

    name: str
    kind: type
    required: bool = True
    help: str = ""


class PatchType:
    """A patch type as ``CodePatcher.apply_patch`` and ``FixSpec.patch_type`` name it.

    Each patch type is a subclass declaring, once, its name, its arguments, what it does, how safe
    it is and the planner that does it; a rule names the subclass that fixes it (``Rule.patch``)
    and builds its fixes with ``spec``, so a fix's safety comes from here and nowhere else.
    """

    name: ClassVar[str]
    params: ClassVar[tuple[Param, ...]]
    summary: ClassVar[str]
    # safe: keeps behaviour, runs in fix-all; unsafe: only on request (--unsafe-fixes, a quick fix)
    safety: ClassVar[FixSafety] = FixSafety.SAFE
    # why the fix has that safety: safe only if it cannot change behaviour in any environment
    # (docs/fixes.md's table is generated from these)
    safety_reason: ClassVar[str]

    # the planner: ``planner(source, **kwargs)`` (``staticmethod(plan_...)`` in a subclass)
    planner: ClassVar[Callable[..., PatchPlan]]

    @classmethod
    def plan(cls, source: PatchSource, kwargs: Mapping[str, Any]) -> PatchPlan:
        """Plan this patch on ``source``; ``PatchFailure`` when the arguments or the code do not allow it."""
        return cls.planner(source, **cls.check_kwargs(kwargs))

    @classmethod
    def safety_for(cls, kwargs: Mapping[str, Any]) -> FixSafety:
        """How safe a patch with these arguments is (the declared safety unless a subclass says more)."""
        return cls.safety

    @classmethod
    def spec(cls, kwargs: Mapping[str, Any], title: str) -> FixSpec:
        """A fix by this patch type, carrying the safety it has with these arguments."""
        return FixSpec(cls.name, kwargs, title, cls.safety_for(kwargs))

    @classmethod
    def check_kwargs(cls, kwargs: Mapping[str, Any]) -> dict[str, Any]:
        """Validated keyword arguments; raises ``PatchFailure`` naming what is wrong."""
        known = {p.name: p for p in cls.params}
        unknown = sorted(set(kwargs) - set(known))
        if unknown:
            expected = ", ".join(p.name for p in cls.params)
            raise PatchFailure(f"{cls.name}: unknown argument(s) {', '.join(unknown)}; expected {expected}")
        clean: dict[str, Any] = {}
        for param in cls.params:
            if param.name not in kwargs or kwargs[param.name] is None:
                if param.required:
                    raise PatchFailure(f"{cls.name}: missing argument {param.name!r} ({param.help})")
                continue
            value = kwargs[param.name]
            if param.kind is int and (isinstance(value, bool) or not isinstance(value, int)):
                raise PatchFailure(f"{cls.name}: {param.name} must be an integer, got {value!r}")
            if param.kind is bool and not isinstance(value, bool):
                raise PatchFailure(f"{cls.name}: {param.name} must be true or false, got {value!r}")
            if param.kind is str and (not isinstance(value, str) or not value.strip()):
                raise PatchFailure(f"{cls.name}: {param.name} must be a non-empty string, got {value!r}")
            clean[param.name] = value
        return clean
