"""STANDARD or CUSTOM: does an entity need logic the CRUD templates cannot generate?

The templates produce create/read/update/delete with type validation and nothing else.
Anything beyond that (calculations, workflows, integrations, sign-in, scheduling,
notifications, file uploads, reports, validation rules beyond types) makes the entity
CUSTOM, with one human-readable reason per kind of logic found. Detection reads the
request text and the spec's attribute names; a negated mention ("without login") does not
count. Pure and fast: the recognizer calls it on every request.

Words the spec already accounts for are data, not logic, so they are not read as requests
for logic: the entity's name ("create a Report"), stored attribute names ("summary",
"tax rate", "monthly salary") and the phrases that became references ("attach a course to
student", "every course must have a teacher"). An attribute name that is a swallowed clause
("send_email_notification", "total_calculated_from_lines") is not a stored attribute's name
and covers nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from baes.scaffold.spec import EntitySpec, pluralize, snake_case


class EntityType(Enum):
    """Classification of entity types for template selection (the reference's enum)."""

    STANDARD = "standard"  # Simple CRUD with basic attributes only
    CUSTOM = "custom"  # Complex logic requiring LLM generation


@dataclass(frozen=True)
class CustomLogicKind:
    """One kind of logic the standard templates do not generate."""

    name: str
    explanation: str
    request_patterns: tuple[str, ...]
    attribute_patterns: tuple[str, ...] = ()


KINDS: tuple[CustomLogicKind, ...] = (
    CustomLogicKind(
        "calculations",
        "values computed from other data (the templates only store what the client sends)",
        (
            r"calculat\w*",
            r"comput\w*",
            r"(?:sum|total|average|mean)\s+of",
            r"automatically\s+(?:sum|count|total)\w*",
            r"discounts?",
            r"taxes",
            r"tax\s+rate",
            r"interest\s+rate",
            r"weighted",
            r"derived\s+from",
        ),
    ),
    CustomLogicKind(
        "workflow",
        "states and transitions or approvals (the templates have no state machine)",
        (
            r"workflows?",
            r"approv\w*",
            r"reject(?:ion|ed|s)?\s+by",
            r"state\s+machine",
            r"status\s+transitions?",
            r"escalat\w*",
            r"moves?\s+(?:from|to)\s+\w+\s+(?:status|state|stage)",
        ),
    ),
    CustomLogicKind(
        "integrations",
        "calls to external services (the templates talk only to their own SQLite database)",
        (
            r"integrat\w*",
            r"third[-\s]party",
            r"webhooks?",
            r"stripe",
            r"paypal",
            r"payments?\s+gateway",
            r"sync(?:hroni[sz]e)?\s+with",
            r"external\s+(?:api|service|system)s?",
            r"import\s+from",
            r"slack",
            r"twilio",
        ),
    ),
    CustomLogicKind(
        "authentication",
        "users, sign-in or permissions (the generated API is open)",
        (
            r"log\s?-?in",
            r"sign[-\s]?in",
            r"sign[-\s]?up",
            r"authenticat\w*",
            r"authori[sz]\w*",
            r"passwords?",
            r"permissions?",
            r"roles?[-\s]based",
            r"access\s+control",
            r"jwt",
            r"oauth",
            r"tokens?\s+auth\w*",
            r"only\s+(?:the\s+)?(?:\w+\s+){1,2}?(?:can|may|are\s+allowed\s+to|is\s+allowed\s+to)",
            r"(?:admins?|administrators?)\s+only",
        ),
        (r"password\w*", r"\w*_token", r"token", r"\w*_hash"),
    ),
    CustomLogicKind(
        "scheduling",
        "jobs that run on their own at set times (the templates only answer requests)",
        (
            r"schedul\w*",
            r"cron",
            r"every\s+(?:day|week|month|hour|morning|night)",
            r"daily",
            r"weekly",
            r"monthly",
            r"recurring",
            r"reminders?",
            r"expir\w*\s+automatically",
            r"background\s+jobs?",
        ),
    ),
    CustomLogicKind(
        "notifications",
        "messages sent to people (the templates send nothing)",
        (
            r"notif\w*",
            r"send\w*\s+(?:an?\s+)?(?:e-?mails?|sms|texts?|messages?|alerts?)",
            r"e-?mail\s+alerts?",
            r"alerts?\s+(?:the|when|if)",
            r"push\s+messages?",
            r"sms",
        ),
    ),
    CustomLogicKind(
        "file uploads",
        "files stored with a record (the templates store only typed fields)",
        (
            r"upload\w*",
            r"attach\w*",
            r"(?:photos?|images?|pictures?|avatars?|pdfs?|documents?|files?)\s+(?:upload|storage|attachment)s?",
            r"store\s+(?:the\s+)?(?:files?|photos?|images?|documents?)",
        ),
        (r"\w*(?:photo|image|picture|avatar|attachment|upload)\w*", r"(?:\w*_)?files?"),
    ),
    CustomLogicKind(
        "reports",
        "reports, dashboards or exports (the templates list records one page at a time)",
        (
            r"(?:generat|produc|print)\w*\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}?reports?",
            r"creat\w*\s+(?:an?\s+|the\s+)?reports?",
            r"reports?\s+(?:on|of|about|showing|per)",
            r"dashboards?",
            r"analytics",
            r"charts?",
            r"statistics",
            r"export\w*",
            r"summar(?:y|ies|ize)",
        ),
    ),
    CustomLogicKind(
        "validation rules",
        "rules beyond the attribute types (the templates check types and required fields only)",
        (
            r"must\s+(?:be|not|have|exceed)",
            (
                r"(?:at\s+least|at\s+most|no\s+more\s+than|more\s+than|less\s+than|greater\s+than|fewer\s+than)"
                r"\s+\d+"
            ),
            r"between\s+\d+(?:\.\d+)?\s+and\s+\d+(?:\.\d+)?",
            r"unique",
            r"no\s+duplicates?",
            r"cannot\s+(?:be|exceed|overlap)",
            r"only\s+(?:\w+\s+){0,2}?if",
            r"valid\s+range",
            r"maximum\s+of",
            r"minimum\s+of",
            r"in\s+the\s+(?:future|past)",
        ),
    ),
)

_NEGATION = re.compile(r"(?:\bno|\bnot|\bwithout|\bnever|n't)\s+(?:\w+\s+){0,1}$", re.IGNORECASE)


@dataclass(frozen=True)
class Classification:
    """STANDARD or CUSTOM, and why."""

    entity_type: EntityType
    reasons: tuple[str, ...]

    @property
    def requires_custom_logic(self) -> bool:
        return self.entity_type is EntityType.CUSTOM


Span = tuple[int, int]

# Words that never occur in the name of a stored attribute (function words, and verbs of the
# logic above, not their nouns: "escalation_level" is data): an attribute name holding one of
# them is a clause the recognizer swallowed ("only_admins_delete"), which names logic, not data.
_CLAUSE_WORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "when",
        "whenever",
        "while",
        "then",
        "than",
        "from",
        "to",
        "by",
        "with",
        "without",
        "of",
        "in",
        "on",
        "at",
        "after",
        "before",
        "until",
        "into",
        "per",
        "each",
        "every",
        "all",
        "only",
        "must",
        "can",
        "cannot",
        "should",
        "shall",
        "will",
        "would",
        "may",
        "might",
        "is",
        "are",
        "be",
        "been",
        "was",
        "were",
        "has",
        "have",
        "had",
        "do",
        "does",
        "not",
        "no",
        "never",
        "who",
        "which",
        "that",
        "they",
        "them",
        "it",
        "its",
        "their",
        "automatically",
        "automatic",
        "auto",
        "least",
        "most",
    }
)
_ACTION_WORD = re.compile(
    r"(?:calculat|comput|deriv|generat|integrat|synchroni[sz]|escalat|validat)(?:e|es|ed|ing)"
    r"|encrypt(?:s|ed|ing)?|send(?:s|ing)?|sent"
    r"|notif(?:y|ies|ied|ying)|upload(?:s|ed|ing)?|log(?:s|ged|ging)?|sign(?:s|ed|ing)?|sync(?:s|ed|ing)?"
    r"|(?:import|export|reject)(?:s|ed|ing)?|approv(?:e|es|ed|ing)|(?:delet|remov)(?:e|es|ed|ing)"
)
_ARTICLE = r"(?:(?:a|an|the|one|exactly\s+one|its|their|each|every|new)\s+)?"
_FILLER = r"(?:\w+\s+){0,2}?"
_LINK_VERB = r"(?:attach|link|connect|assign|relat|associat|referenc|add)(?:e|es|ed|s|d|ing)?"
_CREATE_VERB = r"(?:creat|defin|generat|build|add|make)\w*"
_REQUIRE = r"(?:(?:must|should|shall|will|always|has\s+to|have\s+to|needs?\s+to)\s+)"
_SEPARATOR = re.compile(r"[\s_-]*")


