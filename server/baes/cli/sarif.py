"""SARIF 2.1.0 output, in the shape GitHub code scanning accepts.

One run; the tool's driver lists every rule of the catalog (plus any id a finding uses that
the catalog does not declare), and each result points at its rule by ``ruleId`` and
``ruleIndex``. Locations are relative to the working directory (``%SRCROOT%``) with forward
slashes; regions are 1-based and counted in Unicode code points (``columnKind``). Files that
could not be checked become tool execution notifications, not results.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from importlib.metadata import metadata
from pathlib import Path
from typing import Any
from urllib.parse import quote

from baes import __version__
from baes.cli.runner import CheckResult
from baes.standards.catalog import all_rules
from baes.standards.findings import Finding, Severity

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note", Severity.HINT: "note"}


def sarif_level(severity: Severity) -> str:
    return _LEVELS[severity]


def information_uri() -> str | None:
    """The project's home page from the installed package's metadata; None when it declares none.
    SARIF's ``informationUri`` is optional: we leave it out rather than invent an address.
    """
    try:
        meta = metadata("baes")
        for entry in meta.get_all("Project-URL") or []:
            label, _, url = entry.partition(",")
            if label.strip().lower() in ("homepage", "home", "repository", "source") and url.strip():
                return url.strip()
        home = meta.get("Home-page")
        if home and home.strip() and home.strip() != "UNKNOWN":
            return home.strip()
    except Exception:
        pass
    return None


def _driver(descriptors: list[dict[str, Any]]) -> dict[str, Any]:
    driver: dict[str, Any] = {"name": "baes", "version": __version__, "semanticVersion": __version__}
    uri = information_uri()
    if uri:
        driver["informationUri"] = uri
    driver["rules"] = descriptors
    return driver


def _rule_descriptor(rule: Any) -> dict[str, Any]:
    short = str(getattr(rule, "short_description", "") or rule.message)
    full = str(getattr(rule, "why", "") or short)
    markdown = str(rule.documentation_markdown())
    swea = rule.kind
    return {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in str(rule.name).replace("_", "-").split("-")) or rule.id,
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {"text": f"{full}\n\nHow to fix: {getattr(rule, 'how_to_fix', '')}".strip(), "markdown": markdown},
        "defaultConfiguration": {"level": sarif_level(rule.severity)},
        "properties": {"tags": ["baes", swea], "precision": _precision(float(getattr(rule, "confidence", 0.9)))},
    }


def _precision(confidence: float) -> str:
    if confidence >= 0.9:
        return "very-high"
    if confidence >= 0.75:
        return "high"
    if confidence >= 0.5:
        return "medium"
    return "low"


def _unknown_rule_descriptor(finding: Finding) -> dict[str, Any]:
    return {
        "id": finding.rule_id,
        "name": finding.rule_id,
        "shortDescription": {"text": finding.message},
        "fullDescription": {"text": finding.message},
        "help": {"text": finding.message, "markdown": finding.message},
        "defaultConfiguration": {"level": sarif_level(finding.severity)},
    }


def _artifact_location(path: str, cwd: Path) -> dict[str, Any]:
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(cwd).as_posix()
    except ValueError:
        return {"uri": absolute.as_uri()}  # percent-encodes the name's bytes
    # quote the file name's bytes, so names that are not valid UTF-8 still give a valid URI
    return {"uri": quote(os.fsencode(relative)), "uriBaseId": "%SRCROOT%"}


def _result(finding: Finding, rule_index: int, location: dict[str, Any]) -> dict[str, Any]:
    span = finding.span
    end_line = max(span.end_line, span.start_line)
    end_col = span.end_col if (end_line, span.end_col) >= (span.start_line, span.start_col) else span.start_col
    return {
        "ruleId": finding.rule_id,
        "ruleIndex": rule_index,
        "level": sarif_level(finding.severity),
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": dict(location),
                    "region": {
                        "startLine": max(1, span.start_line),
                        "startColumn": span.start_col + 1,
                        "endLine": max(1, end_line),
                        "endColumn": end_col + 1,
                    },
                },
            }
        ],
    }


def build_sarif(results: Sequence[CheckResult], cwd: str | None = None) -> dict[str, Any]:
    """The SARIF log of a check run."""
    base = Path(os.path.abspath(cwd or os.getcwd()))
    base_uri = base.as_uri() if base.as_uri().endswith("/") else base.as_uri() + "/"
    descriptors: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    try:
        for rule in all_rules():
            index[rule.id] = len(descriptors)
            descriptors.append(_rule_descriptor(rule))
    except ImportError:
        pass
    sarif_results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for result in results:
        location = _artifact_location(result.path, base)
        for finding in result.findings:
            if finding.rule_id not in index:
                index[finding.rule_id] = len(descriptors)
                descriptors.append(_unknown_rule_descriptor(finding))
            sarif_results.append(_result(finding, index[finding.rule_id], location))
        problem = result.skipped or result.failed
        if problem:
            notifications.append(
                {
                    "level": "warning" if result.skipped else "error",
                    "message": {"text": f"{result.display}: {problem}"},
                    "locations": [{"physicalLocation": {"artifactLocation": dict(location)}}],
                }
            )
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {"driver": _driver(descriptors)},
                "originalUriBaseIds": {"%SRCROOT%": {"uri": base_uri}},
                "columnKind": "unicodeCodePoints",
                "invocations": [
                    {
                        "executionSuccessful": not any(r.failed for r in results),
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "results": sarif_results,
            }
        ],
    }


def format_sarif(results: Sequence[CheckResult], cwd: str | None = None) -> str:
    return json.dumps(build_sarif(results, cwd), indent=2, ensure_ascii=False) + "\n"
