"""Asking to keep one more field on an entity the app has: "can we also store the vin on vehicles?",
"also track the colour for Vehicle", "we want to record the vin on vehicles too".

"store", "track", "record" usually create an entity ("track vehicles with …"); said of a field and
then one of the app's entities after "on", "for" or "in", they ask to add that field to it. Without
the entity being one of the app's, the words stay for the other rules ("track invoices for clients"
creates an Invoice).
"""

from __future__ import annotations

from baes.recognition import vocabulary as vocab
from baes.recognition.request_tokens import Known, Tok, word_token

_HOLDER = frozenset({"on", "for", "in", "to"})
_ENDING = frozenset({"too", "also", "as", "well", "."})


def kept_on_existing(toks: list[Tok], known: Known) -> list[Tok]:
    """``toks`` as "add X to E" when they ask to keep X on E, an entity of the app; else unchanged."""
    start = next((i for i, t in enumerate(toks) if t.low not in vocab.ASKING_WORDS), len(toks))
    if start >= len(toks) - 3 or toks[start].low not in vocab.KEEPING_VERBS:
        return toks
    for at in range(start + 2, len(toks) - 1):
        if toks[at].low not in _HOLDER:
            continue
        owner = at + 2 if toks[at + 1].low in {"each", "every", "all"} else at + 1  # "… on each vehicle"
        if (
            owner < len(toks)
            and toks[owner].word
            and known.get(toks[owner].sing)
            and all(t.low in _ENDING for t in toks[owner + 1 :])
        ):
            return [word_token("add"), *toks[start + 1 : at], word_token("to"), toks[owner]]
    return toks
