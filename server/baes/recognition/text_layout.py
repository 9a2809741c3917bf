"""Layout people paste into a request, rewritten as the plain marks the recognizer reads.

Requests copied from tickets or written by an LLM use layout rather than words: a Markdown table
of fields, pipes between columns ("Recipe | title | servings"), a dash after the entity ("Volunteer
entity — name, email"), an arrow ("km -> odometer_km", "one project -> many milestones"). Each is
turned into what a person would have typed: a table row into "name type" items after "with",
the first pipe or a spaced dash into ":", further pipes into ",", an arrow into "to".
Part of ``baes.recognition.normalize.clean_text``, so it shapes the cache key too.
"""

from __future__ import annotations

import re

_ARROW = re.compile(r"\s*(?:->|=>|\u2192|\u27f6)\s*")
_SPACED_DASH = re.compile(r"\s+[-\u2013\u2014]+\s+|\s*[\u2013\u2014]\s*")
_TABLE_ROW = re.compile(r"^\s*\|(.+)\|\s*$")
_TABLE_RULE = re.compile(r"^[\s|:\-]+$")
#: Notes in a table's third column that say something about the field.
_TABLE_NOTES = frozenset({"required", "optional", "nullable", "unique"})
_HEADER_WORDS = frozenset({"field", "name", "column", "attribute", "property"})


def _table_line(line: str) -> str | None:
    """A Markdown table line as text: a field row "name type [note]", the header "with", a rule nothing."""
    row = _TABLE_ROW.match(line)
    if row is None:
        return None
    if _TABLE_RULE.match(line):
        return ""
    cells = [c.strip().strip("`") for c in row.group(1).split("|")]
    if cells and cells[0].lower() in _HEADER_WORDS and len(cells) > 1 and cells[1].lower() == "type":
        return "with"
    note = cells[2].lower() if len(cells) > 2 and cells[2].lower() in _TABLE_NOTES else ""
    return " ".join(c for c in (*cells[:2], note) if c)


def _pipes(line: str) -> str:
    """ "Recipe | title | servings": the first pipe starts the list, the others separate items."""
    if "|" not in line:
        return line
    head, _, rest = line.partition("|")
    return f"{head} : {rest.replace('|', ' , ')}"


def plain_layout(text: str) -> str:
    """``text`` with tables, pipes, spaced dashes and arrows rewritten as plain list marks."""
    lines = []
    for line in text.splitlines():
        table = _table_line(line)
        if table is not None:
            if table:
                lines.append(table)
            continue
        line = _ARROW.sub(" to ", line)
        line = _SPACED_DASH.sub(" : ", line, count=1)
        lines.append(_pipes(line))
    return "\n".join(lines)
