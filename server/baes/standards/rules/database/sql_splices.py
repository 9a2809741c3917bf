"""DB002's reading of SQL built from strings: what is spliced in, where, and whether the code vouches for it.

A splice is reported when a placeholder could take its place (a value position, a quoted SQL
string) or when it could carry anything (a clause fragment), and the value is not vouched for.
A splice where SQL expects a name (a table or column, ``PRAGMA``, DDL) is not: a placeholder
cannot hold an identifier, so the advice would be impossible (``sql_text.splice_kinds`` decides,
with the lexer the ``parameterize_sql`` fix uses). Vouched for: constants and UPPER_CASE names,
placeholder lists built from ``?`` literals, numbers (``int(x)``), identifiers quoted by a
helper (``quote_identifier(x)``), parameters typed ``Literal[...]`` or an enum, and names
the function checks against an allow-list (``if x not in ALLOWED: raise``), ``isidentifier()``,
a pattern or a validating helper before use, numbers formatted as numbers (``%d``), and text
built only from such pieces (a choice between constants, a join of constant or quoted pieces,
an f-string whose other splices are names).
"""

from __future__ import annotations

import ast
import re
import string

from baes.fixes.patches.sql_text import Text, Value, splice_kinds
from baes.standards.index import SourceIndex, dotted_name
from baes.standards.patterns import is_upper_constant_name
from baes.standards.rules.database.reaching import reaching_values

_SAFE_CALLS = frozenset({"int", "float", "len", "bool", "round", "abs"})
_QUOTING_CALL = re.compile(r"quote|escape|ident|sanitiz", re.IGNORECASE)
_VALIDATING_CALL = re.compile(r"valid|check|ensure|assert|verify|sanitiz|allow", re.IGNORECASE)
_STR_CHECKS = frozenset({"isidentifier", "isalnum", "isalpha", "isdigit", "isdecimal", "isnumeric", "isascii"})
_PATTERN_CHECKS = frozenset({"match", "fullmatch"})
_PERCENT = re.compile(r"%(?:\(([^)]*)\))?[-#0 +]*(?:\d+|\*)?(?:\.(?:\d+|\*))?([a-zA-Z%])")
_EXITS = (ast.Raise, ast.Return, ast.Continue, ast.Break)
_NUMERIC_CONVERSIONS = frozenset("dieEfFgGxXob")
_LIST_ADDS = frozenset({"append", "extend", "insert"})
_DEPTH = 3  # how far names and joins are followed into what builds them


def segments(node: ast.expr) -> list[Text | Value] | None:
    """The query as literal text and spliced values, or None when its shape is not readable."""
    if isinstance(node, ast.JoinedStr):
        out: list[Text | Value] = []
        for part in node.values:
            if isinstance(part, ast.Constant) and isinstance(part.value, str):
                out.append(Text(0, part.value))
            elif isinstance(part, ast.FormattedValue):
                out.append(Value(0, part.value))
        return out
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        template = _str_value(node.left)
        return _percent_segments(template, node.right) if template is not None else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        joined: list[Text | Value] = []
        for part in concat_parts(node):
            text = _str_value(part)
            if text is not None:
                joined.append(Text(0, text))
            elif isinstance(part, ast.JoinedStr):
                joined += segments(part) or []
            else:
                joined.append(Value(0, part))
        return joined
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        template = _str_value(node.func.value)
        return _format_segments(template, node) if template is not None else None
    return None


