"""The generation pipeline: a request (or an ``EntitySpec``) becomes an entity's files, measured.

Flow (docs/pipeline.md has the details and every metric's definition):

1. recognition, cache first (``baes.recognition.recognize``);
2. a scaffold plan: the entity's files and the shared files to extend (``baes.scaffold``),
   or, for new attributes/references of an existing entity, ``baes.scaffold.entity_update``;
3. per SWEA, in dependency waves (parallel threads within a wave when enabled): STANDARD
   entities keep the templates' code and have it validated; CUSTOM entities (and every entity
   when templates are off) get their module from the LLM with the standards text, validated,
   retried by targeted patch or regeneration (``baes.generation.custom``);
4. all files written atomically, all or nothing, never over a user's file
   (``baes.scaffold.writer``); nothing at all when any SWEA failed;
5. a ``PerformanceMetrics`` record with measured values, appended to the metrics log.

Helpers, one job each: ``generation`` (one SWEA's LLM loop), ``template_check`` (judging the
templates' files), ``waves`` (ordering and threads), ``stage_metrics`` (filling the metrics),
``generation_result`` (what is returned), ``entity_update`` (changing an existing entity).

Nothing here raises on bad input or LLM trouble: problems become notes on the result.
"""

from __future__ import annotations

import logging
import time
import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from baes.fixes.text_edits import minimal_edits
from baes.generation.custom import ModuleJob, ModuleOutcome, generate_module
from baes.generation.evolution import change_from_recognition
from baes.generation.llm_client import LLMClient, LLMConfig
from baes.generation.result import FileOutcome, GenerationResult, SWEAResult, file_outcomes
from baes.generation.template_check import check_template_files
from baes.generation.waves import run_waves
from baes.metrics.log import MetricsLog
from baes.metrics.optimization_metrics import PerformanceMetrics
from baes.metrics.stages import fill_stage_metrics
from baes.recognition.cache import default_cache
from baes.recognition.recognize import RecognitionError, recognize
from baes.scaffold.classification import (
    Classification,
    EntityType,
    classify,
    not_generated_note,
)
from baes.scaffold.entity_update import EntityChange, plan_entity_change
from baes.scaffold.merge import snapshot_path
from baes.scaffold.plan import plan_scaffold
from baes.scaffold.project import inspect_project
from baes.scaffold.spec import EntitySpec
from baes.scaffold.template_registry import shared_registry
from baes.scaffold.writer import ScaffoldConflict, write_plan
from baes.settings.config import FeatureFlags
from baes.swea import SWEAType

LOG = logging.getLogger(__name__)


@dataclass
class _Run:
    """Mutable state of one pipeline run."""

    started: float
    metrics: PerformanceMetrics
    flags: FeatureFlags
    notes: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    intent: str | None = None
    entity: EntitySpec | None = None
    entity_type: str | None = None
    recognition_source: str | None = None
    reasons: tuple[str, ...] = ()
    existing: Any = None  # the project as inspect_project read it (once per run)
    change: Any = None  # an EntityChange of an existing entity (evolution), when the request is one
    conflict_markers: bool = False  # write git-style markers for overlapping edits instead of refusing
    plan: Any = None  # the final ScaffoldPlan (LLM modules in place) once every SWEA succeeded
    recognition: Any = None  # the Recognition of a sentence (what was understood), for dry runs and previews

    def fail(self, message: str) -> None:
        self.errors.append(message)


def _client_for(llm: LLMConfig | LLMClient | None) -> LLMClient | None:
    """An LLM client when one is configured; None means no network use at all."""
    if isinstance(llm, LLMClient):
        return llm if llm.config.enabled else None
    config = llm if llm is not None else LLMConfig.from_env()
    return LLMClient(config) if config.enabled else None


