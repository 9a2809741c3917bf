"""The generated application runs: its own tests pass, uvicorn serves it, its pages work.

One app per module: Department, Course (referencing Department) and Student scaffolded
together into an empty folder, then Enrollment (referencing Course and, optionally, Student)
added to the existing app, as a user would. Enrollment's tests must create a Department
before the Course they need.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from tests.support.served_app import served_app

from baes.cli.main import main
from baes.scaffold.plan import plan_scaffold
from baes.scaffold.project import inspect_project
from baes.scaffold.spec import AttributeSpec as A
from baes.scaffold.spec import EntitySpec, RelationshipSpec
from baes.scaffold.writer import write_plan
from baes.swea import SWEAType

DEPARTMENT = EntitySpec("Department", (A("name"), A("budget", "float", False)))
COURSE = EntitySpec(
    "Course",
    (
        A("title"),
        A("credits", "int"),
        A("description", "str", False),
        A("starts_on", "date", False),
        A("fee", "float", False),
        A("capacity", "int", False),
    ),
    (RelationshipSpec("Department"),),
)
STUDENT = EntitySpec(
    "Student",
    (
        A("name"),
        A("email", "email"),
        A("gpa", "float"),
        A("active", "bool"),
        A("birthday", "date"),
        A("registered_at", "datetime"),
        A("nickname", "str", False),
        A("backup_email", "email", False),
        A("verified", "bool", False),
        A("last_login", "datetime", False),
    ),
)
ENROLLMENT = EntitySpec(
    "Enrollment",
    (A("enrolled_on", "date"), A("grade", "float", False)),
    (RelationshipSpec("Course"), RelationshipSpec("Student", required=False)),
)


@pytest.fixture(scope="module")
def app_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("generated") / "university"
    first = plan_scaffold(root, [COURSE, STUDENT, DEPARTMENT])
    assert first.ok, first.conflicts
    write_plan(first)
    # The second entity goes through the command line, as a user would add it.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BAES_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        for name in ("BAES_LLM_BASE_URL", "BAES_LLM_MODEL"):
            patch.delenv(name, raising=False)
        code = main(
            [
                "scaffold",
                "--entity",
                "Enrollment",
                "--attr",
                "enrolled_on:date",
                "--attr",
                "grade:float?",
                "--ref",
                "Course",
                "--ref",
                "Student?",
                "--out",
                str(root),
            ]
        )
    assert code == 0
    assert inspect_project(root).get("Enrollment") == ENROLLMENT
    return root


def _python_files(root: Path) -> list[Path]:
    """The app's Python files; ``.baes/`` holds baes' own copies (merge bases), not the app's code."""
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts and ".baes" not in p.parts)


@pytest.mark.parametrize("profile", ["default", "generated", "strict"])
def test_every_generated_file_gets_confident_approval_and_no_findings(app_dir: Path, profile: str) -> None:
    from baes.settings.config import Settings
    from baes.standards.engine import check_source

    problems = []
    judged = 0
    for path in _python_files(app_dir):
        relative = path.relative_to(app_dir).as_posix()
        report = check_source(path.read_text(encoding="utf-8"), path=relative, settings=Settings(profile=profile))
        # A package ``__init__.py`` holds only its docstring: the engine judges no such file
        # ("uncertain", confidence 0.0, by design), but it must not find anything either.
        docstring_only = path.name == "__init__.py"
        if report.findings or (not docstring_only and report.outcome != "confident_approval"):
            problems.append((relative, report.outcome, [(f.rule_id, f.line, f.message) for f in report.findings]))
        judged += not docstring_only
    assert problems == []
    assert judged == 27  # 23 modules and one migration per entity


def test_entity_files_are_detected_as_their_swea_type(app_dir: Path) -> None:
    from baes.standards.swea_detection import detect_swea

    expected = {
        "app/routers/enrollment.py": SWEAType.BACKEND,
        "app/tables/enrollment.py": SWEAType.DATABASE,
        "ui/pages/4_Enrollments.py": SWEAType.FRONTEND,
        "tests/test_enrollment.py": SWEAType.TEST,
    }
    for relative, swea in expected.items():
        source = (app_dir / relative).read_text(encoding="utf-8")
        assert detect_swea(source, relative) is swea, relative


@pytest.mark.slow
def test_the_generated_test_suite_passes(app_dir: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "BAES_"))}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "ignore::DeprecationWarning"],
        cwd=app_dir,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    summary = result.stdout.strip().splitlines()[-1]
    assert "passed" in summary and "failed" not in summary and "skipped" not in summary
    assert int(summary.split()[0]) >= 50
    assert not (app_dir / "app.db").exists()


