"""Types that depend on what a field describes: a course's level is a stage, a character's a number.

``attribute_types.attribute_type`` types a name by its words alone. A few names mean different things on
different entities: the level of a course, a class, a student or a textbook is a stage of learning
("beginner", "A2", "grade 3"), written as text, while a game character's, a parking spot's or a
membership's level is a number. Blind labels agree on this split (every learning entity's level but one
was labelled text; every game character's a number), so the entity's own words decide.
"""

from __future__ import annotations

import re

from baes.recognition.attribute_types import attribute_type

#: Entities whose level is a stage of learning, written as text.
LEARNING_WORDS: frozenset[str] = frozenset({
    "course", "class", "lesson", "student", "pupil", "learner", "textbook", "book", "enrollment", "enrolment",
    "placement", "module", "workshop", "trainee", "tutorial", "curriculum", "language", "dance", "swimmer", "reader",
    # people whose level is a grade or tier ("vip level", a club member's "intermediate")
    "member", "customer", "client", "registration", "athlete", "volunteer",
})  # fmt: skip


def _words(entity_name: str) -> set[str]:
    """The lower-case words of a PascalCase entity name: "DanceClass" → {"dance", "class"}."""
    return {w.lower() for w in re.findall(r"[A-Z][a-z0-9]*|[a-z0-9]+", entity_name)}


def type_for(name: str, entity_name: str | None) -> str:
    """The type of attribute ``name`` on ``entity_name`` (see the module docstring)."""
    kind = attribute_type(name)
    if name == "units":
        return "str"  # "result value, units": the unit a value is measured in ("units sold" counts)
    if name in {"level", "vip_level"} and kind == "int" and entity_name and _words(entity_name) & LEARNING_WORDS:
        return "str"  # a course's level: "beginner", "B1"
    return kind