def _recognize(run: _Run, request: str, root: Path, client: LLMClient | None, cache: Any) -> None:
    if run.flags.ENABLE_RECOGNITION_CACHE and cache is None:
        cache = default_cache()
    run.existing = inspect_project(root)
    existing = [e.name for e in run.existing.entities]
    started = time.perf_counter()
    try:  # ``recognize`` leaves the cache alone when the flag is off
        recognition = recognize(
            request, existing_entities=existing, llm=client.config if client else None, cache=cache, flags=run.flags
        )
    except (RecognitionError, ValueError) as exc:
        run.metrics.recognition_time = time.perf_counter() - started
        run.fail(f"the request was not understood: {exc}")
        return
    elapsed = time.perf_counter() - started
    m = run.metrics
    m.recognition_time = elapsed
    m.recognition_tokens = recognition.tokens
    m.llm_time += recognition.latency_s
    m.llm_calls += int(recognition.tokens > 0 or recognition.source == "llm")
    m.cache_hit = recognition.from_cache
    if recognition.from_cache:
        m.cache_tier = recognition.source.split(":", 1)[1]
        m.cache_hit_time = elapsed
    run.recognition = recognition
    run.recognition_source = recognition.source
    run.intent = recognition.intent
    run.entity = recognition.entity
    run.entity_type = str(getattr(recognition.entity_type, "value", recognition.entity_type))
    run.reasons = tuple(recognition.custom_logic_reasons)
    run.notes.extend(recognition.notes)
    if recognition.intent == "relationship" and recognition.related_entity:
        many = any(r.kind == "many_to_many" for r in recognition.entity.relationships)
        run.notes.append(
            f"{recognition.entity.name} and {recognition.related_entity} are related many-to-many"
            if many
            else f"{recognition.entity.name} now references {recognition.related_entity}"
        )
    run.change = change_from_recognition(recognition)


def _plan(run: _Run, root: Path, request: str, registry: Any) -> Any:
    """The scaffold plan for the run's intent, or None (with an error) when there is none."""
    assert run.entity is not None
    plan = None
    existing = run.existing if run.existing is not None else inspect_project(root)
    if run.change is not None:
        plan = plan_entity_change(
            root, run.change, request=request, registry=registry, existing=existing, conflict_markers=run.conflict_markers
        )
        change = run.change
        additions_only = not (change.remove or change.rename or change.new_name or change.delete)
        if plan is None and not additions_only:
            run.fail(f"{change.entity} is not an entity of this app; nothing was written")
            return None
        if plan is None:  # "each team has many players": the child is created with its reference
            run.entity = EntitySpec(change.entity, change.add_attributes, change.add_relationships)
    if plan is None:
        kind = EntityType(run.entity_type) if run.entity_type else EntityType.STANDARD
        classification = Classification(kind, run.reasons)
        plan = plan_scaffold(
            root,
            [run.entity],
            request=request,
            registry=registry,
            validate=False,
            classifications={run.entity.name: classification},
            existing=existing,
        )
    for conflict in plan.conflicts:
        run.fail(conflict)
    if plan.entities:
        run.entity = plan.entities[0]
    return plan if plan.ok else None


def _primary_paths(plan: Any, registry: Any) -> dict[SWEAType, str]:
    """The module each SWEA's LLM generation replaces: the primary template's file of the entity."""
    paths: dict[SWEAType, str] = {}
    for swea in SWEAType:
        metadata = registry.get_template(swea, EntityType.STANDARD)
        for planned in plan.files:
            if metadata is not None and planned.template_id == metadata.template_id and planned.entity:
                paths[swea] = planned.path
    return paths


def _stages(
    run: _Run, plan: Any, registry: Any, client: LLMClient | None, request: str, max_attempts: int
) -> tuple[dict[SWEAType, Any], set[SWEAType], dict[SWEAType, str]]:
    """The stage function of each SWEA, which of them use the LLM, and the files they replace."""
    assert run.entity is not None
    entity = run.entity
    custom = run.entity_type == "custom"
    use_templates = run.flags.ENABLE_TEMPLATES and not custom
    primary = _primary_paths(plan, registry)
    by_swea: dict[SWEAType, list[Any]] = {swea: [] for swea in SWEAType}
    for planned in plan.files:
        if planned.swea_type is not None:
            by_swea[planned.swea_type].append(planned)
    llm_sweas: set[SWEAType] = set()
    if not use_templates:
        if client is not None:
            llm_sweas = {swea for swea in SWEAType if swea in primary}
        elif custom and run.flags.ENABLE_TEMPLATES:
            run.metrics.template_fallback_count = len(primary)
            run.notes.append(
                "no LLM is configured (BAES_LLM_BASE_URL, BAES_LLM_MODEL): the standard templates "
                f"stand in for {', '.join(s.value for s in primary)}"
            )
        else:
            run.fail(
                "ENABLE_TEMPLATES is off and no LLM is configured (BAES_LLM_BASE_URL, BAES_LLM_MODEL): "
                "nothing can generate the entity's modules; nothing was written"
            )
            return {}, set(), primary

    def template_stage(swea: SWEAType) -> Any:
        return lambda done: check_template_files(swea, by_swea[swea], entity.name, client, run.flags)

    def llm_stage(swea: SWEAType) -> Any:
        job = ModuleJob(
            swea=swea,
            spec=entity,
            target_path=primary[swea],
            client=client,  # type: ignore[arg-type]
            flags=run.flags,
            reasons=run.reasons,
            request=request,
            max_attempts=max_attempts,
        )

        def stage(done: Any) -> ModuleOutcome:
            context = [(f.path, f.content) for f in by_swea[swea] if f.path != primary[swea] and f.entity]
            context += [(primary[s], outcome.code) for s, outcome in done.items() if outcome.code]
            return generate_module(job, context)

        return stage

    stages = {
        swea: (llm_stage(swea) if swea in llm_sweas else template_stage(swea))
        for swea in SWEAType
        if by_swea[swea] or swea in llm_sweas
    }
    return stages, llm_sweas, primary


