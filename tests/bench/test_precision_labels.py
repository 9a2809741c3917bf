"""The precision benchmark's labels file is well-formed, and its arithmetic is right on a corpus built here.

No network: the synthetic corpus is a file written to ``tmp_path``; the engine runs on it for
real. Its findings are ones no fix of a false-positive class should remove (values spliced into
quoted SQL literals, a bare ``except:`` that swallows everything), so the arithmetic test does
not depend on today's false positives.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bench.precision import PROFILES, measure, sample, scan
from bench.precision_corpus import PACKAGES, package_files
from bench.precision_labels import FIELDS, LABELS_FILE, VERDICTS, Label, LabelError, line_hash, parse_labels

PINNED = {f"{name}=={version}" for name, version, _why in PACKAGES}


def test_labels_file_follows_the_schema_and_has_no_duplicates() -> None:
    text = LABELS_FILE.read_text(encoding="utf-8").splitlines()
    labels = parse_labels(text, str(LABELS_FILE))  # raises on a bad field or a duplicate key
    assert len(labels) == len([line for line in text if line.strip()])
    assert len(labels) >= 300
    for label in labels.values():
        assert label.package in PINNED, f"{label.package} is not a pinned corpus package"
        assert label.label in VERDICTS
        assert len(label.reason.split()) >= 5, f"reason too short to explain the verdict: {label.reason!r}"
        assert not label.path.startswith("/") and "\\" not in label.path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"label": "maybe"}, "label must be one of"),
        ({"reason": "  "}, "reason must be a non-empty string"),
        ({"line": 0}, "line must be a positive integer"),
        ({"package": "fastapi"}, "package must be name==version"),
        ({"line_hash": "XYZ"}, "line_hash must be 12 lowercase hex digits"),
        ({"extra": 1}, "unknown fields"),
    ],
)
def test_a_broken_label_is_rejected_with_its_line(change: dict[str, object], message: str) -> None:
    good = {
        "package": "p==1",
        "path": "a.py",
        "rule": "DB002",
        "line": 3,
        "line_hash": line_hash("x = 1"),
        "label": "true",
        "reason": "a real splice of user input",
    }
    with pytest.raises(LabelError, match=message) as caught:
        parse_labels([json.dumps(good), json.dumps({**good, **change})], "labels")
    assert "labels:2" in str(caught.value)


def test_the_same_finding_labelled_twice_is_rejected() -> None:
    good = {
        "package": "p==1",
        "path": "a.py",
        "rule": "DB002",
        "line": 3,
        "line_hash": line_hash("x = 1"),
        "label": "true",
        "reason": "a real splice of user input",
    }
    with pytest.raises(LabelError, match="duplicate"):
        parse_labels([json.dumps(good), json.dumps({**good, "line": 9, "label": "false"})])


def test_line_hash_ignores_indentation_only() -> None:
    assert line_hash("    cur.execute(sql)  ") == line_hash("cur.execute(sql)")
    assert line_hash("cur.execute(sql)") != line_hash("cur.execute(query)")
    assert set(FIELDS) == set(Label.__dataclass_fields__)


APP = """\
import sqlite3


def find(conn: sqlite3.Connection, name: str) -> list:
    return conn.execute(f"SELECT * FROM users WHERE name = '{name}'").fetchall()


def count(conn: sqlite3.Connection, email: str) -> int:
    return conn.execute(f"SELECT count(*) FROM users WHERE email = '{email}'").fetchone()[0]


def load(conn: sqlite3.Connection, key: str) -> list:
    return conn.execute(f"SELECT * FROM users WHERE key = '{key}'").fetchall()


def parse(text: str) -> int:
    try:
        return int(text)
    except:
        return 0
"""


def _corpus(tmp_path: Path) -> list:
    root = tmp_path / "demo-1.0"
    root.mkdir()
    (root / "app.py").write_text(APP, encoding="utf-8")
    return list(package_files(root, "demo==1.0"))


def _label(occurrence, verdict: str) -> Label:  # type: ignore[no-untyped-def]
    return Label(
        occurrence.package,
        occurrence.path,
        occurrence.rule,
        occurrence.line,
        occurrence.line_hash,
        verdict,
        "written by the test",
    )


def test_precision_on_a_synthetic_corpus(tmp_path: Path) -> None:
    files = _corpus(tmp_path)
    result = scan(files, PROFILES)
    assert result.files == 1 and result.lines == APP.count("\n")
    default = sorted(result.findings["default"], key=lambda o: o.line)
    by_rule: dict[str, list] = {}
    for occurrence in default:
        by_rule.setdefault(occurrence.rule, []).append(occurrence)
    db002, st002 = by_rule["DB002"], by_rule["ST002"]
    assert [o.line for o in db002] == [5, 9, 13] and [o.line for o in st002] == [19]
    assert all(o.package == "demo==1.0" and o.path == "app.py" for o in default)

    # label two of the three DB002 findings (one true, one false), leave one new; ST002 wrong_location
    labels = {
        label.key: label for label in (_label(db002[0], "true"), _label(db002[1], "false"), _label(st002[0], "wrong_location"))
    }
    figures = measure(default, labels, result.lines, "default")
    rules = {rule.rule: rule for rule in figures.rules}
    assert (
        rules["DB002"].findings,
        rules["DB002"].labelled,
        rules["DB002"].true,
        rules["DB002"].false,
        rules["DB002"].unlabelled,
    ) == (3, 2, 1, 1, 1)
    assert rules["DB002"].precision == pytest.approx(0.5)
    assert rules["DB002"].per_1000_lines == round(3 * 1000 / result.lines, 3)
    assert rules["ST002"].precision == 0.0 and rules["ST002"].wrong_location == 1  # wrong place is not true
    # overall: each rule's precision weighted by its findings, (3 * 0.5 + 1 * 0) / 4; raw sample 1 / 3
    other = sum(r.findings for r in figures.rules if r.rule not in ("DB002", "ST002"))
    assert figures.findings == 4 + other
    assert figures.precision == pytest.approx(1.5 / 4)
    assert figures.labelled_precision == pytest.approx(1 / 3)
    assert figures.unlabelled == figures.findings - 3


def test_a_label_follows_its_line_when_the_file_moves_it(tmp_path: Path) -> None:
    files = _corpus(tmp_path)
    first = scan(files, ("default",)).findings["default"]
    target = next(o for o in first if o.rule == "DB002" and o.line == 5)
    labels = {target.key: _label(target, "true")}
    files[0].path.write_text("# a new header line\n\n" + APP, encoding="utf-8")
    moved = scan(files, ("default",)).findings["default"]
    figures = measure(moved, labels, 100, "default")
    db002 = next(r for r in figures.rules if r.rule == "DB002")
    assert db002.true == 1 and db002.labelled == 1


def test_sample_offers_only_unlabelled_findings_with_their_code(tmp_path: Path) -> None:
    result = scan(_corpus(tmp_path), ("default",))
    done = next(o for o in result.findings["default"] if o.rule == "DB002")
    offered = sample(result, {done.key: _label(done, "true")}, per_rule=5, seed=1)
    keys = {(e["package"], e["path"], e["rule"], e["line_hash"]) for e in offered}
    assert done.key not in keys
    assert {e["rule"] for e in offered} >= {"DB002", "ST002"}
    assert all(e["label"] == "" and any(">" in line[:7] for line in e["context"]) for e in offered)
    assert len([e for e in offered if e["rule"] == "DB002"]) == 2
