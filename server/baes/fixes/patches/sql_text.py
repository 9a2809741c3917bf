"""Rewriting interpolated SQL text into ``?`` placeholders (pure text, no libcst).

The input is the query as a sequence of segments: text (already decoded Python string
values, tagged with the literal they come from) and interpolated values. Every value must
sit where SQL expects a value (after ``=``, ``<``, ``LIKE``, ``LIMIT``, ``BETWEEN ... AND``,
inside ``VALUES (...)`` or ``IN (...)``, ...), as a token of its own or quoted on its own
(``'{name}'`` becomes ``?``). Anything else (a table or column name, part of a quoted
pattern, a value in a comment) makes the rewrite fail: that SQL needs a person.

``splice_kinds`` reads the same text with the same lexer and says, for each interpolated
value, whether it sits where SQL expects a value, a name (an identifier: a placeholder cannot
hold one), inside a comment, or somewhere else (a clause fragment): DB002 reports only the
splices a placeholder could replace or that could carry anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from baes.fixes.patches.base import PatchFailure


@dataclass(frozen=True)
class Text:
    part: int
    value: str


@dataclass(frozen=True)
class Value:
    part: int
    node: Any
    label: str = "value"


_VALUE_AFTER = frozenset(
    {
        "=",
        "==",
        "!=",
        "<>",
        "<",
        ">",
        "<=",
        ">=",
        "+",
        "-",
        "/",
        "%",
        "||",
        "LIKE",
        "GLOB",
        "IS",
        "LIMIT",
        "OFFSET",
        "BETWEEN",
        "THEN",
        "ELSE",
    }
)
_END_VALUES = frozenset({"SELECT", "WHERE", "ON", "RETURNING", "SET", "FROM", "UPDATE", "DELETE", "INSERT"})
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_$]*|\d+(?:\.\d+)?")
_OPERATOR = re.compile(r"<=|>=|<>|!=|==|\|\||[=<>+\-*/%(),;.]")


@dataclass
class _State:
    parts: dict[int, list[str]] = field(default_factory=dict)
    tokens: list[str] = field(default_factory=list)
    parens: list[str] = field(default_factory=list)  # per open paren: "VALUES", "IN" or "" (not a value list)
    alone_in_in: bool = False  # the value just placed follows the ``(`` of ``IN (``
    values_clause: bool = False
    between: bool = False
    between_and: bool = False  # just after the AND of a BETWEEN
    quote: str | None = None
    quote_start: tuple[int, int] | None = None  # (part, index in that part's output) of an open ' quote
    quote_empty: bool = True
    comment: str | None = None
    last_char: str = " "
    skip_quote: bool = False
    pending_value: bool = False  # a value was just placed: the next character must not glue to it
    strict: bool = True  # rewriting: refuse what is not a value; classifying: read on
    statement: str = ""  # the first keyword of the current statement (CREATE, SELECT, ...)
    clause: str = ""  # the last clause keyword (SELECT, FROM, WHERE, SET, ORDER, ...)


def _values(state: _State, segments: Sequence[Text | Value]) -> Iterator[tuple[Value, Text | None]]:
    """Each ``Value`` of ``segments`` with the text right after it, the SQL before it lexed into ``state``."""
    for position, segment in enumerate(segments):
        state.parts.setdefault(segment.part, [])
        if isinstance(segment, Text):
            _lex(state, segment)
            continue
        nxt = segments[position + 1] if position + 1 < len(segments) else None
        yield segment, nxt if isinstance(nxt, Text) else None


def rewrite(segments: Sequence[Text | Value]) -> tuple[dict[int, str], list[Any]]:
    """New text per literal part and the values in placeholder order."""
    state = _State()
    params: list[Any] = []
    for segment, following in _values(state, segments):
        _place_value(state, segment, following)
        params.append(segment.node)
    if state.quote or state.comment == "/*":
        raise PatchFailure("the SQL text has an unterminated quote or comment")
    return {part: "".join(chars) for part, chars in state.parts.items()}, params


def _place_value(state: _State, segment: Value, following: Text | None) -> None:
    if state.comment:
        raise PatchFailure(f"an interpolated value ({segment.label}) is inside an SQL comment")
    if state.quote == "'":
        closes = following is not None and following.value.startswith("'") and not following.value.startswith("''")
        if not (state.quote_empty and closes and state.quote_start is not None):
            raise PatchFailure(f"an interpolated value ({segment.label}) is in the middle of an SQL string literal")
        part, index = state.quote_start
        del state.parts[part][index]  # the opening quote goes: the placeholder is the whole literal
        state.quote = None
        state.quote_start = None
        state.skip_quote = True
    elif state.quote:
        raise PatchFailure(f"an interpolated value ({segment.label}) is inside a quoted SQL name")
    elif state.last_char.isalnum() or state.last_char in "_.$":
        raise PatchFailure(f"an interpolated value ({segment.label}) is glued to an SQL name: it is not a value")
    if not _value_position(state):
        previous = state.tokens[-1] if state.tokens else "the start"
        raise PatchFailure(
            f"an interpolated value ({segment.label}) follows {previous!r}, where SQL expects a name or keyword, not a value"
        )
    state.alone_in_in = state.tokens[-1] == "(" and state.parens[-1] == "IN"
    state.parts.setdefault(segment.part, []).append("?")
    state.tokens.append("?")
    state.last_char = "?"
    state.pending_value = True
    state.between_and = False


def _value_position(state: _State) -> bool:
    if not state.tokens:
        return False
    previous = state.tokens[-1]
    if previous in _VALUE_AFTER:
        return True
    if previous == "AND" and state.between_and:
        return True
    if previous in ("(", ","):
        return bool(state.parens) and state.parens[-1] in ("VALUES", "IN")
    return False


# statements that take no placeholders at all (DDL, PRAGMA): what is spliced there is a name or DDL
_NO_PARAMETERS = frozenset({"CREATE", "ALTER", "DROP", "REINDEX", "ANALYZE", "VACUUM", "PRAGMA", "TRUNCATE"})
# a name follows these (a table, index, column, alias, schema)
_NAME_AFTER = frozenset(
    {
        "FROM",
        "JOIN",
        "INTO",
        "UPDATE",
        "TABLE",
        "INDEX",
        "VIEW",
        "TRIGGER",
        "EXISTS",
        "PRAGMA",
        "SELECT",
        "DISTINCT",
        "BY",
        "AS",
        ".",
        "COLUMN",
        "SET",
        "RENAME",
        "TO",
        "DATABASE",
        "SCHEMA",
        "SAVEPOINT",
        "RELEASE",
    }
)
_CLAUSES = frozenset({"SELECT", "FROM", "WHERE", "SET", "ORDER", "GROUP", "HAVING", "VALUES", "RETURNING", "ON"})
# a splice followed by a comparison is its left operand: a column
_BEFORE_COMPARISON = re.compile(r"\s*(?:<=|>=|<>|!=|==|=|<|>|(?:NOT\s+)?(?:LIKE|IN|IS|BETWEEN|GLOB)\b)", re.IGNORECASE)

SpliceKind = str  # "value" | "name" | "comment" | "other"


def splice_kinds(segments: Sequence[Text | Value]) -> list[SpliceKind]:
    """For each ``Value`` of ``segments``, in order: ``"value"`` (where SQL expects a value, or
    inside a quoted SQL string), ``"name"`` (a table, column or other identifier, or anywhere in
    a statement that takes no parameters), ``"comment"`` or ``"other"``."""
    state = _State(strict=False)
    kinds: list[SpliceKind] = []
    for _value, following in _values(state, segments):
        kind = _kind(state, following.value if following is not None else "")
        kinds.append(kind)
        if kind != "comment" and not state.quote:
            state.tokens.append("?" if kind == "value" else "<name>")
            state.last_char = "?"
    return kinds


def _kind(state: _State, following: str) -> SpliceKind:
    if state.comment:
        return "comment"
    if state.statement in _NO_PARAMETERS:
        return "name"
    if state.quote == "'":
        return "value"
    if state.quote:
        return "name"  # inside "...", `...` or [...]
    glued_after = following[:1] != "" and (following[:1].isalnum() or following[:1] in "_.$")
    if state.last_char.isalnum() or state.last_char in "_.$" or glued_after:
        return "name"  # glued to a name: ``t_{suffix}``, ``{schema}.t``
    if _value_position(state):
        return "value"
    previous = state.tokens[-1] if state.tokens else ""
    if previous in _NAME_AFTER or _BEFORE_COMPARISON.match(following):
        return "name"
    if previous == "," and (
        (state.parens and state.parens[-1] == "NAMES")
        or (not state.parens and state.clause in ("SELECT", "ORDER", "GROUP", "SET"))
    ):
        return "name"
    if previous == "(" and state.parens and state.parens[-1] == "NAMES":
        return "name"
    return "other"


def _lex(state: _State, segment: Text) -> None:
    out = state.parts[segment.part]
    text = segment.value
    i = 0
    if state.skip_quote:
        i = 1  # the closing quote of a placeholder's literal
        state.skip_quote = False
        state.last_char = "?"
    if state.strict and state.pending_value and i < len(text):
        if text[i].isalnum() or text[i] in "_$'\"":
            raise PatchFailure("an interpolated value is glued to the SQL text after it: it is not a value")
        if state.alone_in_in and text[i:].lstrip().startswith(")"):
            raise PatchFailure("the only value inside `IN (...)` may be a joined list of values; fix by hand")
    state.pending_value = False
    state.alone_in_in = False
    while i < len(text):
        ch = text[i]
        if state.comment == "--":
            out.append(ch)
            if ch in "\r\n":
                state.comment = None
            i += 1
            continue
        if state.comment == "/*":
            if text.startswith("*/", i):
                out.append("*/")
                state.comment = None
                i += 2
            else:
                out.append(ch)
                i += 1
            continue
        if state.quote:
            closing = "]" if state.quote == "[" else state.quote
            if ch == closing:
                if text.startswith(closing * 2, i) and closing != "]":
                    out.append(closing * 2)
                    state.quote_empty = False
                    i += 2
                    continue
                state.quote = None
                state.quote_start = None
                state.last_char = ch
                state.tokens.append("<literal>" if closing == "'" else "<name>")
            else:
                state.quote_empty = False
            out.append(ch)
            i += 1
            continue
        if ch in "'\"`[":
            state.quote = ch
            state.quote_empty = True
            state.quote_start = (segment.part, len(out)) if ch == "'" else None
            out.append(ch)
            i += 1
            continue
        if text.startswith("--", i) or text.startswith("/*", i):
            state.comment = text[i : i + 2]
            out.append(state.comment)
            i += 2
            continue
        if ch == "?" and state.strict:
            raise PatchFailure("the SQL text already holds a `?` placeholder next to interpolated values")
        if ch.isspace():
            out.append(ch)
            state.last_char = ch
            i += 1
            continue
        match = _WORD.match(text, i) or _OPERATOR.match(text, i)
        token = match.group() if match else ch
        _token(state, token)
        out.append(token)
        state.last_char = token[-1]
        i += len(token)


def _token(state: _State, token: str) -> None:
    upper = token.upper()
    if (not state.tokens or state.tokens[-1] == ";") and _WORD.fullmatch(token):
        state.statement = upper
    if upper in _CLAUSES:
        state.clause = upper
    if upper == "VALUES":
        state.values_clause = True
    elif upper in _END_VALUES:
        state.values_clause = False
    state.between_and = upper == "AND" and state.between
    if state.between_and:
        state.between = False
    if upper == "BETWEEN":
        state.between = True
    if token == "(":
        previous = state.tokens[-1].upper() if state.tokens else ""
        if previous in ("VALUES", "IN"):
            kind = previous
        elif previous == "," and state.values_clause and not state.parens:
            kind = "VALUES"
        elif len(state.tokens) >= 2 and state.tokens[-2] in ("INTO", "TABLE"):
            kind = "NAMES"  # ``INSERT INTO t (a, b)``, ``CREATE TABLE t (...)``: column names
        else:
            kind = ""
        state.parens.append(kind)
    elif token == ")" and state.parens:
        state.parens.pop()
    state.tokens.append(upper if _WORD.fullmatch(token) else token)


def render_string(value: str, prefix: str, quote: str) -> str:
    """A Python string literal for ``value``, in the given prefix and quotes when possible."""
    prefix = prefix.lower().replace("f", "").replace("u", "")
    if "r" in prefix:
        candidate = f"{prefix}{quote}{value}{quote}"
        if _evaluates_to(candidate, value):
            return candidate
        prefix = prefix.replace("r", "")
    body = value.replace("\\", "\\\\")
    if len(quote) == 1:
        body = body.replace(quote, "\\" + quote).replace("\n", "\\n").replace("\r", "\\r")
    else:
        body = body.replace(quote, "\\" + quote[0] + quote[1:])
        if body.endswith(quote[0]):
            body = body[:-1] + "\\" + quote[0]
    body = "".join(c if c.isprintable() or c in "\n\t" else repr(c)[1:-1] for c in body)
    candidate = f"{prefix}{quote}{body}{quote}"
    if _evaluates_to(candidate, value):
        return candidate
    return repr(value)


def _evaluates_to(code: str, value: str) -> bool:
    import ast

    try:
        return bool(ast.literal_eval(code) == value)
    except (SyntaxError, ValueError):
        return False
