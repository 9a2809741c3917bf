"""Layout people paste into a request, rewritten as the plain marks the recognizer reads.

Requests copied from tickets or written by an LLM use layout rather than words: a Markdown table
of fields, pipes between columns ("Recipe | title | servings"), a dash after the entity ("Volunteer
entity — name, email"), an arrow ("km -> odometer_km", "one project -> many milestones"). Each is
turned into what a person would have typed: a table row into "name type" items after "with",
the first pipe or a spaced dash into ":", further pipes into ",", an arrow into "to", a two-way
arrow or "m2m" into "many to many", "w/" into "with", a spaced "+" into ",", "name:type" pairs into
a list; a line right above bullets ends with ":".
Part of ``baes.recognition.normalize.clean_text``, so it shapes the cache key too.
"""

from __future__ import annotations

import re

from baes.recognition.cardinality import plain_cardinality
from baes.recognition.code_shorthand import plain_shorthand
from baes.recognition.example_values import drop_example_values
from baes.recognition.framework_code import plain_framework_code
from baes.recognition.sql_words import declared_type, plain_sql
from baes.recognition.user_story import plain_story

#: "Employee Onboarding -> start date, laptop issued": an entity's name, an arrow, then a list of fields.
_LIST_ARROW = re.compile(r"^(\s*[A-Z]\w*(?:\s+[A-Z]\w*){0,2})\s*(?:->|=>|\u2192)\s*(?=[^,\n]+,[^,\n]+,)")
_ARROW = re.compile(r"\s*(?:->|=>|\u2192|\u27f6)\s*")
#: "clients -> many commissions": each side of the arrow, and "many" after it (not "one project -> many …").
_MANY_ARROW = re.compile(r"^(\s*(?!one\b)[A-Za-z]\w*(?:\s+[A-Za-z]\w*)?)\s*(?:->|=>|\u2192|\u27f6)\s*(?=many\s)", re.I)
#: "drivers <-> vehicles", "m2m", "n:m": two-way arrows and shorthands for many-to-many.
_BOTH_WAYS = re.compile(r"\s*(?:<->|<=>|\u2194|\u27f7)\s*")
_M2M = re.compile(r"\b(?:m2m|many\s*-?\s*2\s*-?\s*many|n\s*:\s*m|m\s*:\s*n)\b", re.I)
#: "w/ name", "w/o photo": with and without, as people write them in a hurry.
_WITH = re.compile(r"(?<!\w)w/o(?!\w)|(?<!\w)w/(?=\s|\w)", re.I)
#: Markdown emphasis and code marks around words ("**Sighting**", "`title`").
_EMPHASIS = re.compile(r"\*\*|__|`")
#: A ticket key opening a line ("JIRA-4412: Implement …").
_TICKET_KEY = re.compile(r"^\s*[A-Z][A-Z0-9]{1,9}-\d+\s*[:\-\u2013\u2014]?\s*")
#: An assistant's preamble line ("Sure! Here's the model you need:"): nothing asked in it.
_PREAMBLE = re.compile(
    r"^\s*(?:(?:sure|certainly|of course|absolutely|ok(?:ay)?|great)\b[^\n]*|(?:here(?:'s| is| are)?|below is)\b[^\n]*):\s*$",
    re.I,
)
#: The headings and checkboxes of an issue template ("**Is your feature request related to a problem?**",
#: "### Feature Description", "- [x] I have searched the existing issues"): the form's words, not the poster's.
_TEMPLATE_LINE = re.compile(
    r"^\W*(?:is\s+your\s+feature\s+request\s+related\s+to\s+a\s+problem(?:\s+or\s+challenge)?|"
    r"describe\s+the\s+(?:solution|feature|problem)(?:\s+you(?:'?d|\s+would)\s+like)?|"
    r"describe\s+alternatives(?:\s+you(?:'?ve|\s+have)\s+considered)?|"
    r"additional\s+(?:context|information)|feature\s+description|is\s+there\s+an\s+existing\s+issue\s+for\s+this|"
    r"proposed\s+solution|motivation|use\s+case)\W*$|"
    r"^\s*[-*]\s*(?:\[[ xX]\]\s*)?i\s+(?:have\s+)?(?:searched|read|agree|checked)\b[^\n]*$",
    re.I,
)
_NEW_NAME = (
    r"(?:[A-Za-z]\w*\.)?([A-Za-z_][\w ]{0,40}?)\s*"  # "E.a -> E.b": the entity said again
    r"(?:\(\s*renam\w*\s*\)|,\s*(?:renam\w*|no|same|nothing)\b[^.\n]{0,60})?\s*"  # "(rename)", ", no type change"
    r"(?:\b(?:pls|plz|please|thanks|thx)\b)?\s*(?:\([^()\n]{0,80}\))?\s*[.!]?"  # "(too long for the export)"
)
#: "Driver.phone -> mobile_number", "Patient.dob should be date_of_birth", "rename Booking.checkin to …":
#: a dotted attribute of an entity given a new name.
_DOTTED_RENAME = re.compile(
    r"^\s*(?:[A-Za-z][\w ]{0,30}:\s*)?(?:rename\s+)?([A-Za-z]\w*)\.([A-Za-z_]\w*)\s*"  # "Action item: …"
    r"(?:->|=>|\u2192|\bto\b|\bshould (?:really |rather |actually )?be(?: called| named| renamed(?: to)?)?\b|"
    r"\b(?:should |will |must )?become\b|\bbecomes\b|:=)\s*"
    + _NEW_NAME
    + r"\s*(?=$|[.!]\s+(?-i:[A-Z]))",  # the line's end, or a sentence after it ("… Please rename the field.")
    re.I,
)
#: "Kiln field max_t -> max_temp", "Kiln: max_t → max_temp": an attribute of the named entity given a new name.
_OWNED_RENAME = re.compile(
    r"^\s*(?!(?:note|todo|ask|request|fix|change|update|please|pls|review|ticket|task|chore|rename)\b)([A-Za-z]\w*)"
    r"(?:\s+(?:field|column|attribute|col)\s+|\s*:\s*)([A-Za-z_]\w*)\s*(?:->|=>|\u2192)\s*" + _NEW_NAME + r"\s*$",
    re.I,
)
#: What "should be" says of a field that is no new name for it.
_STATES = frozenset({"optional", "required", "nullable", "mandatory", "unique", "removed", "deleted", "dropped"})
#: "Ticket.holder is vague": an entity's attribute written with a dot, in a sentence (not a file name).
_DOTTED_FIELD = re.compile(r"\b([A-Z][A-Za-z0-9]*)\.([a-z]\w*)\b")
_FILE_EXTENSIONS = frozenset({"md", "py", "js", "ts", "json", "csv", "txt", "html", "yml", "yaml"})
#: "Vehicle -> Truck pls", "Truck -> Vehicle, we have vans now": a lone name given a new one.
_ARROW_RENAME = re.compile(
    r"^\s*(?!(?:rename|change|update|please|pls)\b)([A-Za-z]\w*|(?-i:[A-Z])\w*(?:\s+(?-i:[A-Z])\w*){1,2})\s*(?:->|=>|\u2192)\s*([A-Za-z]\w*|(?-i:[A-Z])\w*(?:\s+(?-i:[A-Z])\w*){1,2})"
    r"\s*(?:\b(?:pls|plz|please)\b\s*)?(,.*|[.!](?:\s+.*)?|)\s*$",
    re.I,
)  # also "Members → Team Members pls": names of capitalised words
#: "tracking url + status", "gift aid (bool) + phone": a plus between items separates them (not "C++", not "+1").
_PLUS = re.compile(r"(?<=[\w)])\s+\+\s+(?=\w)")
#: "focal_length:float" (a generator's command line): a name and its type.
_TYPED_PAIR = re.compile(
    r"\b([A-Za-z_]\w*):(str|string|text|int|integer|float|decimal|double|bool|boolean|date|datetime|timestamp|email)\b", re.I
)
#: A dot between two items of one line ("hive code · queen age・last inspected"): a comma.
_INLINE_DOT = re.compile(r"(?<=\w)[ \t]*[\u00b7\u2022\u2027\u2219\u22c5\u30fb][ \t]*(?=\w)")
#: A block of fields on one line: "Kayak {serial, colour, bought on}", "Kayak { serial: string; sold: boolean }".
_INLINE_BLOCK = re.compile(r"^(?P<head>[^{}]*?\w)\s*\{(?P<body>[^{}]+)\}(?P<tail>(?:\s*[^\w\s].*)?)\s*$")
#: The same list in square brackets: "make Escalation [level: int, wait_minutes: int, target_team]" (a comma inside;
#: "[DATA]" ticket tags hold none).
_INLINE_LIST = re.compile(r"^(?P<head>[^\[\]]*?\w)\s*\[(?P<body>[^\[\]]*,[^\[\]]*)\](?P<tail>(?:\s*[^\w\s].*)?)\s*$")
#: "name: type" inside such a block (TypeScript and schema words, typed by ``sql_words.SQL_TYPES``). Not left
#: to ``sql_words``' column definitions: inside braces "price: number" is a type, not a phrase.
_BLOCK_PAIR = re.compile(r"^\s*(?P<name>[A-Za-z_][\w ]*?)\s*\??\s*:\s*(?P<type>[A-Za-z]+)(?P<optional>\s*\|\s*null)?\s*$")
#: A one-line declaration before the block: "interface Tournament", "export type Kayak =", "model Boat".
_DECLARATION = re.compile(r"^\s*(?:export\s+)?(?:interface|type|class|struct|record|schema|model)\s+([A-Z]\w*)\s*=?\s*$")
#: A task list's box after its bullet ("- [ ] name", "- [x] Food"): done or not, the item is the same.
_TASK_BOX = re.compile(r"^([ \t]*(?:[-*+][ \t]+)?)\[[ xX]\][ \t]+")
#: A list bullet ("-", "*", "•", "1.", "2)", and the "o" of a sub-list pasted from a word processor);
#: ``normalize`` reads a line break with one as a comma.
BULLET_MARK = r"(?:[-*+\u2022\u2023\u25e6]|\d{1,2}[.)]|o(?=[ \t]+[A-Z]))"
_BULLET = re.compile(rf"^\s*{BULLET_MARK}\s+")
_SPACED_DASH = re.compile(r"\s+[-\u2013\u2014]+\s+|\s*[\u2013\u2014]\s*")
_TABS = re.compile(r"[ ]*\t+[ ]*")
#: A number written with thousands separators ("1,800", "12,500,000"); not "1,2,3" nor "2019,2020".
_THOUSANDS = re.compile(r"(?<![\d,.])\d{1,3}(?:,\d{3})+(?![\d,])")
_TABLE_ROW = re.compile(r"^\s*\|(.+)\|\s*$")
_TABLE_RULE = re.compile(r"^[\s|:\-]+$")
#: Notes in a table's third column that say something about the field.
_TABLE_NOTES = frozenset({"required", "optional", "nullable", "unique"})
_HEADER_WORDS = frozenset({"field", "name", "column", "attribute", "property"})
#: Most words of a bare line that is read as one field name below a first line ("publication year").
_BARE_ITEM_WORDS = 4


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
    if ":" in head or re.search(r"\b(?:with|having|has|have)\b", head, re.I):
        return line.replace("|", " , ")  # "Hangar model: code | location", "pallet with barcode | …": the list has begun
    return f"{head} : {rest.replace('|', ' , ')}"


