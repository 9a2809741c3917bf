"""The API reference's ``baes.utils.template_registry``: re-exports ``baes.scaffold.template_registry``."""

from __future__ import annotations

from baes.scaffold.template_registry import (
    EntityType,
    SWEAType,
    TemplateError,
    TemplateMetadata,
    TemplateNotFoundError,
    TemplateRegistry,
    TemplateRenderError,
    default_templates_dir,
    shared_registry,
)

__all__ = [
    "EntityType",
    "SWEAType",
    "TemplateError",
    "TemplateMetadata",
    "TemplateNotFoundError",
    "TemplateRegistry",
    "TemplateRenderError",
    "default_templates_dir",
    "shared_registry",
]
