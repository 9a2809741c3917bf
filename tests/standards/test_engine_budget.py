"""Budgets of the engine (issue 15 case 2): a rule firing thousands of times on one line stays linear and capped."""

from __future__ import annotations

from baes.python_ast import parse
from baes.standards.engine import MAX_FINDINGS_PER_RULE, check_source
from baes.standards.findings import Severity
from baes.standards.index import SourceIndex


def test_a_rule_is_cut_off_after_its_budget_with_a_finding_that_says_so() -> None:
    source = "def f():\n    return " + " and ".join(["undefined_thing"] * 3000) + "\n"
    report = check_source(source, "app.py")
    assert len(report.findings) == MAX_FINDINGS_PER_RULE + 1
    note = [f for f in report.findings if "only the first" in f.message]
    assert len(note) == 1 and note[0].severity is Severity.INFO and "3000 problems" in note[0].message


def test_byte_columns_of_a_long_non_ascii_line_are_converted_from_one_table() -> None:
    source = "x = 'é' + " + " + ".join(["b"] * 500) + "\n"
    index = SourceIndex(source, parse(source))
    columns = [index.code_point_col(1, byte) for byte in range(0, 40)]
    assert columns[:8] == [0, 1, 2, 3, 4, 5, 5, 6]  # 'é' is two bytes at code point 5
    assert list(index._byte_to_code_point) == [1]
