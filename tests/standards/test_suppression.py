"""Suppression comments and the edit that adds one."""

from __future__ import annotations

import pytest

from baes.standards import suppression
from baes.standards.findings import Finding, Severity, Span
from baes.standards.suppression import parse_suppressions, source_index, suppression_edit, suppression_edits

from .helpers import apply_edit, check, ids, read_example

BARE = "try:\n    pass\nexcept:{comment}\n    pass\n"


@pytest.mark.parametrize(
    "comment,suppressed",
    [
        ("  # baes: ignore[ST002]", True),
        ("  # baes: ignore[ST003, ST002]", True),
        ("  # baes: ignore[ST]", True),
        ("  # baes: ignore[BE001]", False),
        ("  # noqa: ST002", True),
        ("  # noqa:ST002,E722", True),
        ("  # noqa: E501", False),
        ("  # noqa: E722", True),
        ("  # noqa", True),
        ("  # NOQA", True),
        ("  # baes: ignore", True),
        ("", False),
    ],
)
def test_line_comments(comment: str, suppressed: bool) -> None:
    report = check(BARE.format(comment=comment))
    assert ("ST002" not in ids(report)) is suppressed


def test_file_level_comments() -> None:
    source = "# baes: ignore-file\ntry:\n    x()\nexcept:\n    pass\n"
    assert check(source).findings == ()
    source = "# baes: ignore-file[ST002]\ntry:\n    x()\nexcept:\n    pass\n"
    assert ids(check(source)) == ["ST003"]


def test_comment_on_the_last_line_of_a_multi_line_statement() -> None:
    source = (
        "def get(conn, x):\n    return conn.execute(\n        f'SELECT * FROM t WHERE id = {x}'\n"
        "    ).fetchone()  # baes: ignore[DB002]\n"
    )
    assert "DB002" not in ids(check(source, "database"))
    assert "DB002" in ids(check(source.replace("  # baes: ignore[DB002]", ""), "database"))


def test_directive_inside_a_string_does_not_count() -> None:
    source = "x = '# baes: ignore-file'\ny = '''\n# noqa\n'''\ntry:\n    pass\nexcept:  # a real comment\n    pass\n"
    assert "ST002" in ids(check(source))
    sup = parse_suppressions("x = 1  # noqa: BE001\n")
    assert sup.line_suppresses(1, "BE001") and not sup.line_suppresses(1, "BE002")


def _finding(rule: str, line: int, col: int = 0, end_line: int | None = None) -> Finding:
    return Finding(rule, "m", Severity.WARNING, Span(line, col, end_line or line, col + 1))


def test_edit_appends_a_comment_and_keeps_the_line_ending() -> None:
    source = "a = 1\r\nexcept_me = 2   \r\nb = 3\r\n"
    edit = suppression_edit(source, _finding("BE006", 2))
    assert apply_edit(source, edit) == "a = 1\r\nexcept_me = 2  # baes: ignore[BE006]\r\nb = 3\r\n"


def test_edit_merges_into_an_existing_list() -> None:
    source = "x = 1  # baes: ignore[BE001]\n"
    edit = suppression_edit(source, _finding("BE002", 1))
    assert apply_edit(source, edit) == "x = 1  # baes: ignore[BE001, BE002]\n"
    again = suppression_edit(apply_edit(source, edit), _finding("BE002", 1))
    assert again.new_text == "" and again.span.start_col == again.span.end_col


def test_edit_goes_after_a_multi_line_string_and_then_suppresses() -> None:
    source = "def get(conn, x):\n    return conn.execute(f'''\n        SELECT * FROM t WHERE id = {x}\n    ''')\n"
    report = check(source, "database")
    finding = [f for f in report.findings if f.rule_id == "DB002"][0]
    fixed = apply_edit(source, suppression_edit(source, finding))
    assert fixed.splitlines()[3] == "    ''')  # baes: ignore[DB002]"
    assert "DB002" not in ids(check(fixed, "database"))


