"""The API reference's module paths stay importable and hand out the subsystems' own objects."""

from __future__ import annotations

import importlib

import pytest

# public path -> the module that holds the code now
REEXPORTS = {
    "baes.utils.code_patcher": "baes.fixes.patcher",
    "baes.utils.template_registry": "baes.scaffold.template_registry",
    "baes.utils.optimization_metrics": "baes.metrics.optimization_metrics",
    "baes.core.recognition_cache": "baes.recognition.cache",
}
# names the reference documents for each public path
DOCUMENTED = {
    "baes.utils.code_patcher": {"CodePatcher"},
    "baes.utils.template_registry": {"TemplateRegistry", "SWEAType", "EntityType"},
    "baes.utils.optimization_metrics": {"PerformanceMetrics", "AggregatedMetrics"},
    "baes.core.recognition_cache": {"RecognitionCache", "CachedRecognition"},
}


@pytest.mark.parametrize("public", sorted(REEXPORTS))
def test_reexport_is_the_same_object(public: str) -> None:
    shim = importlib.import_module(public)
    home = importlib.import_module(REEXPORTS[public])
    assert set(shim.__all__) >= DOCUMENTED[public]
    for name in shim.__all__:
        assert getattr(shim, name) is getattr(home, name), f"{public}.{name} is not {REEXPORTS[public]}.{name}"


@pytest.mark.parametrize("public", ["baes.standards.validation_rules", "baes.standards.compressed_standards"])
def test_reference_modules_in_place(public: str) -> None:
    assert importlib.import_module(public).__name__ == public
