"""Fix latency against libcst parsing of the same file, measured in the same run.

* fix-all: ``baes.fixes.apply.fix_source`` (check, apply every fix in rounds, re-check) on a
  realistic 500-line FastAPI + sqlite3 module with violations of several rules, unsafe fixes
  included; reported as a ratio to ``libcst.parse_module`` of the same file (target <= 3x).
* quick fix: ``baes.fixes.apply.fix_finding`` for one finding of that file (what an editor's
  code action costs), as the same ratio.
* tokens saved (``CodePatcher.apply_patch(...).tokens_saved``, tiktoken counts; docs/fixes.md):
  one ``add_decorator`` and one ``fix_status_code`` patch on the whole module, and on its first
  part (the helper and four entities, about the ~2000-token file the reference assumed).

Run: ``.venv/bin/python bench/bench_fix.py`` (medians of 7 runs after a warm-up; the ``strict``
profile, so every fixable rule takes part). Exit status 1 when fix-all is over 3x.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # ``bench.figures`` when run as a script
from bench.figures import Figure, emit  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "server"))

ROUTE = '''

@router.post("/{plural}")
def create_{name}(payload: dict):
    """Create a {name}."""
    with get_connection() as conn:
        cursor = conn.execute(
            "INSERT INTO {plural} (name, note) VALUES (?, ?)",
            (payload["name"], payload.get("note")),
        )
        conn.commit()
        return {{"id": cursor.lastrowid, **payload}}


@router.get("/{plural}/{{item_id}}")
def read_{name}(item_id: int):
    """Read one {name}."""
    with get_connection() as conn:
        row = conn.execute(f"SELECT * FROM {plural} WHERE id = {{item_id}}").fetchone()
    if row is None:
        raise HTTPException(status_code=404, detail="{name} not found")
    return dict(row)


@router.get("/{plural}")
def list_{plural}(limit: int = 50, offset: int = 0):
    """List {plural}, newest first."""
    with get_connection() as conn:
        rows = conn.execute(
            "SELECT * FROM {plural} ORDER BY id DESC LIMIT ? OFFSET ?", (limit, offset)
        ).fetchall()
    return [dict(r) for r in rows]


@router.put("/{plural}/{{item_id}}")
def update_{name}(item_id: int, payload: dict):
    """Replace a {name}."""
    with get_connection() as conn:
        conn.execute(
            "UPDATE {plural} SET name = ?, note = ? WHERE id = ?",
            (payload["name"], payload.get("note"), item_id),
        )
        conn.commit()
    return {{"id": item_id, **payload}}


@router.delete("/{plural}/{{item_id}}")
def delete_{name}(item_id: int):
    """Delete a {name}."""
    try:
        with get_connection() as conn:
            conn.execute("DELETE FROM {plural} WHERE id = ?", (item_id,))
            conn.commit()
    except:
        raise HTTPException(status_code=500, detail="could not delete")
    return None
'''

HEADER = '''"""Inventory API: FastAPI routes over a sqlite3 database."""
import sqlite3

from fastapi import APIRouter, HTTPException

router = APIRouter()
SECRET_KEY = "s3cr3t-token-value"
DB_PATH = "inventory.db"

SCHEMA = """
CREATE TABLE {plural} (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, note TEXT);
"""


def get_connection():
    """Open a connection with rows as mappings."""
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        yield conn
    finally:
        conn.close()


def init_db():
    with get_connection() as conn:
        conn.executescript(SCHEMA)
'''

ENTITIES = ["product", "supplier", "warehouse", "order", "customer", "invoice", "shipment", "category"]


def build_source() -> str:
    schema = "".join(
        f"CREATE TABLE {e}s (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, note TEXT);\n" for e in ENTITIES
    )
    source = HEADER.replace(
        "CREATE TABLE {plural} (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, note TEXT);\n", schema
    )
    source += "".join(ROUTE.format(name=e, plural=f"{e}s") for e in ENTITIES)
    return source


def median_seconds(run: Callable[[], object], repeat: int) -> float:
    run()  # warm-up (imports, tokenizer tables, caches)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    import libcst

    from baes.fixes.apply import fix_finding, fix_source
    from baes.settings.config import Settings
    from baes.standards.engine import check_source

    source = build_source()
    lines = source.count("\n")
    path = "app/routers/inventory.py"
    settings = Settings(profile="strict")  # every rule, so every fixable rule takes part
    report = check_source(source, path, settings)
    fixable = [f for f in report.findings if f.fix is not None]
    outcome = fix_source(source, path, settings, include_unsafe=True)
    rules = sorted({f.rule_id for f in outcome.applied})
    print(
        f"file: {lines} lines, {len(report.findings)} findings, {len(fixable)} fixable "
        f"({len({f.rule_id for f in fixable})} rules); fix-all applied {len(outcome.applied)} fixes of {', '.join(rules)}"
    )
    quick = next(f for f in fixable if f.fix and f.fix.patch_type == "add_decorator")

    parse = median_seconds(lambda: libcst.parse_module(source), 7)
    check = median_seconds(lambda: check_source(source, path, settings), 7)
    fix_all = median_seconds(lambda: fix_source(source, path, settings, include_unsafe=True), 7)
    quick_fix = median_seconds(lambda: fix_finding(source, quick), 7)
    print(f"libcst.parse_module      {parse * 1000:8.1f} ms   1.00x (reference)")
    print(f"check_source (one check) {check * 1000:8.1f} ms   {check / parse:.2f}x   (fix-all runs it twice)")
    print(f"fix_source (fix-all)     {fix_all * 1000:8.1f} ms   {fix_all / parse:.2f}x   target <= 3x")
    print(f"fix_finding (quick fix)  {quick_fix * 1000:8.1f} ms   {quick_fix / parse:.2f}x")
    print_tokens_saved(source, path, settings)
    command = "python bench/bench_fix.py"
    emit(
        Figure(
            "bench_fix",
            f"fix-all on a {lines}-line file",
            fix_all * 1000,
            "ms",
            "libcst.parse_module of it",
            fix_all / parse,
            "<= 3x",
            command,
        ),
        Figure(
            "bench_fix",
            "one quick fix",
            quick_fix * 1000,
            "ms",
            "libcst.parse_module of the file",
            quick_fix / parse,
            "",
            command,
        ),
    )
    return 0 if fix_all / parse <= 3.0 else 1


def print_tokens_saved(source: str, path: str, settings: object) -> None:
    """What one targeted patch saves against regenerating the file, measured, per file size."""
    from baes.fixes.patcher import CodePatcher
    from baes.metrics.tokens import count_tokens
    from baes.standards.engine import check_source

    first_part = HEADER.replace("{plural}", "products") + "".join(ROUTE.format(name=e, plural=f"{e}s") for e in ENTITIES[:4])
    for label, text in (("whole module", source), ("helper + 4 entities", first_part)):
        findings = check_source(text, path, settings).findings
        saved = []
        for patch_type in ("add_decorator", "fix_status_code"):
            finding = next(f for f in findings if f.fix is not None and f.fix.patch_type == patch_type)
            result = CodePatcher().apply_patch(text, patch_type, **finding.fix.kwargs)
            saved.append(f"{patch_type} saves {result.tokens_saved}")
        print(f"tokens saved, {label} ({count_tokens(text)} tokens): {'; '.join(saved)}")


if __name__ == "__main__":
    sys.exit(main())