def test_edit_skips_backslash_continuations() -> None:
    source = "x = 1 + \\\n    undefined_name\n"
    report = check(source)
    finding = [f for f in report.findings if f.rule_id == "ST003"][0]
    fixed = apply_edit(source, suppression_edit(source, finding))
    assert fixed == "x = 1 + \\\n    undefined_name  # baes: ignore[ST003]\n"
    assert check(fixed).findings == ()


def test_edit_on_unparsable_source_and_last_line_without_newline() -> None:
    source = "def f(:\n    pass"
    edit = suppression_edit(source, _finding("ST001", 2))
    assert apply_edit(source, edit) == "def f(:\n    pass  # baes: ignore[ST001]"


def test_suppressing_every_finding_of_the_example_file_leaves_none() -> None:
    source = read_example("student_api.py")
    for _ in range(30):
        report = check(source, path="examples/student_api.py")
        if not report.findings:
            break
        source = apply_edit(source, suppression_edit(source, report.findings[0]))
    assert check(source, path="examples/student_api.py").findings == ()
    compile(source, "student_api.py", "exec")


def test_batch_edits_parse_once_and_each_silences_its_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    source = read_example("student_api.py")
    findings = check(source, path="examples/student_api.py").findings
    assert len(findings) >= 2
    parses: list[str] = []
    real_parse = suppression.parse_python
    monkeypatch.setattr(suppression, "parse_python", lambda text: parses.append(text) or real_parse(text))
    edits = suppression_edits(source, findings)
    assert len(parses) == 1 and len(edits) == len(findings)
    monkeypatch.setattr(suppression, "parse_python", real_parse)
    for finding, edit in zip(findings, edits, strict=True):
        remaining = [
            f
            for f in check(apply_edit(source, edit), path="examples/student_api.py").findings
            if f.rule_id == finding.rule_id and f.span.start_line == finding.span.start_line
        ]
        assert remaining == [], (finding, edit)


def test_batch_edits_reuse_a_given_index_and_refuse_another_sources() -> None:
    source = "x = '''\nmulti\n'''\nprint(frozendict)\n"
    findings = (_finding("ST003", 4), _finding("BE001", 1))
    index = source_index(source)
    assert index is not None
    edits = suppression_edits(source, findings, index)
    assert edits == suppression_edits(source, findings) == tuple(suppression_edit(source, f) for f in findings)
    assert edits[1].span.start_line == 3  # after the multi-line string, not inside it
    assert suppression_edits(source, ()) == ()
    assert source_index("def f(:\n") is None
    with pytest.raises(ValueError, match="another source"):
        suppression_edits(source + "\n", findings, index)


def _catalog_findings():
    from baes.standards.catalog import all_rules

    cases = []
    for rule in all_rules():
        for n, example in enumerate(rule.invalid_examples):
            cases.append(pytest.param(rule.swea_type, example.code, id=f"{rule.id}-{n}"))
    return cases


@pytest.mark.parametrize("swea,source", _catalog_findings())
def test_the_suppression_edit_silences_every_finding_of_every_example(swea, source: str) -> None:
    for variant in (source, source.replace("\n", "\r\n")):
        report = check(variant, swea)
        for finding in report.findings:
            edited = apply_edit(variant, suppression_edit(variant, finding))
            if not report.syntax_error:
                compile(edited, "edited.py", "exec")
            remaining = [
                f
                for f in check(edited, swea).findings
                if f.rule_id == finding.rule_id and f.span.start_line == finding.span.start_line
            ]
            assert remaining == [], (finding, edited)


def test_other_tools_codes_for_the_same_problem_count() -> None:
    assert check("print(frozendict)  # noqa: F821\n").findings == ()
    assert ids(check("try:\n    pass\nexcept:  # noqa: E722\n    pass\n")) == []
    assert ids(check("print(frozendict)  # noqa: E501\n")) == ["ST003"]
