"""Running the SWEA stages in dependency waves: database, then backend, then frontend and test.

A stage of a later wave sees the results of the earlier ones. Within a wave the stages are
independent, so with parallel execution on they run in threads at once (the work is mostly
waiting for the LLM). Every stage is timed, so the sequential estimate (the sum of stage
times) and the actual wall time come from the same run.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from baes.python_ast import PARSE_LOCK
from baes.swea import SWEAType

T = TypeVar("T")

WAVES: tuple[tuple[SWEAType, ...], ...] = (
    (SWEAType.DATABASE,),
    (SWEAType.BACKEND,),
    (SWEAType.FRONTEND, SWEAType.TEST),
)

#: Held around the CPU-bound parts of a stage (parsing, validation, patching) so that only the
#: waiting for the LLM overlaps. The GIL allows no real CPU parallelism anyway, and CPython 3.11
#: raises "SystemError: AST constructor recursion depth mismatch" when two threads run
#: ``ast.parse`` at once (python/cpython#106905).
CPU_LOCK = PARSE_LOCK

Stage = Callable[[Mapping[SWEAType, T]], T]


@dataclass
class WaveRun(Generic[T]):
    """Results and timings of one run of the waves."""

    results: dict[SWEAType, T] = field(default_factory=dict)
    stage_times: dict[SWEAType, float] = field(default_factory=dict)
    wall_time: float = 0.0
    waves_count: int = 0
    parallel: bool = False

    @property
    def sequential_estimate(self) -> float:
        """What running every stage one after the other would have taken: the sum of stage times."""
        return sum(self.stage_times.values())

    @property
    def savings_pct(self) -> float:
        """Wall time saved against the sequential estimate, in percent (0 when nothing ran)."""
        estimate = self.sequential_estimate
        if estimate <= 0:
            return 0.0
        return max(0.0, (estimate - self.wall_time) / estimate * 100.0)


def _timed(stage: Stage[T], done: Mapping[SWEAType, T]) -> tuple[T, float]:
    started = time.perf_counter()
    result = stage(done)
    return result, time.perf_counter() - started


def run_waves(stages: Mapping[SWEAType, Stage[T]], parallel: bool) -> WaveRun[T]:
    """Run ``stages`` (SWEAs without a stage are skipped) wave by wave.

    An exception in a stage propagates after the other stages of its wave have finished.
    """
    run: WaveRun[T] = WaveRun(parallel=parallel)
    started = time.perf_counter()
    for wave in WAVES:
        members = [swea for swea in wave if swea in stages]
        if not members:
            continue
        run.waves_count += 1
        snapshot = dict(run.results)
        if parallel and len(members) > 1:
            with ThreadPoolExecutor(max_workers=len(members), thread_name_prefix="baes-swea") as pool:
                futures = {swea: pool.submit(_timed, stages[swea], snapshot) for swea in members}
                outcomes = {swea: future.result() for swea, future in futures.items()}
        else:
            outcomes = {swea: _timed(stages[swea], snapshot) for swea in members}
        for swea, (result, elapsed) in outcomes.items():
            run.results[swea] = result
            run.stage_times[swea] = elapsed
    run.wall_time = time.perf_counter() - started
    return run