def _introduces_list(line: str, following: list[str], first: bool) -> bool:
    """ "Entity Tank" above "- volume": a line right above bullet lines names what they list; so does
    a first line above bare lines of a few words each ("create Book" then "title", "isbn", …)."""
    stripped = line.strip()
    if not stripped or _BULLET.match(line) or stripped.endswith((":", ",")):
        return False
    if _BULLET.match(_next_line(following)):
        return True
    items = [item.strip() for item in following if item.strip()]
    return first and len(items) >= 2 and all(_bare_item(item) for item in items[:2])


def _bare_item(line: str) -> bool:
    """A line that is one field name: a few words, no mark of a sentence or a list."""
    return len(line.split()) <= _BARE_ITEM_WORDS and not re.search(r"[:;,.!?()]", line)


def _next_line(following: list[str]) -> str:
    return next((line for line in following if line.strip()), "")


def _inline_block(line: str) -> str:
    """ "Kayak {serial, colour: string, sold?: boolean}" → "Kayak : serial , colour (str) , sold (bool) optional":
    braces around a one-line list open it like a colon; a "name: type" item keeps its type."""
    block = _INLINE_BLOCK.match(line) or _INLINE_LIST.match(line)
    if block is None:
        return line
    items = []
    for item in re.split(r"[,;]", block.group("body")):
        pair = _BLOCK_PAIR.match(item)
        kind = declared_type(pair.group("type"), pair.group("name").strip()) if pair else None
        if pair is None or kind is None:
            items.append(item.strip())
            continue
        optional = "?" in item.partition(":")[0] or pair.group("optional")
        items.append(f"{pair.group('name')} ({kind}){' optional' if optional else ''}")
    tail = block.group("tail").strip(" .;,")
    head = _DECLARATION.sub(r"create \1", block.group("head"))
    return f"{head} : {' , '.join(i for i in items if i)}" + (f" . {tail}" if tail else "")


