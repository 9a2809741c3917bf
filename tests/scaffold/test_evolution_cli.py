"""``baes scaffold`` changing an existing entity: the flags, ``--dry-run``'s diffs and SQL, conflicts."""

from __future__ import annotations

from pathlib import Path

import pytest

from baes.cli.main import main


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture()
def app(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["scaffold", "--entity", "Author", "--attr", "name", "--attr", "born:int?", "--out", str(tmp_path)]) == 0
    capsys.readouterr()
    return tmp_path


def test_dry_run_shows_each_diff_and_the_migration_sql_and_writes_nothing(app: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _tree(app)
    code = main(
        ["scaffold", "--entity", "Author", "--add-attr", "phone", "--default", "phone=unknown", "--dry-run", "--out", str(app)]
    )
    out = capsys.readouterr().out
    assert code == 0 and _tree(app) == before
    assert "--- a/app/models/author.py\n+++ b/app/models/author.py\n" in out
    assert "+    phone: str = Field(min_length=1, max_length=200)" in out
    assert "--- /dev/null\n+++ b/migrations/0002_add_phone_to_authors.py" in out
    assert "INSERT INTO baes_new_authors (id, name, born, phone) SELECT id, name, born, 'unknown' FROM authors;" in out


def test_rename_and_remove_flags_write_one_migration_each(app: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scaffold", "--entity", "Author", "--rename-attr", "born:birth_year", "--out", str(app)]) == 0
    assert main(["scaffold", "--entity", "Author", "--remove-attr", "birth_year", "--out", str(app)]) == 0
    names = sorted(p.name for p in (app / "migrations").glob("*.py"))
    assert names == [
        "0001_create_authors.py",
        "0002_rename_born_to_birth_year_in_authors.py",
        "0003_remove_birth_year_from_authors.py",
    ]
    models = (app / "app/models/author.py").read_text()
    assert "birth_year" not in models and "born" not in models


def test_change_flags_on_an_unknown_entity_are_a_usage_error(app: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scaffold", "--entity", "Book", "--remove-attr", "title", "--out", str(app)]) == 2
    assert "Book is not an entity of the app" in capsys.readouterr().err
    assert main(["scaffold", "--entity", "Author", "--rename-attr", "born", "--out", str(app)]) == 2


def test_an_overlapping_edit_is_refused_with_its_hunks_or_written_with_markers(
    app: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = app / "app/tables/author.py"
    table.write_text(table.read_text().replace("    born INTEGER\n", "    born INTEGER CHECK (born > 0)\n"))
    before = _tree(app)
    assert main(["scaffold", "--entity", "Author", "--remove-attr", "born", "--out", str(app)]) == 1
    err = capsys.readouterr().err
    assert "your file:" in err and "CHECK (born > 0)" in err and _tree(app) == before
    assert main(["scaffold", "--entity", "Author", "--remove-attr", "born", "--conflict-markers", "--out", str(app)]) == 0
    assert "<<<<<<< your file" in table.read_text()


def test_rename_then_delete_an_entity(app: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scaffold", "--entity", "Book", "--attr", "title", "--ref", "Author", "--out", str(app)]) == 0
    assert main(["scaffold", "--entity", "Author", "--delete-entity", "--out", str(app)]) == 1
    assert "Author cannot be deleted while other entities refer to it: Book (author_id)" in capsys.readouterr().err
    assert main(["scaffold", "--entity", "Author", "--rename-entity", "Writer", "--out", str(app)]) == 0
    out = capsys.readouterr().out
    assert "deleted" in out and "app/routers/writer.py" in out
    assert not (app / "app/routers/author.py").exists()
    assert "writer_id" in (app / "app/models/book.py").read_text()
    assert "writer_router" in (app / "app/main.py").read_text() and "author" not in (app / "app/main.py").read_text()
    assert main(["scaffold", "--entity", "Book", "--delete-entity", "--dry-run", "--out", str(app)]) == 0
    out = capsys.readouterr().out
    assert "--- a/app/routers/book.py\n+++ /dev/null" in out and "DROP TABLE IF EXISTS books;" in out
    assert main(["scaffold", "--entity", "Book", "--delete-entity", "--out", str(app)]) == 0
    assert not (app / "app/routers/book.py").exists() and "book" not in (app / "app/main.py").read_text()