def _str_value(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _is_str(node: ast.expr) -> bool:
    return _str_value(node) is not None


def concat_parts(node: ast.expr) -> list[ast.expr]:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return concat_parts(node.left) + concat_parts(node.right)
    return [node]


def _percent_segments(text: str, right: ast.expr) -> list[Text | Value] | None:
    values = list(right.elts) if isinstance(right, ast.Tuple) else [right]
    named = (
        {k.value: v for k, v in zip(right.keys, right.values, strict=True) if isinstance(k, ast.Constant)}
        if isinstance(right, ast.Dict)
        else {}
    )
    out: list[Text | Value] = []
    cursor, position = 0, 0
    for m in _PERCENT.finditer(text):
        out.append(Text(0, text[cursor : m.start()]))
        cursor = m.end()
        if m.group(2) == "%":
            out.append(Text(0, "%"))
            continue
        if m.group(1) is not None:
            value = named.get(m.group(1))
        else:
            value = values[position] if position < len(values) and not named else None
            position += 1
        if value is None:
            return None
        out.append(Value(0, value))
    out.append(Text(0, text[cursor:]))
    return out


def _format_segments(text: str, call: ast.Call) -> list[Text | Value] | None:
    keywords = {k.arg: k.value for k in call.keywords if k.arg}
    out: list[Text | Value] = []
    auto = 0
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        return None
    for literal, field, _spec, _conversion in parsed:
        out.append(Text(0, literal))
        if field is None:
            continue
        head = re.split(r"[.\[]", field, maxsplit=1)[0]
        value: ast.expr | None
        if head == "":
            value = call.args[auto] if auto < len(call.args) else None
            auto += 1
        elif head.isdigit():
            value = call.args[int(head)] if int(head) < len(call.args) else None
        else:
            value = keywords.get(head)
        if value is None:
            return None
        out.append(Value(0, value))
    return out


def spliced_values(node: ast.expr) -> list[ast.expr]:
    """Every value spliced into ``node`` (whatever its position)."""
    if isinstance(node, ast.JoinedStr):
        return [v.value for v in node.values if isinstance(v, ast.FormattedValue)]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and _is_str(node.left):
        right = node.right
        if isinstance(right, ast.Dict):
            return list(right.values)
        return list(right.elts) if isinstance(right, ast.Tuple) else [right]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        parts = concat_parts(node)
        if not any(_is_str(p) or isinstance(p, ast.JoinedStr) for p in parts):
            return []
        out: list[ast.expr] = []
        for p in parts:
            out += spliced_values(p) if isinstance(p, ast.JoinedStr) else ([] if _is_str(p) else [p])
        return out
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        if _is_str(node.func.value):
            return list(node.args) + [k.value for k in node.keywords]
    return []


def first_text(node: ast.expr) -> str:
    """The literal text the query starts with (to tell SQL from other strings a helper returns)."""
    parts = segments(node) or []
    return "".join(p.value for p in parts[:1] if isinstance(p, Text))


def dynamic_sql(
    node: ast.expr, index: SourceIndex, scope: ast.AST | None, use: ast.AST | None = None, *, fragments: bool = False
) -> bool:
    """Whether ``node`` splices into SQL text a value a placeholder could replace (or that could
    carry anything) and that the code does not vouch for; local names are looked up in ``scope``,
    checks must come before ``use`` (the call running the query). With ``fragments``, a splice
    in no value position is taken as SQL the caller passes by contract (a ``where`` clause whose
    values travel as parameters of the same call), so only value positions count."""
    values = spliced_values(node)
    if not values:
        return False
    parts = segments(node)
    kinds = splice_kinds(parts) if parts is not None else ["other"] * len(values)
    spliced = [p.node for p in parts if isinstance(p, Value)] if parts is not None else values
    counted = ("value",) if fragments else ("value", "other")
    numeric = numeric_values(node)
    return any(
        kind in counted and id(value) not in numeric and not _safe_part(value, index, scope, use)
        for value, kind in zip(spliced, kinds, strict=True)
    )


def numeric_values(node: ast.expr) -> set[int]:
    """Ids of values formatted as numbers (``%d``, ``{n:d}``, ``{x:.2f}``): formatting raises
    on anything else, so they cannot carry SQL text."""
    out: set[int] = set()
    if isinstance(node, ast.JoinedStr):
        for part in node.values:
            if isinstance(part, ast.FormattedValue) and _numeric_spec(part.format_spec):
                out.add(id(part.value))
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and _is_str(node.left):
        right = node.right
        values = list(right.elts) if isinstance(right, ast.Tuple) else [right]
        position = 0
        for m in _PERCENT.finditer(str(_str_value(node.left))):
            if m.group(2) == "%" or m.group(1) is not None:
                continue
            if m.group(2) in _NUMERIC_CONVERSIONS and position < len(values):
                out.add(id(values[position]))
            position += 1
    return out


def _numeric_spec(spec: ast.expr | None) -> bool:
    text = "".join(v.value for v in getattr(spec, "values", []) if isinstance(v, ast.Constant) and isinstance(v.value, str))
    return bool(text) and text[-1] in _NUMERIC_CONVERSIONS


def _placeholder_builder(node: ast.AST) -> bool:
    """An expression that builds placeholders or ``col = ?`` lists (holds a literal ``?``)."""
    return any(isinstance(n, ast.Constant) and isinstance(n.value, str) and "?" in n.value for n in ast.walk(node))


def _safe_part(node: ast.expr, index: SourceIndex, scope: ast.AST | None, use: ast.AST | None, depth: int = 0) -> bool:
    """A spliced value that cannot carry arbitrary text into the query: a constant, a number, a
    quoted identifier, a vouched-for name, or text built only from such pieces (a choice between
    them, a join of them, an f-string whose other splices are names)."""
    if isinstance(node, ast.Constant):
        return True
    if depth > _DEPTH:
        return False
    if isinstance(node, ast.Call):
        name = (dotted_name(node.func) or "").split(".")[-1]
        if name in _SAFE_CALLS or _QUOTING_CALL.search(name):
            return True
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "join" and _is_str(func.value) and len(node.args) == 1:
            return _safe_items(node.args[0], index, scope, use, depth + 1)
    if isinstance(node, ast.Attribute) and is_upper_constant_name(node.attr):
        return True
    if isinstance(node, ast.IfExp):
        return all(_safe_part(branch, index, scope, use, depth + 1) for branch in (node.body, node.orelse))
    if isinstance(node, ast.Name):
        if is_upper_constant_name(node.id):
            return True
        if scope is None:
            return False
        if _vouched(index, scope, node.id, use):
            return True
        values = _values_of(index, scope, node.id, use)
        return bool(values) and all(_placeholder_builder(v) or _safe_part(v, index, scope, use, depth + 1) for v in values)
    if _placeholder_builder(node):
        return True
    return _built_from_safe(node, index, scope, use, depth + 1)


def _values_of(index: SourceIndex, scope: ast.AST, name: str, use: ast.AST | None) -> list[ast.expr]:
    """What ``name`` may hold at ``use`` (every assignment in ``scope`` when there is no use)."""
    if use is None or isinstance(scope, ast.Module):
        return assigned_values(index, scope, name)
    return reaching_values(scope, name, before_line(use))


def _built_from_safe(node: ast.expr, index: SourceIndex, scope: ast.AST | None, use: ast.AST | None, depth: int) -> bool:
    """Text built by formatting whose every splice is a name in it or a safe value."""
    parts = segments(node)
    if parts is None or not any(isinstance(p, Value) for p in parts):
        return False
    numeric = numeric_values(node)
    values = [p.node for p in parts if isinstance(p, Value)]
    return all(
        kind in ("name", "comment") or id(value) in numeric or _safe_part(value, index, scope, use, depth)
        for value, kind in zip(values, splice_kinds(parts), strict=True)
    )


def _safe_items(node: ast.expr, index: SourceIndex, scope: ast.AST | None, use: ast.AST | None, depth: int) -> bool:
    """What ``sep.join(node)`` joins is safe: a comprehension of safe items, a literal list of
    them, or a local list assigned and extended only with them."""
    if isinstance(node, (ast.ListComp, ast.GeneratorExp, ast.SetComp)):
        return _placeholder_builder(node.elt) or _safe_part(node.elt, index, scope, use, depth)
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return all(_placeholder_builder(e) or _safe_part(e, index, scope, use, depth) for e in node.elts)
    if isinstance(node, ast.Name) and scope is not None and depth <= _DEPTH:
        values = assigned_values(index, scope, node.id)
        added = [
            arg
            for call in index.calls_to(*_LIST_ADDS)
            if isinstance(call.func, ast.Attribute)
            and isinstance(call.func.value, ast.Name)
            and call.func.value.id == node.id
            and _in_scope(index, call, scope)
            for arg in call.args[-1:]
        ]
        extended = [a for a in added if isinstance(a, (ast.List, ast.Tuple, ast.ListComp, ast.GeneratorExp))]
        return (
            bool(values)
            and all(_safe_items(v, index, scope, use, depth + 1) for v in values + extended)
            and all(_placeholder_builder(a) or _safe_part(a, index, scope, use, depth + 1) for a in added if a not in extended)
        )
    return False


def _in_scope(index: SourceIndex, node: ast.AST, scope: ast.AST) -> bool:
    holder = index.enclosing_function(node)
    return holder is scope or (holder is None and isinstance(scope, ast.Module))


def assigned_values(index: SourceIndex, scope: ast.AST, name: str) -> list[ast.expr]:
    """Values assigned to ``name`` by ``scope``'s own statements (order does not matter to callers)."""
    values: list[ast.expr] = []
    for n in index.own_statements(scope, ast.Assign):
        if any(isinstance(t, ast.Name) and t.id == name for t in n.targets):
            values.append(n.value)
    target_kinds: tuple[type[ast.AnnAssign | ast.AugAssign], ...] = (ast.AnnAssign, ast.AugAssign)
    for kind in target_kinds:
        for stmt in index.own_statements(scope, kind):
            target = stmt.target
            if isinstance(target, ast.Name) and target.id == name and stmt.value is not None:
                values.append(stmt.value)
    return values


def _vouched(index: SourceIndex, scope: ast.AST, name: str, use: ast.AST | None) -> bool:
    """Whether ``scope`` restricts ``name`` before ``use``: by its parameter's type, an allow-list
    check, ``isidentifier()``, a pattern, or a validating helper."""
    if isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef)) and _typed_safely(index, scope, name):
        return True
    before = getattr(use, "lineno", None)
    for stmt in index.own_statements(scope, ast.Assert):
        if _checks(stmt.test, name) and (before is None or stmt.lineno < before):
            return True
    for branch in index.own_statements(scope, ast.If):
        if not _checks(branch.test, name):
            continue
        guards_use = use is not None and branch.body[0].lineno <= before_line(use) <= (branch.end_lineno or 0)
        exits = isinstance(branch.body[-1], _EXITS) and (before is None or branch.lineno < before)
        if guards_use or exits:
            return True
    for expr in index.own_statements(scope, ast.Expr):
        call = expr.value
        if isinstance(call, ast.Call) and (before is None or expr.lineno < before):
            called = (dotted_name(call.func) or "").split(".")[-1]
            if _VALIDATING_CALL.search(called) and any(isinstance(a, ast.Name) and a.id == name for a in call.args):
                return True
    return False


