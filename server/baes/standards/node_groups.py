"""Grouping a tree's nodes by type in one walk, and joining the groups of reused statements.

The index (``baes.standards.index``) asks for the nodes of a type; this module answers it
with one iterative walk that records each node under its type, per scope when a rule asks
for a function's own nodes. The incremental parser keeps the groups of each top-level
statement and joins them per type on first use (``JoinedGroups``), so an edit costs what it
touched.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Sequence
from typing import Any, Protocol

# nodes that open a scope: a function's own nodes stop at them (see ``SourceIndex.own``)
SCOPE_NODES: tuple[type, ...] = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)


_PRIMITIVE = frozenset({"identifier", "string", "constant", "int"})
# singleton nodes no rule needs: expression contexts and operators
_SKIPPED = frozenset({"expr_context", "operator", "cmpop", "unaryop", "boolop"})
_SIGNATURE = re.compile(r"(\w+)([*?]?) (\w+)")
_CHILD_FIELDS: dict[type[ast.AST], tuple[tuple[str, bool | None], ...]] = {}


def _child_fields(kind: type[ast.AST]) -> tuple[tuple[str, bool | None], ...]:
    """``(field, is_list)`` for the fields of ``kind`` that hold nodes, read from its ASDL signature
    (``is_list`` None: unknown layout, the value's type is checked while walking)."""
    fields = _CHILD_FIELDS.get(kind)
    if fields is None:
        doc = kind.__doc__ or ""
        signature = doc[doc.find("(") + 1 : doc.rfind(")")] if "(" in doc else ""
        parsed = _SIGNATURE.findall(signature)
        if parsed and {name for _, _, name in parsed} >= set(kind._fields):
            fields = tuple((name, mark == "*") for typ, mark, name in parsed if typ not in _PRIMITIVE and typ not in _SKIPPED)
        else:  # unknown layout: every field, checked at run time (None)
            fields = tuple((name, None) for name in kind._fields)
        _CHILD_FIELDS[kind] = fields
    return fields


def walk_by_type(roots: Sequence[ast.AST]) -> dict[type, list[ast.AST]]:
    """Every node of ``roots`` and below (but expression contexts and operators) grouped by type,
    in one pass. The last root's nodes come first: walking a module's statements in runs and
    joining the runs last-to-first gives the lists a walk of the whole module gives.

    Cheaper than ``ast.walk``: the fields that can hold nodes are known per type, so primitive
    fields and the singleton context/operator nodes are never visited. Names and constants, half
    of all nodes and never parents, take a shortcut to their own lists.
    """
    return _group_by_type(list(roots), _CHILD_FIELDS)


# ``_CHILD_FIELDS`` with scopes holding nothing: a walk with it stops at nested scopes, at no
# cost per node to the module walk (it is the same loop with the other table)
_OWN_FIELDS: dict[type[ast.AST], tuple[tuple[str, bool | None], ...]] = {kind: () for kind in SCOPE_NODES}


def walk_own(scope: ast.AST) -> dict[type, list[ast.AST]]:
    """The nodes below ``scope`` that are not inside a nested function, lambda or class (those
    scope nodes themselves included), grouped by type.

    Same traversal as ``patterns.own_nodes`` (children in field order, last one first), so the
    nodes of one type come in the order ``own_nodes`` yields them.
    """
    return _group_by_type(_children(scope), _OWN_FIELDS)


def _children(node: ast.AST) -> list[ast.AST]:
    """``node``'s child nodes in field order: what the walk pushes when it expands ``node``."""
    found: list[ast.AST] = []
    for name, _ in _child_fields(type(node)):
        value = getattr(node, name, None)
        if isinstance(value, list):
            found += [v for v in value if isinstance(v, ast.AST)]
        elif isinstance(value, ast.AST):
            found.append(value)
    return found


def _group_by_type(
    stack: list[Any], fields_of: dict[type[ast.AST], tuple[tuple[str, bool | None], ...]]
) -> dict[type, list[ast.AST]]:
    """The walk of ``walk_by_type`` from ``stack`` (consumed), expanding each node by the fields
    ``fields_of`` gives its type (filled from ``_child_fields`` for types it lacks).

    ``stack`` holds nodes and ``None`` (an absent optional field): typed ``Any`` because the loop
    tells them apart by exact type (``type(node) is Name``), which is what keeps it fast."""
    by_type: dict[type, list[ast.AST]] = {}
    names: list[ast.AST] = []
    constants: list[ast.AST] = []
    add_name = names.append
    add_constant = constants.append
    Name = ast.Name
    Constant = ast.Constant
    pop = stack.pop
    push = stack.append
    extend = stack.extend
    get = by_type.get
    AST = ast.AST
    while stack:
        node = pop()
        kind = type(node)
        if kind is Name:
            add_name(node)
            continue
        if kind is Constant:
            add_constant(node)
            continue
        if node is None:
            continue
        bucket = get(kind)
        if bucket is None:
            by_type[kind] = [node]
        else:
            bucket.append(node)
        fields = fields_of.get(kind)
        if fields is None:
            fields = fields_of[kind] = _child_fields(kind)
        for name, is_list in fields:
            value = getattr(node, name, None)
            if value is None:
                continue
            if is_list:
                extend(value)
            elif is_list is False or isinstance(value, AST):
                push(value)
            elif type(value) is list:
                extend(v for v in value if isinstance(v, AST))
    if names:
        by_type[Name] = names
    if constants:
        by_type[Constant] = constants
    return by_type


class JoinedGroups:
    """A module's nodes grouped by type, joined from runs of its statements grouped the same way
    (``walk_by_type`` of each run), one type at a time when first asked: an incremental parse keeps
    the groups of the statements an edit left alone, and rules ask for a few types only."""

    def __init__(self, tree: ast.Module, runs: list[dict[type, list[ast.AST]]]) -> None:
        self._runs = runs  # in document order; joined last-to-first, as ``walk_by_type`` orders nodes
        self._joined: dict[type, list[ast.AST]] = {ast.Module: [tree]}

    def get(self, kind: type, default: list[ast.AST] | None = None) -> list[ast.AST] | None:
        found = self._joined.get(kind)
        if found is None:
            found = []
            for run in reversed(self._runs):
                nodes = run.get(kind)
                if nodes:
                    found += nodes
            self._joined[kind] = found
        return found if found else default

    def __getitem__(self, kind: type) -> list[ast.AST]:
        found = self.get(kind)
        if found is None:
            raise KeyError(kind)
        return found

    def __iter__(self) -> Iterator[type]:
        kinds: dict[type, None] = {ast.Module: None}
        for run in self._runs:
            kinds.update(dict.fromkeys(k for k, nodes in run.items() if nodes))
        return iter(kinds)


class StatementRun(Protocol):
    """Top-level statements of a module and their nodes grouped by type (an ``incremental.Chunk``)."""

    statements: list[ast.stmt]
    by_type: dict[type, list[ast.AST]]


def joined_module(runs: Sequence[StatementRun]) -> tuple[ast.Module, JoinedGroups]:
    """The module of ``runs``' statements and its node groups, joined from theirs (no walk): the
    incremental parser's tree of a new version, and the index of the statements a rule re-checks."""
    tree = ast.Module(body=[s for run in runs for s in run.statements], type_ignores=[])
    return tree, JoinedGroups(tree, [run.by_type for run in runs])
