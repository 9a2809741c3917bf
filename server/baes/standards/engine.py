"""The engine: one parse, one shared index, the selected rules, suppressions, an outcome.

It never raises on user input: a syntax error becomes one ST001 finding, a crash inside a
rule becomes a log record plus one ST000 finding while the other rules still run.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass

from baes.python_ast import parse as parse_python
from baes.settings.config import Settings
from baes.standards.chunks import Chunk
from baes.standards.decision import UNCERTAIN, Decision, Failure, decide
from baes.standards.findings import Finding, Severity, Span
from baes.standards.incremental import IncrementalParser
from baes.standards.index import SourceIndex
from baes.standards.newer_syntax import RUNNING, NewerSyntax, newer_syntax
from baes.standards.rule import Rule, RuleContext, Violation
from baes.standards.selection import SelectedRule, rules_in_force
from baes.standards.statement_rules import module_facts
from baes.standards.suppression import EMPTY, parse_suppressions
from baes.standards.swea_detection import detect_swea
from baes.swea import SWEAType

log = logging.getLogger(__name__)
_DEFAULT_SETTINGS = Settings()
INTERNAL_ERROR_ID = "ST000"
SYNTAX_ERROR_ID = "ST001"


@dataclass(frozen=True)
class FileReport:
    """Everything the engine says about one file."""

    path: str | None
    swea_type: SWEAType | None
    findings: tuple[Finding, ...]
    outcome: str
    confidence: float
    syntax_error: bool
    elapsed_ms: float


@dataclass(frozen=True)
class CheckRun:
    """A report plus the rules that actually ran (``ValidationRuleEngine`` lists passes too)."""

    report: FileReport
    rules_run: tuple[SelectedRule, ...]
    decision: Decision
    has_code: bool = True
    index: SourceIndex | None = None


def check_source(
    source: str,
    path: str | os.PathLike[str] | None = None,
    settings: Settings | None = None,
    swea_type: SWEAType | str | None = None,
    parser: IncrementalParser | None = None,
) -> FileReport:
    """Check one file's text; see ``docs/architecture.md`` for the contract.

    ``parser``: the document's ``IncrementalParser`` when successive versions of one document are
    checked (the language server), so only the statements an edit touched are parsed again.
    """
    if parser is None:
        return run_checks(source, path, settings, swea_type).report
    with parser.lock:
        return run_checks(source, path, settings, swea_type, parser).report


def run_checks(
    source: str | bytes,
    path: str | os.PathLike[str] | None = None,
    settings: Settings | None = None,
    swea_type: SWEAType | str | None = None,
    parser: IncrementalParser | None = None,
) -> CheckRun:
    """The check and what it ran on; with ``parser``, the caller holds ``parser.lock`` until it
    is done with the returned index (the next version's parse moves the nodes it reuses)."""
    started = time.perf_counter()
    settings = settings if settings is not None else _DEFAULT_SETTINGS
    path_text = os.fspath(path) if path is not None else None
    if isinstance(source, bytes):
        source = source.decode("utf-8", errors="replace")
    forced = _parse_swea(swea_type)
    selected = rules_in_force(settings, path_text)
    by_id = {s.rule.id: s for s in selected}

    by_type = None
    chunks: tuple[Chunk, ...] = ()
    try:
        if parser is not None:
            parsed = parser.parse(source, filename=path_text or "<unknown>")
            tree, by_type, chunks = parsed.tree, parsed.by_type, parsed.chunks
        else:
            tree = parse_python(source, filename=path_text or "<unknown>")
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        swea = forced if swea_type is not None else detect_swea(source, path_text, settings)
        # valid for a newer Python than this one: say which, and that nothing was checked
        newer = newer_syntax(source, error_message=exc.msg, error_line=exc.lineno) if isinstance(exc, SyntaxError) else None
        reported: list[Finding] = []
        if SYNTAX_ERROR_ID in by_id:
            sel = by_id[SYNTAX_ERROR_ID]
            finding = _syntax_finding(source, exc, sel, swea) if newer is None else _newer_syntax_finding(newer, sel, swea)
            # comments are found by text alone here: there is no tree to rule out strings
            if not parse_suppressions(source).suppresses(finding):
                reported.append(finding)
        decision = (
            decide((), has_code=True, syntax_error=True)
            if newer is None
            else Decision(UNCERTAIN, 0.0, f"not checked: the file needs Python {newer.version_text}")
        )
        report = FileReport(path_text, swea, tuple(reported), decision.outcome, decision.confidence, True, _ms(started))
        return CheckRun(report, (), decision)

    index = SourceIndex(source, tree, by_type)
    swea = forced if swea_type is not None else detect_swea(source, path_text, settings, index)
    suppressions = parse_suppressions(source, index)
    findings: list[Finding] = []
    ran: list[SelectedRule] = []
    crashes = 0
    facts = module_facts(index) if chunks else None
    for sel in selected:
        rule = sel.rule
        if rule.id in (INTERNAL_ERROR_ID, SYNTAX_ERROR_ID) or not rule.applies_to_swea(swea):
            continue
        if suppressions is not EMPTY and suppressions.file_suppresses(rule.id):
            continue
        ran.append(sel)
        ctx = RuleContext(index, sel.options, swea, path_text)  # positional: built once per rule and file
        try:
            if facts is not None and rule.scope == "statement" and parser is not None:
                results = parser.statement_results
                key = results.key(rule, sel.options, swea, path_text, facts)
                violations = list(results.check(rule, ctx, chunks, key))
            else:
                violations = list(rule.check(ctx))
        except Exception as exc:  # a bug in one rule must not stop the others
            log.exception("rule %s crashed on %s", rule.id, path_text or "<source>")
            crashes += 1
            if INTERNAL_ERROR_ID in by_id:
                findings.append(_internal_error(rule, exc, by_id[INTERNAL_ERROR_ID], swea))
            continue
        findings += _within_budget(
            [_to_finding(v, sel, index, swea) for v in violations[: MAX_FINDINGS_PER_RULE + 1]], len(violations), rule.id
        )

    if suppressions is not EMPTY and findings:
        ends = index.statement_ends
        findings = [f for f in findings if not suppressions.suppresses(f, ends.get(f.span.start_line))]
    findings.sort(key=lambda f: (f.span.start_line, f.span.start_col, f.rule_id))
    failures = [
        Failure(f.rule_id, by_id[f.rule_id].rule.confidence, by_id[f.rule_id].rule.critical, f.severity)
        for f in findings
        if f.rule_id in by_id and f.rule_id != INTERNAL_ERROR_ID
    ]
    # an empty package marker needs no code; any other file of comments only is never approved
    has_code = index.has_code() or _is_package_marker(path_text)
    decision = decide(failures, has_code=has_code, internal_errors=crashes)
    report = FileReport(path_text, swea, tuple(findings), decision.outcome, decision.confidence, False, _ms(started))
    return CheckRun(report, tuple(ran), decision, has_code, index)


# A rule reporting more than this in one file is cut off with one finding that says so: the
# first ones are what a user acts on, and an editor given 100,000 diagnostics freezes.
MAX_FINDINGS_PER_RULE = 500


def _within_budget(findings: list[Finding], reported: int, rule_id: str) -> list[Finding]:
    if reported <= MAX_FINDINGS_PER_RULE:
        return findings
    first_left_out = findings[MAX_FINDINGS_PER_RULE]
    note = Finding(
        rule_id=rule_id,
        message=(
            f"{rule_id} found {reported} problems in this file; only the first {MAX_FINDINGS_PER_RULE} "
            "are shown (fix those, or suppress the rule for this file)"
        ),
        severity=Severity.INFO,
        span=first_left_out.span,
        swea_type=first_left_out.swea_type,
    )
    return [*findings[:MAX_FINDINGS_PER_RULE], note]


def _is_package_marker(path: str | None) -> bool:
    return path is not None and os.path.basename(path) == "__init__.py"


def _parse_swea(value: SWEAType | str | None) -> SWEAType | None:
    if value is None:
        return None
    try:
        return SWEAType.parse(value)
    except ValueError:
        return None


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000.0


def _to_finding(v: Violation, sel: SelectedRule, index: SourceIndex, swea: SWEAType | None) -> Finding:
    rule = sel.rule
    span = Span(v.line, index.code_point_col(v.line, v.col), v.end_line, index.code_point_col(v.end_line, v.end_col))
    kind = rule.swea_type.value if rule.swea_type else (swea.value if swea else None)
    return Finding(
        rule_id=rule.id,
        message=rule.format_message(v.args),
        severity=sel.severity,
        span=span,
        swea_type=kind,
        fix=v.fix,
        details=_jsonable(v.details),
    )


def _jsonable(details: object) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in dict(details).items():  # type: ignore[call-overload]
        out[str(key)] = value if isinstance(value, (str, int, float, bool, type(None))) else str(value)
    return out


def _syntax_finding(source: str, exc: BaseException, sel: SelectedRule, swea: SWEAType | None) -> Finding:
    line = getattr(exc, "lineno", None) or 1
    offset = getattr(exc, "offset", None) or 1
    lines = source.splitlines() or [""]
    line = max(1, min(line, len(lines)))
    col = max(0, min(offset - 1, len(lines[line - 1])))
    end_col = min(len(lines[line - 1]), col + 1) if lines[line - 1] else col
    message = getattr(exc, "msg", None) or str(exc) or type(exc).__name__
    return Finding(
        rule_id=SYNTAX_ERROR_ID,
        message=sel.rule.format_message({"error": message}),
        severity=sel.severity,
        span=Span(line, col, line, max(end_col, col)),
        swea_type=swea.value if swea else None,
        details={"error": str(message)},
    )


def _newer_syntax_finding(newer: NewerSyntax, sel: SelectedRule, swea: SWEAType | None) -> Finding:
    """Not an error in the file: one level below the rule's severity (at most a warning), and a
    message that says no other rule could look at it."""
    running = f"{RUNNING[0]}.{RUNNING[1]}"
    severity = Severity.WARNING if sel.severity is Severity.ERROR else sel.severity
    return Finding(
        rule_id=SYNTAX_ERROR_ID,
        message=(
            f"this file needs Python {newer.version_text} ({newer.feature}); the server runs Python "
            f"{running}, which cannot parse it, so no other rule checked this file"
        ),
        severity=severity,
        span=Span(newer.line, newer.col, newer.line, newer.col + 1),
        swea_type=swea.value if swea else None,
        details={"error": f"needs Python {newer.version_text}", "needs_python": newer.version_text, "running_python": running},
    )


def _internal_error(rule: Rule, exc: Exception, sel: SelectedRule, swea: SWEAType | None) -> Finding:
    error = f"{type(exc).__name__}: {exc}"
    return Finding(
        rule_id=INTERNAL_ERROR_ID,
        message=sel.rule.format_message({"rule": rule.id, "error": error}),
        severity=sel.severity,
        span=Span(1, 0, 1, 0),
        swea_type=swea.value if swea else None,
        details={"rule": rule.id, "error": error},
    )