def _final_plan(plan: Any, outcomes: dict[SWEAType, ModuleOutcome], primary: dict[SWEAType, str]) -> Any:
    """The plan with each LLM-generated module in place of the template's."""
    generated = {primary[s]: o.code for s, o in outcomes.items() if o.source == "llm" and o.code is not None}
    # what baes generated is the merge base of the next change: the snapshot holds the LLM's module too
    generated |= {snapshot_path(path): code for path, code in generated.items()}
    files = []
    for planned in plan.files:
        code = generated.get(planned.path)
        if code is None:
            files.append(planned)
        elif planned.kind == "edit" and planned.original is not None:
            files.append(replace(planned, content=code, edits=minimal_edits(planned.original, code), template_id=None))
        else:
            files.append(replace(planned, content=code, template_id=None))
    return replace(plan, files=tuple(files))


def generate_entity(
    request: str | EntitySpec | Any,
    project_dir: str | Path,
    *,
    llm: LLMConfig | LLMClient | None = None,
    flags: FeatureFlags | None = None,
    cache: Any = None,
    dry_run: bool = False,
    metrics_log: MetricsLog | None = None,
    record_metrics: bool = True,
    max_attempts: int = 3,
    registry: Any = None,
    entity_type: str | None = None,
    conflict_markers: bool = False,
) -> GenerationResult:
    """Generate (or extend) one entity in ``project_dir``; see the module docstring for the flow.
    ``llm``: a config or client; None reads ``BAES_LLM_*`` from the environment, and a config
    without base URL and model means no LLM (no network). ``flags``: None reads ``ENABLE_*``.
    ``cache``: a ``RecognitionCache`` (None: the process-wide default, when caching is on).
    ``entity_type`` ("standard"/"custom") overrides the classification of an ``EntitySpec``.
    ``request`` may also be a ``baes.scaffold.entity_update.EntityChange`` (evolution without
    recognition); ``conflict_markers`` writes overlapping edits with git-style markers.
    """
    started = time.perf_counter()
    active = flags if flags is not None else FeatureFlags.from_env()
    name = request.name if isinstance(request, EntitySpec) else (request.entity if isinstance(request, EntityChange) else "")
    metrics = PerformanceMetrics(
        request_id=str(uuid.uuid4()), entity_name=name, entity_type="", timestamp=datetime.now().astimezone()
    )
    run = _Run(started=started, metrics=metrics, flags=active, conflict_markers=conflict_markers)
    run.notes.extend(active.errors)
    root = Path(project_dir)
    result_files: tuple[FileOutcome, ...] = ()
    swea_results: dict[str, SWEAResult] = {}
    try:
        client = _client_for(llm)
        text = request if isinstance(request, str) else ""
        max_attempts = max(1, int(max_attempts))
        if isinstance(request, EntityChange):
            run.intent, run.change, run.entity = "change", request, EntitySpec(request.entity)
            run.entity_type = entity_type or "standard"
        elif not isinstance(request, (str, EntitySpec)):
            run.fail(f"the request must be a sentence, an EntitySpec or an EntityChange, not {type(request).__name__}")
        elif isinstance(request, EntitySpec):
            classification = classify("", request)
            run.intent, run.entity = "create", request
            run.entity_type = entity_type or classification.entity_type.value
            run.reasons = classification.reasons or (("custom: requested explicitly",) if run.entity_type == "custom" else ())
        else:
            _recognize(run, text, root, client, cache)
        if not run.errors:
            result_files, swea_results = _generate(run, root, text, client, registry, max_attempts, dry_run)
    except Exception as exc:  # a bug must not lose the user's work or the metrics: report it
        LOG.exception("generation pipeline failed")
        run.fail(f"internal error: {type(exc).__name__}: {exc}")
    return _finish(run, result_files, swea_results, dry_run, metrics_log, record_metrics)