def _typed_pairs(line: str) -> str:
    """ "scaffold Lens focal_length:float mount:str" → "scaffold Lens with focal_length (float), mount (str)"."""
    pairs = list(_TYPED_PAIR.finditer(line))
    if len(pairs) < 2:
        return line
    head = line[: pairs[0].start()].rstrip()
    items = ", ".join(f"{m.group(1)} ({m.group(2)})" for m in pairs)
    joiner = " " if head.lower().endswith(("with", ":")) or not head else " with "
    return f"{head}{joiner}{items}{line[pairs[-1].end() :]}"


def _rename_line(line: str) -> str:
    """A rename written with a dot or an arrow, as the words "rename A in E to B" / "rename A to B"."""
    dotted = _DOTTED_RENAME.match(line)
    if (
        dotted and dotted.group(3).strip().lower() not in _STATES
    ):  # not "Kiln.max_temp should be optional"  # "in the E entity": not "in order to"; a sentence after it stays
        return f"rename {dotted.group(2)} in the {dotted.group(1)} entity to {dotted.group(3)}{line[dotted.end() :]}"
    owned = _OWNED_RENAME.match(line)
    if owned:
        return f"rename {owned.group(2)} in the {owned.group(1)} entity to {owned.group(3)}"
    arrow = _ARROW_RENAME.match(line)
    if arrow:
        return f"rename {arrow.group(1)} to {arrow.group(2)}{arrow.group(3)}"
    return _DOTTED_FIELD.sub(lambda m: m[0] if m[2] in _FILE_EXTENSIONS else f"the {m[2]} field on {m[1]}", line)


