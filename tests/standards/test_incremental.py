"""The incremental parser gives exactly the tree (and node groups) a full parse gives, over
random edit sequences on real files; it re-parses only what an edit touched; the engine's
findings through it equal the plain engine's."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from baes.settings.config import Settings
from baes.standards.engine import check_source
from baes.standards.incremental import IncrementalParser
from baes.standards.node_groups import walk_by_type

# random edits make texts Python warns about while parsing (``1if``, ``'\\w'`` split from its raw prefix)
pytestmark = [
    pytest.mark.filterwarnings("ignore::SyntaxWarning"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
]

ROOT = Path(__file__).resolve().parents[2]
CORPUS = [
    ROOT / "server" / "baes" / "standards" / "index.py",
    ROOT / "server" / "baes" / "lsp" / "features" / "diagnostics.py",
    ROOT / "tests" / "lsp" / "lsp_support.py",
]
# lines an editor produces on the way to valid code, many of them invalid on their own
SNIPPETS = [
    "",
    "# a comment",
    "    x = 1",
    "x = (",
    ")",
    "'''",
    '"""doc',
    "def f():",
    "@decorator",
    "    return 1",
    "if x:",
    "else:",
    "    pass",
    "x = 1 \\",
    "a = 1; b = 2",
    "class C:",
    "  y = 2",
    "\t",
    "    ",
    "x = '''abc",
    "async def g():",
    "    await h()",
    "]",
    "x = [1,",
    "    2]",
    "try:",
    "except Exception:",
    "finally:",
    "import os",
    "from fastapi import APIRouter",
    "@router.post('/items', status_code=201)",
    "match x:",
    "    case 1:",
    "        pass",
    "lambda: (",
    "f'{x!r}'",
    "print('é')",
    "x = 'unterminated",
]


def _sources() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in CORPUS]


def _edit(lines: list[str], op: int, at: int, span: int, snippet: str) -> list[str]:
    at = min(at, len(lines))
    if op == 0:  # replace a line
        return lines[:at] + [snippet + "\n"] + lines[at + 1 :]
    if op == 1:  # insert a line
        return lines[:at] + [snippet + "\n"] + lines[at:]
    if op == 2:  # delete lines
        return lines[:at] + lines[at + span :]
    if op == 3:  # type inside a line
        if at >= len(lines):
            return lines
        line = lines[at]
        cut = min(span, len(line.rstrip("\n")))
        return lines[:at] + [line[:cut] + snippet + line[cut:]] + lines[at + 1 :]
    if op == 4:  # dedent a line
        return lines[:at] + [lines[at].lstrip(" ")] + lines[at + 1 :] if at < len(lines) else lines
    return lines[:at] + ["    " + line for line in lines[at : at + span]] + lines[at + span :]  # indent


def _positions(nodes: list[ast.AST]) -> list[tuple[object, ...]]:
    return [
        (
            type(n).__name__,
            getattr(n, "lineno", None),
            getattr(n, "col_offset", None),
            getattr(n, "end_lineno", None),
            getattr(n, "end_col_offset", None),
        )
        for n in nodes
    ]


def _assert_same_as_full(parser: IncrementalParser, text: str) -> None:
    try:
        full = ast.parse(text)
    except SyntaxError as error:
        with pytest.raises(SyntaxError) as raised:
            parser.parse(text)
        got = raised.value
        assert (got.msg, got.lineno, got.offset) == (error.msg, error.lineno, error.offset)
        return
    parsed = parser.parse(text)
    assert ast.dump(parsed.tree, include_attributes=True) == ast.dump(full, include_attributes=True)
    expected = walk_by_type([full])
    assert set(parsed.by_type) == set(expected)
    for kind, nodes in expected.items():
        assert _positions(parsed.by_type[kind]) == _positions(nodes), kind.__name__


edits = st.tuples(st.integers(0, 5), st.integers(0, 400), st.integers(0, 12), st.sampled_from(SNIPPETS))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=st.sampled_from(range(len(CORPUS))), steps=st.lists(edits, min_size=1, max_size=6), crlf=st.booleans())
def test_random_edit_sequences_parse_as_a_full_parse(source: int, steps: list, crlf: bool) -> None:
    text = _sources()[source]
    if crlf:
        text = text.replace("\n", "\r\n")
    parser = IncrementalParser()
    _assert_same_as_full(parser, text)
    lines = text.splitlines(keepends=True)
    for op, at, span, snippet in steps:
        lines = _edit(lines, op, at % (len(lines) + 1), span, snippet)
        _assert_same_as_full(parser, "".join(lines))


def test_an_edit_inside_one_function_reparses_only_that_function() -> None:
    text = _sources()[0]
    parser = IncrementalParser()
    assert parser.parse(text).reparsed_lines == len(text.splitlines()) + 1
    lines = text.splitlines(keepends=True)
    target = next(i for i, line in enumerate(lines) if line.startswith("def call_name"))
    lines[target + 2] = lines[target + 2].replace("func", "function", 1)
    edited = parser.parse("".join(lines))
    assert 0 < edited.reparsed_lines < 20
    lines.insert(target + 1, '    """A new docstring line."""\n')  # one more line: later statements move down
    moved = parser.parse("".join(lines))
    assert moved.reparsed_lines < 20
    assert ast.dump(moved.tree, include_attributes=True) == ast.dump(ast.parse("".join(lines)), include_attributes=True)


