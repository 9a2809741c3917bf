"""The labelled recognition requests (``bench/recognition_requests.jsonl``) and how an answer is scored.

One source for ``bench/bench_recognition.py`` (the per-kind report) and the parametrized test
``tests/recognition/test_labelled_requests.py``. Each line is one request with its expected reading:
``intent`` (``refuse`` when the only right answer is an honest refusal), ``entity``, ``attributes``
as ``name:type`` (a trailing ``?``: optional), ``relationships`` as ``Target`` (``?``: optional,
``:many_to_many`` for that kind), ``removed``, ``renamed_from``/``renamed_to`` and ``defaults``, and
``existing``, the entities the project already has. A fixed ~30 % of the requests (chosen by a
hash of the text, not by hand) is held out: it is not looked at while tuning the recognizer. Rows with
``"split": "fresh"``, ``"fresh2"``, ``"fresh3"`` or ``"fresh4"`` were written after the last tuning change of their round
and measured once, blind (further held-out sets; ``NAMED_SPLITS``).
``known_failure`` says why a request is answered wrongly today: the test expects that failure (strictly,
so a fix shows) instead of hiding it.
"""

from __future__ import annotations

import hashlib
import json
import keyword
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from baes.recognition.model import RecognitionError, recognition_to_json
from baes.recognition.recognize import recognize

DATA = Path(__file__).resolve().parent / "recognition_requests.jsonl"
HELD_OUT_PERCENT = 30
#: Held-out sets written by hand after a round of tuning, in the order they were written.
NAMED_SPLITS = (
    "fresh",
    "fresh2",
    "fresh3",
    "fresh4",
    "fresh5",
    "fresh6",
    "fresh7",
    "fresh8",
    "fresh9",
    "fresh10",
    "fresh11",
    "fresh12",
    "fresh13",
    "fresh14",
    "fresh15",
    "fresh16",
    "fresh17",
    "fresh18",
    "fresh19",
    "fresh20",
    "fresh21",
    "fresh22",
    "fresh23",
    "fresh24",
    "fresh25",
    "fresh26",
    "fresh27",
    "fresh28",
    "fresh29",
    "fresh30",
    "fresh31",
    "fresh32",
    "fresh33",
    "fresh34",
    "fresh35",
    "fresh36",
    "fresh37",
    "fresh38",
    "fresh39",
    "fresh40",
    "fresh41",
    "fresh42",
    "fresh43",
    "fresh44",
    "fresh45",
    "fresh46",
    "fresh47",
    "fresh48",
    "fresh49",
    "fresh50",
    "fresh51",
    "fresh52",
    "fresh53",
    "fresh54",
    "fresh55",
    "fresh56",
    "fresh57",
    "fresh58",
    "fresh59",
    "fresh60",
    "fresh61",
    "fresh62",
    "fresh63",
    "fresh64",
    "fresh65",
    "fresh66",
    "fresh67",
    "fresh68",
    "fresh69",
    "fresh70",
    "fresh71",
    "fresh72",
    "fresh73",
    "fresh74",
    "fresh75",
    "fresh76",
    "fresh77",
    "fresh78",
    "fresh79",
    "fresh80",
    "fresh81",
    "fresh82",
    "fresh83",
    "fresh84",
    "fresh85",
    "fresh86",
    "fresh87",
    "fresh88",
    "fresh89",
    "fresh90",
    "fresh91",
    "fresh92",
    "fresh93",
    "fresh94",
    "fresh95",
    "fresh96",
    "fresh97",
    "fresh98",
    "fresh99",
    "fresh100",
    "fresh101",
    "fresh102",
    "fresh103",
    "fresh104",
    "fresh105",
    "fresh106",
    "fresh107",
    "fresh108",
    "fresh109",
    "fresh110",
    "fresh111",
    "fresh112",
    "fresh113",
    "fresh114",
    "fresh115",
    "fresh116",
)

