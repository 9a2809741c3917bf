"""Requests baes should not turn into a change: questions, operations it has no plan for, screens.

A wrong change is worse than an honest refusal. Some requests name entities and even have
attribute-like words, yet ask for something else: a question ("why does deleting a farm crash the
app?"), an operation with no single-step plan ("merge Client and Customer", "split name into first
and last", "undo the last change"), a piece of user interface ("a login page with Google
sign-in", "a settings screen", "make the list sortable"), sign-in features, shell commands, or deleting
rows of data ("delete all the Order rows where …"). These are refused first, with a message saying what
baes can do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from baes.recognition import vocabulary as vocab
from baes.recognition.keyboard import keyboard_run
from baes.recognition.request_tokens import Known, Tok, verb_stems

#: Question words that open a question about the app, not a request to change it.
_QUESTION_WORDS = frozenset(
    {"why", "how", "what", "when", "where", "who", "which", "explain", "describe", "whats", "hows", "whys", "wheres", "whos"}
)
#: Question words that also open a clause of a statement ("when a customer orders a part we write a slip").
_CLAUSE_OPENERS = frozenset({"when", "where"})
#: Words after a question word that make it a question ("when do we …", "where is …").
_ASKING_AFTER = frozenset(
    {"do", "does", "did", "is", "are", "was", "were", "can", "could", "should", "would", "will", "shall", "has", "have"}
)
#: "can the box office screen show the seating plan …": what a screen shows.
_SCREEN_SHOWS = re.compile(r"^(?:can|could|would) (?:\w+ ){0,4}(?:screen|page|view|form|dashboard) (?:show|display|highlight)\b")
#: Operations on entities or data with no one-step plan here.
_UNPLANNED = {
    "merge": "merging entities",
    "combine": "combining entities",
    "split": "splitting an entity or a field",
    "undo": "undoing a change",
    "revert": "reverting a change",
    "rollback": "rolling back a change",
    "deploy": "deploying the app",
}
#: Nouns that name a piece of user interface, never a table of data.
_UI_NOUNS = frozenset(
    {
        "page",
        "screen",
        "button",
        "navbar",
        "sidebar",
        "dropdown",
        "modal",
        "widget",
        "tooltip",
        "popup",
    }
)
#: Two words that name a piece of user interface though the last one alone may be data ("a Bar", "a Box"); a
#: "check box" or "tick box" is a flag, and "a text box for notes" a field.
_UI_PAIRS = frozenset(
    f"{kind}_{part}"
    for kind in ("search", "progress", "nav", "tool", "status", "scroll", "combo", "select", "filter")
    for part in ("bar", "box")
)
#: Words about how data is shown, never about what is stored ("make the list sortable by date").
_PRESENTATION = frozenset(
    {
        "sortable",
        "filterable",
        "searchable",
        "clickable",
        "paginate",
        "paginated",
        "pagination",
        "responsive",
        "css",
        "font",
        "fonts",
        "stylesheet",
        "colour",
        "color",
        "colors",
        "colours",
        "highlight",
        "highlighted",
        "bold",
    }
)
#: Presentation words that need no screen part next to them ("make the Shipment list sortable by date").
_SHOWING_ALONE = frozenset({"sortable", "filterable", "searchable", "paginate"})
#: Parts of a screen a presentation word may be about ("the color of the Hive cards").
_SHOWN = _UI_NOUNS | {"list", "card", "cards", "view", "header", "background", "table", "row", "rows", "form", "menu", "theme"}
#: Sign-in features: "login with Google", "sign in with GitHub", "SSO", "OAuth".
_SIGN_IN = frozenset({"oauth", "sso", "2fa", "mfa", "authentication", "signin"})
#: Tools run in a shell: a set-up instruction pasted in is no request.
_COMMANDS = frozenset({"pip", "npm", "uvicorn", "docker", "git", "pytest", "venv", "virtualenv"})
#: Rows of data, as opposed to the entity: "delete all the Order rows where …" removes data, not a table.
_ROWS = frozenset({"rows", "records", "entries", "duplicates", "duplicate"})
#: A singular row word is data only before a filter: "remove the Ferry records older than 2019"
#: (the canonical form may fold "records"), never in "delete the Record entity".
_ROW = frozenset({"row", "record", "entry"})
_ROW_FILTERS = frozenset({"where", "older", "newer", "before", "after", "from", "that", "which", "whose", "with"})
#: Words that pick rows out of a table: "delete the last row in tenants", "remove the empty records".
_ROW_PICKS = frozenset({"last", "first", "empty", "blank", "test", "duplicated"})
#: Words that say a table of data is meant ("a Page entity"): the vocabulary's structure words.
_STRUCTURE = vocab.STRUCTURE_WORDS | {"schema"}


#: Marks before a listed field: "frame size, color and price" lists a color, it does not style one.
_LISTED_AFTER = frozenset({",", ":", "(", "and", "with", "have", "having", "field", "column", "attribute"})  # "a field color"


def _about_presentation(toks: Sequence[Tok]) -> bool:
    """A presentation word next to a screen part in one sentence ("make the list sortable", "the color of
    the cards"), and not a field in a list ("We keep a list of bikes. Each has frame size, color …")."""
    sentence: list[Tok] = []
    for tok in [*toks, Tok(".", ".", ".", ".", False)]:
        if tok.low not in {".", ";"}:
            sentence.append(tok)
            continue
        styled = [
            i
            for i, t in enumerate(sentence)
            if t.low in _PRESENTATION
            and not (i and (sentence[i - 1].low in _LISTED_AFTER or sentence[i - 1].stem in verb_stems("create")))
        ]  # "create a color card entity" names an entity
        if styled and any(t.low in _SHOWN or t.low in _SHOWING_ALONE for t in sentence):
            return True
        sentence = []
    return False


def out_of_scope_reason(toks: Sequence[Tok], known: Known | None = None) -> str | None:
    """Why the request is no change baes makes, or None (an app's entity named like a behaviour,
    "Alert still has …", is the entity)."""
    words = [t for t in toks if t.word]
    if not words:
        return None
    first = words[0].low
    clause = first in _CLAUSE_OPENERS and len(words) > 1 and words[1].low not in _ASKING_AFTER
    if first in _QUESTION_WORDS and not clause:  # "when a customer orders a part we …, …" opens a statement
        return (
            "this reads as a question, not as a change: baes creates and changes entities "
            "(e.g. 'add phone to Student', 'each course has many lessons')"
        )
    lows = [t.low for t in words]
    mashed = next((low for low in lows if keyboard_run(low)), None)
    if mashed is not None:
        return f"{mashed!r} reads as keys typed in a row, not words: say what to create or change (e.g. 'add phone to Student')"
    if any(low in _COMMANDS for low in lows):
        return "this reads as commands to run, not as a change: baes creates and changes entities (e.g. 'add phone to Student')"
    if any(low in _SIGN_IN for low in lows) or _signs_in(lows[:5]):
        return (
            "signing in is a feature of the app, not an entity: baes creates and changes entities "
            "(e.g. 'create a User entity with email')"
        )
    said = " ".join(lows)
    if (
        _about_presentation(toks) or "per page" in said or _SCREEN_SHOWS.search(said)
    ):  # "show 50 rows per page", "can the … screen show"
        return (
            "this is about how data is shown, not what is stored: baes generates the Streamlit pages from the "
            "entities; change what an entity holds instead (e.g. 'add color to Car')"
        )
    everything = [t.low for t in toks]
    opening = " ".join(everything[: next((i for i, low in enumerate(everything) if low in {",", ".", ";"}), len(everything))])
    said = " ".join(everything)
    found = next((reason for pattern, reason in _NOT_A_CHANGE if pattern.search(said)), None)
    found = found or next((reason for pattern, reason in _NOT_A_CHANGE_OPENING if pattern.search(opening)), None)
    if found:
        return found
    delete = next((i for i, t in enumerate(words) if t.stem in verb_stems("delete")), None)
    after = lows[delete + 1 : delete + 7] if delete is not None else []
    owner_next = {  # "remove seat row from Ticket": "from" names the entity a field is taken from, no filter
        i
        for i, low in enumerate(after)
        if low == "from"
        and known is not None
        and delete is not None
        and delete + i + 2 < len(words)
        and known.get(words[delete + i + 2].sing)
    }
    if after and (
        any(low in _ROWS or low == "where" for low in after)
        or any(low in _ROW | _ROWS and before in _ROW_PICKS for before, low in zip(after, after[1:], strict=False))
        or any(
            low in _ROW and nxt in _ROW_FILTERS and i + 1 not in owner_next
            for i, (low, nxt) in enumerate(zip(after, after[1:], strict=False))
        )
    ):
        return (
            "deleting rows of data is not a change of the app's entities: use the app (or SQL) for data; "
            "to remove a whole entity say e.g. 'delete the Coupon entity'"
        )
    own = known is not None and known.get(words[0].sing) is not None
    if first in vocab.BEHAVIOURS and len(words) > 2 and _followed_by_a_word(toks) and not own:
        return (
            f"{vocab.BEHAVIOURS[first]} is behaviour of the app, not data it stores: baes creates and changes entities "
            "(e.g. 'add a reminder date to Task' stores when to remind)"
        )
    for tok in words[:3]:
        if tok.stem in _UNPLANNED or tok.low in _UNPLANNED:
            what = _UNPLANNED.get(tok.low) or _UNPLANNED[tok.stem]
            return (
                f"{what} is not something baes does in one step: say each change on its own "
                "(e.g. 'add first name and last name to Customer', then 'remove name from Customer')"
            )
    return None


#: "generate unit tests for the Tariff CRUD", "write tests for Kiln".
_TESTS = re.compile(
    r"\b(?:generate|write|add|create|make)\s+(?:some\s+|the\s+)?(?:unit\s+|integration\s+|e2e\s+)?tests?\s+(?:for|of)\b"
)
#: "delete everything", "remove all of it", "drop all tables".
_EVERYTHING = re.compile(
    r"\b(?:delete|remove|drop|clear|wipe|erase)\s+(?:everything|all(?:\s+of\s+it)?|all\s+(?:the\s+)?(?:tables|entities|data))\s*$"
)
#: "make it look nicer on my phone", "make the save button bigger": how the app looks.
_LOOKS = re.compile(
    r"\b(?:look|looks)\s+(?:more\s+)?(?:nicer|better|nice|prettier|pretty|modern|professional|cleaner|clean|good|elegant|like)\b|"
    r"\b(?:page|screen|header|background|theme|button|buttons)\s+(?:\w+\s+)?(?:red|blue|green|purple|pink|orange|yellow|black|white|grey|gray)\b|"
    r"\bto\s+show\s+(?:the\s+)?(?:newest|oldest|latest|most\s+recent|cheapest|biggest)\b|"
    r"\b(?:button|buttons|icon|icons|font|text|logo|menu|screen|page)\s+(?:bigger|smaller|larger|wider|narrower|bolder|darker|lighter)\b"
)
#: "only admins should be allowed to delete a Farm", "nobody is permitted to edit …", "only shift managers should be
#: able to delete shipments": a permission rule.
_PERMISSION = re.compile(
    r"\b(?:be|is|are|not|never)\s+(?:allowed|permitted|authori[sz]ed)\s+to\s+(?:delete|remove|edit|change|update|see|view|"
    r"create|add|access|modify|approve|export|manage|read|write|open|close|cancel)\b|\bpermissions?\s+to\b|"
    r"\bonly\s+(?:[a-z]+\s+){0,2}(?:admins?|administrators?|managers?|owners?|staff|editors?|superusers?|moderators?|"
    r"supervisors?|leads?|heads?)\s+(?:(?:can|may|should|must)\b|(?:to\s+)?be\s+able\s+to\b)|"
    # "only leaders should be able to edit badges", "scouts can only view them": who may change or see what
    r"\bonly\s+(?:[a-z]+\s+){1,2}(?:(?:can|may|should|must)\s+(?:be\s+able\s+to\s+)?|(?:to\s+)?be\s+able\s+to\s+)"
    r"(?:delete|remove|edit|change|update|see|view|modify|approve|access)\b|\bcan\s+only\s+(?:view|see|read)\b|"
    # "volunteers shouldn't see clients' addresses, only admins": who may see or change what
    r"\b(?:shouldn'?t|should\s+not|can'?t|cannot|must\s+not|mustn'?t)\s+(?:be\s+able\s+to\s+)?(?:see|view|edit|access|change)\b|"
    # "each teacher sees only his own students", "users can only edit their own posts"
    r"\b(?:only\s+(?:sees?|views?|edits?|access(?:es)?)|(?:sees?|views?|edits?|access(?:es)?)\s+only)\s+(?:\w+\s+)?"
    r"(?:his|her|their|its|own)\b"
)
_LOOKS_REASON = (
    "this is about how the app looks, not what it stores: baes generates the Streamlit pages from the "
    "entities; change what an entity holds instead (e.g. 'add color to Car')"
)
#: Requests that are about something other than the app's data, each with the reason given: a design question
#: ("… or is a join table better"), an explanation, a database index, the database engine, a bug report,
#: messages the app should send, a screen part ("a calendar view on the bookings screen"), writing tests.
_NOT_A_CHANGE: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"\bor\s+(?:is|would)\s+(?:\w+\s+){0,3}better\b|\bwhich\s+(?:is|would\s+be)\s+better\b|\bexplain\b|"
            r"\bwhat\s+is\s+difference\b|\bwhat\s+do\s+you\s+(?:think|suggest|recommend)\b"
        ),
        "this asks for advice or an explanation, not for a change: say which change to make "
        "(e.g. 'students and courses are many to many')",
    ),
    (
        re.compile(r"^(?:add|create|make)\s+(?:unique\s+)?index(?:es)?\b"),
        "an index is a database setting, not a field: baes generates the tables from the entities "
        "(e.g. 'add tracking number to Shipment')",
    ),
    (
        re.compile(
            r"\b(?:switch|migrate|move|change|port)\b.*\b(?:postgres|postgresql|mysql|mariadb|mongodb|mongo|oracle|supabase)\b"
        ),
        "the database engine is not an entity: baes generates a SQLite app; change what an entity holds instead "
        "(e.g. 'add color to Car')",
    ),
    (
        re.compile(r"\bcrash(?:ed|es|ing)\b|\btraceback\b|\b\w+_error\b|\bexpected\s*:.*\bactual\s*:"),  # not "crash date"
        "this reads as a bug report, not as a change of the app's data: baes creates and changes entities "
        "(e.g. 'add phone to Student')",
    ),
    (
        re.compile(  # not "Create an Enrollment with date and send an email when …": an entity with its logic
            r"^(?!.*\bwith\b.*\bsend\b).*(?:\bsend\s+(?:\w+\s+){0,2}(?:sms|texts?|reminders?|notifications?|e-?mails?|messages?|"
            r"whatsapps?|alerts?)\b|\btext\s+\w+\s+reminders?\b|"
            r"^(?:\w+\s+){0,2}?(?:text|e-?mail|sms|message)\s+(?:\w+\s+){1,2}(?:an?\s+)?(?:reminders?|notifications?)\b|"
            # "text the customer when their service is due", "email the pharmacist when a batch …"
            r"^(?:\w+\s+){0,3}?(?:text|e-?mail|sms|whatsapp|message|notify|remind)\s+(?:\w+\s+){1,2}(?:when|before|after|if)\b|"
            # "when a leave request is approved, email the employee"
            r"^(?:when|whenever|once|after)\b[^,.]*,\s*(?:please\s+)?(?:text|e-?mail|sms|whatsapp|message|notify|remind|alert)\s)"
        ),
        "sending messages is behaviour of the app, not data it stores: baes creates and changes entities "
        "(e.g. 'add a reminder date to Task' stores when to remind)",
    ),
    (  # "I want a monthly report of how many lessons …", "a report of sales by product as a pdf"
        re.compile(
            r"\b(?:daily|weekly|monthly|yearly|annual|quarterly|sales|summary)\s+reports?\s+(?:of|on|about|for|with|showing)\b|"
            r"\breports?\s+of\s+(?:how\s+many|total|all|the\s+total)\b|\bas\s+(?:a\s+)?(?:pdf|csv|excel)\b"
        ),
        "a report is a view of the data, not data the app stores: baes creates and changes entities; the generated "
        "pages list and filter each entity's rows",
    ),
    (  # not "an active toggle" (a flag) or "chart number" (a field)
        re.compile(
            r"\bdark\s+(?:mode|theme)\b|\b(?:big|bigger|huge|larger)\s+buttons?\b|\b(?:bar|pie|line)\s+(?:chart|graph)\b|\b(?:chart|graph)\s+of\b|\b(?:calendar|map|kanban)\s+view\b"
        ),
        _LOOKS_REASON,
    ),
    (
        re.compile(
            r"\b(?:connect|integrate|hook\s+up|sync)\s+(?:the\s+|this\s+|our\s+|my\s+)?(?:app|application|system|site|"
            r"website|it|this|backend)\s+(?:to|with|into)\b|"
            # "connect Appointments to google calendar", "sync invoices with our Xero account": another system
            r"\b(?:connect|integrate|hook\s+up|sync|link|push)\s+(?:\S+\s+){1,3}?(?:to|with|into)\s+(?:the\s+|our\s+|my\s+)?"
            r"(?:google\s+(?:calendar|sheets?|drive)|outlook|gmail|quickbooks|xero|sage|stripe|paypal|slack|teams|mailchimp|"
            r"salesforce|hubspot|zapier|shopify|dropbox|excel|\w+\s+account)\b"
        ),
        "connecting the app to another system is an integration, not data it stores: baes creates and changes entities "
        "(e.g. 'add a stripe customer id to Customer' stores the other system's key)",
    ),
    (
        re.compile(r"^(?:please\s+)?(?:generate|make|create|give\s+me|come\s+up\s+with)\s+(?:me\s+)?(?:a\s+|some\s+)?random\b"),
        "making up content is not a change of the app's entities: baes creates and changes entities "
        "(e.g. 'create a Character entity with name and backstory')",
    ),
    (_TESTS, "writing tests is not a change of the app's entities: baes generates the tests with each entity it scaffolds"),
    (
        re.compile(
            r"^(?:remove|delete|drop|get\s+rid\s+of|clean\s+up)\s+(?:all\s+)?(?:old\s+|unused\s+|extra\s+)?(?:stuff|junk|clutter)\b"
        ),
        "which fields? Name the fields to remove, e.g. 'remove fax and pager from Supplier'",
    ),
    (
        re.compile(
            r"^(?:the\s+)?\w+(?:\s+\w+)?\s+(?:needs?|requires?|could\s+use)\s+(?:some\s+|a\s+few\s+|more\s+|a\s+bit\s+of\s+)?"
            r"(?:changes|fixing|fixes|work|updates|tweaks|tweaking|improvements|attention|love)\s*[.!]*$"
        ),
        "which change? Say what to add, remove or rename, e.g. 'add phone to Student' or 'remove fax from Supplier'",
    ),  # "Repair needs some changes", "the badge thing needs work": no change named
)
#: The same, said in the request's opening clause only (not "Create a Product with name and price, only admins
#: can delete", an entity with its logic).
_NOT_A_CHANGE_OPENING: tuple[tuple[re.Pattern[str], str], ...] = (
    (_EVERYTHING, "deleting everything is not one change: delete one entity at a time (e.g. 'delete the Coupon entity')"),
    (_LOOKS, _LOOKS_REASON),
    (
        _PERMISSION,
        "who may do what is a permission rule of the app, not data it stores: baes creates and changes entities "
        "(e.g. 'add a role to User' stores a role)",
    ),
)


