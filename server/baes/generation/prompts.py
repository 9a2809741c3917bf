"""Prompts of the generation pipeline and reading the LLM's answers.

One module holds every text we send (generation, regeneration with feedback, review) and
every parser of what comes back (the code block, the review verdict), so a prompt change
and the parser it needs are reviewed together. Pure functions: no I/O, no LLM calls.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from baes.python_ast import PARSE_LOCK
from baes.python_ast import parse as parse_python
from baes.scaffold.spec import EntitySpec
from baes.swea import SWEAType

_FENCE = re.compile(r"```[ \t]*([A-Za-z0-9_+-]*)[^\n]*\n(.*?)(?:```|\Z)", re.DOTALL)

_ROLES = {
    SWEAType.DATABASE: "the SQLite data-access module (stdlib sqlite3, parameterised SQL only)",
    SWEAType.BACKEND: "the FastAPI router module (APIRouter, pydantic v2 models, HTTPException)",
    SWEAType.FRONTEND: "the Streamlit page (API address from configuration, success and error feedback)",
    SWEAType.TEST: "the pytest module (FastAPI TestClient on a temporary database)",
}

Message = Mapping[str, str]


class CodeExtractionError(ValueError):
    """The LLM's answer holds no Python module we can use."""


@dataclass(frozen=True)
class ReviewVerdict:
    """What an LLM review said: approved or not, and the issues it named."""

    approved: bool
    issues: tuple[str, ...]


def describe_entity(spec: EntitySpec) -> str:
    """The entity as prompt text: name, table, typed attributes and references."""
    lines = [f"Entity: {spec.name} (table `{spec.table_name}`, module name `{spec.snake_name}`)"]
    if spec.attributes:
        lines.append("Attributes (besides the integer primary key `id`):")
        for attr in spec.attributes:
            lines.append(f"- {attr.name}: {attr.type}{'' if attr.required else ' (optional)'}")
    for rel in spec.relationships:
        lines.append(f"- {rel.field_name}: int, references {rel.target_table}.id{'' if rel.required else ' (optional)'}")
    if spec.description:
        lines.append(f"Description: {spec.description}")
    return "\n".join(lines)


def interface_summary(code: str) -> str:
    """Top-level function and class signatures of an upstream module (what later SWEAs call)."""
    try:
        tree = parse_python(code)
    except SyntaxError:
        return ""
    out: list[str] = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            prefix = "async def" if isinstance(node, ast.AsyncFunctionDef) else "def"
            out.append(f"{prefix} {node.name}({ast.unparse(node.args)})")
        elif isinstance(node, ast.ClassDef):
            out.append(f"class {node.name}")
        elif isinstance(node, ast.Assign) and all(isinstance(t, ast.Name) for t in node.targets):
            out.extend(f"{t.id} = ..." for t in node.targets if isinstance(t, ast.Name))
    return "\n".join(out)


def generation_messages(
    swea: SWEAType,
    spec: EntitySpec,
    standards_text: str,
    target_path: str,
    reasons: Sequence[str] = (),
    request: str = "",
    context_modules: Sequence[tuple[str, str]] = (),
) -> list[dict[str, str]]:
    """Messages asking for the ``swea`` module of ``spec``, following ``standards_text``.
    ``context_modules`` are ``(path, code)`` of modules already there (earlier SWEAs, the
    application's wiring): their interfaces are included so the module calls what really exists.
    """
    system = (
        f"You write {_ROLES[swea]} of a FastAPI + SQLite + Streamlit + pytest CRUD application. "
        "Answer with the complete Python module in one ```python fenced block and nothing else."
    )
    parts = [standards_text.strip(), "", describe_entity(spec)]
    if reasons:
        parts += ["", "Custom logic required:"] + [f"- {reason}" for reason in reasons]
    if request:
        parts += ["", f"Original request: {request.strip()}"]
    for path, code in context_modules:
        summary = interface_summary(code)
        if summary:
            parts += ["", f"Existing module `{path}` provides:", summary]
    parts += ["", f"Write the module `{target_path}`."]
    return [{"role": "system", "content": system}, {"role": "user", "content": "\n".join(parts)}]


def regeneration_messages(
    original: Sequence[Message], previous_code: str | None, feedback: Sequence[str]
) -> list[dict[str, str]]:
    """The original request plus the rejected code and why it was rejected.
    Without code (the answer held none that compiles) only the feedback is added.
    """
    if previous_code is None:
        ask = "\n".join(feedback) + "\nAnswer with the complete module in one ```python block."
        return [dict(m) for m in original] + [{"role": "user", "content": ask}]
    issues = "\n".join(f"- {line}" for line in feedback) or "- the code was rejected"
    return [dict(m) for m in original] + [
        {"role": "assistant", "content": f"```python\n{previous_code.rstrip()}\n```"},
        {
            "role": "user",
            "content": "The validator rejected this module:\n"
            + issues
            + "\nAnswer with the corrected complete module in one ```python block.",
        },
    ]


def review_messages(swea: SWEAType, code: str, standards_text: str, entity_name: str) -> list[dict[str, str]]:
    """Ask the LLM to review a module against the standards; the answer is JSON."""
    system = (
        "You review generated Python code against coding standards. Answer only with a JSON object "
        '{"approved": true|false, "issues": ["<rule id>: <problem>", ...]}.'
    )
    user = (
        f"{standards_text.strip()}\n\nReview this {swea.value} module for entity {entity_name}:\n```python\n{code.rstrip()}\n```"
    )
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def extract_code(reply: str) -> str:
    """The Python module in an answer: the longest fenced python block, or the whole answer if it parses."""
    blocks = [(lang.lower(), body) for lang, body in _FENCE.findall(reply)]
    candidates = [body for lang, body in blocks if lang in ("python", "py", "python3", "")]
    for code in sorted(candidates, key=len, reverse=True):
        code = code.strip("\n") + "\n"
        if _parses(code):
            return code
    if not blocks:
        text = reply.strip("\n") + "\n"
        if text.strip() and _parses(text):
            return text
    if candidates:
        raise CodeExtractionError("the answer's code block is not valid Python")
    raise CodeExtractionError("the answer holds no Python code block")


def _parses(code: str) -> bool:
    """Whether ``code`` compiles: stricter than parsing (``*0`` parses but cannot run)."""
    try:
        with PARSE_LOCK:
            compile(code, "<answer>", "exec", dont_inherit=True)
    except (SyntaxError, ValueError):
        return False
    return True


def parse_review(reply: str) -> ReviewVerdict:
    """Read a review answer (JSON, possibly fenced); raise ``ValueError`` when it is not one."""
    text = reply.strip()
    fenced = _FENCE.search(text)
    if fenced:
        text = fenced.group(2)
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end < start:
        raise ValueError("the review answer holds no JSON object")
    data = json.loads(text[start : end + 1])
    if not isinstance(data, dict) or not isinstance(data.get("approved"), bool):
        raise ValueError('the review answer has no boolean "approved"')
    issues = data.get("issues", [])
    if not isinstance(issues, list):
        issues = [issues]
    return ReviewVerdict(approved=data["approved"], issues=tuple(str(i) for i in issues))