def _generate(
    run: _Run, root: Path, request: str, client: LLMClient | None, registry: Any, max_attempts: int, dry_run: bool
) -> tuple[tuple[FileOutcome, ...], dict[str, SWEAResult]]:
    registry = registry or shared_registry()
    plan = _plan(run, root, request, registry)
    if plan is None:
        return (), {}
    stages, llm_sweas, primary = _stages(run, plan, registry, client, request, max_attempts)
    if run.errors:
        return (), {}
    run.notes.extend(_plan_notes(plan, run.entity, llm_generated=bool(llm_sweas)))
    waves = run_waves(stages, parallel=run.flags.ENABLE_PARALLEL_EXECUTION)
    outcomes: dict[SWEAType, ModuleOutcome] = waves.results
    fill_stage_metrics(run.metrics, run.flags, outcomes, waves)
    template_ids = sorted({o.template_id for s, o in outcomes.items() if o.source == "template" and o.template_id})
    run.metrics.template_used = bool(template_ids)
    run.metrics.template_id = ",".join(template_ids) or None
    swea_results = {
        swea.value: SWEAResult(
            swea_type=swea.value,
            source=o.source if (o.source == "template" or o.code) else "none",
            approved=o.approved,
            validation_outcome=o.validation_outcome,
            final_outcome=o.final_outcome,
            tokens=o.tokens,
            time_s=waves.stage_times.get(swea, 0.0),
            retry_count=o.retry_count,
            retry_methods=tuple(o.retry_methods),
            notes=tuple(o.notes),
        )
        for swea, o in outcomes.items()
    }
    for outcome in outcomes.values():
        if outcome.failed:
            run.errors.extend(outcome.notes)
        else:
            run.notes.extend(outcome.notes)
    final = _final_plan(plan, outcomes, primary)
    llm_paths = {primary[s] for s in llm_sweas}
    if run.errors:
        run.notes.append("nothing was written because generation failed")
        return file_outcomes(final, llm_paths, written=False), swea_results
    run.metrics.approval_granted = all(o.approved for o in outcomes.values())
    run.plan = final
    if dry_run:
        return file_outcomes(final, llm_paths, written=False), swea_results
    try:
        write_plan(final)
    except ScaffoldConflict as exc:
        run.fail(str(exc))
        run.metrics.approval_granted = False
        return file_outcomes(final, llm_paths, written=False), swea_results
    return file_outcomes(final, llm_paths, written=True), swea_results


def _plan_notes(plan: Any, entity: EntitySpec | None, llm_generated: bool) -> list[str]:
    """The plan's notes, without the "custom logic NOT generated" one when the LLM did generate it."""
    notes = list(plan.notes)
    if llm_generated and entity is not None and entity.name in plan.classifications:
        stale = not_generated_note(entity.name, plan.classifications[entity.name])
        notes = [note for note in notes if note != stale]
    return notes


def _finish(
    run: _Run,
    files: tuple[FileOutcome, ...],
    swea: dict[str, SWEAResult],
    dry_run: bool,
    metrics_log: MetricsLog | None,
    record: bool,
) -> GenerationResult:
    m = run.metrics
    if run.entity is not None:
        m.entity_name = run.entity.name
    m.entity_type = run.entity_type or "unknown"
    m.error_count = len(run.errors)
    m.error_notes = list(run.errors)
    m.total_tokens = (
        m.recognition_tokens + m.backend_tokens + m.database_tokens + m.frontend_tokens + m.test_tokens + m.validation_tokens
    )
    if run.errors:
        m.approval_granted = False
    m.total_time = time.perf_counter() - run.started
    if record:
        try:
            (metrics_log or MetricsLog()).append(m)
        except OSError as exc:
            run.notes.append(f"the metrics were not recorded: {exc}")
    return GenerationResult(
        ok=not run.errors,
        intent=run.intent,
        entity=run.entity,
        entity_type=run.entity_type,
        files=files,
        swea=swea,
        notes=tuple(run.errors + run.notes),
        metrics=m,
        recognition_source=run.recognition_source,
        dry_run=dry_run,
        plan=run.plan if not run.errors else None,
        recognition=run.recognition,
    )
