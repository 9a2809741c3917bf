"""Prompts written for an AI coding assistant, read as the request they carry.

People paste what they would type to a chat assistant: a role line ("You are an expert Python
developer."), a label ("Prompt:"), and the order in the stack's words: "Generate a FastAPI CRUD for
InsuranceClaim: …", "Build a REST API with SQLite to manage Layovers", "set up crud for the Matches".
The stack is what baes always generates (FastAPI, SQLite, Streamlit), so its words name no entity:
read word by word they became the entity ("FastApi", "Rest"). Here the order is the plain command
("create InsuranceClaim: …"). A wish for how many ("I want an Apiary to have many Hives") reads as the
fact it asks for ("an Apiary will have many Hives"). Part of ``request_framing.unframed``.
"""

from __future__ import annotations

import re

#: "You are an expert Python developer.", "Act as a senior backend engineer.": the assistant's role.
_ROLE_LINE = re.compile(
    r"^\s*(?:you\s+are|act\s+as|acting\s+as)\s+an?\s+(?:expert|senior|experienced|helpful|professional|skilled)\b[^.!\n]*[.!]?\s*",
    re.I,
)
#: "Prompt:", "Task for the assistant:" opening the request.
_PROMPT_LABEL = re.compile(r"^\s*(?:prompt|instruction|instructions|task for (?:the )?(?:assistant|ai))\s*:\s*", re.I)
_STACK = (
    r"(?:fastapi|flask|django|rest(?:ful)?|sqlite|sqlalchemy|python|streamlit|crud|json|http|web|"
    r"simple|basic|full|complete|small)"
)
_PRODUCT = r"(?:crud|api|apis|backend|endpoints?|rest\s+api|(?<=crud\s)app|(?<=api\s)app)"  # not "an app for a library"
#: "Generate a FastAPI CRUD for …", "Build a REST API with SQLite to manage …", "set up crud for the …".
_STACK_ORDER = re.compile(
    rf"\b(?:generate|genrate|build|create|make|write|scaffold|set\s*up|implement|give\s+me)\s+(?:me\s+)?(?:a\s+|an\s+|the\s+)?"
    rf"(?:{_STACK}\s+){{0,3}}{_PRODUCT}(?:\s+(?:with|using|on|in)\s+{_STACK}(?:\s+and\s+{_STACK})?)?\s+"
    rf"(?:for|to\s+(?:manage|track|store|handle)|that\s+manages|managing)\s+(?:the\s+|a\s+|an\s+|our\s+|my\s+)?",
    re.I,
)
#: "I want an Apiary to have many Hives", "… and a Vehicle to appear on multiple Policies": the wish as a fact.
_WISHED = re.compile(
    r"(?:\bas\s+an?\s+[\w' -]{1,40}?,?\s+(?=(?:i|we)\b))?"  # the story's role goes with the wish
    r"\b(?:(?:i|we)\s+(?:want|need|would\s+like|'d\s+like)|and)\s+(an?|the|each|every|one)\s+([A-Za-z]\w*)\s+to\s+"
    r"(?=(?:have|cover|hold|contain|include|own|appear\s+\w+)\s+(?:many|multiple|several|lots)\b|"
    r"(?:belong|be\s+linked|be\s+tied|point)\s+to\b)",  # how many, or what it belongs to; not "to have a medical form date"
    re.I,
)


def unprompted(text: str) -> str:
    """``text`` without an assistant's role line and prompt label, its stack words and wishes plain (see above)."""
    text = _PROMPT_LABEL.sub("", _ROLE_LINE.sub("", text, count=1), count=1)
    text = _STACK_ORDER.sub("create ", text, count=1)
    return _WISHED.sub(lambda m: f"{'and ' if m.group(0).lower().startswith('and ') else ''}{m[1]} {m[2]} will ", text)
