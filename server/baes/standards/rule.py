"""The ``Rule`` declaration: one place holding a standard's metadata, check, examples and fix.

Everything that talks about a rule (the engine, ``baes explain``, LSP hover, the docs, the
compressed standards text) reads this declaration, so a rule is described exactly once.
"""

from __future__ import annotations

import ast
import textwrap
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from baes.standards.findings import FixSafety, FixSpec, Severity
from baes.standards.options import RuleOptions, toml_value
from baes.swea import SWEAType

if TYPE_CHECKING:
    from baes.fixes.patches.patch_type import PatchType
    from baes.standards.index import SourceIndex

OptionsT = TypeVar("OptionsT", bound=RuleOptions)

PROFILES: tuple[str, ...] = ("default", "strict", "generated")


@dataclass(frozen=True)
class Example:
    """A code sample; for an invalid sample of a fixable rule, ``fixed`` is the code after the fix."""

    code: str
    fixed: str | None = None
    # options to check this sample with (merged over the rule's defaults)
    options: Mapping[str, Any] = field(default_factory=dict)
    # a path to check it under (some rules look at file names)
    path: str | None = None

    def __post_init__(self) -> None:
        # written as an indented triple-quoted block starting on its own line: dedent it
        object.__setattr__(self, "code", _dedented(self.code))
        if self.fixed is not None:
            object.__setattr__(self, "fixed", _dedented(self.fixed))


def _dedented(text: str) -> str:
    """``text`` itself, or, when it starts with a newline, dedented without that first newline."""
    return textwrap.dedent(text)[1:] if text.startswith("\n") else text


@dataclass(frozen=True)
class Violation:
    """What a check reports: a position in ``ast`` coordinates (UTF-8 byte columns) plus details.

    The engine turns it into a ``Finding`` (code-point columns, severity from settings,
    message from the rule's template filled with ``args``).
    """

    line: int
    col: int
    end_line: int
    end_col: int
    args: Mapping[str, Any] = field(default_factory=dict)
    fix: FixSpec | None = None
    details: Mapping[str, Any] = field(default_factory=dict)

    def moved(self, lines: int) -> Violation:
        """The same violation ``lines`` lines further down (its statement moved): a fix's position
        is its ``line`` argument (columns never move with whole lines)."""
        fix = self.fix
        if fix is not None and isinstance(fix.kwargs.get("line"), int):
            fix = replace(fix, kwargs={**fix.kwargs, "line": fix.kwargs["line"] + lines})
        return replace(self, line=self.line + lines, end_line=self.end_line + lines, fix=fix)

    @classmethod
    def at(cls, node: ast.AST, fix: FixSpec | None = None, **args: Any) -> Violation:
        """A violation covering ``node``; ``args`` fill the rule's message template."""
        line = getattr(node, "lineno", 1)
        col = getattr(node, "col_offset", 0)
        end_line = getattr(node, "end_lineno", None) or line
        end_col = getattr(node, "end_col_offset", None)
        if end_col is None:
            end_col = col
        return cls(line, col, end_line, end_col, args=args, fix=fix, details=dict(args))

    @classmethod
    def header(cls, node: ast.AST, fix: FixSpec | None = None, **args: Any) -> Violation:
        """A violation on the first line of a (possibly long) statement such as a ``def``."""
        line = getattr(node, "lineno", 1)
        col = getattr(node, "col_offset", 0)
        return cls(line, col, line, col + _header_width(node), args=args, fix=fix, details=dict(args))


def _header_width(node: ast.AST) -> int:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        prefix = {"FunctionDef": 4, "AsyncFunctionDef": 10, "ClassDef": 6}[type(node).__name__]
        return prefix + len(node.name.encode("utf-8"))
    end: int | None = getattr(node, "end_col_offset", None)
    if end is not None and getattr(node, "end_lineno", None) == getattr(node, "lineno", None):
        start: int = getattr(node, "col_offset", 0)
        return end - start
    return 1


@dataclass
class RuleContext(Generic[OptionsT]):
    """What a check sees: the shared index of the file, the rule's typed options and the file's kind."""

    index: SourceIndex
    options: OptionsT
    swea_type: SWEAType | None
    path: str | None

    def col(self, line: int, byte_col: int) -> int:
        """A code-point column (what fixes and findings use) from an ``ast`` byte column."""
        return self.index.code_point_col(line, byte_col)

    def position(self, node: ast.AST) -> dict[str, int]:
        """Where ``node`` starts, as a fix's ``line``/``col`` arguments (code-point column)."""
        line = getattr(node, "lineno", 1)
        return {"line": line, "col": self.col(line, getattr(node, "col_offset", 0))}


CheckFunction = Callable[[RuleContext[Any]], Iterable[Violation]]