def _is_preamble(line: str, following: list[str]) -> bool:
    """ "Sure! Here's the model you need:" above "BoardGame": the name comes next, the line asks nothing.
    Kept when bullets follow right away ("Here is my Book entity:" then "- title"): it names the entity."""
    nxt = _next_line(following)
    return bool(_PREAMBLE.match(line)) and bool(nxt) and not _BULLET.match(nxt)


#: A spaced dash before what is said of the field before it, ending that item ("email, phone - optional, …").
_DASHED_NOTE = re.compile(
    r"[ \t]+[-\u2013\u2014][ \t]+(optional|required|nullable|if known|can be empty)(?=[ \t]*(?:[,;)]|$))", re.I
)


#: A spaced dash before a clause about the rows already stored or a reason, which opens no list.
_DASHED_CLAUSE = re.compile(
    r"[ \t]+[-\u2013\u2014][ \t]+(?=(?:the[ \t]+)?(?:old|existing|current)[ \t]+\w+[ \t]+(?:should|can|will|get|are|have)\b"
    r"|(?:so|because|since|as)[ \t])",
    re.I,
)


#: "Datamodel for the birding project - we need a BirdCount table: …": a dash before the ask ends what came before.
_DASHED_ASK = re.compile(
    r"[ \t]+[-\u2013\u2014][ \t]+(?=(?:we|i)[ \t]+(?:need|want|would[ \t]+like|would[ \t]+love)\b|"
    r"(?:could|can)[ \t]+you[ \t]+(?:add|make|create|set[ \t]+up)\b)",
    re.I,
)


