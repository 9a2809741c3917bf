"""The labelled recognition benchmark (bench/recognition_requests.jsonl) as tests.

Every request: never a wrong answer (a wrong change, or a change where only a refusal is right).
An honest refusal of a readable request is not a failure of one test, but the set as a whole
must be at least 95 % fully right and every kind at least 90 % (the issue's targets).
"""
from __future__ import annotations

from collections import Counter, defaultdict

import pytest

from bench.recognition_labels import RIGHT, WRONG, Labelled, load, score

ITEMS = load()


def test_the_set_is_large_and_covers_every_kind() -> None:
    kinds = Counter(item.kind for item in ITEMS)
    assert len(ITEMS) >= 150
    assert {"separators", "types", "multi_word", "plural", "typos", "phrasing", "add", "remove",
            "rename_attribute", "rename_entity", "delete", "relationship", "has_many", "many_to_many",
            "refusal"} <= set(kinds)
    held_out = sum(item.held_out for item in ITEMS)
    assert 0.2 * len(ITEMS) <= held_out <= 0.4 * len(ITEMS)


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: f"{item.kind}-{item.line}")
def test_no_wrong_answer(item: Labelled) -> None:
    outcome = score(item)
    assert outcome.verdict != WRONG, f"expected {item.expected}, got {outcome.got or outcome.message}"


def test_accuracy_targets() -> None:
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    for item in ITEMS:
        by_kind[item.kind][score(item).verdict] += 1
    right = sum(c[RIGHT] for c in by_kind.values())
    assert right / len(ITEMS) >= 0.95
    low = {kind: c[RIGHT] / sum(c.values()) for kind, c in by_kind.items() if c[RIGHT] / sum(c.values()) < 0.9}
    assert not low, f"kinds under 90 % fully right: {low}"
