"""``parameterize_sql``: SQL built by string formatting becomes a ``?`` query plus parameters.

Handles an f-string, ``%``-formatting, ``.format()`` and ``+`` concatenation as the first
argument of ``.execute(...)`` when the call passes no parameters yet. Each literal part keeps
its quotes and prefix (implicitly concatenated parts stay separate), except a ``+`` chain,
which becomes one literal. Which interpolations may become placeholders is decided by
``sql_text``; when any may not, the patch fails and nothing changes.
"""

from __future__ import annotations

import ast
import re
import string
from typing import Any

from baes.fixes.patches.base import PatchFailure, PatchPlan
from baes.fixes.patches.patch_type import Param, PatchType
from baes.fixes.patches.sequences import insert_element
from baes.fixes.patches.snippets import parse_expression
from baes.fixes.patches.source import PatchSource
from baes.fixes.patches.sql_text import Text, Value, render_string, rewrite
from baes.standards.findings import FixSafety

_PERCENT = re.compile(r"%(?:\(([^)]*)\))?([-#0 +]*)(\d+|\*)?(?:\.(\d+|\*))?([a-zA-Z%])")


def _find_call(source: PatchSource, line: int, col: int) -> ast.Call:
    for call in source.index.nodes(ast.Call):
        if call.args and call.args[0].lineno == line and source.col(call.args[0]) == col:
            if isinstance(call.func, ast.Attribute) and call.func.attr == "execute":
                return call
            raise PatchFailure(
                "only the query of `.execute(...)` can be parameterized (executemany/executescript take no such tuple)"
            )
    raise PatchFailure(f"no `.execute(...)` call has its query at line {line}, column {col}")


def plan_parameterize_sql(source: PatchSource, line: int, col: int) -> PatchPlan:
    """Patch type ``parameterize_sql``."""
    import libcst as cst  # lazy: 0.28 s (python -X importtime); only fixes need it

    call_node = _find_call(source, line, col)
    function = source.function_at(line)
    description = "use `?` placeholders and a parameter tuple"
    noop = PatchPlan("parameterize_sql", (), line=line, function=function, description=description)
    snippet = parse_expression(source, call_node)
    call = snippet.node
    if not isinstance(call, cst.Call) or not call.args:
        raise PatchFailure("could not isolate the `.execute(...)` call")
    query = call.args[0].value
    if _is_plain(query):
        return noop  # no interpolation left: already parameterized (or constant SQL)
    if len(call.args) != 1 or any(a.star for a in call.args):
        raise PatchFailure("the call already passes parameters; merge them by hand")
    new_query, params = _rewrite_query(query)
    if not params:
        return noop
    elements = [cst.Element(value=p.with_changes(lpar=[], rpar=[]) if _bare_parens_ok(p) else p) for p in params]
    elements = [
        e.with_changes(
            comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
            if i < len(elements) - 1
            else (cst.Comma() if len(elements) == 1 else cst.MaybeSentinel.DEFAULT)
        )
        for i, e in enumerate(elements)
    ]
    params_tuple = cst.Tuple(elements=elements)
    args = [call.args[0].with_changes(value=new_query)]
    args = insert_element(args, 1, cst.Arg(value=params_tuple), call.whitespace_before_args)
    new_call = call.with_changes(args=args)
    replacement = snippet.replacement(new_call)
    return PatchPlan(
        "parameterize_sql",
        (replacement,) if replacement else (),
        contexts=(source.statement_lines(call_node),),
        line=line,
        function=function,
        description=description,
    )


def _bare_parens_ok(node: Any) -> bool:
    """Parentheses around a parameter are redundant inside the tuple (kept for generators)."""
    import libcst as cst  # lazy: 0.28 s (python -X importtime); only fixes need it

    return bool(node.lpar) and not isinstance(node, (cst.GeneratorExp, cst.Yield, cst.Tuple))


def _is_plain(node: Any) -> bool:
    import libcst as cst  # lazy: 0.28 s (python -X importtime); only fixes need it

    if isinstance(node, cst.SimpleString):
        return True
    if isinstance(node, cst.ConcatenatedString):
        return _is_plain(node.left) and _is_plain(node.right)
    return False


