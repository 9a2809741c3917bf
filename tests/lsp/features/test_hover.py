"""``baes.lsp.features.hover``: which rule code a position inside a suppression comment names."""

from __future__ import annotations

from baes.lsp.features.hover import code_in_comment


def test_rule_code_inside_suppression_comment() -> None:
    line = "run()  # baes: ignore[BE006, ST002]\n"
    assert code_in_comment(line, line.index("ST002") + 1) == "ST002"
    assert code_in_comment(line, 1) is None
    assert code_in_comment('x = "BE006"\n', 6) is None