def _is_stored_name(name: str) -> bool:
    """Whether an attribute name reads as a stored value's name rather than a swallowed clause."""
    words = [w for w in name.lower().split("_") if w]
    return bool(words) and not any(w in _CLAUSE_WORDS or _ACTION_WORD.fullmatch(w) for w in words)


def _name_pattern(name: str) -> str | None:
    """A regex for how a spec name is written in a request: any case, words joined or not, plural or not."""
    words = [w for w in snake_case(name).split("_") if w]
    if not words:
        return None
    forms = sorted({words[-1], pluralize(words[-1])}, key=len, reverse=True)
    last = "(?:" + "|".join(re.escape(f) for f in forms) + ")"
    return r"[\s_-]*".join([*(re.escape(w) for w in words[:-1]), last])


def _covered_spans(text: str, spec: EntitySpec) -> list[Span]:
    """The stretches of ``text`` the spec accounts for as data (see the module docstring), merged."""
    entity = _name_pattern(spec.name)
    targets = [p for p in (_name_pattern(r.target) for r in spec.relationships) if p]
    attributes = [p for p in (_name_pattern(a.name) for a in spec.attributes if _is_stored_name(a.name)) if p]
    patterns: list[str] = [rf"\b(?:{p})\b" for p in targets + attributes]
    if entity:
        patterns.append(rf"\b(?:{_CREATE_VERB}\s+{_ARTICLE})?(?:{entity})\b")  # "create a Report entity"
    if entity and targets:
        ends = "|".join([entity, *targets])
        patterns.append(
            rf"\b{_LINK_VERB}\s+{_FILLER}(?:{ends})\s+(?:to|with|for|and|into|on)\s+"
            rf"{_FILLER}(?:{ends})\b"
        )  # "attach a course to student"
    if targets:  # "every course must have a teacher", "courses are linked to a teacher": a required reference
        patterns.append(
            rf"\b{_REQUIRE}?(?:(?:be|is|are|gets?)\s+)?(?:have|has|belongs?\s+to"
            rf"|{_LINK_VERB}(?:\s+(?:to|with))?)\s+{_ARTICLE}(?:{'|'.join(targets)})\b"
        )
    if attributes:  # "every student must have an email": a required field, which the templates check
        patterns.append(rf"\b{_REQUIRE}(?:have|has|include|contain)\s+{_ARTICLE}(?:{'|'.join(attributes)})\b")
    spans = sorted((m.start(), m.end()) for p in patterns for m in re.finditer(p, text, re.IGNORECASE))
    merged: list[Span] = []
    for start, end in spans:
        if merged and (start <= merged[-1][1] or _SEPARATOR.fullmatch(text[merged[-1][1] : start])):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _mentions(text: str, pattern: str, covered: Sequence[Span] = ()) -> str | None:
    """The first match of ``pattern`` in ``text`` as a whole word that is neither negated nor covered."""
    for match in re.finditer(rf"\b(?:{pattern})\b", text, re.IGNORECASE):
        if any(start <= match.start() and match.end() <= end for start, end in covered):
            continue
        if not _NEGATION.search(text[max(0, match.start() - 40) : match.start()]):
            return match.group(0)
    return None