RIGHT, WRONG, REFUSED = "right", "wrong", "refused"


@dataclass(frozen=True)
class Labelled:
    """One request of the set with its expected reading."""

    line: int
    kind: str
    request: str
    intent: str
    expected: dict[str, Any]
    existing: tuple[str, ...] = ()
    named_split: str | None = None  # one of NAMED_SPLITS, or None for the hash-chosen tuning/held-out
    known_failure: str | None = None  # why the recognizer is known to answer it wrongly (measured, not fixed)

    @property
    def held_out(self) -> bool:
        if self.named_split:
            return True
        digest = hashlib.sha1(self.request.encode("utf-8")).digest()
        return int.from_bytes(digest[:4], "big") % 100 < HELD_OUT_PERCENT

    @property
    def split(self) -> str:
        if self.named_split:
            return self.named_split
        return "held-out" if self.held_out else "tuning"


@dataclass(frozen=True)
class Outcome:
    """How the recognizer did on one request: ``RIGHT``, ``WRONG`` or ``REFUSED`` and what it said."""

    labelled: Labelled
    verdict: str
    got: dict[str, Any] | None = None
    message: str = ""
    notes: tuple[str, ...] = field(default=())


def _attribute(text: str) -> dict[str, Any]:
    """A ``name:type`` label; a Python keyword ("yield") is expected as its PEP 8 spelling ("yield_"),
    the only name a generated model can give the field."""
    name, _, type_name = text.partition(":")
    name = name + "_" if keyword.iskeyword(name) else name
    required = not type_name.endswith("?")
    return {"name": name, "type": type_name.rstrip("?") or "str", "required": required}


def _relationship(text: str) -> dict[str, Any]:
    target, _, kind = text.partition(":")
    required = not (target.endswith("?") or kind.endswith("?"))
    return {"target": target.rstrip("?"), "kind": kind.rstrip("?") or "many_to_one", "required": required}


def expected_spec(row: dict[str, Any]) -> dict[str, Any]:
    """The expected ``intent`` + ``spec`` of a data row, in the shape compared with the answer."""
    return {
        "intent": row["intent"],
        "entity": row.get("entity"),
        "attributes": [_attribute(a) for a in row.get("attributes", [])],
        "relationships": [_relationship(r) for r in row.get("relationships", [])],
        "removed": list(row.get("removed", [])),
        "renamed_from": row.get("renamed_from"),
        "renamed_to": row.get("renamed_to"),
        "defaults": dict(row.get("defaults", {})),
    }


def _named_split(name: str | None) -> str | None:
    if name is not None and name not in NAMED_SPLITS:
        raise ValueError(f"unknown split {name!r}: expected one of {NAMED_SPLITS}")
    return name


def load(path: Path = DATA) -> list[Labelled]:
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        items.append(
            Labelled(
                number,
                row["kind"],
                row["request"],
                row["intent"],
                expected_spec(row),
                tuple(row.get("existing", [])),
                _named_split(row.get("split")),
                row.get("known_failure"),
            )
        )
    return items


def actual_spec(recognition: Any) -> dict[str, Any]:
    spec = recognition_to_json(recognition)
    spec["relationships"] = [{"target": r["target"], "kind": r["kind"], "required": r["required"]} for r in spec["relationships"]]
    return {"intent": recognition.intent, **spec}


def score(item: Labelled) -> Outcome:
    """Recognize ``item`` offline (no cache, no LLM) and compare with its label."""
    try:
        recognition = recognize(item.request, existing_entities=item.existing)
    except RecognitionError as exc:
        verdict = RIGHT if item.intent == "refuse" else REFUSED
        return Outcome(item, verdict, message=str(exc))
    got = actual_spec(recognition)
    verdict = RIGHT if item.intent != "refuse" and got == item.expected else WRONG
    return Outcome(item, verdict, got=got, notes=tuple(recognition.notes))
