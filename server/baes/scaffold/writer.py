"""Writing a scaffold plan: everything or nothing, each file atomically.

New files are created with ``create_new_file`` (which refuses to overwrite), shared files
are rewritten with ``atomic_write_text`` only if they still hold the text the plan was made
from. If anything fails part-way, the files created so far are removed and the shared files
already changed get their original text back, so a user's project is never left half-done.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from baes.files.atomic import FileExistsConflict, atomic_write_text, create_new_file, read_source
from baes.scaffold.plan import CREATE, DELETE, EDIT, ScaffoldPlan


class ScaffoldConflict(RuntimeError):
    """The plan cannot be written (conflicts, or the folder changed since planning); nothing was written."""


@dataclass(frozen=True)
class WriteResult:
    """What was written, as paths relative to the plan's root."""

    created: tuple[str, ...]
    edited: tuple[str, ...]
    deleted: tuple[str, ...] = ()


def _remove_new_dirs(path: Path, root: Path, existed: set[Path]) -> None:
    parent = path.parent
    while parent != root and parent not in existed:
        try:
            parent.rmdir()
        except OSError:
            return
        parent = parent.parent


def write_plan(plan: ScaffoldPlan) -> WriteResult:
    """Write every file of ``plan``; raise ``ScaffoldConflict`` (having written nothing) on any conflict."""
    if not plan.ok:
        raise ScaffoldConflict("; ".join(plan.conflicts))
    root = plan.root
    edits = [f for f in plan.files if f.kind == EDIT]
    deletions = [f for f in plan.files if f.kind == DELETE]
    for planned in edits + deletions:
        try:
            current = read_source(root / planned.path).text
        except (OSError, UnicodeDecodeError) as exc:
            raise ScaffoldConflict(f"{planned.path} cannot be read: {exc}") from exc
        if current != planned.original:
            raise ScaffoldConflict(f"{planned.path} changed since the plan was made; plan again")

    existed_dirs = {p for f in plan.files for p in (root / f.path).parents if p.is_dir()}
    created: list[Path] = []
    restored: list[tuple[Path, str, str]] = []
    try:
        for planned in plan.files:
            if planned.kind == CREATE:
                target = root / planned.path
                create_new_file(target, planned.content.encode(planned.encoding))
                created.append(target)
        for planned in edits:
            target = root / planned.path
            atomic_write_text(target, planned.content, planned.encoding)
            restored.append((target, planned.original or "", planned.encoding))
        for planned in deletions:  # last: undoing a removal means writing its text back
            target = root / planned.path
            os.unlink(target)
            restored.append((target, planned.original or "", planned.encoding))
    except (FileExistsConflict, OSError) as exc:
        for target, text, encoding in reversed(restored):
            atomic_write_text(target, text, encoding)
        for target in reversed(created):
            try:
                os.unlink(target)
            except FileNotFoundError:
                pass
            _remove_new_dirs(target, root, existed_dirs)
        raise ScaffoldConflict(f"writing stopped and was undone: {exc}") from exc
    return WriteResult(
        created=tuple(f.path for f in plan.files if f.kind == CREATE),
        edited=tuple(f.path for f in edits),
        deleted=tuple(f.path for f in deletions),
    )