def _string_parts(node: Any) -> list[Any]:
    """The literal parts of a string expression (implicit concatenation flattened)."""
    import libcst as cst  # lazy: 0.28 s (python -X importtime); only fixes need it

    if isinstance(node, cst.ConcatenatedString):
        return _string_parts(node.left) + _string_parts(node.right)
    if isinstance(node, (cst.SimpleString, cst.FormattedString)):
        return [node]
    raise PatchFailure("the query is not built from string literals")


def _decode(part: Any) -> str:
    """The value of a plain string literal part (bytes refused)."""
    value = ast.literal_eval(part.value)
    if not isinstance(value, str):
        raise PatchFailure("a bytes query cannot be parameterized")
    return value


def _decode_fstring_text(part: Any, raw: str) -> str:
    prefix = part.prefix.lower().replace("f", "")
    quote = part.start[len(part.prefix) :]
    try:
        value = ast.literal_eval(prefix + quote + raw.replace("{{", "{").replace("}}", "}") + quote)
    except (SyntaxError, ValueError):
        raise PatchFailure("could not read the f-string's text") from None
    if not isinstance(value, str):
        raise PatchFailure("a bytes query cannot be parameterized")
    return value


def _quote_of(part: Any) -> tuple[str, str]:
    import libcst as cst  # lazy: 0.28 s (python -X importtime); only fixes need it

    if isinstance(part, cst.FormattedString):
        return part.prefix, part.start[len(part.prefix) :]
    return part.prefix, part.quote


def _rebuild(node: Any, texts: dict[int, str], counter: list[int]) -> Any:
    """The string expression with each part replaced by its rewritten text (same layout)."""
    import libcst as cst  # lazy: 0.28 s (python -X importtime); only fixes need it

    if isinstance(node, cst.ConcatenatedString):
        left = _rebuild(node.left, texts, counter)
        right = _rebuild(node.right, texts, counter)
        return node.with_changes(left=left, right=right)
    index = counter[0]
    counter[0] += 1
    prefix, quote = _quote_of(node)
    literal = render_string(texts.get(index, ""), prefix, quote)
    return cst.SimpleString(value=literal, lpar=node.lpar, rpar=node.rpar)


def _rewrite_query(query: Any) -> tuple[Any, list[Any]]:
    import libcst as cst  # lazy: 0.28 s (python -X importtime); only fixes need it

    if isinstance(query, (cst.FormattedString, cst.ConcatenatedString)):
        parts = _string_parts(query)
        segments = _fstring_segments(parts)
        texts, params = rewrite(segments)
        return _rebuild(query, texts, [0]), params
    if isinstance(query, cst.BinaryOperation) and isinstance(query.operator, cst.Modulo):
        parts = _string_parts(query.left)
        segments = _percent_segments(parts, query.right)
        texts, params = rewrite(segments)
        return _keep_parens(_rebuild(query.left, texts, [0]), query), params
    if isinstance(query, cst.Call) and isinstance(query.func, cst.Attribute) and query.func.attr.value == "format":
        parts = _string_parts(query.func.value)
        segments = _format_segments(parts, query.args)
        texts, params = rewrite(segments)
        return _keep_parens(_rebuild(query.func.value, texts, [0]), query), params
    if isinstance(query, cst.BinaryOperation) and isinstance(query.operator, cst.Add):
        items = _flatten_add(query)
        first = next((i for i in items if isinstance(i, cst.SimpleString)), None)
        if first is None:
            raise PatchFailure("the query has no string literal to rewrite")
        segments = [Text(0, _decode(i)) if isinstance(i, cst.SimpleString) else Value(0, i, "concatenated value") for i in items]
        texts, params = rewrite(segments)
        literal = render_string(texts.get(0, ""), first.prefix, first.quote)
        return cst.SimpleString(value=literal, lpar=query.lpar, rpar=query.rpar), params
    raise PatchFailure("the query is neither an f-string, %-formatting, .format() nor a concatenation")


def _keep_parens(new: Any, old: Any) -> Any:
    if old.lpar and not new.lpar:
        return new.with_changes(lpar=old.lpar, rpar=old.rpar)
    return new


def _flatten_add(node: Any) -> list[Any]:
    import libcst as cst  # lazy: 0.28 s (python -X importtime); only fixes need it

    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add) and not node.lpar:
        return _flatten_add(node.left) + _flatten_add(node.right)
    if isinstance(node, cst.ConcatenatedString) and _is_plain(node):
        return [cst.SimpleString(repr("".join(_decode(p) for p in _string_parts(node))))]
    if isinstance(node, cst.FormattedString):
        raise PatchFailure("an f-string inside a concatenation: rewrite the query by hand")
    return [node]


