"""Replayable benchmark of the generation pipeline against a scripted local LLM.

Scenario: create Student, add email to Student, create Course, add Course to Student, create
Teacher (a CUSTOM entity: it needs notifications), add Teacher to Course; then a paraphrase of
each step. Everything runs through ``baes.generation.pipeline.generate_entity`` against the fake
OpenAI server of tests/support (real HTTP on 127.0.0.1, the real openai client), whose
scripted answers are the templates' modules (the CUSTOM entity's first answers carry a
patchable defect, a non-patchable one and an empty test module the rules cannot judge, which
goes to an LLM review that approves it) and whose usage counts are tiktoken counts of the texts.

Runs, all measured in this process:
  baseline  every ENABLE_* flag off (no templates, no cache, full standards, LLM review,
            sequential, regeneration only): the reference's "before" measured here;
  cold      every flag on, a fresh recognition-cache file: scenario, paraphrases, then the
            scenario again in another project (one session: the within-session hit rate);
  warm      every flag on, a new RecognitionCache on the same file (a new session);
  no-smart  the CUSTOM step again with ENABLE_SMART_RETRY off (for the retry savings).

Prints our figures next to the reference's "Performance Targets" table; ``--json`` prints
them as JSON. Usage: .venv/bin/python bench/bench_pipeline.py [--json] [--latency 0.2]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import mean
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # ``bench.figures`` when run as a script
from bench.figures import Figure, emit  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SCENARIO = (
    "Create Student with name and gpa",
    "add email to Student",
    "Create Course with title and credits",
    "add Course to Student",
    "Create Teacher with name and email, and send a notification email when a teacher is assigned",
    "add Teacher to Course",
)
PARAPHRASES = (
    "I need a system to manage students with a name and a GPA",
    "students also need an email",
    "Make a course entity with a title and credits",
    "each student belongs to a course",
    "Build teachers with name and email and notify them by email when they are assigned",
    "courses should reference a teacher",
)
CUSTOM_STEP = SCENARIO[4]

REFERENCE = (  # (metric, baseline, target, achieved) as the API reference states them
    ("Time per entity", "40s", "<15s", "12-14s"),
    ("Tokens per entity", "8000", "<2000", "1800-1900"),
    ("Template usage", "0%", "80%+", "85%"),
    ("Cache hit rate (session)", "0%", "40%+", "45%"),
    ("Cache hit rate (cross-session)", "0%", "60%+", "65%"),
    ("Confident validation", "0%", "70-80%", "75%"),
    ("Parallel time savings", "0%", "15-25%", "20%"),
    ("Smart retry token savings", "0%", "50%+", "75%"),
    ("Approval rate", "80%", ">=85%", "87%"),
)


@dataclass
class Step:
    request: str
    result: Any


def _defects() -> dict[str, Any]:
    from tests.pipeline.scripted_llm import EMPTY_MODULE, HARD_CODED_SECRET, MISSING_IMPORT

    return {
        "app/tables/teacher.py": MISSING_IMPORT,
        "app/routers/teacher.py": HARD_CODED_SECRET,
        "tests/test_teacher.py": EMPTY_MODULE,
    }


def run_sequence(
    server: Any, requests: Sequence[str], project: Path, flags: Any, cache: Any, log: Any, latency: float
) -> list[Step]:
    """Replay ``requests`` in one project folder, with a fresh scripted brain (same defects each run)."""
    from tests.pipeline.scripted_llm import TemplateBrain

    from baes.generation.llm_client import LLMConfig
    from baes.generation.pipeline import generate_entity

    server.reset()
    server.handler = TemplateBrain(project, defects=_defects(), delay_s=latency)
    config = LLMConfig(base_url=server.base_url, model="fake-model", api_key="bench", timeout_s=30, max_retries=0)
    steps = []
    for request in requests:
        result = generate_entity(request, project, llm=config, flags=flags, cache=cache, metrics_log=log)
        steps.append(Step(request, result))
    return steps


def _rate(values: Sequence[bool]) -> float:
    return sum(values) / len(values) if values else 0.0


def summarize(steps: Sequence[Step]) -> dict[str, Any]:
    """The figures of one run, each defined as in docs/pipeline.md."""
    metrics = [s.result.metrics for s in steps]
    ok = [m for m in metrics if m.error_count == 0]
    validated = [m for m in metrics if m.validation_outcome is not None]
    llm_parallel = [m for m in metrics if m.parallel_execution_enabled and m.frontend_tokens and m.test_tokens]
    return {
        "requests": len(metrics),
        "failed": [f"{s.request}: {'; '.join(s.result.notes[:2])}" for s in steps if not s.result.ok],
        "avg_tokens": mean(m.total_tokens for m in metrics) if metrics else 0.0,
        "avg_total_time_s": mean(m.total_time for m in metrics) if metrics else 0.0,
        "avg_own_time_s": mean(m.own_time for m in metrics) if metrics else 0.0,
        "avg_llm_time_s": mean(m.llm_time for m in metrics) if metrics else 0.0,
        "cache_hit_rate": _rate([m.cache_hit for m in metrics]),
        "cache_tiers": sorted({m.cache_tier for m in metrics if m.cache_tier}),
        "template_usage_rate": _rate([m.template_used for m in metrics]),
        "confident_validation_rate": _rate(
            [m.validation_outcome in ("confident_approval", "confident_rejection") for m in validated]
        ),
        "approval_rate": _rate([m.approval_granted for m in metrics]),
        "success_rate": _rate([m.error_count == 0 for m in metrics]),
        "parallel_savings_pct": mean(m.parallel_savings_pct for m in llm_parallel) if llm_parallel else 0.0,
        "parallel_requests": len(llm_parallel),
        "retry_tokens": sum(m.retry_tokens for m in metrics),
        "retry_tokens_saved_estimate": sum(m.retry_tokens_saved for m in metrics),
        "retry_methods": sorted({m.retry_method for m in metrics if m.retry_method}),
        "retry_count": sum(m.retry_count for m in metrics),
        "ok_requests": len(ok),
    }


def measure(latency: float) -> dict[str, Any]:
    from tests.support.fake_openai import FakeOpenAI

    from baes.metrics.log import MetricsLog
    from baes.recognition.cache import RecognitionCache
    from baes.settings.config import FLAG_NAMES, FeatureFlags

    all_on = FeatureFlags()
    all_off = FeatureFlags(**{name: False for name in FLAG_NAMES})
    no_smart = FeatureFlags(ENABLE_SMART_RETRY=False)
    with tempfile.TemporaryDirectory(prefix="baes-bench-") as scratch, FakeOpenAI() as server:
        base = Path(scratch)
        os.environ["BAES_CACHE_DIR"] = str(base / "user-cache")  # never the user's own cache or log
        log = MetricsLog(base / "metrics.jsonl")
        cache_file = str(base / "recognition.db")

        baseline = run_sequence(server, SCENARIO, base / "baseline", all_off, None, log, latency)

        cold_cache = RecognitionCache(cache_file)
        cold = run_sequence(server, SCENARIO, base / "cold-scenario", all_on, cold_cache, log, latency)
        cold += run_sequence(server, PARAPHRASES, base / "cold-paraphrases", all_on, cold_cache, log, latency)
        # the user replays the scenario in another project during the same session
        cold += run_sequence(server, SCENARIO, base / "cold-replay", all_on, cold_cache, log, latency)
        cold_cache.close()

        warm_cache = RecognitionCache(cache_file)  # a new session: nothing in memory, the same file
        warm = run_sequence(server, SCENARIO, base / "warm-scenario", all_on, warm_cache, log, latency)
        warm += run_sequence(server, PARAPHRASES, base / "warm-paraphrases", all_on, warm_cache, log, latency)
        warm_cache.close()

        smart_on = [s for s in cold[: len(SCENARIO)] if s.request == CUSTOM_STEP]
        smart_off = run_sequence(
            server, [CUSTOM_STEP], base / "no-smart-retry", no_smart, RecognitionCache(str(base / "other.db")), log, latency
        )
        records = len(log.read().records)

    figures = {
        "baseline": summarize(baseline),
        "cold": summarize(cold),
        "warm": summarize(warm),
        "custom_smart_retry_on": summarize(smart_on),
        "custom_smart_retry_off": summarize(smart_off),
    }
    on_retry = figures["custom_smart_retry_on"]["retry_tokens"]
    off_retry = figures["custom_smart_retry_off"]["retry_tokens"]
    figures["smart_retry_token_savings_pct"] = (off_retry - on_retry) / off_retry * 100.0 if off_retry else 0.0
    optimized = cold + warm
    figures["optimized"] = summarize(optimized)
    base_tokens = figures["baseline"]["avg_tokens"]
    figures["token_savings_vs_baseline_pct"] = (
        (base_tokens - figures["optimized"]["avg_tokens"]) / base_tokens * 100.0 if base_tokens else 0.0
    )
    figures["scripted_latency_s"] = latency
    figures["metrics_records"] = records
    return figures


def _pct(value: float) -> str:
    return f"{value * 100:.0f}%"


def table(f: dict[str, Any]) -> str:
    b, o, cold, warm = f["baseline"], f["optimized"], f["cold"], f["warm"]
    ours = {
        "Time per entity": (
            f"{b['avg_own_time_s'] * 1000:.0f} ms own",
            f"{o['avg_own_time_s'] * 1000:.0f} ms own (+{o['avg_llm_time_s']:.2f} s scripted LLM)",
        ),
        "Tokens per entity": (
            f"{b['avg_tokens']:.0f}",
            f"{o['avg_tokens']:.0f} ({f['token_savings_vs_baseline_pct']:.0f}% fewer)",
        ),
        "Template usage": (_pct(b["template_usage_rate"]), _pct(o["template_usage_rate"])),
        "Cache hit rate (session)": (_pct(b["cache_hit_rate"]), _pct(cold["cache_hit_rate"])),
        "Cache hit rate (cross-session)": ("-", _pct(warm["cache_hit_rate"])),
        "Confident validation": (_pct(b["confident_validation_rate"]), _pct(o["confident_validation_rate"])),
        "Parallel time savings": (
            "0% (sequential)",
            f"{o['parallel_savings_pct']:.0f}% ({o['parallel_requests']} LLM-path requests)",
        ),
        "Smart retry token savings": (
            f"{f['custom_smart_retry_off']['retry_tokens']} retry tokens",
            f"{f['smart_retry_token_savings_pct']:.0f}% ({f['custom_smart_retry_on']['retry_tokens']} retry tokens)",
        ),
        "Approval rate": (_pct(b["approval_rate"]), _pct(o["approval_rate"])),
    }
    header = ("Metric", "Ref. baseline", "Ref. target", "Ref. achieved", "Ours: all flags off", "Ours: all flags on")
    rows = [header] + [(name, rb, rt, ra, *ours[name]) for name, rb, rt, ra in REFERENCE]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = [" | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) for row in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    failed = b["failed"] + o["failed"]
    lines += [
        "",
        f"requests: baseline {b['requests']}, optimized {o['requests']} (cold {cold['requests']}, warm "
        f"{warm['requests']}); failed: {len(failed)}; scripted LLM latency {f['scripted_latency_s']} s per call",
    ]
    lines += [f"  failed: {item}" for item in failed]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--latency", type=float, default=0.2, help="scripted LLM latency per call in seconds (default 0.2)")
    args = parser.parse_args(argv)
    figures = measure(args.latency)
    print(json.dumps(figures, indent=2, sort_keys=True) if args.json else table(figures))
    base, best = figures["baseline"], figures["optimized"]
    command = "python bench/bench_pipeline.py"
    emit(
        Figure(
            "bench_pipeline",
            "LLM tokens per entity, all flags on",
            best["avg_tokens"],
            "tokens",
            "all flags off (the reference's baseline)",
            best["avg_tokens"] / base["avg_tokens"] if base["avg_tokens"] else None,
            "",
            command,
        ),
        Figure(
            "bench_pipeline",
            "own time per entity (LLM time excluded), all flags on",
            best["avg_own_time_s"] * 1000,
            "ms",
            "all flags off",
            best["avg_own_time_s"] / base["avg_own_time_s"] if base["avg_own_time_s"] else None,
            "",
            command,
        ),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