def _followed_by_a_word(toks: Sequence[Tok]) -> bool:
    """Whether the request's first word has a word right after it ("send an email", not "export, name")."""
    first = next(i for i, t in enumerate(toks) if t.word)
    return first + 1 < len(toks) and toks[first + 1].word


def _signs_in(lows: Sequence[str]) -> bool:
    """ "login with Google", "sign in with GitHub" opening the request: the request is about signing in."""
    text = " ".join(lows)
    return any(phrase in text for phrase in ("login with", "sign in with", "log in with"))


#: Features of an app, not fields: "a full stack app with login, payments and push notifications" (two of
#: them among a new entity's fields; one, as in "Account with login", is a field).
FEATURES = frozenset(
    {"login", "logins", "signup", "authentication", "notifications", "push_notifications", "payments", "chat", "dashboard"}
)


def interface_reason(entity_key: str, toks: Sequence[Tok]) -> str | None:
    """Why a new entity or field named like a screen part ("login page", "an export button") or an app
    feature ("… with login and push notifications") is refused, or None.

    Only without a structure word: "create a Page entity with title and slug" is a table of pages.
    """
    if entity_key in FEATURES and not any(t.low in _STRUCTURE for t in toks):
        return (
            f"{entity_key.replace('_', ' ')} is a feature of the app, not data it stores: baes creates and changes "
            "entities (e.g. 'create a User entity with email')"
        )
    head = entity_key.rsplit("_", 1)[-1]
    widget = "_".join(entity_key.split("_")[-2:]) in _UI_PAIRS
    if (head not in _UI_NOUNS and not widget) or any(t.low in _STRUCTURE for t in toks):
        return None
    return (
        f"a {entity_key.replace('_', ' ')} is part of the user interface, not an entity: baes generates the "
        "Streamlit pages from the entities (e.g. 'create a Book entity with title and author')"
    )
