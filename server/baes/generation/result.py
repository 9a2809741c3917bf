"""What ``generate_entity`` returns: per-file and per-SWEA outcomes, notes and the metrics.

Plain data with ``to_dict`` (JSON-ready) so the CLI prints it and the language server returns it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from baes.metrics.optimization_metrics import PerformanceMetrics
from baes.scaffold.spec import EntitySpec


@dataclass(frozen=True)
class FileOutcome:
    """One file of the result: where, created or edited, who wrote its content, and whether it was written."""

    path: str
    kind: str  # "create" | "edit"
    source: str  # "template" | "llm"
    swea_type: str | None
    written: bool

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "kind": self.kind, "source": self.source, "swea_type": self.swea_type, "written": self.written}


@dataclass(frozen=True)
class SWEAResult:
    """What one SWEA stage did (for notes, the CLI, the language server and tests)."""

    swea_type: str
    source: str  # "template" | "llm" | "none"
    approved: bool
    validation_outcome: str | None  # first validation's outcome
    final_outcome: str | None
    tokens: int
    time_s: float
    retry_count: int
    retry_methods: tuple[str, ...]
    notes: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "swea_type": self.swea_type,
            "source": self.source,
            "approved": self.approved,
            "validation_outcome": self.validation_outcome,
            "final_outcome": self.final_outcome,
            "tokens": self.tokens,
            "time_s": self.time_s,
            "retry_count": self.retry_count,
            "retry_methods": list(self.retry_methods),
            "notes": list(self.notes),
        }


@dataclass
class GenerationResult:
    """Everything one ``generate_entity`` call did, with its measured metrics."""

    ok: bool
    intent: str | None
    entity: EntitySpec | None
    entity_type: str | None
    files: tuple[FileOutcome, ...]
    swea: dict[str, SWEAResult]
    notes: tuple[str, ...]
    metrics: PerformanceMetrics
    recognition_source: str | None = None
    dry_run: bool = False
    # the final ``ScaffoldPlan`` (generated modules in place) when the request succeeded: with
    # ``dry_run=True`` the language server turns it into one WorkspaceEdit instead of writing
    plan: Any = None
    # the ``Recognition`` of a sentence request (None for an EntitySpec): what was understood
    recognition: Any = None

    @property
    def written(self) -> tuple[str, ...]:
        return tuple(f.path for f in self.files if f.written)

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "intent": self.intent,
            "entity": self.entity.name if self.entity else None,
            "entity_type": self.entity_type,
            "dry_run": self.dry_run,
            "recognition_source": self.recognition_source,
            "files": [f.to_dict() for f in self.files],
            "swea": {name: result.to_dict() for name, result in self.swea.items()},
            "notes": list(self.notes),
            "metrics": self.metrics.to_dict(),
        }


def file_outcomes(plan: Any, llm_paths: set[str], written: bool) -> tuple[FileOutcome, ...]:
    """One ``FileOutcome`` per planned file: where its code came from and whether it was written."""
    return tuple(
        FileOutcome(
            path=f.path,
            kind=f.kind,
            source="llm" if f.path in llm_paths else "template",
            swea_type=f.swea_type.value if f.swea_type else None,
            written=written,
        )
        for f in plan.files
    )
