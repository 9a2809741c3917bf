"""Parsing only the region around a target with libcst, and writing it back.

A region is either whole lines holding complete statements (a function with its
decorators, a ``try`` statement, the import block) or the exact extent of one expression.
An indented region is parsed under a one-line ``if True:`` wrapper (in the file's own
newline), so a method or a nested ``try`` parses without touching any of its bytes.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from baes.fixes.patches.base import PatchFailure, Replacement
from baes.fixes.patches.source import FunctionInfo, PatchSource, first_line, tightened
from baes.fixes.text_edits import NEWLINE

if TYPE_CHECKING:  # pragma: no cover
    import libcst as cst  # lazy: 0.28 s (python -X importtime); only fixes need it

_INDENT = re.compile(r"[ \t\f]*")


@dataclass
class LinesSnippet:
    """Whole lines ``source[start:end]`` parsed as statements."""

    start: int
    end: int
    text: str
    prefix: str
    module: cst.Module
    suffix: str = ""  # synthetic text appended for parsing (a ``pass`` body), removed on render
    cr_only: bool = False  # the region breaks lines with a lone ``\r``: parsed with ``\n`` (see ``parse_lines``)

    @property
    def body(self) -> Sequence[cst.BaseStatement]:
        if self.prefix:
            return self._block(self.module.body[0]).body
        return self.module.body

    @staticmethod
    def _block(wrapper: cst.BaseStatement) -> cst.IndentedBlock:
        """The indented body of the synthetic header statement the region was parsed under."""
        import libcst as cst  # libcst loads only when a fix is built (docs/architecture.md)

        assert isinstance(wrapper, cst.BaseCompoundStatement)  # the header ``parse_lines`` put there
        return cst.ensure_type(wrapper.body, cst.IndentedBlock)

    def render(self, body: Sequence[cst.BaseStatement], drop_header: bool = False) -> str:
        """The region's new text with ``body`` in place of its statements (and no header lines)."""
        if self.prefix:
            wrapper = self.module.body[0]
            module = self.module.with_changes(
                body=[wrapper.with_changes(body=self._block(wrapper).with_changes(body=list(body)))]
            )
        else:
            module = self.module.with_changes(body=list(body))
        if drop_header:
            module = module.with_changes(header=[])
        code = module.code
        if self.cr_only:
            code = code.replace("\n", "\r")
        if not code.startswith(self.prefix) or not code.endswith(self.suffix):
            raise PatchFailure("internal error: the parsing wrapper was lost")
        return code[len(self.prefix) : len(code) - len(self.suffix)]

    def replacement(self, body: Sequence[cst.BaseStatement], drop_header: bool = False) -> Replacement | None:
        return tightened(self.start, self.text, self.render(body, drop_header))


def parse_lines(source: PatchSource, start: int, end: int, suffix: str = "") -> LinesSnippet:
    """Parse whole lines ``source.text[start:end]`` (complete statements, or a header
    completed by ``suffix``) with libcst."""
    import libcst as cst  # lazy: 0.28 s (python -X importtime); only fixes need it

    text = source.text[start:end]
    indent = _INDENT.match(text)
    prefix = ""
    if indent and indent.group():
        match = NEWLINE.search(text)
        prefix = "if True:" + (match.group() if match else source.newline)
    parsed = prefix + text + suffix
    # libcst drops a final lone "\r" (old Mac line endings), so such a region is parsed with "\n"
    # in its place and turned back on render: one character for one, no "\n" in the text to confuse
    cr_only = "\r" in parsed and "\n" not in parsed
    try:
        module = cst.parse_module(parsed.replace("\r", "\n") if cr_only else parsed)
    except Exception as exc:  # libcst raises ParserSyntaxError and, on odd input, others
        raise PatchFailure(f"could not parse the code around the target: {_first_line(exc)}") from None
    snippet = LinesSnippet(start, end, text, prefix, module, suffix, cr_only)
    if prefix and (len(module.body) != 1 or not isinstance(module.body[0], cst.If)):
        raise PatchFailure("could not isolate the code around the target")
    return snippet


def parse_function(source: PatchSource, info: FunctionInfo) -> tuple[LinesSnippet, cst.FunctionDef]:
    """The snippet of ``info``'s decorators and signature, and its libcst ``FunctionDef``.

    Patches that change decorators never need the body: it is replaced by a synthetic
    ``pass``, so a long function costs no more than a short one. One-line functions
    (``def f(): pass``) are parsed whole.
    """
    import libcst as cst  # lazy: 0.28 s (python -X importtime); only fixes need it

    func = info.node
    snippet = _parse_header(source, func)
    body = list(snippet.body)
    if len(body) != 1 or not isinstance(body[0], cst.FunctionDef) or body[0].name.value != func.name:
        raise PatchFailure(f"could not isolate function {info.qualname!r}")
    return snippet, body[0]


def _parse_header(source: PatchSource, func: ast.FunctionDef | ast.AsyncFunctionDef) -> LinesSnippet:
    start, end = source.statement_lines(func)
    first = func.body[0]
    body_line = first_line(first)
    header_end = source.line_start(body_line)
    line_text = source.text[header_end : source.lines.line_end(body_line)]
    indent = line_text[: len(line_text) - len(line_text.lstrip(" \t\f"))]
    if body_line <= func.lineno or header_end <= start or not indent or source.col(first) != len(indent):
        return parse_lines(source, start, end)
    newline_match = NEWLINE.search(source.text, start, header_end)
    newline = newline_match.group() if newline_match else source.newline
    return parse_lines(source, start, header_end, suffix=f"{indent}pass{newline}")


@dataclass
class ExpressionSnippet:
    """The exact extent ``source[start:end]`` of one expression, parsed with libcst."""

    start: int
    end: int
    text: str
    node: Any

    def replacement(self, new_node: Any) -> Replacement | None:
        import libcst as cst  # lazy: 0.28 s (python -X importtime); only fixes need it

        code = cst.Module(body=[]).code_for_node(new_node)
        return tightened(self.start, self.text, code)


def parse_expression(source: PatchSource, node: ast.AST) -> ExpressionSnippet:
    """The exact extent of ``node`` in the source, parsed with libcst."""
    import libcst as cst  # lazy: 0.28 s (python -X importtime); only fixes need it

    start, end = source.start(node), source.end(node)
    text = source.text[start:end]
    try:
        parsed = cst.parse_expression(text)
    except Exception:
        # an expression spanning lines inside brackets that ``ast`` leaves out of its extent
        try:
            parsed = cst.parse_expression("(" + text + ")")
        except Exception as exc:
            raise PatchFailure(f"could not parse the expression at the target: {_first_line(exc)}") from None
        if len(parsed.lpar) != 1:
            raise PatchFailure("could not isolate the expression at the target") from None
        parsed = parsed.with_changes(lpar=[], rpar=[])
    return ExpressionSnippet(start, end, text, parsed)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