def test_after_a_syntax_error_the_next_version_is_compared_with_the_last_that_parsed() -> None:
    parser = IncrementalParser()
    parser.parse("x = 1\n\ndef f():\n    return 2\n")
    with pytest.raises(SyntaxError):
        parser.parse("x = 1\n\ndef f(:\n    return 2\n")
    fixed = parser.parse("x = 1\n\ndef f():\n    return 3\n")
    assert fixed.reparsed_lines == 2  # only ``def f`` again
    assert ast.dump(fixed.tree) == ast.dump(ast.parse("x = 1\n\ndef f():\n    return 3\n"))


def test_a_syntax_error_inside_one_function_is_found_without_a_full_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    from baes.standards import incremental

    text = _sources()[0]
    parser = IncrementalParser()
    parser.parse(text)
    lines = text.splitlines(keepends=True)
    target = next(i for i, line in enumerate(lines) if line.startswith("def call_name"))
    lines[target + 2] = "    func = \n"  # half-typed: the rest of the function follows
    parsed: list[int] = []
    real = incremental.parse_python
    monkeypatch.setattr(incremental, "parse_python", lambda src, filename: parsed.append(src.count("\n")) or real(src, filename))
    with pytest.raises(SyntaxError) as raised:
        parser.parse("".join(lines))
    assert raised.value.lineno == target + 3
    assert len(parsed) == 1  # the region only, no full parse to confirm


@pytest.mark.parametrize("text", ["", "# only a comment\n", "x = 1\f\ny = 2\n", "\ufeffx = 1\n"])
def test_texts_without_statements_or_with_odd_line_breaks(text: str) -> None:
    parser = IncrementalParser()
    for version in (text, text + "z = 3\n", text):
        _assert_same_as_full(parser, version)


def test_engine_findings_through_the_parser_equal_the_plain_engine() -> None:
    source = (ROOT / "tests" / "lsp" / "lsp_support.py").read_text(encoding="utf-8")
    sample = _backend_sample()
    parser = IncrementalParser()
    lines = sample.splitlines(keepends=True)
    versions = [sample, "".join(lines[:5] + ["\n", "# typed\n"] + lines[5:]), "".join(lines[:-3]), source, sample]
    for text in versions:
        expected = check_source(text, "app/routes.py", Settings())
        got = check_source(text, "app/routes.py", Settings(), parser=parser)
        assert [f.to_dict() for f in got.findings] == [f.to_dict() for f in expected.findings]
        assert (got.outcome, got.confidence) == (expected.outcome, expected.confidence)


def _backend_sample() -> str:
    from tests.lsp.lsp_support import BACKEND

    return BACKEND


def _rule_corpus() -> str:
    """Every backend rule's examples and the shared samples, one module (valid Python)."""
    from baes.standards.catalog import all_rules

    parts = [_backend_sample()]
    for rule in all_rules():
        if rule.scope == "statement":
            parts += [example.code for example in rule.valid_examples + rule.invalid_examples]
    parts.append("if __name__ == '__main__':\n    import uvicorn\n    uvicorn.run('app:app', host='0.0.0.0', port=8000)\n")
    return "\n\n".join(parts)


CODE_SNIPPETS = [
    "",
    "# note",
    "    return None",
    "    raise HTTPException(status_code=404)",
    "API_PORT = 8000",
    "import requests",
    "from fastapi import Depends",
    "HOST = '127.0.0.1'",
    "@router.delete('/things/{thing_id}')\ndef delete_thing(thing_id: int):\n    return None",
    "@router.get('/things/{thing_id}')\ndef get_thing(thing_id: int, conn=None):\n    return conn.execute('x').fetchone()",
    "def call_api():\n    return requests.get('http://localhost:8000/items')",
    "SECRET_KEY = 'abcdefghijkl'",
    "if __name__ == '__main__':\n    uvicorn.run(app, host='0.0.0.0')",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    steps=st.lists(
        st.tuples(st.integers(0, 5), st.integers(0, 2000), st.integers(0, 6), st.sampled_from(CODE_SNIPPETS)),
        min_size=1,
        max_size=8,
    ),
    profile=st.sampled_from(["default", "strict"]),
)
@example(  # the file's first statements turned into blank lines: the next chunk's cached results were shifted
    steps=[(2, 0, 2, ""), (0, 0, 0, "import requests"), (0, 1, 0, ""), (0, 0, 0, "")], profile="default"
)
def test_statement_scoped_rules_report_what_a_full_check_reports(steps: list, profile: str) -> None:
    config = Settings(profile=profile)
    lines = _rule_corpus().splitlines(keepends=True)
    parser = IncrementalParser()
    first = check_source("".join(lines), "app/routes.py", config, parser=parser)
    assert {"BE002", "BE006"} <= {f.rule_id for f in first.findings}  # the corpus exercises them
    for op, at, span, snippet in steps:
        lines = _edit(lines, op, at % (len(lines) + 1), span, snippet)
        text = "".join(lines)
        expected = check_source(text, "app/routes.py", config)
        got = check_source(text, "app/routes.py", config, parser=parser)
        assert [f.to_dict() for f in got.findings] == [f.to_dict() for f in expected.findings]
