"""Requests baes should not turn into a change: questions, operations it has no plan for, screens.

A wrong change is worse than an honest refusal. Some requests name entities and even have
attribute-like words, yet ask for something else: a question ("why does deleting a farm crash the
app?"), an operation with no single-step plan ("merge Client and Customer", "split name into first
and last", "undo the last change"), or a piece of user interface ("a login page with Google
sign-in", "a settings screen"). These are refused first, with a message saying what baes can do.
"""

from __future__ import annotations

from collections.abc import Sequence

from baes.recognition import vocabulary as vocab
from baes.recognition.request_tokens import Tok

#: Question words that open a question about the app, not a request to change it.
_QUESTION_WORDS = frozenset({"why", "how", "what", "when", "where", "who", "which"})
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
#: Words that say a table of data is meant ("a Page entity"): the vocabulary's structure words.
_STRUCTURE = vocab.STRUCTURE_WORDS | {"schema"}


def out_of_scope_reason(toks: Sequence[Tok]) -> str | None:
    """Why the request is no change baes makes, or None."""
    words = [t for t in toks if t.word]
    if not words:
        return None
    first = words[0].low
    if first in _QUESTION_WORDS:
        return (
            "this reads as a question, not as a change: baes creates and changes entities "
            "(e.g. 'add phone to Student', 'each course has many lessons')"
        )
    for tok in words[:3]:
        if tok.stem in _UNPLANNED or tok.low in _UNPLANNED:
            what = _UNPLANNED.get(tok.low) or _UNPLANNED[tok.stem]
            return (
                f"{what} is not something baes does in one step: say each change on its own "
                "(e.g. 'add first name and last name to Customer', then 'remove name from Customer')"
            )
    return None


def interface_reason(entity_key: str, toks: Sequence[Tok]) -> str | None:
    """Why a new entity named like a screen ("login page", "settings screen") is refused, or None.

    Only without a structure word: "create a Page entity with title and slug" is a table of pages.
    """
    head = entity_key.rsplit("_", 1)[-1]
    if head not in _UI_NOUNS or any(t.low in _STRUCTURE for t in toks):
        return None
    return (
        f"a {entity_key.replace('_', ' ')} is part of the user interface, not an entity: baes generates the "
        "Streamlit pages from the entities (e.g. 'create a Book entity with title and author')"
    )
