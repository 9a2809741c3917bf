"""Evolving a generated app: migrations keep every row, the user's edits and formatting survive."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from baes.scaffold.entity_update import EntityChange, plan_entity_change
from baes.scaffold.merge import merge_texts
from baes.scaffold.plan import plan_scaffold
from baes.scaffold.spec import AttributeSpec, EntitySpec, RelationshipSpec
from baes.scaffold.writer import write_plan

AUTHOR = EntitySpec("Author", (AttributeSpec("name"), AttributeSpec("born", "int", False)))
PUBLISHER = EntitySpec("Publisher", (AttributeSpec("title"),))


def _migrate(root: Path) -> str:
    """Apply the app's migrations the way a user does (``python -m app.database``), in the app's folder."""
    done = subprocess.run([sys.executable, "-m", "app.database"], cwd=root, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _rows(root: Path, query: str) -> list[tuple]:
    with sqlite3.connect(root / "app.db") as connection:
        return connection.execute(query).fetchall()


def _change(root: Path, change: EntityChange, **options: object) -> None:
    plan = plan_entity_change(root, change, **options)
    assert plan is not None and plan.ok, plan.conflicts if plan else "no such entity"
    write_plan(plan)


@pytest.fixture()
def app(tmp_path: Path) -> Path:
    write_plan(plan_scaffold(tmp_path, [AUTHOR, PUBLISHER], validate=False))
    assert "0001_create_authors" in _migrate(tmp_path)
    with sqlite3.connect(tmp_path / "app.db") as connection:
        connection.executemany("INSERT INTO authors (name, born) VALUES (?, ?)", [("Ada", 1815), ("Alan", None)])
        connection.execute("INSERT INTO publishers (title) VALUES ('Penguin')")
    return tmp_path


def test_each_change_keeps_every_row(app: Path) -> None:
    _change(app, EntityChange("Author", (AttributeSpec("country"),), defaults=(("country", "unknown"),)))
    assert "add_country" in _migrate(app)
    assert _rows(app, "SELECT name, born, country FROM authors ORDER BY id") == [
        ("Ada", 1815, "unknown"),
        ("Alan", None, "unknown"),
    ]

    _change(app, EntityChange("Author", add_relationships=(RelationshipSpec("Publisher"),), defaults=(("publisher_id", "1"),)))
    _migrate(app)
    assert _rows(app, "SELECT name, publisher_id FROM authors ORDER BY id") == [("Ada", 1), ("Alan", 1)]
    foreign = _rows(app, 'SELECT "table", "from" FROM pragma_foreign_key_list(\'authors\')')
    assert foreign == [("publishers", "publisher_id")]

    _change(app, EntityChange("Author", rename=("born", "birth_year")))
    _migrate(app)
    _change(app, EntityChange("Author", remove=("country",)))
    _migrate(app)
    assert _rows(app, "SELECT name, birth_year, publisher_id FROM authors ORDER BY id") == [("Ada", 1815, 1), ("Alan", None, 1)]
    columns = [row[1] for row in _rows(app, "PRAGMA table_info(authors)")]
    assert columns == ["id", "name", "birth_year", "publisher_id"]
    indexes = {row[1] for row in _rows(app, "PRAGMA index_list(authors)")}
    assert "idx_authors_publisher_id" in indexes
    # the migrations are recorded: running again applies nothing
    assert _migrate(app).strip() == "the database is up to date"
    # the generated test suite passes on the evolved app
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=app, capture_output=True, text=True, timeout=300
    )
    assert tests.returncode == 0, tests.stdout[-3000:]


def test_a_required_attribute_without_a_value_for_old_rows_is_refused(app: Path) -> None:
    plan = plan_entity_change(app, EntityChange("Author", (AttributeSpec("phone"),)))
    assert plan is not None and not plan.ok
    assert "authors has 2 row(s)" in plan.conflicts[0] and "--default phone=VALUE" in plan.conflicts[0]
    # a database the plan could not see: the migration itself refuses, in its transaction
    (app / "app.db").rename(app / "elsewhere.db")
    _change(app, EntityChange("Author", (AttributeSpec("phone"),)))
    (app / "elsewhere.db").rename(app / "app.db")
    done = subprocess.run([sys.executable, "-m", "app.database"], cwd=app, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0 and "--default phone=VALUE" in done.stderr
    assert _rows(app, "SELECT name FROM authors ORDER BY id") == [("Ada",), ("Alan",)]
    assert "phone" not in [row[1] for row in _rows(app, "PRAGMA table_info(authors)")]


def test_a_default_that_does_not_fit_the_type_is_refused(app: Path) -> None:
    plan = plan_entity_change(app, EntityChange("Author", (AttributeSpec("age", "int"),), defaults=(("age", "old"),)))
    assert plan is not None and plan.conflicts == ("default 'old' is not a valid int",)
    plan = plan_entity_change(app, EntityChange("Author", (AttributeSpec("age", "int"),), defaults=(("agee", "1"),)))
    assert plan is not None and "agee" in plan.conflicts[0]


def test_hand_edits_and_a_formatter_run_survive_a_change(tmp_path: Path) -> None:
    write_plan(plan_scaffold(tmp_path, [AUTHOR], validate=False))
    router = tmp_path / "app/routers/author.py"
    # a formatter run: single quotes, a blank line less, a trailing comma; and a hand edit at the end
    text = router.read_text()
    reformatted = text.replace('"""CRUD', "'''CRUD", 1).replace('baes)."""', "baes).'''", 1)
    reformatted = reformatted.replace("\n\n\n", "\n\n") + "\n\n@router.get('/count')\ndef count() -> int:\n    return 0\n"
    router.write_text(reformatted)
    test_file = tmp_path / "tests/test_author.py"
    test_file.write_text(test_file.read_text().replace("import pytest\n", "import pytest  # mine\n", 1))
    _change(tmp_path, EntityChange("Author", (AttributeSpec("email", "email", False),)))
    merged = router.read_text()
    assert "'''CRUD" in merged and "def count() -> int:" in merged and "email" in merged
    assert "import pytest  # mine" in test_file.read_text() and "email" in test_file.read_text()
    compile(merged, str(router), "exec")


