"""``baes check --format sarif``: SARIF 2.1.0 as GitHub code scanning accepts it.

The schema below holds the essentials of the official SARIF 2.1.0 schema for what we emit
(required properties, enums, minimums, no unknown top-level keys), plus the rules GitHub
documents for uploads: rules with ids and help, results pointing at them, relative URIs
with forward slashes, 1-based regions.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlparse

import jsonschema
from cli_samples import BARE_EXCEPT, MISSING_IMPORT, SYNTAX_ERROR, write

from baes.standards.catalog import all_rules

MESSAGE = {"type": "object", "required": ["text"], "properties": {"text": {"type": "string", "minLength": 1}}}
LEVEL = {"enum": ["none", "note", "warning", "error"]}
SARIF_ESSENTIALS = {
    "type": "object",
    "required": ["version", "runs", "$schema"],
    "additionalProperties": False,
    "properties": {
        "$schema": {"type": "string", "format": "uri"},
        "version": {"const": "2.1.0"},
        "runs": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["tool", "results"],
                "properties": {
                    "tool": {
                        "type": "object",
                        "required": ["driver"],
                        "properties": {
                            "driver": {
                                "type": "object",
                                "required": ["name", "version", "rules"],
                                "properties": {
                                    "name": {"type": "string", "minLength": 1},
                                    "version": {"type": "string"},
                                    "informationUri": {"type": "string", "format": "uri"},
                                    "rules": {
                                        "type": "array",
                                        "uniqueItems": True,
                                        "items": {
                                            "type": "object",
                                            "required": [
                                                "id",
                                                "name",
                                                "shortDescription",
                                                "fullDescription",
                                                "help",
                                                "defaultConfiguration",
                                            ],
                                            "properties": {
                                                "id": {"type": "string", "minLength": 1},
                                                "name": {"type": "string"},
                                                "shortDescription": MESSAGE,
                                                "fullDescription": MESSAGE,
                                                "help": {
                                                    "type": "object",
                                                    "required": ["text", "markdown"],
                                                    "properties": {"text": {"type": "string"}, "markdown": {"type": "string"}},
                                                },
                                                "defaultConfiguration": {
                                                    "type": "object",
                                                    "required": ["level"],
                                                    "properties": {"level": LEVEL},
                                                },
                                            },
                                        },
                                    },
                                },
                            },
                        },
                    },
                    "columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
                    "originalUriBaseIds": {"type": "object"},
                    "invocations": {
                        "type": "array",
                        "items": {"type": "object", "required": ["executionSuccessful"]},
                    },
                    "results": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["ruleId", "ruleIndex", "level", "message", "locations"],
                            "properties": {
                                "ruleId": {"type": "string"},
                                "ruleIndex": {"type": "integer", "minimum": 0},
                                "level": LEVEL,
                                "message": MESSAGE,
                                "locations": {
                                    "type": "array",
                                    "minItems": 1,
                                    "items": {
                                        "type": "object",
                                        "required": ["physicalLocation"],
                                        "properties": {
                                            "physicalLocation": {
                                                "type": "object",
                                                "required": ["artifactLocation", "region"],
                                                "properties": {
                                                    "artifactLocation": {
                                                        "type": "object",
                                                        "required": ["uri"],
                                                        "properties": {"uri": {"type": "string", "format": "uri-reference"}},
                                                    },
                                                    "region": {
                                                        "type": "object",
                                                        "required": ["startLine", "startColumn", "endLine", "endColumn"],
                                                        "properties": {
                                                            "startLine": {"type": "integer", "minimum": 1},
                                                            "startColumn": {"type": "integer", "minimum": 1},
                                                            "endLine": {"type": "integer", "minimum": 1},
                                                            "endColumn": {"type": "integer", "minimum": 1},
                                                        },
                                                    },
                                                },
                                            },
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
            },
        },
    },
}


def sarif_of(baes, *args: str) -> tuple[dict, int]:
    run = baes("check", "--format", "sarif", *args)
    return json.loads(run.out), run.code


def test_sarif_matches_the_schema_essentials(project: Path, baes) -> None:
    write(project / "app" / "api.py", MISSING_IMPORT)
    write(project / "app" / "jobs.py", BARE_EXCEPT)
    write(project / "broken.py", SYNTAX_ERROR)
    log, code = sarif_of(baes, ".")
    assert code == 1
    jsonschema.validate(log, SARIF_ESSENTIALS, format_checker=jsonschema.FormatChecker())
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules][: len(all_rules())] == [rule.id for rule in all_rules()]
    assert len({rule["id"] for rule in rules}) == len(rules)
    # informationUri is optional in SARIF; when the package declares a home page it is a URL.
    if "informationUri" in run["tool"]["driver"]:
        assert urlparse(run["tool"]["driver"]["informationUri"]).scheme == "https"
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        uri = location["artifactLocation"]["uri"]
        assert "\\" not in uri and not uri.startswith("/")
        region = location["region"]
        assert (region["endLine"], region["endColumn"]) >= (region["startLine"], region["startColumn"])
    assert {r["ruleId"] for r in run["results"]} == {"ST001", "ST002", "ST003"}


def test_sarif_locations_are_relative_forward_slash_and_one_based(project: Path, baes) -> None:
    write(project / "app" / "sub dir" / "api.py", MISSING_IMPORT)
    log, _ = sarif_of(baes, "app")
    result = log["runs"][0]["results"][0]
    physical = result["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"] == {"uri": "app/sub%20dir/api.py", "uriBaseId": "%SRCROOT%"}
    assert physical["region"] == {"startLine": 2, "startColumn": 11, "endLine": 2, "endColumn": 24}
    assert result["level"] == "error"
    assert log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == project.as_uri() + "/"


def test_sarif_levels_follow_severity(project: Path, baes) -> None:
    write(project / "baes.toml", '[severity]\nST002 = "info"\n')
    write(project / "a.py", BARE_EXCEPT)
    log, _ = sarif_of(baes, ".")
    result = log["runs"][0]["results"][0]
    assert result["ruleId"] == "ST002" and result["level"] == "note"


def test_sarif_rule_help_is_the_rule_documentation(project: Path, baes) -> None:
    write(project / "a.py", BARE_EXCEPT)
    log, _ = sarif_of(baes, ".")
    rules = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    from baes.standards.catalog import get_rule

    assert rules["ST002"]["help"]["markdown"] == get_rule("ST002").documentation_markdown()
    assert rules["ST002"]["defaultConfiguration"]["level"] == "warning"
    assert rules["ST002"]["name"] == "BareExcept"


def test_sarif_clean_run_and_skipped_files(project: Path, baes) -> None:
    (project / "blob.py").write_bytes(b"\x00\x01")
    log, code = sarif_of(baes, ".")
    assert code == 0
    jsonschema.validate(log, SARIF_ESSENTIALS, format_checker=jsonschema.FormatChecker())
    run = log["runs"][0]
    assert run["results"] == []
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert notes[0]["message"]["text"].startswith("blob.py: binary file")
    assert run["invocations"][0]["executionSuccessful"] is True


def test_files_outside_the_cwd_get_absolute_file_uris(project: Path, baes, tmp_path_factory) -> None:
    outside = tmp_path_factory.mktemp("outside")
    target = write(outside / "x.py", BARE_EXCEPT)
    log, _ = sarif_of(baes, str(target))
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == target.as_uri()
