"""What an item of a list says besides its field's name: an aside in parentheses ("sign language (mostly
SASL)"), a yes/no question asked with "if" ("if it includes food", "a flag for if they're still active"), and
an item that only says the field before it may be empty ("…, can be empty", "(optional, some players are free
agents)")."""

from __future__ import annotations

from dataclasses import replace

from baes.recognition import vocabulary as vocab
from baes.recognition.field_words import BE_FORMS
from baes.recognition.normalize import verb_base
from baes.recognition.request_tokens import PRONOUNS, RELATION_WORDS, Known, Tok, word_token
from baes.recognition.type_annotations import annotation_type
from baes.scaffold.spec import AttributeSpec, RelationshipSpec

#: Words saying a field may hold nothing ("…, both can be empty", "(empty until it comes back)").
SAID_EMPTY = frozenset({"empty", "blank", "null", "missing"})

#: Words of a clause in parentheses that says more than an aside ("(empty until it comes back)").
_NOT_ASIDE = SAID_EMPTY | BE_FORMS | {"not", "no", "so", "default", "until", "unless", "if", "when", "it", "they", "can", "may"}


#: Words of a parenthesis that points at an entity of the app ("(from the Interpreter table)", "(links to Guest)").
_POINTING = frozenset({"from", "the", "a", "an", "table", "entity", "model", "list", "links", "link", "linked", "to", "see"})


#: Words of a parenthesis that say the item is one of the app's rows ("(we already have the Donors tab)").
_SAID_KEPT = frozenset(
    {"existing", "already", "we", "have", "got", "in", "there", "tab", "page", "app", "exists", "exist", "set", "up"}
)


def without_aside(words: list[Tok], known: Known, notes: list[str]) -> tuple[list[Tok], bool]:
    """A name without the parenthesis after it once its type is read: "sign language (SASL mostly)",
    "capacity (how many divers)" and "duration (minutes)" name ``sign_language``, ``capacity`` and
    ``duration``; one that says the field may be empty makes it optional (the bool). A parenthesis that names
    an entity of the app ("(from the Interpreter table)") stays."""
    paren = next((i for i, t in enumerate(words) if t.low == "("), None)
    if paren is None or not any(t.word and t.low not in vocab.ATTRIBUTE_FILLERS for t in words[:paren]):
        return words, False
    aside = [t for t in words[paren + 1 :] if t.word]
    empty = any(t.low in SAID_EMPTY for t in aside)  # "returned at (empty until it comes back)": may be empty
    named = {t.sing for t in aside if known.get(t.sing)}
    name = [t for t in words[:paren] if t.word and t.low not in vocab.ATTRIBUTE_FILLERS]
    pointing = all(known.get(t.sing) or t.low in _POINTING for t in aside)
    if len(named) == 1 and pointing and [t.sing for t in name] == list(named):  # "interpreter (from the Interpreter table)"
        return [*words[:paren], words[paren], *(word_token(w) for w in ("reference", "to", name[0].sing))], False
    key = "_".join([*(t.low for t in name[:-1]), name[-1].sing]) if name else ""
    said_kept = any(t.low in _SAID_KEPT for t in aside) and all(
        known.get(t.sing) or t.low in _POINTING | _SAID_KEPT or t.low.isdigit() for t in aside
    )
    if known.get(key) and named <= {key} and said_kept:  # "client (existing Clients)", "guest (already in there)"
        return [*words[:paren], words[paren], *(word_token(w) for w in ("reference", "to", key))], False
    if not aside or named or any(t.low in RELATION_WORDS for t in aside):
        return words, False
    if not empty and (len(aside) > 4 or any(t.low in _NOT_ASIDE for t in aside)):
        return words, False  # "(everyone in there is not remote, so default false)": a clause of its own
    notes.append(f"left out {' '.join(t.text for t in aside)!r} (said of the field, no part of its name)")
    return words[:paren], empty


