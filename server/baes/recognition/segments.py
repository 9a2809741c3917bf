"""Reading a request one part at a time, when the whole is not understood in an app that has entities.

A ticket, a standup note or a review comment wraps the change in other sentences ("Found in
regression run #212: Store has no opening time … Expected: Store gets opening_time and
closing_time."; "yesterday: shipped the intake form. today: adding imei to RepairOrder"). When the
whole reads as nothing the app can do, each sentence (or the part after a label's colon) that names
one of the app's entities is read on its own; if exactly one reading of a change comes out, that is
the request, with a note that says which words it was read from. A clause after a comma that opens with
a command ("my hens are flock members now, rename hen to flock member") is a part too. Two different
readings, or none, leave the refusal of the whole: a part is never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from baes.recognition import vocabulary as vocab
from baes.recognition.mentions import merge_known
from baes.recognition.model import Draft, RecognitionError
from baes.recognition.request_tokens import Known, command_stems, read_tokens
from baes.recognition.unsure_lists import UNPLACED_NOTE_END

#: Where a request's parts end: a sentence end, a label's colon, a line break, a semicolon, a spaced dash.
_PART_END = re.compile(
    r"(?<=[.!?])\s+|(?<=:)\s+|\s*\n\s*|;\s+|,\s+(?=so\s+(?!that\b))|\s+[\u2014\u2013]\s+"
)  # "…, so a building should have …"


#: The most parts a request is read in, one at a time (each is read as a request of its own).
_MOST_PARTS = 16
#: Endings of the notes that say a part's reading left words out it could not place.
_DOUBTFUL = ("(negated)", UNPLACED_NOTE_END)
#: Words of a part that gives existing rows a value: reading another part alone would lose it.
_DEFAULT_WORDS = frozenset({"default", "defaults", "defaulting", "existing", "already", "backfill", "set"})


def _names_an_entity(part: str, known: Known) -> bool:
    return any(t.word and known.get(t.sing) for t in merge_known(read_tokens(part), known))


def read_a_part(request: str, known: Known, read: Callable[[str], Draft]) -> Draft | None:
    """The one change a part of ``request`` naming an app entity asks for, or None (see the module docstring)."""
    if not known.by_key:
        return None
    parts = [p.strip() for p in _PART_END.split(request) if p and p.strip()]
    commands = [c for p in parts for c in _commands_after_commas(p)]  # "my hens are flock members now, rename hen to …"
    if commands and len(parts) < _MOST_PARTS:
        parts = [*parts, *commands]
    if not 2 <= len(parts) <= _MOST_PARTS:
        return None  # a ticket or a note, not pages of text read sentence by sentence
    found: list[tuple[str, Draft]] = []
    for part in parts:
        if not _names_an_entity(part, known):
            continue
        try:
            draft = read(part)
        except RecognitionError:
            continue
        if any(note.endswith(_DOUBTFUL) for note in draft.notes):
            continue  # words of the part left out as negated or as no name: no sure reading of it
        if draft.intent != "create" and all(_key(draft) != _key(other) for _, other in found):
            found.append((part, draft))
    found = _many_to_many_said_out(found, request, known)
    if len(found) != 1:
        return None
    part, draft = found[0]
    for other in (p for p in parts if p != part):
        lows = [t.low for t in read_tokens(other)]
        if _DEFAULT_WORDS & set(lows) or (draft.intent == "relationship" and vocab.OPTIONAL_WORDS & set(lows)):
            return None  # "… Existing sessions should get escaped = false.", "… so leave it optional": it would be lost
        if draft.intent == "add_attributes" and lows.count(",") >= 2:
            return None  # "… — could that be in the app? induction date, inducted by, …": the fields of another part
    return replace(draft, notes=(f"read only {part!r}: the rest of the request asks for nothing the app stores", *draft.notes))


def _many_to_many_said_out(found: list[tuple[str, Draft]], request: str, known: Known) -> list[tuple[str, Draft]]:
    """The one many-to-many link among links of the same two entities ("Multiple instructors for a course: a course
    can have several instructors and an instructor can run several courses"): the heading says one side of it. The
    link is held by the entity the request names first, as a many-to-many said in one sentence is."""
    pairs = [(p, d, _linked(d)) for p, d in found if d.intent == "relationship"]
    both_ways = [(p, d, linked) for p, d, linked in pairs if any(r.kind == "many_to_many" for r in d.entity.relationships)]
    if len(found) < 2 or len(pairs) != len(found) or len(both_ways) != 1:
        return found
    part, draft, linked = both_ways[0]
    if not all(other <= linked for _, _, other in pairs):
        return found
    said = [name for t in merge_known(read_tokens(request), known) if t.word and (name := known.get(t.sing)) in linked]
    target = draft.entity.relationships[0]
    if said and said[0] == target.target and len(draft.entity.relationships) == 1:
        turned = replace(draft.entity, name=target.target, relationships=(replace(target, target=draft.entity.name),))
        draft = replace(draft, entity=turned, related_entity=draft.entity.name)
    return [(part, draft)]


def _linked(draft: Draft) -> frozenset[str]:
    return frozenset({draft.entity.name, *(r.target for r in draft.entity.relationships)})


def _commands_after_commas(part: str) -> list[str]:
    """The clauses after a comma of ``part`` that open with a command ("…, rename hen to flock member")."""
    clauses = [c.strip() for c in part.split(", ")[1:]]
    stems = command_stems() | {"rename"}
    return [c for c in clauses if (words := [t for t in read_tokens(c) if t.word]) and words[0].stem in stems]


def _key(draft: Draft) -> tuple[object, ...]:
    return (draft.intent, draft.entity, draft.removed, draft.renamed_from, draft.renamed_to, draft.defaults)