def before_line(node: ast.AST) -> int:
    return int(getattr(node, "lineno", 0))


def _checks(test: ast.expr, name: str) -> bool:
    """A test restricting ``name``: ``name in ALLOWED``, ``name.isidentifier()``, ``PATTERN.fullmatch(name)``."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return _checks(test.operand, name)
    if isinstance(test, ast.BoolOp):
        return any(_checks(v, name) for v in test.values)
    if isinstance(test, ast.Compare) and isinstance(test.left, ast.Name) and test.left.id == name:
        return all(isinstance(op, (ast.In, ast.NotIn)) for op in test.ops)
    if isinstance(test, ast.Call) and isinstance(test.func, ast.Attribute):
        owner = test.func.value
        if test.func.attr in _STR_CHECKS and isinstance(owner, ast.Name) and owner.id == name:
            return True
        if test.func.attr in _PATTERN_CHECKS:
            return any(isinstance(a, ast.Name) and a.id == name for a in test.args)
    if isinstance(test, ast.Call):
        called = (dotted_name(test.func) or "").split(".")[-1]
        return bool(_VALIDATING_CALL.search(called)) and any(isinstance(a, ast.Name) and a.id == name for a in test.args)
    return False


def _typed_safely(index: SourceIndex, func: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> bool:
    args = func.args
    for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs]:
        if arg.arg != name or arg.annotation is None:
            continue
        annotation = arg.annotation
        if isinstance(annotation, ast.Subscript):
            return (dotted_name(annotation.value) or "").split(".")[-1] == "Literal"
        typed = (dotted_name(annotation) or "").split(".")[-1]
        # not ``int``: an annotation is not enforced outside a framework, and a placeholder fits a number
        return typed in _enum_classes(index)
    return False


def _enum_classes(index: SourceIndex) -> frozenset[str]:
    """Classes of this file that are enums (their members are fixed names)."""

    def compute(ix: SourceIndex) -> frozenset[str]:
        return frozenset(
            c.name for c in ix.nodes(ast.ClassDef) if any((dotted_name(b) or "").split(".")[-1].endswith("Enum") for b in c.bases)
        )

    return index.memo("enum_classes", compute)
