"""Benchmark: scaffolding a STANDARD entity (plan + render every file), with 0 LLM tokens.

    .venv/bin/python bench/bench_scaffold.py [--repeat N]

Measured in the same run, best and median of N repetitions (after one warm-up):
* reference: ``compile()`` of the very sources the scaffold produces (the least any
  generator of these files must pay to know they are valid Python);
* plan: ``plan_scaffold`` of a new app for one entity (every template rendered, the shared
  files planned), without and with the standards engine's check of each file;
* plan + write: the same, written atomically into a fresh temporary folder;
* the pipeline ``baes scaffold`` runs (``generate_entity``: plan, rule validation of every
  file, metrics) as a dry run with no LLM configured.
Also the cold first plan in a new process (template compilation included). Target: at most
50 ms for the warm plan and for the pipeline's dry run. LLM tokens are 0 by construction (no LLM client is created); the run
asserts that no ``openai`` module was imported.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # ``bench.figures`` when run as a script
from bench.figures import Figure, emit  # noqa: E402

TARGET_MS = 50.0


def _spec():  # type: ignore[no-untyped-def]
    from baes.scaffold.spec import AttributeSpec as A
    from baes.scaffold.spec import EntitySpec

    return EntitySpec(
        "Student",
        (
            A("name"),
            A("email", "email"),
            A("gpa", "float"),
            A("active", "bool", False),
            A("birthday", "date", False),
            A("registered_at", "datetime"),
            A("credits", "int", False),
        ),
    )


def _time(function: Callable[[], object], repeat: int) -> tuple[float, float]:
    function()  # warm-up
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return min(samples), statistics.median(samples)


def _cold_ms() -> float:
    code = (
        "import time, tempfile; t = time.perf_counter();"
        "from baes.scaffold.plan import plan_scaffold; from baes.scaffold.spec import EntitySpec, AttributeSpec;"
        "plan_scaffold(tempfile.mkdtemp(), [EntitySpec('Student', (AttributeSpec('name'),))], validate=False);"
        "print((time.perf_counter() - t) * 1000)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    return float(result.stdout.strip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    from baes.generation.llm_client import LLMConfig
    from baes.generation.pipeline import generate_entity
    from baes.scaffold.plan import plan_scaffold
    from baes.scaffold.template_registry import shared_registry
    from baes.scaffold.writer import write_plan

    spec = _spec()
    empty = Path(tempfile.mkdtemp(prefix="baes-bench-"))
    plan = plan_scaffold(empty, [spec], validate=False)
    sources = [(f.path, f.content) for f in plan.files if f.path.endswith(".py")]
    lines = sum(content.count("\n") for _, content in sources)

    def reference() -> None:
        for path, content in sources:
            compile(content, path, "exec", dont_inherit=True)

    def plan_only() -> None:
        plan_scaffold(empty, [spec], validate=False)

    def plan_checked() -> None:
        plan_scaffold(empty, [spec], validate=True)

    def pipeline_dry_run() -> None:
        result = generate_entity(spec, empty, dry_run=True, record_metrics=False, llm=LLMConfig(), registry=shared_registry())
        assert result.ok and result.metrics.total_tokens == 0, result.notes

    counter = iter(range(10**9))

    def plan_and_write() -> None:
        folder = empty / f"w{next(counter)}"
        write_plan(plan_scaffold(folder, [spec], validate=False))

    ref_best, ref_median = _time(reference, args.repeat)
    rows = [
        ("plan (render every file)", *_time(plan_only, args.repeat)),
        ("plan + engine check of each file", *_time(plan_checked, args.repeat)),
        ("plan + atomic write to a new folder", *_time(plan_and_write, args.repeat)),
        ("baes scaffold's pipeline, dry run (no LLM)", *_time(pipeline_dry_run, args.repeat)),
    ]
    cold = _cold_ms()

    print(
        f"entity: {spec.name} with {len(spec.attributes)} attributes; {len(plan.files)} files, "
        f"{len(sources)} Python files, {lines} lines; repeat={args.repeat}"
    )
    print(f"{'reference: compile() of the generated sources':44} best {ref_best:7.2f} ms  median {ref_median:7.2f} ms")
    for label, best, median in rows:
        print(f"{label:44} best {best:7.2f} ms  median {median:7.2f} ms  ratio {median / ref_median:5.2f}x")
    print(f"{'cold first plan (new process, imports)':44} {cold:7.2f} ms")
    for label, _best, median in (rows[0], rows[-1]):
        emit(
            Figure(
                "bench_scaffold",
                f"scaffold one entity: {label}, median",
                median,
                "ms",
                "compile() of the generated sources",
                median / ref_median,
                f"<= {TARGET_MS:.0f} ms",
                "python bench/bench_scaffold.py",
            )
        )
    print("LLM tokens: 0 (openai imported: {})".format("openai" in sys.modules))
    verdicts = []
    for label, best, median in (rows[0], rows[-1]):
        verdict = "OK" if median <= TARGET_MS else ("OK at best (load?)" if best <= TARGET_MS else "MISSED")
        verdicts.append(verdict != "MISSED")
        print(f"target <= {TARGET_MS:.0f} ms: {label}: median {median:.2f} ms, best {best:.2f} ms -> {verdict}")
    return 0 if all(verdicts) and "openai" not in sys.modules else 1


if __name__ == "__main__":
    sys.exit(main())
