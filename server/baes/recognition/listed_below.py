"""Fields listed as bullet lines below a request that names the entity but reads no field of it.

Tickets and homework say the entity in a title or an opening sentence and list its fields further down,
after words no rule reads ("Create Expenditures Table / This is not in the prototype but follow the same
style … with these columns: / - Date / - Name of Payee …"). The sentence reader sees a create with no
fields (refused by ``app_checks.check_fields_read``); here the last run of bullet lines (two or more) is
read as the entity's list, by the same reader, as if the user had written "Expenditure" above it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import replace

from baes.recognition.model import Draft, RecognitionError

#: A bullet line: "- x", "* x", "• x", "+ x", "1. x", "2) x", with an optional checkbox ("- [ ] x", "- [x] x").
_BULLET = re.compile(r"^\s*(?:[-*•+]|\d{1,2}[.)])\s+(?:\[[ xX]\]\s*)?(?P<item>\S.*?)\s*$")
#: Set while the list is read, so that a list that again reads as no field is not read a second time.
_READING_LIST: ContextVar[bool] = ContextVar("reading_list", default=False)


def last_bullet_run(request: str) -> list[str]:
    """The items of the last run of two or more bullet lines (blank lines inside the run are allowed)."""
    runs: list[list[str]] = [[]]
    for line in request.splitlines():
        match = _BULLET.match(line)
        if match:
            runs[-1].append(match.group("item"))
        elif line.strip() and runs[-1]:
            runs.append([])
    return next((run for run in reversed(runs) if len(run) >= 2), [])


def with_fields_listed_below(draft: Draft, request: str, read: Callable[[str], Draft]) -> Draft:
    """``draft`` with the fields of the request's bullet lines when it is a create that read none."""
    entity = draft.entity
    if draft.intent != "create" or entity.attributes or entity.relationships or _READING_LIST.get():
        return draft
    items = last_bullet_run(request)
    if not items:
        return draft
    token = _READING_LIST.set(True)
    try:
        listed = read(entity.name + "\n" + "\n".join(f"- {item}" for item in items))
    except RecognitionError:
        return draft
    finally:
        _READING_LIST.reset(token)
    if listed.intent != "create" or listed.entity.name != entity.name or not listed.entity.attributes:
        return draft
    note = f"read the fields of {entity.name} from the {len(items)} lines listed below the request"
    return replace(listed, notes=(*draft.notes, *listed.notes, note))
