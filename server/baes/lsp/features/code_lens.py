"""``textDocument/codeLens``: the file's outcome as a label on its first line, for any editor."""

from __future__ import annotations

from lsprotocol import types

from baes.lsp.features.diagnostics import current_result
from baes.lsp.features.outcome import title
from baes.lsp.session import Session


async def code_lens(session: Session, params: types.CodeLensParams) -> list[types.CodeLens]:
    """One lens at the top of the file with the outcome; label only (an empty command id)."""
    result = await current_result(session, params.text_document.uri)
    text = title(result) if result is not None else None
    if text is None:
        return []
    top = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0))
    return [types.CodeLens(range=top, command=types.Command(title=text, command=""))]
