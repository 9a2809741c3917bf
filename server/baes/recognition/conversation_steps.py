"""A request said as the next step of a conversation: "ok so first thing: a Plant table …", "nice that
worked!! next: a Set entity with …", "let's begin w/ the Player entity …", "To begin, we need Orders …".

People building an app step by step with an assistant say which step a request is and how the last
one went. Those words say when, never what: "start with a Debt that has …" creates a Debt, and "next:
add phone to Member" adds a phone. So an acknowledgement at the request's start is dropped, and a step
word ("first thing", "next up", "then", "now", "to begin", "start with") before a thing's name becomes
"create"; before a command it is dropped. A sentence that only says where to start ("My teacher said to
start with the data model.") is dropped too: the data model is what every request builds.

Part of ``baes.recognition.request_framing.unframed``, so it shapes the cache key too.
"""

from __future__ import annotations

import re

#: "nice that worked!!", "great, ", "ok so", "thanks!": how the last step went, at the request's start.
_ACKNOWLEDGED = re.compile(
    r"^\s*(?:(?:ok(?:ay)?|great|nice|cool|perfect|awesome|alright|all\s+right|thanks?|thank\s+you|yay|sweet|"
    r"brilliant|excellent|amazing|good|lovely|done)\b(?:[ \t]+(?:that|it|this)[ \t]+(?:worked|works|is\s+working|"
    r"looks\s+good|was\s+perfect))?[ \t]*(?:[.!,]+|(?=[ \t]+(?:so|now|next|then|first)\b))[ \t]*)+",
    re.I,
)
#: The words that say which step this is.
_STEP = (
    r"(?:(?:ok(?:ay)?|so|and|right)[ \t]*,?[ \t]+)*"
    r"(?:first[ \t]+thing|first[ \t]+up|first[ \t]+off|first|next[ \t]+up|next[ \t]+one|next|then|now|after[ \t]+that|"
    r"to[ \t]+(?:begin|start)(?:[ \t]+(?:with|w/))?|(?:can[ \t]+you[ \t]+|could[ \t]+you[ \t]+|let[ \t]+us[ \t]+|lets[ \t]+|"
    r"we[ \t]+will[ \t]+|i[ \t]+will[ \t]+|i[ \t]+want[ \t]+to[ \t]+)?(?:start|begin)(?:[ \t]+off)?[ \t]+(?:with|w/))"
)
#: What a step word may be followed by when a thing is named: an article, then a name of up to three words,
#: then what says it is a thing to keep (a structure word, a list, "with", "that has").
_THING_NAMED = (
    r"(?=(?:(?:an?|the|one)[ \t]+)?(?:new[ \t]+)?(?!(?:data[ \t]+model|schema|database|basics|backend|ui|frontend)\b)"
    r"[A-Za-z][\w-]*(?:[ \t]+[A-Za-z][\w-]*){0,2}[ \t]*(?:\b(?:entity|table|model|thing|record)\b|\bwith\b|\bw/|"
    r"\bhaving\b|\bthat[ \t]+has\b|:|\(|[-\u2013\u2014][ \t]|;))"
)
#: "My teacher said to start with the data model.": where to start, in a sentence of its own.
_WHERE_TO_START = re.compile(
    r"^[^.!?\n:]{0,60}?\b(?:start|begin)[ \t]+(?:with|w/)[ \t]+(?:the[ \t]+)?(?:data[ \t]+model|schema|database|models|"
    r"backend|basics)[ \t]*[.!]+[ \t]*",
    re.I,
)
_STEP_THEN_THING = re.compile(rf"(^|(?<=[.!?\n])[ \t]*){_STEP}[ \t]*[:,\-\u2013\u2014]?[ \t]*{_THING_NAMED}", re.I | re.M)
#: A step word before a command ("next: add phone to Member", "then rename Client to Customer").
_STEP_THEN_COMMAND = re.compile(
    rf"(^|(?<=[.!?\n])[ \t]*){_STEP}[ \t]*[:,\-\u2013\u2014]?[ \t]*"
    r"(?=(?:please[ \t]+)?(?:add|remove|delete|drop|rename|create|make|link|connect)\b)",
    re.I | re.M,
)


def without_steps(text: str) -> str:
    """``text`` without the words that only say which step of a conversation it is (see the module docstring)."""
    text = _WHERE_TO_START.sub("", _ACKNOWLEDGED.sub("", text, count=1), count=1)
    text = _STEP_THEN_COMMAND.sub(r"\1", text, count=1)
    return _STEP_THEN_THING.sub(r"\1create ", text, count=1)