def _dashes(line: str) -> str:
    """A spaced dash opens a list ("Volunteer - name, phone"); after a colon or that dash, two or more of them
    separate its items ("volunteers: full name - phone - city", "Donation - donor name - amount - notes")."""
    line = _DASHED_ASK.sub(". ", _DASHED_NOTE.sub(r" (\1)", line), count=1)  # "phone - optional, …": said of the field
    colon = line.find(":")
    if "," in line or colon < 0 or len(_SPACED_DASH.findall(line, colon)) < 2:  # "student name - text, amount - money"
        line = _DASHED_CLAUSE.sub(" , ", line, count=1)  # "add a fee to LoanRequest - the old requests …": a clause
        line = _SPACED_DASH.sub(" : ", line, count=1)
        colon = line.find(" : ")
    if "," not in line and colon >= 0 and len(_SPACED_DASH.findall(line, colon)) >= 2:
        return line[:colon] + _SPACED_DASH.sub(" , ", line[colon:])  # "Donation - donor name - amount - notes"
    return line


#: A spreadsheet's column letter before an item of a list ("columns are A title, B author, C ISBN").
_COLUMN_LETTER = re.compile(
    r"(?:(?<=[:,;\n])|(?<=\bare)|(?<=\bwere))([ \t]*)(?:col(?:umn)?[ \t]+)?([A-Z])(?:[ \t]*[:.)=-])?[ \t]+(?=\w\w)"
)
#: Fewest letters in a row that make them a sheet's columns.
_FEWEST_COLUMN_LETTERS = 3


def without_column_letters(text: str) -> str:
    """``text`` without the column letters of a spreadsheet's headers, when three or more follow each other
    ("A title, B author, C ISBN, D borrower card number"): the letters name no field."""
    found = list(_COLUMN_LETTER.finditer(text))
    letters = [ord(m[2]) for m in found]
    if len(found) < _FEWEST_COLUMN_LETTERS or any(b != a + 1 for a, b in zip(letters, letters[1:], strict=False)):
        return text
    for match in reversed(found):
        text = text[: match.start()] + match[1] + text[match.end() :]
    return text


def plain_layout(text: str) -> str:
    """``text`` with tables, pipes, spaced dashes, arrows, emphasis, ticket keys and an assistant's
    preamble rewritten as the plain list marks a person would have typed."""
    text = plain_cardinality(
        plain_sql(plain_story(plain_shorthand(plain_framework_code(drop_example_values(_EMPHASIS.sub("", text))))))
    )
    text = _THOUSANDS.sub(lambda m: m.group(0).replace(",", ""), text)  # "the existing 1,800 rows": one number
    text = _WITH.sub(lambda m: " without " if m.group(0).lower() == "w/o" else " with ", text)
    text = _M2M.sub(" many to many ", _BOTH_WAYS.sub(" and ", text))
    text = _INLINE_DOT.sub(" , ", _PLUS.sub(" , ", without_column_letters(text)))
    raw = [
        _typed_pairs(_inline_block(_rename_line(_TICKET_KEY.sub("", _TASK_BOX.sub(r"\1", line))))) for line in text.splitlines()
    ]
    source = [line for i, line in enumerate(raw) if not _is_preamble(line, raw[i + 1 :]) and not _TEMPLATE_LINE.match(line)]
    lines = []
    seen_text = False  # a non-empty line came before this one
    for index, line in enumerate(source):
        first, seen_text = not seen_text, seen_text or bool(line.strip())
        table = _table_line(line)
        if table is not None:
            if table:
                lines.append(table)
            continue
        if line.count("\t") >= 2:  # spreadsheet headers pasted with their tabs
            line = _TABS.sub(", ", line)
        line = _LIST_ARROW.sub(r"\1 : ", line, count=1)  # "Kiln -> name, max temp": the arrow opens a list
        line = _ARROW.sub(" to ", _MANY_ARROW.sub(r"\1 has ", line))
        line = _dashes(line)
        line = _pipes(line)
        if _introduces_list(line, source[index + 1 : index + 3], first=first):
            line += ":"
        lines.append(line)
    return "\n".join(lines)
