"""One module per LSP feature; each handler takes the ``Session`` (and the request's params).

Nothing here imports ``baes.lsp.server``: the server wires these handlers to LSP methods and
commands in its one registration table.
"""