def test_a_true_conflict_writes_nothing_and_shows_the_hunks(tmp_path: Path) -> None:
    write_plan(plan_scaffold(tmp_path, [AUTHOR], validate=False))
    table = tmp_path / "app/tables/author.py"
    table.write_text(table.read_text().replace("    born INTEGER\n", "    born INTEGER CHECK (born > 0)\n"))
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    plan = plan_entity_change(tmp_path, EntityChange("Author", remove=("born",)))
    assert plan is not None and not plan.ok
    assert any("your file:" in c and "CHECK (born > 0)" in c for c in plan.conflicts)
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before
    marked = plan_entity_change(tmp_path, EntityChange("Author", remove=("born",)), conflict_markers=True)
    assert marked is not None and marked.ok
    write_plan(marked)
    assert "<<<<<<< your file" in table.read_text()


def test_a_new_required_attribute_reaches_the_tests_of_entities_that_create_it(tmp_path: Path) -> None:
    book = EntitySpec("Book", (AttributeSpec("title"),), (RelationshipSpec("Author"),))
    write_plan(plan_scaffold(tmp_path, [AUTHOR, book], validate=False))
    _change(tmp_path, EntityChange("Author", (AttributeSpec("nickname"),)))
    assert "nickname" in (tmp_path / "tests/test_book.py").read_text()


def test_merge_of_formatting_only_change_is_the_new_generation_in_the_users_layout() -> None:
    base = "x = {'a': 1}\n\n\ndef f():\n    return x\n"
    ours = 'x = {"a": 1,}\n\ndef f():\n    return x\n'
    theirs = "x = {'a': 1}\n\n\ndef f():\n    return x\n\n\ndef g():\n    return 2\n"
    result = merge_texts(base, ours, theirs)
    assert result.clean and result.text == ours + "\n\ndef g():\n    return 2\n"


def test_many_to_many_is_a_join_entity_with_a_unique_pair_and_partner_endpoints(tmp_path: Path) -> None:
    reader, book = EntitySpec("Reader", (AttributeSpec("name"),)), EntitySpec("Book", (AttributeSpec("title"),))
    write_plan(plan_scaffold(tmp_path, [reader, book], validate=False))
    _change(tmp_path, EntityChange("Reader", add_relationships=(RelationshipSpec("Book", kind="many_to_many"),)))
    assert "UNIQUE (reader_id, book_id)" in (tmp_path / "app/tables/reader_book.py").read_text()
    router = (tmp_path / "app/routers/reader_book.py").read_text()
    assert '@router.get("/readers/{reader_id}/books", response_model=list[BookRead])' in router
    assert '@router.get("/books/{book_id}/readers", response_model=list[ReaderRead])' in router
    # read back as it was planned, so later changes of Book regenerate the join entity's files
    from baes.scaffold.project import inspect_project

    assert inspect_project(tmp_path).get("ReaderBook").unique == (("reader_id", "book_id"),)
    _change(tmp_path, EntityChange("Book", (AttributeSpec("isbn", required=False),)))
    assert "t.isbn" in (tmp_path / "app/routers/reader_book.py").read_text()
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert tests.returncode == 0, tests.stdout[-3000:]


