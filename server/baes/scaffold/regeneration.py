"""The entity files a change rewrites: merged with the user's edits, moved, or removed.

Every method compares three texts: what baes generated last (``.baes/generated/<path>``, else
the rendering of the entity before the change), the file on disk, and the new generation;
``baes.scaffold.merge`` merges them. A conflict is recorded (with its hunks) and nothing of
that file is planned, unless ``conflict_markers`` asks for git-style markers. The snapshot is
planned next to each file, so the next change has its merge base.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from baes.files.atomic import read_source
from baes.fixes.text_edits import minimal_edits
from baes.scaffold.merge import merge_texts, snapshot_path
from baes.scaffold.plan import CREATE, DELETE, EDIT, PlannedFile


def substitute(text: str, names: Mapping[str, str]) -> str:
    """Replace whole names (not inside longer alphanumeric words; longest first): a renamed entity."""
    if not names:
        return text
    pattern = re.compile(
        "(?<![A-Za-z0-9])(" + "|".join(re.escape(k) for k in sorted(names, key=len, reverse=True)) + ")(?![A-Za-z0-9])"
    )
    return pattern.sub(lambda m: names[m.group(1)], text)


class RegeneratedFiles:
    """The regenerated files of a plan: merged edits, new files and the updated snapshots."""

    def __init__(self, root: Path, conflict_markers: bool) -> None:
        self.root = root
        self.markers = conflict_markers
        self.files: list[PlannedFile] = []
        self.conflicts: list[str] = []
        self.notes: list[str] = []

    def _read(self, relative: str) -> tuple[str, str] | None:
        target = self.root / relative
        if not target.exists():
            return None
        source = read_source(target)
        return source.text, source.encoding

    def _put(self, planned: PlannedFile, content: str, on_disk: tuple[str, str] | None) -> None:
        if on_disk is None:
            self.files.append(
                PlannedFile(
                    planned.path,
                    CREATE,
                    content,
                    swea_type=planned.swea_type,
                    template_id=planned.template_id,
                    entity=planned.entity,
                )
            )
        elif on_disk[0] != content:
            self.files.append(
                PlannedFile(
                    planned.path,
                    EDIT,
                    content,
                    minimal_edits(on_disk[0], content),
                    on_disk[0],
                    encoding=on_disk[1],
                    swea_type=planned.swea_type,
                    template_id=planned.template_id,
                    entity=planned.entity,
                )
            )

    def _base(self, path: str, before: PlannedFile | None) -> tuple[str | None, tuple[str, str] | None]:
        kept = self._read(snapshot_path(path))
        return (kept[0] if kept is not None else (before.content if before is not None else None)), kept

    def _as_generated(self, before: PlannedFile) -> tuple[tuple[str, str] | None, str | None, tuple[str, str] | None] | None:
        """``before.path`` on disk, the text baes generated there and its snapshot; None (and a
        conflict) when they cannot be read."""
        try:
            on_disk = self._read(before.path)
            base, kept = self._base(before.path, before)
        except (OSError, UnicodeDecodeError, LookupError) as exc:
            self.conflicts.append(f"{before.path} cannot be read ({exc}); nothing was written")
            return None
        return on_disk, base, kept

    def remove(self, before: PlannedFile) -> None:
        """Plan the removal of ``before.path`` and its snapshot; a file the user edited is a conflict."""
        found = self._as_generated(before)
        if found is None:
            return
        on_disk, base, kept = found
        if on_disk is not None and on_disk[0] != base:
            self.conflicts.append(
                f"{before.path} holds your edits; baes does not delete them: move them elsewhere "
                "or delete the file yourself, then run again"
            )
            return
        for path, text in ((before.path, on_disk), (snapshot_path(before.path), kept)):
            if text is not None:
                self.files.append(PlannedFile(path, DELETE, "", original=text[0], encoding=text[1]))

    def move(self, before: PlannedFile, after: PlannedFile, names: Mapping[str, str]) -> None:
        """``before.path`` becomes ``after.path`` (a renamed entity): the user's edits, with the names
        substituted, merged into the new generation; the old file and snapshot removed."""
        found = self._as_generated(before)
        if found is None:
            return
        on_disk, base, kept = found
        if self._read(after.path) is not None and after.path != before.path:
            self.conflicts.append(f"{after.path} already exists; nothing was written")
            return
        content = after.content
        if on_disk is not None and base is not None and on_disk[0] != base:
            content = self._merged(after.path, substitute(base, names), substitute(on_disk[0], names), after.content)
            if content is None:
                return
        for path, text in ((before.path, on_disk), (snapshot_path(before.path), kept)):
            if text is not None:
                self.files.append(PlannedFile(path, DELETE, "", original=text[0], encoding=text[1]))
        self._put(after, content, None)
        self._put(PlannedFile(snapshot_path(after.path), CREATE, after.content), after.content, None)

    def _merged(self, path: str, base: str, ours: str, theirs: str) -> str | None:
        result = merge_texts(base, ours, theirs, python=path.endswith(".py"))
        if not result.clean and not self.markers:
            self.conflicts.extend(h.describe(path) for h in result.conflicts)
            self.conflicts.append(
                f"{path}: your edits and the change overlap; nothing was written "
                "(resolve by hand, or run again with --conflict-markers)"
            )
            return None
        if not result.clean:
            self.notes.append(
                f"{path}: {len(result.conflicts)} conflict(s) written as <<<<<<< markers; resolve them before running the app"
            )
        return result.text

    def regenerate(self, before: PlannedFile | None, after: PlannedFile) -> None:
        """Bring ``after.path`` to the new generation, merging the user's edits; update its snapshot."""
        snapshot = PlannedFile(snapshot_path(after.path), CREATE, after.content)
        try:
            on_disk = self._read(after.path)
            kept = self._read(snapshot.path)
        except (OSError, UnicodeDecodeError, LookupError) as exc:
            self.conflicts.append(f"{after.path} cannot be read ({exc}); nothing was written")
            return
        base = kept[0] if kept is not None else (before.content if before is not None else None)
        if on_disk is None or on_disk[0] == base or on_disk[0] == after.content:
            content = after.content
        elif base is None:
            self.conflicts.append(f"{after.path} exists but baes has no record of generating it; nothing was written")
            return
        else:
            merged = self._merged(after.path, base, on_disk[0], after.content)
            if merged is None:
                return
            content = merged
        self._put(after, content, on_disk)
        self._put(snapshot, after.content, kept)
