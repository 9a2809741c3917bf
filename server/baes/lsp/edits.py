"""The core's ``TextEdit``s (1-based lines, code-point columns) as an LSP ``WorkspaceEdit``.

Edits of one document go in a versioned ``TextDocumentEdit`` when the client takes
``documentChanges``: a client whose buffer moved on refuses it instead of applying it at
the wrong place. Other clients get the plain ``changes`` map.
"""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from baes.lsp.positions import LineUnits, span_to_range
from baes.lsp.session import Session
from baes.standards.findings import TextEdit


def lsp_text_edits(lines: Sequence[str], edits: Sequence[TextEdit], codec: PositionCodec) -> list[types.TextEdit]:
    units = LineUnits(lines, codec)
    return [types.TextEdit(range=span_to_range(units, edit.span), new_text=edit.new_text) for edit in edits]


def document_edit(
    session: Session, uri: str, version: int | None, lines: Sequence[str], edits: Sequence[TextEdit]
) -> types.WorkspaceEdit:
    converted = lsp_text_edits(lines, edits, session.position_codec)
    if session.supports("workspace.workspace_edit.document_changes"):
        identifier = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)
        return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(text_document=identifier, edits=converted)])
    return types.WorkspaceEdit(changes={uri: converted})