@dataclass(frozen=True, eq=False)
class Rule:
    """One standard: metadata, a check over the shared index, examples that are also tests.

    Rules are singletons of the catalog: equality and hashing are by identity, so rules can be
    set members and dict keys.
    """

    id: str
    name: str
    swea_type: SWEAType | None
    severity: Severity
    confidence: float
    critical: bool
    message: str
    why: str
    how_to_fix: str
    check: CheckFunction
    # the patch type that fixes it (it declares the fix's safety); None: no automatic fix
    patch: type[PatchType] | None = None
    valid_examples: tuple[Example, ...] = ()
    invalid_examples: tuple[Example, ...] = ()
    # the options and their defaults (a frozen dataclass; the settings may give other values)
    options: RuleOptions = RuleOptions()
    profiles: frozenset[str] = frozenset({"default", "strict", "generated"})
    # SWEA types whose files the rule checks; None: every file, SWEA kind or not
    applies_to: frozenset[SWEAType] | None = None
    # extra notes for the documentation (scope, options explained)
    notes: str = ""
    # one sentence saying what the rule reports (listings, SARIF, "What it does")
    summary: str = ""
    # "statement": what the check reports inside a top-level statement depends only on that
    # statement and the module's imports, constants, star import and ``__main__`` blocks, so an
    # edit re-checks only the statements it touched (``baes.standards.statement_rules``);
    # "module": anything in the file may matter, every check runs over the whole file
    scope: str = "module"

    @property
    def short_description(self) -> str:
        """One line for listings and SARIF (the summary, else the name as a sentence)."""
        if self.summary:
            return self.summary
        return self.name[:1].upper() + self.name[1:].replace("-", " ") + "."

    @property
    def kind(self) -> str:
        """The SWEA type the rule belongs to, or ``structure`` for rules of every file (docs, listings)."""
        return self.swea_type.value if self.swea_type else "structure"

    @property
    def patch_type(self) -> str | None:
        """The name of the patch type that fixes it (``FixSpec.patch_type``)."""
        return self.patch.name if self.patch is not None else None

    @property
    def fix_safety(self) -> FixSafety | None:
        """The safety of its fix: what its patch type declares (None: no automatic fix)."""
        return self.patch.safety if self.patch is not None else None

    @property
    def fixable(self) -> bool:
        return self.patch is not None

    def options_with(self, values: Mapping[str, Any]) -> RuleOptions:
        """The rule's options with the valid ``values`` (from settings) over the defaults."""
        return self.options.merged(values) if values else self.options

    def applies_to_swea(self, swea: SWEAType | None) -> bool:
        if self.applies_to is None:
            return True
        return swea is not None and swea in self.applies_to

    def format_message(self, args: Mapping[str, Any]) -> str:
        """The message template filled with a violation's arguments (never raises)."""
        try:
            return self.message.format(**args)
        except (KeyError, IndexError, ValueError):
            return self.message

    def documentation_markdown(self) -> str:
        """The rule's one documentation text (``baes explain``, hover, docs)."""
        kind = self.kind
        out: list[str] = [f"## {self.id} `{self.name}`", ""]
        out.append(
            f"*{kind}* · severity **{self.severity.value}** · confidence {self.confidence:.2f}"
            + (" · **critical**" if self.critical else "")
            + " · profiles: "
            + ", ".join(p for p in PROFILES if p in self.profiles)
        )
        out += ["", "### What it does", "", self.short_description]
        out += ["", "### Why it matters", "", self.why.strip()]
        if self.notes:
            out += ["", self.notes.strip()]
        if self.invalid_examples:
            out += ["", "### Example", "", "```python", self.invalid_examples[0].code.strip("\n"), "```"]
        if self.valid_examples:
            out += ["", "### Use instead", "", "```python", self.valid_examples[0].code.strip("\n"), "```"]
        out += ["", "### How to fix", "", self.how_to_fix.strip()]
        out += ["", "### Fix safety", ""]
        if self.fix_safety is None:
            out.append("No automatic fix.")
        elif self.fix_safety is FixSafety.SAFE:
            out.append(f"Safe automatic fix (`{self.patch_type}`): applied by fix-all.")
        else:
            out.append(
                f"Unsafe automatic fix (`{self.patch_type}`): it can change behaviour, so it is only "
                "applied on request (`--unsafe-fixes` or the editor's quick fix)."
            )
        out += ["", "### Options", ""]
        if self.options:
            for name, value in self.options.items():
                out.append(f"- `{name}` (default `{toml_value(value)}`)")
            out.append("")
            out.append(f"Set them in `[tool.baes.rules.{self.id}]` (pyproject.toml) or `[rules.{self.id}]` (baes.toml).")
        else:
            out.append("None.")
        return "\n".join(out) + "\n"
