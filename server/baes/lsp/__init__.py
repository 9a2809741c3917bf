"""lsp package of baes."""
