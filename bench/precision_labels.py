"""The labels of the precision benchmark: one judged finding per line of ``precision_labels.jsonl``.

A label names its finding stably: the package (``name==version``), the file's path inside the
sdist, the rule, and a hash of the flagged line's text (the line number is kept to find it, but
matching goes by the hash, so a label survives a rule change that moves nothing, or an edit
elsewhere in the engine). ``label`` is ``true`` (a real problem, pointed at the right place),
``false`` (not a problem) or ``wrong_location`` (a real problem reported at a place a user would
not click); ``reason`` is the one sentence a reviewer wrote after reading the code around it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

LABELS_FILE = Path(__file__).resolve().parent / "precision_labels.jsonl"
VERDICTS = ("true", "false", "wrong_location")
FIELDS = ("package", "path", "rule", "line", "line_hash", "label", "reason")

Key = tuple[str, str, str, str]


def line_hash(text: str) -> str:
    """A short hash of a source line, blind to indentation and trailing spaces."""
    return hashlib.sha1(text.strip().encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Label:
    package: str  # "name==version"
    path: str  # POSIX path inside the sdist
    rule: str  # rule id, e.g. "DB002"
    line: int  # 1-based line the finding pointed at when it was labelled
    line_hash: str  # line_hash() of that line's text
    label: str  # one of VERDICTS
    reason: str

    @property
    def key(self) -> Key:
        return (self.package, self.path, self.rule, self.line_hash)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)


class LabelError(ValueError):
    """The labels file breaks its schema (the message names the line)."""


def parse_label(data: Any, where: str) -> Label:
    """One label from its JSON object, checked field by field."""
    if not isinstance(data, dict):
        raise LabelError(f"{where}: a label is a JSON object")
    missing = [name for name in FIELDS if name not in data]
    extra = sorted(set(data) - set(FIELDS))
    if missing or extra:
        raise LabelError(f"{where}: missing fields {missing}, unknown fields {extra}")
    for name in ("package", "path", "rule", "line_hash", "label", "reason"):
        if not isinstance(data[name], str) or not data[name].strip():
            raise LabelError(f"{where}: {name} must be a non-empty string")
    if not isinstance(data["line"], int) or isinstance(data["line"], bool) or data["line"] < 1:
        raise LabelError(f"{where}: line must be a positive integer")
    if "==" not in data["package"]:
        raise LabelError(f"{where}: package must be name==version")
    if data["label"] not in VERDICTS:
        raise LabelError(f"{where}: label must be one of {VERDICTS}")
    if len(data["line_hash"]) != 12 or any(c not in "0123456789abcdef" for c in data["line_hash"]):
        raise LabelError(f"{where}: line_hash must be 12 lowercase hex digits")
    return Label(**{name: data[name] for name in FIELDS})


def parse_labels(lines: Iterable[str], source: str = "labels") -> dict[Key, Label]:
    """Labels by key; a key labelled twice is an error (two verdicts for one finding)."""
    labels: dict[Key, Label] = {}
    for number, text in enumerate(lines, 1):
        if not text.strip():
            continue
        where = f"{source}:{number}"
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise LabelError(f"{where}: not JSON ({exc.msg})") from exc
        label = parse_label(data, where)
        if label.key in labels:
            raise LabelError(f"{where}: duplicate label for {label.key}")
        labels[label.key] = label
    return labels


def load_labels(path: Path = LABELS_FILE) -> dict[Key, Label]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as handle:
        return parse_labels(handle, str(path))
