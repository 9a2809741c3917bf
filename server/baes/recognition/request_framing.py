"""The request inside what frames it: a forwarded mail, a quoted client, a task number.

People paste requests with their frame: 'Fwd: from Marieke — "Could the system keep a list of
suppliers? …"', 'client wrote: "we need a list of tasks with …". can you set that up', "Task two.
Design a system to …", "Exercise 3: …". The frame says who asked or which task it is, never what
to build, so the recognizer reads what is inside it: the quoted words when the words around them
only report who said them, and the text after a task number, a forwarding mark or what the work is for
("For my databases assignment, …"), a commit's type or a review's label ("feat(kiln): add …" is "kiln: add
…", "nit: …"); "What I'm after is …" is "I need …", and "Modify Loan so that it
references the Book" or "update Loan to reference Book" is "Loan references the Book": the change is
said by the clause, the verb before it only says that something changes.

Part of ``baes.recognition.normalize.clean_text`` (before the layout is read), so it shapes the
cache key too.
"""

from __future__ import annotations

import re

from baes.recognition import vocabulary as vocab
from baes.recognition.app_context import without_app_context
from baes.recognition.assistant_prompts import unprompted
from baes.recognition.closing_words import without_closing_words
from baes.recognition.conversation_steps import without_steps
from baes.recognition.field_change_wording import fields_plainly
from baes.recognition.keepers import things_kept
from baes.recognition.later_lists import later_lists
from baes.recognition.link_wording import linked_plainly
from baes.recognition.list_openers import list_opened
from baes.recognition.new_things import as_created
from baes.recognition.office_types import office_typed
from baes.recognition.relayed import as_asked, quoted_request
from baes.recognition.rename_wording import renamed_plainly
from baes.recognition.self_corrections import corrected
from baes.recognition.shared_things import as_many_to_many
from baes.recognition.spoken_lists import spoken_list
from baes.recognition.spoken_numbers import NUMBER_WORDS
from baes.recognition.spreadsheet_words import without_the_sheet
from baes.recognition.type_descriptions import types_described
from baes.recognition.typed_run_on import commas_after_types
from baes.recognition.unit_marks import units_as_types
from baes.recognition.user_story import without_role

