"""Three-way merge of a regenerated file: what baes generated last, the user's file, the new generation.

The merge runs on units, not raw lines: for Python, one unit is a logical line (a statement
line, with the blank lines before it; a comment line is a unit of its own), identified by its
nesting depth and its tokens with layout ignored: whitespace, blank lines, line breaks inside
brackets, quote style (string values are compared, not spellings), a trailing comma before a
closing bracket, comment spacing and indentation width. A formatter (``ruff format``, black) changes none of these identities, so
its run is no change at all to the merge; a real edit changes a unit. The diff itself is
``merge3``'s (its sync regions); each unchanged or one-sided unit is printed in the text of the
side it comes from, so the user's formatting and edits are kept and baes' new lines appear as
generated. Both sides inserting at the same point is a conflict unless one insertion is deeper
than the other (baes adds a field at the end of a class, the user a function after it): the
deeper one continues the block and goes first. Files that do not tokenize (and non-Python
files) merge on physical lines.
"""

from __future__ import annotations

import ast
import io
import tokenize
from collections.abc import Sequence
from dataclasses import dataclass

from merge3 import Merge3

SNAPSHOT_DIR = ".baes/generated"
_CLOSING = {")", "]", "}"}


def snapshot_path(path: str) -> str:
    """Where baes keeps what it generated last for ``path`` (the merge base of the next change).

    Not a ``.py`` file: formatters, linters and test runners must leave the merge base alone (a
    ``ruff format .`` that reformatted it too would hide the user's formatting from the merge)."""
    return f"{SNAPSHOT_DIR}/{path}.generated"


@dataclass(frozen=True)
class Unit:
    key: tuple[object, ...]
    text: str
    depth: int = 0  # block nesting of a Python logical line (0 for comment lines and plain lines)


@dataclass(frozen=True)
class Hunk:
    """One conflicting region: the base's, the user's and the new generation's text."""

    base: str
    ours: str
    theirs: str

    def describe(self, path: str) -> str:
        def block(label: str, text: str) -> str:
            body = "".join(f"    {line}\n" for line in text.splitlines()) or "    (nothing)\n"
            return f"  {label}:\n{body}"

        return (
            f"{path}: your change and baes' overlap\n"
            + block("baes generated last time", self.base)
            + block("your file", self.ours)
            + block("baes generates now", self.theirs)
        )


@dataclass(frozen=True)
class MergeResult:
    text: str  # the merged text (with git-style markers where hunks conflict)
    conflicts: tuple[Hunk, ...]

    @property
    def clean(self) -> bool:
        return not self.conflicts


def _string_key(text: str) -> object:
    try:
        return ("STRING", repr(ast.literal_eval(text)))
    except (ValueError, SyntaxError):
        return ("STRING", text)


def python_units(source: str) -> list[Unit] | None:
    """The logical lines of ``source`` with their layout-free keys (None when it does not tokenize)."""
    lines = source.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return None
    units: list[Unit] = []
    key: list[object] = []
    start = depth = 0
    for index, token in enumerate(tokens):
        kind = token.type
        if kind in (tokenize.NL, tokenize.ENCODING):
            continue
        if kind == tokenize.INDENT:
            depth += 1
            continue
        if kind == tokenize.DEDENT:
            depth -= 1
            continue
        if kind == tokenize.NEWLINE:
            end = offsets[min(token.end[0], len(lines))]
            units.append(Unit(tuple(key), source[start:end], depth))
            key, start = [], end
            continue
        if kind == tokenize.ENDMARKER:
            break
        if not key and kind != tokenize.COMMENT:
            key.append(("DEPTH", depth))  # nesting, not indentation width: a formatter cannot change it
        if kind == tokenize.COMMENT:
            key.append(("COMMENT", token.string.lstrip("#").strip()))
            if len(key) == 1 and index + 1 < len(tokens) and tokens[index + 1].type == tokenize.NL:
                end = offsets[min(token.end[0], len(lines))]  # a comment line is a unit of its own
                units.append(Unit(tuple(key), source[start:end]))
                key, start = [], end
        elif kind == tokenize.STRING:
            key.append(_string_key(token.string))
        elif kind == tokenize.OP and token.string == ",":
            following = next((t for t in tokens[index + 1 :] if t.type not in (tokenize.NL, tokenize.COMMENT)), None)
            if following is None or following.string not in _CLOSING:
                key.append((kind, ","))
        else:
            key.append((kind, token.string))
    if start < len(source) or key:
        units.append(Unit(tuple(key), source[start:]))
    return units


def _units(source: str, python: bool) -> list[Unit]:
    units = python_units(source) if python else None
    if units is None:
        units = [Unit(("LINE", line.rstrip()), line) for line in source.splitlines(keepends=True)]
    return units


def _text(units: Sequence[Unit]) -> str:
    return "".join(u.text for u in units)


def _line(text: str) -> str:
    return text if not text or text.endswith("\n") else text + "\n"


def merge_texts(base: str, ours: str, theirs: str, *, python: bool = True) -> MergeResult:
    """Merge the user's ``ours`` and the new generation ``theirs`` against ``base``."""
    z, a, b = _units(base, python), _units(ours, python), _units(theirs, python)
    merger = Merge3([u.key for u in z], [u.key for u in a], [u.key for u in b])
    out: list[str] = []
    hunks: list[Hunk] = []
    iz = ia = ib = 0
    for zmatch, zend, amatch, aend, bmatch, bend in merger.find_sync_regions():
        za, aa, ba = z[iz:zmatch], a[ia:amatch], b[ib:bmatch]
        if aa or ba:
            a_keys, b_keys, z_keys = [u.key for u in aa], [u.key for u in ba], [u.key for u in za]
            if a_keys == b_keys or b_keys == z_keys:
                out.append(_text(aa))
            elif a_keys == z_keys:
                out.append(_text(ba))
            elif not za and aa and ba and aa[0].depth != ba[0].depth:
                # both inserted at the same point, one inside the block that ends there and one after
                # it: the deeper insertion continues the block, the other follows, as each side had it
                first, second = (aa, ba) if aa[0].depth > ba[0].depth else (ba, aa)
                out.append(_text(first) + _text(second))
            else:
                hunk = Hunk(_text(za), _text(aa), _text(ba))
                hunks.append(hunk)
                out.append(
                    "<<<<<<< your file\n"
                    + _line(hunk.ours)
                    + "=======\n"
                    + _line(hunk.theirs)
                    + ">>>>>>> baes (new generation)\n"
                )
        out.append(_text(a[amatch:aend]))
        iz, ia, ib = zend, aend, bend
    return MergeResult("".join(out), tuple(hunks))


__all__ = ["Hunk", "MergeResult", "SNAPSHOT_DIR", "merge_texts", "python_units", "snapshot_path"]