@pytest.fixture(scope="module")
def api_url(app_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    env = {**os.environ, "BAES_DATABASE_PATH": str(tmp_path_factory.mktemp("db") / "api.db")}
    with served_app(app_dir, env) as url:
        yield url


@pytest.mark.slow
def test_uvicorn_serves_openapi_and_docs(api_url: str) -> None:
    schema = httpx.get(f"{api_url}/openapi.json", timeout=10).json()
    paths = schema["paths"]
    for plural, param in (
        ("departments", "department_id"),
        ("courses", "course_id"),
        ("students", "student_id"),
        ("enrollments", "enrollment_id"),
    ):
        assert set(paths[f"/{plural}"]) == {"get", "post"}
        assert set(paths[f"/{plural}/{{{param}}}"]) == {"get", "put", "delete"}
        assert "201" in paths[f"/{plural}"]["post"]["responses"]
        assert "204" in paths[f"/{plural}/{{{param}}}"]["delete"]["responses"]
    docs = httpx.get(f"{api_url}/docs", timeout=10)
    assert docs.status_code == 200 and "swagger" in docs.text.lower()


def _page(app_dir: Path, name: str) -> Path:
    return next((app_dir / "ui/pages").glob(f"*_{name}.py"))


@pytest.mark.slow
def test_streamlit_pages_list_real_data(app_dir: Path, api_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.testing.v1 import AppTest

    department = httpx.post(f"{api_url}/departments", json={"name": "Mathematics"}, timeout=10).json()
    course = httpx.post(
        f"{api_url}/courses", json={"title": "Algebra", "credits": 5, "department_id": department["id"]}, timeout=10
    ).json()
    student = httpx.post(
        f"{api_url}/students",
        json={
            "name": "Ada",
            "email": "ada@example.org",
            "gpa": 3.9,
            "active": True,
            "birthday": "2001-02-03",
            "registered_at": "2024-09-01T09:00:00",
        },
        timeout=10,
    ).json()
    enrollment = httpx.post(
        f"{api_url}/enrollments",
        json={
            "enrolled_on": "2024-09-02",
            "course_id": course["id"],
            "student_id": student["id"],
        },
        timeout=10,
    )
    assert enrollment.status_code == 201, enrollment.text

    monkeypatch.setenv("BAES_API_URL", api_url)
    for name, plural in (
        ("Departments", "departments"),
        ("Courses", "courses"),
        ("Students", "students"),
        ("Enrollments", "enrollments"),
    ):
        expected = len(httpx.get(f"{api_url}/{plural}", timeout=10).json())
        page = AppTest.from_file(str(_page(app_dir, name)), default_timeout=60).run()
        assert not page.exception, [e.value for e in page.exception]
        assert not page.error, [e.value for e in page.error]
        assert page.title[0].value == name
        assert len(page.dataframe) == 1 and len(page.dataframe[0].value) == expected >= 1
        assert page.selectbox(key=f"selected_{plural[:-1]}").value == 1


@pytest.mark.slow
def test_streamlit_create_form_validates_then_sends(app_dir: Path, api_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("BAES_API_URL", api_url)
    httpx.post(f"{api_url}/departments", json={"name": "Physics"}, timeout=10)
    before = len(httpx.get(f"{api_url}/courses", timeout=10).json())
    page = AppTest.from_file(str(_page(app_dir, "Courses")), default_timeout=60).run()
    submit = next(b for b in page.button if b.label == "Create")
    submit.click().run()  # empty title: refused before sending
    assert [e.value for e in page.error] == ["Title is required.", "Department id is required."]
    assert len(httpx.get(f"{api_url}/courses", timeout=10).json()) == before

    page.text_input(key="create_title").set_value("Geometry")
    page.number_input(key="create_credits").set_value(4)
    department = httpx.get(f"{api_url}/departments", timeout=10).json()[0]
    departments = page.selectbox(key="create_department_id")  # a select box of the departments, by name
    assert f"{department['id']}: {department['name']}" in departments.options
    departments.set_value(department["id"])
    next(b for b in page.button if b.label == "Create").click().run()
    assert not page.exception and not page.error
    assert [s.value for s in page.success] == ["Course created."]
    titles = [c["title"] for c in httpx.get(f"{api_url}/courses", timeout=10).json()]
    assert titles[-1] == "Geometry" and len(titles) == before + 1


@pytest.mark.slow
def test_streamlit_edit_and_delete(app_dir: Path, api_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("BAES_API_URL", api_url)
    created = httpx.post(
        f"{api_url}/students",
        json={
            "name": "Grace",
            "email": "grace@example.org",
            "gpa": 3.2,
            "active": False,
            "birthday": "1999-12-09",
            "registered_at": "2024-01-15T10:30:00",
            "nickname": "G",
            "verified": True,
            "last_login": "2024-03-01T08:00:00",
        },
        timeout=10,
    ).json()
    page = AppTest.from_file(str(_page(app_dir, "Students")), default_timeout=60).run()
    page.selectbox(key="selected_student").set_value(created["id"]).run()
    suffix = created["id"]  # edit widgets are keyed by record, so each selection shows its own values
    assert page.text_input(key=f"edit_name_{suffix}").value == "Grace"
    assert page.checkbox(key=f"edit_active_{suffix}").value is False
    assert page.selectbox(key=f"edit_verified_{suffix}").value is True
    assert str(page.date_input(key=f"edit_birthday_{suffix}").value) == "1999-12-09"
    page.text_input(key=f"edit_name_{suffix}").set_value("Grace Hopper")
    next(b for b in page.button if b.label == "Save changes").click().run()
    assert not page.exception and not page.error, [e.value for e in page.error]
    assert [s.value for s in page.success] == ["Student updated."]
    stored = httpx.get(f"{api_url}/students/{created['id']}", timeout=10).json()
    assert stored == {**created, "name": "Grace Hopper"}

    page.button(key="delete_student").click().run()
    assert [s.value for s in page.success] == ["Student deleted."]
    assert httpx.get(f"{api_url}/students/{created['id']}", timeout=10).status_code == 404


@pytest.mark.slow
def test_streamlit_entry_point_lists_the_pages(app_dir: Path, api_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("BAES_API_URL", api_url)
    app = AppTest.from_file(str(app_dir / "ui/app.py"), default_timeout=60).run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.title[0].value == "Departments"
    text = (app_dir / "ui/app.py").read_text()
    for page in ("1_Departments.py", "2_Courses.py", "3_Students.py", "4_Enrollments.py"):
        assert f'st.Page("pages/{page}"' in text
