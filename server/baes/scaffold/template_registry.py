"""The reference's ``TemplateRegistry``: standard CRUD code from Jinja2 templates, 0 LLM tokens.

Templates and their metadata live in the top-level ``templates/`` folder (``manifest.json``
describes each one); the wheel ships that folder as ``baes/templates``. Rendering runs in a
sandboxed Jinja2 environment where an undefined variable is an error, and every context is
validated first (``baes.scaffold.context``), so names that are not identifiers never reach
a template. The language server imports this module, so jinja2 is imported lazily.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import baes
from baes.scaffold.classification import EntityType
from baes.scaffold.spec import SpecError
from baes.swea import SWEAType

if TYPE_CHECKING:
    from jinja2 import Environment

log = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.json"

__all__ = [
    "EntityType",
    "SWEAType",
    "TemplateMetadata",
    "TemplateRegistry",
    "TemplateError",
    "TemplateNotFoundError",
    "TemplateRenderError",
    "default_templates_dir",
    "shared_registry",
]


class TemplateError(Exception):
    """Base class of the registry's errors."""


class TemplateNotFoundError(TemplateError, LookupError):
    """No template for the requested SWEA type / entity type (or id), or its file is missing."""


class TemplateRenderError(TemplateError):
    """The context was invalid (e.g. a name that is not an identifier) or rendering failed."""


@dataclass
class TemplateMetadata:
    """Metadata for a template file (the reference's fields, then where and how it is used)."""

    template_id: str
    swea_type: SWEAType | None
    entity_type: EntityType
    version: str
    description: str
    supported_attributes: list[str]
    created_at: datetime
    last_modified: datetime
    template_file: str = ""
    role: str = ""
    scope: str = "entity"  # "entity": one file per entity; "shell": shared application files
    output_path: str = ""  # relative path pattern, e.g. "app/routers/{entity_name_lower}.py"
    primary: bool = False  # the one ``get_template(swea_type, entity_type)`` returns

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (for ``baes templates --format json`` and the LSP)."""
        return {
            "template_id": self.template_id,
            "swea_type": self.swea_type.value if self.swea_type else None,
            "entity_type": self.entity_type.value,
            "version": self.version,
            "description": self.description,
            "supported_attributes": list(self.supported_attributes),
            "created_at": self.created_at.isoformat(),
            "last_modified": self.last_modified.isoformat(),
            "template_file": self.template_file,
            "role": self.role,
            "scope": self.scope,
            "output_path": self.output_path,
            "primary": self.primary,
        }


def default_templates_dir() -> Path:
    """``baes/templates`` inside an installed wheel, else the repository's top-level ``templates/``."""
    package_dir = Path(baes.__file__).resolve().parent
    bundled = package_dir / "templates"
    if (bundled / MANIFEST_NAME).is_file():
        return bundled
    return package_dir.parent.parent / "templates"


def _parse_metadata(entry: dict[str, Any]) -> TemplateMetadata:
    swea = entry.get("swea_type")
    return TemplateMetadata(
        template_id=str(entry["template_id"]),
        swea_type=SWEAType.parse(swea) if swea else None,
        entity_type=EntityType(str(entry.get("entity_type", "standard")).lower()),
        version=str(entry.get("version", "1.0")),
        description=str(entry.get("description", "")),
        supported_attributes=[str(a) for a in entry.get("supported_attributes", [])],
        created_at=datetime.fromisoformat(str(entry["created_at"])),
        last_modified=datetime.fromisoformat(str(entry.get("last_modified", entry["created_at"]))),
        template_file=str(entry["file"]),
        role=str(entry.get("role", "")),
        scope=str(entry.get("scope", "entity")),
        output_path=str(entry.get("output", "")),
        primary=bool(entry.get("primary", False)),
    )


