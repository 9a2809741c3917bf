"""What every patch produces: a plan of replacements in the original text, plus imports it needs.

A planner never returns text for the whole file. It names the exact ranges it changes
(code-point offsets in the source it was given), the regions it had to read to make the
change (the snippet a targeted LLM patch would see, used to measure tokens), and the
import statements the new code needs. Keeping imports symbolic lets several fixes that
each need an import be combined without fighting over the import block.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from baes.standards.findings import FixSafety, FixSpec

if TYPE_CHECKING:
    from baes.fixes.patches.source import PatchSource


class PatchFailure(Exception):
    """A patch cannot be applied to this source; the message says why (shown to users)."""


@dataclass(frozen=True)
class Replacement:
    """Replace ``source[start:end]`` with ``text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class PatchPlan:
    """The changes one patch makes, all in the coordinates of the source it was planned on."""

    patch_type: str
    replacements: tuple[Replacement, ...]
    imports: tuple[str, ...] = ()
    # (start, end) offsets of the regions read to make the change (the targeted snippet)
    contexts: tuple[tuple[int, int], ...] = ()
    line: int = 1
    function: str | None = None
    description: str = ""

    @property
    def location(self) -> str:
        """``"Line 4 (function: get_db_connection)"``, or ``"Line 1 (module)"``."""
        where = f"function: {self.function}" if self.function else "module"
        return f"Line {self.line} ({where})"

    @property
    def is_noop(self) -> bool:
        return not self.replacements and not self.imports


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
