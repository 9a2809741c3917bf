"""Planning and writing: new apps, extending an existing app, conflicts, atomicity."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from baes.fixes.text_edits import apply_edits
from baes.scaffold.plan import CREATE, EDIT, plan_entity, plan_scaffold, render_entity_files
from baes.scaffold.project import inspect_project
from baes.scaffold.spec import AttributeSpec, EntitySpec, RelationshipSpec
from baes.scaffold.writer import ScaffoldConflict, write_plan

COURSE = EntitySpec("Course", (AttributeSpec("title"), AttributeSpec("credits", "int")))
STUDENT = EntitySpec(
    "Student", (AttributeSpec("name"), AttributeSpec("email", "email", False)), (RelationshipSpec("Course", required=False),)
)

ENTITY_FILES = {
    "app/routers/course.py",
    "app/models/course.py",
    "app/tables/course.py",
    "ui/pages/1_Courses.py",
    "tests/test_course.py",
}
SHELL_FILES = {
    "app/main.py",
    "app/database.py",
    "ui/app.py",
    "requirements.txt",
    "README.md",
    "pytest.ini",
    "pyproject.toml",
    ".gitignore",
    "app/__init__.py",
    "app/models/__init__.py",
    "app/routers/__init__.py",
    "app/tables/__init__.py",
}
# baes' record of what it generated (the merge base of later changes) and the table's migration
BAES_FILES = {f".baes/generated/{path}.generated" for path in ENTITY_FILES} | {"migrations/0001_create_courses.py"}


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_new_app_plan_lists_every_file_and_writes_nothing(tmp_path: Path) -> None:
    plan = plan_entity(tmp_path, COURSE, validate=False)
    assert plan.ok and plan.new_app
    assert {f.path for f in plan.files} == ENTITY_FILES | SHELL_FILES | BAES_FILES
    assert all(f.kind == CREATE for f in plan.files)
    assert _tree(tmp_path) == {}
    data = plan.to_dict()
    assert data["entities"] == ["Course"] and data["entity_types"] == {"Course": "standard"}
    assert "content" not in data["files"][0]


def test_write_then_extend_an_existing_app_only_inserts(tmp_path: Path) -> None:
    write_plan(plan_entity(tmp_path, COURSE, validate=False))
    main = tmp_path / "app/main.py"
    # The user adds code of their own; it must survive byte for byte.
    user_code = main.read_text() + "\n\n@app.get('/health')\ndef health() -> dict[str, str]:\n    return {'ok': 'yes'}\n"
    main.write_text(user_code)
    before = _tree(tmp_path)

    plan = plan_entity(tmp_path, STUDENT, validate=False)
    assert plan.ok and not plan.new_app
    edits = {f.path: f for f in plan.files if f.kind == EDIT}
    # app/database.py applies migrations/: the new table comes from its migration, not an insertion
    assert set(edits) == {"app/main.py", "ui/app.py"}
    student_files = {
        "app/routers/student.py",
        "app/models/student.py",
        "app/tables/student.py",
        "ui/pages/2_Students.py",
        "tests/test_student.py",
    }
    assert {f.path for f in plan.files if f.kind == CREATE} == student_files | {
        f".baes/generated/{path}.generated" for path in student_files
    } | {"migrations/0002_create_students.py"}
    for planned in edits.values():
        assert planned.original == before[planned.path].decode()
        assert apply_edits(planned.original, list(planned.edits)) == planned.content
        assert all(e.span.start_line == e.span.end_line and e.span.start_col == e.span.end_col for e in planned.edits)
    result = write_plan(plan)
    assert set(result.edited) == set(edits)
    new_main = main.read_text()
    assert "from app.routers.student import router as student_router" in new_main
    assert new_main.endswith("    return {'ok': 'yes'}\n")
    removed = set(user_code.splitlines()) - set(new_main.splitlines())
    assert removed == set()
    assert 'st.Page("pages/2_Students.py", title="Students")' in (tmp_path / "ui/app.py").read_text()
    # the test of the referencing entity knows how to create a valid course
    test_code = (tmp_path / "tests/test_student.py").read_text()
    assert 'payload: dict[str, Any] = {"title": "Sample title", "credits": 7}' in test_code
    assert 'client.post("/courses", json=payload)' in test_code


def test_render_entity_files_is_what_planning_creates_whatever_is_on_disk(tmp_path: Path) -> None:
    write_plan(plan_entity(tmp_path, COURSE, validate=False))
    plan = plan_entity(tmp_path, STUDENT, validate=False)
    planned = {f.path: f for f in plan.files if f.entity == "Student"}
    rendered = render_entity_files(STUDENT, {"Course": COURSE, "Student": STUDENT}, 2)
    assert {f.path: f for f in rendered} == planned
    # Course's files exist on disk: planning would call them conflicts, rendering still lists them all.
    course = render_entity_files(COURSE, {"Course": COURSE}, 1)
    assert {f.path for f in course} == ENTITY_FILES and all(f.kind == CREATE for f in course)
    assert all((tmp_path / f.path).read_text() == f.content for f in course)


def test_existing_app_is_read_back(tmp_path: Path) -> None:
    write_plan(plan_scaffold(tmp_path, [STUDENT, COURSE], validate=False))
    existing = inspect_project(tmp_path)
    assert existing.is_app
    assert set(existing.entities) == {COURSE, STUDENT}
    assert existing.page_files == {"Course": "1_Courses.py", "Student": "2_Students.py"}
    assert existing.next_page_number == 3


def test_existing_entity_is_a_conflict_and_nothing_is_written(tmp_path: Path) -> None:
    write_plan(plan_entity(tmp_path, COURSE, validate=False))
    before = _tree(tmp_path)
    plan = plan_entity(tmp_path, EntitySpec("course", (AttributeSpec("name"),)), validate=False)
    assert not plan.ok and "already exists" in plan.conflicts[0]
    with pytest.raises(ScaffoldConflict):
        write_plan(plan)
    assert _tree(tmp_path) == before


def test_a_file_in_the_way_is_a_conflict(tmp_path: Path) -> None:
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests/test_course.py").write_text("# mine\n")
    plan = plan_entity(tmp_path, COURSE, validate=False)
    assert plan.conflicts == ("tests/test_course.py already exists; nothing was written",)


def test_unknown_reference_is_a_conflict(tmp_path: Path) -> None:
    plan = plan_entity(tmp_path, STUDENT, validate=False)
    assert not plan.ok and "references Course, which is not in this app" in plan.conflicts[0]


def test_references_are_ordered_within_one_plan(tmp_path: Path) -> None:
    plan = plan_scaffold(tmp_path, [STUDENT, COURSE], validate=False)
    assert [e.name for e in plan.entities] == ["Course", "Student"]
    assert {"ui/pages/1_Courses.py", "ui/pages/2_Students.py"} <= {f.path for f in plan.files}


def test_existing_user_files_are_kept(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# my project\n")
    plan = plan_entity(tmp_path, COURSE, validate=False)
    assert plan.ok and "README.md" not in {f.path for f in plan.files}
    assert any("README.md already exists" in note for note in plan.notes)


def test_unparsable_main_is_a_conflict(tmp_path: Path) -> None:
    write_plan(plan_entity(tmp_path, COURSE, validate=False))
    (tmp_path / "app/main.py").write_text("def broken(:\n")
    plan = plan_entity(tmp_path, EntitySpec("Room", (AttributeSpec("number", "int"),)), validate=False)
    assert not plan.ok and "app/main.py does not parse" in plan.conflicts[0]


def test_crlf_shared_files_keep_their_line_endings(tmp_path: Path) -> None:
    write_plan(plan_entity(tmp_path, COURSE, validate=False))
    for name in ("app/main.py", "app/database.py", "ui/app.py"):
        path = tmp_path / name
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    write_plan(plan_entity(tmp_path, EntitySpec("Room", (AttributeSpec("number", "int"),)), validate=False))
    for name in ("app/main.py", "app/database.py", "ui/app.py"):
        data = (tmp_path / name).read_bytes()
        assert b"\n" not in data.replace(b"\r\n", b""), name
        ast.parse(data.decode())


def test_a_file_appearing_after_planning_undoes_everything(tmp_path: Path) -> None:
    write_plan(plan_entity(tmp_path, COURSE, validate=False))
    before = _tree(tmp_path)
    plan = plan_entity(tmp_path, EntitySpec("Room", (AttributeSpec("number", "int"),)), validate=False)
    (tmp_path / "tests/test_room.py").write_text("# raced\n")
    with pytest.raises(ScaffoldConflict, match="undone"):
        write_plan(plan)
    after = _tree(tmp_path)
    assert after == {**before, "tests/test_room.py": b"# raced\n"}
    assert not (tmp_path / "app/routers/room.py").exists()


def test_a_shared_file_changed_after_planning_is_refused(tmp_path: Path) -> None:
    write_plan(plan_entity(tmp_path, COURSE, validate=False))
    plan = plan_entity(tmp_path, EntitySpec("Room", (AttributeSpec("number", "int"),)), validate=False)
    (tmp_path / "ui/app.py").write_text((tmp_path / "ui/app.py").read_text() + "# edited\n")
    before = _tree(tmp_path)
    with pytest.raises(ScaffoldConflict, match="changed since the plan"):
        write_plan(plan)
    assert _tree(tmp_path) == before


def test_custom_entity_gets_standard_files_and_a_note(tmp_path: Path) -> None:
    plan = plan_entity(tmp_path, COURSE, request="Courses whose fee is calculated from credits", validate=False)
    assert plan.ok and len(plan.files) == len(ENTITY_FILES | SHELL_FILES | BAES_FILES)
    assert plan.classifications["Course"].entity_type.value == "custom"
    assert any("NOT generated" in note and "calculations" in note for note in plan.notes)


def test_order_is_dependencies_first_then_as_given(tmp_path: Path) -> None:
    department = EntitySpec("Department", (AttributeSpec("name"),))
    course = EntitySpec("Course", (AttributeSpec("title"),), (RelationshipSpec("Department"),))
    room = EntitySpec("Room", (AttributeSpec("number", "int"),))
    plan = plan_scaffold(tmp_path, [course, room, department], validate=False)
    assert [e.name for e in plan.entities] == ["Department", "Course", "Room"]
    pages = sorted(f.path for f in plan.files if f.path.startswith("ui/pages/"))
    assert pages == ["ui/pages/1_Departments.py", "ui/pages/2_Courses.py", "ui/pages/3_Rooms.py"]


def test_circular_references_are_a_conflict(tmp_path: Path) -> None:
    first = EntitySpec("Left", (AttributeSpec("name"),), (RelationshipSpec("Right"),))
    second = EntitySpec("Right", (AttributeSpec("name"),), (RelationshipSpec("Left"),))
    plan = plan_scaffold(tmp_path, [first, second], validate=False)
    assert plan.conflicts == ("circular references between: Left, Right",)


def test_chained_references_are_created_in_order_by_the_generated_tests(tmp_path: Path) -> None:
    department = EntitySpec("Department", (AttributeSpec("name"),))
    course = EntitySpec("Course", (AttributeSpec("title"),), (RelationshipSpec("Department"),))
    write_plan(plan_scaffold(tmp_path, [department, course], validate=False))
    enrollment = EntitySpec("Enrollment", (AttributeSpec("grade", "float", False),), (RelationshipSpec("Course"),))
    write_plan(plan_entity(tmp_path, enrollment, validate=False))
    code = (tmp_path / "tests/test_enrollment.py").read_text()
    assert code.index("def create_department(") < code.index("def create_course(")
    assert 'payload["department_id"] = create_department(client)' in code
    assert 'payload["course_id"] = create_course(client)' in code


def test_plan_validation_runs_the_engine_and_finds_nothing(tmp_path: Path) -> None:
    plan = plan_entity(tmp_path, COURSE, validate=True)
    assert plan.ok and plan.notes == ()


def test_hand_written_shared_files_get_fallback_insertions_or_notes(tmp_path: Path) -> None:
    write_plan(plan_entity(tmp_path, COURSE, validate=False))
    main = (
        '"""My app."""\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.get("/")\ndef root() -> dict:\n    return {}\n'
    )
    (tmp_path / "app/main.py").write_text(main)
    (tmp_path / "app/database.py").write_text('"""Mine."""\nimport sqlite3\n\nDB = "x.db"\n')
    plan = plan_entity(tmp_path, EntitySpec("Room", (AttributeSpec("number", "int"),)), validate=False)
    assert plan.ok
    edited = {f.path: f.content for f in plan.files if f.kind == EDIT}
    assert edited["app/main.py"] == (
        '"""My app."""\nfrom fastapi import FastAPI\nfrom app.routers.room import router as room_router\n\n'
        'app = FastAPI()\napp.include_router(room_router)\n\n\n@app.get("/")\ndef root() -> dict:\n    return {}\n'
    )
    assert "app/database.py" not in edited
    assert any("app/database.py: no list or tuple assigned to TABLE_CREATORS" in note for note in plan.notes)


def test_adding_two_entities_to_an_existing_app_at_once(tmp_path: Path) -> None:
    write_plan(plan_entity(tmp_path, COURSE, validate=False))
    room = EntitySpec("Room", (AttributeSpec("number", "int"),))
    plan = plan_scaffold(tmp_path, [room, STUDENT], validate=False)
    write_plan(plan)
    main = (tmp_path / "app/main.py").read_text()
    assert main.index("import router as room_router") < main.index("import router as student_router")
    assert main.index("include_router(room_router)") < main.index("include_router(student_router)")
    assert sorted(p.name for p in (tmp_path / "migrations").glob("*.py")) == [
        "0001_create_courses.py",
        "0002_create_rooms.py",
        "0003_create_students.py",
    ]


def test_a_binary_shared_file_is_a_conflict_and_left_alone(tmp_path: Path) -> None:
    write_plan(plan_entity(tmp_path, COURSE, validate=False))
    (tmp_path / "ui/app.py").write_bytes(b"\xff\xfe\x00binary")
    before = _tree(tmp_path)
    plan = plan_entity(tmp_path, EntitySpec("Room", (AttributeSpec("number", "int"),)), validate=False)
    assert not plan.ok and plan.conflicts[0].startswith("ui/app.py cannot be read")
    assert _tree(tmp_path) == before


TYPES = st.sampled_from(("str", "int", "float", "bool", "date", "datetime", "email"))
FIELD_NAMES = st.from_regex(r"[a-z]{2,8}", fullmatch=True).filter(
    lambda n: (
        n
        not in {
            "id",
            "str",
            "int",
            "float",
            "bool",
            "dt",
            "json",
            "dict",
            "copy",
            "schema",
            "fields",
            "validate",
            "construct",
            "and",
            "as",
            "if",
            "in",
            "is",
            "or",
            "not",
            "for",
            "def",
            "del",
            "try",
            "with",
            "from",
            "else",
            "elif",
            "pass",
            "while",
            "break",
            "class",
            "async",
            "await",
            "raise",
            "yield",
            "return",
            "global",
            "import",
            "lambda",
            "assert",
            "finally",
            "except",
            "continue",
            "nonlocal",
            "true",
            "false",
            "none",
        }
    )
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    fields=st.lists(st.tuples(FIELD_NAMES, TYPES, st.booleans()), max_size=5, unique_by=lambda f: f[0]),
    optional_reference=st.booleans(),
)
def test_written_entities_read_back_identically(
    tmp_path_factory: pytest.TempPathFactory, fields: list[tuple[str, str, bool]], optional_reference: bool
) -> None:
    root = tmp_path_factory.mktemp("roundtrip")
    attributes = tuple(AttributeSpec(n, t, r) for n, t, r in fields if n != "course_id")
    spec = EntitySpec("Thing", attributes, (RelationshipSpec("Course", required=not optional_reference),))
    write_plan(plan_scaffold(root, [COURSE, spec], validate=False))
    assert set(inspect_project(root).entities) == {COURSE, spec}