def classify(request: str = "", spec: EntitySpec | None = None) -> Classification:
    """Classify an entity from the request text and its spec; reasons name what was found."""
    text = " ".join(str(request or "").split())
    names = [a.name.lower() for a in spec.attributes] if spec is not None else []
    covered = _covered_spans(text, spec) if spec is not None else []
    reasons: list[str] = []
    for kind in KINDS:
        found = next((hit for p in kind.request_patterns if (hit := _mentions(text, p, covered))), None)
        if found:
            reasons.append(f"{kind.name}: the request mentions {found!r}; {kind.explanation}")
            continue
        attribute = next((n for n in names for p in kind.attribute_patterns if re.fullmatch(p, n)), None)
        if attribute:
            reasons.append(f"{kind.name}: attribute {attribute!r}; {kind.explanation}")
    return Classification(EntityType.CUSTOM if reasons else EntityType.STANDARD, tuple(reasons))


def not_generated_note(entity_name: str, classification: Classification) -> str | None:
    """The note a CUSTOM entity gets when only the standard templates were used."""
    if not classification.requires_custom_logic:
        return None
    kinds = "; ".join(classification.reasons)
    return (
        f"{entity_name} needs custom logic that was NOT generated ({kinds}). The standard CRUD files were "
        "generated; add that logic by hand, or configure an LLM (BAES_LLM_BASE_URL, BAES_LLM_MODEL) to generate it."
    )
