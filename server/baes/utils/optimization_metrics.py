"""The API reference's ``baes.utils.optimization_metrics``: re-exports ``baes.metrics.optimization_metrics``."""

from __future__ import annotations

from baes.metrics.optimization_metrics import CONFIDENT_OUTCOMES, AggregatedMetrics, PerformanceMetrics

__all__ = ["CONFIDENT_OUTCOMES", "AggregatedMetrics", "PerformanceMetrics"]
