"""fix_source / fix_finding: rounds, safety classes, conflicts, idempotence, minimal edits."""

from __future__ import annotations

import ast

from baes.fixes.apply import apply_findings, fix_finding, fix_source
from baes.fixes.text_edits import apply_edits
from baes.standards.findings import Finding, FixSafety, FixSpec, Severity, Span


def finding(rule: str, at: int, patch_type: str, safety: FixSafety = FixSafety.SAFE, **kwargs: object) -> Finding:
    return Finding(
        rule,
        f"{rule} problem",
        Severity.ERROR,
        Span(at, 0, at, 1),
        "database",
        FixSpec(patch_type, kwargs, f"fix {rule}", safety),
    )


SOURCE = (
    "import sqlite3\n"
    "\n"
    "DB_PATH = 'app.db'\n"
    "\n"
    "def get_connection():\n"
    "    conn = sqlite3.connect(DB_PATH)\n"
    "    yield conn\n"
    "    conn.close()\n"
    "\n"
    "def find(name):\n"
    "    with get_connection() as conn:\n"
    "        try:\n"
    "            return conn.execute(f\"SELECT * FROM t WHERE name = '{name}'\").fetchall()\n"
    "        except:\n"
    "            return []\n"
)

FINDINGS = [
    finding("DB001", 5, "add_decorator", function_name="get_connection", decorator_name="contextmanager", line=5),
    finding("ENV1", 3, "replace_literal_with_env", line=3, col=10, env_var="DB_PATH", keep_default=True),
    finding("DB002", 13, "parameterize_sql", FixSafety.UNSAFE, line=13, col=32),
    finding("ST002", 14, "replace_bare_except", FixSafety.UNSAFE, line=14),
]


def test_safe_fixes_only_by_default_and_imports_merged() -> None:
    step = apply_findings(SOURCE, FINDINGS)
    # reading a literal from the environment is unsafe: where DB_PATH is set, the program changes
    assert sorted(f.rule_id for f, _ in step.applied) == ["DB001"]
    assert sorted(f.rule_id for f, why in step.skipped if why.startswith("unsafe")) == ["DB002", "ENV1", "ST002"]
    assert step.source.startswith("from contextlib import contextmanager\nimport sqlite3\n")
    assert "@contextmanager\ndef get_connection():" in step.source


def test_all_fixes_with_unsafe_together() -> None:
    step = apply_findings(SOURCE, FINDINGS, include_unsafe=True)
    assert len(step.applied) == 4 and not step.skipped
    assert step.source.startswith("from contextlib import contextmanager\nimport os\nimport sqlite3\n")
    assert "DB_PATH = os.environ.get(\"DB_PATH\", 'app.db')" in step.source
    assert 'conn.execute("SELECT * FROM t WHERE name = ?", (name,)).fetchall()' in step.source
    assert "        except Exception:\n" in step.source
    ast.parse(step.source)


def test_overlapping_fixes_are_deferred_not_fought_over() -> None:
    twice = [FINDINGS[3], finding("X", 14, "replace_bare_except", FixSafety.UNSAFE, line=14, exception="OSError")]
    step = apply_findings(SOURCE, twice, include_unsafe=True)
    assert len(step.applied) == 1
    assert step.skipped[0][1].startswith("conflicts with another fix")
    ast.parse(step.source)


def test_fix_finding_applies_unsafe_and_returns_minimal_edits() -> None:
    outcome = fix_finding(SOURCE, FINDINGS[3])
    assert outcome.applied == (FINDINGS[3],)
    assert len(outcome.edits) == 1 and outcome.edits[0].new_text == " Exception"
    assert apply_edits(SOURCE, outcome.edits) == outcome.source


def test_fix_finding_failure_is_reported_and_source_kept() -> None:
    bad = finding("DB001", 5, "add_decorator", function_name="nope", decorator_name="contextmanager")
    outcome = fix_finding(SOURCE, bad)
    assert outcome.source == SOURCE and outcome.edits == () and not outcome.applied
    assert "no function named 'nope'" in outcome.skipped[0][1]
    broken = fix_finding("def (:\n", bad)
    assert broken.source == "def (:\n" and broken.skipped


def test_fix_source_uses_the_engine_in_rounds_and_is_idempotent() -> None:
    outcome = fix_source(SOURCE, "app/database.py", include_unsafe=True)
    ast.parse(outcome.source)
    assert apply_edits(SOURCE, outcome.edits) == outcome.source
    assert "@contextmanager" in outcome.source
    assert {f.rule_id for f in outcome.applied} >= {"DB001", "DB002"}
    again = fix_source(outcome.source, "app/database.py", include_unsafe=True)
    assert again.source == outcome.source and not again.applied and again.edits == ()


def test_fix_source_rule_selection_and_syntax_errors() -> None:
    only = fix_source(SOURCE, "app/database.py", include_unsafe=True, rule_ids=["DB001"])
    assert {f.rule_id for f in only.applied} == {"DB001"}
    assert 'f"SELECT' in only.source
    broken = fix_source("def f(:\n    pass\n", "app/database.py")
    assert broken.source == "def f(:\n    pass\n" and not broken.applied


def test_unknown_patch_type_is_reported_not_raised() -> None:
    odd = finding("X1", 3, "teleport", FixSafety.SAFE, line=3)
    step = apply_findings(SOURCE, [odd])
    assert step.source == SOURCE
    assert "unknown patch type 'teleport'" in step.skipped[0][1]


def test_rounds_apply_deferred_fixes_and_stop_when_fixes_fight() -> None:
    from baes.fixes.apply import run_rounds

    code = "@router.post('/x')\ndef create():\n    pass\n"
    to_201 = finding("A", 1, "fix_status_code", FixSafety.SAFE, target_function="create", correct_status=201)
    to_202 = finding("B", 1, "fix_status_code", FixSafety.SAFE, target_function="create", correct_status=202)
    calls: list[str] = []

    def find(text: str) -> tuple[list[Finding], bool]:
        calls.append(text)
        return [to_201, to_202], False

    text, steps, skipped = run_rounds(code, find, include_unsafe=True)
    assert len(steps) == 2  # 201 first (202 deferred: same place), then 202; a third round would undo it
    assert text == "@router.post('/x', status_code=202)\ndef create():\n    pass\n"
    assert any("undoes another fix" in why for _, why in skipped)
    assert len(calls) == 3
