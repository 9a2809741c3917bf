"""Profiles and rule selection from Settings."""

from __future__ import annotations

from baes.settings.config import Settings
from baes.standards.catalog import all_rules
from baes.standards.findings import Severity
from baes.standards.selection import path_matches, profile_rules, rules_in_force

from .helpers import check, ids


def _ids(settings: Settings, path: str | None = None) -> set[str]:
    return {s.rule.id for s in rules_in_force(settings, path)}


def test_profiles() -> None:
    strict = {r.id for r in profile_rules("strict")}
    default = {r.id for r in profile_rules("default")}
    generated = {r.id for r in profile_rules("generated")}
    assert strict == {r.id for r in all_rules()}
    assert default < strict and generated < strict
    assert "BE001" not in default and "BE001" in generated  # status codes are scoped out of default
    assert "DB005" not in generated and {"ST000", "ST001", "DB001", "DB002"} <= default
    assert {r.id for r in profile_rules("no-such-profile")} == default


def test_select_prefixes_all_extend_and_ignore() -> None:
    assert _ids(Settings(select=("BE00",))) == {r.id for r in all_rules() if r.id.startswith("BE00")}
    assert _ids(Settings(select=("ALL",))) == {r.id for r in all_rules()}
    assert _ids(Settings(select=("DB002",), extend_select=("ST",))) == {"DB002"} | {
        r.id for r in all_rules() if r.id.startswith("ST")
    }
    assert "ST002" not in _ids(Settings(ignore=("ST002",)))
    assert not any(i.startswith("TE") for i in _ids(Settings(profile="strict", ignore=("TE",))))
    assert "BE001" in _ids(Settings(extend_select=("BE001",)))


def test_per_file_ignores_relative_to_root(tmp_path) -> None:
    settings = Settings(per_file_ignores={"tests/**": ("ST003",), "legacy_*.py": ("ALL",)}, root=str(tmp_path))
    assert "ST003" not in _ids(settings, str(tmp_path / "tests" / "unit" / "test_a.py"))
    assert "ST003" in _ids(settings, str(tmp_path / "app" / "a.py"))
    assert _ids(settings, str(tmp_path / "pkg" / "legacy_x.py")) == set()
    assert path_matches("**/migrations/*.py", "migrations/001.py")


def test_severity_overrides_longest_prefix_wins() -> None:
    settings = Settings(severity={"ST": Severity.HINT, "ST002": "error"})
    sev = {s.rule.id: s.severity for s in rules_in_force(settings)}
    assert sev["ST002"] is Severity.ERROR and sev["ST003"] is Severity.HINT


def test_rule_options_reach_the_check() -> None:
    source = (
        "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n\n@router.post('/s', status_code=201)\n"
        "def make_student() -> dict:\n    return {}\n\n\n@router.delete('/s/{i}', status_code=200)\ndef remove(i: int) -> None:\n    return None\n"
    )
    assert ids(check(source, "backend", select=("BE001", "BE002"))) == []
    options = {"BE001": {"create_name_pattern": "^make_", "expected_status": 202}, "BE002": {"allowed_statuses": [204]}}
    report = check(source, "backend", select=("BE001", "BE002"), rule_options=options)
    assert ids(report) == ["BE001", "BE002"]
    assert report.findings[0].fix is None  # an explicit status is reported, never rewritten
    undeclared = check(source.replace(", status_code=201", ""), "backend", select=("BE001",), rule_options=options)
    assert undeclared.findings[0].fix.kwargs["correct_status"] == 202