#: "Backfill existing rows with 'standard'", "backfill guest count with 0": the value stored rows get.
_BACKFILL = re.compile(
    r"\b(?:back-?fill|pre-?fill|populate)\s+(?:the\s+)?(?:existing\s+|old\s+|current\s+)?(?:[a-z][\w ]{0,30}?\s+)?with\s+", re.I
)
#: "Fwd:", "FW:", "Re:" (repeated) at the start of a mail's subject.
_FORWARD = re.compile(r"^\s*(?:(?:fwd?|re)\s*:\s*)+", re.I)
#: "from Marieke —", "From: Tom Baker," after a forwarding mark: who sent it.
_SENDER = re.compile(r"^\s*from\s*:?\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?\s*[:,\-\u2013\u2014]+\s*", re.I)
#: "Task two.", "Exercise 3b:", "Question 1)", "Part B -", "Homework Q4:", "Ticket #88:": the number of a task.
_TASK_NUMBER = re.compile(
    r"^\s*(?:task|exercise|assignment|question|part|problem|step|homework|hw|lab|ticket|issue|bug|story|card|item)\s+"
    r"(?:#?q?\d{1,4}[a-z]?|one|two|three|four|five|six|seven|eight|nine|ten|[a-h])\s*[.:)\-\u2013\u2014]\s+",
    re.I,
)
#: A commit message's type ("feat(kiln):", "fix:") or a review or backlog label ("nit:", "TODO:", "AC:"): the
#: type says what kind of change it is, never what changes; a commit's scope names what it touches.
_CHANGE_LABEL = re.compile(
    r"^\s*#?\s*(?:(?:feat|feature|fix|chore|refactor|perf|build|enhancement|improvement)"
    r"(?:\s*\((?P<scope>[A-Za-z][\w -]{0,30})\))?!?|nit|nitpick|todo|fixme|ac|acceptance criteria|suggestion|"
    r"feature request|change request|changed|deprecated|fixed|small change(?:\s+please)?|quick change|reviewer|review|"
    r"(?:hackathon\s+)?(?:task\s+)?card(?:\s*#?\d+)?|hackathon|(?:closes|fixes|resolves|refs)\s*#\d+|"
    r"(?:data\s+eng|dev|backend|frontend|pm|ops)\s+here|(?:sprint|iteration)(?:\s*#?\d+)?|epic|milestone|"
    r"definition\s+of\s+done|dod|backlog(?:\s+item)?|po\s+notes?|tech\s+debt|chore|"
    r"(?:bug|spike|task)(?=\s*:\s*(?:the|please|rename|add|remove|drop|delete|change|make|link)\b))\s*(?::|\s[\u2013\u2014-])\s+",
    re.I,
)  # also a ticket's or a hackathon's card ("Closes #22:", "hackathon card #4 —"; not "Task:", an entity), and
#   who writes ("dev here —"), or where a backlog item stands ("Sprint 14:", "Definition of done:")
#: "Retro action item: Member records are missing …", "Ticket from QA: …", "shipping tonight: bikes get …": a
#: ticket's or a note's label, in lower case, before a sentence that says the change (not "Support Ticket: title,
#: …", a list, nor "Quest and Item: many-to-many please", entities).
_NOTE = (
    r"(?:ticket|card|item|review|retro|migration|task|story|bug|issue|notes?|request|comment|feedback|checklist|tonight|today)"
)
_FROM = r"(?:from|by|for)\s+[\w-]+"
_TICKET_LABEL = re.compile(
    rf"^\s*(?:(?:(?!and\b)[\w#'\"-]+\s+){{1,3}}?(?-i:{_NOTE})(?:\s+{_FROM})?|{_NOTE}\s+{_FROM})\s*(?:#?\d+)?\s*:\s+"
    r"(?=[^\n,]{0,80}?\b(?:needs?|are\s+missing|is\s+missing|should|gets?|add|please|rename|remove|call\s+it|is\s+not)\b)",
    re.I,
)
#: A changelog's or a pull request's verb ("Renamed X to Y.", "Removes the fax field", "Added brand to Kiln"):
#: what was done is what to do.
_CHANGELOG_VERB = re.compile(
    r"^(\s*(?:[-*]\s+)?)(renamed|renames|removed|removes|dropped|drops|deleted|deletes|added|adds)\b", re.I | re.M
)
_BASE_VERBS = dict(
    pair.split(":")
    for pair in "renamed:rename renames:rename removed:remove removes:remove dropped:drop drops:drop deleted:delete "
    "deletes:delete added:add adds:add".split()
)
#: A changelog's heading before its line ("Added: …", "Removed: fax from Supplier"): the verb when the line has none.
_CHANGELOG_LABEL = re.compile(r"^\s*(added|removed|renamed)\s*:\s+(?=(?P<rest>[^\n]*))", re.I)
_SAYS_ITS_VERB = re.compile(r"\b(?:now|no longer|stores?|has|have|gets?|keeps?|records?|tracks?|is|are)\b", re.I)
#: A letter's greeting and sign-off around the request ("Hi team,", "Cheers, Priya", "Thanks, Marjorie").
_HELLO = (
    r"(?:hi|hiya|hello|helo|hey|heya|howdy|greetings|hola|ciao|bonjour|salut|hallo|habari|namaste|salaam|salam|selam|"
    r"merhaba|oi|ola|olá|privet|shalom|marhaba|jambo|sawubona|xin\s+chào|konnichiwa|annyeong|good\s+day"
    r"|(?:good\s+)?(?:morning|afternoon|evening))"
)
_GREETING = re.compile(rf"^\s*(?:dear|{_HELLO})\b(?:\s+[\w-]+){{0,2}}\s*[,!.]?\s*\n", re.I)
#: A greeting ending in a mark on the request's first line ("Hola! For the Harvest …", "Hi team, …").
_GREETING_INLINE = re.compile(
    rf"^\s*{_HELLO}(?:\s+(?:there|all|team|everyone|guys|folks|sir|madam|krub|ka|po|ji|bhai|habibi))?\s*[,!.]\s+", re.I
)
_SIGN_OFF = re.compile(
    r"(?:(?<=[.!?])|\n)\s*(?:cheers|thanks|thank\s+you|regards|best|kind\s+regards|best\s+regards|many\s+thanks|thx)"
    r"\b[,!.]?(?:\s+the)?(?:\s+[A-Z][\w.-]*){0,2}(?:\s+(?:team|office|desk))?\s*[.!]?\s*$",  # "Thanks, the loans team"
    re.I,
)
#: "new thing: Shoot", "Kayak += hull_code (str)": a new entity, or fields added to one, in shorthand.
#: "how do I make a table for my vinyl records? i want artist, …": a request asked as how to make it, its list said
#: after the question (not "how do I export …"; a question alone stays one).
_HOW_DO_I = re.compile(
    r"^\s*how\s+(?:do|can|would|should|could)\s+(?:i|we)\s+"
    r"(?=(?:make|create|add|build|set\s+up|track|store|keep)\b[^?\n]*\?[ \t]*\S)",
    re.I,
)
_NEW_THING = re.compile(r"^\s*(?:a\s+)?(?:new|another)\s+thing\s*:", re.I)
_PLUS_EQUALS = re.compile(r"^\s*([A-Za-z]\w*)\s*\+=\s*")
#: "…, can you make the relation?", "please make relation between them.", "— please add that link": asks again for
#: the link just described.
_MAKE_THE_RELATION = re.compile(
    r"(?:[,.;]|\s[-\u2013\u2014])?\s*(?:(?:can|could)\s+you\s+|please\s+|pls\s+|kindly\s+)?(?:make|create|add|set\s+up)\s+"
    r"(?:(?:the\s+|a\s+)?relation(?:ship)?|(?:the|that|this)\s+(?:link|connection))(?:\s+between\s+them)?\s*[?.!]?\s*$",
    re.I,
)
#: "Each Rental is for one Bike": the rental belongs to one bike.
_IS_FOR_ONE = re.compile(
    r"\b(is|are)\s+(?:only\s+)?(?:(?:valid|used|meant)\s+)?"
    r"(?:for\s+(?:one|a|an|exactly\s+one)\s+(?=(?-i:[A-Z]))|(?:for|with)\s+(?:exactly\s+one|one|a\s+single|a\s+specific)\s+(?=\w))",
    re.I,
)
#: "… A refund is always for an order.", "Each injury is for a player.": a last sentence saying whose each one is.
_EACH_IS_FOR = re.compile(
    r"(?<=[.!?]\s)((?:each|every|a|an|the)\s+[a-z][\w-]*\s+)(?:is|are)\s+(?:always\s+|only\s+)?for\s+"
    r"(?=(?:one|a|an|exactly\s+one|a\s+single)\s+[a-z][\w-]*\s*[.!]?\s*$)",
    re.I,
)
#: A reference said again as a pronoun ("lessons need an instructor on them", "…, link them up"): no new words.
_ON_THEM = re.compile(
    r"\s+(?:on|for|in)\s+(?:them|it|each\s+one)\b(?=\s*(?:[.,;!?]|$))|,?\s*(?:please\s+)?(?:link|connect)\s+them"
    r"(?:\s+(?:up|together))?\b(?=\s*(?:[.,;!?]|$))",
    re.I | re.M,
)
#: "Piece: link to Glaze": the entity, then its reference.
_LINK_AFTER_LABEL = re.compile(
    r"^(\W*[A-Z][A-Za-z0-9]*)\s*:\s*(?:add\s+(?:an?\s+)?)?(?:link|reference|fk)\s+(?:to|with)\s+", re.M
)
#: Words that only say from when ("going forward", "from now on"): what is asked holds from the change on.
_FROM_WHEN = re.compile(r"\s*\b(?:going|moving)\s+forward\b|\s*\bfrom\s+(?:now|today|here)\s+on\b", re.I)
#: "start recording the venues …", "begin tracking …": the keeping is what is asked, not its start.
_START_KEEPING = re.compile(
    r"\b(?:start|begin)\s+(record|track|log|keep|stor|sav|register|collect)(?:ing|ging)\b(?!\s+(?:at|on|date|time)\b)", re.I
)
_KEEPING_VERBS = {"stor": "store", "sav": "save"}
#: Meeting notes around a request: "Notes from Tuesday's meeting:", "Meeting 3/4:", "Action: …", "Owner: …".
_MEETING_HEAD = re.compile(
    r"^\s*(?:(?:notes?|minutes)\s+(?:from|of)\b[^:\n]{0,40}|meeting\s+(?:notes?\b|minutes\b|recap\b|\d)[^:\n]{0,30}):\s*",
    re.I,
)  # "Meeting 3/4, rehearsal schedule:", not "Meeting Room: name, seats …"
_MEETING_TAIL = re.compile(
    r"[.\n]\s*(?:(?:action(?:\s+items?)?|owner|next\s+steps?)\s*:|follow[- ]up\b)[^\n]*$", re.I
)  # "… Owner: Priya", not "… Owner name, pet name"
_AGREED = re.compile(r"^\s*(?:we\s+)?agreed\s+(?:(?:in|at|during)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+)?(?:that\s+)?", re.I)
#: "Scout entity: 1) name 2) patrol 3) date joined": numbered items on one line are a list.
_NUMBERED_ITEM = re.compile(r"(?:(?<=[:,])|(?<=[^\n\s][ \t]))\d{1,2}[).][ \t]+(?=[A-Za-z])")
#: "Listing: -bathrooms -sold" / "Listing: +pool +garage": fields taken off or put on, in shorthand.
_SIGNED_FIELDS = re.compile(r"^\s*([A-Z]\w*)\s*:\s*((?:[-+][A-Za-z_]\w*\s*){1,8})$")
#: "existing ones should be not organic": the flag's value for stored rows is false.
_SHOULD_BE_NOT = re.compile(r"\b(should|must|can|will)\s+be\s+not\s+[A-Za-z_]+\b", re.I)
#: "Please to Trip add field …" (a second-language order): "add to Trip …".
_TO_E_ADD = re.compile(r"\bto\s+(?:the\s+)?([A-Z]\w*)\s+add\b")
#: "starting at 0", "start everyone at 0": the value a new field starts with.
_STARTING_AT = re.compile(
    r"\b(?:starting|(?:start|starts)\s+(?:everyone|everything|all|them))\s+at\s+(\d+(?:\.\d+)?)\b", re.I
)  # not "the ones already in the db can start at 0", which says which rows
#: A Markdown heading that names a part of the text ("## Summary", "### Description"), not what it is about.
_HEADING_LINE = re.compile(
    r"^\s*#{1,6}\s+(?:summary|description|context|background|details|request|problem|motivation|changes|what|why|"
    r"overview|proposal)\b[^\n]{0,20}\n+",
    re.I,
)
#: "Entity: Inspection\nPurpose: record the health inspections of our food truck\nFields: …": a line after the
#: first that says why the thing is kept, in a written-up spec, is no field.
_PURPOSE_LINE = re.compile(
    r"(?<=\n)[ \t]*(?:purpose|goal|why|reason|context|background|motivation|rationale|used\s+for|requested\s+by)"
    r"[ \t]*:[^\n]*(?:\n|\Z)",
    re.I,
)
#: "For my databases assignment (railway scenario), …", "for our club project": what the work is for.
_WORK_CONTEXT = re.compile(
    r"^\s*for\s+(?:my|our|a|the|this)\s+(?:[\w-]+\s+){0,3}?(?:assignment|coursework|homework|project|course|exam|thesis|"
    r"module|lab|class|hackathon)\b(?:\s*\([^)\n]{0,60}\))?\s*[,:\-\u2013\u2014]?\s*",
    re.I,
)
#: "For the print shop: every quote should hold …": whom the work is for, before a sentence about its rows.
_FOR_WHOM = re.compile(
    r"^\s*for\s+(?:the|my|our|a|this)\s+(?:[\w'-]+\s+){0,2}[\w'-]+\s*[:,]\s+"
    r"(?=(?:every|each|all|we|i)\b|(?-i:[A-Z])\w*(?:\s+(?-i:[A-Z])\w*)?\s*(?:with\b|having\b|:|\(|-|\u2014))",  # "…: Animal with"
    re.I,
)
#: "Schema: Kiln -> …", "Spec: Kiln with …": a document's label before the entity it describes.
_DOCUMENT_LABEL = re.compile(
    r"^\s*(?:schema|spec|specification|data\s+model|design|erd?)\s*:\s*(?=(?-i:[A-Z])\w*\s*(?:with\b|having\b|:|->|\u2192|\(|-|\u2014))",
    re.I,
)
#: "Policies (insurance side): …", "log every review (the inspectors ask). Review date, …": an aside of a few
#: words in the request's opening, before its list begins, says why or where, never a field.
_OPENING_ASIDE = re.compile(
    r"^([^,:.()\n]{1,80}?)\s*\((?![^()\n]*\b(?:optional|empty|nullable|blank|null|may|can|if|unless|required|until|not|must"
    r"|linked|belong\w*|attached|connected)\b)"  # "RoomBooking (linked to Room): …" says the reference
    rf"(?!\s*(?:{'|'.join(vocab.TYPE_WORDS)})\s*\))"
    r"(?:[^(),\n]*\s[^(),\n]*)\)\s*(?=[:.])",  # "Add shoe_size to Student (int).": a type, no aside
    re.I,
)  # not "(can be empty until assigned)", which says the reference is optional
#: "mileage too (carers claim it) and …": an aside that is a clause about people, anywhere (not "(if known)").
_CLAUSE_ASIDE = re.compile(
    r"\s*\((?![^()\n]*\b(?:optional|empty|nullable|blank|null|may|can|if|unless|required|until|not|must|default)\b)"
    r"(?=[^()\n]*\b(?:it|they|we|them|us|he|she|i)\b)[^(),\n]*\s[^(),\n]*\s[^(),\n]*\)",
    re.I,
)
#: "(replaced by line-level discounts)", "(moved to the brokers system)": a reason in parentheses, never a field.
_REASON_ASIDE = re.compile(
    r"\s*\((?:replaced|moved|merged|superseded|deprecated|handled|covered|stored|kept|see|per|because|since|now\s+in|"
    r"no\s+longer|not\s+used|unused|legacy)\b[^()\n]*\)|\s*\([^(),\n]*\breasons\)",  # "(GDPR reasons)"
    re.I,
)
#: "log tool loans, like borrower name, tool and due date": "like" after a comma opens the list (not "like I said").
_LIKE_LIST = re.compile(
    r"^([^.!?\n]*?)(?<!look)(?<!looks)(?<!feel)(?<!sound)(?<!seem)\s*,\s*(?:things\s+)?like\s+"
    r"(?!(?:i|we|you|they|he|she|it|this|that|so|when|if)\b)(?=[a-z][^.!?\n]*(?:,|\band\b))",
    re.I | re.M,
)  # not "make it look more professional, like the Bolt demos": a list follows, and nothing looks like it
#: "…, and when it was last serviced": a list item said as a "when" clause is the date of it; "when it was
#: reported" and "when it started" the moment it happened ("reported at", "started at").
_WHEN_ITEM = re.compile(
    r"(,\s*(?:and\s+)?|\s+and\s+)(?:(?:uh|um|also)\s+)?when\s+(?:it|they|he|she)\s+(?:(?:was|were|got)\s+)?"
    r"(?:(last|first)\s+)?([a-z]+ed|began|begun|ended|left|came\s+in|went\s+out)\b",
    re.I,
)
#: "a Delivery thing for the truck supplies, supplier email, …", "Shelves for the back room of the shop, label, …":
#: whom or what the entity is for, between its name and its list, says nothing it stores.
_FOR_PURPOSE = re.compile(
    r"(\b(?!(?:Properties|Fields|Details|Attributes|Columns)\b)(?-i:[A-Z])[a-z]\w*(?:\s+(?:entity|table|thing|model|record))?)"
    r"\s+for\s+(?:the|our|my|a|an|this)\s+(?:(?!(?:with|having|and|including)\b)[a-z][\w'-]*\s+){0,4}"
    r"(?!(?:with|having|and|including)\b)[a-z][\w'-]*\s*(?=,|:|\s+with\b)",
)
_SPOKEN_NUMBER = re.compile(
    r"\b(default(?:s|ing)?(?:\s+(?:to|of|is|=))?|out\s+of|starting\s+at|start\s+at|(?:\b(?:zero|one|1|0)\s+)to)\s+"
    r"(" + "|".join(word.replace(" ", r"\s+") for word in sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\b",
    re.I,
)
#: "put a checked in at timestamp on volunteer shifts": fields put on an entity are added to it.
_PUT_ON = re.compile(r"^(\s*(?:(?:can|could)\s+(?:we|you)\s+|please\s+|pls\s+)?)put\s+([^.!?\n]+)\s+(?:on|onto)\s+", re.I)
#: "no more mileage on vehicles pls": a field no longer kept on an entity.
_NO_MORE = re.compile(
    r"^\s*no\s+more\s+(?!than\b)(.+?)\s+(?:on|in|for)\s+(?:the\s+)?([A-Za-z]\w*(?:\s+[A-Za-z]\w*)?)\b", re.I
)  # not "no more than 5 guests per Booking"
#: "Changelog 2.3 — Added: …", "Release notes: Removed: …": the release a change is listed under.
_RELEASE_HEAD = re.compile(
    r"^\s*(?:changelog|release\s+notes?|release)\b[^:\n\u2013\u2014]{0,15}?\s*[:\u2013\u2014-]\s*(?=(?:added|removed|renamed)\b)",
    re.I,
)
#: "The Hearing entity has a 'notes' field nobody uses. Let's get rid of it.", "Event has a field called
#: `starts_at`. Rename it to `ends_at`": the change refers back across the sentence end, so the two are read as
#: one sentence ("…, get rid of it").
_REMOVE_IT_AFTER = re.compile(
    r"(?<=\w)(['\")]?)\s*[.!]\s+(?:(?:so|ok(?:ay)?|then)\s*,?\s+)?"
    r"(?:(?:let'?s|let\s+us|please|pls|just|can\s+you|could\s+you|we\s+should)\s+)?"
    r"((?:get\s+rid\s+of|remove|delete|drop|take\s+out)\s+(?:it|them|that|this)\b|rename\s+(?:it|that|this)(?=\s+(?:to|as|into)\b))",
    re.I,
)
#: "make a Bin entity location, material type, …", "a Rider model real quick, name + phone": the list right
#: after the structure word, without "with".
_LIST_AFTER_STRUCTURE = re.compile(
    r"^([^,.:;\n]{0,60}?(?:\b(?:an?|new)\s+[A-Za-z][\w-]*|\b(?-i:[A-Z][a-z])\w*)\s+(?-i:entity|model|table))"
    r"(?:\s+real\s+quick)?\s*(?:,\s*(?:fields|columns|attributes)\s*:|,|;)?\s+"
    r"(?!(?:with|having|that|which|for|to|and|in|of|on|is|are|should|must|called|named|please|pls|so|because|w|it|they|"
    r"can|as|go|has|have|\w+ing|name\s+(?:to|into|from|as|should))\b)"  # "a Shrub entity comprising …" is read by its verb
    r"(?=(?-i:[a-z])[\w ]{0,30}(?:,|;|\+))",
    re.I,
)
_IDEOGRAPHIC_COMMA = re.compile(r"\s*[\u3001\uff0c]\s*")
#: "Kilns (name; max temperature; electric)": a list in parentheses separated by semicolons only.
_SEMICOLON_LIST = re.compile(r"\(([^()\n;,]+(?:;[^()\n;,]+){2,})\)")
#: "Deal needs an owner, which is a SalesRep": the field is a reference to the entity it is said to be.
_WHICH_IS = re.compile(r"\b(an?\s+[a-z]+(?:\s+[a-z]+)?)\s*,?\s+which\s+is\s+an?\s+((?-i:[A-Z])\w*)\b", re.I)
#: "a place where I store suppliers", "somewhere I can log visits": the place only says that something is kept.
_PLACE_WHERE = re.compile(
    r"\b(?:an?\s+|some\s+)?(?:place|space|spot|somewhere)\s+(?:where\s+|in\s+which\s+)?(?:i|we|you|they)\s+(?:can\s+)?"
    r"(?=(?:keep|store|log|track|record|save|note)\b)",
    re.I,
)
#: "What I'm after is basically …", "What we need is …": a wish said the long way round.
_WHAT_I_NEED = re.compile(
    r"^\s*what\s+(?:i|we)(?:\s+am|\s+are|'m|'re)?\s+(?:after|need|want|would\s+(?:like|love)|'d\s+(?:like|love)|love)\s*(?:is\s+|:\s*)"
    r"(?:basically\s+|just\s+|simply\s+|really\s+)?",
    re.I,
)
_CHANGE_VERB = r"^\s*(?:please\s+)?(?:modify|change|update|alter|adjust|amend|edit)\s+(?:the\s+)?"
_CHANGED = r"(?P<name>[A-Za-z][\w]*(?:\s+[A-Za-z]\w*){0,2}?)\s+(?:(?:entity|model|table|class)\s+)?"
#: "Booking: start → starts_at (just the name, keep the data)": why, after a rename said with an arrow (not
#: "Sensor -> Zone (many-to-one)", "Alert -> Sensor (optional, …)", which say what the arrow is).
_ARROW_ASIDE = re.compile(
    r"^([^\n(]*(?:\u2192|->)[^\n(]*?)[ \t]*"
    r"\((?=[^()\n]*\b(?:name|names|naming|data|terminology|wording|wants|asked|prefers?|keep|kept|stays)\b)"
    r"(?![^()\n]*\b(?:fk|foreign|optional|belongs?|each|link|references?|many)\b)[^()\n]*\)[ \t]*[.!]?[ \t]*$",
    re.I,
)
#: "Department 1-to-many Course": "1" written for "one".
_ONE_TO_MANY = re.compile(r"\b1[ \t]*-?[ \t]*to[ \t]*-?[ \t]*(many|n)\b", re.I)
#: "Kindly make it so that …", "please make sure that …" before what the app must hold.
_MAKE_IT_SO = re.compile(
    r"^\s*(?:(?:please|kindly|pls|can\s+you|could\s+you)\s+)*make\s+(?:it\s+so|sure)\s+(?:that\s+)?(?=(?:an?|each|every|one)\s)",
    re.I,
)
#: "Modify Loan so that it references …", "change the Loan model so each one belongs to …": the clause says the change.
_CHANGE_SO_THAT = re.compile(
    _CHANGE_VERB + _CHANGED + r"(?:so(?:\s+that)?|such\s+that)\s+(?:it|they|each\s+one|every\s+one|each\s+\w+|every\s+\w+)\s+",
    re.I,
)
#: "update Loan to reference Book", "change Visit to belong to a Patient" (not "change Loan to Lending": a rename).
_CHANGE_TO_VERB = re.compile(
    _CHANGE_VERB
    + _CHANGED
    + r"to\s+(?=(?-i:reference|belong|link|point|have|include|store|hold|contain|record|keep|track)\s+\w)",
    re.I,
)
#: "make Loan point to Book", "make each visit belong to a Patient": the link is the clause's verb.
_MAKE_POINT = re.compile(
    r"^\s*(?:please\s+)?make\s+(?:the\s+|each\s+|every\s+)?"
    + _CHANGED
    + r"(?=(?-i:point|points|refer|link|belong|related|linked|tied|connected|attached)\s+to\b)",
    re.I,
)


#: "any chance the app could hold …", "any chance you can add …": the question asked plainly.
_ANY_CHANCE = re.compile(r"^(\s*)any\s+chance\s+(?:that\s+)?(the\s+\w+|you|we|i)\s+(?:could|can|would|might)\s+", re.I)


def unframed(text: str) -> str:
    """``text`` without its frame (see the module docstring)."""
    text = office_typed(types_described(commas_after_types(_ANY_CHANCE.sub(r"\1could \2 ", quoted_request(text), count=1))))
    text = spoken_list(unprompted(as_asked(corrected(without_role(text)))))
    text = _SIGN_OFF.sub("", _GREETING_INLINE.sub("", _GREETING.sub("", text, count=1), count=1), count=1)
    text = without_closing_words(without_app_context(text))
    text = without_steps(text)
    text = _MEETING_TAIL.sub(".", _AGREED.sub("", _MEETING_HEAD.sub("", text, count=1), count=1), count=1)
    text = _BACKFILL.sub("existing rows should get ", _STARTING_AT.sub(r"default \1", _FROM_WHEN.sub("", text)))
    text = _START_KEEPING.sub(lambda m: _KEEPING_VERBS.get(m[1].lower(), m[1]), text)
    text = _TO_E_ADD.sub(r"add to \1", _SHOULD_BE_NOT.sub(r"\1 be false", text))
    if len(_NUMBERED_ITEM.findall(text)) >= 2:
        text = _NUMBERED_ITEM.sub(", ", text)
    text = _SIGNED_FIELDS.sub(_signed_fields, text, count=1)
    text = _IS_FOR_ONE.sub("belongs to ", _MAKE_THE_RELATION.sub("", _EACH_IS_FOR.sub(r"\1belongs to ", text, count=1), count=1))
    text = _LINK_AFTER_LABEL.sub(r"link \1 to ", _ON_THEM.sub("", text), count=1)
    text = _PLUS_EQUALS.sub(r"\1: add ", _NEW_THING.sub("new entity:", _HOW_DO_I.sub("", text, count=1), count=1), count=1)
    text = _PURPOSE_LINE.sub("", _HEADING_LINE.sub("", text, count=1), count=1)
    text = _PLACE_WHERE.sub("", _TASK_NUMBER.sub("", text, count=1), count=1)
    text = _CHANGE_LABEL.sub(lambda m: f"{m['scope']}: " if m["scope"] else "", _TICKET_LABEL.sub("", text, count=1), count=1)
    text = _REMOVE_IT_AFTER.sub(r"\1, \2", _RELEASE_HEAD.sub("", text, count=1), count=1)
    text = _CHANGELOG_LABEL.sub(
        lambda m: "" if _SAYS_ITS_VERB.search(re.sub(r"\([^()]*\)", "", m["rest"])) else f"{m[1]} ", text, count=1
    )  # "Removed: Container.tare (we pull it from … now)": the reason says no verb of the change
    text = as_created(_CHANGELOG_VERB.sub(lambda m: m[1] + _BASE_VERBS[m[2].lower()], text))
    text = _MAKE_IT_SO.sub("", text, count=1)  # "Kindly make it so that an X can have many Ys …": what it says
    text = _ARROW_ASIDE.sub(r"\1", text, count=1)  # "Customer → Fan (marketing wants it, data stays the same)"
    text = _ONE_TO_MANY.sub(r"one-to-\1", text)  # "Department 1-to-many Course": the many side holds the key
    text = _WHAT_I_NEED.sub("I need ", _FOR_WHOM.sub("", _WORK_CONTEXT.sub("", text, count=1), count=1), count=1)
    text = _CLAUSE_ASIDE.sub("", _REASON_ASIDE.sub("", _OPENING_ASIDE.sub(r"\1", text, count=1)))
    text = units_as_types(_SPOKEN_NUMBER.sub(_in_digits, text))  # "default zero", "out of ten", "one to five" (a scale)
    text = _NO_MORE.sub(r"remove \1 from \2", _PUT_ON.sub(r"\1add \2 to ", text, count=1), count=1)
    text = _SEMICOLON_LIST.sub(lambda m: f"({m[1].replace(';', ',')})", _IDEOGRAPHIC_COMMA.sub(", ", text))
    text = _LIST_AFTER_STRUCTURE.sub(r"\1 with ", text, count=1)
    text = _WHICH_IS.sub(r"\1 (reference to \2)", text)
    text = things_kept(_FOR_PURPOSE.sub(r"\1", without_the_sheet(text), count=1))
    text = _WHEN_ITEM.sub(lambda m: f"{m[1]}{m[2]} {m[3]}" if m[2] else f"{m[1]}{m[3].replace(' ', '_')} at", text)
    if not re.search(r"\b(?:look|looks|feel|feels|sound|sounds|seem|seems)\b", text, re.I):
        text = _LIKE_LIST.sub(r"\1 with ", text, count=1)
    text = list_opened(_DOCUMENT_LABEL.sub("", text, count=1))
    text = fields_plainly(renamed_plainly(linked_plainly(as_many_to_many(text))))
    for clause_says_it in (_CHANGE_SO_THAT, _CHANGE_TO_VERB, _MAKE_POINT):
        text = clause_says_it.sub(r"\g<name> ", text, count=1)
    text = later_lists(text)
    forwarded = _FORWARD.sub("", text, count=1)
    if forwarded != text:
        text = _SENDER.sub("", forwarded, count=1)
    return text


def _in_digits(match: re.Match[str]) -> str:
    """ "out of ten" → "out of 10", "one to five" → "1 to 5"."""
    lead = _SCALE_START.sub(lambda word: NUMBER_WORDS[word[0].lower()], match[1])
    return f"{lead} {NUMBER_WORDS[' '.join(match[2].lower().split())]}"


_SCALE_START = re.compile(r"\b(?:zero|one)\b", re.I)


def _signed_fields(match: re.Match[str]) -> str:
    """ "Listing: -bathrooms -sold" → "remove bathrooms, sold from Listing" (or "add … to" for "+")."""
    names = match.group(2).split()
    if all(n.startswith("-") for n in names):
        return f"remove {', '.join(n[1:] for n in names)} from {match.group(1)}"
    if all(n.startswith("+") for n in names):
        return f"add {', '.join(n[1:] for n in names)} to {match.group(1)}"
    return match.group(0)
