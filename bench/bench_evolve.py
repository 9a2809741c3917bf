"""Benchmark: one evolution step of a generated app, and the migration of a 100,000-row table.

    PYTHONPATH=server .venv/bin/python bench/bench_evolve.py [--repeat N] [--rows N]

Measured in the same run:
* plan: ``plan_entity_change`` adding a required attribute (with a default) to the entity that
  three others reference, in a 10-entity app (its files and its dependents' files rendered and
  three-way merged, the migration written in memory); best and median of N fresh copies;
* plan + apply: the same plus ``write_plan`` (atomic writes of every file, fsync each);
  target: at most 100 ms, without the LLM;
* migration: the generated migration module (yoyo-migrations, the table rebuilt as SQLite's
  documentation prescribes) applied to a table of ``--rows`` rows, against a plain SQLite copy of
  the same rows into a table of the same new schema and its email index (``INSERT INTO ...
  SELECT`` in one transaction): rows per second of each and their ratio.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # ``bench.figures`` when run as a script
from bench.figures import Figure, emit  # noqa: E402

TARGET_MS = 100.0


def _app(root: Path) -> None:
    from baes.scaffold.plan import plan_scaffold
    from baes.scaffold.spec import AttributeSpec as A
    from baes.scaffold.spec import EntitySpec
    from baes.scaffold.spec import RelationshipSpec as R
    from baes.scaffold.writer import write_plan

    author = EntitySpec("Author", (A("name"), A("email", "email"), A("born", "int", False)))
    others = [
        EntitySpec(f"Thing{i}", (A("title"), A("size", "int"), A("price", "float", False)), (R("Author"),) if i < 3 else ())
        for i in range(9)
    ]
    write_plan(plan_scaffold(root, [author, *others], validate=False))


def _step(root: Path, write: bool) -> float:
    from baes.scaffold.entity_update import EntityChange, plan_entity_change
    from baes.scaffold.spec import AttributeSpec
    from baes.scaffold.writer import write_plan

    started = time.perf_counter()
    plan = plan_entity_change(root, EntityChange("Author", (AttributeSpec("country"),), defaults=(("country", "unknown"),)))
    assert plan is not None and plan.ok, plan
    if write:
        write_plan(plan)
    return (time.perf_counter() - started) * 1000


def _migration(root: Path, rows: int) -> tuple[float, float]:
    """Seconds for the generated migration and for a plain copy of the same rows."""
    from yoyo import get_backend, read_migrations

    database = root / "app.db"
    backend = get_backend("sqlite:///" + database.as_posix())
    with backend.lock():
        backend.apply_migrations(backend.to_apply(read_migrations(str(root / "migrations"))))
    with sqlite3.connect(database) as connection:
        connection.executemany(
            "INSERT INTO authors (name, email, born) VALUES (?, ?, ?)",
            ((f"Author {i}", f"a{i}@example.org", 1900 + i % 100) for i in range(rows)),
        )
    backend.connection.close()
    _step(root, write=True)
    plain = database.with_name("plain.db")
    shutil.copy(database, plain)
    backend = get_backend("sqlite:///" + database.as_posix())
    started = time.perf_counter()
    with backend.lock():
        pending = backend.to_apply(read_migrations(str(root / "migrations")))
        backend.apply_migrations(pending)
    migrated = time.perf_counter() - started
    backend.connection.close()
    assert len(pending) == 1
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT COUNT(*), MIN(country) FROM authors").fetchone() == (rows, "unknown")
    connection = sqlite3.connect(plain, isolation_level=None)
    started = time.perf_counter()
    connection.execute("BEGIN")
    connection.execute(
        "CREATE TABLE copied (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, "
        "email TEXT NOT NULL, born INTEGER, country TEXT NOT NULL)"
    )
    connection.execute("INSERT INTO copied (id, name, email, born, country) SELECT id, name, email, born, 'unknown' FROM authors")
    connection.execute("CREATE INDEX idx_copied_email ON copied (email)")  # the table's own index, as migrated
    connection.execute("COMMIT")
    copied = time.perf_counter() - started
    connection.close()
    return migrated, copied


def _fresh(template: Path, target: Path) -> Path:
    shutil.copytree(template, target)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        template = Path(folder) / "template"
        _app(template)
        times: dict[bool, list[float]] = {False: [], True: []}
        for run in range(args.repeat + 1):
            for write in (False, True):
                copy = Path(folder) / f"run{run}{write}"
                shutil.copytree(template, copy)
                elapsed = _step(copy, write)
                if run:  # the first round warms the template cache
                    times[write].append(elapsed)
        migrated, copied = _migration(_fresh(template, Path(folder) / "rows"), args.rows)
    print(f"10-entity app, add a required attribute (with a default) to an entity 3 others reference; repeat={args.repeat}")
    for write, label in ((False, "plan (render, merge, migration)"), (True, "plan + apply (atomic writes)")):
        values = times[write]
        print(
            f"{label:36} best {min(values):7.2f} ms  median {statistics.median(values):7.2f} ms"
            + (f"  target <= {TARGET_MS:.0f} ms" if write else "")
        )
    print(
        f"migration of {args.rows:,} rows (yoyo, table rebuilt)  {migrated * 1000:8.1f} ms  {args.rows / migrated:12,.0f} rows/s"
    )
    print(f"plain SQLite copy of the same rows          {copied * 1000:8.1f} ms  {args.rows / copied:12,.0f} rows/s")
    print(f"ratio (migration / plain copy)              {migrated / copied:8.2f}x")
    command = "python bench/bench_evolve.py"
    applied = statistics.median(times[True])
    emit(
        Figure(
            "bench_evolve",
            "plan + apply one evolution step, 10-entity app, median",
            applied,
            "ms",
            "plan alone",
            applied / statistics.median(times[False]),
            "<= 100 ms",
            command,
        ),
        Figure(
            "bench_evolve",
            f"migration of {args.rows:,} rows (table rebuilt)",
            args.rows / migrated,
            "rows/s",
            "plain SQLite copy of the same table",
            migrated / copied,
            "",
            command,
        ),
    )


if __name__ == "__main__":
    main()
