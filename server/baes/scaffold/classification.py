"""STANDARD or CUSTOM: does an entity need logic the CRUD templates cannot generate?

The templates produce create/read/update/delete with type validation and nothing else.
Anything beyond that (calculations, workflows, integrations, sign-in, scheduling,
notifications, file uploads, reports, validation rules beyond types) makes the entity
CUSTOM, with one human-readable reason per kind of logic found. Detection reads the
request text and the spec's attribute names; a negated mention ("without login") does not
count. Pure and fast: the recognizer calls it on every request.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from baes.scaffold.spec import EntitySpec


class EntityType(Enum):
    """Classification of entity types for template selection (the reference's enum)."""

    STANDARD = "standard"  # Simple CRUD with basic attributes only
    CUSTOM = "custom"      # Complex logic requiring LLM generation


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
        (r"calculat\w*", r"comput\w*", r"(?:sum|total|average|mean)\s+of", r"automatically\s+(?:sum|count|total)\w*",
         r"discounts?", r"taxes", r"tax\s+rate", r"interest\s+rate", r"weighted", r"derived\s+from"),
    ),
    CustomLogicKind(
        "workflow",
        "states and transitions or approvals (the templates have no state machine)",
        (r"workflows?", r"approv\w*", r"reject(?:ion|ed|s)?\s+by", r"state\s+machine", r"status\s+transitions?",
         r"escalat\w*", r"moves?\s+(?:from|to)\s+\w+\s+(?:status|state|stage)"),
    ),
    CustomLogicKind(
        "integrations",
        "calls to external services (the templates talk only to their own SQLite database)",
        (r"integrat\w*", r"third[-\s]party", r"webhooks?", r"stripe", r"paypal", r"payments?\s+gateway",
         r"sync(?:hroni[sz]e)?\s+with", r"external\s+(?:api|service|system)s?", r"import\s+from", r"slack", r"twilio"),
    ),
    CustomLogicKind(
        "authentication",
        "users, sign-in or permissions (the generated API is open)",
        (r"log\s?-?in", r"sign[-\s]?in", r"sign[-\s]?up", r"authenticat\w*", r"authori[sz]\w*", r"passwords?",
         r"permissions?", r"roles?[-\s]based", r"access\s+control", r"jwt", r"oauth", r"tokens?\s+auth\w*"),
        (r"password\w*", r"\w*_token", r"token", r"\w*_hash"),
    ),
    CustomLogicKind(
        "scheduling",
        "jobs that run on their own at set times (the templates only answer requests)",
        (r"schedul\w*", r"cron", r"every\s+(?:day|week|month|hour|morning|night)", r"daily", r"weekly", r"monthly",
         r"recurring", r"reminders?", r"expir\w*\s+automatically", r"background\s+jobs?"),
    ),
    CustomLogicKind(
        "notifications",
        "messages sent to people (the templates send nothing)",
        (r"notif\w*", r"send\w*\s+(?:an?\s+)?(?:e-?mails?|sms|texts?|messages?|alerts?)", r"e-?mail\s+alerts?",
         r"alerts?\s+(?:the|when|if)", r"push\s+messages?", r"sms"),
    ),
    CustomLogicKind(
        "file uploads",
        "files stored with a record (the templates store only typed fields)",
        (r"upload\w*", r"attach\w*", r"(?:photos?|images?|pictures?|avatars?|pdfs?|documents?|files?)\s+"
         r"(?:upload|storage|attachment)s?", r"store\s+(?:the\s+)?(?:files?|photos?|images?|documents?)"),
        (r"\w*(?:photo|image|picture|avatar|attachment|upload)\w*", r"\w*_file"),
    ),
    CustomLogicKind(
        "reports",
        "reports, dashboards or exports (the templates list records one page at a time)",
        (r"(?:generat\w*|produc\w*|creat\w*|print\w*)\s+(?:an?\s+|the\s+)?reports?", r"reports?\s+(?:on|of|about|showing|per)",
         r"dashboards?", r"analytics", r"charts?", r"statistics", r"export\w*", r"summar(?:y|ies|ize)"),
    ),
    CustomLogicKind(
        "validation rules",
        "rules beyond the attribute types (the templates check types and required fields only)",
        (r"must\s+(?:be|not|have|exceed)", r"(?:at\s+least|at\s+most|no\s+more\s+than|more\s+than|less\s+than|"
         r"greater\s+than|fewer\s+than)\s+\d+", r"between\s+\d+(?:\.\d+)?\s+and\s+\d+(?:\.\d+)?", r"unique", r"no\s+duplicates?",
         r"cannot\s+(?:be|exceed|overlap)", r"only\s+if", r"valid\s+range", r"maximum\s+of", r"minimum\s+of",
         r"in\s+the\s+(?:future|past)"),
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


def _mentions(text: str, pattern: str) -> str | None:
    """The first non-negated match of ``pattern`` in ``text`` as a whole word, or None."""
    for match in re.finditer(rf"\b(?:{pattern})\b", text, re.IGNORECASE):
        if not _NEGATION.search(text[max(0, match.start() - 40):match.start()]):
            return match.group(0)
    return None


def classify(request: str = "", spec: EntitySpec | None = None) -> Classification:
    """Classify an entity from the request text and its spec; reasons name what was found."""
    text = " ".join(str(request or "").split())
    names = [a.name.lower() for a in spec.attributes] if spec is not None else []
    reasons: list[str] = []
    for kind in KINDS:
        found = next((hit for p in kind.request_patterns if (hit := _mentions(text, p))), None)
        if found:
            reasons.append(f"{kind.name}: the request mentions {found!r}; {kind.explanation}")
            continue
        attribute = next(
            (n for n in names for p in kind.attribute_patterns if re.fullmatch(p, n)), None
        )
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
