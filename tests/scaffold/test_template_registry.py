"""The reference's TemplateRegistry API: names, metadata, rendering, errors and safety."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

import pytest

from baes.scaffold.template_registry import (
    EntityType,
    SWEAType,
    TemplateMetadata,
    TemplateNotFoundError,
    TemplateRegistry,
    TemplateRenderError,
    default_templates_dir,
)
from baes.swea import SWEAType as CoreSWEAType

REFERENCE_CONTEXT = {
    "entity_name": "Student",
    "entity_name_lower": "student",
    "attributes": [
        {"name": "name", "type": "str", "required": True},
        {"name": "enrollment_date", "type": "date", "required": True},
        {"name": "gpa", "type": "float", "required": True},
    ],
}


def test_reference_usage_example_runs_as_written(capsys: pytest.CaptureFixture[str]) -> None:
    registry = TemplateRegistry()
    context = {
        "entity_name": "Student",
        "entity_name_lower": "student",
        "attributes": [
            {"name": "name", "type": "str", "required": True},
            {"name": "enrollment_date", "type": "date", "required": True},
            {"name": "gpa", "type": "float", "required": True},
        ],
    }
    backend_code = registry.render_template(
        swea_type=SWEAType.BACKEND,
        entity_type=EntityType.STANDARD,
        context=context,
    )
    print(backend_code)
    printed = capsys.readouterr().out
    assert 'router = APIRouter(prefix="/students"' in printed
    assert '@router.post("", status_code=201, response_model=StudentRead)' in printed
    compile(backend_code, "router.py", "exec")


def test_swea_type_is_the_one_enum() -> None:
    assert SWEAType is CoreSWEAType
    assert [e.value for e in EntityType] == ["standard", "custom"]


def test_metadata_has_every_reference_field() -> None:
    registry = TemplateRegistry()
    templates = registry.list_templates()
    assert {t.template_id for t in templates} >= {
        "backend_crud_v1",
        "backend_models_v1",
        "database_schema_v1",
        "frontend_page_v1",
        "test_crud_v1",
    }
    for metadata in templates:
        assert isinstance(metadata, TemplateMetadata)
        assert metadata.template_id and metadata.version and metadata.description
        assert metadata.swea_type is None or isinstance(metadata.swea_type, SWEAType)
        assert metadata.entity_type is EntityType.STANDARD
        assert isinstance(metadata.created_at, datetime) and isinstance(metadata.last_modified, datetime)
        assert (registry.templates_dir / metadata.template_file).is_file()
        if metadata.scope == "entity":
            assert set(metadata.supported_attributes) >= {"str", "int", "float", "bool", "date", "datetime", "email"}
        json.dumps(metadata.to_dict())


@pytest.mark.parametrize("swea", list(SWEAType))
def test_each_swea_has_a_standard_template_and_no_custom_one(swea: SWEAType) -> None:
    registry = TemplateRegistry()
    metadata = registry.get_template(swea, EntityType.STANDARD)
    assert metadata is not None and metadata.swea_type is swea and metadata.primary
    assert registry.get_template(swea, EntityType.CUSTOM) is None
    with pytest.raises(TemplateNotFoundError, match="custom"):
        registry.render_template(swea, EntityType.CUSTOM, REFERENCE_CONTEXT)


def test_backend_template_renders_the_router() -> None:
    registry = TemplateRegistry()
    assert registry.get_template(SWEAType.BACKEND, EntityType.STANDARD).template_id == "backend_crud_v1"


@pytest.mark.parametrize(
    ("name", "field"),
    [("../../etc", "entity_name"), ("x; import os", "entity_name"), ("Student", "attribute"), ("Student", "target")],
)
def test_unsafe_names_are_refused_with_a_clear_message(name: str, field: str) -> None:
    context = json.loads(json.dumps(REFERENCE_CONTEXT))
    if field == "entity_name":
        context["entity_name"] = name
    elif field == "attribute":
        context["attributes"].append({"name": "x; import os", "type": "str", "required": True})
    else:
        context["relationships"] = [{"target": "../../etc"}]
    with pytest.raises(TemplateRenderError, match="invalid .*use letters, digits and underscores"):
        TemplateRegistry().render_template(SWEAType.DATABASE, EntityType.STANDARD, context)


@pytest.mark.parametrize(
    "bad",
    [
        {"name": "x", "type": "blob"},
        {"name": "_secret", "type": "str"},
        {"name": "json", "type": "str"},
        {"name": "id", "type": "int"},
    ],
)
def test_unsupported_attributes_are_refused(bad: dict[str, str]) -> None:
    context = {**REFERENCE_CONTEXT, "attributes": [bad]}
    with pytest.raises(TemplateRenderError):
        TemplateRegistry().render_template(SWEAType.BACKEND, EntityType.STANDARD, context)


def test_reserved_table_names_are_refused() -> None:
    with pytest.raises(TemplateRenderError, match="sqlite_"):
        TemplateRegistry().render_template(SWEAType.DATABASE, EntityType.STANDARD, {"entity_name": "SqliteStat"})


def test_context_without_entity_name_is_a_render_error() -> None:
    with pytest.raises(TemplateRenderError, match="entity_name"):
        TemplateRegistry().render_template(SWEAType.TEST, EntityType.STANDARD, {"attributes": []})


def _custom_registry(tmp_path: Path, body: str) -> TemplateRegistry:
    (tmp_path / "t.j2").write_text(body, encoding="utf-8")
    manifest = {
        "templates": [
            {
                "template_id": "probe_v1",
                "file": "t.j2",
                "swea_type": "backend",
                "entity_type": "standard",
                "primary": True,
                "scope": "entity",
                "output": "x.py",
                "version": "1.0",
                "description": "probe",
                "supported_attributes": ["str"],
                "created_at": "2026-01-01T00:00:00+00:00",
                "last_modified": "2026-01-01T00:00:00+00:00",
            }
        ]
    }
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return TemplateRegistry(templates_dir=str(tmp_path))


def test_undefined_variables_are_errors(tmp_path: Path) -> None:
    registry = _custom_registry(tmp_path, "x = {{ no_such_variable }}\n")
    with pytest.raises(TemplateRenderError, match="no_such_variable"):
        registry.render_template(SWEAType.BACKEND, EntityType.STANDARD, REFERENCE_CONTEXT)


def test_templates_run_sandboxed(tmp_path: Path) -> None:
    registry = _custom_registry(tmp_path, "{{ ''.__class__.__mro__[1].__subclasses__() }}\n")
    with pytest.raises(TemplateRenderError, match="SecurityError|unsafe"):
        registry.render_template(SWEAType.BACKEND, EntityType.STANDARD, REFERENCE_CONTEXT)


def test_no_autoescape_and_trailing_newline_kept(tmp_path: Path) -> None:
    registry = _custom_registry(tmp_path, 'label = "<{{ entity_name }} & co>"\n')
    assert registry.render_template(SWEAType.BACKEND, EntityType.STANDARD, REFERENCE_CONTEXT) == ('label = "<Student & co>"\n')


def test_missing_template_file_is_not_found(tmp_path: Path) -> None:
    registry = _custom_registry(tmp_path, "")
    (tmp_path / "t.j2").unlink()
    with pytest.raises(TemplateNotFoundError, match="t.j2"):
        registry.render_template(SWEAType.BACKEND, EntityType.STANDARD, REFERENCE_CONTEXT)
    with pytest.raises(TemplateNotFoundError):
        registry.get_by_id("nope")


def test_default_templates_dir_is_the_repository_folder() -> None:
    folder = default_templates_dir()
    assert (folder / "manifest.json").is_file()
    assert TemplateRegistry().templates_dir == folder


def test_importing_the_registry_does_not_load_jinja2() -> None:
    import subprocess

    code = (
        "import sys, baes.scaffold.template_registry as r; r.TemplateRegistry().list_templates(); print('jinja2' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_validate_template_output_refuses_code_that_does_not_compile() -> None:
    registry = TemplateRegistry()
    assert registry.validate_template_output("def broken(:\n", SWEAType.BACKEND) is False


@pytest.mark.parametrize("swea", list(SWEAType))
def test_validate_template_output_approves_rendered_templates(swea: SWEAType) -> None:
    registry = TemplateRegistry()
    code = registry.render_template(swea, EntityType.STANDARD, REFERENCE_CONTEXT)
    assert registry.validate_template_output(code, swea) is True


def test_validate_template_output_never_approves_keywords_in_comments() -> None:
    code = "# APIRouter status_code=201 HTTPException Depends response_model\n# router = APIRouter()\n"
    assert TemplateRegistry().validate_template_output(code, SWEAType.BACKEND) is False
