"""The wheel ships the templates inside the package, and the registry finds them there."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_contains_templates_and_renders_from_them(tmp_path: Path) -> None:
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path / "dist"), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stderr
    wheel = next((tmp_path / "dist").glob("baes-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "site")
    assert "baes/templates/manifest.json" in names
    shipped = {name for name in names if name.startswith("baes/templates/")}
    in_repo = {f"baes/{p.relative_to(ROOT).as_posix()}" for p in (ROOT / "templates").rglob("*") if p.is_file()}
    assert in_repo <= shipped, sorted(in_repo - shipped)
    # Import baes from the unpacked wheel only (not the checkout), in a fresh process.
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import baes, pathlib;"
        "assert pathlib.Path(baes.__file__).is_relative_to(sys.argv[1]), baes.__file__;"
        "from baes.scaffold.template_registry import TemplateRegistry, SWEAType, EntityType;"
        "r = TemplateRegistry();"
        "ctx = {'entity_name': 'Student', 'entity_name_lower': 'student',"
        " 'attributes': [{'name': 'name', 'type': 'str', 'required': True}]};"
        "code = r.render_template(SWEAType.BACKEND, EntityType.STANDARD, ctx);"
        "compile(code, 'router.py', 'exec');"
        "print(len(r.list_templates()))"
    )
    ran = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "site")], capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    assert ran.returncode == 0, ran.stderr
    assert int(ran.stdout.strip()) >= 4
