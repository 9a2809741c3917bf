"""Hover: the rule's documentation (from the catalog, the one text ``baes explain`` prints)
on a finding's range, or on a rule code inside a suppression comment."""

from __future__ import annotations

import re

from lsprotocol import types

from baes.lsp.features.diagnostics import current_result
from baes.lsp.positions import from_lsp_position
from baes.lsp.session import Session

# A suppression comment (``# baes: ignore[BE002, BE003]`` or a ``noqa`` comment naming codes) and the codes in it.
_SUPPRESSION = re.compile(r"#\s*(?:baes\s*:\s*ignore|noqa)\b[^#\n\r]*", re.IGNORECASE)
_CODE = re.compile(r"\b[A-Z]{1,4}[0-9]{1,4}\b")


def documentation(rule_id: str) -> str | None:
    # lazy: the catalog (every rule module) takes 73 ms to import (python -X importtime);
    # the server starts without it and loads it with the first lint or hover
    from baes.standards.catalog import get_rule

    try:
        rule = get_rule(rule_id)
    except KeyError:
        return None
    return rule.documentation_markdown()


def code_in_comment(line: str, column: int) -> str | None:
    """The rule code under ``column`` if it sits in a suppression comment of ``line``."""
    for comment in _SUPPRESSION.finditer(line):
        for code in _CODE.finditer(comment.group(0)):
            start = comment.start() + code.start()
            if start <= column <= start + len(code.group(0)):
                return code.group(0)
    return None


async def hover(session: Session, params: types.HoverParams) -> types.Hover | None:
    result = await current_result(session, params.text_document.uri)
    if result is None:
        return None
    line, column = from_lsp_position(result.lines, params.position, session.position_codec)
    rule_ids: list[str] = []
    if 1 <= line <= len(result.lines):
        code = code_in_comment(result.lines[line - 1], column)
        if code is not None:
            rule_ids.append(code)
    if not rule_ids:
        for finding in result.findings:
            span = finding.span
            if (span.start_line, span.start_col) <= (line, column) <= (span.end_line, span.end_col):
                if finding.rule_id not in rule_ids:
                    rule_ids.append(finding.rule_id)
    texts = [text for text in (documentation(rule_id) for rule_id in rule_ids) if text]
    if not texts:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(texts)))
