"""A chunk of a module: top-level statements and the lines after them, the unit of incremental work.

``incremental`` cuts a module into chunks (reusing the unchanged ones between versions);
``statement_rules`` keeps each statement-scoped rule's violations on the chunk they were found in.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Chunk:
    """Top-level statements starting on ``first`` and the lines up to ``last`` (inclusive)."""

    first: int
    last: int
    statements: list[ast.stmt]
    by_type: dict[type, list[ast.AST]]
    # rule id -> (first line, context key, violations): see ``statement_rules.StatementResults``
    results: dict[str, tuple[Any, ...]] = field(default_factory=dict)