def test_rename_and_delete_keep_the_other_rows_and_the_users_edits(app: Path) -> None:
    book = EntitySpec("Book", (AttributeSpec("title"),), (RelationshipSpec("Author"),))
    write_plan(plan_scaffold(app, [book], validate=False))
    _migrate(app)
    with sqlite3.connect(app / "app.db") as connection:
        connection.execute("INSERT INTO books (title, author_id) VALUES ('Notes', 1)")
    router = app / "app/routers/author.py"
    router.write_text(router.read_text() + "\n\n# kept through the rename\n")
    refused = plan_entity_change(app, EntityChange("Author", delete=True))
    assert refused is not None and "Book (author_id)" in refused.conflicts[0]
    _change(app, EntityChange("Author", new_name="Writer"))
    _migrate(app)
    assert _rows(app, "SELECT id, name, born FROM writers ORDER BY id") == [(1, "Ada", 1815), (2, "Alan", None)]
    assert _rows(app, "SELECT title, writer_id FROM books") == [("Notes", 1)]
    assert "# kept through the rename" in (app / "app/routers/writer.py").read_text()
    _change(app, EntityChange("Publisher", delete=True))
    _migrate(app)
    assert _rows(app, "SELECT name FROM sqlite_master WHERE name = 'publishers'") == []
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=app, capture_output=True, text=True, timeout=300
    )
    assert tests.returncode == 0, tests.stdout[-3000:]


def _ruff() -> str:
    found = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    if not Path(found).exists():
        pytest.skip("ruff is not installed")
    return found


def test_a_real_ruff_format_and_isort_run_is_not_a_conflict(tmp_path: Path) -> None:
    book = EntitySpec("Book", (AttributeSpec("title"),), (RelationshipSpec("Author"),))
    write_plan(plan_scaffold(tmp_path, [AUTHOR, book], validate=False))
    ruff = _ruff()
    subprocess.run([ruff, "format", "--line-length", "79", "."], cwd=tmp_path, check=True, capture_output=True)
    subprocess.run([ruff, "check", "--select", "I", "--fix", "."], cwd=tmp_path, check=True, capture_output=True)
    models = tmp_path / "app/models/author.py"
    models.write_text(models.read_text() + "\n\nMAX_AUTHORS = 10  # mine\n")
    formatted = (tmp_path / "app/routers/book.py").read_text()
    _change(tmp_path, EntityChange("Author", (AttributeSpec("country", required=False),)))
    _change(tmp_path, EntityChange("Author", rename=("name", "full_name")))
    assert "MAX_AUTHORS = 10  # mine" in models.read_text() and "full_name" in models.read_text()
    assert (tmp_path / "app/routers/book.py").read_text() == formatted  # Book's router does not change
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert tests.returncode == 0, tests.stdout[-3000:]


def test_a_rebuild_keeps_the_users_own_index_and_trigger(app: Path) -> None:
    with sqlite3.connect(app / "app.db") as connection:
        connection.execute("CREATE INDEX my_author_names ON authors (name)")
        connection.execute("CREATE TRIGGER my_trigger AFTER DELETE ON authors BEGIN SELECT 1; END")
    _change(app, EntityChange("Author", rename=("born", "birth_year")))
    _migrate(app)
    names = {row[0] for row in _rows(app, "SELECT name FROM sqlite_master WHERE tbl_name = 'authors'")}
    assert {"authors", "my_author_names", "my_trigger"} <= names
    with sqlite3.connect(app / "app.db") as connection:
        connection.execute("CREATE INDEX my_birth_years ON authors (birth_year)")
    _change(app, EntityChange("Author", remove=("birth_year",)))
    done = subprocess.run([sys.executable, "-m", "app.database"], cwd=app, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0 and "my_birth_years no longer fits its table" in done.stderr
    assert "birth_year" in [row[1] for row in _rows(app, "PRAGMA table_info(authors)")]  # rolled back