def asked_whether(plain: list[Tok]) -> int | None:
    """Where an item asks a yes/no question with "if" ("if it is gas", "if it includes food", "a flag for if
    they're still active"), or None; "if known" and "if any" say the field may be empty."""
    lows = [t.low for t in plain]
    start = next((i for i in range(len(lows) - 2) if lows[i + 1 : i + 3] in (["for", "if"], ["for", "whether"])), None)
    if start is not None and lows[start] in {"flag", "checkbox", "tickbox", "box", "field", "column", "boolean", "bool"}:
        return start + 2
    if lows[0] != "if" or len(lows) < 3:
        return None
    says = any(w in BE_FORMS | {"has", "have", "had"} for w in lows[1:4])
    third = lows[2].endswith("s") and not lows[2].endswith("ss") and len(lows[2]) > 3  # "if it allows dogs"
    verb = lows[1] in {"it", "he", "she"} and (verb_base(lows[2]) == lows[2] or third)  # "includes" is read "include"
    return 0 if says or verb else None


def said_of_last(plain: list[Tok]) -> bool:
    """ "…, can be empty", "…, it may be blank": an item that only says the field before it may be empty."""
    words = [t.low for t in plain if t.low not in {"it", "which", "that", "this", "and", "but", "also", "sometimes"}]
    modal = len(words) == 3 and words[0] in {"can", "may", "might", "could"} and words[1] == "be"
    return modal and (words[2] in SAID_EMPTY or words[2] in vocab.OPTIONAL_WORDS)


#: Words that open a clause said of some rows ("some players are free agents", "not all patients have one").
_SOME_ROWS = frozenset({"some", "many", "most", "few", "not"})
#: Verbs such a clause says them with.
_ROW_VERBS = BE_FORMS | {"do", "does", "have", "has", "need", "needs", "get", "use", "come", "go"}
#: Words before such a clause that say why.
_BECAUSE = frozenset({"but", "because", "as", "since", "and", "cause", "coz", "bcoz", "bcz"})


def said_of_some_rows(plain: list[Tok]) -> bool:
    """ "some players are free agents", "not all patient have", "polish guests don't need": an item said of
    the rows, the reason the field or link before it may be empty; never a field of its own."""
    lows = [t.low for t in plain]
    while lows and lows[0] in _BECAUSE:
        lows = lows[1:]
    if len(lows) < 3:
        return False
    if lows[0] in _SOME_ROWS and any(w in _ROW_VERBS for w in lows[1:7]):  # "some of our older patients do not have"
        return True
    negated = next((i for i, w in enumerate(lows) if w == "not"), 0)  # "guests do not need"; not "do not disturb"
    subject = lows[: max(0, negated - 1)]
    return (
        2 <= negated <= 3
        and lows[negated - 1] in {"do", "does", "did"}
        and negated + 1 < len(lows)
        and not set(subject) & PRONOUNS  # "we don't have it for the old rows" says more than that
    )


def last_made_optional(
    attributes: list[AttributeSpec], relationships: list[RelationshipSpec], said: list[Tok], notes: list[str]
) -> None:
    """The one field or link read so far made optional by a clause about the rows (``said``); of several, the
    last field when no link was read. The clause is noted either way: it is no field."""
    if attributes and not relationships:
        attributes[-1] = replace(attributes[-1], required=False)
    elif relationships and not attributes:
        relationships[-1] = replace(relationships[-1], required=False)
    notes.append(f"read {' '.join(t.text for t in said)!r} as the reason a value may be missing")


def shared_type(words: list[Tok]) -> tuple[list[Tok], str | None, bool]:
    """ "phosphates (all decimals)", "diastolic (both whole numbers)": a type said of this field and the ones before
    it. The words without the parenthesis, the type (None when there is no such aside) and whether it is said of all
    the fields listed so far (else of this one and the one before)."""
    paren = next((i for i, t in enumerate(words) if t.low == "("), None)
    if paren is None or paren + 1 >= len(words) or words[paren + 1].low not in {"both", "all"}:
        return words, None, False
    close = next((i for i in range(paren + 1, len(words)) if words[i].low == ")"), len(words))
    said = [t.low for t in words[paren + 2 : close] if t.low not in {"are", "of", "them", "is"}]
    found = annotation_type(["(", *said, ")"], "str")
    type_word = found.type_word if found is not None else (said[0] if len(said) == 1 else "")
    type_name = vocab.TYPE_WORDS.get(type_word)
    if type_name is None or type_name == "str":
        return words, None, False
    return [*words[:paren], *words[close + 1 :]], type_name, words[paren + 1].low == "all"
