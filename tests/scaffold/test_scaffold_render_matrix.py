"""Every template renders valid Python for every supported combination of attributes."""

from __future__ import annotations

import ast
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from baes.scaffold.context import build_render_context, page_file_name
from baes.scaffold.spec import SUPPORTED_TYPES
from baes.scaffold.template_registry import EntityType, TemplateRegistry

REGISTRY = TemplateRegistry()
TARGET_ATTRIBUTES = [{"name": "title", "type": "str", "required": True}, {"name": "code", "type": "int"}]


def _context(
    name: str, attributes: list[dict[str, Any]], relationships: list[dict[str, Any]] | None = None, page_number: int = 1
) -> dict[str, Any]:
    return {
        "entity_name": name,
        "entity_name_lower": name.lower(),
        "attributes": attributes,
        "relationships": relationships or [],
        "page_number": page_number,
    }


def _render_all(context: dict[str, Any]) -> dict[str, str]:
    rendered = {}
    for metadata in REGISTRY.entity_templates(EntityType.STANDARD):
        rendered[metadata.template_id] = REGISTRY.render(metadata.template_id, context)
    entity = build_render_context(context)
    entity["page_file"] = page_file_name(entity)
    for metadata in REGISTRY.list_templates():
        if metadata.scope == "shell" and metadata.role != "package_init":
            rendered[metadata.template_id] = REGISTRY.render(metadata.template_id, {"entities": [entity], "app_title": "Matrix"})
    return rendered


def _assert_valid(rendered: dict[str, str]) -> None:
    for template_id, code in rendered.items():
        if template_id in {
            "shell_requirements_v1",
            "shell_readme_v1",
            "shell_pytest_ini_v1",
            "shell_pyproject_v1",
            "shell_gitignore_v1",
        }:
            assert code.strip()
            continue
        tree = ast.parse(code, filename=template_id)
        compile(tree, template_id, "exec")
        assert ast.get_docstring(tree), f"{template_id} has no module docstring"
        assert code.endswith("\n") and not code.endswith("\n\n"), template_id


CASES = [
    pytest.param(_context("Item", [{"name": "value", "type": t, "required": r}]), id=f"{t}-{'req' if r else 'opt'}")
    for t in SUPPORTED_TYPES
    for r in (True, False)
] + [
    pytest.param(_context("Empty", []), id="no-attributes"),
    pytest.param(
        _context(
            "Everything", [{"name": f"f_{t}_{int(r)}", "type": t, "required": r} for t in SUPPORTED_TYPES for r in (True, False)]
        ),
        id="all-types",
    ),
    pytest.param(
        _context(
            "Enrollment",
            [{"name": "grade", "type": "float", "required": False}],
            [
                {"target": "Course", "required": True, "target_attributes": TARGET_ATTRIBUTES},
                {"target": "student", "required": False},
            ],
        ),
        id="relationships",
    ),
    pytest.param(
        _context(
            "Order",
            [
                {"name": "group", "type": "str"},
                {"name": "date", "type": "date"},
                {"name": "select", "type": "int", "required": False},
            ],
        ),
        id="sql-keywords",
    ),
    pytest.param(
        _context("course_enrollment", [{"name": "CamelField", "type": "datetime"}], page_number=12), id="snake-entity-name"
    ),
]


@pytest.mark.parametrize("context", CASES)
def test_every_template_renders_valid_python(context: dict[str, Any]) -> None:
    _assert_valid(_render_all(context))


def test_sql_keywords_are_quoted() -> None:
    code = REGISTRY.render("database_schema_v1", CASES[-2].values[0])
    assert 'CREATE TABLE IF NOT EXISTS "orders"' not in code  # "orders" is not a keyword
    assert '"group" TEXT NOT NULL' in code and '"select" INTEGER' in code


def test_ddl_has_keys_not_null_indexes_and_foreign_keys() -> None:
    context = _context(
        "Enrollment",
        [{"name": "grade", "type": "float", "required": False}, {"name": "contact", "type": "email", "required": True}],
        [{"target": "Course", "required": True}],
    )
    code = REGISTRY.render("database_schema_v1", context)
    assert "CREATE TABLE IF NOT EXISTS enrollments (" in code
    assert "id INTEGER PRIMARY KEY AUTOINCREMENT" in code
    assert "grade REAL," in code and "contact TEXT NOT NULL" in code
    assert "FOREIGN KEY (course_id) REFERENCES courses(id)" in code
    assert "CREATE INDEX IF NOT EXISTS idx_enrollments_course_id ON enrollments (course_id);" in code


def test_generated_sql_uses_placeholders_only() -> None:
    code = REGISTRY.render("backend_crud_v1", CASES[-3].values[0])
    tree = ast.parse(code)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "execute":
            assert isinstance(node.args[0], ast.Constant), ast.unparse(node)


NAMES = st.from_regex(r"[a-z][a-z0-9]{0,6}(_[a-z0-9]{1,4})?", fullmatch=True).filter(
    lambda n: (
        n not in {"id", "str", "int", "float", "bool", "dt", "json", "dict", "copy", "schema", "fields", "validate", "construct"}
        and not n.startswith("model_")
        and n not in {"and", "as", "if", "in", "is", "or", "not", "for", "def", "del", "try", "with", "from"}
    )
)
ATTRIBUTES = st.lists(
    st.fixed_dictionaries({"name": NAMES, "type": st.sampled_from(SUPPORTED_TYPES), "required": st.booleans()}),
    max_size=6,
    unique_by=lambda a: a["name"],
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(attributes=ATTRIBUTES, with_reference=st.booleans())
def test_random_specs_render_valid_python(attributes: list[dict[str, Any]], with_reference: bool) -> None:
    attributes = [a for a in attributes if a["name"] != "parent_id"]
    relationships = [{"target": "Parent", "required": True, "target_attributes": TARGET_ATTRIBUTES}] if with_reference else []
    _assert_valid(_render_all(_context("Thing", attributes, relationships)))
