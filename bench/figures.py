"""One shape for every benchmark's figures, so ``python -m bench`` can print them as one table.

A benchmark prints its own report as before and, when ``BAES_BENCH_FIGURES`` names a file
(``python -m bench`` sets it), also appends each headline figure there as one JSON line:
what was measured, the value, the reference measured in the same run and the ratio to it,
the target when there is one, and the command that reproduces it.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass

ENV_FILE = "BAES_BENCH_FIGURES"


@dataclass(frozen=True)
class Figure:
    benchmark: str  # the script, e.g. "bench_check"
    name: str  # what was measured
    value: float
    unit: str  # "ms", "x", "%", "rows/s", ...
    reference: str = ""  # what the value is compared with, measured in the same run
    ratio: float | None = None
    target: str = ""  # e.g. "<= 2x"
    command: str = ""  # reproduces the figure

    def row(self) -> list[str]:
        ratio = f"{self.ratio:.2f}x" if self.ratio is not None else ""
        return [
            self.benchmark,
            self.name,
            f"{self.value:.4g} {self.unit}".strip(),
            self.reference,
            ratio,
            self.target,
            f"`{self.command}`" if self.command else "",
        ]


def emit(*figures: Figure) -> None:
    """Append ``figures`` to the file ``python -m bench`` collects (nothing when run alone)."""
    target = os.environ.get(ENV_FILE)
    if not target:
        return
    with open(target, "a", encoding="utf-8") as handle:
        for figure in figures:
            handle.write(json.dumps(asdict(figure)) + "\n")


def load(path: str) -> list[Figure]:
    figures = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                figures.append(Figure(**json.loads(line)))
    return figures
