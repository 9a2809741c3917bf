"""The fields of a new entity listed in a later sentence as what someone needs: "Would it be possible to hold Shifts
too? The ward manager needs to see, for each shift, the nurse name, the start time …", "When we lend objects abroad
a courier travels with them, and we need their full name, their organisation …", "The children's librarian runs
story times, and she needs the event name, the date …".

Staff explaining a request say who needs the fields and why before listing them. Read as words, the story before
the list became fields ("children", "librarian", "runs") or the sentence was left out. The sentence is said as the
paragraph reader's own form, "Each one needs <the list>", when the list follows a person's need: "we", "she" or
"they" need or want ("we need", "she'd want"), or anyone needs to see or know ("the ward manager needs to see"); not
when the sentence names what the list is of ("For each gig we need …").
The first sentence is left alone: it names the entity, and "Each Nurse needs …" there is the entity's own need.
Part of the canonical text (``request_framing.unframed``), so it shapes the cache key too.
"""

from __future__ import annotations

import re

#: Where one sentence ends and the next starts.
_SENTENCE = re.compile(r"(?<=[.?!])[ \t]+(?=[A-Z])")
#: A person's need that opens the list, with what comes before it in the sentence.
_NEED = re.compile(
    r"^(?:[^.?!\n]*?(?:,[ \t]*|[ \t]))??(?:and[ \t]+|so[ \t]+)?"
    r"(?P<need>(?:we|she|he|they)(?:[ \t]+(?:would|will|also|really|just|still))*[ \t]*(?:'d[ \t]+)?"
    r"(?:need|needs|want|wants|would[ \t]+like|like)(?:[ \t]+to[ \t]+(?:see|know))?"
    r"|(?:the|our|my)[ \t]+(?:[\w'-]+[ \t]+){0,3}?(?:needs?|wants?)[ \t]+to[ \t]+(?:see|know|check|look[ \t]+up))"
    r"[ \t]*,?(?:[ \t]*for[ \t]+(?:each|every)[ \t]+(?:one|[a-z]+)[ \t]*,)?[ \t]+(?=\S)(?!to\b)",
    re.I,
)
#: A sentence that names what its list is of before the need ("For each gig we need …"): read as it is.
_EACH_NAMED = re.compile(r"\b(?:each|every|per)\b", re.I)
#: A list: two items at least.
_LIST = re.compile(r",|\band\b", re.I)


def later_lists(text: str) -> str:
    """``text`` with a later sentence's list of what someone needs said as "Each one needs …" (see the module
    docstring)."""
    sentences = _SENTENCE.split(text)
    if len(sentences) < 2:
        return text
    for i, sentence in enumerate(sentences[1:], start=1):
        need = _NEED.match(sentence)
        if (
            need is not None
            and _LIST.search(sentence, need.end())
            and not _EACH_NAMED.search(sentence, 0, need.start("need"))
            and not _LIST_OPENED.match(sentence)
        ):
            sentences[i] = "Each one needs " + sentence[need.end() :]
    return " ".join(sentences)


#: A sentence the rules read already: "Each one needs …", "For each one we need …" keep their own words.
_LIST_OPENED = re.compile(r"^(?:each|every)[ \t]+(?:one|[a-z]+)[ \t]+(?:needs|has|should|must|will)\b", re.I)