class TemplateRegistry:
    """Main registry for managing and rendering templates."""

    def __init__(self, templates_dir: str | Path | None = None) -> None:
        self.templates_dir = Path(templates_dir) if templates_dir is not None else default_templates_dir()
        self._templates = self._load_manifest()
        self._environment: Environment | None = None

    def _load_manifest(self) -> dict[str, TemplateMetadata]:
        manifest = self.templates_dir / MANIFEST_NAME
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
            entries = [_parse_metadata(entry) for entry in data["templates"]]
        except FileNotFoundError:
            log.warning("no template manifest at %s: the registry is empty", manifest)
            return {}
        except (ValueError, KeyError, TypeError) as exc:
            raise TemplateError(f"invalid template manifest {manifest}: {exc}") from exc
        return {entry.template_id: entry for entry in entries}

    # -- lookup -----------------------------------------------------------------------------

    def get_template(self, swea_type: SWEAType, entity_type: EntityType) -> TemplateMetadata | None:
        """Retrieve the primary template's metadata for a SWEA and entity type, or None."""
        swea = SWEAType.parse(swea_type)
        for metadata in self._templates.values():
            if metadata.primary and metadata.swea_type is swea and metadata.entity_type is EntityType(entity_type):
                return metadata
        return None

    def get_by_id(self, template_id: str) -> TemplateMetadata:
        """A template's metadata by id; ``TemplateNotFoundError`` when unknown."""
        try:
            return self._templates[template_id]
        except KeyError:
            raise TemplateNotFoundError(f"no template {template_id!r} in {self.templates_dir}") from None

    def list_templates(self) -> list[TemplateMetadata]:
        """List all available templates (entity templates first, then the application shell)."""
        return sorted(self._templates.values(), key=lambda m: (m.scope != "entity", not m.primary, m.template_id))

    def entity_templates(self, entity_type: EntityType = EntityType.STANDARD) -> list[TemplateMetadata]:
        """The templates rendered once per entity."""
        return [m for m in self.list_templates() if m.scope == "entity" and m.entity_type is entity_type]

    # -- rendering --------------------------------------------------------------------------

    def _env(self) -> Environment:
        if self._environment is None:
            from jinja2 import FileSystemLoader, StrictUndefined
            from jinja2.sandbox import SandboxedEnvironment

            from baes.scaffold.context import py_block, py_literal, py_wrapped

            env = SandboxedEnvironment(
                loader=FileSystemLoader(str(self.templates_dir)),
                undefined=StrictUndefined,
                autoescape=False,
                keep_trailing_newline=True,
                trim_blocks=True,
                lstrip_blocks=True,
                auto_reload=False,
            )
            env.filters["py"] = py_literal
            env.filters["pywrap"] = py_wrapped
            env.filters["pyblock"] = py_block
            self._environment = env
        return self._environment

    def render_template(self, swea_type: SWEAType, entity_type: EntityType, context: dict[str, Any]) -> str:
        """Render the primary template of a SWEA/entity type with a reference-style context."""
        metadata = self.get_template(swea_type, entity_type)
        if metadata is None:
            raise TemplateNotFoundError(
                f"no {EntityType(entity_type).value} template for {SWEAType.parse(swea_type).value}"
                + (" (CUSTOM entities need the LLM path)" if EntityType(entity_type) is EntityType.CUSTOM else "")
            )
        return self.render(metadata.template_id, context)

    def render(self, template_id: str, context: dict[str, Any]) -> str:
        """Render any template by id: entity templates take an entity context, shell ones ``entities``."""
        metadata = self.get_by_id(template_id)
        from baes.scaffold.context import build_render_context

        try:
            if metadata.scope == "entity":
                values = build_render_context(context)
            else:
                values = dict(context)
                values["entities"] = [e if "table_name" in e else build_render_context(e) for e in context.get("entities", [])]
        except SpecError as exc:
            raise TemplateRenderError(f"{template_id}: {exc}") from exc
        except (KeyError, TypeError, ValueError) as exc:
            raise TemplateRenderError(f"{template_id}: invalid context: {exc}") from exc
        return self._render_file(metadata, values)

    def _render_file(self, metadata: TemplateMetadata, values: dict[str, Any]) -> str:
        from jinja2 import TemplateError as JinjaError
        from jinja2 import TemplateNotFound

        try:
            template = self._env().get_template(metadata.template_file)
        except TemplateNotFound as exc:
            raise TemplateNotFoundError(
                f"template file {metadata.template_file!r} of {metadata.template_id} is missing in {self.templates_dir}"
            ) from exc
        try:
            return template.render(**values)
        except JinjaError as exc:
            raise TemplateRenderError(f"{metadata.template_id}: {type(exc).__name__}: {exc}") from exc

    # -- validation -------------------------------------------------------------------------

    def validate_template_output(self, rendered_code: str, swea_type: SWEAType) -> bool:
        """True when the code compiles and the ValidationRuleEngine gives it confident approval."""
        try:
            compile(rendered_code, "<rendered template>", "exec", dont_inherit=True)
        except (SyntaxError, ValueError) as exc:
            log.info("rendered %s code does not compile: %s", SWEAType.parse(swea_type).value, exc)
            return False
        from baes.standards.validation_rules import ValidationRuleEngine

        result = ValidationRuleEngine().validate_code(rendered_code, swea_type=SWEAType.parse(swea_type).value)
        return bool(result.overall_outcome == "confident_approval")


@lru_cache(maxsize=1)
def shared_registry() -> TemplateRegistry:
    """One registry per process for the default templates, so compiled templates are reused."""
    return TemplateRegistry()