def _fstring_segments(parts: list[Any]) -> list[Text | Value]:
    import libcst as cst  # lazy: 0.28 s (python -X importtime); only fixes need it

    segments: list[Text | Value] = []
    for index, part in enumerate(parts):
        if isinstance(part, cst.SimpleString):
            segments.append(Text(index, _decode(part)))
            continue
        for piece in part.parts:
            if isinstance(piece, cst.FormattedStringText):
                segments.append(Text(index, _decode_fstring_text(part, piece.value)))
            else:
                if piece.conversion or piece.format_spec or piece.equal:
                    raise PatchFailure("an f-string field with a conversion or format spec formats the value; fix by hand")
                segments.append(Value(index, piece.expression, "f-string field"))
    return segments


def _percent_segments(parts: list[Any], right: Any) -> list[Text | Value]:
    import libcst as cst  # lazy: 0.28 s (python -X importtime); only fixes need it

    if isinstance(right, cst.Tuple) and not any(isinstance(e, cst.StarredElement) for e in right.elements):
        values = [e.value for e in right.elements]
    elif isinstance(right, (cst.Dict, cst.Tuple)):
        raise PatchFailure("named or starred %-formatting: fix by hand")
    else:
        values = [right]
    segments: list[Text | Value] = []
    used = 0
    for index, part in enumerate(parts):
        text = _decode(part)
        cursor = 0
        for match in _PERCENT.finditer(text):
            if match.start() > cursor:
                segments.append(Text(index, text[cursor : match.start()]))
            cursor = match.end()
            key, flags, width, precision, kind = match.groups()
            if kind == "%":
                segments.append(Text(index, "%"))
                continue
            if key is not None or flags or width or precision or kind not in "sdi":
                raise PatchFailure(f"the %-format {match.group()!r} formats the value; fix by hand")
            if used >= len(values):
                raise PatchFailure("more %-placeholders than values")
            segments.append(Value(index, values[used], "%-formatted value"))
            used += 1
        if cursor < len(text):
            segments.append(Text(index, text[cursor:]))
    if used != len(values):
        raise PatchFailure(f"{len(values)} values for {used} %-placeholders (a single name may hold a tuple)")
    return segments


def _format_segments(parts: list[Any], args: Any) -> list[Text | Value]:
    positional = []
    keywords: dict[str, Any] = {}
    for arg in args:
        if arg.star:
            raise PatchFailure("`.format(*args/**kwargs)`: fix by hand")
        if arg.keyword is not None:
            keywords[arg.keyword.value] = arg.value
        else:
            positional.append(arg.value)
    segments: list[Text | Value] = []
    auto = 0
    for index, part in enumerate(parts):
        try:
            fields = list(string.Formatter().parse(_decode(part)))
        except ValueError as exc:
            raise PatchFailure(f"could not read the format string: {exc}") from None
        for literal, name, spec, conversion in fields:
            if literal:
                segments.append(Text(index, literal))
            if name is None:
                continue
            if spec or conversion:
                raise PatchFailure("a format field with a conversion or spec formats the value; fix by hand")
            if name == "":
                key: int | str = auto
                auto += 1
            elif name.isdigit():
                key = int(name)
            elif name.isidentifier():
                key = name
            else:
                raise PatchFailure(f"the format field {{{name}}} reads an attribute or item; fix by hand")
            try:
                value = positional[key] if isinstance(key, int) else keywords[key]
            except (IndexError, KeyError):
                raise PatchFailure(f"the format field {{{name}}} has no value") from None
            segments.append(Value(index, value, "formatted value"))
    return segments


class ParameterizeSql(PatchType):
    """``parameterize_sql``: use ? placeholders and a parameter tuple."""

    name = "parameterize_sql"
    params = (
        Param("line", int, help="line of the query argument"),
        Param("col", int, help="column where the query argument starts"),
    )
    summary = "use ? placeholders and a parameter tuple"
    safety = FixSafety.UNSAFE
    safety_reason = (
        "a value sent as a parameter is typed as the Python value, not as text spliced into SQL (`'5'` vs `5`, "
        "`None` vs `'None'`), so comparisons and stored values may differ"
    )
    planner = staticmethod(plan_parameterize_sql)
